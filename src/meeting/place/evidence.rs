//! The evidence a page, an article and a meeting's lead give for each place: counted hits,
//! names of the report's own kind written in passing, and namesakes settled by their kin.

use std::collections::{BTreeMap, BTreeSet};

use super::Gazetteer;
use super::hits::{Hit, NATIONAL_OUTLETS, PageHits};
use super::meeting::MeetingText;
use super::own::Kind;

/// Evidence gathered for one place.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tally {
    pub(super) media: u32,
    pub(super) dateline: u32,
    pub(super) organ: u32,
    pub(super) mentions: u32,
}

/// Everything the texts say, per place.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    pub(super) page: BTreeMap<usize, Tally>,
    pub(super) article: BTreeMap<usize, Tally>,
    /// Hits in the title, headline or lead.
    pub(super) head: BTreeMap<usize, u32>,
    /// Mentions written with their full official name in the article (宁德市委, 宁德市): how a
    /// report names a parent or a neighbour, while it calls itself 市委 or 我市.
    pub(super) article_official: BTreeMap<usize, u32>,
    /// Places named in the article by a name only they have, with their ancestors.
    pub(super) article_kin: BTreeSet<usize>,
    /// Names of several places that nothing on the page settles (鼓楼 with no city named).
    pub(super) ambiguous: Vec<Vec<usize>>,
}

impl Gazetteer {
    /// Reads the hits of each text into per-place evidence.
    pub(super) fn evidence(
        &self,
        text: &MeetingText<'_>,
        kind: Option<Kind>,
        organ_kind: Option<Kind>,
        page_hits: &PageHits,
    ) -> Evidence {
        let page_hits = &page_hits.0;
        // The pipeline also asks for the page as a whole: read it once.
        let article_hits = if text.article == text.page {
            page_hits.clone()
        } else {
            self.hits(text.article)
        };
        let mut head_hits = self.hits(&subjects(text.head));
        head_hits.extend(self.hits(text.title));
        // Each text supports its own names: a word like 资源 counts in a State Council story
        // only if that story itself names 资源县, not because another story on the page does.
        let page_supported = self.supported(page_hits);
        let article_supported = self.supported(&article_hits);
        let mut head_supported = self.supported(&head_hits);
        head_supported.extend(article_supported.iter().copied());

        let mut ev = Evidence::default();
        // A national outlet's page (no local paper or site named, a national agency cited)
        // speaks for no locality: only what the article itself names counts, not where the
        // agency filed from (新华社北京…电) nor the other stories on the page.
        let mut page_tally = self.tally(page_hits, &page_supported);
        let national = !page_tally.values().any(|t| t.media > 0)
            && NATIONAL_OUTLETS.iter().any(|o| text.page.contains(o));
        if national {
            page_tally.clear();
        }
        ev.page = page_tally;
        ev.article = self.tally(&article_hits, &article_supported);
        for h in &article_hits {
            match self.resolve_hit(h, &article_supported) {
                Some(i) => {
                    if self.is_official(h, i)
                        && kind.is_some_and(|k| k.fits(&self.officials[i], self.places[i].level))
                    {
                        *ev.article_official.entry(i).or_default() += 1;
                    }
                    if self.patterns[h.pattern].len() == 1 {
                        ev.article_kin
                            .extend(std::iter::successors(Some(i), |&p| self.parents[p]));
                    }
                }
                None => {
                    // A name of the report's own kind written once in passing is evidence,
                    // when it names one place of that kind.
                    if let Some(i) = self.resolve_by_kind(h, organ_kind) {
                        ev.article.entry(i).or_default().mentions += 1;
                    } else if h.context.strong()
                        || self.patterns[h.pattern]
                            .iter()
                            .any(|&(_, official)| official)
                    {
                        let cands: Vec<usize> =
                            self.patterns[h.pattern].iter().map(|&(i, _)| i).collect();
                        if cands.len() > 1 {
                            ev.ambiguous.push(cands);
                        }
                    }
                }
            }
        }
        // Namesakes settled by their kin: 鼓楼 on a page that also names 南京; failing that, by
        // the kin the page names outside the article (a 辽宁 tag above a 铁东区 report).
        let page_kin: BTreeSet<usize> = page_hits
            .iter()
            .filter(|h| !national && self.patterns[h.pattern].len() == 1)
            .filter_map(|h| self.resolve_hit(h, &page_supported))
            .flat_map(|i| std::iter::successors(Some(i), |&p| self.parents[p]))
            .collect();
        let kin = ev.article_kin.clone();
        let settle = |cands: &[usize]| {
            self.settle(cands, kind, &kin)
                .or_else(|| self.settle(cands, kind, &page_kin))
        };
        let mut settled = Vec::new();
        ev.ambiguous.retain(|cands| match settle(cands) {
            Some(i) => {
                settled.push(i);
                false
            }
            None => true,
        });
        for i in settled {
            ev.article.entry(i).or_default().mentions += 1;
        }
        for h in &head_hits {
            let i = self
                .resolve_hit(h, &head_supported)
                .or_else(|| self.resolve_by_kind(h, organ_kind))
                // A full official name in the headline or lead (本溪市组织收视收听…) says whose
                // report it is, even written once.
                .or_else(|| self.primary[h.pattern].filter(|&i| self.is_official(h, i)))
                .or_else(|| {
                    let cands: Vec<usize> =
                        self.patterns[h.pattern].iter().map(|&(i, _)| i).collect();
                    settle(&cands)
                });
            if let Some(i) = i {
                *ev.head.entry(i).or_default() += 1;
            }
        }
        ev
    }

    /// The one namesake among `cands` of the report's kind whose ancestor the article names.
    fn settle(&self, cands: &[usize], kind: Option<Kind>, kin: &BTreeSet<usize>) -> Option<usize> {
        if cands.len() < 2 {
            return None;
        }
        let mut near = cands.iter().copied().filter(|&i| {
            kind.is_none_or(|k| k.fits(&self.officials[i], self.places[i].level))
                && std::iter::successors(self.parents[i], |&p| self.parents[p])
                    .any(|up| kin.contains(&up))
        });
        let first = near.next()?;
        near.next().is_none().then_some(first)
    }

    /// Counts the resolved hits of one text.
    fn tally(&self, hits: &[Hit], supported: &BTreeSet<usize>) -> BTreeMap<usize, Tally> {
        let mut tally: BTreeMap<usize, Tally> = BTreeMap::new();
        for h in hits {
            let Some(i) = self.resolve_hit(h, supported) else {
                continue;
            };
            let t = tally.entry(i).or_default();
            t.media += u32::from(h.context.media);
            t.organ += u32::from(h.context.organ);
            t.dateline += u32::from(h.context.dateline);
            // A dateline says where a reporter filed from; it is weighed on its own.
            t.mentions += u32::from(!h.context.dateline);
        }
        tally
    }

    /// The one place of the report's own kind an unsupported name stands for, if exactly one
    /// and not settled otherwise (several namesakes under a parent named nearby).
    fn resolve_by_kind(&self, h: &Hit, kind: Option<Kind>) -> Option<usize> {
        let kind = kind?;
        if (h.near_parent && h.near_place.is_none()) || self.common.get(h.pattern) == Some(&true) {
            return None;
        }
        let mut fit = self.patterns[h.pattern]
            .iter()
            .map(|&(i, _)| i)
            .filter(|&i| kind.fits(&self.officials[i], self.places[i].level));
        let first = fit.next()?;
        fit.next().is_none().then_some(first)
    }
}

/// Verbs after which a lead speaks of other bodies (传达宁德市…会议精神): the subject, who
/// convenes, comes before them.
const CONVENE: [&str; 6] = ["召开", "主持", "举行", "组织", "收听", "收看"];

/// Each line of `head` up to its first convening verb.
fn subjects(head: &str) -> String {
    head.lines()
        .map(|line| {
            let cut = CONVENE
                .iter()
                .filter_map(|v| line.find(v))
                .min()
                .unwrap_or(line.len());
            &line[..cut]
        })
        .collect::<Vec<_>>()
        .join("\n")
}
