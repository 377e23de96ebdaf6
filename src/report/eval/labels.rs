//! Hand labels: which files report meetings, and each meeting's place, date, chair and title.
//!
//! The format is documented in the README ("Checking extraction against hand labels").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What can be wrong with a labels file; the path comes last in every message.
#[derive(Debug, thiserror::Error)]
pub enum LabelError {
    /// The file could not be read.
    #[error("cannot read labels file: {source}: {path}")]
    Read {
        /// The labels file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not JSON of the labels shape.
    #[error("bad labels file: {source}: {path}")]
    Parse {
        /// The labels file.
        path: PathBuf,
        /// Where and why serde gave up.
        source: serde_json::Error,
    },
    /// One entry is wrong.
    #[error("bad labels file: entry {index} ({file}): {message}: {path}")]
    Entry {
        /// The labels file.
        path: PathBuf,
        /// The entry's position in `files`, from 1.
        index: usize,
        /// The entry's `file` as written.
        file: String,
        /// What is wrong with it.
        message: String,
    },
}

/// A labels file as written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LabelFile {
    /// One entry per labelled page.
    pub files: Vec<LabelEntry>,
}

/// One labelled page.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LabelEntry {
    /// The page, relative to the labels file.
    pub file: String,
    /// Where the page came from (for the labeller's records).
    #[serde(default)]
    pub source: Option<String>,
    /// The paper or site that published it.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Its province, by short name.
    #[serde(default)]
    pub province: Option<String>,
    /// `county`, `prefecture`, `province` or `national`.
    #[serde(default)]
    pub level: Option<String>,
    /// False for near misses (an inspection visit, a commentary, a notice).
    pub meeting_report: bool,
    /// Every meeting the page reports, in page order.
    #[serde(default)]
    pub meetings: Vec<LabelMeeting>,
    /// The labeller's remarks.
    #[serde(default)]
    pub note: Option<String>,
}

/// One labelled meeting; `None` means the page does not give it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelMeeting {
    /// The locality's short name, or `中央`.
    #[serde(default)]
    pub place: Option<String>,
    /// `YYYY-MM-DD`, `--MM-DD` (no year on the page) or `YYYY-MM` (only the month).
    #[serde(default)]
    pub date: Option<String>,
    /// The chair's name, without title.
    #[serde(default)]
    pub chair: Option<String>,
    /// The meeting's name as reported.
    #[serde(default)]
    pub title: Option<String>,
    /// The parent that convened it when attended at the locality's branch venue.
    #[serde(default)]
    pub convened_by: Option<String>,
}

/// A labelled date, as precise as the page allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LabelDate {
    /// `YYYY-MM-DD`.
    Day(NaiveDate),
    /// `--MM-DD`: the page gives no year.
    MonthDay(u32, u32),
    /// `YYYY-MM`: only the month is known.
    Month(i32, u32),
}

impl LabelDate {
    /// Reads `YYYY-MM-DD`, `--MM-DD` or `YYYY-MM`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some(md) = s.strip_prefix("--") {
            let (m, d) = md.split_once('-')?;
            let (m, d) = (number(m, 2)?, number(d, 2)?);
            // 2000 is a leap year, so 02-29 is accepted.
            NaiveDate::from_ymd_opt(2000, m, d)?;
            return Some(Self::MonthDay(m, d));
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y, m, d] => {
                let date = NaiveDate::from_ymd_opt(
                    i32::try_from(number(y, 4)?).ok()?,
                    number(m, 2)?,
                    number(d, 2)?,
                )?;
                Some(Self::Day(date))
            }
            [y, m] => {
                let (y, m) = (i32::try_from(number(y, 4)?).ok()?, number(m, 2)?);
                NaiveDate::from_ymd_opt(y, m, 1)?;
                Some(Self::Month(y, m))
            }
            _ => None,
        }
    }

    /// True when a predicted day is this date, to the precision the label has.
    pub fn matches(self, day: NaiveDate) -> bool {
        match self {
            Self::Day(d) => d == day,
            Self::MonthDay(m, d) => day.month() == m && day.day() == d,
            Self::Month(y, m) => day.year() == y && day.month() == m,
        }
    }
}

/// `s` as a number of exactly `digits` ASCII digits.
fn number(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// One labelled page, ready to score: where it is on disk and what it should give.
#[derive(Clone, Debug)]
pub struct Labelled {
    /// The page's path: the labels file's folder joined with `file`.
    pub path: PathBuf,
    /// `file` as written in the labels file.
    pub file: String,
    /// The paper or site, or `?`.
    pub outlet: String,
    /// The province, or `?`.
    pub province: String,
    /// Whether it reports meetings.
    pub meeting_report: bool,
    /// The meetings, with their dates read.
    pub meetings: Vec<(LabelMeeting, Option<LabelDate>)>,
}

/// Reads and checks labels files, in order; a page labelled twice is an error.
pub fn load_labels(paths: &[PathBuf]) -> Result<Vec<Labelled>, LabelError> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|source| LabelError::Read {
            path: path.clone(),
            source,
        })?;
        let parsed: LabelFile =
            serde_json::from_str(&text).map_err(|source| LabelError::Parse {
                path: path.clone(),
                source,
            })?;
        let dir = path.parent().unwrap_or(Path::new(""));
        for (i, entry) in parsed.files.into_iter().enumerate() {
            let fail = |message: String| LabelError::Entry {
                path: path.clone(),
                index: i + 1,
                file: entry.file.clone(),
                message,
            };
            let labelled = check_entry(dir, &entry).map_err(fail)?;
            let key = std::fs::canonicalize(&labelled.path).unwrap_or(labelled.path.clone());
            if let Some(first) = seen.insert(key, path.clone()) {
                return Err(fail(format!("labelled already in {}", first.display())));
            }
            out.push(labelled);
        }
    }
    Ok(out)
}

/// One entry checked against the format: the file exists, dates read, near misses have no
/// meetings, reports have at least one.
fn check_entry(dir: &Path, entry: &LabelEntry) -> Result<Labelled, String> {
    if entry.file.trim().is_empty() {
        return Err("`file` is empty".into());
    }
    let path = dir.join(&entry.file);
    if !path.is_file() {
        return Err(format!("no such file: {}", path.display()));
    }
    if entry.meeting_report && entry.meetings.is_empty() {
        return Err("`meeting_report` is true but `meetings` is empty".into());
    }
    if !entry.meeting_report && !entry.meetings.is_empty() {
        return Err("`meeting_report` is false but `meetings` is not empty".into());
    }
    let mut meetings = Vec::with_capacity(entry.meetings.len());
    for (j, m) in entry.meetings.iter().enumerate() {
        let date = match m.date.as_deref() {
            None => None,
            Some(s) => Some(LabelDate::parse(s).ok_or_else(|| {
                format!(
                    "meeting {}: date {s:?} is not YYYY-MM-DD, --MM-DD or YYYY-MM",
                    j + 1
                )
            })?),
        };
        meetings.push((m.clone(), date));
    }
    let or_unknown = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or("?")
            .to_string()
    };
    Ok(Labelled {
        path,
        file: entry.file.clone(),
        outlet: or_unknown(&entry.outlet),
        province: or_unknown(&entry.province),
        meeting_report: entry.meeting_report,
        meetings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<LabelDate>) {
        assert_eq!(LabelDate::parse(input), expect, "{input}");
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn label_dates_read_at_their_precision() {
        check("2021-08-03", Some(LabelDate::Day(day(2021, 8, 3))));
        check(" 2021-08-03 ", Some(LabelDate::Day(day(2021, 8, 3))));
        check("--11-14", Some(LabelDate::MonthDay(11, 14)));
        check("--02-29", Some(LabelDate::MonthDay(2, 29)));
        check("2019-07", Some(LabelDate::Month(2019, 7)));
        check("2021-8-3", None);
        check("2021-02-30", None);
        check("--13-01", None);
        check("2021年8月3日", None);
        check("", None);
        check("2021", None);
    }

    #[test]
    fn label_dates_match_to_their_precision() {
        let d = day(2020, 2, 3);
        assert!(LabelDate::Day(d).matches(d));
        assert!(!LabelDate::Day(d).matches(day(2020, 2, 4)));
        assert!(LabelDate::MonthDay(2, 3).matches(d));
        assert!(LabelDate::MonthDay(2, 3).matches(day(2017, 2, 3)));
        assert!(!LabelDate::MonthDay(3, 2).matches(d));
        assert!(LabelDate::Month(2020, 2).matches(day(2020, 2, 28)));
        assert!(!LabelDate::Month(2020, 2).matches(day(2021, 2, 3)));
    }

    fn load_one(json: &str) -> Result<Vec<Labelled>, LabelError> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "县委常委会召开").unwrap();
        let labels = dir.path().join("labels.json");
        std::fs::write(&labels, json).unwrap();
        load_labels(&[labels])
    }

    fn check_error(json: &str, expect: &str) {
        let err = load_one(json).unwrap_err().to_string();
        assert!(err.contains(expect), "{err}");
        assert!(err.ends_with("labels.json"), "{err}");
    }

    #[test]
    fn bad_entries_are_named() {
        check_error(
            r#"{"files": [{"file": "b.txt", "meeting_report": false}]}"#,
            "entry 1 (b.txt): no such file",
        );
        check_error(
            r#"{"files": [{"file": "a.txt", "meeting_report": true, "meetings": [{"date": "3月5日"}]}]}"#,
            "entry 1 (a.txt): meeting 1: date \"3月5日\"",
        );
        check_error(
            r#"{"files": [{"file": "a.txt", "meeting_report": true, "meetings": []}]}"#,
            "`meetings` is empty",
        );
        check_error(
            r#"{"files": [{"file": "a.txt", "meeting_report": false, "meetings": [{}]}]}"#,
            "is not empty",
        );
        check_error(
            r#"{"files": [{"file": "a.txt", "meeting_report": false}, {"file": "a.txt", "meeting_report": false}]}"#,
            "entry 2 (a.txt): labelled already",
        );
        check_error(
            r#"{"files": [{"file": "a.txt"}]}"#,
            "missing field `meeting_report`",
        );
        check_error("[1, 2]", "bad labels file");
    }

    #[test]
    fn a_good_entry_reads_with_its_dates() {
        let got = load_one(r#"{"files": [{"file": "a.txt", "outlet": "某县报", "meeting_report": true,
            "meetings": [{"place": "某县", "date": "--03-05", "chair": "李四", "title": "县委常委会会议"}]}]}"#)
        .unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].outlet, "某县报");
        assert_eq!(got[0].province, "?");
        assert_eq!(got[0].meetings[0].1, Some(LabelDate::MonthDay(3, 5)));
        assert!(got[0].path.ends_with("a.txt"));
    }
}
