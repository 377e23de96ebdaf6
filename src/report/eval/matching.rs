//! Pairs the meetings found in a page with the meetings labelled for it, one to one.

use std::collections::BTreeSet;

use super::fields::{chair_right, date_right, normalise_title, place_right, title_right};
use super::labels::{LabelDate, LabelMeeting};
use crate::model::Meeting;

/// Pairs `found` with `labelled`, both in page order: most alike first, nearer in order on a tie.
///
/// Every meeting of the smaller side gets a partner, so a page with one meeting on each side
/// always pairs them and a wrong title shows up as a wrong title, not as a miss and a false
/// alarm. Returns `(found index, label index)` sorted by label index.
pub fn pair(
    found: &[&Meeting],
    labelled: &[(LabelMeeting, Option<LabelDate>)],
) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize, usize)> = Vec::new();
    for (i, m) in found.iter().enumerate() {
        for (j, (l, date)) in labelled.iter().enumerate() {
            let distance = i.abs_diff(j);
            let order = 0.5 / (1.0 + distance as f64);
            candidates.push((likeness(m, l, *date) + order, distance, i, j));
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let (mut used_found, mut used_label) = (BTreeSet::new(), BTreeSet::new());
    let mut pairs = Vec::new();
    for (_, _, i, j) in candidates {
        if !used_found.contains(&i) && !used_label.contains(&j) {
            used_found.insert(i);
            used_label.insert(j);
            pairs.push((i, j));
        }
    }
    pairs.sort_by_key(|&(i, j)| (j, i));
    pairs
}

/// How alike a found meeting and a labelled one are: the title counts most, then the chair,
/// the date and the place.
fn likeness(m: &Meeting, l: &LabelMeeting, date: Option<LabelDate>) -> f64 {
    let (lt, mt) = (
        normalise_title(l.title.as_deref().unwrap_or("")),
        normalise_title(&m.title),
    );
    // The same name beats one that merely contains it: 常委会会议 and 常委会会议（续会）.
    let title = if !lt.is_empty() && lt == mt {
        4.0
    } else if l.title.is_some() && title_right(l.title.as_deref(), &m.title) {
        3.0
    } else {
        2.0 * bigram_dice(&lt, &mt)
    };
    let chair = if l.chair.is_some() && chair_right(l.chair.as_deref(), m.chair.as_deref()) {
        2.0
    } else {
        0.0
    };
    let date = if date.is_some() && date_right(date, m.date.as_ref()) {
        1.5
    } else {
        0.0
    };
    let place = if l.place.is_some() && place_right(l.place.as_deref(), m.place.as_ref()) {
        0.5
    } else {
        0.0
    };
    title + chair + date + place
}

/// Dice's coefficient over character pairs: 1 for the same string, 0 for nothing shared.
fn bigram_dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let mut rest = gb.clone();
    let mut shared = 0;
    for g in &ga {
        if let Some(k) = rest.iter().position(|x| x == g) {
            rest.swap_remove(k);
            shared += 1;
        }
    }
    2.0 * f64::from(shared) / (ga.len() + gb.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateBasis, PolicyDate};

    /// A found meeting from `title|chair|date`.
    fn found(spec: &str) -> Meeting {
        let mut parts = spec.split('|');
        let title = parts.next().unwrap_or("").to_string();
        let chair = parts.next().filter(|s| !s.is_empty()).map(str::to_string);
        let date = parts
            .next()
            .filter(|s| !s.is_empty())
            .map(|s| PolicyDate::new(s.parse().unwrap(), DateBasis::Explicit));
        Meeting {
            date,
            title,
            chair,
            ..Meeting::default()
        }
    }

    fn label(spec: &str) -> (LabelMeeting, Option<LabelDate>) {
        let m = found(spec);
        let date = m.date.map(|d| LabelDate::Day(d.date));
        let l = LabelMeeting {
            title: Some(m.title).filter(|t| !t.is_empty()),
            chair: m.chair,
            date: date.map(|_| String::new()),
            ..LabelMeeting::default()
        };
        (l, date)
    }

    fn check(found_specs: &[&str], label_specs: &[&str], expect: &[(usize, usize)]) {
        let found: Vec<Meeting> = found_specs.iter().map(|s| found(s)).collect();
        let refs: Vec<&Meeting> = found.iter().collect();
        let labels: Vec<_> = label_specs.iter().map(|s| label(s)).collect();
        assert_eq!(
            pair(&refs, &labels),
            expect,
            "{found_specs:?} ~ {label_specs:?}"
        );
    }

    #[test]
    fn meetings_pair_one_to_one_by_likeness_then_order() {
        check(&["县委常委会会议"], &["县委常委会会议"], &[(0, 0)]);
        check(&["座谈会"], &["县委常委会会议"], &[(0, 0)]);
        check(
            &["县政府常务会议", "县委常委会会议"],
            &["县委常委会会议", "县政府常务会议"],
            &[(1, 0), (0, 1)],
        );
        check(
            &["会议|张三|2021-03-01", "会议|李四|2021-03-02"],
            &["会议|李四|2021-03-02"],
            &[(1, 0)],
        );
        check(&["会议", "会议"], &["会议", "会议"], &[(0, 0), (1, 1)]);
        check(
            &["常委会会议|||", "常委会会议（续会）"],
            &["常委会会议（续会）", "常委会会议"],
            &[(1, 0), (0, 1)],
        );
        check(&["县委全会"], &["县委全会", "县委常委会会议"], &[(0, 0)]);
        check(
            &["县委全会", "县委常委会会议", "县委工作会议"],
            &["县委工作会议"],
            &[(2, 0)],
        );
        check(&[], &["县委全会"], &[]);
        check(&["县委全会"], &[], &[]);
    }

    #[test]
    fn dice_counts_shared_character_pairs() {
        assert!((bigram_dice("县委常委会", "县委常委会") - 1.0).abs() < 1e-9);
        assert!(bigram_dice("县委常委会", "政府全体会").abs() < 1e-9);
        assert!(bigram_dice("县委常委会", "市委常委会") > 0.5);
        assert!(bigram_dice("", "县委").abs() < 1e-9);
    }
}
