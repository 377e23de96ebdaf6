//! The gazetteer of PRC divisions, and which locality a page reports for.
//!
//! The divisions come from `assets/places/divisions.tsv` (see its README). Every official name
//! (永康市) and common short name (永康) goes into one Aho–Corasick automaton, so a page is read
//! in a single pass whatever the number of places. Which hits count is decided by their context:
//! a paper or site name (X日报, 今日X), a party or government organ (X市委), a dateline, or a
//! plain mention that something else on the page corroborates.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::meeting::names::short_name;
use crate::model::{Place, PlaceLevel};

/// The divisions as shipped: `code<TAB>official name<TAB>parent code`.
const DIVISIONS_TSV: &str = include_str!("../../assets/places/divisions.tsv");

/// Words after a name that make it a paper, site or broadcaster: the strongest evidence of
/// whose page it is. (Provincial news apps, 浙江新闻客户端, are left out: county papers print
/// their download codes.)
const MEDIA_AFTER: [&str; 8] = [
    "日报",
    "晚报",
    "新闻网",
    "融媒体中心",
    "广播电视台",
    "电视台",
    "手机报",
    "发布",
];

/// Words after a name that make it the seat of a party or government organ: 湖南省委, 金华市委.
const ORGAN_AFTER: [&str; 7] = ["委", "政府", "人民政府", "人大", "政协", "党委", "纪委"];

/// Words after a short name that make it part of a street, building or school name
/// (中山路, 长安街, 永康路), not the place itself.
const NOT_PLACE_AFTER: [&str; 20] = [
    "路", "街", "大道", "道", "巷", "弄", "桥", "号", "站", "机场", "公园", "广场", "小区", "大厦",
    "宾馆", "酒店", "饭店", "大学", "中学", "小学",
];

/// National news outlets: a page that cites one and names no local outlet is a national page.
const NATIONAL_OUTLETS: [&str; 7] = [
    "新华社",
    "央视网",
    "人民日报",
    "人民网",
    "中新社",
    "中国新闻网",
    "中央广播电视总台",
];

/// Words that say the page speaks for its own locality: 我市, 全县, 本区.
const SELF_PREFIX: [char; 3] = ['我', '全', '本'];

/// Every province, prefecture and county-level division, built once and shared.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Parent of each place (index into `places`).
    parents: Vec<Option<usize>>,
    /// The last character of each official name (市, 县, 区, 省 …), for 我市-style pages.
    suffixes: Vec<char>,
    /// One automaton over all names; `None` only if building it failed.
    matcher: Option<AhoCorasick>,
    /// For each pattern of `matcher`, the places it names and whether it is their official form.
    patterns: Vec<Vec<(usize, bool)>>,
    /// For each pattern, the place it means when nothing else on the page decides: its only
    /// place, or the one province or prefecture among county namesakes (海南, 西安).
    primary: Vec<Option<usize>>,
    /// Each name (official or short) to the places it names, for [`Gazetteer::find`].
    by_name: BTreeMap<Arc<str>, Vec<usize>>,
}

/// What the text around a name says about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Context {
    media: bool,
    organ: bool,
    dateline: bool,
}

impl Context {
    fn strong(self) -> bool {
        self.media || self.organ || self.dateline
    }
}

/// One occurrence of a name.
#[derive(Clone, Copy, Debug)]
struct Hit {
    pattern: usize,
    context: Context,
    /// True when an ancestor of one of the pattern's places is named within a few characters
    /// (西藏日喀则市定日县, 海南文昌, 临安区、杭州市).
    near_parent: bool,
    /// The places of the pattern whose ancestor is named nearby.
    near_place: Option<usize>,
}

/// Evidence gathered for one place.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    media: u32,
    dateline: u32,
    organ: u32,
    mentions: u32,
}

impl Gazetteer {
    /// Loads the divisions shipped under `assets/places/` and builds the name automaton.
    pub fn load() -> Self {
        Self::from_tsv(DIVISIONS_TSV)
    }

    /// Builds a gazetteer from `code<TAB>official name<TAB>parent code` lines; parents must come
    /// before their children. Malformed lines are skipped.
    pub fn from_tsv(tsv: &str) -> Self {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        let mut rows: Vec<(&str, &str, Option<usize>)> = Vec::new();
        for line in tsv.lines() {
            let mut cols = line.split('\t');
            let (Some(code), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            if code.is_empty() || name.is_empty() {
                continue;
            }
            let parent = cols
                .next()
                .filter(|p| !p.is_empty())
                .and_then(|p| index.get(p).copied());
            index.insert(code, rows.len());
            rows.push((code, name, parent));
        }

        let mut places = Vec::with_capacity(rows.len());
        let mut parents = Vec::with_capacity(rows.len());
        let mut suffixes = Vec::with_capacity(rows.len());
        for &(code, name, parent) in &rows {
            let depth = std::iter::successors(parent, |&p| rows[p].2).count();
            let level = match depth {
                0 => PlaceLevel::Province,
                1 if code.len() <= 4 => PlaceLevel::Prefecture,
                _ => PlaceLevel::County,
            };
            let mut chain = vec![name];
            let mut up = parent;
            while let Some(i) = up {
                chain.push(rows[i].1);
                up = rows[i].2;
            }
            chain.reverse();
            places.push(Place {
                name: short_name(name).into(),
                full: chain.concat().into(),
                code: code.into(),
                level,
            });
            parents.push(parent);
            suffixes.push(name.chars().next_back().unwrap_or(' '));
        }

        // Official names, short names, and the common 恩施州 form of autonomous prefectures.
        let mut names: BTreeMap<Arc<str>, Vec<(usize, bool)>> = BTreeMap::new();
        for (i, &(_, official, _)) in rows.iter().enumerate() {
            names.entry(official.into()).or_default().push((i, true));
        }
        for (i, p) in places.iter().enumerate() {
            if *p.name != *rows[i].1 {
                names.entry(p.name.clone()).or_default().push((i, false));
            }
            if p.level == PlaceLevel::Prefecture && rows[i].1.ends_with("自治州") {
                let alias: Arc<str> = format!("{}州", p.name).into();
                if !names.contains_key(&alias) {
                    names.entry(alias).or_default().push((i, true));
                }
            }
        }
        // A short name shared by a place and its own descendant (长沙 for 长沙市 and 长沙县)
        // means the higher one when written alone; the lower one has its official name.
        for cands in names.values_mut() {
            let all: Vec<usize> = cands.iter().map(|&(i, _)| i).collect();
            cands.retain(|&(i, official)| {
                official
                    || !std::iter::successors(parents[i], |&p| parents[p]).any(|a| all.contains(&a))
            });
        }
        let by_name: BTreeMap<Arc<str>, Vec<usize>> = names
            .iter()
            .map(|(k, v)| (k.clone(), v.iter().map(|&(i, _)| i).collect()))
            .collect();
        let keys: Vec<Arc<str>> = names.keys().cloned().collect();
        let patterns: Vec<Vec<(usize, bool)>> = names.into_values().collect();
        let primary = patterns
            .iter()
            .map(|cands| {
                let top = cands.iter().map(|&(i, _)| places[i].level).min()?;
                let mut at_top = cands.iter().filter(|&&(i, _)| places[i].level == top);
                let (first, _) = *at_top.next()?;
                let single = cands.len() == 1 || top != PlaceLevel::County;
                (single && at_top.next().is_none()).then_some(first)
            })
            .collect();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(keys.iter().map(|k| k.as_bytes()))
            .ok();
        Self {
            places,
            parents,
            suffixes,
            matcher,
            patterns,
            primary,
            by_name,
        }
    }

    /// Number of divisions known.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when no division is known.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place with this official or short name (several for 朝阳, 鼓楼), sorted by code.
    pub fn find(&self, name: &str) -> Vec<Place> {
        let mut out: Vec<Place> = self
            .by_name
            .get(name)
            .into_iter()
            .flatten()
            .map(|&i| self.places[i].clone())
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out
    }

    /// The place with this division code, e.g. 330784.
    pub fn by_code(&self, code: &str) -> Option<Place> {
        self.places.iter().find(|p| &*p.code == code).cloned()
    }

    /// The place one level up (金华 for 永康), if any.
    pub fn parent(&self, place: &Place) -> Option<Place> {
        let i = self.places.iter().position(|p| p.code == place.code)?;
        self.parents[i].map(|p| self.places[p].clone())
    }

    /// The locality whose report `article` is, using the whole `page` (paper or site name,
    /// datelines, 我市 mentions) as evidence. `article` may be a part of `page` or all of it.
    pub fn locate(&self, page: &str, article: &str) -> Option<Place> {
        let page_hits = self.hits(page);
        // The pipeline also asks for the page as a whole: read it once.
        let article_hits = if article == page {
            page_hits.clone()
        } else {
            self.hits(article)
        };
        // Each text supports its own names: a word like 资源 counts in a State Council story
        // only if that story itself names 资源县, not because another story on the page does.
        let page_supported = self.supported(&page_hits);
        let article_supported = self.supported(&article_hits);

        let mut page_tally: BTreeMap<usize, Tally> = BTreeMap::new();
        let mut article_tally: BTreeMap<usize, Tally> = BTreeMap::new();
        for (hits, tally, supported) in [
            (&page_hits, &mut page_tally, &page_supported),
            (&article_hits, &mut article_tally, &article_supported),
        ] {
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
        }

        // 我市/全县 in the article itself: another story's 全市 says nothing about this one.
        let self_refs = self_references(article);
        // A national outlet's page (no local paper or site named, a national agency cited)
        // speaks for no locality: only what the article itself names counts, not where the
        // agency filed from (新华社北京…电) nor the other stories on the page.
        let national = !page_tally.values().any(|t| t.media > 0)
            && NATIONAL_OUTLETS.iter().any(|o| page.contains(o));
        if national {
            page_tally.clear();
        }
        let candidates: BTreeSet<usize> = page_tally
            .keys()
            .chain(article_tally.keys())
            .copied()
            .collect();
        // A 我市 article is about the place of that kind it mentions most (at least twice).
        let self_ref_place = article_tally
            .iter()
            .filter(|&(&i, t)| t.mentions >= 2 && self_refs.contains(&self.suffixes[i]))
            .max_by_key(|&(&i, t)| (t.mentions, std::cmp::Reverse(i)))
            .map(|(&i, _)| i);
        let mut scored: Vec<(u32, usize)> = candidates
            .into_iter()
            .filter_map(|i| {
                let p = page_tally.get(&i).copied().unwrap_or_default();
                let a = article_tally.get(&i).copied().unwrap_or_default();
                // Plain mentions in the page's other stories say nothing about this article.
                if a.mentions + a.organ == 0 && p.media + p.dateline + p.organ == 0 {
                    return None;
                }
                let mut score = 100 * p.media.min(2)
                    + 30 * p.dateline.min(1)
                    + 5 * p.organ.min(4)
                    + p.mentions.min(20)
                    + 40 * a.organ.min(2)
                    + 3 * a.mentions.min(10);
                if self_ref_place == Some(i) {
                    score += 10;
                }
                Some((score, i))
            })
            .collect();
        // Highest score first; among equals the broader level, then the lower code.
        scored.sort_by(|&(sa, a), &(sb, b)| {
            sb.cmp(&sa)
                .then(self.places[a].level.cmp(&self.places[b].level))
                .then(self.places[a].code.cmp(&self.places[b].code))
        });
        let &(score, best) = scored.first()?;
        // A single passing mention somewhere on the page is not enough to name its locality.
        if score < 3 {
            return None;
        }
        // Unrelated places level on evidence (山西、安徽、江西 in a list): no one locality.
        let related = |a: usize, b: usize| {
            let up = |x: usize, y: usize| {
                std::iter::successors(self.parents[x], |&p| self.parents[p]).any(|p| p == y)
            };
            up(a, b) || up(b, a)
        };
        let tied = scored
            .iter()
            .skip(1)
            .take_while(|&&(s, _)| s == score)
            .any(|&(_, i)| !related(i, best));
        (!tied).then(|| self.places[best].clone())
    }

    /// The places `hits` really name, with their ancestors: names written nearby their parent,
    /// provinces, organs (X市委), and official names or papers (X日报) written more than once or
    /// in a strong context. A name written once may be an accident of the characters around it
    /// (海城市 in 沿海城市).
    fn supported(&self, hits: &[Hit]) -> BTreeSet<usize> {
        let mut counts: BTreeMap<usize, u32> = BTreeMap::new();
        for h in hits {
            for &(i, _) in &self.patterns[h.pattern] {
                *counts.entry(i).or_default() += 1;
            }
        }
        let repeated = |i: usize| counts.get(&i).copied().unwrap_or(0) >= 2;
        let mut support: BTreeSet<usize> = BTreeSet::new();
        for h in hits {
            if let Some(i) = h.near_place {
                support.insert(i);
            } else if let Some(i) = self.primary[h.pattern] {
                let official = self.is_official(h, i);
                let province = self.places[i].level == PlaceLevel::Province;
                let strong = h.context.strong();
                if h.context.organ
                    || province
                    || (official && strong)
                    || (repeated(i) && (official || strong))
                {
                    support.insert(i);
                }
            }
        }
        support
            .iter()
            .flat_map(|&i| std::iter::successors(Some(i), |&p| self.parents[p]))
            .collect()
    }

    /// The one place a hit stands for, or `None` when it is unsupported or stays ambiguous.
    fn resolve_hit(&self, h: &Hit, supported: &BTreeSet<usize>) -> Option<usize> {
        if h.near_place.is_some() {
            return h.near_place;
        }
        if h.near_parent {
            // Several namesakes sit under the places named nearby: leave it.
            return None;
        }
        let cands = &self.patterns[h.pattern];
        // A place the page names on its own account elsewhere (or the parent of one); a place
        // whose parent alone is named stays out: 和平 on a page that mentions 天津 is a word.
        let mut named = cands
            .iter()
            .map(|&(i, _)| i)
            .filter(|i| supported.contains(i));
        if let Some(i) = named.next() {
            return named.next().is_none().then_some(i);
        }
        let i = self.primary[h.pattern]?;
        (h.context.organ || self.places[i].level == PlaceLevel::Province).then_some(i)
    }

    fn is_official(&self, h: &Hit, i: usize) -> bool {
        self.patterns[h.pattern]
            .iter()
            .any(|&(j, official)| j == i && official)
    }

    /// Every name in `text` with its context, in one pass.
    fn hits(&self, text: &str) -> Vec<Hit> {
        /// How far (in bytes, about 20 characters) a parent's name counts as "nearby".
        const NEAR: usize = 60;
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        for m in matcher.find_iter(text) {
            let pattern = m.pattern().as_usize();
            let official = self.patterns[pattern].iter().any(|&(_, o)| o);
            let before = &text[..m.start()];
            let after = &text[m.end()..];
            if !official && NOT_PLACE_AFTER.iter().any(|w| after.starts_with(w)) {
                continue;
            }
            // A short name followed by another division suffix is another name: 安新 in 雄安新区.
            if !official
                && after.starts_with(|c: char| "市县区省州旗盟".contains(c))
                && !self.patterns[pattern]
                    .iter()
                    .any(|&(i, _)| after.starts_with(self.suffixes[i]))
            {
                continue;
            }
            // 市场, 县域, 区域: the suffix belongs to a word, not to the name.
            if official && after.starts_with(['场', '域']) {
                continue;
            }
            let media = MEDIA_AFTER.iter().any(|w| {
                // X发布 is an account's name only when it stands alone (宜宾发布 on its own
                // line), not as a verb (中方发布《…》).
                after.starts_with(w)
                    && (*w != "发布"
                        || after[w.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| c.is_whitespace() || "”\"’'》)）|,，。".contains(c)))
            }) || before.ends_with("今日");
            // 人民日报、光明日报社、经济日报: a list of papers, or a paper as an organisation,
            // is not the page's own masthead.
            let media = media
                && !before.ends_with('、')
                && !MEDIA_AFTER
                    .iter()
                    .any(|w| after.starts_with(w) && after[w.len()..].starts_with(['、', '社']));
            // Only an official name heads an organ: 湖南省委, but not 合作委员会.
            let organ = official && ORGAN_AFTER.iter().any(|w| after.starts_with(w));
            let dateline = is_dateline_after(after);
            spans.push((m.start(), m.end()));
            hits.push(Hit {
                pattern,
                context: Context {
                    media,
                    organ,
                    dateline,
                },
                near_parent: false,
                near_place: None,
            });
        }
        // Link an official name to an ancestor named within NEAR bytes on either side
        // (临安区、杭州市); a short name only to its parent written just before it (海南文昌,
        // 天津和平区), since short names are often words (和平利用 … 天津).
        for k in 0..hits.len() {
            let (start, end) = spans[k];
            let official = self.patterns[hits[k].pattern].iter().any(|&(_, o)| o);
            let (lo, hi) = if official {
                (
                    spans.partition_point(|&(_, e)| e + NEAR < start),
                    spans.partition_point(|&(s, _)| s <= end + NEAR),
                )
            } else {
                let lo = spans.partition_point(|&(_, e)| e + 3 < start);
                (lo, k)
            };
            let pattern_of = |j: usize| hits[j].pattern;
            let is_near = |a: usize| {
                (lo..hi)
                    .any(|j| j != k && self.patterns[pattern_of(j)].iter().any(|&(i, _)| i == a))
            };
            let mut under: Option<usize> = None;
            let mut several = false;
            for &(i, _) in &self.patterns[hits[k].pattern] {
                let linked = if official {
                    std::iter::successors(self.parents[i], |&p| self.parents[p]).any(is_near)
                } else {
                    self.parents[i].is_some_and(is_near)
                };
                if linked {
                    several |= under.is_some_and(|u| u != i);
                    under.get_or_insert(i);
                }
            }
            hits[k].near_parent = under.is_some();
            hits[k].near_place = if several { None } else { under };
        }
        hits
    }
}

/// 长沙2月3日电, 北京3日电, 本报盐城讯: a dateline after a place name.
fn is_dateline_after(after: &str) -> bool {
    let end = after.char_indices().nth(8).map_or(after.len(), |(i, _)| i);
    let head = &after[..end];
    (head.starts_with(|c: char| c.is_ascii_digit()) && head.contains("日电"))
        || head.starts_with('讯')
}

/// The suffixes (市, 县, 区, 省 …) the page uses for itself: 我市, 全县, 本区.
fn self_references(page: &str) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    let mut prev = ' ';
    for c in page.chars() {
        if SELF_PREFIX.contains(&prev) && "市县区省州旗盟".contains(c) {
            out.insert(c);
        }
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

    #[test]
    fn loads_every_division() {
        assert!(GAZ.len() > 3000, "{}", GAZ.len());
        let yk = GAZ.find("永康");
        assert_eq!(yk.len(), 1);
        assert_eq!(&*yk[0].full, "浙江省金华市永康市");
        assert_eq!(&*yk[0].code, "330784");
        assert_eq!(yk[0].level, PlaceLevel::County);
        let jh = GAZ.parent(&yk[0]).unwrap();
        assert_eq!((&*jh.name, jh.level), ("金华", PlaceLevel::Prefecture));
        // Municipalities have no prefecture: their districts hang from the province.
        let cy = GAZ.find("朝阳区");
        assert_eq!(cy.len(), 2);
        assert_eq!(&*cy[0].full, "北京市朝阳区");
        assert_eq!(cy[0].level, PlaceLevel::County);
        assert_eq!(GAZ.find("湖南")[0].level, PlaceLevel::Province);
        assert_eq!(&*GAZ.find("恩施州")[0].name, "恩施");
        assert!(GAZ.find("市辖区").is_empty());
        assert_eq!(GAZ.by_code("330784").map(|p| p.name), Some("永康".into()));
    }

    /// Locates `page` (as its own article) and compares the short name, or "" for none.
    fn check(page: &str, expect: &str) {
        let got = GAZ
            .locate(page, page)
            .map(|p| p.name.to_string())
            .unwrap_or_default();
        assert_eq!(got, expect, "{page}");
    }

    /// Locates `article` within `page`.
    fn check_in(page: &str, article: &str, expect: &str) {
        let got = GAZ
            .locate(page, article)
            .map(|p| p.name.to_string())
            .unwrap_or_default();
        assert_eq!(got, expect, "{article}");
    }

    #[test]
    fn papers_and_sites() {
        check(
            "永康日报\n2020年2月\n金华市委常委会召开扩大会议,金华市领导在永康分会场参加",
            "永康",
        );
        check(
            "来源:嵊州新闻网-今日嵊州 作者:记者\n市委常委会会议召开,绍兴市",
            "嵊州",
        );
        check(
            "市委召开常委会,筑牢盐城阻击疫情的铜墙铁壁\n版权声明:凡本网注明来源为“盐城新闻网”的稿件",
            "盐城",
        );
        check("请扫码下载登录\n永康市融媒体中心\n官方App", "永康");
        check("今日桐乡\n我市召开疫情防控工作会议,建设美丽桐乡", "桐乡");
        check("新华社长沙2月3日电 会议强调,长沙要", "长沙");
        // A paper named once, in a list of papers, is not the page's own.
        check("人民日报、光明日报、经济日报", "");
        check("宜宾发布\n我市召开会议,宜宾要", "宜宾");
        check(
            "浙江新闻客户端\n浙江新闻客户端\n嘉善县召开会议,嘉善县要求,嘉善要",
            "嘉善",
        );
        check("本报德清讯 昨日,县委召开常委会,德清要", "德清");
        check("中央广播电视总台、光明日报、经济日报", "");
        check(
            "新华社、光明日报社、经济日报社,唱响中国经济光明论,前景光明",
            "",
        );
        check("在秘鲁南部多个沿海城市", "");
        check("强化医疗卫生资源县域统筹", "");
        check("西藏日喀则市定日县6.8级地震,定日县全力救援", "定日");
        check("为人类和平利用太空作出贡献。天津市", "天津");
        check("雄安新区建设,雄安新区", "");
        check("中方发布《全球安全倡议》,中方发布《倡议》", "");
        check("新疆天山南北", "新疆");
    }

    #[test]
    fn organs_and_mentions() {
        check("湖南省委常委会召开会议,研究部署疫情防控工作", "湖南");
        check("恩施州委召开常委会会议", "恩施");
        check(
            "我区召开推进会,临安区、杭州市有关负责人参加,临安区要",
            "临安",
        );
        check("昆山市委常委会召开会议。会议强调,昆山要", "昆山");
        // Ambiguous short name settled by the co-mentioned parent.
        check("辽宁省朝阳市委召开会议,朝阳要坚持", "朝阳");
        check("北京市召开会议,北京要坚持,朝阳、海淀两区参加", "北京");
        check("海南召开会议,海口、三亚参加,海南要", "海南");
        check("西安市召开会议,西安要", "西安");
    }

    #[test]
    fn words_that_are_not_places() {
        check("坚持长治久安,在中山路举行", "");
        check("推进平安建设,维护和平稳定", "");
        check("央视网消息:坚持两手抓、两手都要硬", "");
        check("来宾们参观了展览", "");
        check("充分发挥政府间合作委员会作用", "");
        check("永康路上的店铺", "");
        check("", "");
    }

    #[test]
    fn seed_reports() {
        check(
            include_str!("../../assets/seeds/000_5af66aba3eb6f890.txt"),
            "永康",
        );
        check(
            include_str!("../../assets/seeds/001_3ac2adbc3d512c05.txt"),
            "永康",
        );
        check(
            include_str!("../../assets/seeds/002_25b3b4b043e47f04.txt"),
            "永康",
        );
        check(
            include_str!("../../assets/seeds/003_8a69b3fa27e5f41c.txt"),
            "盐城",
        );
        check(
            include_str!("../../assets/seeds/004_fb9274b1444c3ec8.txt"),
            "嵊州",
        );
        let page = include_str!("../../assets/seeds/000_5af66aba3eb6f890.txt");
        let place = GAZ.locate(page, page).unwrap();
        assert_eq!(&*place.full, "浙江省金华市永康市");
    }

    #[test]
    fn another_story_on_the_page_lends_no_support() {
        let page =
            "广西桂林资源县梅溪镇,资源县检察院\n国务院常务会议强调,优化资源布局,立足资源禀赋\n";
        check_in(page, "国务院常务会议强调,优化资源布局,立足资源禀赋", "");
        let page = "全市上下\n国务院常务会议决定核准山东石岛湾、福建宁德、辽宁徐大堡核电项目\n";
        check_in(
            page,
            "国务院常务会议决定核准山东石岛湾、福建宁德、辽宁徐大堡核电项目",
            "",
        );
    }

    #[test]
    fn lists_of_equal_places_name_none() {
        check(
            "有关部门要加大支持力度,山西、安徽、江西、河南、湖北、湖南要",
            "",
        );
        check("会议强调,山西、安徽要,山西省", "山西");
    }

    #[test]
    fn national_agency_datelines_name_no_locality() {
        check("新华社北京7月30日电 中共中央政治局召开会议", "");
        check("新华社北京7月30日电 北京市委常委会召开会议", "北京");
        check("央视网消息:湖南省委常委会召开会议。长沙", "湖南");
    }

    #[test]
    fn national_page_names_the_province_in_the_article() {
        let page = "央视网消息\n湖南省委常委会召开会议 研究部署\n广东省委常委会召开会议 强调\n";
        check_in(page, "湖南省委常委会召开会议 研究部署", "湖南");
        check_in(page, "广东省委常委会召开会议 强调", "广东");
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn locate_never_panics(
                s in r"[永康金华市县区省委日报新闻网今发布朝阳北京湖南长沙和平路 \n《》0-9、,]{0,60}"
            ) {
                let split = s.char_indices().nth(s.chars().count() / 2).map_or(0, |(i, _)| i);
                let _ = GAZ.locate(&s, &s[split..]);
            }

            #[test]
            fn locate_never_panics_on_any_string(s in any::<String>()) {
                let _ = GAZ.locate(&s, &s);
            }
        }
    }
}
