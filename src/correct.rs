//! Hand corrections of what the engine read from a meeting report, and their application to an
//! analysis: the app makes them, a project keeps them, and the command line honours them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::meeting::Gazetteer;
use crate::model::{Meeting, Place, PlaceLevel, PolicyDate};
use crate::pipeline::Analysis;

/// Corrections by meeting key ([`meeting_key`]).
pub type Corrections = BTreeMap<String, Correction>;

/// A hand correction of what the engine read from a meeting report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// The right date, if the read one was wrong.
    pub date: Option<NaiveDate>,
    /// The right place (short name), if the read one was wrong.
    pub place: Option<String>,
    /// The right title, if the read one was wrong.
    pub title: Option<String>,
    /// Marked by the user as right as it is (apart from any field corrected here).
    #[serde(default)]
    pub checked: bool,
}

impl Correction {
    /// True when nothing is corrected and the meeting is not checked.
    pub fn is_empty(&self) -> bool {
        !self.checked && !self.corrects()
    }

    /// True when some field is corrected.
    pub fn corrects(&self) -> bool {
        self.date.is_some() || self.place.is_some() || self.title.is_some()
    }
}

/// A key for a meeting that survives re-analysis: its document's path and its article's offset.
pub fn meeting_key(analysis: &Analysis, meeting: &Meeting) -> String {
    let path = analysis
        .document_of(meeting)
        .map_or("", |d| d.path.as_str());
    format!("{path}#{}", meeting.article.start)
}

/// `raw` with `corrections` applied to its meetings; the place list follows corrected places.
pub fn corrected(
    raw: &Analysis,
    corrections: &BTreeMap<String, Correction>,
    gazetteer: &Gazetteer,
) -> Analysis {
    let mut out = raw.clone();
    if corrections.is_empty() {
        return out;
    }
    for m in &mut out.meetings {
        let Some(c) = corrections.get(&meeting_key(raw, m)) else {
            continue;
        };
        if let Some(date) = c.date {
            // A hand-entered date says so, so the reader and exports show it was corrected.
            m.date = Some(PolicyDate::new(date, crate::model::DateBasis::Corrected));
        }
        if let Some(place) = &c.place {
            let known = raw
                .meetings
                .iter()
                .filter_map(|o| o.place.as_ref())
                .find(|p| p.name.as_ref() == place.as_str())
                .cloned();
            // A place of the corpus, else the gazetteer's (with its level and the places above
            // it), else the name as typed.
            let named = || {
                let found = gazetteer.find(place);
                let mut found = found.into_iter();
                let first = found.next()?;
                // An ambiguous short name (鼓楼) stays as typed rather than guessed.
                found.next().is_none().then_some(first)
            };
            let found = known.or_else(named);
            if let Some(p) = found.as_ref().filter(|p| !p.code.is_empty()) {
                out.ancestors
                    .entry(p.code.clone())
                    .or_insert_with(|| gazetteer.ancestors(p));
            }
            m.place = Some(found.unwrap_or_else(|| Place {
                name: place.as_str().into(),
                full: place.as_str().into(),
                code: "".into(),
                level: PlaceLevel::County,
            }));
        }
        if let Some(title) = &c.title {
            m.title.clone_from(title);
        }
    }
    out.refresh_places();
    out
}
