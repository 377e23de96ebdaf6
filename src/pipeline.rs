//! The whole analysis: files in, meetings, phrases and places out.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ingest::Corpus;
use crate::meeting::counted::{self as place, UNPLACED, place_of};
use crate::meeting::{self, DateConfig, Gazetteer, LocalityWeights, copies};
use crate::model::{Document, Meeting, MeetingId, PhraseGroup, Place, PlaceLevel, Problem};
use crate::phrase::{self, MineConfig, Segmenter};
use crate::progress::{Cancelled, Progress, stage};

/// The expensive parts, built once and shared: the gazetteer and the segmenter. The segmenter,
/// needed only once meetings are found, is built on a thread of its own while the caller goes
/// on (reading files, finding meetings), and waited for when first asked for.
#[derive(Debug)]
pub struct Engine {
    /// Every PRC division.
    pub gazetteer: Gazetteer,
    /// jieba with the policy dictionary, once built.
    segmenter: OnceLock<Segmenter>,
    /// The thread building it, until it is first asked for.
    building: Mutex<Option<JoinHandle<Segmenter>>>,
}

impl Engine {
    /// Builds the gazetteer, and the segmenter alongside.
    pub fn new() -> Self {
        Self::building(Segmenter::new)
    }

    /// Builds the gazetteer, and alongside a segmenter that honours the user's `lexicon`.
    pub fn with_lexicon(lexicon: &phrase::Lexicon) -> Self {
        let lexicon = lexicon.clone();
        Self::building(move || Segmenter::with_lexicon(&lexicon))
    }

    fn building(make: impl FnOnce() -> Segmenter + Send + 'static) -> Self {
        let handle = match std::thread::Builder::new()
            .name("segmenter".into())
            .spawn(move || {
                crate::priority::as_work_thread();
                make()
            }) {
            Ok(handle) => handle,
            // As rayon does when it cannot start its threads.
            Err(err) => panic!("no thread to build the segmenter on: {err}"),
        };
        Self {
            gazetteer: Gazetteer::load(),
            segmenter: OnceLock::new(),
            building: Mutex::new(Some(handle)),
        }
    }

    /// jieba with the policy dictionary (and the user's lexicon), waiting for its build.
    pub fn segmenter(&self) -> &Segmenter {
        self.segmenter.get_or_init(|| {
            let handle = self
                .building
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            match handle.map(JoinHandle::join) {
                Some(Ok(segmenter)) => segmenter,
                // The build's panic is the caller's, and every later caller's.
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => panic!("the segmenter's build failed"),
            }
        })
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
    /// Date reading settings: masthead scoring, the window of 近日, the placeholder year.
    pub dates: DateConfig,
    /// How the evidence of a meeting's locality is weighed.
    pub locality: LocalityWeights,
    /// Reads the publication date and place only of pages that report a meeting
    /// ([`meeting::extract_meetings_with`]): for a result that shows nothing of the other pages
    /// (the phrase list). Meetings and phrases are the same either way.
    pub meeting_pages_only: bool,
}

/// Everything found in a corpus.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// The documents, with their publication date and place filled in.
    pub documents: Vec<Document>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// Every meeting, ids in order: by document, then position in it; a meeting reported by
    /// several pages is one meeting, listing its other reports.
    pub meetings: Vec<Meeting>,
    /// Recurring phrase groups, best first.
    pub phrases: Vec<PhraseGroup>,
    /// Words in each meeting's directives, by meeting id, as phrase mining counted them (see
    /// [`phrase::Mined::words`]); empty until phrases are mined. Read it through
    /// [`Analysis::directive_words`].
    #[serde(default)]
    pub words: Vec<u32>,
    /// The short names meetings are counted under, sorted: by the one place rule
    /// ([`place::place_of`]), so [`place::UNPLACED`] is among them when a meeting has no place.
    pub places: Vec<String>,
    /// For each division code a meeting or document names, the places above it, nearest first
    /// (金华, 浙江 for 永康): what [`Analysis::parent_of`] reads.
    #[serde(skip)]
    pub ancestors: BTreeMap<Arc<str>, Vec<Place>>,
}

impl Analysis {
    /// Its documents and problems as a corpus (the texts shared, not copied).
    pub fn corpus(&self) -> Corpus {
        Corpus {
            documents: self.documents.clone(),
            problems: self.problems.clone(),
        }
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.get(id.0 as usize).filter(|m| m.id == id)
    }

    /// The phrase group with this id (its rank).
    pub fn phrase_group(&self, id: u32) -> Option<&PhraseGroup> {
        self.phrases.get(id as usize).filter(|g| g.id == id)
    }

    /// Applies the one place rule ([`place::place_of`]) to the meetings as they now stand:
    /// `places` becomes every place a meeting is counted under, sorted, and each phrase group's
    /// per-place uses are counted again from its occurrences. Run it after anything changes a
    /// meeting's place (a hand correction), and every view and export follows.
    pub fn refresh_places(&mut self) {
        let Self {
            documents,
            meetings,
            phrases,
            places,
            ..
        } = self;
        let labels: Vec<&str> = meetings.iter().map(|m| place_of(m, documents)).collect();
        let label = |id: MeetingId| labels.get(id.0 as usize).copied().unwrap_or(UNPLACED);
        let date = |id: MeetingId| {
            meetings
                .get(id.0 as usize)
                .and_then(|m| m.date)
                .map(|d| d.date)
        };
        for g in phrases.iter_mut() {
            g.places = phrase::place_uses(
                g.occurrences
                    .iter()
                    .map(|o| (label(o.meeting), o.meeting, date(o.meeting))),
            );
        }
        let all: BTreeSet<&str> = labels.iter().copied().collect();
        *places = all.into_iter().map(str::to_string).collect();
    }

    /// The place one level up: the prefecture of a county, the province of a prefecture, the
    /// Centre of a province; `None` for the Centre and for a place the gazetteer does not know.
    pub fn parent_of(&self, place: &Place) -> Option<Place> {
        self.ancestors_of(place).into_iter().next()
    }

    /// Every place above `place`, nearest first, ending with the Centre for any place of the
    /// gazetteer (浙江 → 中央).
    pub fn ancestors_of(&self, place: &Place) -> Vec<Place> {
        if place.level == PlaceLevel::National || place.code.is_empty() {
            return Vec::new();
        }
        let mut up = self.ancestors.get(&place.code).cloned().unwrap_or_default();
        if up.last().map_or(place.level, |p| p.level) == PlaceLevel::Province {
            up.push(meeting::national());
        }
        up
    }

    /// Words in `meeting`'s directives: as mining counted them, else (an analysis saved before
    /// they were counted) estimated from the directives' length, a word being one and a half
    /// characters.
    pub fn directive_words(&self, meeting: &Meeting) -> usize {
        if let Some(&n) = self.words.get(meeting.id.0 as usize) {
            return n as usize;
        }
        let chars: usize = meeting
            .directives
            .iter()
            .map(|d| d.text.chars().filter(|c| c.is_alphanumeric()).count())
            .sum();
        (chars * 2).div_ceil(3)
    }

    /// The short name `meeting` is shown and counted under (see [`place::place_of`]).
    pub fn place_label<'a>(&'a self, meeting: &'a Meeting) -> &'a str {
        place_of(meeting, &self.documents)
    }

    /// The document a meeting was found in.
    pub fn document_of(&self, meeting: &Meeting) -> Option<&Document> {
        self.documents.get(meeting.doc.0 as usize)
    }
}

/// Called with the documents read so far and the meetings found in each of them
/// ([`extract_watched`]).
pub type Watch<'a> = dyn FnMut(&[Document], &[Vec<Meeting>]) + 'a;

/// Documents read between two progress reports.
const EXTRACT_CHUNK: usize = 512;

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
    analyse_watched(engine, corpus, config, progress, &mut |_, _| {})
}

/// [`analyse`], calling `watch` as [`extract_watched`] does while meetings are found.
pub fn analyse_watched(
    engine: &Engine,
    corpus: Corpus,
    config: &Config,
    progress: &mut dyn Progress,
    watch: &mut Watch<'_>,
) -> Result<Analysis, Cancelled> {
    let Corpus {
        mut documents,
        problems,
    } = corpus;
    let per_doc = extract_watched(engine, &mut documents, config, progress, watch)?;
    assemble(engine, documents, problems, per_doc, config, progress)
}

/// The part of the analysis that reads each document on its own: fills in each document's
/// publication date and place and returns the meetings found in it, one list per document,
/// reporting [`stage::MEETINGS`]. What it returns for a document depends on that document
/// alone, so a project keeps it and reads only the documents it has not seen.
pub fn extract(
    engine: &Engine,
    documents: &mut [Document],
    config: &Config,
    progress: &mut dyn Progress,
) -> Result<Vec<Vec<Meeting>>, Cancelled> {
    extract_watched(engine, documents, config, progress, &mut |_, _| {})
}

/// [`extract`], calling `watch` after each chunk of documents with the documents and the
/// meetings found so far (one list for each of the first documents), so that they can be shown
/// while the rest is read ([`preview`]).
pub fn extract_watched(
    engine: &Engine,
    documents: &mut [Document],
    config: &Config,
    progress: &mut dyn Progress,
    watch: &mut Watch<'_>,
) -> Result<Vec<Vec<Meeting>>, Cancelled> {
    extract_with(&engine.gazetteer, documents, config, progress, watch)
}

/// [`extract_watched`] with only the gazetteer, which is all that reading each document on its
/// own needs.
pub fn extract_with(
    gazetteer: &Gazetteer,
    documents: &mut [Document],
    config: &Config,
    progress: &mut dyn Progress,
    watch: &mut Watch<'_>,
) -> Result<Vec<Vec<Meeting>>, Cancelled> {
    let total = documents.len();
    if progress.stage(stage::MEETINGS).is_break() || progress.report(0, total).is_break() {
        return Err(Cancelled);
    }
    // Chunks keep both cores busy while progress and cancel are still checked often.
    let mut per_doc: Vec<Vec<Meeting>> = Vec::with_capacity(documents.len());
    let mut done = 0;
    while done < total {
        let end = total.min(done + EXTRACT_CHUNK);
        per_doc.par_extend(
            documents[done..end]
                .par_iter_mut()
                // Two pages at a time: a core that finishes takes pages from the other, where
                // rayon's own split leaves a quarter of the chunk on one core.
                .with_max_len(2)
                .map(|doc| {
                    if config.meeting_pages_only {
                        meeting::extract_meetings_with(
                            doc,
                            gazetteer,
                            &config.dates,
                            &config.locality,
                        )
                    } else {
                        meeting::extract_with(doc, gazetteer, &config.dates, &config.locality)
                    }
                }),
        );
        done = end;
        if progress.report(done, total).is_break() {
            return Err(Cancelled);
        }
        watch(&documents[..done], &per_doc);
    }
    Ok(per_doc)
}

/// The meetings of the first documents as an analysis to show while the others are still read:
/// each report its own meeting (reports of one meeting are merged only at the end), counted
/// under its place, with no phrases yet.
pub fn preview(
    gazetteer: &Gazetteer,
    documents: &[Document],
    per_doc: &[Vec<Meeting>],
) -> Analysis {
    let documents = documents[..per_doc.len().min(documents.len())].to_vec();
    let mut meetings: Vec<Meeting> = per_doc.iter().flatten().cloned().collect();
    for (i, m) in meetings.iter_mut().enumerate() {
        m.id = MeetingId(i as u32);
    }
    let ancestors = ancestors(gazetteer, &meetings, &documents);
    let mut analysis = Analysis {
        documents,
        problems: Vec::new(),
        meetings,
        phrases: Vec::new(),
        words: Vec::new(),
        places: Vec::new(),
        ancestors,
    };
    analysis.refresh_places();
    analysis
}

/// The part of the analysis that looks across documents: numbers the meetings of `per_doc`
/// (one list per document, as [`extract`] gave them, for documents whose ids are their
/// positions), merges the reports of one meeting, mines phrases across them and counts places.
pub fn assemble(
    engine: &Engine,
    documents: Vec<Document>,
    problems: Vec<Problem>,
    per_doc: Vec<Vec<Meeting>>,
    config: &Config,
    progress: &mut dyn Progress,
) -> Result<Analysis, Cancelled> {
    let mut meetings: Vec<Meeting> = per_doc.into_iter().flatten().collect();
    for (i, m) in meetings.iter_mut().enumerate() {
        m.id = MeetingId(i as u32);
    }
    // One meeting reported by two pages is one meeting: phrases and counts see it once.
    copies::merge(&mut meetings);
    let mined = mine_phrases(&meetings, &documents, engine.segmenter(), config, progress)?;
    let ancestors = ancestors(&engine.gazetteer, &meetings, &documents);
    let mut analysis = Analysis {
        documents,
        problems,
        meetings,
        phrases: mined.groups,
        words: mined.words,
        places: Vec::new(),
        ancestors,
    };
    analysis.refresh_places();
    Ok(analysis)
}

/// `analysis` with its phrases mined again by `segmenter` (after the user's lexicon changed):
/// meetings and documents stay as they are.
pub fn rephrase(
    analysis: &Analysis,
    segmenter: &Segmenter,
    config: &Config,
    progress: &mut dyn Progress,
) -> Result<Analysis, Cancelled> {
    let mined = mine_phrases(
        &analysis.meetings,
        &analysis.documents,
        segmenter,
        config,
        progress,
    )?;
    let mut out = Analysis {
        documents: analysis.documents.clone(),
        problems: analysis.problems.clone(),
        meetings: analysis.meetings.clone(),
        phrases: mined.groups,
        words: mined.words,
        places: Vec::new(),
        ancestors: analysis.ancestors.clone(),
    };
    out.refresh_places();
    Ok(out)
}

/// The phrase groups of `meetings`, each meeting counted under its place.
fn mine_phrases(
    meetings: &[Meeting],
    documents: &[Document],
    segmenter: &Segmenter,
    config: &Config,
    progress: &mut dyn Progress,
) -> Result<phrase::Mined, Cancelled> {
    let labels: Vec<Option<&str>> = meetings
        .iter()
        .map(|m| place::place(m, documents).map(|p| p.name.as_ref()))
        .collect();
    phrase::mine(
        meetings,
        documents,
        &labels,
        segmenter,
        &config.phrases,
        progress,
    )
}

/// The places above every place `meetings` and `documents` name, by division code.
pub fn ancestors(
    gazetteer: &Gazetteer,
    meetings: &[Meeting],
    documents: &[Document],
) -> BTreeMap<Arc<str>, Vec<Place>> {
    let named = meetings
        .iter()
        .flat_map(|m| {
            m.place
                .iter()
                .chain(&m.convened_by)
                .chain(&m.place_candidates)
        })
        .chain(documents.iter().filter_map(|d| d.place.as_ref()));
    let mut out = BTreeMap::new();
    for p in named {
        if !p.code.is_empty() && !out.contains_key(&p.code) {
            out.insert(p.code.clone(), gazetteer.ancestors(p));
        }
    }
    out
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
    fn meetings_are_shown_as_they_are_found_and_the_result_is_unchanged() {
        let engine = Engine::new();
        // Enough documents for three chunks: the seeds again and again.
        let mut corpus = Corpus::default();
        let seeds = seed_corpus().documents;
        for k in 0..=(2 * EXTRACT_CHUNK / seeds.len()) {
            for d in &seeds {
                corpus.add_bytes(&format!("{k}/{}", d.path), d.text.as_bytes());
            }
        }
        let total = corpus.documents.len();
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let mut docs = corpus.documents.clone();
        let watched = extract_watched(
            &engine,
            &mut docs,
            &Config::default(),
            &mut crate::progress::NoProgress,
            &mut |docs, per_doc| {
                assert_eq!(docs.len(), per_doc.len());
                let p = preview(&engine.gazetteer, docs, per_doc);
                assert!(
                    p.meetings
                        .iter()
                        .enumerate()
                        .all(|(i, m)| m.id.0 as usize == i)
                );
                assert!(p.places.iter().any(|x| x != UNPLACED), "{:?}", p.places);
                seen.push((docs.len(), p.meetings.len()));
            },
        )
        .unwrap_or_else(|_| panic!("cancelled"));
        assert!(seen.len() >= 3, "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert_eq!(seen.last().map(|s| s.0), Some(total));
        let mut again = corpus.documents;
        let plain = extract(
            &engine,
            &mut again,
            &Config::default(),
            &mut crate::progress::NoProgress,
        )
        .unwrap_or_else(|_| panic!("cancelled"));
        let json = |m: &[Vec<Meeting>]| serde_json::to_string(m).unwrap_or_default();
        assert_eq!(json(&watched), json(&plain));
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
