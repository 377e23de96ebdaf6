//! The project file (`*.tifa`): a whole corpus, its analysis and the user's work in one SQLite
//! database, reopened without reading or analysing anything again.
//!
//! - **Documents**: the decoded text, the SHA-256, size and modification time of the original
//!   bytes, the path, encoding, format and what the page says of itself (address, site,
//!   publication time), and what reading that document alone found (its meetings before merging),
//!   so adding files reads only the new ones.
//! - **The analysis**: meetings (with place, date, title and chair as columns, so the file can be
//!   queried with any SQLite tool), directives, phrase groups and their occurrences, places.
//! - **The user's work**: corrections by meeting key, the lexicon, and the app's view state.
//! - **Search**: an FTS5 index with the trigram tokenizer over all text ([`search`]).
//!
//! The schema is versioned (`PRAGMA user_version`) and migrated on open ([`schema`]); every write
//! is one transaction with the rollback journal and full sync, so a crash or a kill at any moment
//! leaves the file as it was after the last completed write, in one file that can be sent as it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::correct::{Correction, Corrections};
use crate::meeting::Gazetteer;
use crate::model::{DocId, Document, Meeting, PhraseGroup, Problem, Text, TextSource};
use crate::phrase::Lexicon;
use crate::pipeline::{self, Analysis};

pub mod schema;
pub mod search;
mod update;

#[cfg(test)]
mod tests;

pub use search::{Concordance, KwicLine, KwicSort};
pub use update::{Fingerprint, Update, Updated, fingerprint};

/// `PRAGMA application_id` of a Tifa project: "TIFA" in ASCII.
pub const APPLICATION_ID: i64 = 0x5449_4641;

/// The version of what the analysis stored in a project means. A project made when it was
/// different opens with its stored analysis and says it is stale ([`Stored::stale`]), so the
/// user can have it analysed again; corrections and lexicon are kept either way.
pub const DATA_VERSION: i64 = 3;

/// The schema version from which texts are kept apart from the documents' other columns.
const TEXTS_APART: i64 = 6;

/// The `meta` key set while documents appended in batches ([`Project::append`]) wait for the
/// analysis across documents ([`Project::assemble`]).
const APPENDED: &str = "appended";

/// The file name extension of a project.
pub const EXTENSION: &str = "tifa";

/// Why a project could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file does not exist.
    #[error("{}: no such project", path.display())]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// A new project would replace a file already there.
    #[error("{}: a file is already there; choose another name or open it", path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The file is not a Tifa project.
    #[error("{}: not a Tifa project ({why})", path.display())]
    NotProject {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        why: String,
    },
    /// The file was written by a newer Tifa.
    #[error(
        "{}: written by a newer Tifa (project format {found}; this version reads up to {known}); it is left as it is",
        path.display()
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this version knows.
        known: i64,
    },
    /// SQLite failed.
    #[error("{}: {source}", path.display())]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: rusqlite::Error,
    },
    /// A stored value could not be read.
    #[error("{}: {what} cannot be read ({source})", path.display())]
    Value {
        /// The file.
        path: PathBuf,
        /// Which value.
        what: String,
        /// Why.
        source: serde_json::Error,
    },
    /// Reading was cancelled.
    #[error("cancelled")]
    Cancelled,
}

impl From<crate::progress::Cancelled> for ProjectError {
    fn from(_: crate::progress::Cancelled) -> Self {
        Self::Cancelled
    }
}

/// An open project file.
#[derive(Debug)]
pub struct Project {
    conn: Connection,
    path: PathBuf,
}

/// What a project holds, read back.
#[derive(Debug, Default)]
pub struct Stored {
    /// The analysis as saved, without corrections applied.
    pub analysis: Analysis,
    /// The user's corrections, by meeting key.
    pub corrections: Corrections,
    /// The user's lexicon.
    pub lexicon: Lexicon,
    /// The app's view state and anything else kept by name.
    pub state: BTreeMap<String, serde_json::Value>,
    /// True when the analysis was made by a version of Tifa whose results differ
    /// ([`DATA_VERSION`]): it can be analysed again.
    pub stale: bool,
    /// Values that could not be read (one line each); everything else was read.
    pub problems: Vec<String>,
    /// The aggregate of a larger collection imported into it, if any.
    pub aggregate: Option<crate::scale::Aggregate>,
}

/// A summary of a project.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Info {
    /// The file.
    pub path: String,
    /// Its size in bytes.
    pub file_bytes: u64,
    /// Documents held.
    pub documents: usize,
    /// Bytes of decoded text (UTF-8).
    pub text_bytes: u64,
    /// Meetings in the analysis.
    pub meetings: usize,
    /// Phrase groups in the analysis.
    pub phrase_groups: usize,
    /// Places meetings are counted under.
    pub places: usize,
    /// Meetings in the restatement analysis kept ([`Project::set_restatement`]); 0 when none
    /// is kept.
    pub restated_meetings: usize,
    /// Hand corrections and checks.
    pub corrections: usize,
    /// The schema version.
    pub schema: i64,
    /// The version of the analysis's meaning ([`DATA_VERSION`]) it was made with.
    pub data_version: i64,
    /// The Tifa that last wrote it.
    pub written_by: String,
    /// When it was created and last saved (UTC, RFC 3339).
    pub created: String,
    /// When it was last saved.
    pub saved: String,
}

/// A document row as read, before parsing.
struct RawDocument {
    row: i64,
    pos: i64,
    bytes: Option<usize>,
    document: String,
    extracted: Option<String>,
}

/// A document read back, with its position and what reading it alone found when that was
/// asked for.
type ParsedDocument = (i64, Document, Option<Vec<Meeting>>);

/// Rows read back at a time, each chunk parsed on a core of its own.
const CHUNK: usize = 4096;

/// Parses the document rows of `chunk`; their texts are left in `texts`.
fn parse_documents(
    path: &Path,
    texts: &Arc<dyn TextSource>,
    chunk: Vec<RawDocument>,
) -> Result<Vec<ParsedDocument>, ProjectError> {
    let error = |what: &str| {
        let what = what.to_string();
        move |source| ProjectError::Value {
            path: path.to_path_buf(),
            what: what.clone(),
            source,
        }
    };
    chunk
        .into_iter()
        .map(|raw| {
            let mut doc: Document =
                serde_json::from_str(&raw.document).map_err(error("a document"))?;
            doc.text = Text::kept(Arc::clone(texts), raw.row, raw.bytes);
            let meetings = match raw.extracted {
                Some(m) => Some(serde_json::from_str(&m).map_err(error("a document's meetings"))?),
                None => None,
            };
            Ok((raw.pos, doc, meetings))
        })
        .collect()
}

/// The texts of a project's documents, read from its file when asked for: each reading thread
/// takes a read-only connection of its own from a small pool, opened when first needed.
struct Texts {
    path: PathBuf,
    pool: std::sync::Mutex<Vec<Connection>>,
}

impl Texts {
    fn new(path: &Path) -> Self {
        Self {
            path: path.to_path_buf(),
            pool: std::sync::Mutex::new(Vec::new()),
        }
    }

    fn connection(&self) -> Result<Connection, String> {
        let pooled = self
            .pool
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pop();
        if let Some(c) = pooled {
            return Ok(c);
        }
        let c = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| format!("{}: {e}", self.path.display()))?;
        // A write of the app's (a correction saved) holds the file for a moment.
        c.busy_timeout(std::time::Duration::from_secs(60))
            .map_err(|e| e.to_string())?;
        Ok(c)
    }
}

impl TextSource for Texts {
    fn read(&self, key: i64) -> Result<String, String> {
        let c = self.connection()?;
        let text = c
            .prepare_cached("SELECT text FROM texts WHERE id = ?1")
            .and_then(|mut s| s.query_row([key], |r| r.get::<_, String>(0)))
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => format!(
                    "{}: the document is no longer in the project",
                    self.path.display()
                ),
                e => format!("{}: {e}", self.path.display()),
            });
        self.pool
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(c);
        text
    }
}

fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Project {
    /// Creates a new, empty project at `path`; fails when a file is already there.
    pub fn create(path: &Path) -> Result<Self, ProjectError> {
        if path.exists() {
            return Err(ProjectError::Exists {
                path: path.to_path_buf(),
            });
        }
        let conn = Connection::open(path).map_err(|source| ProjectError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
        let mut project = Self {
            conn,
            path: path.to_path_buf(),
        };
        project.configure()?;
        project.migrate(0)?;
        let created = now();
        project.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('created', ?1)",
                [&created],
            )?;
            stamp(tx)
        })?;
        Ok(project)
    }

    /// Opens the project at `path`, migrating an older schema; refuses a file that is not a
    /// project, or one written by a newer Tifa, without changing it.
    pub fn open(path: &Path) -> Result<Self, ProjectError> {
        if !path.exists() {
            return Err(ProjectError::Missing {
                path: path.to_path_buf(),
            });
        }
        let not_project = |why: String| ProjectError::NotProject {
            path: path.to_path_buf(),
            why,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_project(e.to_string()))?;
        let id: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| not_project(plain_sqlite(&e)))?;
        if id != APPLICATION_ID {
            return Err(not_project(format!(
                "an SQLite database of another program (application id {id:#x})"
            )));
        }
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| not_project(e.to_string()))?;
        if version > schema::VERSION {
            return Err(ProjectError::Newer {
                path: path.to_path_buf(),
                found: version,
                known: schema::VERSION,
            });
        }
        let mut project = Self {
            conn,
            path: path.to_path_buf(),
        };
        project.configure()?;
        project.migrate(version)?;
        if version > 0 && version < TEXTS_APART {
            // Moving the texts out of the documents table left the pages they filled free;
            // the file is written again without them. A file that cannot be (a full disk) is
            // as sound as before, only larger.
            if let Err(e) = project.conn.execute_batch("VACUUM") {
                log::warn!("{}: not compacted after migrating: {e}", path.display());
            }
        }
        Ok(project)
    }

    /// Opens the project at `path`, or creates it when nothing is there.
    pub fn open_or_create(path: &Path) -> Result<Self, ProjectError> {
        if path.exists() {
            Self::open(path)
        } else {
            Self::create(path)
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sqlite(&self) -> impl Fn(rusqlite::Error) -> ProjectError + '_ {
        |source| ProjectError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// How long a write waits for another writer of the same file (the app saving a correction
    /// while an update runs) before it fails.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<(), ProjectError> {
        self.conn.busy_timeout(wait).map_err(self.sqlite())
    }

    /// The error for a value of `what` that could not be encoded or read.
    fn value_error(&self, what: &str) -> impl Fn(serde_json::Error) -> ProjectError + '_ {
        let what = what.to_string();
        move |source| ProjectError::Value {
            path: self.path.clone(),
            what: what.clone(),
            source,
        }
    }

    fn configure(&mut self) -> Result<(), ProjectError> {
        self.set_busy_timeout(std::time::Duration::from_secs(60))?;
        // The rollback journal keeps the project one file at rest; full sync makes each
        // committed write survive a crash or power loss. A page cache of 64 MiB (SQLite's is
        // 2 MiB) keeps the search index's pages at hand while a large collection is written.
        self.conn
            .execute_batch(
                "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;",
            )
            .map_err(self.sqlite())
    }

    fn migrate(&mut self, from: i64) -> Result<(), ProjectError> {
        for (i, step) in schema::MIGRATIONS.iter().enumerate().skip(from as usize) {
            let version = i as i64 + 1;
            self.write(|tx| {
                tx.execute_batch(step)?;
                tx.pragma_update(None, "application_id", APPLICATION_ID)?;
                tx.pragma_update(None, "user_version", version)?;
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Runs `f` in one transaction: all of it is written or none.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, ProjectError> {
        let path = self.path.clone();
        let sqlite = |source| ProjectError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        let out = f(&tx).map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        Ok(out)
    }

    /// The schema version of the open file (the current one once opened).
    pub fn schema_version(&self) -> Result<i64, ProjectError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(self.sqlite())
    }

    fn meta(&self, key: &str) -> Result<Option<String>, ProjectError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(self.sqlite())
    }

    fn count(&self, table: &str) -> Result<usize, ProjectError> {
        let n: i64 = self
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(self.sqlite())?;
        Ok(n as usize)
    }

    /// How many documents it holds.
    pub fn document_count(&self) -> Result<usize, ProjectError> {
        self.count("documents")
    }

    /// A summary: what it holds, and who wrote it when.
    pub fn info(&self) -> Result<Info, ProjectError> {
        let text_bytes: i64 = self
            .conn
            .query_row(
                "SELECT coalesce(sum(text_bytes), 0) FROM documents",
                [],
                |r| r.get(0),
            )
            .map_err(self.sqlite())?;
        Ok(Info {
            path: self.path.display().to_string(),
            file_bytes: std::fs::metadata(&self.path).map_or(0, |m| m.len()),
            documents: self.count("documents")?,
            text_bytes: text_bytes as u64,
            meetings: self.count("meetings")?,
            phrase_groups: self.count("phrase_groups")?,
            places: self.count("places")?,
            restated_meetings: self.count("restated_meetings")?,
            corrections: self.count("corrections")?,
            schema: self.schema_version()?,
            data_version: self
                .meta("data_version")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            written_by: self.meta("written_by")?.unwrap_or_default(),
            created: self.meta("created")?.unwrap_or_default(),
            saved: self.meta("saved")?.unwrap_or_default(),
        })
    }

    /// Reads everything back: the analysis as saved (with the places above each place from
    /// `gazetteer`), corrections, lexicon and state. A correction or state value that cannot be
    /// read is named in [`Stored::problems`] and the rest is read.
    pub fn load(&self, gazetteer: &Gazetteer) -> Result<Stored, ProjectError> {
        let clock = std::time::Instant::now();
        let (documents, _) = self.documents(false)?;
        log::debug!("project load: documents at {:?}", clock.elapsed());
        let mut analysis = Analysis {
            documents,
            problems: self.problems()?,
            meetings: self.json_column("SELECT meeting FROM meetings ORDER BY id", "meeting")?,
            phrases: self.json_column::<PhraseGroup>(
                "SELECT grp FROM phrase_groups ORDER BY rank",
                "phrase group",
            )?,
            words: self.meeting_words()?,
            places: self.strings("SELECT name FROM places ORDER BY name")?,
            ancestors: BTreeMap::new(),
        };
        log::debug!("project load: analysis at {:?}", clock.elapsed());
        analysis.ancestors =
            pipeline::ancestors(gazetteer, &analysis.meetings, &analysis.documents);
        log::debug!("project load: ancestors at {:?}", clock.elapsed());
        let mut problems = Vec::new();
        if self.meta(APPENDED)?.is_some() {
            problems.push(
                "its making stopped before the analysis across documents was assembled: the meetings and phrases shown are those of before; adding a file (or `tifa-cli project add` with the same files) assembles it".to_string(),
            );
        }
        let corrections = self.corrections_lossy(&mut problems)?;
        let mut state = BTreeMap::new();
        for (key, value) in self.pairs("SELECT key, value FROM state")? {
            match serde_json::from_str(&value) {
                Ok(v) => {
                    state.insert(key, v);
                }
                Err(e) => problems.push(format!("the saved {key} cannot be read ({e})")),
            }
        }
        let lexicon = match state.remove("lexicon") {
            Some(v) => serde_json::from_value(v).unwrap_or_else(|e| {
                problems.push(format!("the saved lexicon cannot be read ({e})"));
                Lexicon::default()
            }),
            None => Lexicon::default(),
        };
        let data_version: i64 = self
            .meta("data_version")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        state.remove("aggregate");
        let aggregate = self.aggregate().unwrap_or_else(|e| {
            problems.push(format!("the imported aggregate cannot be read ({e})"));
            None
        });
        Ok(Stored {
            stale: data_version != DATA_VERSION && !analysis.documents.is_empty(),
            analysis,
            corrections,
            lexicon,
            state,
            problems,
            aggregate,
        })
    }

    /// The documents in analysis order (ids their positions), with what reading each alone
    /// found when `extracted` is set. Their texts are not read: each is read from the file the
    /// first time it is asked for ([`crate::model::Text::kept`]).
    fn documents(
        &self,
        extracted: bool,
    ) -> Result<(Vec<Document>, Vec<Vec<Meeting>>), ProjectError> {
        let sql = if extracted {
            "SELECT id, document, extracted, text_bytes, pos FROM documents"
        } else {
            "SELECT id, document, NULL, text_bytes, pos FROM documents"
        };
        let texts: Arc<dyn TextSource> = Arc::new(Texts::new(&self.path));
        let mut stmt = self.conn.prepare(sql).map_err(self.sqlite())?;
        let mut rows = stmt.query([]).map_err(self.sqlite())?;
        // Rows are read here a chunk at a time while the chunks read before are parsed on
        // the other cores: a project of a million documents opens in about the time SQLite
        // takes to hand over its rows.
        let (send, parsed) = std::sync::mpsc::channel();
        let mut failed = None;
        let mut chunks = 0;
        rayon::in_place_scope(|scope| {
            loop {
                let mut chunk: Vec<RawDocument> = Vec::with_capacity(CHUNK);
                while chunk.len() < CHUNK {
                    let row = match rows.next() {
                        Ok(Some(r)) => self.raw_document(r),
                        Ok(None) => break,
                        Err(e) => Err(self.sqlite()(e)),
                    };
                    match row {
                        Ok(raw) => chunk.push(raw),
                        Err(e) => {
                            failed = Some(e);
                            break;
                        }
                    }
                }
                if chunk.is_empty() || failed.is_some() {
                    break;
                }
                let (k, send, texts, path) =
                    (chunks, send.clone(), Arc::clone(&texts), self.path.clone());
                chunks += 1;
                scope.spawn(move |_| {
                    let _ = send.send((k, parse_documents(&path, &texts, chunk)));
                });
            }
        });
        drop(send);
        if let Some(e) = failed {
            return Err(e);
        }
        let mut parts: Vec<_> = parsed.into_iter().collect();
        parts.sort_by_key(|(k, _)| *k);
        let mut all: Vec<ParsedDocument> = Vec::with_capacity(parts.len() * CHUNK);
        for (_, part) in parts {
            all.extend(part?);
        }
        // Rows come in the order they were written, which is their order in the analysis
        // (taking documents out renumbers the others in that order): checking it costs little
        // here, where SQLite would sort every row's values.
        if !all.is_sorted_by_key(|(pos, ..)| *pos) {
            all.sort_by_key(|(pos, ..)| *pos);
        }
        let mut docs = Vec::with_capacity(all.len());
        let mut found = Vec::new();
        for (i, (_, mut doc, meetings)) in all.into_iter().enumerate() {
            let id = DocId(i as u32);
            doc.id = id;
            if let Some(mut ms) = meetings {
                for m in &mut ms {
                    m.doc = id;
                }
                found.push(ms);
            }
            docs.push(doc);
        }
        Ok((docs, found))
    }

    /// A row of `SELECT id, document, extracted, text_bytes, pos FROM documents`, copied out.
    fn raw_document(&self, r: &rusqlite::Row<'_>) -> Result<RawDocument, ProjectError> {
        Ok(RawDocument {
            row: r.get(0).map_err(self.sqlite())?,
            pos: r.get(4).map_err(self.sqlite())?,
            bytes: r
                .get::<_, Option<i64>>(3)
                .map_err(self.sqlite())?
                .and_then(|n| usize::try_from(n).ok()),
            document: self.text_at(r, 1)?.unwrap_or_default().to_owned(),
            extracted: self.text_at(r, 2)?.map(str::to_owned),
        })
    }

    /// Column `i` of a row as text where SQLite holds it; `None` for NULL.
    fn text_at<'r>(
        &self,
        r: &'r rusqlite::Row<'_>,
        i: usize,
    ) -> Result<Option<&'r str>, ProjectError> {
        let v = r.get_ref(i).map_err(self.sqlite())?;
        if v == rusqlite::types::ValueRef::Null {
            return Ok(None);
        }
        v.as_str().map(Some).map_err(|e| {
            self.sqlite()(rusqlite::Error::FromSqlConversionFailure(
                i,
                v.data_type(),
                Box::new(e),
            ))
        })
    }

    fn parse<T: serde::de::DeserializeOwned>(
        &self,
        json: &str,
        what: &str,
    ) -> Result<T, ProjectError> {
        serde_json::from_str(json).map_err(self.value_error(what))
    }

    fn json_column<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
        what: &str,
    ) -> Result<Vec<T>, ProjectError> {
        let mut stmt = self.conn.prepare(sql).map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.sqlite())?;
        let mut out = Vec::new();
        for row in rows {
            out.push(self.parse(&row.map_err(self.sqlite())?, what)?);
        }
        Ok(out)
    }

    /// The words of each meeting's directives as saved, or none when any meeting lacks them
    /// (an analysis saved before they were counted: [`Analysis::directive_words`] estimates).
    fn meeting_words(&self) -> Result<Vec<u32>, ProjectError> {
        let mut stmt = self
            .conn
            .prepare("SELECT words FROM meetings ORDER BY id")
            .map_err(self.sqlite())?;
        let words: Vec<Option<i64>> = stmt
            .query_map([], |r| r.get(0))
            .map_err(self.sqlite())?
            .collect::<Result<_, _>>()
            .map_err(self.sqlite())?;
        Ok(words
            .into_iter()
            .map(|w| w.and_then(|w| u32::try_from(w).ok()))
            .collect::<Option<Vec<u32>>>()
            .unwrap_or_default())
    }

    fn strings(&self, sql: &str) -> Result<Vec<String>, ProjectError> {
        let mut stmt = self.conn.prepare(sql).map_err(self.sqlite())?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    fn pairs(&self, sql: &str) -> Result<Vec<(String, String)>, ProjectError> {
        let mut stmt = self.conn.prepare(sql).map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    fn problems(&self) -> Result<Vec<Problem>, ProjectError> {
        Ok(self
            .pairs("SELECT path, message FROM problems ORDER BY rowid")?
            .into_iter()
            .map(|(path, message)| Problem { path, message })
            .collect())
    }

    fn corrections_lossy(&self, problems: &mut Vec<String>) -> Result<Corrections, ProjectError> {
        let mut out = Corrections::new();
        for (key, json) in self.pairs("SELECT meeting, correction FROM corrections")? {
            match serde_json::from_str::<Correction>(&json) {
                Ok(c) => {
                    out.insert(key, c);
                }
                Err(e) => problems.push(format!("the correction of {key} cannot be read ({e})")),
            }
        }
        Ok(out)
    }

    /// The corrections saved, by meeting key.
    pub fn corrections(&self) -> Result<Corrections, ProjectError> {
        self.corrections_lossy(&mut Vec::new())
    }

    /// Replaces the saved corrections with `corrections`, in one transaction.
    pub fn set_corrections(&mut self, corrections: &Corrections) -> Result<(), ProjectError> {
        let rows: Vec<(String, String)> = corrections
            .iter()
            .filter(|(_, c)| !c.is_empty())
            .map(|(k, c)| Ok((k.clone(), serde_json::to_string(c)?)))
            .collect::<Result<_, serde_json::Error>>()
            .map_err(self.value_error("a correction"))?;
        self.write(|tx| {
            tx.execute("DELETE FROM corrections", [])?;
            let mut insert =
                tx.prepare("INSERT INTO corrections (meeting, correction) VALUES (?1, ?2)")?;
            for (k, c) in &rows {
                insert.execute(params![k, c])?;
            }
            drop(insert);
            stamp(tx)
        })
    }

    /// Saves the lexicon.
    pub fn set_lexicon(&mut self, lexicon: &Lexicon) -> Result<(), ProjectError> {
        let value = serde_json::to_value(lexicon).map_err(self.value_error("the lexicon"))?;
        self.set_state("lexicon", &value)
    }

    /// Saves one named state value (the app's view, say).
    pub fn set_state(&mut self, key: &str, value: &serde_json::Value) -> Result<(), ProjectError> {
        let json = value.to_string();
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES (?1, ?2)",
                params![key, json],
            )?;
            stamp(tx)
        })
    }

    /// One named state value, if saved and readable.
    pub fn state(&self, key: &str) -> Result<Option<serde_json::Value>, ProjectError> {
        let v: Option<String> = self
            .conn
            .query_row("SELECT value FROM state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sqlite())?;
        Ok(v.and_then(|v| serde_json::from_str(&v).ok()))
    }

    /// Replaces the imported aggregate with `aggregate` (none: takes it out), in one
    /// transaction.
    pub fn set_aggregate(
        &mut self,
        aggregate: Option<&crate::scale::Aggregate>,
    ) -> Result<(), ProjectError> {
        let about = aggregate.map(|a| {
            serde_json::json!({
                "source": a.source,
                "imported": a.imported,
                "meetings": a.meetings,
            })
            .to_string()
        });
        self.write(|tx| {
            tx.execute("DELETE FROM aggregate_cells", [])?;
            tx.execute("DELETE FROM state WHERE key = 'aggregate'", [])?;
            if let (Some(a), Some(about)) = (aggregate, &about) {
                let mut insert = tx.prepare(
                    "INSERT OR REPLACE INTO aggregate_cells (group_id, phrase, place, uses, meetings, \
                     first_date, adopter, lag_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?;
                for c in &a.cells {
                    insert.execute(params![
                        c.group_id,
                        c.phrase,
                        c.place,
                        c.uses as i64,
                        c.meetings as i64,
                        c.first.map(|d| d.to_string()),
                        c.adopter,
                        c.lag_days
                    ])?;
                }
                drop(insert);
                tx.execute(
                    "INSERT OR REPLACE INTO state (key, value) VALUES ('aggregate', ?1)",
                    [about],
                )?;
            }
            stamp(tx)
        })
    }

    /// The imported aggregate, if any.
    pub fn aggregate(&self) -> Result<Option<crate::scale::Aggregate>, ProjectError> {
        let Some(about) = self.state("aggregate")? else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT group_id, phrase, place, uses, meetings, first_date, adopter, lag_days \
                 FROM aggregate_cells ORDER BY group_id, adopter IS NULL, adopter, place",
            )
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| {
                let first: Option<String> = r.get(5)?;
                Ok(crate::scale::AggregateCell {
                    group_id: r.get(0)?,
                    phrase: r.get(1)?,
                    place: r.get(2)?,
                    uses: r.get::<_, i64>(3)?.max(0) as u64,
                    meetings: r.get::<_, i64>(4)?.max(0) as u64,
                    first: first.and_then(|d| d.parse().ok()),
                    adopter: r.get(6)?,
                    lag_days: r.get(7)?,
                })
            })
            .map_err(self.sqlite())?;
        let cells = rows.collect::<Result<_, _>>().map_err(self.sqlite())?;
        let text = |k: &str| about[k].as_str().unwrap_or_default().to_string();
        Ok(Some(crate::scale::Aggregate {
            source: text("source"),
            imported: text("imported"),
            meetings: about["meetings"].as_u64().unwrap_or(0),
            cells,
        }))
    }

    /// Keeps `r`, the restatement analysis of the analysis whose
    /// [`crate::report::restatement_fingerprint`] is `fingerprint`, in place of any kept
    /// before, in one transaction: each meeting's shares and clauses, and one link row per
    /// restated or adapted clause.
    pub fn set_restatement(
        &mut self,
        r: &crate::report::Restatement,
        fingerprint: &str,
    ) -> Result<(), ProjectError> {
        let places = serde_json::to_string(&r.places).map_err(self.value_error("the shares"))?;
        let months = serde_json::to_string(&r.months).map_err(self.value_error("the shares"))?;
        let meetings: Vec<String> = r
            .meetings
            .iter()
            .map(serde_json::to_string)
            .collect::<Result<_, _>>()
            .map_err(self.value_error("a meeting's clauses"))?;
        self.write(|tx| {
            clear_restatement(tx)?;
            tx.execute(
                "INSERT INTO restatement (fingerprint, window_days, places, months) \
                 VALUES (?1, ?2, ?3, ?4)",
                params![fingerprint, r.window_days, places, months],
            )?;
            let mut meeting = tx.prepare(
                "INSERT OR REPLACE INTO restated_meetings \
                 (meeting, place, date, restated, adapted, local, clauses, value) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut link = tx.prepare(
                "INSERT INTO restatement_links (meeting, directive, start, end, label, \
                 similarity, text, source_document, source_meeting, source_place, source_level, \
                 source_date, source_text) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            for (m, json) in r.meetings.iter().zip(&meetings) {
                meeting.execute(params![
                    m.id,
                    m.place,
                    m.date.map(|d| d.to_string()),
                    m.shares.restated,
                    m.shares.adapted,
                    m.shares.local,
                    m.shares.clauses as i64,
                    json
                ])?;
                for c in &m.clauses {
                    let Some(src) = c
                        .source
                        .as_ref()
                        .filter(|_| matches!(c.label.as_str(), "restated" | "adapted"))
                    else {
                        continue;
                    };
                    link.execute(params![
                        m.id,
                        c.directive as i64,
                        c.start as i64,
                        c.end as i64,
                        c.label,
                        c.similarity,
                        c.text,
                        src.document,
                        src.meeting,
                        src.place,
                        src.level.map(crate::model::PlaceLevel::as_str),
                        src.date.map(|d| d.to_string()),
                        src.text
                    ])?;
                }
            }
            drop((meeting, link));
            stamp(tx)
        })
    }

    /// Computes the restatement analysis of `analysis` with `config` and keeps it
    /// ([`Project::set_restatement`]).
    pub fn keep_restatement(
        &mut self,
        analysis: &Analysis,
        config: &crate::report::RestateConfig,
    ) -> Result<crate::report::Restatement, ProjectError> {
        let r = crate::report::restated(analysis, config);
        self.set_restatement(
            &r,
            &crate::report::restatement_fingerprint(analysis, config),
        )?;
        Ok(r)
    }

    /// The restatement analysis kept ([`Project::set_restatement`]) if it was computed from
    /// what `fingerprint` says; `None` when none is kept or it was computed from something else
    /// (files added since, other corrections or settings).
    pub fn restatement(
        &self,
        fingerprint: &str,
    ) -> Result<Option<crate::report::Restatement>, ProjectError> {
        let kept: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT window_days, places, months FROM restatement WHERE fingerprint = ?1",
                [fingerprint],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(self.sqlite())?;
        let Some((window_days, places, months)) = kept else {
            return Ok(None);
        };
        Ok(Some(crate::report::Restatement {
            meetings: self.json_column(
                "SELECT value FROM restated_meetings ORDER BY rowid",
                "a meeting's clauses",
            )?,
            places: self.parse(&places, "the shares")?,
            months: self.parse(&months, "the shares")?,
            window_days,
        }))
    }

    /// The lexicon saved (empty when none).
    pub fn lexicon(&self) -> Result<Lexicon, ProjectError> {
        Ok(self
            .state("lexicon")?
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default())
    }
}

/// The restatement analysis of `analysis` with `config`: the one the project at `path` keeps
/// when it was computed from the same analysis and settings, else computed and kept in it (a
/// file that cannot be written keeps nothing, and says so in the log). Fails only when the
/// project cannot be opened or read.
pub fn restatement_in(
    path: &Path,
    analysis: &Analysis,
    config: &crate::report::RestateConfig,
) -> Result<crate::report::Restatement, ProjectError> {
    let fingerprint = crate::report::restatement_fingerprint(analysis, config);
    let mut p = Project::open(path)?;
    if let Some(kept) = p.restatement(&fingerprint)? {
        return Ok(kept);
    }
    let r = crate::report::restated(analysis, config);
    // What was computed is given back even when it cannot be kept (a read-only file).
    if let Err(e) = p.set_restatement(&r, &fingerprint) {
        log::warn!(
            "the restatement analysis is not kept in {}: {e}",
            path.display()
        );
    }
    Ok(r)
}

/// Takes out the restatement analysis kept, which no longer stands once the analysis changes.
fn clear_restatement(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    for table in ["restatement", "restated_meetings", "restatement_links"] {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}

/// Records who wrote the file and when, and what the stored analysis means.
fn stamp(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut put = tx.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?;
    put.execute(["saved", &now()])?;
    put.execute(["written_by", &format!("Tifa {}", env!("CARGO_PKG_VERSION"))])?;
    Ok(())
}

/// SQLite's message for a file that is not a database, said plainly.
fn plain_sqlite(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => "not an SQLite database".into(),
        _ => e.to_string(),
    }
}
