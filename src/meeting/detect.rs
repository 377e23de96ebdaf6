//! Which articles report a convened meeting, and its title and chair.
//!
//! An article is a meeting report when its lead says a meeting was convened (X召开…会议,
//! …会议召开, 在…会上强调) and the article goes on to lay something down. Commentaries and
//! captions are never meeting reports, and a meeting named only further down an article (a
//! feature quoting it in passing) does not count.

use crate::ingest::split::{self, ArticleKind, Piece};
use crate::meeting::chair::{addressed_by, chaired_by};
use crate::meeting::directive::{cue, directives};
use crate::meeting::{DateConfig, Gazetteer, LocalityWeights, MeetingText, PageDates, PageHits};
use crate::meeting::{gate, title, together};
use crate::model::{Directive, Document, Meeting, MeetingId, Place, Span};
use crate::text::{flatten, regex};
use regex::Regex;
use std::sync::LazyLock;

/// How much of the first paragraph is read as the lead.
const LEAD_BYTES: usize = 1500;

/// How many paragraphs from the top a `主持` line may stand in (lead, then 市委书记X主持会议).
const CHAIR_PARAGRAPHS: usize = 3;

/// Finds the meetings reported in `doc`, and fills in its `published` date and `place`: the page
/// is read ([`read_page`]), split into articles, and each article read ([`meetings`]).
/// Meeting ids are numbered from 0 within the document; the pipeline renumbers them.
pub fn extract(doc: &mut Document, gazetteer: &Gazetteer) -> Vec<Meeting> {
    extract_with(
        doc,
        gazetteer,
        &DateConfig::default(),
        &LocalityWeights::default(),
    )
}

/// [`extract`] with date settings and the weights of locality evidence.
pub fn extract_with(
    doc: &mut Document,
    gazetteer: &Gazetteer,
    dates: &DateConfig,
    weights: &LocalityWeights,
) -> Vec<Meeting> {
    let (dates, page) = read_page_evidence(doc, gazetteer, dates);
    let Some(pieces) = meeting_pieces(doc) else {
        return Vec::new();
    };
    meetings_on(doc, &pieces, &|| &dates, gazetteer, weights, &page)
}

/// The meetings [`extract_with`] finds in `doc`, filling in its `published` date and `place`
/// only when it reports one: a page that reports none is not read for its own date and place,
/// and its dates and names are read only as far as its articles need them.
pub fn extract_meetings_with(
    doc: &mut Document,
    gazetteer: &Gazetteer,
    config: &DateConfig,
    weights: &LocalityWeights,
) -> Vec<Meeting> {
    let Some(pieces) = meeting_pieces(doc) else {
        return Vec::new();
    };
    let page = PageEvidence::of(doc, gazetteer);
    let dates = std::cell::OnceCell::new();
    let found = {
        let doc: &Document = doc;
        let dates = || dates.get_or_init(|| PageDates::read(doc, config));
        meetings_on(doc, &pieces, &dates, gazetteer, weights, &page)
    };
    if !found.is_empty() {
        let dates = dates
            .into_inner()
            .unwrap_or_else(|| PageDates::read(doc, config));
        fill_page(doc, gazetteer, &page, &dates);
    }
    found
}

/// The articles of `doc` ([`split::pieces`]), or `None` when it has no words a lead names a
/// meeting by ([`title::may_name_a_meeting`]): such a page is neither split nor read.
fn meeting_pieces(doc: &Document) -> Option<Vec<Piece>> {
    title::may_name_a_meeting(&doc.text).then(|| split::pieces(doc))
}

/// The meetings of a page read by [`read_page`]: split into articles, each article read by
/// [`meetings`]. A page with no words a lead names a meeting by
/// ([`title::may_name_a_meeting`]) reports none, and is neither split nor read.
pub fn page_meetings(
    doc: &Document,
    dates: &PageDates,
    gazetteer: &Gazetteer,
    weights: &LocalityWeights,
) -> Vec<Meeting> {
    meeting_pieces(doc).map_or_else(Vec::new, |pieces| {
        meetings(doc, &pieces, dates, gazetteer, weights)
    })
}

/// Reads what the whole page says about itself, its publication date and its place, into
/// `doc`, and returns the page's dates for resolving each meeting's date.
pub fn read_page(doc: &mut Document, gazetteer: &Gazetteer, config: &DateConfig) -> PageDates {
    read_page_evidence(doc, gazetteer, config).0
}

/// [`read_page`], also returning the page as place evidence ([`PageEvidence`]), for its
/// meetings to be located with.
fn read_page_evidence(
    doc: &mut Document,
    gazetteer: &Gazetteer,
    config: &DateConfig,
) -> (PageDates, PageEvidence) {
    let page = PageEvidence::of(doc, gazetteer);
    let dates = PageDates::read(doc, config);
    fill_page(doc, gazetteer, &page, &dates);
    (dates, page)
}

/// Sets `doc`'s publication date from its page's dates and its place from the page as place
/// evidence.
fn fill_page(doc: &mut Document, gazetteer: &Gazetteer, page: &PageEvidence, dates: &PageDates) {
    doc.published = dates.publication();
    doc.place = page.place(gazetteer).cloned();
}

/// A page as place evidence ([`place_page`]), with the names found in it and the place they
/// point to, each worked out once, when first needed: by the page's first meeting, or by
/// [`fill_page`].
struct PageEvidence {
    text: String,
    hits: std::cell::OnceCell<PageHits>,
    place: std::cell::OnceCell<Option<Place>>,
}

impl PageEvidence {
    fn of(doc: &Document, gazetteer: &Gazetteer) -> Self {
        Self {
            text: place_page(doc, gazetteer),
            hits: std::cell::OnceCell::new(),
            place: std::cell::OnceCell::new(),
        }
    }

    /// The place names in the page.
    fn hits(&self, gazetteer: &Gazetteer) -> &PageHits {
        self.hits.get_or_init(|| gazetteer.page_hits(&self.text))
    }

    /// The page's own place: the locality the whole page speaks for.
    fn place(&self, gazetteer: &Gazetteer) -> Option<&Place> {
        self.place
            .get_or_init(|| gazetteer.locate_on(&self.text, &self.text, self.hits(gazetteer)))
            .as_ref()
    }
}

/// The page as place evidence: what its HTML head says of it (the site's name, the `<title>`
/// with its site after the separator: `区政府召开常务会议_某某区人民政府`), then its text. A saved
/// page often names its outlet only there.
pub fn place_page(doc: &Document, gazetteer: &Gazetteer) -> String {
    let meta = &doc.meta;
    let mut page = String::new();
    // The site's address, when its host spells the place (www.xianggelila.gov.cn), reads as
    // the site's name; so does a 网址/原文链接 line in a pasted page.
    let address = meta
        .url
        .iter()
        .map(String::as_str)
        .chain(crate::meeting::date::urls_in(&doc.text))
        .find_map(|url| gazetteer.address_line(url));
    if let Some(line) = address {
        page.push_str(&line);
        page.push('\n');
    }
    for line in [meta.site.as_deref(), meta.title.as_deref()]
        .into_iter()
        .flatten()
    {
        // The head's lines stand alone, as a masthead would: 某某新闻网 on a line of its own.
        for part in line.split(['_', '|', '-', '—', '–', '·']) {
            let part = part.trim();
            if !part.is_empty() {
                page.push_str(part);
                page.push('\n');
            }
        }
    }
    page.push_str(&doc.text);
    page
}

/// The meetings reported in the articles `pieces` of `doc` (from [`split::pieces`]), in order.
/// Ids are numbered from 0 within the document.
pub fn meetings(
    doc: &Document,
    pieces: &[Piece],
    dates: &PageDates,
    gazetteer: &Gazetteer,
    weights: &LocalityWeights,
) -> Vec<Meeting> {
    meetings_on(
        doc,
        pieces,
        &|| dates,
        gazetteer,
        weights,
        &PageEvidence::of(doc, gazetteer),
    )
}

/// [`meetings`] with the page as place evidence given.
fn meetings_on<'d>(
    doc: &Document,
    pieces: &[Piece],
    dates: &dyn Fn() -> &'d PageDates,
    gazetteer: &Gazetteer,
    weights: &LocalityWeights,
    page: &PageEvidence,
) -> Vec<Meeting> {
    let text: &str = &doc.text;
    let pieces = &dated_items(text, pieces);
    let mut out: Vec<Meeting> = Vec::new();
    // Each report's title and first directive (or lead), to skip a report printed twice.
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let piece = &pieces[i];
        i += 1;
        if piece.kind != ArticleKind::News {
            continue;
        }
        let article = &piece.article;
        if article.paragraphs.is_empty() {
            continue;
        }
        let headline = article
            .headline
            .map(|h| flatten(text, h))
            .unwrap_or_default();
        // The lead is the first paragraph, or the first after the subtitle lines a headline
        // can carry (传达学习…精神 / 某某主持并讲话) when those name no meeting themselves.
        // A subtitle that names another meeting in passing (传达学习…在某某会议上的重要讲话精神)
        // gives way to a lead below it that opens on the report's own.
        let mut leads: Vec<(String, title::Found)> = article
            .paragraphs
            .iter()
            .take(SUBTITLE_LINES + 1)
            .map(|p| lead_of(text, *p))
            .scan(true, |open, lead| {
                let go_on = std::mem::replace(open, is_subtitle(&lead));
                go_on.then_some(lead)
            })
            .filter_map(|lead| title::find(&lead, &headline).map(|found| (lead, found)))
            .collect();
        let best = leads
            .iter()
            .position(|(lead, found)| gate::opens_on(lead, found.at))
            .unwrap_or(0);
        if leads.is_empty() {
            continue;
        }
        let (lead, found) = leads.swap_remove(best);
        if gate::is_notice(&headline, article.span.slice(text)) || gate::is_speech(&headline, &lead)
        {
            continue;
        }
        // A photo caption line (会议现场, 640.jpg) splits a report in two: the part after it,
        // opening on 会议指出 or a cue, belongs to this report.
        let mut span = article.span;
        let mut paragraphs = article.paragraphs.clone();
        while let Some(next) = pieces.get(i).filter(|p| carries_on(text, p)) {
            // A caption inside the article's span (split out of it) must not cut the span short.
            span.end = span.end.max(next.article.span.end);
            paragraphs.extend(&next.article.paragraphs);
            i += 1;
        }
        let laid_down = directives(text, &paragraphs);
        let report = Report {
            text,
            page,
            headline: &headline,
            lead: &lead,
            paragraphs: &paragraphs,
            span,
            weights,
        };
        let follow = following(text, &paragraphs);
        let split_at = follow.as_ref().map_or(usize::MAX, |f| f.at.start);
        let nothing_laid_down = laid_down.is_empty();
        let (before, after): (Vec<Directive>, Vec<Directive>) =
            laid_down.into_iter().partition(|d| d.span.start < split_at);
        let chair = report.chair(split_at, &before);
        // A lead whose first sentence says the meeting was held reports it, laid down or not,
        // when someone chaired it or its name shows whose meeting it is; a meeting named only
        // later in the lead needs directives to be the report's subject.
        if nothing_laid_down
            && !(gate::opens_on(&lead, found.at)
                && (chair.is_some() || gate::names_a_body(&found.title)))
        {
            continue;
        }
        // A foreign or international body's meeting in a world-news bulletin.
        if gate::foreign_body(&found.title) {
            continue;
        }
        // A page may print the same report twice (a summary box and the story): keep the first.
        // With nothing laid down, the lead tells a reprint from another meeting of that name.
        let key = (
            found.title.clone(),
            before
                .first()
                .map_or_else(|| lead.clone(), |d| d.text.clone()),
        );
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let date = dates().resolve(&lead).map(|(d, _)| d);
        let first_title = found.title.clone();
        out.push(report.meeting(doc, gazetteer, found.title, chair.clone(), date, before));
        // Meetings reported together with the first (a joint sitting, several held in turn):
        // the same chair and day; what was laid down cannot be told apart, so it stays with the
        // first and is counted once.
        // Their convener is the first's, so is their place: 第21次常务会议 after 县政府党组会议
        // names no body of its own.
        let first = out.len() - 1;
        for title in found.also {
            let mut m = report.meeting(doc, gazetteer, title, chair.clone(), date, Vec::new());
            if out[first].place.is_some() {
                m.place.clone_from(&out[first].place);
                m.place_candidates.clone_from(&out[first].place_candidates);
                m.convened_by.clone_from(&out[first].convened_by);
            }
            out.push(m);
        }
        if let Some(f) = follow {
            // 续会 alone names nothing in a table: it is the first meeting's 续会.
            let name = if f.title == "续会" {
                format!("{first_title}续会")
            } else {
                f.title
            };
            let sentence = flatten(text, f.at);
            let chair = chaired_by(&sentence)
                .or_else(|| after.iter().find_map(|d| leader_of(&d.cue)))
                .or_else(|| out.last().and_then(|m| m.chair.clone()));
            let date = dates().resolve(&sentence).map(|(d, _)| d).or(date);
            out.push(report.meeting(doc, gazetteer, name, chair, date, after));
        }
    }
    for (n, m) in out.iter_mut().enumerate() {
        m.id = MeetingId(n as u32);
    }
    out
}

/// A paragraph that opens on a day and a meeting convened that day (★8月3日 旗委书记某某主持召开…
/// 会议; 3月25日,某某主持召开…会议; 同日 …主持召开…): in a chronicle, or a page that reports
/// two meetings one after the other, it starts a report of its own.
static DATED_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[★☆●■◆▲·\s]*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}(?:[~～—-]\d{1,2})?日|\d{1,2}日|同日|当日|当天|是日)(?:上午|下午|晚上|晚)?[\s,，]*",
    )
});

/// How many paragraphs opening on a day make an article a chronicle.
const CHRONICLE_ITEMS: usize = 3;

/// True when the page calls itself a chronicle near its top (大事记, 大 事 记).
fn is_chronicle(text: &str) -> bool {
    let top: String = text
        .chars()
        .take(600)
        .filter(|c| !c.is_whitespace())
        .collect();
    top.contains("大事记")
}

/// `pieces` with each news article cut before every later paragraph that opens on a dated
/// meeting of its own ([`DATED_OPENING`], a convening verb with a chair or a body in its first
/// sentence). The part before the cut keeps the headline.
fn dated_items(text: &str, pieces: &[Piece]) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let paragraphs = &piece.article.paragraphs;
        let roundup = piece
            .article
            .headline
            .is_some_and(|h| title::is_roundup(&flatten(text, h)))
            || paragraphs
                .first()
                .is_some_and(|p| title::is_roundup(&lead_of(text, *p)));
        if roundup {
            out.push(piece.clone());
            continue;
        }
        let cuts: Vec<usize> = (1..paragraphs.len())
            .filter(|&k| {
                piece.kind == ArticleKind::News && opens_dated_meeting(text, paragraphs[k])
            })
            .collect();
        // Many paragraphs that open on a day: a chronicle (大事记) or a week's round of many
        // leaders' activities, which lists meetings rather than reporting them.
        let dated = paragraphs
            .iter()
            .filter(|p| DATED_OPENING.is_match(&lead_of(text, **p)))
            .count();
        if cuts.is_empty() || dated >= CHRONICLE_ITEMS || is_chronicle(text) {
            out.push(piece.clone());
            continue;
        }
        let mut start = 0;
        for end in cuts.iter().copied().chain([paragraphs.len()]) {
            let part = &paragraphs[start..end];
            let (Some(first), Some(last)) = (part.first(), part.last()) else {
                continue;
            };
            let mut article = piece.article.clone();
            if start > 0 {
                article.headline = None;
                article.span.start = first.start;
            }
            if end < paragraphs.len() {
                article.span.end = last.end;
            }
            article.paragraphs = part.to_vec();
            out.push(Piece {
                article,
                kind: piece.kind,
            });
            start = end;
        }
    }
    out
}

/// True when `paragraph` opens on a day and goes on, in its first sentence, to convene a
/// meeting that someone chairs or that names its body.
fn opens_dated_meeting(text: &str, paragraph: Span) -> bool {
    let lead = lead_of(text, paragraph);
    if !DATED_OPENING.is_match(&lead) {
        return false;
    }
    let first = lead.split(['。', '！', '？']).next().unwrap_or("");
    title::find(first, "").is_some_and(|found| {
        gate::opens_on(&lead, found.at)
            && !found.title.contains("续会")
            && (chaired_by(first).is_some() || gate::names_a_body(&found.title))
            && ["主持召开", "召开", "举行"]
                .iter()
                .any(|v| first.contains(v))
    })
}

/// How many subtitle lines under a headline may come before the lead (a subtitle, a column
/// name, a time, a region tag).
const SUBTITLE_LINES: usize = 4;

/// True when a paragraph reads as a headline's subtitle line rather than a lead: short, with no
/// full stop.
fn is_subtitle(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 60 && !line.contains(['。', '！', '？'])
}

/// The first paragraph, cut to [`LEAD_BYTES`]: a lead names its meeting in its first sentences,
/// and a page-long line is not read whole.
fn lead_of(text: &str, first: Span) -> String {
    let mut lead = flatten(text, first);
    if lead.len() > LEAD_BYTES {
        let mut cut = LEAD_BYTES;
        while !lead.is_char_boundary(cut) {
            cut -= 1;
        }
        lead.truncate(cut);
    }
    lead
}

/// True when `piece` carries the report before it on: a short caption-like headline, or none,
/// over a body that opens on 会议… or a cue (会议指出, 某某强调).
fn carries_on(text: &str, piece: &Piece) -> bool {
    let short_head = piece
        .article
        .headline
        .is_none_or(|h| flatten(text, h).chars().count() <= 30);
    let Some(first) = piece.article.paragraphs.first() else {
        return false;
    };
    let opening = flatten(text, *first);
    let opening = opening.trim_start();
    short_head
        && piece.kind != ArticleKind::Commentary
        && ((opening.starts_with("会议") && !opening.starts_with("会议室"))
            || cue(opening, opening).is_some())
}

/// A second meeting held right after the first, reported in the same article.
struct Follow {
    /// Its name.
    title: String,
    /// The sentence that opens on it; directives from here on are its own.
    at: Span,
}

/// The first sentence of `paragraphs` after the lead's first that opens on a meeting held
/// right after the first one (会后…召开续会, 在随后召开的…会议上).
fn following(text: &str, paragraphs: &[Span]) -> Option<Follow> {
    paragraphs
        .iter()
        .flat_map(|p| split_sentences(text, *p))
        .skip(1)
        .find_map(|s| together::following(&flatten(text, s)).map(|title| Follow { title, at: s }))
}

/// The sentences of `span`, each ending after 。！？.
fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '。' | '！' | '？') {
            let end = i + c.len_utf8();
            out.push(Span::new(span.start + start, span.start + end));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}

/// One article read as a meeting report.
struct Report<'a> {
    text: &'a str,
    /// The page as place evidence.
    page: &'a PageEvidence,
    headline: &'a str,
    lead: &'a str,
    paragraphs: &'a [Span],
    span: Span,
    weights: &'a LocalityWeights,
}

impl Report<'_> {
    /// Whoever chaired, named before `until` (where a second meeting starts); else the leader
    /// whose words the report is built around, or who attended and addressed it.
    fn chair(&self, until: usize, laid_down: &[Directive]) -> Option<String> {
        let top: Vec<String> = std::iter::once(self.headline.to_string())
            .chain(
                self.paragraphs
                    .iter()
                    .take(CHAIR_PARAGRAPHS)
                    .filter(|p| p.start < until)
                    .map(|p| flatten(self.text, Span::new(p.start, p.end.min(until)))),
            )
            .collect();
        // Past the top, only a sitting's chair said in so many words (开幕大会和闭幕大会分别由
        // A、B主持), before the leader the directives are built around.
        let later = || {
            self.paragraphs
                .iter()
                .skip(CHAIR_PARAGRAPHS)
                .filter(|p| p.start < until)
                .map(|p| flatten(self.text, Span::new(p.start, p.end.min(until))))
                .filter(|t| t.contains("由") && t.contains("主持"))
                .find_map(|t| chaired_by(&t))
        };
        top.iter()
            .find_map(|t| chaired_by(t))
            .or_else(later)
            .or_else(|| laid_down.iter().find_map(|d| leader_of(&d.cue)))
            .or_else(|| {
                (!laid_down.is_empty())
                    .then(|| top.iter().skip(1).find_map(|t| addressed_by(t)))
                    .flatten()
            })
    }

    /// The meeting this report tells of.
    fn meeting(
        &self,
        doc: &Document,
        gazetteer: &Gazetteer,
        title: String,
        chair: Option<String>,
        date: Option<crate::model::PolicyDate>,
        directives: Vec<Directive>,
    ) -> Meeting {
        let head = format!("{}\n{}", self.headline, self.lead);
        let text = MeetingText {
            page: &self.page.text,
            article: self.span.slice(self.text),
            head: &head,
            title: &title,
            date: date.map(|d| d.date),
        };
        let located = gazetteer.locate_meeting_on(&text, self.page.hits(gazetteer), self.weights);
        // With no place of its own the meeting would take its page's (see `fill_page`), unless
        // that is of another kind than the body it speaks for.
        let page_place_unfit = located.place.is_none()
            && self
                .page
                .place(gazetteer)
                .is_some_and(|p| !gazetteer.fits_report(&text, p));
        Meeting {
            doc: doc.id,
            article: self.span,
            place: located.place,
            convened_by: located.convened_by,
            place_candidates: located.candidates,
            page_place_unfit,
            date,
            title,
            chair,
            directives,
            ..Meeting::default()
        }
    }
}

/// The leader named in a cue such as 章旭升强调; `None` for 会议强调 or 他强调.
fn leader_of(cue: &str) -> Option<String> {
    let name = [
        "强调指出",
        "明确指出",
        "深刻指出",
        "明确要求",
        "强调要求",
        "着重强调",
        "特别强调",
        "强调",
        "指出",
        "要求",
        "认为",
        "提出",
        "号召",
        "表示",
        "说",
    ]
    .iter()
    .find_map(|v| cue.strip_suffix(v))?;
    (name != "会议" && name != "他" && name != "她").then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    /// The places of the meetings found in `doc` with the full gazetteer: full names or short.
    fn places_of(doc: &mut Document, full: bool) -> Vec<String> {
        extract(doc, &Gazetteer::load())
            .iter()
            .filter_map(|m| m.place.as_ref())
            .map(|p| {
                if full {
                    p.full.to_string()
                } else {
                    p.name.to_string()
                }
            })
            .collect()
    }

    /// Runs `page` and renders each meeting as `title|chair|directives`.
    fn check(page: &str, expect: &[&str]) {
        let mut doc = Document::from_text(DocId(0), "test.txt", page);
        let got: Vec<String> = extract(&mut doc, &Gazetteer::default())
            .iter()
            .map(|m| {
                format!(
                    "{}|{}|{}",
                    m.title,
                    m.chair.as_deref().unwrap_or("-"),
                    m.directives.len()
                )
            })
            .collect();
        assert_eq!(got, expect, "{page}");
    }

    #[test]
    fn a_chair_said_further_down_comes_before_the_speaker() {
        // The sittings' chairs are named in the fourth paragraph; the speech is another's.
        check(
            "4月27日,政协某某县第九届委员会第三次会议在县城召开。\n会议应到委员346名,实到316名。\n县委书记张某某,县政协主席李某某在主席台就座。\n开幕大会和闭幕大会分别由李某某、王某某主持。\n张某某强调,各级政协组织要充分发挥优势。\n",
            &["政协某某县第九届委员会第三次会议|李某某|1"],
        );
    }

    #[test]
    fn a_lead_after_the_headline_s_subtitle_lines() {
        check(
            "市委常委会(扩大)会议召开\n传达学习贯彻某某在上级某某委员会会议上的重要讲话精神\n某某主持并讲话\n\n2月21日,市委常委会(扩大)会议召开,传达学习上级会议精神,研究我市贯彻落实意见。市委书记某某主持并讲话。\n会议指出,要抓好落实。要压实责任。\n",
            &["市委常委会(扩大)会议|某某|2"],
        );
    }

    #[test]
    fn meetings_held_together_share_their_place() {
        let page = "县政府召开党组会议和常务会议\n9月25日晚上,某某县长主持召开县十八届政府2025年党组会议和第21次常务会议,传达上级会议精神,审议《关于闽清县支持产业发展的若干措施》。\n会议要求,要抓好落实。要压实责任。\n";
        let mut doc = Document::from_text(DocId(0), "test.txt", page);
        assert_eq!(places_of(&mut doc, false), ["闽清", "闽清"]);
    }

    #[test]
    fn a_dated_meeting_after_another_report_is_its_own() {
        check(
            "某旗要闻\n★8月2日 旗长某某深入旗医院实地检查指导疫情防控措施落实情况。\n★8月3日 旗委书记某某主持召开旗委外事工作委员会第三次会议。会议听取了工作开展情况。\n",
            &["旗委外事工作委员会第三次会议|某某|0"],
        );
        // A chronicle lists meetings among other events; it reports none of them.
        check(
            "某旗大事记\n★8月2日 旗长某某深入旗医院实地检查指导疫情防控措施落实情况。\n★8月3日 旗委书记某某主持召开旗委外事工作委员会第三次会议。会议听取了工作开展情况。\n同日 旗长某某主持召开全旗疫情防控工作调度会,对防控工作进行再部署。\n",
            &[],
        );
        check(
            "中共中央政治局召开会议\n中共中央政治局3月27日召开会议,研究部署有关工作。会议由中共中央总书记某某主持。\n会议强调,要抓好落实。\n3月25日,某某主持召开中央政治局常委会会议,听取有关工作的汇报。\n会议要求,要做好工作。\n",
            &["中共中央政治局会议|某某|1", "中央政治局常委会会议|某某|1"],
        );
        // A report's own later paragraph that opens on its day is not a second meeting.
        check(
            "县委常委会召开会议\n5月8日,县委书记某某主持召开县委常委会会议,研究有关工作。\n会议强调,要抓好落实。\n5月8日下午,与会人员实地察看了项目建设情况。\n",
            &["县委常委会会议|某某|1"],
        );
    }

    #[test]
    fn reading_for_meetings_only_finds_the_same_meetings_and_leaves_other_pages_unread() {
        let gazetteer = Gazetteer::load();
        let config = DateConfig::default();
        let weights = LocalityWeights::default();
        let pages = [
            // A meeting: its page is read for its date and place as always.
            "某某县新闻网\n2021年3月5日\n县委常委会召开会议\n3月4日,县委书记某某主持召开县委常委会会议,研究有关工作。\n会议强调,要抓好落实。要压实责任。\n",
            // Words of convening but no meeting reported: left unread.
            "某某县新闻网\n2021年3月6日\n县里举行植树活动\n3月5日,县里举行义务植树活动,干部群众踊跃参加。\n",
            // No word of convening at all: left unread.
            "某某县新闻网\n2021年3月7日\n春耕备耕忙\n连日来,各地农民抢抓农时,田间地头一派繁忙景象。\n",
        ];
        for (i, page) in pages.iter().enumerate() {
            let mut every = Document::from_text(DocId(0), "news.txt", page);
            let mut only = every.clone();
            let all = extract_with(&mut every, &gazetteer, &config, &weights);
            let found = extract_meetings_with(&mut only, &gazetteer, &config, &weights);
            assert_eq!(
                format!("{found:?}"),
                format!("{all:?}"),
                "the same meetings on page {i}"
            );
            assert_eq!(found.len(), usize::from(i == 0), "meetings on page {i}");
            assert!(every.published.is_some(), "page {i} has its date read");
            if found.is_empty() {
                assert_eq!((only.published, only.place), (None, None), "page {i}");
            } else {
                assert_eq!(only.published, every.published);
                assert_eq!(only.place, every.place);
            }
        }
    }

    #[test]
    fn a_district_meeting_does_not_take_the_province_its_page_names() {
        // The page names only its province, in what the meeting studied; the meeting is a
        // district's (区委常委会, 我区): it is counted under no place rather than the province's.
        let page = "12月5日,区委常委会(扩大)会议召开,传达学习习近平总书记在福建考察时的重要讲话精神,部署我区贯彻落实措施。区委副书记、区长某某主持会议。\n会议强调,要推动各项工作落地见效。要抓好落实。\n";
        let mut doc = Document::from_text(DocId(0), "test.txt", page);
        let found = extract(&mut doc, &Gazetteer::load());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].place, None);
        assert_eq!(doc.place.as_ref().map(|p| &*p.name), Some("福建"));
        assert!(found[0].page_place_unfit);
        let docs = [doc];
        assert_eq!(crate::meeting::counted::place(&found[0], &docs), None);
        // A county's meeting on a page of its own county still takes the page's place.
        let page = "庆元新闻网\n3月9日,县委常委会召开会议,县委书记某某主持会议。\n会议强调,要抓好春耕备耕。要抓好落实。\n";
        let mut doc = Document::from_text(DocId(0), "test.txt", page);
        let found = extract(&mut doc, &Gazetteer::load());
        assert!(!found[0].page_place_unfit);
        let docs = [doc];
        assert_eq!(
            crate::meeting::counted::place(&found[0], &docs).map(|p| &*p.name),
            Some("庆元")
        );
    }

    #[test]
    fn a_page_that_names_its_county_only_in_its_head_takes_it_from_there() {
        let page = "区政府召开第12次常务会议\n本报讯 9月9日上午,区长某某主持召开区政府第12次常务会议,研究有关工作。\n会议指出,要高度重视。要抓好落实。\n";
        let mut doc = Document::from_text(DocId(0), "test.html", page);
        doc.meta.title = Some("区政府召开第12次常务会议_衢江区人民政府".into());
        assert_eq!(places_of(&mut doc, false), ["衢江"]);
        assert_eq!(doc.place.as_ref().map(|p| &*p.name), Some("衢江"));
    }

    #[test]
    fn a_page_that_never_names_its_county_takes_it_from_its_address() {
        let page = "市政府召开第12次常务会议\n本报讯 9月9日上午,市长某某主持召开市政府第12次常务会议,研究有关工作。\n会议指出,要高度重视。要抓好落实。\n";
        let place = |doc: &mut Document| {
            extract(doc, &Gazetteer::load())
                .first()
                .and_then(|m| m.place.as_ref().map(|p| p.name.to_string()))
        };
        let mut doc = Document::from_text(DocId(0), "test.html", page);
        doc.meta.url = Some("http://www.xianggelila.gov.cn/art/2022/9/13/1.html".into());
        assert_eq!(place(&mut doc).as_deref(), Some("香格里拉"));
        let pasted = format!("{page}原文链接:http://www.xianggelila.gov.cn/art/2022/9/13/1.html\n");
        let mut doc = Document::from_text(DocId(0), "test.txt", &pasted);
        assert_eq!(place(&mut doc).as_deref(), Some("香格里拉"));
    }

    #[test]
    fn a_namesake_is_settled_by_the_province_the_page_names_above_the_report() {
        let page = "铁东区十九届人民政府召开第四次全体会议\n\n民生   2025-01-16 21:40   辽宁\n\n\n1月16日,铁东区十九届人民政府召开第四次全体(扩大)会议,深入贯彻落实中央、省委经济工作会议精神和市委十三届九次全会精神,部署全年工作。区长某某出席会议并讲话。副区长某某主持会议。\n\n会议指出,要抓好落实。要确保完成全年目标任务。\n";
        let mut doc = Document::from_text(DocId(0), "test.txt", page);
        assert_eq!(places_of(&mut doc, true), ["辽宁省鞍山市铁东区"]);
    }

    #[test]
    fn finds_meeting_reports() {
        check(
            "某市委常委会召开会议 部署工作\n\n本报讯 1月27日上午,市委常委会召开会议,部署近期重点工作。\n\n市委书记张三主持会议。\n\n会议指出,要做好疫情防控工作。要保持从严标准。\n",
            &["市委常委会会议|张三|2"],
        );
        check(
            "标题\n\n本报讯 10日下午,我市召开防汛工作推进会。县委书记李四在会上强调,要压实责任。\n\n李四强调,要加强值守。\n",
            &["防汛工作推进会|李四|2"],
        );
        // No chair named.
        check(
            "标题\n\n本报讯 14日,某市委常委会召开扩大会议,传达学习讲话精神。\n\n会议强调,要坚持疫情防控优先。\n",
            &["某市委常委会扩大会议|-|1"],
        );
        // A video call is not a meeting.
        check(
            "某某在与一线医护人员视频连线时指出 齐心协力\n\n本报讯 14日下午,市领导通过视频连线,看望慰问医护人员。市委书记某某说,要全力以赴救治患者。\n",
            &[],
        );
        // A commentary is not a meeting report, even when it cites one.
        check(
            "评论标题\n\n本报特约评论员\n\n近日,市委常委会召开会议。会议强调,要做好防控。\n",
            &[],
        );
        // Shapes from other places and papers: full-width brackets, a province, a county.
        check(
            "省委常委会召开会议 研究部署防汛工作\n\n本报讯（记者 王某）7月20日下午，省委常委会召开会议，研究部署防汛救灾工作。省委书记赵某主持会议。\n\n会议强调，要压紧压实防汛责任。要全力做好转移避险。\n",
            &["省委常委会会议|赵某|2"],
        );
        check(
            "标题\n\n新华社某地3月1日电 某自治区党委常委会3月1日召开会议，传达学习全国两会精神。\n\n会议指出，要把思想和行动统一起来。\n",
            &["某自治区党委常委会会议|-|1"],
        );
        check(
            "县政府召开常务会议\n\n本报讯 9日，县政府召开常务会议，研究有关事项。会议由县委副书记、县长钱某主持。\n\n会议要求，各部门要狠抓落实：一是抓项目，二是抓招商。\n",
            &["县政府常务会议|钱某|3"],
        );
        check(
            "标题\n\n  昨日上午，全区安全生产工作会议召开。区委书记孙某出席并讲话。\n\n孙某强调，要守牢安全底线。\n",
            &["全区安全生产工作会议|孙某|1"],
        );
        // Nobody chairs and the directives are the meeting's: the leader who addressed it.
        check(
            "标题\n\n5月26日,某某县人民政府召开第一次全体会议,部署全年工作。\n\n县委副书记、县长冶某某出席会议并讲话。\n\n会议强调,要加快推进法治政府建设。\n",
            &["某某县人民政府第一次全体会议|冶某某|1"],
        );
        // A feature that quotes a meeting only further down is not a meeting report.
        check(
            "走进某村\n\n本报讯 清晨的某村，村民们正忙着春耕。\n\n前不久，县委召开会议。会议强调，要抓好春耕。\n",
            &[],
        );
        // A lead that opens on the meeting reports it, laid down or not.
        check(
            "标题\n\n本报讯 市委召开会议,研究有关事项。\n\n市领导出席会议。\n",
            &["市委会议|-|0"],
        );
        // A meeting named only later in the lead, with nothing laid down, is not the subject.
        check(
            "标题\n\n本报讯 近日,我县村民喜获丰收。此前县里召开了丰收节筹备会,研究有关事项。\n",
            &[],
        );
    }

    #[test]
    fn kinds_of_meeting() {
        // A government standing meeting chaired by the mayor, with bare 要求 and 强调 cues.
        check(
            "市政府召开第37次常务会议\n\n2月26日下午,市委副书记、市长某某主持召开市十八届人民政府第37次常务会议,研究有关工作。\n\n会议传达了中央有关会议精神。要求,各级各部门要提高政治站位。\n\n会议研究了整治方案。强调,要抬高标准。\n",
            &["市十八届人民政府第37次常务会议|某某|2"],
        );
        // A standing committee's numbered meeting, a cue after what it heard.
        check(
            "标题\n\n3月17日,县委书记某某主持召开七届常委会第67次会议。\n\n会议传达学习了全国两会精神,会议强调:各级各部门要把学习贯彻作为重要任务。\n",
            &["七届常委会第67次会议|某某|1"],
        );
        // Group study, with no directive of its own.
        check(
            "标题\n\n本报讯 昨天下午,某县委召开中心组(扩大)学习会,邀请专家作专题辅导。\n\n与会人员纷纷表示,讲解很有针对性。\n",
            &["中心组(扩大)学习会|-|0"],
        );
        // A meeting of the people's congress standing committee, chaired after the attendance.
        check(
            "标题\n\n8月21日,县十六届人大常委会第五次会议召开,县人大常务副主任某某等出席会议。某某主持会议。\n\n会议听取了有关报告。\n",
            &["县十六届人大常委会第五次会议|某某|0"],
        );
        // A chair named after the speaker, and a chair standing in for another.
        check(
            "标题\n\n6月13日下午,我县召开重点工作调度会。县委书记甲某出席会议并讲话。县委副书记、代县长乙某主持会议。\n\n甲某要求,要抓实抓好常态化疫情防控。\n",
            &["重点工作调度会|乙某|1"],
        );
        check(
            "标题\n\n1月12日,受县委书记甲某委托,县长乙某主持召开县委常委会会议。\n\n会议强调,要做好春节期间各项工作。\n",
            &["县委常委会会议|乙某|1"],
        );
        // A video conference of the province attended at the county's branch venue.
        check(
            "标题\n\n11月14日,全省疫情防控工作视频会召开,我县在分会场收听收看。\n\n会后,县领导要求,要抓好会议精神落实。\n",
            &["全省疫情防控工作视频会|-|0"],
        );
        // A photo caption line does not end the report: what follows it is still its body.
        check(
            "县里召开领导小组会议\n\n1月24日,县委书记某某主持召开县脱贫攻坚领导小组会议。县领导出席会议。\n\n会议现场\n\n会议指出,全县上下要充分认识脱贫攻坚的重要意义。\n",
            &["县脱贫攻坚领导小组会议|某某|1"],
        );
        // A second meeting held right after the first is a meeting of its own.
        check(
            "某市召开视频调度会 某某在续会上强调\n\n本报讯 1月27日晚,某市召开疫情防控工作视频调度会。会后,市委书记某某立即主持召开续会,部署近期工作。他强调,全市上下要保持高度警觉。\n\n某某强调,要认清形势。\n",
            &[
                "疫情防控工作视频调度会|-|0",
                "疫情防控工作视频调度会续会|某某|2",
            ],
        );
        check(
            "标题\n\n2月19日,县长某某主持召开县政府党组(扩大)会议暨县长办公会议,专题学习理论。\n\n会上,党校老师作了辅导。\n\n在随后召开的县长办公会议上,某某要求,各级各部门要围绕高质量发展。\n",
            &[
                "县政府党组(扩大)会议暨县长办公会议|某某|0",
                "县长办公会议|某某|1",
            ],
        );
        // Two meetings of one name on one page, each with its own lead.
        check(
            "县政府常务会议召开\n\n本报讯 5月23日,县长某某主持召开县政府常务会议。\n\n会议传达学习了有关精神。\n\n又讯 5月29日,县长某某主持召开县政府常务会议。\n\n会议研究了有关事项。\n",
            &["县政府常务会议|某某|0", "县政府常务会议|某某|0"],
        );
        // An inspection visit with a 座谈会 on the way, and the text of a speech, are not.
        check(
            "县委书记某某调研项目建设\n\n7月8日,县委书记某某调研某镇项目建设情况。\n\n座谈会上,某某强调,要继续围绕项目抓工作。\n",
            &[],
        );
        check(
            "县长在县政府全体会议上的讲话\n\n同志们:今天,我们召开本届县政府第一次全体会议。\n\n下面,我讲三点意见。各部门要抓好落实。\n",
            &[],
        );
        // Notices, roundups and press conferences are not reports.
        check(
            "关于召开全县秋季造林动员大会的通知\n\n各乡镇人民政府,县直各部门:县政府决定召开全县秋季造林动员大会,现将有关事宜通知如下:\n\n一、会议时间:10月9日上午。\n",
            &[],
        );
        check(
            "各地召开领导干部会议\n\n11月15日,某省多个县区召开了领导干部会议,传达学习全会精神。\n\n11月15日上午,甲县委召开全县领导干部会议。县委书记某某主持会议并讲话,他强调,要学习好全会精神。\n",
            &[],
        );
        check(
            "标题\n\n12月6日,市河长办在市水务局召开新闻发布会,介绍河长制工作。\n\n发布会要求,要加强宣传。\n",
            &[],
        );
    }

    proptest::proptest! {
        /// Pages built from pieces of real report shapes, cut anywhere, never panic, and every
        /// directive's span reads back as its text.
        #[test]
        fn any_page_gives_well_formed_meetings(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "本报讯 ", "14日,", "市委常委会", "召开", "会议", "扩大", "暨", "领导小组", "全体",
                "。", ",", "，", "；", "\n", "\n\n", "  ", "会议强调,", "会议指出：", "要", "一是",
                "二是", "市委书记", "张三", "主持会议", "在会上强调,", "他强调,", "“", "”", "(", ")",
                "记者 李四 摄", "编辑:王五", "|", ">>", "延伸阅读", "做好工作", "确保安全", "\u{3000}",
                "\r\n", "重", "讲", "话", "复", "工", "产",
            ]), 0..80),
            at in 0usize..80,
        ) {
            // A real report with noise around and inside it, so that most cases hold a meeting.
            let cut = at.min(parts.len());
            let page = format!(
                "{}\n标题\n本报讯 14日,市委常委会召开会议。市委书记张三主持会议。\n{}\n会议强调,要做好工作。要确保安全。\n",
                parts[..cut].concat(),
                parts[cut..].concat(),
            );
            let mut doc = Document::from_text(DocId(0), "p", &page);
            for m in extract(&mut doc, &Gazetteer::default()) {
                proptest::prop_assert!(!m.title.is_empty());
                for d in &m.directives {
                    proptest::prop_assert!(page.get(d.span.start..d.span.end).is_some());
                    proptest::prop_assert_eq!(flatten(&page, d.span), d.text.clone());
                    proptest::prop_assert!(m.article.contains(d.span));
                }
            }
        }
    }
}
