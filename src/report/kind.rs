//! Which table a view or an export shows, and what the Diff view puts side by side.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::MeetingId;

/// Which table an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableKind {
    /// Every meeting with place, date, basis, title and chair.
    Meetings,
    /// Every directive of every meeting.
    Directives,
    /// Phrase group × place counts, one row per group.
    Matrix,
    /// Phrase group × place, one row per used cell.
    Cells,
    /// Which groups a place uses more or less than the rest (log-likelihood).
    Keyness,
    /// The sentences of one phrase group, place by place.
    Side,
    /// The aligned directives of the two meetings (or places) in the Diff view.
    Diff,
    /// Loaded documents and their problems.
    Library,
    /// Each phrase group's adopters in order of first use, with their lags.
    Adopters,
    /// The cascades in `NetworkInference`'s long format (`node_name, cascade_id, event_time`).
    Cascades,
    /// The event-history panel: place × group × month until adoption.
    Adoption,
    /// Who follows whom: the window graph and the inferred network.
    Edges,
    /// Documents and meetings per place per month.
    Coverage,
    /// Every directive clause: restated, adapted, local or boilerplate, with its source.
    Restated,
    /// The adapted clauses: what the locality swapped in and what it replaced.
    Adapted,
    /// Restated, adapted and local shares per place and month.
    Shares,
    /// Every sentence carrying a tracked phrase.
    Track,
    /// A tracked phrase's occurrences per place and month.
    TrackMonths,
    /// The user's lexicon the tables were made with: dictionary words, strings never listed,
    /// groups merged.
    Lexicon,
}

impl TableKind {
    /// Every kind, in the order the command line lists them.
    pub const ALL: [TableKind; 19] = [
        TableKind::Matrix,
        TableKind::Cells,
        TableKind::Keyness,
        TableKind::Meetings,
        TableKind::Directives,
        TableKind::Library,
        TableKind::Side,
        TableKind::Diff,
        TableKind::Adopters,
        TableKind::Cascades,
        TableKind::Adoption,
        TableKind::Edges,
        TableKind::Coverage,
        TableKind::Restated,
        TableKind::Adapted,
        TableKind::Shares,
        TableKind::Track,
        TableKind::TrackMonths,
        TableKind::Lexicon,
    ];

    /// The name the command line takes and export files are named by.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Meetings => "meetings",
            TableKind::Directives => "directives",
            TableKind::Matrix => "matrix",
            TableKind::Cells => "cells",
            TableKind::Keyness => "keyness",
            TableKind::Side => "side",
            TableKind::Diff => "diff",
            TableKind::Library => "library",
            TableKind::Adopters => "adopters",
            TableKind::Cascades => "cascades",
            TableKind::Adoption => "adoption",
            TableKind::Edges => "edges",
            TableKind::Coverage => "coverage",
            TableKind::Restated => "restated",
            TableKind::Adapted => "adapted",
            TableKind::Shares => "shares",
            TableKind::Track => "track",
            TableKind::TrackMonths => "track-months",
            TableKind::Lexicon => "lexicon",
        }
    }
}

impl fmt::Display for TableKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A table name the command line does not know.
#[derive(Debug, thiserror::Error)]
#[error(
    "unknown table {0:?}: use matrix, cells, keyness, meetings, directives, library, side, diff, \
     adopters, cascades, adoption, edges, coverage, restated, adapted, shares, track, \
     track-months or lexicon"
)]
pub struct UnknownTable(pub String);

impl FromStr for TableKind {
    type Err = UnknownTable;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        TableKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or(UnknownTable(s))
    }
}

/// What the Diff view puts side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffPair {
    /// Two meetings.
    Meetings(MeetingId, MeetingId),
    /// Every meeting of two places (short names, as [`super::place::place_of`] gives them).
    Places(String, String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<TableKind>) {
        assert_eq!(input.parse::<TableKind>().ok(), expect, "{input}");
    }

    #[test]
    fn names_parse_back() {
        for k in TableKind::ALL {
            check(k.name(), Some(k));
        }
        check("Matrix", Some(TableKind::Matrix));
        check(" keyness ", Some(TableKind::Keyness));
        check("phrases", None);
        check("", None);
    }
}
