//! A collection larger than any at hand, for measuring the scale path: the documents of a real
//! corpus replicated, each copy naming other places and other years, made shard by shard so that
//! memory holds the real corpus and one shard, never the whole.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use regex::Regex;

use super::{
    DONE, ExtractOptions, Extracted, RefGroup, ScaleError, claim, shard_name, write_documents,
};
use crate::meeting::Gazetteer;
use crate::model::{DocId, Document, Meeting, PlaceLevel};
use crate::pipeline::Engine;
use crate::progress::Progress;

/// The real documents and, for each, the places it names, to be swapped in its copies.
#[derive(Debug)]
pub struct Synthetic {
    base: Vec<Document>,
    /// Per document: the index into `pool` of each county or prefecture its meetings or
    /// masthead name.
    names: Vec<Vec<usize>>,
    /// The counties and prefectures swapped between copies: (full name, short name).
    pool: Vec<(String, String)>,
    years: Regex,
    iso: Regex,
}

impl Synthetic {
    /// The documents of a corpus as [`pipeline::extract`] left them, and the meetings it found
    /// in each: the places each names are swapped in its copies, for any county or prefecture
    /// of `g`.
    pub fn new(g: &Gazetteer, docs: Vec<Document>, per_doc: &[Vec<Meeting>]) -> Self {
        // The places to swap: every county and prefecture whose short name names it alone, in
        // the order of their codes, so that a copy's places are near its original's.
        let mut candidates: Vec<&crate::model::Place> = g
            .places()
            .iter()
            .filter(|p| matches!(p.level, PlaceLevel::County | PlaceLevel::Prefecture))
            .filter(|p| p.name.chars().count() >= 2 && g.find(&p.name).len() == 1)
            .collect();
        candidates.sort_by(|a, b| a.code.cmp(&b.code));
        let pool: Vec<(String, String)> = candidates
            .iter()
            .map(|p| (p.full.to_string(), p.name.to_string()))
            .collect();
        let index: BTreeMap<&str, usize> = candidates
            .iter()
            .enumerate()
            .map(|(i, p)| (p.code.as_ref(), i))
            .collect();
        let names = docs
            .iter()
            .zip(per_doc)
            .map(|(doc, meetings)| {
                let own: BTreeSet<usize> = meetings
                    .iter()
                    .filter_map(|m| m.place.as_ref())
                    .chain(doc.place.as_ref())
                    .filter_map(|p| index.get(p.code.as_ref()).copied())
                    .collect();
                own.into_iter().collect()
            })
            .collect();
        // Both patterns are fixed and valid.
        let years = Regex::new(r"(20[0-3][0-9])年").unwrap_or_else(|_| unreachable!());
        let iso = Regex::new(r"(20[0-3][0-9])-([01]?[0-9])-").unwrap_or_else(|_| unreachable!());
        Self {
            base: docs,
            names,
            pool,
            years,
            iso,
        }
    }

    /// Real documents replicated.
    pub fn base_len(&self) -> usize {
        self.base.len()
    }

    /// Places swapped between copies (those the documents name and all others).
    pub fn places(&self) -> usize {
        self.pool.len()
    }

    /// Document `i`: copy `i / n` of real document `i % n`; copy 0 is the document itself,
    /// later copies name the `r`-th next places of the pool in its places' stead, and years
    /// moved on by `r` modulo 3.
    pub fn document(&self, i: usize) -> Document {
        let (b, r) = self.source(i);
        let mut doc = Document::from_text(DocId(0), self.path(i), &self.text(b, r));
        doc.meta = self.base[b].meta.clone();
        doc
    }

    /// The real document copy `i` is made from, and which copy of it it is.
    fn source(&self, i: usize) -> (usize, usize) {
        let n = self.base.len().max(1);
        (i % n, i / n)
    }

    /// The path document `i` is listed under: its copy number, then its real document's path.
    pub fn path(&self, i: usize) -> String {
        let (b, r) = self.source(i);
        format!("synthetic/{r:05}/{}", self.base[b].path)
    }

    fn text(&self, b: usize, r: usize) -> String {
        let base = &self.base[b];
        if r == 0 || self.pool.is_empty() {
            return base.text.to_string();
        }
        let mut text = base.text.to_string();
        for &p in &self.names[b] {
            let (full, short) = &self.pool[p];
            let (to_full, to_short) = &self.pool[(p + r) % self.pool.len()];
            text = text
                .replace(full.as_str(), to_full)
                .replace(short.as_str(), to_short);
        }
        let shift = (r % 3) as i32;
        if shift > 0 {
            let moved = |c: &regex::Captures<'_>, rest: &str| {
                let y: i32 = c[1].parse().unwrap_or(2020);
                format!("{}{rest}", y + shift)
            };
            text = self
                .years
                .replace_all(&text, |c: &regex::Captures<'_>| moved(c, "年"))
                .into_owned();
            text = self
                .iso
                .replace_all(&text, |c: &regex::Captures<'_>| {
                    moved(c, &format!("-{}-", &c[2]))
                })
                .into_owned();
        }
        text
    }
}

/// [`super::extract`] over `n` documents of `synthetic` instead of files: shards made, analysed
/// and written one after the other.
pub fn extract_synthetic(
    engine: &Engine,
    synthetic: &Arc<Synthetic>,
    n: usize,
    groups: &[RefGroup],
    out: &Path,
    options: &ExtractOptions,
    progress: &mut dyn Progress,
) -> Result<Extracted, ScaleError> {
    let size = options.shard_size.max(1);
    let shards = n.div_ceil(size);
    std::fs::create_dir_all(out).map_err(|e| ScaleError::io(out, &e))?;
    claim(out, (0..n).map(|i| synthetic.path(i)), groups, size, shards)?;
    super::write_groups(&out.join("groups.parquet"), groups)?;
    let (part, parts) = (options.part.0, options.part.1.max(1));
    let mut done = Extracted {
        files: n,
        shards,
        ..Extracted::default()
    };
    let mut made = 0;
    for k in (0..shards).filter(|k| k % parts == part) {
        if out.join(shard_name(k)).join(DONE).is_file() {
            done.skipped.push(k);
            continue;
        }
        let range = k * size..n.min((k + 1) * size);
        let documents: Vec<Document> = range
            .clone()
            .into_par_iter()
            .enumerate()
            .map(|(j, i)| {
                let mut d = synthetic.document(i);
                d.id = DocId(j as u32);
                d
            })
            .collect();
        let numbers: Vec<i64> = range.clone().map(|i| i as i64).collect();
        let counts = write_documents(
            engine,
            documents,
            &numbers,
            &[],
            groups,
            out,
            k,
            &options.analysis,
        )?;
        made += range.len();
        if progress.report(made, n).is_break() {
            return Err(ScaleError::Cancelled);
        }
        done.written.push(k);
        done.documents += counts.documents;
        done.meetings += counts.meetings;
        done.directives += counts.directives;
        done.occurrences += counts.occurrences;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline;
    use crate::progress::NoProgress;

    #[test]
    fn copies_name_other_places_and_years_and_copy_zero_is_the_document() {
        let engine = Engine::new();
        let mut seeds = crate::ingest::seed_corpus().documents;
        let found = pipeline::extract(
            &engine,
            &mut seeds,
            &pipeline::Config::default(),
            &mut NoProgress,
        )
        .unwrap_or_default();
        let s = Synthetic::new(&engine.gazetteer, seeds, &found);
        assert_eq!(s.base_len(), 5);
        assert!(s.places() >= 3, "永康, 盐城, 嵊州 and more");
        let original = s.document(0);
        assert_eq!(
            &*original.text,
            &*crate::ingest::seed_corpus().documents[0].text
        );
        let copy = s.document(5);
        assert_ne!(copy.text, original.text);
        assert!(copy.path.starts_with("synthetic/00001/"));
        // The copy's meetings are found, in another place or year.
        let mut docs = vec![original, copy];
        docs[1].id = DocId(1);
        let per_doc = pipeline::extract(
            &engine,
            &mut docs,
            &pipeline::Config::default(),
            &mut NoProgress,
        )
        .unwrap_or_default();
        assert_eq!(per_doc[0].len(), per_doc[1].len());
        let key = |m: &crate::model::Meeting| {
            (
                m.place.as_ref().map(|p| p.name.to_string()),
                m.date.map(|d| d.date),
            )
        };
        assert!(
            per_doc[0]
                .iter()
                .zip(&per_doc[1])
                .all(|(a, b)| key(a) != key(b)),
            "{:?} / {:?}",
            per_doc[0].iter().map(key).collect::<Vec<_>>(),
            per_doc[1].iter().map(key).collect::<Vec<_>>()
        );
    }
}
