//! `tifa-cli`: the engine on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::ingest::{self, Corpus, ReadConfig};
use crate::model::{Meeting, PhraseGroup};
use crate::pipeline::{Analysis, Config, Engine, analyse};
use crate::progress::NoProgress;

/// Reads Chinese meeting reports and compares how policy formulae travel between places.
#[derive(Debug, Parser)]
#[command(name = "tifa-cli", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lists the meetings found, with place, date, title, chair and directives.
    Meetings {
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Lists recurring directive phrases and their variants, best first.
    Phrases {
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Writes the phrase × place matrix.
    Compare {
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// csv, xlsx, md or json.
        #[arg(long, default_value = "csv")]
        format: String,
        /// Where to write it; standard output when absent (not for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Aligns two meetings' directives clause by clause.
    Diff {
        /// Meeting ids from `meetings` (e.g. m0 m3).
        a: String,
        /// The second meeting.
        b: String,
        /// Files or folders to read; none reads the built-in seed reports.
        #[arg(long = "path")]
        paths: Vec<PathBuf>,
        /// Print JSON instead of a side-by-side view.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("tifa-cli: {err:#}");
            2
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let engine = Engine::new();
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Meetings { paths, json } => {
            let analysis = load(&engine, &paths)?;
            if json {
                let v = meetings_json(&analysis);
                serde_json::to_writer_pretty(&mut out, &v)?;
                writeln!(out)?;
            } else {
                write_meetings_table(&mut out, &analysis)?;
            }
        }
        Command::Phrases { paths, json } => {
            let analysis = load(&engine, &paths)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &phrases_json(&analysis.phrases))?;
                writeln!(out)?;
            } else {
                write_phrases_table(&mut out, &analysis.phrases)?;
            }
        }
        Command::Compare {
            paths,
            format,
            out: path,
        } => {
            let analysis = load(&engine, &paths)?;
            let _ = (analysis, format, path);
            bail!("compare: not built yet");
        }
        Command::Diff { a, b, paths, json } => {
            let analysis = load(&engine, &paths)?;
            let _ = (analysis, a, b, json);
            bail!("diff: not built yet");
        }
    }
    out.flush()?;
    Ok(())
}

/// Reads `paths` (or the seeds when empty) and analyses them; fails when no file could be read.
pub fn load(engine: &Engine, paths: &[PathBuf]) -> Result<Analysis> {
    let corpus: Corpus = if paths.is_empty() {
        ingest::seed_corpus()
    } else {
        ingest::read_paths(paths, &ReadConfig::default(), &mut NoProgress)
            .map_err(|_| anyhow::anyhow!("cancelled"))?
    };
    if corpus.documents.is_empty() {
        let why = corpus.problems.first().map_or_else(
            || "no files given".to_string(),
            |p| format!("{}: {}", p.message, p.path),
        );
        bail!(
            "no file could be read ({} problem(s)); first: {why}",
            corpus.problems.len()
        );
    }
    analyse(engine, corpus, &Config::default(), &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))
        .context("analysing")
}

/// The JSON object printed by `meetings --json`.
pub fn meetings_json(analysis: &Analysis) -> Value {
    let documents: Vec<Value> = analysis
        .documents
        .iter()
        .map(|d| {
            json!({
                "path": d.path,
                "encoding": d.encoding,
                "format": d.format.as_str(),
                "published": d.published.map(|p| p.date.to_string()),
                "published_basis": d.published.map(|p| p.basis.as_str()),
                "place": d.place.as_ref().map(|p| p.name.to_string()),
                "problems": d.problems,
            })
        })
        .collect();
    let meetings: Vec<Value> = analysis
        .meetings
        .iter()
        .map(|m| meeting_json(analysis, m))
        .collect();
    json!({
        "documents": documents,
        "meetings": meetings,
        "problems": analysis.problems.iter().map(|p| json!({"path": p.path, "message": p.message})).collect::<Vec<_>>(),
    })
}

fn meeting_json(analysis: &Analysis, m: &Meeting) -> Value {
    let document = analysis.document_of(m).map_or("", |d| d.path.as_str());
    json!({
        "id": m.id.to_string(),
        "document": document,
        "place": m.place.as_ref().map(|p| p.name.to_string()),
        "place_full": m.place.as_ref().map(|p| p.full.to_string()),
        "date": m.date.map(|d| d.date.to_string()),
        "date_basis": m.date.map(|d| d.basis.as_str()),
        "title": m.title,
        "chair": m.chair,
        "directives": m.directives.iter().map(|d| json!({
            "text": d.text, "cue": d.cue, "start": d.span.start, "end": d.span.end,
        })).collect::<Vec<_>>(),
    })
}

/// The JSON object printed by `phrases --json`: groups best first, each with its variants, its
/// use per place and what differs between its variants.
pub fn phrases_json(groups: &[PhraseGroup]) -> Value {
    let groups: Vec<Value> = groups
        .iter()
        .map(|g| {
            let places: serde_json::Map<String, Value> = g
                .places
                .iter()
                .map(|(name, u)| {
                    let first = u.first.map(|d| d.to_string());
                    (
                        name.clone(),
                        json!({ "count": u.count, "meetings": u.meetings, "first": first }),
                    )
                })
                .collect();
            json!({
                "id": g.id,
                "phrase": g.phrase,
                "variants": g.variants.iter().map(|v| json!({ "text": v.text, "count": v.count })).collect::<Vec<_>>(),
                "differs": g.differs,
                "places": places,
                "meetings": g.meetings.len(),
                "score": g.score,
            })
        })
        .collect();
    json!({ "groups": groups })
}

fn write_phrases_table(out: &mut dyn Write, groups: &[PhraseGroup]) -> Result<()> {
    writeln!(out, "#\tscore\tmeetings\tphrase\tplaces\tvariants")?;
    for g in groups {
        let places: Vec<String> = g
            .places
            .iter()
            .map(|(name, u)| format!("{name} {}", u.meetings))
            .collect();
        let variants: Vec<String> = g
            .variants
            .iter()
            .map(|v| format!("{}×{}", v.text, v.count))
            .collect();
        writeln!(
            out,
            "{}\t{:.2}\t{}\t{}\t{}\t{}",
            g.id,
            g.score,
            g.meetings.len(),
            g.phrase,
            places.join(", "),
            variants.join(" ")
        )?;
    }
    Ok(())
}

fn write_meetings_table(out: &mut dyn Write, analysis: &Analysis) -> Result<()> {
    for m in &analysis.meetings {
        let place = m.place.as_ref().map_or("?", |p| &p.name);
        let date = m.date.map_or_else(
            || "?".to_string(),
            |d| format!("{} ({})", d.date, d.basis.as_str()),
        );
        writeln!(
            out,
            "{}\t{place}\t{date}\t{}\t{}\t{} directives",
            m.id,
            m.title,
            m.chair.as_deref().unwrap_or("-"),
            m.directives.len()
        )?;
    }
    for p in &analysis.problems {
        writeln!(out, "problem: {}: {}", p.message, p.path)?;
    }
    Ok(())
}

#[allow(dead_code)]
fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
