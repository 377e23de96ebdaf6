//! Background work: reading files, analysing, exporting. Each job runs on a named thread with a
//! cancel token and a generation number; a result from a superseded generation is dropped.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

use crate::export::Table;
use crate::gui::command::{DroppedFile, ExportFormat};
use crate::ingest::{self, Corpus, ReadConfig};
use crate::model::DocId;
use crate::pipeline::{self, Analysis, Config, Engine};

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

/// What a job sends back to the UI thread.
#[derive(Debug)]
pub enum JobMsg {
    /// Progress of the load with this generation.
    Progress {
        /// The job's generation.
        generation: u64,
        /// A string-table key for what it is doing.
        stage: &'static str,
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
    },
    /// The load finished.
    Loaded {
        /// The job's generation.
        generation: u64,
        /// The documents as read.
        corpus: Corpus,
        /// The engine's result.
        analysis: Box<Analysis>,
    },
    /// The load was cancelled.
    Cancelled {
        /// The job's generation.
        generation: u64,
    },
    /// An export finished.
    Exported {
        /// Where it wrote.
        path: PathBuf,
        /// `Err` with a message when writing failed.
        result: Result<(), String>,
    },
}

/// Starts jobs and hands their messages to the app.
pub struct Jobs {
    tx: Sender<JobMsg>,
    rx: Receiver<JobMsg>,
    waker: Arc<dyn Fn() + Send + Sync>,
    engine: Arc<OnceLock<Engine>>,
    cancel: Arc<AtomicBool>,
    /// The generation of the newest load; older results are stale.
    pub generation: u64,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl Jobs {
    /// A runner that calls `waker` whenever it has something for the UI.
    pub fn new(waker: Arc<dyn Fn() + Send + Sync>) -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            waker,
            engine: Arc::new(OnceLock::new()),
            cancel: Arc::new(AtomicBool::new(false)),
            generation: 0,
        }
    }

    /// Cancels the running load (its result will be dropped) and starts a new one: `base`
    /// (already read) plus `inputs`, leaving out documents whose path is in `removed`.
    pub fn load(&mut self, base: Corpus, inputs: Vec<Input>, removed: Vec<String>) -> u64 {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.generation += 1;
        let generation = self.generation;
        let cancel = Arc::clone(&self.cancel);
        let tx = self.tx.clone();
        let waker = Arc::clone(&self.waker);
        let engine = Arc::clone(&self.engine);
        let spawned = std::thread::Builder::new()
            .name(format!("tifa-load-{generation}"))
            .spawn(move || {
                let send = |msg: JobMsg| {
                    let _ = tx.send(msg);
                    waker();
                };
                let msg =
                    match run_load(&engine, base, &inputs, &removed, &cancel, &send, generation) {
                        Some((corpus, analysis)) => JobMsg::Loaded {
                            generation,
                            corpus,
                            analysis: Box::new(analysis),
                        },
                        None => JobMsg::Cancelled { generation },
                    };
                send(msg);
            });
        if let Err(e) = spawned {
            log::error!("cannot start the loading thread: {e}");
        }
        generation
    }

    /// Asks the running load to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Writes `table` to `path` on a thread.
    pub fn export(&self, table: Table, path: PathBuf, format: ExportFormat) {
        let tx = self.tx.clone();
        let waker = Arc::clone(&self.waker);
        let spawned = std::thread::Builder::new()
            .name("tifa-export".into())
            .spawn(move || {
                let result =
                    crate::export::write_file(&path, format, &[table]).map_err(|e| e.to_string());
                let _ = tx.send(JobMsg::Exported { path, result });
                waker();
            });
        if let Err(e) = spawned {
            log::error!("cannot start the export thread: {e}");
        }
    }

    /// The next message, if one is waiting.
    pub fn try_recv(&self) -> Option<JobMsg> {
        self.rx.try_recv().ok()
    }

    /// Waits up to `timeout` for the next message.
    pub fn recv_timeout(&self, timeout: std::time::Duration) -> Option<JobMsg> {
        self.rx.recv_timeout(timeout).ok()
    }
}

/// Reads and analyses; `None` when cancelled.
fn run_load(
    engine: &OnceLock<Engine>,
    base: Corpus,
    inputs: &[Input],
    removed: &[String],
    cancel: &AtomicBool,
    send: &dyn Fn(JobMsg),
    generation: u64,
) -> Option<(Corpus, Analysis)> {
    let mut corpus = base;
    let total = inputs.len();
    for (i, input) in inputs.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        send(JobMsg::Progress {
            generation,
            stage: "Reading files",
            done: i,
            total,
        });
        let read = match input {
            Input::Seeds => ingest::seed_corpus(),
            Input::Path(p) => read_path(p, cancel)?,
            Input::Dropped(f) => {
                let path = f.path().to_path_buf();
                if path.is_dir() {
                    read_path(&path, cancel)?
                } else {
                    let mut c = Corpus::default();
                    match f.bytes() {
                        Ok(bytes) => c.add_bytes(&path.display().to_string(), &bytes),
                        Err(e) => c.problems.push(crate::model::Problem {
                            path: path.display().to_string(),
                            message: e,
                        }),
                    }
                    c
                }
            }
        };
        merge(&mut corpus, read);
    }
    corpus.documents.retain(|d| !removed.contains(&d.path));
    renumber(&mut corpus);
    let engine = engine.get_or_init(Engine::new);
    let mut progress = |done: usize, total: usize| {
        send(JobMsg::Progress {
            generation,
            stage: "Analysing",
            done,
            total,
        });
        if cancel.load(Ordering::Relaxed) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let analysis =
        pipeline::analyse(engine, corpus.clone(), &Config::default(), &mut progress).ok()?;
    Some((corpus, analysis))
}

fn read_path(path: &std::path::Path, cancel: &AtomicBool) -> Option<Corpus> {
    let mut stop = |_: usize, _: usize| {
        if cancel.load(Ordering::Relaxed) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    ingest::read_paths(&[path.to_path_buf()], &ReadConfig::default(), &mut stop).ok()
}

/// Appends `more` to `corpus`; a document already present (same path) is replaced by the new read.
fn merge(corpus: &mut Corpus, more: Corpus) {
    for doc in more.documents {
        if let Some(old) = corpus.documents.iter_mut().find(|d| d.path == doc.path) {
            *old = doc;
        } else {
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
