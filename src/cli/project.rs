//! `tifa-cli project new|add|remove|info|reanalyse`, `tifa-cli search`, and `--project` for every
//! command that reads a corpus.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::args::ProjectCommand;
use crate::ingest::{self, Corpus, ReadConfig};
use crate::pipeline::{Analysis, Config, Engine};
use crate::progress::NoProgress;
use crate::project::{self, KwicSort, Project, Update, Updated};

/// The analysis stored in `path`, with the project's corrections applied; `paths` must be empty
/// (files are added with `project add`).
pub fn load_project(engine: &Engine, path: &Path, paths: &[PathBuf]) -> Result<Analysis> {
    if !paths.is_empty() {
        bail!(
            "with --project the corpus is the project's; add files with `tifa-cli project add {} FILE…`",
            path.display()
        );
    }
    let p = Project::open(path)?;
    let stored = p.load(&engine.gazetteer)?;
    for problem in &stored.problems {
        eprintln!("tifa-cli: {}: {problem}", path.display());
    }
    if stored.stale {
        eprintln!(
            "tifa-cli: {} was analysed by another version of Tifa; `tifa-cli project reanalyse {}` brings it up to date",
            path.display(),
            path.display()
        );
    }
    Ok(crate::correct::corrected(
        &stored.analysis,
        &stored.corrections,
        &engine.gazetteer,
    ))
}

/// The restatement analysis of `analysis` with `config`: with a project, the one it keeps when
/// that was computed from the same analysis and settings, else computed and then kept in it.
pub fn restatement(
    project: Option<&Path>,
    analysis: &Analysis,
    config: &crate::report::RestateConfig,
) -> Result<crate::report::Restatement> {
    Ok(match project {
        Some(path) => crate::project::restatement_in(path, analysis, config)?,
        None => crate::report::restated(analysis, config),
    })
}

/// The lexicon saved in a project, for an engine that segments as the project does.
pub fn project_lexicon(path: &Path) -> Result<crate::phrase::Lexicon> {
    Ok(Project::open(path)?.lexicon()?)
}

fn read(paths: &[PathBuf]) -> Result<Corpus> {
    if paths.is_empty() {
        return Ok(ingest::seed_corpus());
    }
    ingest::read_paths(paths, &ReadConfig::default(), &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))
}

fn say_updated(out: &mut dyn Write, p: &Project, u: &Updated, a: &Analysis) -> Result<()> {
    writeln!(
        out,
        "{}: {} added, {} moved, {} read again, {} removed, {} unchanged; {} documents, {} meetings, {} phrase groups",
        p.path().display(),
        u.added.len(),
        u.moved.len(),
        u.reread.len(),
        u.removed.len(),
        u.unchanged,
        a.documents.len(),
        a.meetings.len(),
        a.phrases.len(),
    )?;
    for (from, to) in &u.moved {
        writeln!(out, "moved\t{from}\t{to}")?;
    }
    for path in &u.changed {
        writeln!(
            out,
            "changed on disk, not read again (use --reread)\t{path}"
        )?;
    }
    for problem in &u.problems {
        writeln!(out, "not read\t{}\t{}", problem.path, problem.message)?;
    }
    Ok(())
}

/// The engine a project's own work uses: `engine` when a lexicon was given on the command line
/// (or the project has none), else one with the project's lexicon.
fn engine_for<'a>(
    engine: &'a Engine,
    given: &crate::phrase::Lexicon,
    p: &Project,
    own: &'a mut Option<Engine>,
) -> Result<&'a Engine> {
    let stored = p.lexicon()?;
    if given.is_empty() && !stored.is_empty() {
        Ok(own.insert(Engine::with_lexicon(&stored)))
    } else {
        Ok(engine)
    }
}

/// Files read, analysed and written at a time when a project is made from files: memory holds
/// one batch and the assembled analysis, never the whole collection's texts.
const BATCH: usize = 2_000;

/// Makes the new project `p` from the files under `paths`, a batch at a time, then assembles
/// the analysis across all of them.
fn create_in_batches(
    engine: &Engine,
    p: &mut Project,
    paths: &[PathBuf],
) -> Result<(Updated, Analysis)> {
    let cancelled = |_| anyhow::anyhow!("cancelled");
    let (files, mut listed) = ingest::list_files(paths);
    let config = Config::default();
    let mut u = Updated::default();
    for batch in files.chunks(BATCH) {
        let (mut corpus, _) = ingest::read_files(batch, &ReadConfig::default(), &mut NoProgress)
            .map_err(cancelled)?;
        // What listing met goes with the first batch; with no file at all, on its own below.
        corpus.problems.append(&mut listed);
        corpus.problems.sort();
        u.added
            .extend(corpus.documents.iter().map(|d| d.path.clone()));
        u.problems.extend(corpus.problems.iter().cloned());
        p.append(engine, corpus, &config, &mut NoProgress)?;
    }
    if !listed.is_empty() {
        u.problems.extend(listed.iter().cloned());
        p.append(
            engine,
            Corpus {
                problems: listed,
                ..Corpus::default()
            },
            &config,
            &mut NoProgress,
        )?;
    }
    let a = p.assemble(engine, &config, &mut NoProgress)?;
    Ok((u, a))
}

/// Runs one `project` subcommand.
pub fn run(
    engine: &Engine,
    lexicon: &crate::phrase::Lexicon,
    command: ProjectCommand,
    out: &mut dyn Write,
) -> Result<()> {
    match command {
        ProjectCommand::New { file, paths, json } => {
            let file = with_extension(file);
            let mut p = Project::create(&file)?;
            if !lexicon.is_empty() {
                p.set_lexicon(lexicon)?;
            }
            let (u, a) = if paths.is_empty() {
                let update = Update {
                    add: ingest::seed_corpus(),
                    ..Update::default()
                };
                p.update(engine, update, &Config::default(), &mut NoProgress)?
            } else {
                create_in_batches(engine, &mut p, &paths)?
            };
            // A new project keeps its restatement analysis too: the Compare view and
            // `restated --project` read it back instead of computing it.
            p.keep_restatement(&a, &crate::report::RestateConfig::default())?;
            report(out, &p, &u, &a, json)?;
        }
        ProjectCommand::Add {
            file,
            paths,
            reread,
            json,
        } => {
            let mut p = Project::open(&file)?;
            // `--reread` alone reads again every file that changed since it was added.
            let paths = if paths.is_empty() && reread {
                p.changed_on_disk()?
                    .into_iter()
                    .map(PathBuf::from)
                    .collect()
            } else {
                paths
            };
            if paths.is_empty() {
                if reread {
                    writeln!(out, "{}: no file changed on disk", file.display())?;
                    return Ok(());
                }
                bail!(
                    "name the files or folders to add (or give --reread to read changed files again)"
                );
            }
            let corpus = read(&paths)?;
            // A lexicon given now replaces the project's, and the phrases follow it.
            let relex = !lexicon.is_empty() && *lexicon != p.lexicon()?;
            if relex {
                p.set_lexicon(lexicon)?;
            }
            let update = Update {
                add: corpus,
                reread_changed: reread,
                reassemble: relex,
                ..Update::default()
            };
            let mut own = None;
            let engine = engine_for(engine, lexicon, &p, &mut own)?;
            let (u, a) = p.update(engine, update, &Config::default(), &mut NoProgress)?;
            report(out, &p, &u, &a, json)?;
        }
        ProjectCommand::Remove { file, paths, json } => {
            let mut p = Project::open(&file)?;
            let update = Update {
                remove: paths,
                ..Update::default()
            };
            let mut own = None;
            let engine = engine_for(engine, lexicon, &p, &mut own)?;
            let (u, a) = p.update(engine, update, &Config::default(), &mut NoProgress)?;
            report(out, &p, &u, &a, json)?;
        }
        ProjectCommand::Info { file, json } => {
            let p = Project::open(&file)?;
            let info = p.info()?;
            let changed = p.changed_on_disk()?;
            if json {
                let mut v = serde_json::to_value(&info)?;
                v["changed_on_disk"] = serde_json::to_value(&changed)?;
                serde_json::to_writer_pretty(&mut *out, &v)?;
                writeln!(out)?;
            } else {
                let per_doc = info
                    .file_bytes
                    .checked_div(info.documents as u64)
                    .unwrap_or(0);
                writeln!(out, "project\t{}", info.path)?;
                writeln!(
                    out,
                    "size\t{} bytes ({per_doc} per document)",
                    info.file_bytes
                )?;
                writeln!(
                    out,
                    "documents\t{} ({} bytes of text)",
                    info.documents, info.text_bytes
                )?;
                writeln!(out, "meetings\t{}", info.meetings)?;
                writeln!(out, "phrase groups\t{}", info.phrase_groups)?;
                writeln!(out, "restated meetings\t{}", info.restated_meetings)?;
                writeln!(out, "places\t{}", info.places)?;
                writeln!(out, "corrections\t{}", info.corrections)?;
                writeln!(
                    out,
                    "format\t{} (analysis {})",
                    info.schema, info.data_version
                )?;
                writeln!(out, "written by\t{}", info.written_by)?;
                writeln!(out, "created\t{}", info.created)?;
                writeln!(out, "saved\t{}", info.saved)?;
                if let Some(a) = p.aggregate()? {
                    writeln!(
                        out,
                        "aggregate\t{} cells ({} phrase groups × {} places, {} meetings) from {}, imported {}",
                        a.cells.len(),
                        a.groups(),
                        a.places(),
                        a.meetings,
                        a.source,
                        a.imported
                    )?;
                }
                for path in &changed {
                    writeln!(
                        out,
                        "changed on disk\t{path}\t(`tifa-cli project add {} --reread` reads it again)",
                        file.display()
                    )?;
                }
            }
        }
        ProjectCommand::Import {
            file,
            dir,
            clear,
            json,
        } => {
            let mut p = Project::open(&file)?;
            let aggregate = match &dir {
                Some(dir) => Some(crate::scale::Aggregate::read(dir)?),
                None if clear => None,
                None => bail!(
                    "give the folder aggregate.py wrote, or --clear to take the aggregate out"
                ),
            };
            p.set_aggregate(aggregate.as_ref())?;
            match &aggregate {
                Some(a) if json => {
                    serde_json::to_writer_pretty(
                        &mut *out,
                        &serde_json::json!({
                            "source": a.source,
                            "meetings": a.meetings,
                            "cells": a.cells.len(),
                            "groups": a.groups(),
                            "places": a.places(),
                        }),
                    )?;
                    writeln!(out)?;
                }
                Some(a) => writeln!(
                    out,
                    "{}: imported {} cells ({} phrase groups × {} places, {} meetings) from {}; the app shows them in Compare",
                    file.display(),
                    a.cells.len(),
                    a.groups(),
                    a.places(),
                    a.meetings,
                    a.source
                )?,
                None => writeln!(out, "{}: the aggregate is taken out", file.display())?,
            }
        }
        ProjectCommand::Reanalyse { file } => {
            let mut p = Project::open(&file)?;
            let mut own = None;
            let engine = engine_for(engine, lexicon, &p, &mut own)?;
            let a = p.reanalyse(engine, &Config::default(), &mut NoProgress)?;
            writeln!(
                out,
                "{}: {} documents analysed again; {} meetings, {} phrase groups",
                file.display(),
                a.documents.len(),
                a.meetings.len(),
                a.phrases.len()
            )?;
        }
    }
    Ok(())
}

fn report(out: &mut dyn Write, p: &Project, u: &Updated, a: &Analysis, json: bool) -> Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, u)?;
        writeln!(out)?;
        Ok(())
    } else {
        say_updated(out, p, u, a)
    }
}

/// A new project's file name, with `.tifa` added when it has no extension.
fn with_extension(file: PathBuf) -> PathBuf {
    if file.extension().is_none() {
        file.with_extension(project::EXTENSION)
    } else {
        file
    }
}

/// Options of `tifa-cli search`.
pub struct SearchArgs<'a> {
    /// The string.
    pub pattern: &'a str,
    /// Characters of context each side.
    pub context: usize,
    /// The order of the lines.
    pub sort: KwicSort,
    /// At most this many lines.
    pub limit: usize,
    /// JSON instead of a table.
    pub json: bool,
    /// Write the concordance as a table to this file, in this format.
    pub out: Option<(crate::export::ExportFormat, PathBuf)>,
}

/// `tifa-cli search`: a concordance of `pattern`, from the project's index or by reading
/// `paths`.
pub fn search(
    engine: &Engine,
    project_file: Option<&Path>,
    paths: &[PathBuf],
    args: &SearchArgs<'_>,
    out: &mut dyn Write,
) -> Result<()> {
    if args.pattern.is_empty() {
        bail!("give a string to look for");
    }
    let (analysis, hits) = if let Some(file) = project_file {
        let analysis = load_project(engine, file, paths)?;
        let hits = Project::open(file)?
            .find(args.pattern)
            .context("searching the project")?;
        (analysis, hits)
    } else {
        let analysis = crate::cli::load(engine, paths)?;
        let hits = project::search::scan(&analysis.documents, args.pattern);
        (analysis, hits)
    };
    let c = project::search::concordance(
        &analysis,
        args.pattern,
        &hits,
        args.context,
        args.sort,
        args.limit,
    );
    if let Some((format, file)) = &args.out {
        let t = project::search::table(&c);
        return crate::cli::write_tables(out, &[t], *format, Some(file));
    }
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &c)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "# {}\t{} hits in {} documents{}",
        c.pattern,
        c.total,
        c.documents,
        if c.lines.len() < c.total {
            format!(" (first {} shown)", c.lines.len())
        } else {
            String::new()
        }
    )?;
    for l in &c.lines {
        writeln!(
            out,
            "{}\t{}\t{:>width$}【{}】{}\t{}\t{}",
            l.place.as_deref().unwrap_or("-"),
            l.date.map_or_else(|| "-".to_string(), |d| d.to_string()),
            l.left,
            l.hit,
            l.right,
            l.meeting.map_or_else(|| "-".to_string(), |m| m.to_string()),
            l.path,
            width = args.context,
        )?;
    }
    Ok(())
}
