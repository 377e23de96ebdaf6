//! The load job's reading: what was added, read and merged into the corpus (the job then
//! analyses the whole, see `work::start_load`).

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::PathBuf;

use crate::gui::command::DroppedFile;
use crate::ingest::{self, Corpus, ReadConfig};
use crate::model::{DocId, Problem};

use crate::progress::{Cancelled, Progress, stage};

/// The stages of a load, in order: reading, then the analysis's own.
pub const PLAN: &[&str] = &[
    stage::READING,
    stage::MEETINGS,
    stage::PHRASES,
    stage::GROUPING,
];

/// Something to read into the corpus.
#[derive(Clone, Debug)]
pub enum Input {
    /// The built-in seed reports.
    Seeds,
    /// A file or folder on disk.
    Path(PathBuf),
    /// A file dropped on the window.
    Dropped(DroppedFile),
}

/// Files on disk read between two calls of [`read_watched`]'s `seen`.
pub const READ_CHUNK: usize = 2048;

/// Reads `inputs` into `base`, leaving out documents whose path is in `removed`, reporting the
/// reading stage.
pub fn read(
    base: Corpus,
    inputs: &[Input],
    removed: &[String],
    progress: &mut dyn Progress,
) -> Result<Corpus, Cancelled> {
    read_watched(base, inputs, removed, progress, &mut |_| {})
}

/// [`read`], calling `seen` with the documents read from disk so far after each
/// [`READ_CHUNK`] files.
pub fn read_watched(
    base: Corpus,
    inputs: &[Input],
    removed: &[String],
    progress: &mut dyn Progress,
    seen: &mut dyn FnMut(&[crate::model::Document]),
) -> Result<Corpus, Cancelled> {
    if progress.stage(stage::READING).is_break() {
        return Err(Cancelled);
    }
    let mut corpus = base;
    // Files and folders on disk are read in one pass, so the count has one total.
    let mut paths = Vec::new();
    let mut others = Vec::new();
    for input in inputs {
        match input {
            Input::Path(p) => paths.push(p.clone()),
            Input::Dropped(f) if f.path().is_dir() => paths.push(f.path().to_path_buf()),
            other => others.push(other),
        }
    }
    for input in &others {
        let read = match input {
            Input::Seeds => ingest::seed_corpus(),
            Input::Dropped(f) => dropped(f),
            Input::Path(_) => Corpus::default(),
        };
        merge(&mut corpus, read);
    }
    if !paths.is_empty() {
        // As `ingest::read_paths` reads them, a chunk at a time.
        let (files, listed) = ingest::list_files(&paths);
        let mut read = Corpus {
            documents: Vec::new(),
            problems: listed,
        };
        for (k, chunk) in files.chunks(READ_CHUNK).enumerate() {
            let mut offset = Offset {
                inner: &mut *progress,
                before: others.len() + k * READ_CHUNK,
                total: Some(others.len() + files.len()),
            };
            let (part, _) = ingest::read_files(chunk, &ReadConfig::default(), &mut offset)?;
            read.documents.extend(part.documents);
            read.problems.extend(part.problems);
            seen(&read.documents);
        }
        read.problems.sort();
        merge(&mut corpus, read);
    }
    corpus.documents.retain(|d| !removed.contains(&d.path));
    renumber(&mut corpus);
    Ok(corpus)
}

/// A dropped file, read from the bytes the window handed over.
fn dropped(f: &DroppedFile) -> Corpus {
    let path = f.path().display().to_string();
    let mut c = Corpus::default();
    match f.bytes() {
        Ok(bytes) => c.add_bytes(&path, &bytes),
        Err(message) => c.problems.push(Problem { path, message }),
    }
    c
}

/// Counts the inputs read before (those that are no files on disk, earlier chunks) into the
/// reading stage's count, out of `total` when given.
struct Offset<'a> {
    inner: &'a mut dyn Progress,
    before: usize,
    total: Option<usize>,
}

impl Progress for Offset<'_> {
    fn report(&mut self, done: usize, total: usize) -> ControlFlow<()> {
        let total = self.total.unwrap_or(total + self.before);
        self.inner.report(done + self.before, total)
    }

    fn stage(&mut self, name: &'static str) -> ControlFlow<()> {
        self.inner.stage(name)
    }
}

/// Appends `more` to `corpus`; a document already present (same path) is replaced by the new read.
fn merge(corpus: &mut Corpus, more: Corpus) {
    // Positions by path, so that a folder of n files merges in n look-ups rather than n²/2
    // comparisons of paths (seconds for a folder of 27,000 reports).
    let mut at: HashMap<String, usize> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.path.clone(), i))
        .collect();
    for doc in more.documents {
        if let Some(&i) = at.get(&doc.path) {
            corpus.documents[i] = doc;
        } else {
            at.insert(doc.path.clone(), corpus.documents.len());
            corpus.documents.push(doc);
        }
    }
    for p in more.problems {
        if !corpus.problems.contains(&p) {
            corpus.problems.push(p);
        }
    }
}

/// Makes document ids match positions again after merging or removing.
pub fn renumber(corpus: &mut Corpus) {
    for (i, d) in corpus.documents.iter_mut().enumerate() {
        d.id = DocId(i as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{self, Analysis, Config, Engine};

    /// What the load job does: read `inputs` into `base`, then analyse the whole.
    fn load(
        engine: &Engine,
        base: Corpus,
        inputs: &[Input],
        removed: &[String],
        progress: &mut dyn Progress,
        watch: &mut pipeline::Watch<'_>,
    ) -> Result<(Corpus, Analysis), Cancelled> {
        let corpus = read(base, inputs, removed, progress)?;
        let analysis =
            pipeline::analyse_watched(engine, corpus.clone(), &Config::default(), progress, watch)?;
        Ok((corpus, analysis))
    }

    #[test]
    fn the_plan_is_reading_then_the_analysis() {
        assert_eq!(PLAN[0], stage::READING);
        assert_eq!(&PLAN[1..], pipeline::STAGES);
    }

    #[test]
    fn a_large_folder_is_read_a_chunk_at_a_time_and_comes_out_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let n = READ_CHUNK + 7;
        for i in 0..n {
            std::fs::write(dir.path().join(format!("{i:05}.txt")), format!("第{i}篇")).unwrap();
        }
        std::fs::write(dir.path().join("bad.docx"), b"PK\x03\x04 not a zip").unwrap();
        let inputs = [Input::Path(dir.path().to_path_buf())];
        let mut seen = Vec::new();
        let mut counts = Vec::new();
        let mut stages = Vec::new();
        let chunked = read_watched(
            Corpus::default(),
            &inputs,
            &[],
            &mut Record(&mut stages, &mut counts),
            &mut |docs| seen.push(docs.len()),
        )
        .unwrap();
        assert_eq!(seen, [READ_CHUNK, n]);
        let whole = ingest::read_paths(
            &[dir.path().to_path_buf()],
            &ReadConfig::default(),
            &mut crate::progress::NoProgress,
        )
        .unwrap();
        let key = |c: &Corpus| {
            (
                c.documents
                    .iter()
                    .map(|d| (d.id, d.path.clone(), d.text.to_string()))
                    .collect::<Vec<_>>(),
                c.problems.clone(),
            )
        };
        assert_eq!(key(&chunked), key(&whole));
        assert_eq!(chunked.problems.len(), 1);
        // One count across the chunks, to the end.
        assert!(counts.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(counts.iter().all(|&(_, total)| total == n + 1));
        assert_eq!(counts.last(), Some(&(n + 1, n + 1)));
    }

    /// Records the stages met (once each, in order) and every count.
    struct Record<'a>(&'a mut Vec<&'static str>, &'a mut Vec<(usize, usize)>);

    impl Progress for Record<'_> {
        fn report(&mut self, done: usize, total: usize) -> ControlFlow<()> {
            self.1.push((done, total));
            ControlFlow::Continue(())
        }

        fn stage(&mut self, name: &'static str) -> ControlFlow<()> {
            if self.0.last() != Some(&name) {
                self.0.push(name);
            }
            ControlFlow::Continue(())
        }
    }

    /// Loads `inputs` over an empty corpus and lists the stages reported, in order, once each.
    fn check(inputs: &[Input], docs: usize, stages: &[&str]) {
        let mut seen: Vec<&'static str> = Vec::new();
        let mut counts = Vec::new();
        let engine = Engine::new();
        let (corpus, analysis) = load(
            &engine,
            Corpus::default(),
            inputs,
            &[],
            &mut Record(&mut seen, &mut counts),
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(corpus.documents.len(), docs);
        assert_eq!(analysis.documents.len(), docs);
        assert_eq!(seen, stages);
        assert!(counts.iter().all(|(d, t)| d <= t), "{counts:?}");
    }

    #[test]
    fn a_load_reports_every_stage_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("某县日报.txt");
        std::fs::write(&file, "某县召开会议。会议强调，要抓紧抓实抓细各项工作。").unwrap();
        check(&[Input::Seeds], 5, PLAN);
        check(&[Input::Seeds, Input::Path(file.clone())], 6, PLAN);
        check(&[Input::Path(dir.path().to_path_buf())], 1, PLAN);
    }

    #[test]
    fn a_cancelled_load_stops_at_the_next_report() {
        let engine = Engine::new();
        let mut stop = |_: usize, _: usize| ControlFlow::Break(());
        let got = load(
            &engine,
            Corpus::default(),
            &[Input::Seeds],
            &[],
            &mut stop,
            &mut |_, _| {},
        );
        assert_eq!(got.err(), Some(Cancelled));
    }
}
