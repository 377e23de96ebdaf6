//! The whole analysis: files in, meetings, phrases and places out.

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::ingest::Corpus;
use crate::meeting::{self, Gazetteer};
use crate::model::{Document, Meeting, MeetingId, PhraseGroup, Problem};
use crate::phrase::{self, MineConfig, Segmenter};
use crate::progress::{Cancelled, Progress, stage};

/// The expensive parts, built once and shared: the gazetteer and the segmenter.
#[derive(Debug)]
pub struct Engine {
    /// Every PRC division.
    pub gazetteer: Gazetteer,
    /// jieba with the policy dictionary.
    pub segmenter: Segmenter,
}

impl Engine {
    /// Builds the gazetteer and the segmenter.
    pub fn new() -> Self {
        Self {
            gazetteer: Gazetteer::load(),
            segmenter: Segmenter::new(),
        }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

/// Settings for one analysis.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Phrase mining settings.
    pub phrases: MineConfig,
}

/// Everything found in a corpus.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Analysis {
    /// The documents, with their publication date and place filled in.
    pub documents: Vec<Document>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// Every meeting, ids in order: by document, then position in it.
    pub meetings: Vec<Meeting>,
    /// Recurring phrase groups, best first.
    pub phrases: Vec<PhraseGroup>,
    /// The short names of the places that have meetings, sorted.
    pub places: Vec<String>,
}

impl Analysis {
    /// The meeting with this id.
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.get(id.0 as usize).filter(|m| m.id == id)
    }

    /// Sets `places` from the meetings: every place that has one, by short name, sorted.
    pub fn refresh_places(&mut self) {
        let places: BTreeSet<String> = self
            .meetings
            .iter()
            .filter_map(|m| m.place.as_ref().map(|p| p.name.to_string()))
            .collect();
        self.places = places.into_iter().collect();
    }

    /// The document a meeting was found in.
    pub fn document_of(&self, meeting: &Meeting) -> Option<&Document> {
        self.documents.get(meeting.doc.0 as usize)
    }
}

/// Documents read between two progress reports.
const EXTRACT_CHUNK: usize = 256;

/// The stages [`analyse`] reports, in order.
pub const STAGES: &[&str] = &[stage::MEETINGS, stage::PHRASES, stage::GROUPING];

/// Reads every document of `corpus` into meetings, then mines phrases across them, reporting
/// the [`STAGES`] to `progress`.
pub fn analyse(
    engine: &Engine,
    corpus: Corpus,
    config: &Config,
    progress: &mut dyn Progress,
) -> Result<Analysis, Cancelled> {
    let Corpus {
        mut documents,
        problems,
    } = corpus;
    let total = documents.len();
    if progress.stage(stage::MEETINGS).is_break() || progress.report(0, total).is_break() {
        return Err(Cancelled);
    }
    // Chunks keep both cores busy while progress and cancel are still checked often.
    let mut per_doc: Vec<Vec<Meeting>> = Vec::with_capacity(documents.len());
    let mut done = 0;
    for chunk in documents.chunks_mut(EXTRACT_CHUNK) {
        per_doc.par_extend(
            chunk
                .par_iter_mut()
                .map(|doc| meeting::extract(doc, &engine.gazetteer)),
        );
        done += chunk.len();
        if progress.report(done, total).is_break() {
            return Err(Cancelled);
        }
    }
    let mut meetings: Vec<Meeting> = per_doc.into_iter().flatten().collect();
    for (i, m) in meetings.iter_mut().enumerate() {
        m.id = MeetingId(i as u32);
    }
    let phrases = phrase::mine(
        &meetings,
        &documents,
        &engine.segmenter,
        &config.phrases,
        progress,
    )?;
    let mut analysis = Analysis {
        documents,
        problems,
        meetings,
        phrases,
        places: Vec::new(),
    };
    analysis.refresh_places();
    Ok(analysis)
}

#[cfg(test)]
mod tests {
    use std::ops::ControlFlow;

    use super::*;
    use crate::ingest::seed_corpus;

    /// Records the stages met and stops at the first report of `stop_in`, if given.
    struct Watch {
        stages: Vec<&'static str>,
        current: &'static str,
        stop_in: Option<&'static str>,
    }

    impl Progress for Watch {
        fn report(&mut self, done: usize, total: usize) -> ControlFlow<()> {
            assert!(done <= total, "{}: {done} of {total}", self.current);
            if self.stop_in == Some(self.current) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        }

        fn stage(&mut self, name: &'static str) -> ControlFlow<()> {
            self.stages.push(name);
            self.current = name;
            ControlFlow::Continue(())
        }
    }

    /// Analyses the seeds, stopping in `stop_in`; returns the stages met and whether it finished.
    fn check(engine: &Engine, stop_in: Option<&'static str>, stages: &[&str], finished: bool) {
        let mut watch = Watch {
            stages: Vec::new(),
            current: "",
            stop_in,
        };
        let got = analyse(engine, seed_corpus(), &Config::default(), &mut watch);
        assert_eq!(watch.stages, stages, "{stop_in:?}");
        assert_eq!(got.is_ok(), finished, "{stop_in:?}");
    }

    #[test]
    fn every_stage_reports_in_order_and_each_can_cancel() {
        let engine = Engine::new();
        check(&engine, None, STAGES, true);
        check(&engine, Some(stage::MEETINGS), &STAGES[..1], false);
        check(&engine, Some(stage::PHRASES), &STAGES[..2], false);
        check(&engine, Some(stage::GROUPING), STAGES, false);
    }
}
