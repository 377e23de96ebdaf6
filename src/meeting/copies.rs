//! One meeting, several reports: the same meeting told by two pages (a story page and a daily
//! transcript, a paper and its website) is one meeting that lists its other reports.
//!
//! Two meetings are copies when their dates, places, chairs and titles agree and, when both lay
//! something down, their directives are mostly the same text. The first report in corpus order
//! keeps the meeting; the others become its `reports`. A meeting is never merged with another
//! found in the same article (a meeting and its 续会 are two meetings).

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::model::{Meeting, MeetingId, ReportRef};
use crate::text::is_han;

/// Characters in one shingle of directive text.
const SHINGLE: usize = 6;

/// The share of the shorter report's shingles the longer one must hold.
const SAME_TEXT: f64 = 0.5;

/// Fewer shingles than this is too little text to tell two meetings apart by their words.
const MIN_SHINGLES: usize = 8;

/// Merges copies of one meeting into the first of them; ids are renumbered from 0 in order, and
/// each kept meeting lists the other reports in `reports`, sorted. Returns how many meetings
/// were merged away.
pub fn merge(meetings: &mut Vec<Meeting>) -> usize {
    let keys: Vec<Key> = meetings.iter().map(Key::of).collect();
    let mut parent: Vec<usize> = (0..meetings.len()).collect();
    for (a, b) in candidates(meetings) {
        if keys[a].same_meeting(&keys[b]) && meetings[a].article_ref() != meetings[b].article_ref()
        {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            // The earlier meeting stays the representative.
            let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[gone] = keep;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..meetings.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let merged = meetings.len() - groups.len();
    if merged == 0 {
        return 0;
    }
    let mut slots: Vec<Option<Meeting>> = std::mem::take(meetings).into_iter().map(Some).collect();
    for (keep, members) in groups {
        let Some(mut m) = slots[keep].take() else {
            continue;
        };
        for &other in members.iter().filter(|&&o| o != keep) {
            if let Some(copy) = slots[other].take() {
                absorb(&mut m, copy);
            }
        }
        m.reports.sort();
        m.reports.dedup();
        meetings.push(m);
    }
    // A meeting whose own report moved to a later page takes that page's place in the order.
    meetings.sort_by_key(|m| (m.doc, m.article.start));
    for (i, m) in meetings.iter_mut().enumerate() {
        m.id = MeetingId(i as u32);
    }
    merged
}

/// Takes `copy` into `m`: its report, its own other reports, and what `m` lacks.
fn absorb(m: &mut Meeting, copy: Meeting) {
    let own = m.article_ref();
    let theirs = std::iter::once(copy.article_ref()).chain(copy.reports.iter().copied());
    m.reports.extend(theirs.filter(|r| *r != own));
    if m.chair.is_none() {
        m.chair = copy.chair;
    }
    if m.date.is_none() {
        m.date = copy.date;
    }
    if m.place.is_none() {
        m.place = copy.place;
    }
    if m.directives.is_empty() && !copy.directives.is_empty() {
        // Only the copy lays anything down: its report becomes the meeting's own, since the
        // directives' spans point into its document.
        m.reports.push(own);
        m.doc = copy.doc;
        m.article = copy.article;
        m.directives = copy.directives;
        let own = m.article_ref();
        m.reports.retain(|r| *r != own);
    }
}

impl Meeting {
    /// This meeting's own report: its document and article.
    pub fn article_ref(&self) -> ReportRef {
        ReportRef {
            doc: self.doc,
            article: self.article,
        }
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Pairs worth comparing: meetings dated within a day of each other or on the same day of the
/// year (a page without a year may be given the wrong one), and undated meetings with the same
/// title as any other. Every pair has `a < b`.
fn candidates(meetings: &[Meeting]) -> Vec<(usize, usize)> {
    let mut dated: Vec<(NaiveDate, usize)> = Vec::new();
    let mut by_title: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_day: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, m) in meetings.iter().enumerate() {
        match m.date {
            Some(d) => {
                dated.push((d.date, i));
                by_day
                    .entry((d.date.month(), d.date.day()))
                    .or_default()
                    .push(i);
            }
            None => by_title.entry(normal(&m.title)).or_default().push(i),
        }
    }
    dated.sort_unstable();
    let mut out = Vec::new();
    for (k, &(d, i)) in dated.iter().enumerate() {
        for &(e, j) in &dated[k + 1..] {
            if (e - d).num_days() > 1 {
                break;
            }
            out.push((i.min(j), i.max(j)));
        }
    }
    // An undated meeting may be a copy of a dated one with the same title.
    for (i, m) in meetings.iter().enumerate() {
        if m.date.is_some() {
            if let Some(undated) = by_title.get(&normal(&m.title)) {
                out.extend(undated.iter().map(|&j| (i.min(j), i.max(j))));
            }
        }
    }
    for list in by_title.values().chain(by_day.values()) {
        for (k, &i) in list.iter().enumerate() {
            out.extend(list[k + 1..].iter().map(|&j| (i.min(j), i.max(j))));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What two reports of one meeting must share.
struct Key {
    title: String,
    date: Option<NaiveDate>,
    place: Option<String>,
    chair: Option<String>,
    shingles: HashSet<u64>,
}

impl Key {
    fn of(m: &Meeting) -> Self {
        Self {
            title: normal(&m.title),
            date: m.date.map(|d| d.date),
            place: m.place.as_ref().map(|p| p.name.to_string()),
            chair: m.chair.clone(),
            shingles: shingles(m).collect(),
        }
    }

    fn same_meeting(&self, other: &Key) -> bool {
        let agree = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let dates = match (self.date, other.date) {
            (Some(a), Some(b)) => a == b || (a.month() == b.month() && a.day() == b.day()),
            _ => true,
        };
        if !dates || !agree(&self.place, &other.place) || !agree(&self.chair, &other.chair) {
            return false;
        }
        let titles = !self.title.is_empty()
            && !other.title.is_empty()
            && (self.title.contains(&other.title) || other.title.contains(&self.title));
        let (small, large) = if self.shingles.len() <= other.shingles.len() {
            (&self.shingles, &other.shingles)
        } else {
            (&other.shingles, &self.shingles)
        };
        if small.len() >= MIN_SHINGLES {
            let shared = small.iter().filter(|s| large.contains(s)).count();
            #[allow(clippy::cast_precision_loss)]
            let share = shared as f64 / small.len() as f64;
            // The same words under a compatible name; or nearly all the same words.
            return (titles && share >= SAME_TEXT) || share >= 0.9;
        }
        // Too little text: only the same name, the same day and the same chair tell; a page
        // without the date may still be a copy when the name carries the meeting's number.
        let numbered = numbered(&self.title);
        let same_day = match (self.date, other.date) {
            (Some(a), Some(b)) => a == b,
            (None, None) => false,
            _ => numbered,
        };
        titles
            && self.title == other.title
            && same_day
            && self.chair.is_some()
            && self.chair == other.chair
    }
}

/// The hashed runs of [`SHINGLE`] characters of a meeting's directives (ideographs, letters
/// and digits only) that tell two reports' words apart; repeated runs come out again.
pub fn shingles(m: &Meeting) -> impl Iterator<Item = u64> + '_ {
    let chars: Vec<char> = m
        .directives
        .iter()
        .flat_map(|d| d.text.chars())
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .collect();
    (0..chars.len().saturating_sub(SHINGLE - 1)).map(move |i| {
        chars[i..i + SHINGLE]
            .iter()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
                (h ^ u64::from(*c)).wrapping_mul(0x0100_0000_01b3)
            })
    })
}

/// Whether a normalised title names the meeting by its number (…第三次全体会议) clearly
/// enough that a report without the date may still be a copy of a dated one.
/// A bare 第一次全体会议 is the first sitting of many sessions: too little to tell.
pub fn numbered(title: &str) -> bool {
    title.contains('第')
        && title.contains('次')
        && !title.starts_with('第')
        && title.chars().count() >= 10
}

/// A title as compared: ideographs, letters and digits only.
pub fn normal(title: &str) -> String {
    title
        .chars()
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateBasis, Directive, DocId, PolicyDate, Span};

    /// A meeting from a one-line description `doc|start|date|title|chair|directive;directive`.
    fn meeting(line: &str) -> Meeting {
        let f: Vec<&str> = line.split('|').collect();
        let date = (!f[2].is_empty()).then(|| {
            PolicyDate::new(
                NaiveDate::parse_from_str(f[2], "%Y-%m-%d").unwrap(),
                DateBasis::Explicit,
            )
        });
        Meeting {
            doc: DocId(f[0].parse().unwrap()),
            article: Span::new(f[1].parse().unwrap(), 1000),
            date,
            title: f[3].to_string(),
            chair: (!f[4].is_empty()).then(|| f[4].to_string()),
            directives: f[5]
                .split(';')
                .filter(|t| !t.is_empty())
                .map(|t| Directive {
                    text: t.to_string(),
                    span: Span::default(),
                    cue: "会议强调".into(),
                })
                .collect(),
            ..Meeting::default()
        }
    }

    /// Merges the meetings and renders each kept one as `id:title<docs of its reports>`.
    fn check(lines: &[&str], expect: &[&str]) {
        let mut ms: Vec<Meeting> = lines.iter().map(|l| meeting(l)).collect();
        for (i, m) in ms.iter_mut().enumerate() {
            m.id = MeetingId(i as u32);
        }
        merge(&mut ms);
        let got: Vec<String> = ms
            .iter()
            .map(|m| {
                let docs: Vec<String> = m.reports.iter().map(|r| r.doc.0.to_string()).collect();
                format!("{}:{}<{}>", m.id, m.title, docs.join(","))
            })
            .collect();
        assert_eq!(got, expect);
    }

    const LONG: &str = "要坚持稳中求进工作总基调;要扎实做好稳就业稳物价工作;要加快构建新发展格局";

    #[test]
    fn copies_become_one_meeting() {
        // A paper and its website: same day, same chair, the same directives.
        check(
            &[
                &format!("0|0|2022-04-29|中共中央政治局会议|甲某|{LONG}"),
                &format!("1|0|2022-04-29|中共中央政治局会议|甲某|{LONG}"),
            ],
            &["m0:中共中央政治局会议<1>"],
        );
        // A copy whose year was not on the page, a longer title, a truncated text.
        check(
            &[
                &format!("0|0|2019-02-27|第二十六次委员长会议|乙某|{LONG}"),
                "1|0|2020-02-27|十三届全国人大常委会第二十六次委员长会议|乙某|要坚持稳中求进工作总基调;要扎实做好稳就业稳物价工作",
                "2|0|2019-03-01|县委常委会会议|丙某|要抓好春耕生产",
            ],
            &["m0:第二十六次委员长会议<1>", "m1:县委常委会会议<>"],
        );
        // Brief reports with nothing laid down: the same name, day and chair.
        check(
            &[
                "0|0|2021-05-08|县委常委会会议|丁某|",
                "3|50|2021-05-08|县委常委会会议|丁某|",
                "4|0|2021-05-08|县委常委会会议|戊某|",
                "5|0||县委常委会会议|丁某|",
            ],
            &[
                "m0:县委常委会会议<3>",
                "m1:县委常委会会议<>",
                "m2:县委常委会会议<>",
            ],
        );
        // Only the second report lays anything down: it becomes the meeting's own report.
        check(
            &[
                "0|0|2022-04-29|政治局会议|甲某|",
                &format!("1|0|2022-04-29|政治局会议|甲某|{LONG}"),
            ],
            &["m0:政治局会议<0>"],
        );
        // A bare sitting's number names no meeting: undated, it stays apart.
        check(
            &[
                "0|0|2024-06-25|第一次全体会议|乙某|",
                "1|0||第一次全体会议|乙某|",
                "2|0|2024-04-23|第一次全体会议|乙某|",
            ],
            &[
                "m0:第一次全体会议<>",
                "m1:第一次全体会议<>",
                "m2:第一次全体会议<>",
            ],
        );
        // An undated copy of a numbered meeting.
        check(
            &[
                "0|0|2019-02-27|十三届全国人大常委会第二十六次委员长会议|乙某|",
                "1|0||十三届全国人大常委会第二十六次委员长会议|乙某|",
            ],
            &["m0:十三届全国人大常委会第二十六次委员长会议<1>"],
        );
    }

    #[test]
    fn different_meetings_stay_apart() {
        // A meeting and the one held right after it in the same article.
        check(
            &[
                &format!("0|0|2022-01-27|调度会|甲某|{LONG}"),
                &format!("0|0|2022-01-27|调度会续会|甲某|{LONG}"),
            ],
            &["m0:调度会<>", "m1:调度会续会<>"],
        );
        // Same title, days apart; same day, other chairs; different words.
        check(
            &[
                &format!("0|0|2022-01-03|市委常委会会议|甲某|{LONG}"),
                &format!("1|0|2022-01-10|市委常委会会议|甲某|{LONG}"),
                &format!("2|0|2022-01-10|市委常委会会议|乙某|{LONG}"),
                "3|0|2022-01-10|市委常委会会议|甲某|要全力做好防汛抗旱各项准备工作确保安全度汛",
            ],
            &[
                "m0:市委常委会会议<>",
                "m1:市委常委会会议<>",
                "m2:市委常委会会议<>",
                "m3:市委常委会会议<>",
            ],
        );
    }
}
