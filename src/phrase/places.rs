//! Phrase use per place: the places of meetings as dense ids for scoring, and per-place counts
//! of a group's occurrences.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::model::{MeetingId, PlaceUse};

/// Dense ids for the places of the first `n` meetings, `u32::MAX` for a meeting without one.
pub(super) fn place_ids(n: usize, places: &[Option<&str>]) -> Vec<u32> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    (0..n)
        .map(|i| {
            places.get(i).copied().flatten().map_or(u32::MAX, |p| {
                let next = ids.len() as u32;
                *ids.entry(p).or_insert(next)
            })
        })
        .collect()
}

/// How many places the `meetings` (indices into `ids`, from [`place_ids`]) are in; a meeting
/// without a place counts for none.
pub(super) fn distinct_places(meetings: impl IntoIterator<Item = u32>, ids: &[u32]) -> usize {
    let mut in_places: Vec<u32> = meetings
        .into_iter()
        .filter_map(|m| ids.get(m as usize).copied())
        .filter(|&p| p != u32::MAX)
        .collect();
    in_places.sort_unstable();
    in_places.dedup();
    in_places.len()
}

/// Per place, how a phrase group is used, from `(place, meeting, date)` of each occurrence:
/// occurrences, distinct meetings and the earliest date.
pub fn place_uses<'a>(
    uses: impl IntoIterator<Item = (&'a str, MeetingId, Option<NaiveDate>)>,
) -> BTreeMap<String, PlaceUse> {
    let mut places: BTreeMap<&str, (usize, BTreeSet<MeetingId>, Option<NaiveDate>)> =
        BTreeMap::new();
    for (place, meeting, date) in uses {
        let e = places.entry(place).or_default();
        e.0 += 1;
        e.1.insert(meeting);
        if let Some(d) = date {
            e.2 = Some(e.2.map_or(d, |f| f.min(d)));
        }
    }
    places
        .into_iter()
        .map(|(name, (count, ms, first))| {
            (
                name.to_string(),
                PlaceUse {
                    count,
                    meetings: ms.len(),
                    first,
                },
            )
        })
        .collect()
}
