//! `tifa-cli bench-scale DIR`: the scale path on a synthetic collection of any size made from
//! the folder's documents (each copy naming other places and years): extraction into Parquet
//! shards with its peak memory, the `DuckDB` aggregation, the import into a project and the
//! project reopened in a fresh process.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::cli::bench::{Clock, peak_mib};
use crate::cli::bench_project::{Reopen, reopen_in_child};
use crate::ingest::{self, ReadConfig};
use crate::pipeline::{self, Config, Engine};
use crate::progress::NoProgress;
use crate::project::Project;
use crate::scale::{self, ExtractOptions, Synthetic};

/// Runs the bench; `work` (a temporary folder when absent) receives the shards, the aggregate
/// and the project, and is left in place when given.
pub fn bench(
    engine: &Engine,
    dir: &Path,
    documents: usize,
    shard_size: usize,
    work: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let (work, keep) = match work {
        Some(w) => (w.to_path_buf(), true),
        None => (
            std::env::temp_dir().join(format!("tifa-bench-scale-{}", std::process::id())),
            false,
        ),
    };
    let shards = work.join("shards");
    if shards.exists() {
        bail!(
            "{} exists: give an empty folder with --work (a run there would resume, not measure)",
            shards.display()
        );
    }
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;

    let clock = Clock::start();
    let corpus = ingest::read_paths(
        &[dir.to_path_buf()],
        &ReadConfig::default(),
        &mut NoProgress,
    )
    .map_err(|_| anyhow::anyhow!("cancelled"))?;
    if corpus.documents.is_empty() {
        bail!("{}: no document could be read", dir.display());
    }
    // Each document is read for meetings once: for the reference groups and for the places
    // its copies swap.
    let config = Config::default();
    let cancelled = |_| anyhow::anyhow!("cancelled");
    let mut docs = corpus.documents;
    let per_doc =
        pipeline::extract(engine, &mut docs, &config, &mut NoProgress).map_err(cancelled)?;
    let synthetic = Arc::new(Synthetic::new(&engine.gazetteer, docs.clone(), &per_doc));
    let base = pipeline::assemble(
        engine,
        docs,
        corpus.problems,
        per_doc,
        &config,
        &mut NoProgress,
    )
    .map_err(cancelled)?;
    let groups = scale::groups_of(&base);
    drop(base);
    let (prepare_wall, _) = clock.elapsed();

    let clock = Clock::start();
    let options = ExtractOptions {
        shard_size,
        ..ExtractOptions::default()
    };
    let done = scale::extract_synthetic(
        engine,
        &synthetic,
        documents,
        &groups,
        &shards,
        &options,
        &mut NoProgress,
    )?;
    let (extract_wall, extract_cpu) = clock.elapsed();
    let extract_peak = peak_mib();
    let bytes = folder_bytes(&shards);

    // The same collection as one project file holding every document and its text, made a
    // shard at a time and assembled once, then reopened as the app opens it.
    let collection = work.join("collection.tifa");
    let _ = std::fs::remove_file(&collection);
    let clock = Clock::start();
    let mut p = Project::create(&collection)?;
    for start in (0..documents).step_by(shard_size.max(1)) {
        let batch: Vec<_> = (start..documents.min(start + shard_size.max(1)))
            .into_par_iter()
            .map(|i| synthetic.document(i))
            .collect();
        p.append(
            engine,
            ingest::Corpus {
                documents: batch,
                ..ingest::Corpus::default()
            },
            &config,
            &mut NoProgress,
        )?;
    }
    let (append_wall, append_cpu) = clock.elapsed();
    let clock = Clock::start();
    let assembled = p.assemble(engine, &config, &mut NoProgress)?;
    let (assemble_wall, assemble_cpu) = clock.elapsed();
    let collection_meetings = assembled.meetings.len();
    drop(assembled);
    let clock = Clock::start();
    let hits = p.find("外防输入")?;
    let (search_wall, _) = clock.elapsed();
    drop(p);
    let collection_peak = peak_mib();
    let collection_bytes = std::fs::metadata(&collection).map_or(0, |m| m.len());
    let collection_reopen = reopen_in_child(&collection)?;

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scale/aggregate.py");
    let aggregate = work.join("aggregate");
    let clock = Clock::start();
    let ran = std::process::Command::new("python3")
        .arg(&script)
        .arg(&shards)
        .arg(&aggregate)
        .output();
    let (aggregate_wall, _) = clock.elapsed();
    let aggregated = match ran {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).trim().to_string()),
        Ok(o) => {
            writeln!(
                out,
                "aggregation failed (needs python3 with duckdb and {}): {}",
                script.display(),
                String::from_utf8_lossy(&o.stderr).trim()
            )?;
            None
        }
        Err(e) => {
            writeln!(out, "aggregation not run: python3: {e}")?;
            None
        }
    };

    let mut reopened: Option<(Reopen, usize, f64)> = None;
    if aggregated.is_some() {
        let file = work.join("national.tifa");
        let _ = std::fs::remove_file(&file);
        let clock = Clock::start();
        let a = scale::Aggregate::read(&aggregate)?;
        let mut p = Project::create(&file)?;
        p.set_aggregate(Some(&a))?;
        drop(p);
        let (import_wall, _) = clock.elapsed();
        reopened = Some((reopen_in_child(&file)?, a.cells.len(), import_wall));
    }

    writeln!(out, "{:<30}{:>10}  {:>10}", "stage", "wall s", "CPU s")?;
    writeln!(
        out,
        "{:<30}{prepare_wall:>10.2}  {:>10}  {} real documents, {} places to swap, {} reference groups",
        "read + reference groups",
        "-",
        synthetic.base_len(),
        synthetic.places(),
        groups.len()
    )?;
    writeln!(
        out,
        "{:<30}{extract_wall:>10.2}  {extract_cpu:>10.2}  {} documents ({:.0}/s) in {} shards of {shard_size}, {} meeting reports, {} directives, {} uses; {extract_peak:.0} MiB peak",
        "extract (make + analyse + write)",
        done.documents,
        done.documents as f64 / extract_wall.max(1e-9),
        done.shards,
        done.meetings,
        done.directives,
        done.occurrences
    )?;
    writeln!(
        out,
        "{:<30}{:>10}  {:>10}  {bytes} bytes, {} per document",
        "Parquet shards",
        "-",
        "-",
        bytes / (done.documents.max(1) as u64)
    )?;
    writeln!(
        out,
        "{:<30}{append_wall:>10.2}  {append_cpu:>10.2}  {documents} documents with their texts and search index, a shard at a time",
        "project: make + analyse + write"
    )?;
    writeln!(
        out,
        "{:<30}{assemble_wall:>10.2}  {assemble_cpu:>10.2}  {collection_meetings} meetings; {collection_peak:.0} MiB peak so far",
        "project: assemble"
    )?;
    writeln!(
        out,
        "{:<30}{:>10.2}  {:>10}  open {:.3} + gazetteer {:.3} + load {:.3}; {} meetings, {:.0} MiB peak",
        "project: reopen (fresh process)",
        collection_reopen.open + collection_reopen.gazetteer + collection_reopen.load,
        "-",
        collection_reopen.open,
        collection_reopen.gazetteer,
        collection_reopen.load,
        collection_reopen.meetings,
        collection_reopen.peak_mib
    )?;
    writeln!(
        out,
        "{:<30}{search_wall:>10.3}  {:>10}  {} documents",
        "project: search 外防输入",
        "-",
        hits.len()
    )?;
    writeln!(
        out,
        "{:<30}{:>10}  {:>10}  {collection_bytes} bytes, {} per document",
        "project file",
        "-",
        "-",
        collection_bytes / (documents.max(1) as u64)
    )?;
    if let Some(summary) = &aggregated {
        writeln!(
            out,
            "{:<30}{aggregate_wall:>10.2}  {:>10}  {summary}",
            "aggregate (DuckDB)", "-"
        )?;
    }
    if let Some((r, cells, import_wall)) = &reopened {
        writeln!(
            out,
            "{:<30}{import_wall:>10.2}  {:>10}  {cells} cells",
            "import into a project", "-"
        )?;
        writeln!(
            out,
            "{:<30}{:>10.2}  {:>10}  open {:.3} + gazetteer {:.3} + load {:.3}; {:.0} MiB peak",
            "reopen (fresh process)",
            r.open + r.gazetteer + r.load,
            "-",
            r.open,
            r.gazetteer,
            r.load,
            r.peak_mib
        )?;
    }
    if !keep {
        let _ = std::fs::remove_dir_all(&work);
    }
    Ok(())
}

fn folder_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                total += e.metadata().map_or(0, |m| m.len());
            }
        }
    }
    total
}
