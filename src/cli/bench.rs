//! `tifa-cli bench DIR`: times every stage of the analysis on a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::ingest::{self, ReadConfig};
use crate::model::Meeting;
use crate::phrase::PhraseIndex;
use crate::pipeline::{Analysis, Engine};
use crate::progress::NoProgress;

/// Every file under `dir`, recursively, sorted.
pub(crate) fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A stopwatch for wall time and this process's CPU time.
#[derive(Clone, Copy)]
pub(crate) struct Clock {
    wall: std::time::Instant,
    cpu: f64,
}

impl Clock {
    pub(crate) fn start() -> Self {
        Self {
            wall: std::time::Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    /// Wall and CPU seconds since the start.
    pub(crate) fn elapsed(self) -> (f64, f64) {
        (self.wall.elapsed().as_secs_f64(), cpu_seconds() - self.cpu)
    }
}

/// CPU seconds this process has used, all threads, user and system (from `/proc/self/stat`,
/// whose clock ticks are 1/100 s on Linux); 0 where `/proc` is missing.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // The command name may hold spaces; the fields after its closing parenthesis do not.
            let rest = s.rsplit_once(')')?.1;
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let utime = fields.get(11)?.parse::<f64>().ok()?;
            let stime = fields.get(12)?.parse::<f64>().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(0.0)
}

/// Peak resident memory of this process in MiB (`VmHWM`), or 0 where `/proc` is missing.
pub(crate) fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Each document as one meeting whose lines are its directives: mining whole pages, as a
/// researcher's n-gram script does, for a like-for-like speed comparison.
fn page_meetings(documents: &[crate::model::Document]) -> Vec<Meeting> {
    documents
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let mut directives = Vec::new();
            let mut at = 0;
            for line in doc.text.split_inclusive('\n') {
                let text = line.trim();
                if !text.is_empty() {
                    let start = at + (line.len() - line.trim_start().len());
                    directives.push(crate::model::Directive {
                        text: text.to_string(),
                        span: crate::model::Span::new(start, start + text.len()),
                        cue: String::new(),
                    });
                }
                at += line.len();
            }
            Meeting {
                id: crate::model::MeetingId(i as u32),
                doc: doc.id,
                article: crate::model::Span::new(0, doc.text.len()),
                place: None,
                date: None,
                title: String::new(),
                chair: None,
                directives,
                ..Meeting::default()
            }
        })
        .collect()
}

/// Each meeting's place by the one place rule, for phrase mining.
fn own_places<'a>(
    meetings: &'a [Meeting],
    documents: &'a [crate::model::Document],
) -> Vec<Option<&'a str>> {
    meetings
        .iter()
        .map(|m| crate::report::place::place(m, documents).map(|p| p.name.as_ref()))
        .collect()
}

/// Runs split and meeting detection over `documents` as the app and the other commands do
/// ([`crate::pipeline::extract`]), numbering meetings from 0.
fn detect_meetings(engine: &Engine, documents: &mut [crate::model::Document]) -> Vec<Meeting> {
    let config = crate::pipeline::Config::default();
    let per_doc =
        crate::pipeline::extract(engine, documents, &config, &mut NoProgress).unwrap_or_default();
    let mut meetings: Vec<Meeting> = per_doc.into_iter().flatten().collect();
    for (i, m) in meetings.iter_mut().enumerate() {
        m.id = crate::model::MeetingId(i as u32);
    }
    meetings
}

/// Reads every file under `dir` but the last, times each stage, then adds the last file as a
/// new report, and prints a table of wall and CPU seconds with peak memory.
pub fn bench(engine: &Engine, dir: &Path, out: &mut dyn Write) -> Result<()> {
    let mine_config = crate::phrase::MineConfig::default();
    let mut rows: Vec<(String, f64, f64, String)> = Vec::new();
    let row = |rows: &mut Vec<(String, f64, f64, String)>, name: &str, t: Clock, what: String| {
        let (wall, cpu) = t.elapsed();
        rows.push((name.to_string(), wall, cpu, what));
    };
    let total = Clock::start();

    let t = Clock::start();
    let files = files_under(dir)?;
    let Some((last, earlier)) = files.split_last() else {
        bail!("no files in {}", dir.display());
    };
    let corpus = ingest::read_paths(earlier, &ReadConfig::default(), &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    row(
        &mut rows,
        "read",
        t,
        format!(
            "{} documents, {:.1} MB",
            corpus.documents.len(),
            bytes as f64 / 1e6
        ),
    );
    let mut documents = corpus.documents;

    let t = Clock::start();
    let meetings = detect_meetings(engine, &mut documents);
    let directives: usize = meetings.iter().map(|m| m.directives.len()).sum();
    row(
        &mut rows,
        "split + meetings",
        t,
        format!("{} meetings, {directives} directives", meetings.len()),
    );

    let t = Clock::start();
    let seg = engine.segmenter();
    let mut index = PhraseIndex::build(&meetings, seg, &mine_config, &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let labels = own_places(&meetings, &documents);
    let groups = index.groups(&meetings, &documents, &labels, seg, &mine_config);
    drop(labels);
    row(
        &mut rows,
        "phrases (directives)",
        t,
        format!("{} groups", groups.len()),
    );

    // The phrase × place matrix and the clause index alignment draws on, over an analysis
    // that borrows the documents and meetings for the moment.
    let t = Clock::start();
    let ancestors = crate::pipeline::ancestors(&engine.gazetteer, &meetings, &documents);
    let mut analysis = Analysis {
        documents,
        problems: Vec::new(),
        meetings,
        phrases: groups,
        words: index.words().to_vec(),
        places: Vec::new(),
        ancestors,
    };
    analysis.refresh_places();
    let matrix = crate::report::matrix(&analysis);
    let ids: Vec<crate::model::MeetingId> = analysis.meetings.iter().map(|m| m.id).collect();
    let clauses = crate::compare::align::clauses(
        &analysis,
        &ids,
        &crate::compare::align::AlignConfig::default(),
    );
    row(
        &mut rows,
        "matrix + clauses",
        t,
        format!(
            "{} rows, {} clauses",
            matrix.to_table().rows.len(),
            clauses.len()
        ),
    );
    let t = Clock::start();
    let d = crate::report::diffusion(&analysis, &crate::report::DiffusionConfig::default());
    row(
        &mut rows,
        "diffusion",
        t,
        format!("{} cascades, {} edges", d.groups.len(), d.edges.len()),
    );
    drop(d);
    // The whole pipeline a load runs ends here; the restatement analysis is computed when the
    // Compare view asks for it, and is timed on its own.
    let (pipeline, pipeline_cpu) = total.elapsed();
    let pipeline_peak = peak_mib();
    let t = Clock::start();
    let r = crate::report::restated(&analysis, &crate::report::RestateConfig::default());
    let labelled: usize = r.meetings.iter().map(|m| m.clauses.len()).sum();
    let drawn: usize = r
        .meetings
        .iter()
        .flat_map(|m| &m.clauses)
        .filter(|c| c.label == "restated" || c.label == "adapted")
        .count();
    row(
        &mut rows,
        "restated",
        t,
        format!("{labelled} clauses, {drawn} restated or adapted"),
    );
    drop(r);
    let Analysis {
        mut documents,
        meetings,
        ..
    } = analysis;

    // Whole pages as meetings, lines as directives: what an n-gram script over files mines.
    let t = Clock::start();
    let mut pages = page_meetings(&documents);
    let mut page_index = PhraseIndex::build(&pages, seg, &mine_config, &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let page_groups = page_index.groups(&pages, &documents, &[], seg, &mine_config);
    let top: Vec<&str> = page_groups
        .iter()
        .take(10)
        .map(|g| g.phrase.as_str())
        .collect();
    row(
        &mut rows,
        "phrases (whole pages)",
        t,
        format!("{} groups; top: {}", page_groups.len(), top.join(" ")),
    );

    // One more report arrives: read it, find its meetings, add them to the index, regroup.
    let t = Clock::start();
    let mut one = ingest::read_paths(
        std::slice::from_ref(last),
        &ReadConfig::default(),
        &mut NoProgress,
    )
    .map_err(|_| anyhow::anyhow!("cancelled"))?;
    for d in &mut one.documents {
        d.id = crate::model::DocId(documents.len() as u32);
    }
    let new_meetings = detect_meetings(engine, &mut one.documents);
    let added_docs = one.documents.len();
    documents.append(&mut one.documents);
    let mut grown = meetings;
    for mut m in new_meetings {
        m.id = crate::model::MeetingId(grown.len() as u32);
        grown.push(m);
    }
    index.add(&grown, seg, &mine_config);
    let labels = own_places(&grown, &documents);
    let regrouped = index.groups(&grown, &documents, &labels, seg, &mine_config);
    drop(labels);
    row(
        &mut rows,
        "add one report",
        t,
        format!("{} groups", regrouped.len()),
    );

    // The same for whole pages: the new page joins the page index.
    let t = Clock::start();
    let first_new = documents.len() - added_docs;
    for mut p in page_meetings(&documents[first_new..]) {
        p.id = crate::model::MeetingId(pages.len() as u32);
        pages.push(p);
    }
    page_index.add(&pages, seg, &mine_config);
    let regrouped = page_index.groups(&pages, &documents, &[], seg, &mine_config);
    row(
        &mut rows,
        "add one page",
        t,
        format!("{} groups", regrouped.len()),
    );

    writeln!(
        out,
        "{:<24}{:>10}{:>10}  detail",
        "stage", "wall s", "cpu s"
    )?;
    for (name, wall, cpu, what) in &rows {
        writeln!(out, "{name:<24}{wall:>10.3}{cpu:>10.2}  {what}")?;
    }
    writeln!(
        out,
        "{:<24}{pipeline:>10.3}{pipeline_cpu:>10.2}  read + meetings + phrases + matrix + clauses + diffusion (not restated); {pipeline_peak:.1} MiB peak so far",
        "pipeline"
    )?;
    writeln!(
        out,
        "{:<24}{:>10.1}  MiB peak resident (VmHWM), {} threads",
        "memory",
        peak_mib(),
        rayon::current_num_threads()
    )?;
    Ok(())
}
