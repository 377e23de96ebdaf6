//! The gazetteer of PRC divisions: every province, prefecture and county-level division, with
//! its parent, official and short names, in one Aho–Corasick automaton.
//!
//! The divisions come from `assets/places/divisions.tsv` (see its README). Every official name
//! (永康市) and common short name (永康) goes into one automaton, so a page is read in a single
//! pass whatever the number of places.

use std::collections::BTreeMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::meeting::names::short_name;
use crate::model::{Place, PlaceLevel};

/// The divisions as shipped: `code<TAB>official name<TAB>parent code`.
const DIVISIONS_TSV: &str = include_str!("../../../assets/places/divisions.tsv");

/// Names no longer in force, with the years they were and their successor's code: see
/// `assets/places/README.md`.
const HISTORY_TSV: &str = include_str!("../../../assets/places/history.tsv");

/// Two-character words that end with the first character of a two-character name (召开 for
/// 开县), one a line: see `assets/places/README.md`.
const WORD_TAILS: &str = include_str!("../../../assets/places/word_tails.txt");

/// Names that are more often a common word than the place (公安, 平安, 合作), one a line: see
/// `assets/places/README.md`.
const COMMON_WORDS: &str = include_str!("../../../assets/places/common_words.txt");

/// Every province, prefecture and county-level division, built once and shared.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub(super) places: Vec<Place>,
    /// Parent of each place (index into `places`).
    pub(super) parents: Vec<Option<usize>>,
    /// The last character of each official name (市, 县, 区, 省 …), for 我市-style pages.
    pub(super) suffixes: Vec<char>,
    /// The official name of each place (永康市, 长白朝鲜族自治县).
    pub(super) officials: Vec<Arc<str>>,
    /// One automaton over all names; `None` only if building it failed.
    pub(super) matcher: Option<AhoCorasick>,
    /// For each pattern of `matcher`, the places it names and whether it is their official form.
    pub(super) patterns: Vec<Vec<(usize, bool)>>,
    /// For each pattern, the place it means when nothing else on the page decides: its only
    /// place, or the one province or prefecture among county namesakes (海南, 西安).
    pub(super) primary: Vec<Option<usize>>,
    /// For each pattern, true when it is also a common word (公安, 合作): written once in
    /// passing it says nothing.
    pub(super) common: Vec<bool>,
    /// Each name (official or short) to the places it names, for [`Gazetteer::find`].
    pub(super) by_name: BTreeMap<Arc<str>, Vec<usize>>,
    /// The text of each pattern.
    keys: Vec<Arc<str>>,
    /// For a name no longer in force (户县, 宜宾县): the first year it was gone and the place that
    /// took its place.
    pub(super) former: Vec<Option<(i32, Option<usize>)>>,
    /// Words that swallow the first character of a two-character name (召开 in 召开县委).
    pub(super) tails: std::collections::BTreeSet<Arc<str>>,
    /// Each pinyin spelling of a short name to its places, built when an address is first read.
    pub(super) pinyin: std::sync::OnceLock<BTreeMap<String, Vec<usize>>>,
}

impl Gazetteer {
    /// Loads the divisions shipped under `assets/places/` and builds the name automaton.
    pub fn load() -> Self {
        let words: std::collections::BTreeSet<&str> = COMMON_WORDS.lines().map(str::trim).collect();
        // A former name that is mostly a word (市区) would only add noise.
        let history: String = HISTORY_TSV
            .lines()
            .filter(|l| l.split('\t').nth(1).is_some_and(|n| !words.contains(n)))
            .flat_map(|l| [l, "\n"])
            .collect();
        let mut gazetteer = Self::from_tables(DIVISIONS_TSV, &history);
        gazetteer.common = gazetteer
            .keys
            .iter()
            .map(|k| words.contains(&**k))
            .collect();
        gazetteer.tails = WORD_TAILS.lines().map(|w| w.trim().into()).collect();
        gazetteer
    }

    /// Builds a gazetteer from `code<TAB>official name<TAB>parent code` lines; parents must come
    /// before their children. Malformed lines are skipped.
    pub fn from_tsv(tsv: &str) -> Self {
        Self::from_tables(tsv, "")
    }

    /// [`Gazetteer::from_tsv`] with the names no longer in force:
    /// `code<TAB>name<TAB>parent<TAB>from<TAB>until<TAB>successor code` lines. A former name is
    /// found by its official form (户县, 宜宾县) and given as it was on a meeting's date.
    pub fn from_tables(tsv: &str, history: &str) -> Self {
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
        let current = rows.len();
        let mut former: Vec<Option<(i32, Option<usize>)>> = vec![None; current];
        for line in history.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, name, parent, _from, until, successor] = cols[..] else {
                continue;
            };
            let (Some(parent), Ok(until)) = (index.get(parent).copied(), until.parse::<i32>())
            else {
                continue;
            };
            rows.push((code, name, Some(parent)));
            former.push(Some((until, index.get(successor).copied())));
        }

        let mut places = Vec::with_capacity(rows.len());
        let mut parents = Vec::with_capacity(rows.len());
        let mut suffixes = Vec::with_capacity(rows.len());
        let mut officials: Vec<Arc<str>> = Vec::with_capacity(rows.len());
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
            // 长沙县 under 长沙市, 吉安县 under 吉安市: the county keeps its official name, or
            // the two would read alike in every table.
            let short = short_name(name);
            let clash = chain[1..].iter().any(|up| short_name(up) == short);
            chain.reverse();
            places.push(Place {
                name: if clash { name.into() } else { short.into() },
                full: chain.concat().into(),
                code: code.into(),
                level,
            });
            parents.push(parent);
            officials.push(name.into());
            suffixes.push(name.chars().next_back().unwrap_or(' '));
        }

        // Official names, short names, and the common 恩施州 form of autonomous prefectures.
        let mut names: BTreeMap<Arc<str>, Vec<(usize, bool)>> = BTreeMap::new();
        for (i, &(_, official, _)) in rows.iter().enumerate().take(current) {
            names.entry(official.into()).or_default().push((i, true));
        }
        // A former name counts by its official form, unless a place in force has it too.
        for (i, &(_, official, _)) in rows.iter().enumerate().skip(current) {
            let entry = names.entry(official.into()).or_default();
            if entry.iter().all(|&(j, _)| j >= current) {
                entry.push((i, true));
            }
        }
        for (i, p) in places.iter().enumerate().take(current) {
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
        // Every page is searched for every name, so the automaton is a DFA: about 12 MB for
        // the 6,600 names, against 0.4 MB as the default NFA, for a faster search.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(keys.iter().map(|k| k.as_bytes()))
            .ok();
        Self {
            places,
            parents,
            suffixes,
            officials,
            matcher,
            patterns,
            common: vec![false; keys.len()],
            primary,
            by_name,
            keys,
            former,
            tails: std::collections::BTreeSet::new(),
            pinyin: std::sync::OnceLock::new(),
        }
    }

    /// Every division known, in the order of the shipped table.
    pub fn places(&self) -> &[Place] {
        &self.places
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

    /// True when `name` is an official or short name of some division (or the Centre's 中央).
    pub fn knows(&self, name: &str) -> bool {
        name == "中央" || self.by_name.contains_key(name)
    }

    /// Up to `n` names close to `text`, for a name the gazetteer does not know: those that
    /// contain it or are contained in it, then those sharing its first two characters, shorter
    /// differences first.
    pub fn suggest(&self, text: &str, n: usize) -> Vec<String> {
        let text = text.trim();
        if text.is_empty() {
            return Vec::new();
        }
        let head: String = text.chars().take(2).collect();
        let len = text.chars().count() as i64;
        let mut hits: Vec<(u8, i64, &str)> = self
            .by_name
            .keys()
            .filter_map(|k| {
                let rank = if k.contains(text) || text.contains(&**k) {
                    0
                } else if head.chars().count() == 2 && k.starts_with(&head) {
                    1
                } else {
                    return None;
                };
                Some((rank, (k.chars().count() as i64 - len).abs(), &**k))
            })
            .collect();
        hits.sort_unstable();
        hits.dedup_by(|a, b| a.2 == b.2);
        hits.into_iter()
            .take(n)
            .map(|(_, _, k)| k.to_string())
            .collect()
    }

    /// The place with this division code, e.g. 330784.
    pub fn by_code(&self, code: &str) -> Option<Place> {
        self.places.iter().find(|p| &*p.code == code).cloned()
    }

    /// The place one level up (金华 for 永康), if any.
    pub fn parent(&self, place: &Place) -> Option<Place> {
        let i = self.index_of(place)?;
        self.parents[i].map(|p| self.places[p].clone())
    }

    /// Every place above `place`, nearest first (金华, 浙江 for 永康); empty for a province or a
    /// place the gazetteer does not know.
    pub fn ancestors(&self, place: &Place) -> Vec<Place> {
        let Some(i) = self.index_of(place) else {
            return Vec::new();
        };
        std::iter::successors(self.parents[i], |&p| self.parents[p])
            .map(|p| self.places[p].clone())
            .collect()
    }

    /// The index of `place` in the gazetteer.
    pub(super) fn index_of(&self, place: &Place) -> Option<usize> {
        self.places
            .iter()
            .position(|p| p.code == place.code && p.full == place.full)
    }

    /// True when `ancestor` is a parent, grandparent … of `place`.
    pub(super) fn is_ancestor(&self, ancestor: usize, place: usize) -> bool {
        std::iter::successors(self.parents[place], |&p| self.parents[p]).any(|p| p == ancestor)
    }

    /// True when one of the two places is an ancestor of the other.
    pub(super) fn related(&self, a: usize, b: usize) -> bool {
        self.is_ancestor(a, b) || self.is_ancestor(b, a)
    }

    /// `place` under the name in force on `date`: a county renamed or made a district
    /// (户县 → 鄠邑区) before that date is given under its new name.
    pub fn as_of(&self, place: &Place, date: Option<chrono::NaiveDate>) -> Place {
        use chrono::Datelike;
        let (Some(date), Some(mut i)) = (date, self.index_of(place)) else {
            return place.clone();
        };
        // Follow the chain of renamings (at most a few).
        for _ in 0..4 {
            match self.former.get(i).copied().flatten() {
                Some((until, Some(next))) if date.year() >= until => i = next,
                _ => break,
            }
        }
        self.places[i].clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Gazetteer {
        Gazetteer::from_tsv(
            "33\t浙江省\t\n3304\t嘉兴市\t33\n330483\t桐乡市\t3304\n330484\t桐庐县\t3304\n",
        )
    }

    #[test]
    fn known_names_and_suggestions_for_the_rest() {
        let g = small();
        assert!(g.knows("桐乡") && g.knows("桐乡市") && g.knows("中央"));
        assert!(!g.knows("火星县"));
        // Contained or containing first, then the same first two characters.
        assert_eq!(g.suggest("桐乡县", 3), ["桐乡", "桐乡市"]);
        assert_eq!(g.suggest("嘉兴", 1), ["嘉兴"]);
        assert!(g.suggest("火星县", 3).is_empty());
        assert!(g.suggest("", 3).is_empty());
        let up: Vec<String> = g
            .ancestors(&g.find("桐乡")[0])
            .iter()
            .map(|p| p.name.to_string())
            .collect();
        assert_eq!(up, ["嘉兴", "浙江"]);
    }
}
