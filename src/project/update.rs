//! Adding documents to a project and removing them: only new documents are read and analysed
//! on their own; what looks across documents (reports of one meeting, phrases, places) is
//! assembled again over the whole, and everything is written in one transaction.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use rusqlite::{Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{APPENDED, DATA_VERSION, Project, ProjectError, stamp};
use crate::ingest::Corpus;
use crate::model::{DocId, Document, Meeting, Problem};
use crate::pipeline::{self, Analysis, Config, Engine};
use crate::progress::Progress;
use crate::text::hex;

/// The identity of a document's original bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fingerprint {
    /// SHA-256 of the bytes, in hex.
    pub sha256: String,
    /// Their length.
    pub size: u64,
    /// The file's modification time (seconds since 1970), when it is a file.
    pub modified: Option<i64>,
}

/// The fingerprint of the file `doc` was read from; of its text for a document that is no file
/// on disk (the seeds, pasted text).
pub fn fingerprint(doc: &Document) -> Fingerprint {
    let path = Path::new(&doc.path);
    if let (Ok(meta), Ok(bytes)) = (std::fs::metadata(path), std::fs::read(path)) {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs() as i64);
        return Fingerprint {
            sha256: hex(&Sha256::digest(&bytes)),
            size: bytes.len() as u64,
            modified,
        };
    }
    Fingerprint {
        sha256: hex(&Sha256::digest(doc.text.as_bytes())),
        size: doc.text.len() as u64,
        modified: None,
    }
}

/// A change to a project's corpus.
#[derive(Debug, Default)]
pub struct Update {
    /// Documents read and to be added.
    pub add: Corpus,
    /// Paths of documents to take out.
    pub remove: Vec<String>,
    /// Whether a document whose file changed since it was added (same path, other bytes) is
    /// read again; when not, it is only listed in [`Updated::changed`].
    pub reread_changed: bool,
    /// Assemble and write the analysis even when no document changed (the lexicon did).
    pub reassemble: bool,
}

/// What an update did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Updated {
    /// Documents added.
    pub added: Vec<String>,
    /// Documents found at a new path with the same bytes: their results are kept, under the
    /// new path (and so are their corrections).
    pub moved: Vec<(String, String)>,
    /// Documents already in the project as they are.
    pub unchanged: usize,
    /// Documents whose file changed since it was added, not read again.
    pub changed: Vec<String>,
    /// Documents whose file changed, read again.
    pub reread: Vec<String>,
    /// Documents taken out.
    pub removed: Vec<String>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
}

impl Updated {
    /// True when the corpus stayed as it was.
    pub fn is_nothing(&self) -> bool {
        self.added.is_empty()
            && self.moved.is_empty()
            && self.reread.is_empty()
            && self.removed.is_empty()
    }
}

/// A document row as the update sees it.
struct Row {
    id: i64,
    path: String,
    sha256: String,
}

/// A document kept in the analysis, new or old.
struct Kept {
    /// Its row, `None` for a new document.
    id: Option<i64>,
    doc: Document,
    meetings: Vec<Meeting>,
}

impl Project {
    /// Applies `update`: reads and analyses only the documents that are new (or changed, when
    /// asked), assembles the analysis over the whole corpus again and writes it all in one
    /// transaction. Returns what changed and the new analysis (without corrections), or the stored
    /// one when nothing changed.
    pub fn update(
        &mut self,
        engine: &Engine,
        update: Update,
        config: &Config,
        progress: &mut dyn Progress,
    ) -> Result<(Updated, Analysis), ProjectError> {
        let Update {
            add,
            remove,
            reread_changed,
            reassemble,
        } = update;
        let rows = self.rows()?;
        let by_path: BTreeMap<&str, &Row> = rows.iter().map(|r| (r.path.as_str(), r)).collect();
        let mut by_sha: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
        for r in &rows {
            by_sha.entry(r.sha256.as_str()).or_default().push(r);
        }
        let prints: Vec<Fingerprint> = add.documents.par_iter().map(fingerprint).collect();
        let adding: BTreeSet<String> = add.documents.iter().map(|d| d.path.clone()).collect();
        let mut out = Updated {
            problems: add.problems.clone(),
            ..Updated::default()
        };
        let mut drop_ids: BTreeSet<i64> = BTreeSet::new();
        let mut moves: Vec<(i64, String, String)> = Vec::new();
        let mut new_docs: Vec<(Document, Fingerprint)> = Vec::new();
        for path in &remove {
            if let Some(r) = by_path.get(path.as_str()) {
                drop_ids.insert(r.id);
                out.removed.push(path.clone());
            }
        }
        for (doc, print) in add.documents.into_iter().zip(prints) {
            if let Some(r) = by_path.get(doc.path.as_str()) {
                if r.sha256 == print.sha256 {
                    out.unchanged += 1;
                } else if reread_changed {
                    drop_ids.insert(r.id);
                    out.reread.push(doc.path.clone());
                    new_docs.push((doc, print));
                } else {
                    out.changed.push(doc.path.clone());
                }
                continue;
            }
            // The same bytes under a path that is gone and not added again: the file moved.
            let moved_from = by_sha.get(print.sha256.as_str()).and_then(|rs| {
                rs.iter().find(|r| {
                    !adding.contains(&r.path)
                        && !drop_ids.contains(&r.id)
                        && !moves.iter().any(|(id, ..)| *id == r.id)
                        && !Path::new(&r.path).exists()
                })
            });
            if let Some(r) = moved_from {
                moves.push((r.id, r.path.clone(), doc.path.clone()));
                out.moved.push((r.path.clone(), doc.path.clone()));
                continue;
            }
            out.added.push(doc.path.clone());
            new_docs.push((doc, print));
        }
        let has_analysis =
            (self.count("meetings")? > 0 || rows.is_empty()) && self.meta(APPENDED)?.is_none();
        if out.is_nothing() && has_analysis && !reassemble {
            let stored = self.load(&engine.gazetteer)?;
            self.write_problems(&out.problems)?;
            return Ok((out, stored.analysis));
        }

        // What is kept, in order, then what is new.
        let clock = std::time::Instant::now();
        let lap = |what: &str| log::debug!("project update: {what} at {:?}", clock.elapsed());
        let (old_docs, old_meetings) = self.documents(true)?;
        lap("documents read back");
        let ids: Vec<i64> = self.strings_i64("SELECT id FROM documents ORDER BY pos")?;
        let moved_to: BTreeMap<i64, &str> =
            moves.iter().map(|(id, _, to)| (*id, to.as_str())).collect();
        let mut kept: Vec<Kept> = Vec::new();
        for ((id, mut doc), meetings) in ids.into_iter().zip(old_docs).zip(old_meetings) {
            if drop_ids.contains(&id) {
                continue;
            }
            if let Some(to) = moved_to.get(&id) {
                doc.path = (*to).to_string();
            }
            kept.push(Kept {
                id: Some(id),
                doc,
                meetings,
            });
        }
        let first_new = kept.len();
        let mut new: Vec<Document> = Vec::with_capacity(new_docs.len());
        let mut new_prints = Vec::with_capacity(new_docs.len());
        for (i, (mut doc, print)) in new_docs.into_iter().enumerate() {
            doc.id = DocId((first_new + i) as u32);
            new.push(doc);
            new_prints.push(print);
        }
        let found = pipeline::extract(engine, &mut new, config, progress)?;
        lap("new documents analysed");
        for (doc, meetings) in new.into_iter().zip(found) {
            kept.push(Kept {
                id: None,
                doc,
                meetings,
            });
        }
        for (i, k) in kept.iter_mut().enumerate() {
            let id = DocId(i as u32);
            k.doc.id = id;
            for m in &mut k.meetings {
                m.doc = id;
            }
        }

        let known: BTreeSet<&str> = kept.iter().map(|k| k.doc.path.as_str()).collect();
        let mut problems: Vec<Problem> = self
            .problems()?
            .into_iter()
            .filter(|p| !known.contains(p.path.as_str()) && !remove.contains(&p.path))
            .collect();
        for p in &out.problems {
            if !problems.contains(p) {
                problems.push(p.clone());
            }
        }
        let rows_of: Vec<Option<i64>> = kept.iter().map(|k| k.id).collect();
        let per_doc: Vec<Vec<Meeting>> = kept.iter().map(|k| k.meetings.clone()).collect();
        let documents: Vec<Document> = kept.into_iter().map(|k| k.doc).collect();
        let analysis = pipeline::assemble(
            engine,
            documents,
            problems,
            per_doc.clone(),
            config,
            progress,
        )?;

        let new_rows = NewRows {
            first: first_new,
            prints: new_prints,
        };
        let moved_pos: BTreeSet<usize> = rows_of
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_some_and(|id| moved_to.contains_key(&id)))
            .map(|(i, _)| i)
            .collect();
        let write_doc = |i: usize| i >= first_new || moved_pos.contains(&i);
        lap("analysis assembled");
        let encoded = Encoded::new(&analysis, &per_doc, &write_doc)
            .map_err(self.value_error("the analysis"))?;
        let shifted = !drop_ids.is_empty();
        self.write(|tx| {
            for id in &drop_ids {
                unindex(tx, *id)?;
                tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
            }
            for (id, _, to) in &moves {
                let pos = rows_of.iter().position(|r| *r == Some(*id));
                let json = pos
                    .map(|p| encoded.documents[p].clone())
                    .unwrap_or_default();
                tx.execute(
                    "UPDATE documents SET path = ?1, document = ?2 WHERE id = ?3",
                    params![to, json, id],
                )?;
            }
            // Positions change only when documents were taken out.
            if shifted {
                let mut set_pos = tx.prepare("UPDATE documents SET pos = ?1 WHERE id = ?2")?;
                for (pos, id) in rows_of.iter().enumerate() {
                    if let Some(id) = id {
                        set_pos.execute(params![pos as i64, id])?;
                    }
                }
            }
            insert_documents(tx, &analysis.documents, &encoded, &new_rows, 0)?;
            write_analysis(tx, &analysis, &encoded)?;
            // Corrections follow moved files; they are read inside the transaction, so one saved
            // by the app while this update ran is kept.
            if !moves.is_empty() {
                rekey_in(tx, &moves)?;
            }
            stamp(tx)
        })?;
        lap("written");
        Ok((out, analysis))
    }

    /// Adds a batch of documents to a project being built in batches: they are analysed on their
    /// own and written with their texts and search index in one transaction, and nothing is
    /// assembled across the corpus until [`Project::assemble`]. Memory holds one batch, so a
    /// collection of any size is made a batch at a time; a batch not completed leaves the
    /// project as it was after the one before. Documents whose path is already in the project
    /// are left out (a creation that stopped goes on from the batch it stopped in). Returns how
    /// many were added.
    pub fn append(
        &mut self,
        engine: &Engine,
        batch: Corpus,
        config: &Config,
        progress: &mut dyn Progress,
    ) -> Result<usize, ProjectError> {
        let known = |p: &Self, path: &str| -> Result<bool, ProjectError> {
            p.conn
                .prepare_cached("SELECT 1 FROM documents WHERE path = ?1")
                .and_then(|mut s| s.exists([path]))
                .map_err(p.sqlite())
        };
        let mut docs = Vec::with_capacity(batch.documents.len());
        for d in batch.documents {
            if !known(self, &d.path)? {
                docs.push(d);
            }
        }
        for (i, d) in docs.iter_mut().enumerate() {
            d.id = DocId(i as u32);
        }
        let offset = self.count("documents")?;
        let prints: Vec<Fingerprint> = docs.par_iter().map(fingerprint).collect();
        let found = pipeline::extract(engine, &mut docs, config, progress)?;
        let analysis = Analysis {
            documents: docs,
            ..Analysis::default()
        };
        let encoded =
            Encoded::new(&analysis, &found, &|_| true).map_err(self.value_error("a document"))?;
        let added = analysis.documents.len();
        let new_rows = NewRows { first: 0, prints };
        let problems = batch.problems;
        self.write(|tx| {
            insert_documents(tx, &analysis.documents, &encoded, &new_rows, offset)?;
            insert_problems(tx, &problems)?;
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, '1')",
                [APPENDED],
            )?;
            stamp(tx)
        })?;
        Ok(added)
    }

    /// Assembles what looks across documents (reports of one meeting, phrases, places) over
    /// every document the project holds, from what reading each alone found, and writes it:
    /// the last step of a project built with [`Project::append`]. Texts are read from the file
    /// only where the assembly needs them.
    pub fn assemble(
        &mut self,
        engine: &Engine,
        config: &Config,
        progress: &mut dyn Progress,
    ) -> Result<Analysis, ProjectError> {
        let (documents, per_doc) = self.documents(true)?;
        let problems = self.problems()?;
        let analysis = pipeline::assemble(
            engine,
            documents,
            problems,
            per_doc.clone(),
            config,
            progress,
        )?;
        let encoded = Encoded::new(&analysis, &per_doc, &|_| false)
            .map_err(self.value_error("the analysis"))?;
        self.write(|tx| {
            write_analysis(tx, &analysis, &encoded)?;
            stamp(tx)
        })?;
        Ok(analysis)
    }

    /// Analyses every document again (after an upgrade that changed what the analysis finds),
    /// keeping documents, corrections, lexicon and state.
    pub fn reanalyse(
        &mut self,
        engine: &Engine,
        config: &Config,
        progress: &mut dyn Progress,
    ) -> Result<Analysis, ProjectError> {
        let (mut documents, _) = self.documents(false)?;
        for d in &mut documents {
            d.published = None;
            d.place = None;
        }
        let problems = self.problems()?;
        let per_doc = pipeline::extract(engine, &mut documents, config, progress)?;
        let analysis = pipeline::assemble(
            engine,
            documents,
            problems,
            per_doc.clone(),
            config,
            progress,
        )?;
        let encoded = Encoded::new(&analysis, &per_doc, &|_| true)
            .map_err(self.value_error("the analysis"))?;
        self.write(|tx| {
            let mut set =
                tx.prepare("UPDATE documents SET document = ?1, extracted = ?2 WHERE pos = ?3")?;
            for (pos, (doc, found)) in encoded.documents.iter().zip(&encoded.extracted).enumerate()
            {
                set.execute(params![doc, found, pos as i64])?;
            }
            drop(set);
            write_analysis(tx, &analysis, &encoded)?;
            stamp(tx)
        })?;
        Ok(analysis)
    }

    /// The documents whose file on disk is no longer what was read: same path, other bytes.
    /// Size and modification time are compared first, so unchanged files are not read.
    pub fn changed_on_disk(&self) -> Result<Vec<String>, ProjectError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, sha256, size, modified FROM documents WHERE modified IS NOT NULL ORDER BY pos")
            .map_err(self.sqlite())?;
        let rows: Vec<(String, String, i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .map_err(self.sqlite())?
            .collect::<Result<_, _>>()
            .map_err(self.sqlite())?;
        Ok(rows
            .into_par_iter()
            .filter(|(path, sha, size, modified)| {
                let Ok(meta) = std::fs::metadata(path) else {
                    return false;
                };
                let mtime = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_secs() as i64);
                if meta.len() == *size as u64 && mtime == Some(*modified) {
                    return false;
                }
                std::fs::read(path).is_ok_and(|b| hex(&Sha256::digest(&b)) != *sha)
            })
            .map(|(path, ..)| path)
            .collect())
    }

    fn rows(&self) -> Result<Vec<Row>, ProjectError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, path, sha256 FROM documents ORDER BY pos")
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Row {
                    id: r.get(0)?,
                    path: r.get(1)?,
                    sha256: r.get(2)?,
                })
            })
            .map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    fn strings_i64(&self, sql: &str) -> Result<Vec<i64>, ProjectError> {
        let mut stmt = self.conn.prepare(sql).map_err(self.sqlite())?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    fn write_problems(&mut self, more: &[Problem]) -> Result<(), ProjectError> {
        if more.is_empty() {
            return Ok(());
        }
        let have = self.problems()?;
        let fresh: Vec<Problem> = more.iter().filter(|p| !have.contains(p)).cloned().collect();
        if fresh.is_empty() {
            return Ok(());
        }
        self.write(|tx| insert_problems(tx, &fresh))
    }
}

/// Where new documents start in the analysis, and their fingerprints.
#[derive(Default)]
struct NewRows {
    first: usize,
    prints: Vec<Fingerprint>,
}

/// The analysis turned into JSON before the transaction starts, so that the write itself is
/// short.
struct Encoded {
    /// Each document without its text, where it is to be written.
    documents: Vec<Option<String>>,
    /// What reading each document alone found, where it is to be written.
    extracted: Vec<Option<String>>,
    meetings: Vec<String>,
    groups: Vec<String>,
}

impl Encoded {
    /// Encodes the analysis, and the documents for which `write(position)` holds.
    fn new(
        analysis: &Analysis,
        per_doc: &[Vec<Meeting>],
        write: &(dyn Fn(usize) -> bool + Sync),
    ) -> Result<Self, serde_json::Error> {
        let documents = analysis
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                if !write(i) {
                    return Ok(None);
                }
                let bare = Document {
                    text: crate::model::Text::default(),
                    ..d.clone()
                };
                serde_json::to_string(&bare).map(Some)
            })
            .collect::<Result<_, _>>()?;
        let extracted = per_doc
            .par_iter()
            .enumerate()
            .map(|(i, m)| write(i).then(|| serde_json::to_string(m)).transpose())
            .collect::<Result<_, _>>()?;
        let meetings = analysis
            .meetings
            .par_iter()
            .map(serde_json::to_string)
            .collect::<Result<_, _>>()?;
        let groups = analysis
            .phrases
            .par_iter()
            .map(serde_json::to_string)
            .collect::<Result<_, _>>()?;
        Ok(Self {
            documents,
            extracted,
            meetings,
            groups,
        })
    }
}

/// Moves the saved corrections of moved documents to their new paths, in `tx`.
fn rekey_in(tx: &Transaction<'_>, moves: &[(i64, String, String)]) -> rusqlite::Result<()> {
    let rows: Vec<(String, String)> = {
        let mut stmt = tx.prepare("SELECT meeting, correction FROM corrections")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?
    };
    let mut keys: BTreeMap<String, String> = rows.into_iter().collect();
    let before = keys.clone();
    rekey(&mut keys, moves);
    if keys != before {
        tx.execute("DELETE FROM corrections", [])?;
        let mut put =
            tx.prepare("INSERT INTO corrections (meeting, correction) VALUES (?1, ?2)")?;
        for (k, c) in &keys {
            put.execute(params![k, c])?;
        }
    }
    Ok(())
}

/// Corrections follow their document to its new path: a meeting key is `path#offset`.
fn rekey<T>(corrections: &mut BTreeMap<String, T>, moves: &[(i64, String, String)]) {
    for (_, from, to) in moves {
        let prefix = format!("{from}#");
        let keys: Vec<String> = corrections
            .keys()
            .filter(|k| k.starts_with(&prefix))
            .cloned()
            .collect();
        for k in keys {
            if let Some(c) = corrections.remove(&k) {
                corrections.insert(format!("{to}#{}", &k[prefix.len()..]), c);
            }
        }
    }
}

/// Takes a document out of the search index (an external-content index needs the old text).
fn unindex(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO text_index (text_index, rowid, text) SELECT 'delete', id, text FROM texts WHERE id = ?1",
        [id],
    )?;
    tx.execute("DELETE FROM texts WHERE id = ?1", [id])?;
    Ok(())
}

/// Writes the documents `new` names (positions in `documents` from `new.first`), at their
/// position plus `offset` in the project.
fn insert_documents(
    tx: &Transaction<'_>,
    documents: &[Document],
    encoded: &Encoded,
    new: &NewRows,
    offset: usize,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO documents (pos, path, sha256, size, modified, encoding, format, url, site, published, document, extracted, text_bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut text = tx.prepare("INSERT INTO texts (id, text) VALUES (?1, ?2)")?;
    let mut index = tx.prepare("INSERT INTO text_index (rowid, text) VALUES (?1, ?2)")?;
    for (i, print) in new.prints.iter().enumerate() {
        let pos = new.first + i;
        let d = &documents[pos];
        let format = serde_json::to_value(d.format)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        insert.execute(params![
            (offset + pos) as i64,
            d.path,
            print.sha256,
            print.size as i64,
            print.modified,
            d.encoding,
            format,
            d.meta.url,
            d.meta.site,
            d.published.map(|p| p.date.to_string()),
            encoded.documents[pos],
            encoded.extracted[pos],
            d.text.len() as i64,
        ])?;
        let id = tx.last_insert_rowid();
        text.execute(params![id, d.text.as_ref()])?;
        index.execute(params![id, d.text.as_ref()])?;
    }
    Ok(())
}

fn write_analysis(
    tx: &Transaction<'_>,
    analysis: &Analysis,
    encoded: &Encoded,
) -> rusqlite::Result<()> {
    for table in [
        "meetings",
        "directives",
        "phrase_groups",
        "occurrences",
        "places",
        "problems",
    ] {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    super::clear_restatement(tx)?;
    let mut meeting = tx.prepare(
        "INSERT INTO meetings (id, document, place, place_code, date, precision, basis, title, chair, meeting, words)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut directive =
        tx.prepare("INSERT INTO directives (meeting, n, cue, text) VALUES (?1, ?2, ?3, ?4)")?;
    for (m, json) in analysis.meetings.iter().zip(&encoded.meetings) {
        meeting.execute(params![
            i64::from(m.id.0),
            i64::from(m.doc.0),
            m.place.as_ref().map(|p| p.name.as_ref()),
            m.place.as_ref().map(|p| p.code.as_ref()),
            m.date.map(|d| d.date.to_string()),
            m.date.map(|d| d.precision.as_str()),
            m.date.map(|d| d.basis.as_str()),
            m.title,
            m.chair,
            json,
            analysis.words.get(m.id.0 as usize).map(|&w| i64::from(w)),
        ])?;
        for (n, d) in m.directives.iter().enumerate() {
            directive.execute(params![i64::from(m.id.0), n as i64, d.cue, d.text])?;
        }
    }
    let mut group = tx.prepare(
        "INSERT INTO phrase_groups (rank, id, phrase, score, places, grp) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut occurrence = tx.prepare(
        "INSERT INTO occurrences (grp, meeting, directive, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (rank, (g, json)) in analysis.phrases.iter().zip(&encoded.groups).enumerate() {
        group.execute(params![
            rank as i64,
            i64::from(g.id),
            g.phrase,
            g.score,
            g.places.len() as i64,
            json
        ])?;
        for o in &g.occurrences {
            occurrence.execute(params![
                i64::from(g.id),
                i64::from(o.meeting.0),
                o.directive as i64,
                o.span.start as i64,
                o.span.end as i64,
                o.text,
            ])?;
        }
    }
    // Documents appended since the last assembly are in it now.
    tx.execute("DELETE FROM meta WHERE key = ?1", [APPENDED])?;
    // What the stored analysis means: a later Tifa whose results differ sees it is stale.
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('data_version', ?1)",
        [DATA_VERSION.to_string()],
    )?;
    let mut place = tx.prepare("INSERT OR IGNORE INTO places (name) VALUES (?1)")?;
    for p in &analysis.places {
        place.execute([p])?;
    }
    insert_problems(tx, &analysis.problems)
}

/// Writes `problems` (files that could not be read) after those already there.
fn insert_problems(tx: &Transaction<'_>, problems: &[Problem]) -> rusqlite::Result<()> {
    let mut put = tx.prepare("INSERT INTO problems (path, message) VALUES (?1, ?2)")?;
    for p in problems {
        put.execute(params![p.path, p.message])?;
    }
    Ok(())
}
