//! `tifa-cli`: the engine on the command line. Arguments in [`args`], dispatch here, terminal
//! output in [`render`], the benchmark in [`bench`]; every JSON output is a wire type of
//! [`crate::report::json`] and every table a view of [`crate::report`].

pub mod args;
pub mod bench;
pub mod bench_project;
pub mod bench_scale;
pub mod hostile;
pub mod project;
pub mod render;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Parser;

pub use args::{Cli, Command};

use crate::compare::align::{AlignConfig, align_meetings};
use crate::export::{self, ExportFormat, Table};
use crate::ingest::{self, Corpus, ReadConfig};
use crate::model::MeetingId;
use crate::pipeline::{Analysis, Config, Engine, analyse};
use crate::progress::NoProgress;
use crate::report::json::{DiffOut, MeetingsOut, PhrasesOut};
use crate::report::{DiffPair, Focus, TableKind};
use render::Marks;

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => 0,
        // A reader that stops early (`tifa-cli meetings | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            eprintln!("tifa-cli: {err:#}");
            2
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let mut lexicon = crate::phrase::Lexicon::read(cli.dict.as_deref(), cli.stop.as_deref())?;
    if let Some(file) = cli.merge.as_deref() {
        lexicon.read_merge(file)?;
    }
    let project_file = cli.project.clone();
    // A project segments as it was made, unless another lexicon is given.
    if let Some(file) = project_file.as_deref().filter(|_| lexicon.is_empty()) {
        if file.exists() {
            lexicon = project::project_lexicon(file)?;
        }
    }
    let engine = if lexicon.is_empty() {
        Engine::new()
    } else {
        Engine::with_lexicon(&lexicon)
    };
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Meetings { paths, json } => {
            let analysis = load_from(&engine, project_file.as_deref(), &paths)?;
            if json {
                write_json(&mut out, &MeetingsOut::new(&analysis))?;
            } else {
                render::write_meetings_table(&mut out, &analysis)?;
            }
        }
        Command::Phrases { paths, json } => {
            // The list shows nothing of pages that report no meeting: their dates and places
            // are left unread.
            let config = Config {
                meeting_pages_only: true,
                ..Config::default()
            };
            let analysis = load_from_with(&engine, project_file.as_deref(), &paths, &config)?;
            if json {
                write_json(&mut out, &PhrasesOut::new(&analysis.phrases))?;
            } else {
                render::write_phrases_table(&mut out, &analysis.phrases)?;
            }
            // The process ends after the list: its memory goes back whole, not the corpus's
            // allocations one by one.
            std::mem::forget(analysis);
        }
        Command::Diffusion {
            paths,
            json,
            window,
            group,
            min_meetings,
            svg,
        } => {
            if window < 1 {
                bail!("--window must be at least one day");
            }
            if svg.is_some() && group.is_empty() {
                bail!("--svg needs --group N (a group id from `tifa-cli phrases`)");
            }
            let analysis = load_from(&engine, project_file.as_deref(), &paths)?;
            if let Some(g) = group
                .iter()
                .find(|&&g| g as usize >= analysis.phrases.len())
            {
                bail!(
                    "no phrase group {g}: `tifa-cli phrases` lists {} groups (0–{})",
                    analysis.phrases.len(),
                    analysis.phrases.len().saturating_sub(1)
                );
            }
            let config = crate::report::DiffusionConfig {
                window_days: window,
                min_meetings,
                groups: group,
                ..Default::default()
            };
            let d = crate::report::diffusion(&analysis, &config);
            if let Some(dir) = &svg {
                write_charts(dir, &analysis, &d)?;
            }
            if json {
                write_json(&mut out, &d)?;
            } else {
                render::write_diffusion(&mut out, &d)?;
            }
        }
        Command::Restated {
            paths,
            json,
            window,
        } => {
            if window < 0 {
                bail!("--window must be zero days or more");
            }
            let analysis = load_from(&engine, project_file.as_deref(), &paths)?;
            let config = crate::report::RestateConfig {
                window_days: window,
                ..Default::default()
            };
            let r = project::restatement(project_file.as_deref(), &analysis, &config)?;
            if json {
                write_json(&mut out, &r)?;
            } else {
                render::write_restated(&mut out, &r)?;
            }
        }
        Command::Track {
            phrase,
            paths,
            json,
        } => {
            if phrase.trim().is_empty() {
                bail!("track needs a phrase to look for");
            }
            let analysis = load_from(&engine, project_file.as_deref(), &paths)?;
            let t = crate::report::track::track(&analysis, &phrase);
            if json {
                write_json(&mut out, &t)?;
            } else {
                render::write_track(&mut out, &t)?;
            }
        }
        Command::Compare {
            paths,
            format,
            out: path,
        } => {
            let format = output_format(format.as_deref(), path.as_deref())?;
            let analysis = load_from(&engine, project_file.as_deref(), &paths)?;
            let mut kinds = vec![TableKind::Matrix];
            // A workbook has room for the long table, keyness and the lexicon the groups were
            // mined with as sheets of their own.
            if format == ExportFormat::Xlsx {
                kinds.extend([TableKind::Cells, TableKind::Keyness]);
                if !lexicon.is_empty() {
                    kinds.push(TableKind::Lexicon);
                }
            }
            let focus = Focus {
                lexicon: Some(&lexicon),
                ..Focus::default()
            };
            let tables: Vec<Table> = kinds
                .into_iter()
                .map(|k| crate::report::table(&analysis, k, focus))
                .collect();
            write_tables(&mut out, &tables, format, path.as_deref())?;
        }
        Command::Export {
            paths,
            table,
            format,
            out: path,
            group,
            pair,
            phrase,
        } => {
            let format = output_format(format.as_deref(), path.as_deref())?;
            let analysis = load_from(&engine, project_file.as_deref(), &paths)?;
            let diff = diff_pair(&analysis, &pair)?;
            if table == TableKind::Diff && diff.is_none() {
                bail!("the diff table needs --pair A B (two meeting ids or two places)");
            }
            if table == TableKind::Side && group.is_none() {
                bail!("the side table needs --group N (a group id from `tifa-cli phrases`)");
            }
            if matches!(table, TableKind::Track | TableKind::TrackMonths) && phrase.is_none() {
                bail!("the {table} table needs --phrase TEXT (the phrase to track)");
            }
            let focus = Focus {
                diff: diff.as_ref(),
                group,
                track: phrase.as_deref(),
                lexicon: Some(&lexicon),
            };
            let t = crate::report::table(&analysis, table, focus);
            write_tables(&mut out, &[t], format, path.as_deref())?;
        }
        Command::Bench {
            hostile: true,
            scale,
            ..
        } => hostile::hostile(scale, &mut out)?,
        Command::Bench { dir, .. } => {
            let dir = dir.context("bench needs a folder, or --hostile")?;
            bench::bench(&engine, &dir, &mut out)?;
        }
        Command::BenchRead { path } => hostile::read_one(&engine, &path, &mut out)?,
        Command::Diff {
            a,
            b,
            paths,
            json,
            min_score,
        } => {
            if !(0.0..=1.0).contains(&min_score) {
                bail!("--min-score must be between 0 and 1, not {min_score}");
            }
            let analysis = load_from(&engine, project_file.as_deref(), &paths)?;
            let a = meeting_id(&analysis, &a)?;
            let b = meeting_id(&analysis, &b)?;
            let config = AlignConfig {
                min_score,
                ..AlignConfig::default()
            };
            let alignment = align_meetings(&analysis, a, b, &config)
                .with_context(|| format!("aligning {a} and {b}"))?;
            if json {
                write_json(&mut out, &DiffOut::new(&analysis, a, b, &alignment))?;
            } else {
                let style = if std::io::stdout().is_terminal() {
                    Marks::Colour
                } else {
                    Marks::Brackets
                };
                render::write_diff(
                    &mut out,
                    &analysis,
                    [a, b],
                    &alignment,
                    render::terminal_width(),
                    style,
                )?;
            }
        }
        Command::BenchProject { dir } => bench_project::bench(&engine, &dir, &mut out)?,
        Command::BenchScale {
            dir,
            documents,
            shard_size,
            work,
        } => bench_scale::bench(
            &engine,
            &dir,
            documents,
            shard_size.max(1),
            work.as_deref(),
            &mut out,
        )?,
        Command::BenchOpen { file } => {
            write_json(&mut out, &bench_project::reopen(&file)?)?;
        }
        Command::Project { action } => project::run(&engine, &lexicon, action, &mut out)?,
        Command::Search {
            pattern,
            paths,
            context,
            sort,
            limit,
            json,
            out: path,
            format,
        } => project::search(
            &engine,
            project_file.as_deref(),
            &paths,
            &project::SearchArgs {
                pattern: &pattern,
                context,
                sort,
                limit,
                json,
                out: path
                    .map(|p| {
                        Ok::<_, anyhow::Error>((output_format(format.as_deref(), Some(&p))?, p))
                    })
                    .transpose()?,
            },
            &mut out,
        )?,
        Command::Extract {
            paths,
            out: dir,
            groups,
            shard_size,
            part,
            json,
        } => {
            let part = part
                .as_deref()
                .map(parse_part)
                .transpose()?
                .unwrap_or((0, 1));
            if shard_size == 0 {
                bail!("--shard-size must be at least one file");
            }
            let reference = match (&groups, project_file.as_deref()) {
                (Some(file), _) => crate::scale::read_groups(file)?,
                (None, Some(file)) => {
                    crate::scale::groups_of(&project::load_project(&engine, file, &[])?)
                }
                (None, None) => bail!(
                    "give the reference phrase groups with --groups FILE (`tifa-cli phrases --json SAMPLE > FILE`) or --project P.tifa"
                ),
            };
            let options = crate::scale::ExtractOptions {
                shard_size,
                part,
                ..Default::default()
            };
            let mut progress = Counter::new(std::io::stderr().is_terminal());
            let done =
                crate::scale::extract(&engine, &paths, &reference, &dir, &options, &mut progress)?;
            if json {
                write_json(&mut out, &done)?;
            } else {
                writeln!(
                    out,
                    "{} files in {} shards of {shard_size}: wrote {} ({} documents, {} unreadable, {} meeting reports, {} directives, {} uses of {} groups), {} already complete, into {}",
                    done.files,
                    done.shards,
                    done.written.len(),
                    done.documents,
                    done.problems,
                    done.meetings,
                    done.directives,
                    done.occurrences,
                    reference.len(),
                    done.skipped.len(),
                    dir.display()
                )?;
            }
        }
        Command::Eval {
            paths,
            labels,
            json,
        } => {
            use crate::report::eval;
            let labelled = eval::load_labels(&labels)?;
            let report = eval::evaluate(&engine, &labelled, &paths, &mut NoProgress)
                .map_err(|_| anyhow::anyhow!("cancelled"))?;
            if json {
                write_json(&mut out, &report)?;
            } else {
                eval::write_text(&mut out, &report)?;
            }
        }
    }
    out.flush()?;
    // The process ends here: the dictionary and the place tables go back with its memory.
    std::mem::forget(engine);
    Ok(())
}

/// Writes the adoption curve, lag histogram and graph of every cascade of `d` into `dir` as
/// `curve-N.svg`, `lags-N.svg` and `graph-N.svg`.
fn write_charts(dir: &Path, analysis: &Analysis, d: &crate::report::Diffusion) -> Result<()> {
    use crate::report::diffusion::{provinces, svg};
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let province = provinces(analysis);
    for c in &d.groups {
        for (name, text) in [
            ("curve", svg::curve(c)),
            ("lags", svg::lags(c)),
            ("graph", svg::graph(d, c, &province)),
        ] {
            let path = dir.join(format!("{name}-{}.svg", c.id));
            crate::export::write::write_atomic(&path, text.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    Ok(())
}

/// Files read so far, on one line of standard error rewritten at most a few times a second,
/// when that is a terminal.
struct Counter {
    shown: bool,
    last: Option<std::time::Instant>,
}

impl Counter {
    fn new(shown: bool) -> Self {
        Self { shown, last: None }
    }
}

impl crate::Progress for Counter {
    fn report(&mut self, done: usize, total: usize) -> std::ops::ControlFlow<()> {
        let due = self
            .last
            .is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(250));
        if self.shown && (due || done == total) {
            self.last = Some(std::time::Instant::now());
            let end = if done == total { "\n" } else { "" };
            eprint!("\rread {done} of {total} files{end}");
        }
        std::ops::ControlFlow::Continue(())
    }
}

/// `I/N` for --part: part I (from 0) of N.
fn parse_part(text: &str) -> Result<(usize, usize)> {
    let parsed = text
        .split_once('/')
        .and_then(|(i, n)| Some((i.trim().parse().ok()?, n.trim().parse().ok()?)));
    match parsed {
        Some((i, n)) if n > 0 && i < n => Ok((i, n)),
        _ => bail!("--part takes I/N with 0 ≤ I < N (0/4 is the first of four), not {text:?}"),
    }
}

/// Writes one wire value as pretty JSON and a line break.
fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// True when the error is writing to a pipe whose reader has gone.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let kind = e
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                e.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The project's analysis when `project` is given (then `paths` must be empty), else [`load`].
pub fn load_from(engine: &Engine, project: Option<&Path>, paths: &[PathBuf]) -> Result<Analysis> {
    load_from_with(engine, project, paths, &Config::default())
}

/// [`load_from`] with the analysis's settings for files read (a project reads back what was
/// analysed).
pub fn load_from_with(
    engine: &Engine,
    project: Option<&Path>,
    paths: &[PathBuf],
    config: &Config,
) -> Result<Analysis> {
    match project {
        Some(file) => project::load_project(engine, file, paths),
        None => load_with(engine, paths, config),
    }
}

/// Reads `paths` (or the seeds when empty) and analyses them; fails when no file could be read.
pub fn load(engine: &Engine, paths: &[PathBuf]) -> Result<Analysis> {
    load_with(engine, paths, &Config::default())
}

/// [`load`] with the analysis's settings.
pub fn load_with(engine: &Engine, paths: &[PathBuf], config: &Config) -> Result<Analysis> {
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
    analyse(engine, corpus, config, &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))
        .context("analysing")
}

/// The export format: `--format` when given, else the `--out` file's extension, else CSV.
fn output_format(format: Option<&str>, out: Option<&Path>) -> Result<ExportFormat> {
    let format = match (format, out) {
        (Some(f), _) => f.parse::<ExportFormat>()?,
        (None, Some(p)) => ExportFormat::from_path(p).unwrap_or(ExportFormat::Csv),
        (None, None) => ExportFormat::Csv,
    };
    if !format.is_text() && out.is_none() {
        bail!("{format} is a binary format: give a file with --out");
    }
    Ok(format)
}

/// Writes `tables` to `path`, or to standard output when there is none.
pub(crate) fn write_tables(
    out: &mut dyn Write,
    tables: &[Table],
    format: ExportFormat,
    path: Option<&Path>,
) -> Result<()> {
    match path {
        Some(p) => export::write_file(p, format, tables)
            .with_context(|| format!("writing the {format} export"))?,
        None => out.write_all(&export::render(tables, format)?)?,
    }
    Ok(())
}

/// What `--pair A B` names: two meetings when both are meeting ids, else two places.
fn diff_pair(analysis: &Analysis, pair: &[String]) -> Result<Option<DiffPair>> {
    let [a, b] = pair else {
        return Ok(None);
    };
    if let (Ok(a), Ok(b)) = (meeting_id(analysis, a), meeting_id(analysis, b)) {
        return Ok(Some(DiffPair::Meetings(a, b)));
    }
    for p in [a, b] {
        if !analysis.places.iter().any(|q| q == p) {
            bail!(
                "{p:?} is neither a meeting id nor a place (places: {})",
                analysis.places.join(", ")
            );
        }
    }
    Ok(Some(DiffPair::Places(a.clone(), b.clone())))
}

/// The meeting a command-line id names: `m3` (as `meetings` prints) or `3`.
fn meeting_id(analysis: &Analysis, id: &str) -> Result<MeetingId> {
    let n = id.trim().trim_start_matches(['m', 'M']);
    let found = n
        .parse::<u32>()
        .ok()
        .map(MeetingId)
        .filter(|m| analysis.meeting(*m).is_some());
    match found {
        Some(m) => Ok(m),
        None if analysis.meetings.is_empty() => {
            bail!("unknown meeting id {id:?}: no meetings were found")
        }
        None => bail!(
            "unknown meeting id {id:?}: ids run from m0 to m{} (see `tifa-cli meetings`)",
            analysis.meetings.len() - 1
        ),
    }
}
