//! `tifa-cli bench-project DIR`: what a project costs on a folder: creating it, reopening it
//! (in a fresh process, as the app does at start), adding one report, searching, and its size.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::cli::bench::{Clock, peak_mib};
use crate::ingest::{self, ReadConfig};
use crate::meeting::Gazetteer;
use crate::pipeline::{Config, Engine};
use crate::progress::NoProgress;
use crate::project::{Project, Update};

/// What reopening a project costs, measured in a process of its own.
#[derive(Debug, Serialize, Deserialize)]
pub struct Reopen {
    /// Seconds to open the file and check its schema.
    pub open: f64,
    /// Seconds to build the gazetteer (the places above each place).
    pub gazetteer: f64,
    /// Seconds to read documents, meetings, phrase groups and corrections back.
    pub load: f64,
    /// Meetings read.
    pub meetings: usize,
    /// Peak resident memory of that process, MiB.
    pub peak_mib: f64,
}

/// Opens `file` and reads everything back, as the app does when it starts on a project.
pub fn reopen(file: &Path) -> Result<Reopen> {
    let t = std::time::Instant::now();
    let p = Project::open(file)?;
    let open = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let gazetteer = Gazetteer::load();
    let g = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let stored = p.load(&gazetteer)?;
    let load = t.elapsed().as_secs_f64();
    Ok(Reopen {
        open,
        gazetteer: g,
        load,
        meetings: stored.analysis.meetings.len(),
        peak_mib: peak_mib(),
    })
}

/// [`reopen`] of `file` in a fresh `tifa-cli bench-open` process, as the app starts on it.
pub fn reopen_in_child(file: &Path) -> Result<Reopen> {
    let exe = std::env::current_exe().context("finding tifa-cli")?;
    let child = std::process::Command::new(exe)
        .arg("bench-open")
        .arg(file)
        .output()
        .context("running bench-open")?;
    if !child.status.success() {
        bail!(
            "bench-open failed: {}",
            String::from_utf8_lossy(&child.stderr)
        );
    }
    Ok(serde_json::from_slice(&child.stdout)?)
}

/// The bench: a project of every file under `dir` but the last, reopened in a child process,
/// then the last file added, a search, and the file's size.
pub fn bench(engine: &Engine, dir: &Path, out: &mut dyn Write) -> Result<()> {
    let mut files = crate::cli::bench::files_under(dir)?;
    let Some(last) = files.pop() else {
        bail!("{}: no files", dir.display());
    };
    let work = tempfile_dir()?;
    let file = work.join("bench.tifa");
    let _ = std::fs::remove_file(&file);

    let clock = Clock::start();
    let corpus = ingest::read_paths(&files, &ReadConfig::default(), &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let docs = corpus.documents.len();
    let mut p = Project::create(&file)?;
    let (_, analysis) = p.update(
        engine,
        Update {
            add: corpus,
            ..Update::default()
        },
        &Config::default(),
        &mut NoProgress,
    )?;
    let (create_wall, create_cpu) = clock.elapsed();
    let create_peak = peak_mib();
    // What `project new` does next: the restatement analysis, computed and kept.
    let clock = Clock::start();
    let restatement = p.keep_restatement(&analysis, &crate::report::RestateConfig::default())?;
    let (keep_wall, keep_cpu) = clock.elapsed();
    let kept_meetings = restatement.meetings.len();
    drop(restatement);
    drop(analysis);
    drop(p);
    let size = std::fs::metadata(&file)?.len();

    let reopened = reopen_in_child(&file)?;

    let mut p = Project::open(&file)?;
    let one = ingest::read_paths(
        std::slice::from_ref(&last),
        &ReadConfig::default(),
        &mut NoProgress,
    )
    .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let clock = Clock::start();
    let (updated, _) = p.update(
        engine,
        Update {
            add: one,
            ..Update::default()
        },
        &Config::default(),
        &mut NoProgress,
    )?;
    let (add_wall, add_cpu) = clock.elapsed();

    let mut searches = Vec::new();
    for pattern in ["外防输入", "动态清零", "复工"] {
        let t = std::time::Instant::now();
        let hits = p.find(pattern)?;
        searches.push((
            pattern,
            t.elapsed().as_secs_f64(),
            hits.iter().map(|(_, at)| at.len()).sum::<usize>(),
        ));
    }

    writeln!(out, "{:<28}{:>10}  {:>10}", "stage", "wall s", "CPU s")?;
    writeln!(
        out,
        "{:<28}{create_wall:>10.2}  {create_cpu:>10.2}  {docs} documents, {create_peak:.0} MiB peak",
        "create (read + analyse + write)"
    )?;
    writeln!(
        out,
        "{:<28}{keep_wall:>10.2}  {keep_cpu:>10.2}  {kept_meetings} meetings",
        "restatement (compute + keep)"
    )?;
    writeln!(
        out,
        "{:<28}{:>10.2}  {:>10}  open {:.3} + gazetteer {:.3} + load {:.3}; {} meetings, {:.0} MiB peak",
        "reopen (fresh process)",
        reopened.open + reopened.gazetteer + reopened.load,
        "-",
        reopened.open,
        reopened.gazetteer,
        reopened.load,
        reopened.meetings,
        reopened.peak_mib
    )?;
    writeln!(
        out,
        "{:<28}{add_wall:>10.2}  {add_cpu:>10.2}  {} added",
        "add one report",
        updated.added.len()
    )?;
    for (pattern, secs, hits) in searches {
        writeln!(
            out,
            "{:<28}{secs:>10.3}  {:>10}  {hits} hits",
            format!("search {pattern}"),
            "-"
        )?;
    }
    writeln!(
        out,
        "{:<28}{:>10}  {:>10}  {size} bytes, {} per document",
        "file",
        "-",
        "-",
        size / (docs.max(1) as u64)
    )?;
    let _ = std::fs::remove_file(&file);
    let _ = std::fs::remove_dir(&work);
    Ok(())
}

/// A folder of its own under the system's temporary folder.
fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("tifa-bench-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
