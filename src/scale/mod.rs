//! Past one machine: the per-document results of a national collection as Parquet files, in
//! shards that any number of runs on any number of machines write independently, aggregated by
//! an existing engine (`DuckDB` on one large machine, Spark SQL on a cluster) with the SQL of
//! `docs/scale/`.
//!
//! `extract` lists the files once, sorted as [`crate::ingest::read_paths`] sorts them, and cuts
//! the list into shards of `shard_size` files; a document's number is its file's place in that
//! list, so the numbers, and with them the order in which reports of one meeting are merged,
//! are the same whichever machine writes a shard. Each shard is written into a hidden folder
//! and renamed into place when complete, so a run that is stopped is resumed by running it
//! again: complete shards are skipped. A `manifest.json` records what the folder was made from;
//! a run over other files, another shard size or other phrase groups is refused.
//!
//! Per shard, in `shard-NNNNNN/`: `documents.parquet`, `problems.parquet`, `meetings.parquet`
//! (every report of a meeting, as read from its page), `directives.parquet`,
//! `occurrences.parquet` (each use of a reference phrase group, as phrase mining counts it) and
//! `shingles.parquet` (what the copy merge compares). At the top: `groups.parquet`, the
//! reference groups. Phrase groups are mined across a whole corpus, which no shard sees, so
//! they come from a reference: the `phrases --json` of a sample or of a project.

mod aggregate;
mod parquet;
mod synthetic;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use self::aggregate::{Aggregate, AggregateCell};
pub use self::parquet::{Columns, Values};
pub use self::synthetic::{Synthetic, extract_synthetic};
use crate::ingest::{self, ReadConfig};
use crate::meeting::copies;
use crate::model::{Document, Meeting};
use crate::phrase::{find_variants, to_document};
use crate::pipeline::{self, Analysis, Config, Engine};
use crate::progress::{Cancelled, Progress};
use crate::report::json::PhrasesOut;
use crate::text::hex;

/// What the files of an extraction folder hold; raised when their columns change.
pub const FORMAT_VERSION: u32 = 1;

/// Documents per shard when none is given.
pub const DEFAULT_SHARD_SIZE: usize = 5_000;

/// A meeting's number: its document's number times this, plus its place among the document's
/// meetings.
pub const MEETINGS_PER_DOCUMENT: i64 = 1_000_000;

/// What can go wrong writing or resuming an extraction.
#[derive(Debug, thiserror::Error)]
pub enum ScaleError {
    /// A file or folder could not be written or read.
    #[error("{path}: {message}")]
    Io {
        /// The file or folder.
        path: String,
        /// What the system said.
        message: String,
    },
    /// A Parquet file could not be written.
    #[error("{path}: cannot write Parquet: {message}")]
    Parquet {
        /// The file.
        path: String,
        /// What the writer said.
        message: String,
    },
    /// The folder holds an extraction of something else.
    #[error(
        "{path} holds an extraction of other {what}: give a new --out folder, or the same files, shard size and groups as before"
    )]
    Mismatch {
        /// The manifest.
        path: String,
        /// What differs.
        what: &'static str,
    },
    /// The reference phrase groups could not be read.
    #[error(
        "{path}: not a list of phrase groups (`tifa-cli phrases --json` writes one): {message}"
    )]
    Groups {
        /// The file.
        path: String,
        /// What was wrong.
        message: String,
    },
    /// Stopped before the end.
    #[error("cancelled")]
    Cancelled,
}

impl ScaleError {
    fn io(path: &Path, e: &std::io::Error) -> Self {
        Self::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        }
    }
}

impl From<Cancelled> for ScaleError {
    fn from(_: Cancelled) -> Self {
        Self::Cancelled
    }
}

/// A reference phrase group: its id, name and the strings it is found by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefGroup {
    /// Its id in the reference (the rank `phrases` gives it).
    pub id: u32,
    /// The name it is shown under.
    pub phrase: String,
    /// Every variant.
    pub variants: Vec<String>,
}

/// The groups of `phrases --json` output.
pub fn read_groups(path: &Path) -> Result<Vec<RefGroup>, ScaleError> {
    let text = std::fs::read_to_string(path).map_err(|e| ScaleError::io(path, &e))?;
    let out: PhrasesOut = serde_json::from_str(&text).map_err(|e| ScaleError::Groups {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok(out
        .groups
        .into_iter()
        .map(|g| RefGroup {
            id: g.id,
            phrase: g.phrase,
            variants: g.variants.into_iter().map(|v| v.text).collect(),
        })
        .collect())
}

/// The groups of an analysis, as a reference.
pub fn groups_of(analysis: &Analysis) -> Vec<RefGroup> {
    analysis
        .phrases
        .iter()
        .map(|g| RefGroup {
            id: g.id,
            phrase: g.phrase.clone(),
            variants: g.variants.iter().map(|v| v.text.clone()).collect(),
        })
        .collect()
}

/// How an extraction runs.
#[derive(Clone, Debug)]
pub struct ExtractOptions {
    /// Files per shard.
    pub shard_size: usize,
    /// This run writes the shards whose number modulo `part.1` is `part.0`: `(0, 1)` writes all.
    pub part: (usize, usize),
    /// How files are read.
    pub read: ReadConfig,
    /// How documents are analysed.
    pub analysis: Config,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self {
            shard_size: DEFAULT_SHARD_SIZE,
            part: (0, 1),
            read: ReadConfig::default(),
            analysis: Config::default(),
        }
    }
}

/// What one run did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Extracted {
    /// Files listed.
    pub files: usize,
    /// Shards in the whole extraction.
    pub shards: usize,
    /// Shards this run wrote.
    pub written: Vec<usize>,
    /// Shards of this run's part found complete and left alone.
    pub skipped: Vec<usize>,
    /// Documents, problems, meetings (reports), directives and phrase-group uses written.
    pub documents: usize,
    /// Files that could not be read.
    pub problems: usize,
    /// Reports of meetings.
    pub meetings: usize,
    /// Directives.
    pub directives: usize,
    /// Uses of a reference group.
    pub occurrences: usize,
}

/// What a folder was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    data_version: i64,
    shard_size: usize,
    shards: usize,
    files: usize,
    files_sha256: String,
    groups: usize,
    groups_sha256: String,
}

/// The name of shard `k`'s folder.
pub fn shard_name(k: usize) -> String {
    format!("shard-{k:06}")
}

/// Extracts `paths` into `out` (created when missing), writing this run's shards that are not
/// yet complete; `progress` hears of each file read.
pub fn extract(
    engine: &Engine,
    paths: &[PathBuf],
    groups: &[RefGroup],
    out: &Path,
    options: &ExtractOptions,
    progress: &mut dyn Progress,
) -> Result<Extracted, ScaleError> {
    let (files, listing_problems) = ingest::list_files(paths);
    let size = options.shard_size.max(1);
    let shards = files.len().div_ceil(size);
    std::fs::create_dir_all(out).map_err(|e| ScaleError::io(out, &e))?;
    claim(
        out,
        files.iter().map(|f| f.display().to_string()),
        groups,
        size,
        shards,
    )?;
    write_groups(&out.join("groups.parquet"), groups)?;
    let (part, parts) = (options.part.0, options.part.1.max(1));
    let mut done = Extracted {
        files: files.len(),
        shards,
        ..Extracted::default()
    };
    let mine: Vec<usize> = (0..shards).filter(|k| k % parts == part).collect();
    let total: usize = mine
        .iter()
        .map(|&k| files.len().min((k + 1) * size) - k * size)
        .sum();
    let mut read = 0;
    for k in mine {
        let dir = out.join(shard_name(k));
        if dir.join(DONE).is_file() {
            done.skipped.push(k);
            continue;
        }
        let range = k * size..files.len().min((k + 1) * size);
        let len = range.len();
        // Problems met while listing belong to the first shard, so they are written once.
        let listed = if k == 0 { &listing_problems[..] } else { &[] };
        let mut inner = Offset {
            inner: progress,
            before: read,
            total,
        };
        let counts = write_shard(
            engine,
            &files[range.clone()],
            range.start,
            listed,
            groups,
            out,
            k,
            options,
            &mut inner,
        )?;
        read += len;
        done.written.push(k);
        done.documents += counts.documents;
        done.problems += counts.problems;
        done.meetings += counts.meetings;
        done.directives += counts.directives;
        done.occurrences += counts.occurrences;
    }
    Ok(done)
}

/// The file that marks a shard complete.
const DONE: &str = "_done.json";

/// Progress over all of a run's shards, from one shard's reports.
struct Offset<'a> {
    inner: &'a mut dyn Progress,
    before: usize,
    total: usize,
}

impl Progress for Offset<'_> {
    fn report(&mut self, done: usize, _total: usize) -> std::ops::ControlFlow<()> {
        self.inner.report(self.before + done, self.total)
    }

    fn stage(&mut self, name: &'static str) -> std::ops::ControlFlow<()> {
        self.inner.stage(name)
    }
}

/// Writes the manifest of a new folder, or checks that of an existing one.
fn claim(
    out: &Path,
    names: impl Iterator<Item = String>,
    groups: &[RefGroup],
    shard_size: usize,
    shards: usize,
) -> Result<(), ScaleError> {
    let mut h = Sha256::new();
    let mut files = 0;
    for f in names {
        h.update(f.as_bytes());
        h.update(b"\n");
        files += 1;
    }
    let files_sha256 = hex(&h.finalize());
    let groups_sha256 = hex(&Sha256::digest(
        serde_json::to_vec(groups).unwrap_or_default(),
    ));
    let manifest = Manifest {
        format: "tifa-extract".into(),
        version: FORMAT_VERSION,
        data_version: crate::project::DATA_VERSION,
        shard_size,
        shards,
        files,
        files_sha256,
        groups: groups.len(),
        groups_sha256,
    };
    let path = out.join("manifest.json");
    let mismatch = |what| ScaleError::Mismatch {
        path: path.display().to_string(),
        what,
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let old: Manifest = serde_json::from_str(&text)
                .map_err(|_| mismatch("files (its manifest is unreadable)"))?;
            if old.format != manifest.format
                || old.version != manifest.version
                || old.data_version != manifest.data_version
            {
                return Err(mismatch("versions of Tifa"));
            }
            if old.files_sha256 != manifest.files_sha256 || old.shard_size != shard_size {
                return Err(mismatch("files or another shard size"));
            }
            if old.groups_sha256 != manifest.groups_sha256 {
                return Err(mismatch("phrase groups"));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
            write_atomically(&path, text.as_bytes())
        }
        Err(e) => Err(ScaleError::io(&path, &e)),
    }
}

/// Writes `bytes` beside `path` and renames them over it.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ScaleError> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes).map_err(|e| ScaleError::io(&tmp, &e))?;
    std::fs::rename(&tmp, path).map_err(|e| ScaleError::io(path, &e))
}

/// The reference groups: one row per variant.
fn write_groups(path: &Path, groups: &[RefGroup]) -> Result<(), ScaleError> {
    let (mut id, mut phrase, mut variant) = (Vec::new(), Vec::new(), Vec::new());
    for g in groups {
        for v in &g.variants {
            id.push(Some(i64::from(g.id)));
            phrase.push(Some(g.phrase.clone()));
            variant.push(Some(v.clone()));
        }
    }
    let mut t = Columns::default();
    t.add("group_id", Values::Int(id))
        .add("phrase", Values::Text(phrase))
        .add("variant", Values::Text(variant));
    let tmp = path.with_extension("partial");
    t.write(&tmp, "groups")?;
    std::fs::rename(&tmp, path).map_err(|e| ScaleError::io(path, &e))
}

/// Reads, analyses and writes one shard: files `files`, the first of which is number `first`.
#[allow(clippy::too_many_arguments)]
fn write_shard(
    engine: &Engine,
    files: &[PathBuf],
    first: usize,
    listed: &[crate::model::Problem],
    groups: &[RefGroup],
    out: &Path,
    k: usize,
    options: &ExtractOptions,
    progress: &mut dyn Progress,
) -> Result<Extracted, ScaleError> {
    let (corpus, origin) = ingest::read_files(files, &options.read, progress)?;
    let numbers: Vec<i64> = origin.iter().map(|&i| (first + i) as i64).collect();
    let mut problems: Vec<&crate::model::Problem> = listed.iter().chain(&corpus.problems).collect();
    problems.sort();
    write_documents(
        engine,
        corpus.documents,
        &numbers,
        &problems,
        groups,
        out,
        k,
        &options.analysis,
    )
}

/// Analyses `documents` (numbered `numbers`) on their own and writes them as shard `k` of
/// `out`, with the files that could not be read.
#[allow(clippy::too_many_arguments)]
fn write_documents(
    engine: &Engine,
    mut documents: Vec<Document>,
    numbers: &[i64],
    problems: &[&crate::model::Problem],
    groups: &[RefGroup],
    out: &Path,
    k: usize,
    config: &Config,
) -> Result<Extracted, ScaleError> {
    let per_doc = pipeline::extract(
        engine,
        &mut documents,
        config,
        &mut crate::progress::NoProgress,
    )?;
    let partial = out.join(".partial").join(shard_name(k));
    if partial.exists() {
        std::fs::remove_dir_all(&partial).map_err(|e| ScaleError::io(&partial, &e))?;
    }
    std::fs::create_dir_all(&partial).map_err(|e| ScaleError::io(&partial, &e))?;
    let tables = Tables::of(&documents, numbers, per_doc, problems, groups);
    let mut counts = Extracted {
        documents: documents.len(),
        problems: problems.len(),
        meetings: tables.meetings.rows(),
        directives: tables.directives.rows(),
        occurrences: tables.occurrences.rows(),
        ..Extracted::default()
    };
    for (name, t) in [
        ("documents", &tables.documents),
        ("problems", &tables.problems),
        ("meetings", &tables.meetings),
        ("directives", &tables.directives),
        ("occurrences", &tables.occurrences),
        ("shingles", &tables.shingles),
    ] {
        t.write(&partial.join(format!("{name}.parquet")), name)?;
    }
    counts.written.push(k);
    let done = serde_json::to_string_pretty(&counts).unwrap_or_default();
    std::fs::write(partial.join(DONE), done).map_err(|e| ScaleError::io(&partial, &e))?;
    let dir = out.join(shard_name(k));
    if dir.exists() {
        // An incomplete shard left by a run from before the renaming: its files are replaced.
        std::fs::remove_dir_all(&dir).map_err(|e| ScaleError::io(&dir, &e))?;
    }
    std::fs::rename(&partial, &dir).map_err(|e| ScaleError::io(&dir, &e))?;
    Ok(counts)
}

/// The six tables of one shard.
struct Tables {
    documents: Columns,
    problems: Columns,
    meetings: Columns,
    directives: Columns,
    occurrences: Columns,
    shingles: Columns,
}

/// A present text value.
#[allow(clippy::unnecessary_wraps)]
fn text(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// A present count or offset.
#[allow(clippy::unnecessary_wraps)]
fn int(n: usize) -> Option<i64> {
    Some(n as i64)
}

impl Tables {
    /// The tables of `documents` (numbered `numbers`) and their meetings `per_doc`.
    fn of(
        documents: &[Document],
        numbers: &[i64],
        per_doc: Vec<Vec<Meeting>>,
        problems: &[&crate::model::Problem],
        groups: &[RefGroup],
    ) -> Self {
        let mut d = DocumentColumns::default();
        for (doc, &n) in documents.iter().zip(numbers) {
            d.push(doc, n);
        }
        let mut p = Columns::default();
        p.add(
            "path",
            Values::Text(problems.iter().map(|p| text(&p.path)).collect()),
        )
        .add(
            "message",
            Values::Text(problems.iter().map(|p| text(&p.message)).collect()),
        );
        let mut m = MeetingColumns::default();
        let mut uids = Vec::new();
        let mut all: Vec<Meeting> = Vec::new();
        let (mut sm, mut sh) = (Vec::new(), Vec::new());
        for ((list, &n), doc) in per_doc.into_iter().zip(numbers).zip(documents) {
            for (seq, meeting) in list.into_iter().enumerate() {
                let uid = n * MEETINGS_PER_DOCUMENT + seq as i64;
                let set: BTreeSet<u64> = copies::shingles(&meeting).collect();
                m.push(&meeting, uid, n, seq, doc, set.len());
                for s in set {
                    sm.push(Some(uid));
                    // The hash's bits as a signed number: BIGINT is what both engines join on.
                    sh.push(Some(s as i64));
                }
                uids.push(uid);
                all.push(meeting);
            }
        }
        let variants: Vec<Vec<String>> = groups.iter().map(|g| g.variants.clone()).collect();
        let found = find_variants(&all, &variants);
        let mut o = OccurrenceColumns::default();
        for (g, hits) in groups.iter().zip(found) {
            for h in hits {
                let meeting = &all[h.meeting];
                let directive = &meeting.directives[h.directive];
                let doc_text = documents
                    .get(meeting.doc.0 as usize)
                    .map_or("", |d| &d.text);
                let span = to_document(directive, doc_text, h.start..h.end);
                o.meeting.push(Some(uids[h.meeting]));
                o.directive.push(int(h.directive));
                o.group.push(Some(i64::from(g.id)));
                o.variant.push(
                    g.variants
                        .get(h.variant)
                        .cloned()
                        .or_else(|| directive.text.get(h.start..h.end).map(str::to_string)),
                );
                o.start.push(int(span.start));
                o.end.push(int(span.end));
            }
        }
        let (meetings, directives) = m.into_tables();
        let mut shingles = Columns::default();
        shingles
            .add("meeting", Values::Int(sm))
            .add("shingle", Values::Int(sh));
        Self {
            documents: d.columns(),
            problems: p,
            meetings,
            directives,
            occurrences: o.columns(),
            shingles,
        }
    }
}

#[derive(Default)]
struct DocumentColumns {
    doc: Vec<Option<i64>>,
    path: Vec<Option<String>>,
    sha256: Vec<Option<String>>,
    bytes: Vec<Option<i64>>,
    encoding: Vec<Option<String>>,
    format: Vec<Option<String>>,
    url: Vec<Option<String>>,
    site: Vec<Option<String>>,
    title: Vec<Option<String>>,
    published: Vec<Option<NaiveDate>>,
    place: Vec<Option<String>>,
    place_code: Vec<Option<String>>,
    place_level: Vec<Option<String>>,
    notes: Vec<Option<String>>,
}

impl DocumentColumns {
    fn push(&mut self, doc: &Document, n: i64) {
        let f = crate::project::fingerprint(doc);
        self.doc.push(Some(n));
        self.path.push(text(&doc.path));
        self.sha256.push(Some(f.sha256));
        self.bytes.push(Some(f.size as i64));
        self.encoding.push(text(&doc.encoding));
        self.format.push(text(doc.format.as_str()));
        self.url.push(doc.meta.url.clone());
        self.site.push(doc.meta.site.clone());
        self.title.push(doc.meta.title.clone());
        self.published.push(doc.published.map(|d| d.date));
        self.place
            .push(doc.place.as_ref().map(|p| p.name.to_string()));
        self.place_code
            .push(doc.place.as_ref().map(|p| p.code.to_string()));
        self.place_level
            .push(doc.place.as_ref().map(|p| p.level.as_str().to_string()));
        self.notes
            .push((!doc.problems.is_empty()).then(|| doc.problems.join("; ")));
    }

    fn columns(self) -> Columns {
        let mut t = Columns::default();
        t.add("doc", Values::Int(self.doc))
            .add("path", Values::Text(self.path))
            .add("sha256", Values::Text(self.sha256))
            .add("bytes", Values::Int(self.bytes))
            .add("encoding", Values::Text(self.encoding))
            .add("format", Values::Text(self.format))
            .add("url", Values::Text(self.url))
            .add("site", Values::Text(self.site))
            .add("title", Values::Text(self.title))
            .add("published", Values::Date(self.published))
            .add("place", Values::Text(self.place))
            .add("place_code", Values::Text(self.place_code))
            .add("place_level", Values::Text(self.place_level))
            .add("notes", Values::Text(self.notes));
        t
    }
}

#[derive(Default)]
struct MeetingColumns {
    meeting: Vec<Option<i64>>,
    doc: Vec<Option<i64>>,
    seq: Vec<Option<i64>>,
    article_start: Vec<Option<i64>>,
    article_end: Vec<Option<i64>>,
    date: Vec<Option<NaiveDate>>,
    day_number: Vec<Option<i64>>,
    date_precision: Vec<Option<String>>,
    date_basis: Vec<Option<String>>,
    place: Vec<Option<String>>,
    place_full: Vec<Option<String>>,
    place_code: Vec<Option<String>>,
    place_level: Vec<Option<String>>,
    doc_place: Vec<Option<String>>,
    title: Vec<Option<String>>,
    title_norm: Vec<Option<String>>,
    chair: Vec<Option<String>>,
    directives: Vec<Option<i64>>,
    shingles: Vec<Option<i64>>,
    // The directives table.
    d_meeting: Vec<Option<i64>>,
    d_index: Vec<Option<i64>>,
    d_cue: Vec<Option<String>>,
    d_text: Vec<Option<String>>,
    d_start: Vec<Option<i64>>,
    d_end: Vec<Option<i64>>,
}

impl MeetingColumns {
    fn push(&mut self, m: &Meeting, uid: i64, doc: i64, seq: usize, d: &Document, shingles: usize) {
        self.meeting.push(Some(uid));
        self.doc.push(Some(doc));
        self.seq.push(int(seq));
        self.article_start.push(int(m.article.start));
        self.article_end.push(int(m.article.end));
        let date = m.date.map(|p| p.date);
        self.date.push(date);
        self.day_number
            .push(date.map(|x| (x - NaiveDate::default()).num_days()));
        self.date_precision
            .push(m.date.map(|p| p.precision.as_str().to_string()));
        self.date_basis
            .push(m.date.map(|p| p.basis.as_str().to_string()));
        self.place
            .push(m.place.as_ref().map(|p| p.name.to_string()));
        self.place_full
            .push(m.place.as_ref().map(|p| p.full.to_string()));
        self.place_code
            .push(m.place.as_ref().map(|p| p.code.to_string()));
        self.place_level
            .push(m.place.as_ref().map(|p| p.level.as_str().to_string()));
        self.doc_place
            .push(d.place.as_ref().map(|p| p.name.to_string()));
        self.title.push(text(&m.title));
        self.title_norm.push(Some(copies::normal(&m.title)));
        self.chair.push(m.chair.clone());
        self.directives.push(int(m.directives.len()));
        self.shingles.push(int(shingles));
        for (i, x) in m.directives.iter().enumerate() {
            self.d_meeting.push(Some(uid));
            self.d_index.push(int(i));
            self.d_cue.push(text(&x.cue));
            self.d_text.push(text(&x.text));
            self.d_start.push(int(x.span.start));
            self.d_end.push(int(x.span.end));
        }
    }

    /// The meetings table and the directives table.
    fn into_tables(self) -> (Columns, Columns) {
        let mut meetings = Columns::default();
        meetings
            .add("meeting", Values::Int(self.meeting))
            .add("doc", Values::Int(self.doc))
            .add("seq", Values::Int(self.seq))
            .add("article_start", Values::Int(self.article_start))
            .add("article_end", Values::Int(self.article_end))
            .add("date", Values::Date(self.date))
            .add("day_number", Values::Int(self.day_number))
            .add("date_precision", Values::Text(self.date_precision))
            .add("date_basis", Values::Text(self.date_basis))
            .add("place", Values::Text(self.place))
            .add("place_full", Values::Text(self.place_full))
            .add("place_code", Values::Text(self.place_code))
            .add("place_level", Values::Text(self.place_level))
            .add("doc_place", Values::Text(self.doc_place))
            .add("title", Values::Text(self.title))
            .add("title_norm", Values::Text(self.title_norm))
            .add("chair", Values::Text(self.chair))
            .add("directives", Values::Int(self.directives))
            .add("shingles", Values::Int(self.shingles));
        let mut directives = Columns::default();
        directives
            .add("meeting", Values::Int(self.d_meeting))
            .add("directive", Values::Int(self.d_index))
            .add("cue", Values::Text(self.d_cue))
            .add("text", Values::Text(self.d_text))
            .add("start", Values::Int(self.d_start))
            .add("end", Values::Int(self.d_end));
        (meetings, directives)
    }
}

#[derive(Default)]
struct OccurrenceColumns {
    meeting: Vec<Option<i64>>,
    directive: Vec<Option<i64>>,
    group: Vec<Option<i64>>,
    variant: Vec<Option<String>>,
    start: Vec<Option<i64>>,
    end: Vec<Option<i64>>,
}

impl OccurrenceColumns {
    fn columns(self) -> Columns {
        let mut t = Columns::default();
        t.add("meeting", Values::Int(self.meeting))
            .add("directive", Values::Int(self.directive))
            .add("group_id", Values::Int(self.group))
            .add("variant", Values::Text(self.variant))
            .add("start", Values::Int(self.start))
            .add("end", Values::Int(self.end));
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::NoProgress;

    fn seeds_in(dir: &Path) -> PathBuf {
        let corpus = dir.join("corpus");
        std::fs::create_dir_all(&corpus).unwrap_or_else(|e| panic!("{e}"));
        for (name, bytes) in crate::ingest::read::SEEDS {
            std::fs::write(corpus.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
        }
        corpus
    }

    fn group(id: u32, variants: &[&str]) -> RefGroup {
        RefGroup {
            id,
            phrase: variants[0].to_string(),
            variants: variants.iter().map(|v| (*v).to_string()).collect(),
        }
    }

    fn run(
        engine: &Engine,
        corpus: &Path,
        groups: &[RefGroup],
        out: &Path,
        shard_size: usize,
        part: (usize, usize),
    ) -> Result<Extracted, ScaleError> {
        let options = ExtractOptions {
            shard_size,
            part,
            ..ExtractOptions::default()
        };
        extract(
            engine,
            &[corpus.to_path_buf()],
            groups,
            out,
            &options,
            &mut NoProgress,
        )
    }

    #[test]
    fn parts_write_their_own_shards_and_a_second_run_resumes() {
        let engine = Engine::new();
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let corpus = seeds_in(tmp.path());
        let groups = [
            group(0, &["外防输入", "内防反弹"]),
            group(1, &["复工复产", "复产复工"]),
        ];
        let out = tmp.path().join("out");
        let ok = |r: Result<Extracted, ScaleError>| r.unwrap_or_else(|e| panic!("{e}"));
        let a = ok(run(&engine, &corpus, &groups, &out, 2, (0, 2)));
        assert_eq!((a.files, a.shards), (5, 3));
        assert_eq!(a.written, [0, 2]);
        let b = ok(run(&engine, &corpus, &groups, &out, 2, (1, 2)));
        assert_eq!(b.written, [1]);
        assert_eq!(a.documents + b.documents, 5);
        assert!(
            a.occurrences + b.occurrences > 0,
            "the seeds use 外防输入 and 复工复产"
        );
        assert!(a.meetings + b.meetings >= 5);
        let again = ok(run(&engine, &corpus, &groups, &out, 2, (0, 1)));
        assert!(again.written.is_empty());
        assert_eq!(again.skipped, [0, 1, 2]);
        for k in 0..3 {
            for t in [
                "documents",
                "problems",
                "meetings",
                "directives",
                "occurrences",
                "shingles",
            ] {
                assert!(
                    out.join(shard_name(k))
                        .join(format!("{t}.parquet"))
                        .is_file()
                );
            }
        }
        assert!(out.join("groups.parquet").is_file());

        // A run stopped while writing shard 1 left only its hidden folder: shard 1 is written
        // again, the others are not.
        std::fs::remove_dir_all(out.join(shard_name(1))).unwrap_or_else(|e| panic!("{e}"));
        let stale = out.join(".partial").join(shard_name(1));
        std::fs::create_dir_all(&stale).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(stale.join("meetings.parquet"), b"half").unwrap_or_else(|e| panic!("{e}"));
        let resumed = ok(run(&engine, &corpus, &groups, &out, 2, (0, 1)));
        assert_eq!(resumed.written, [1]);
        assert_eq!(resumed.skipped, [0, 2]);
        assert!(!stale.exists());
    }

    #[test]
    fn a_folder_of_another_extraction_is_refused_and_left_alone() {
        let engine = Engine::new();
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let corpus = seeds_in(tmp.path());
        let groups = [group(0, &["复工复产"])];
        let out = tmp.path().join("out");
        run(&engine, &corpus, &groups, &out, 5, (0, 1)).unwrap_or_else(|e| panic!("{e}"));
        let manifest = std::fs::read(out.join("manifest.json")).unwrap_or_else(|e| panic!("{e}"));
        let size = run(&engine, &corpus, &groups, &out, 2, (0, 1));
        assert!(
            matches!(&size, Err(ScaleError::Mismatch { what, .. }) if what.contains("shard size")),
            "{size:?}"
        );
        let other = run(
            &engine,
            &corpus,
            &[group(0, &["外防输入"])],
            &out,
            5,
            (0, 1),
        );
        assert!(
            matches!(&other, Err(ScaleError::Mismatch { what, .. }) if what.contains("groups")),
            "{other:?}"
        );
        std::fs::write(corpus.join("extra.txt"), "某县召开会议。")
            .unwrap_or_else(|e| panic!("{e}"));
        let files = run(&engine, &corpus, &groups, &out, 5, (0, 1));
        assert!(matches!(files, Err(ScaleError::Mismatch { .. })));
        let after = std::fs::read(out.join("manifest.json")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(manifest, after);
    }

    #[test]
    fn groups_are_read_from_phrases_json_and_anything_else_is_refused() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let analysis = crate::pipeline::analyse(
            &Engine::new(),
            crate::ingest::seed_corpus(),
            &Config::default(),
            &mut NoProgress,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let path = tmp.path().join("groups.json");
        let json = serde_json::to_string(&PhrasesOut::new(&analysis.phrases))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("{e}"));
        let read = read_groups(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read, groups_of(&analysis));
        std::fs::write(&path, "[1, 2]").unwrap_or_else(|e| panic!("{e}"));
        let err = read_groups(&path).map(|_| ()).unwrap_err().to_string();
        assert!(err.contains("phrases --json"), "{err}");
    }
}
