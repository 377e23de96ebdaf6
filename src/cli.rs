//! `tifa-cli`: the engine on the command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::compare::align::{AlignConfig, Alignment, align_meetings};
use crate::compare::diff::SegmentKind;
use crate::compare::{keyness, matrix};
use crate::export::{self, ExportFormat};
use crate::ingest::{self, Corpus, ReadConfig};
use crate::model::{Meeting, MeetingId, PhraseGroup};
use crate::phrase::PhraseIndex;
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
        /// csv, xlsx, md or json; when absent, taken from the --out file's extension, else csv.
        #[arg(long)]
        format: Option<String>,
        /// Where to write it; standard output when absent (not for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Times each stage of the analysis on a folder and prints a table with peak memory.
    Bench {
        /// The folder to read (recursively).
        dir: PathBuf,
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
        // A reader that stops early (`tifa-cli meetings | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => 0,
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
            let format = compare_format(format.as_deref(), path.as_deref())?;
            let analysis = load(&engine, &paths)?;
            write_compare(&mut out, &analysis, format, path.as_deref())?;
        }
        Command::Bench { dir } => bench(&engine, &dir, &mut out)?,
        Command::Diff { a, b, paths, json } => {
            let analysis = load(&engine, &paths)?;
            let a = meeting_id(&analysis, &a)?;
            let b = meeting_id(&analysis, &b)?;
            let alignment = align_meetings(&analysis, a, b, &AlignConfig::default())
                .with_context(|| format!("aligning {a} and {b}"))?;
            if json {
                let v = diff_json(&analysis, a, b, &alignment);
                serde_json::to_writer_pretty(&mut out, &v)?;
                writeln!(out)?;
            } else {
                let style = if std::io::stdout().is_terminal() {
                    Marks::Colour
                } else {
                    Marks::Brackets
                };
                write_diff(
                    &mut out,
                    &analysis,
                    [a, b],
                    &alignment,
                    terminal_width(),
                    style,
                )?;
            }
        }
    }
    out.flush()?;
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
        "convened_by": m.convened_by.as_ref().map(|p| p.name.to_string()),
        "place_candidates": m.place_candidates.iter().map(|p| p.full.to_string()).collect::<Vec<_>>(),
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

/// The export format for `compare`: `--format` when given, else the `--out` file's extension,
/// else CSV.
fn compare_format(format: Option<&str>, out: Option<&Path>) -> Result<ExportFormat> {
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

/// Writes the phrase × place matrix; an XLSX workbook also gets the long table and keyness as
/// sheets of their own.
fn write_compare(
    out: &mut dyn Write,
    analysis: &Analysis,
    format: ExportFormat,
    path: Option<&Path>,
) -> Result<()> {
    let m = matrix(analysis);
    let mut tables = vec![m.to_table()];
    if format == ExportFormat::Xlsx {
        tables.push(m.to_long_table());
        let rows = keyness::keyness(analysis, &keyness::KeynessConfig::default());
        tables.push(keyness::to_table(&rows));
    }
    match path {
        Some(p) => export::write_file(p, format, &tables)
            .with_context(|| format!("writing the {format} export"))?,
        None => out.write_all(&export::render(&tables, format)?)?,
    }
    Ok(())
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

/// Where a meeting is from, as one line: `m3 嵊州 2020-02-18 市委常委会会议 (seed:004.txt)`.
fn meeting_line(analysis: &Analysis, id: MeetingId) -> String {
    let Some(m) = analysis.meeting(id) else {
        return id.to_string();
    };
    let place = m.place.as_ref().map_or("?", |p| &p.name);
    let date = m.date.map_or_else(|| "?".into(), |d| d.date.to_string());
    let doc = analysis.document_of(m).map_or("", |d| d.path.as_str());
    format!("{id} {place} {date} {} ({doc})", m.title)
}

/// The JSON printed by `diff --json`: both meetings, then one object per aligned row with both
/// clauses, their document spans, the score and the diff segments.
fn diff_json(analysis: &Analysis, a: MeetingId, b: MeetingId, al: &Alignment) -> Value {
    let meeting = |id: MeetingId| {
        analysis
            .meeting(id)
            .map_or(Value::Null, |m| meeting_json(analysis, m))
    };
    let clause = |c: Option<&crate::compare::align::Clause>| {
        c.map_or(Value::Null, |c| {
            json!({
                "meeting": c.meeting.to_string(),
                "directive": c.directive,
                "text": c.text,
                "start": c.span.start,
                "end": c.span.end,
            })
        })
    };
    let rows: Vec<Value> = al
        .rows
        .iter()
        .map(|r| {
            json!({
                "left": clause(r.left.and_then(|i| al.left.get(i))),
                "right": clause(r.right.and_then(|i| al.right.get(i))),
                "score": (r.score * 1000.0).round() / 1000.0,
                "shared_chars": r.diff.shared_chars,
                "segments": r.diff.segments.iter().map(|s| json!({
                    "kind": s.kind,
                    "text": s.text,
                    "left": s.left.as_ref().map(|r| [r.start, r.end]),
                    "right": s.right.as_ref().map(|r| [r.start, r.end]),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "left": meeting(a),
        "right": meeting(b),
        "paired": al.paired(),
        "rows": rows,
    })
}

/// How changed characters are shown in the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marks {
    /// ANSI colours: red for what only the left has, green for what only the right has.
    Colour,
    /// `[…]` around changed runs, for pipes and files.
    Brackets,
}

/// Bold red: characters only the left clause has.
const RED: &str = "\x1b[31;1m";
/// Bold green: characters only the right clause has.
const GREEN: &str = "\x1b[32;1m";
/// Back to plain text.
const RESET: &str = "\x1b[0m";

/// The terminal's width from `$COLUMNS`, else 100; never below 40.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(100_usize)
        .max(40)
}

/// Prints the aligned clauses in two columns, each wrapped to half the width by display width
/// (CJK characters take two cells), changed characters marked.
fn write_diff(
    out: &mut dyn Write,
    analysis: &Analysis,
    ids: [MeetingId; 2],
    al: &Alignment,
    width: usize,
    marks: Marks,
) -> Result<()> {
    let col = (width - 3) / 2;
    writeln!(out, "左 {}", meeting_line(analysis, ids[0]))?;
    writeln!(out, "右 {}", meeting_line(analysis, ids[1]))?;
    let rule = "─".repeat(col);
    writeln!(out, "{rule}─┼─{rule}")?;
    for row in &al.rows {
        let side = |own: SegmentKind| -> Vec<(&str, bool)> {
            row.diff
                .segments
                .iter()
                .filter(|s| s.kind == SegmentKind::Shared || s.kind == own)
                .map(|s| (s.text.as_str(), s.kind != SegmentKind::Shared))
                .collect()
        };
        let left = wrap_marked(&side(SegmentKind::OnlyLeft), col, marks, RED);
        let right = wrap_marked(&side(SegmentKind::OnlyRight), col, marks, GREEN);
        for i in 0..left.len().max(right.len()) {
            let (l, lw) = left.get(i).map_or(("", 0), |(s, w)| (s.as_str(), *w));
            let r = right.get(i).map_or("", |(s, _)| s.as_str());
            writeln!(out, "{l}{} │ {r}", " ".repeat(col.saturating_sub(lw)))?;
        }
        writeln!(out, "{rule}─┼─{rule}")?;
    }
    let only_left = al.rows.iter().filter(|r| r.right.is_none()).count();
    let only_right = al.rows.iter().filter(|r| r.left.is_none()).count();
    writeln!(
        out,
        "{} paired, {only_left} only left, {only_right} only right",
        al.paired()
    )?;
    Ok(())
}

/// Lays runs of text out in lines at most `width` display cells wide, marking changed runs;
/// returns each line with its display width (escape codes take none).
fn wrap_marked(
    runs: &[(&str, bool)],
    width: usize,
    marks: Marks,
    colour: &str,
) -> Vec<(String, usize)> {
    use unicode_width::UnicodeWidthChar;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    let mut flush = |line: &mut String, w: &mut usize, changed: bool| {
        if changed && marks == Marks::Colour {
            line.push_str(RESET);
        }
        lines.push((std::mem::take(line), *w));
        *w = 0;
        if changed && marks == Marks::Colour {
            line.push_str(colour);
        }
    };
    for &(text, changed) in runs {
        match (changed, marks) {
            (true, Marks::Colour) => line.push_str(colour),
            (true, Marks::Brackets) => {
                if w + 1 > width {
                    flush(&mut line, &mut w, false);
                }
                line.push('[');
                w += 1;
            }
            _ => {}
        }
        for c in text.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width {
                flush(&mut line, &mut w, changed);
            }
            line.push(c);
            w += cw;
        }
        match (changed, marks) {
            (true, Marks::Colour) => line.push_str(RESET),
            (true, Marks::Brackets) => {
                if w + 1 > width {
                    flush(&mut line, &mut w, false);
                }
                line.push(']');
                w += 1;
            }
            _ => {}
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push((line, w));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wraps runs (`[` … `]` in `input` marks a changed run) in brackets mode.
    fn check(input: &str, width: usize, expect: &[&str]) {
        let mut runs = Vec::new();
        for (i, piece) in input.split(['[', ']']).enumerate() {
            if !piece.is_empty() {
                runs.push((piece, i % 2 == 1));
            }
        }
        let lines = wrap_marked(&runs, width, Marks::Brackets, RED);
        let got: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(got, expect, "{input} at {width}");
        for (l, w) in &lines {
            assert_eq!(unicode_width::UnicodeWidthStr::width(l.as_str()), *w);
        }
    }

    #[test]
    fn wraps_by_display_width() {
        check("要坚持两手抓", 20, &["要坚持两手抓"]);
        check("要坚持两手抓", 6, &["要坚持", "两手抓"]);
        check("要坚持两手抓", 5, &["要坚", "持两", "手抓"]);
        check("[要坚持]两手抓", 9, &["[要坚持]", "两手抓"]);
        check("m3 两手抓", 5, &["m3 两", "手抓"]);
        check("", 10, &[""]);
    }

    #[test]
    fn colour_marks_reopen_on_each_line() {
        let lines = wrap_marked(&[("两手抓两手硬", true)], 6, Marks::Colour, GREEN);
        assert_eq!(lines.len(), 2);
        assert!(
            lines[1].0.starts_with(GREEN) && lines[1].0.ends_with(RESET),
            "{lines:?}"
        );
        assert_eq!(lines[0].1, 6);
    }
}

/// Every file under `dir`, recursively, sorted.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
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
struct Clock {
    wall: std::time::Instant,
    cpu: f64,
}

impl Clock {
    fn start() -> Self {
        Self {
            wall: std::time::Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    /// Wall and CPU seconds since the start.
    fn elapsed(self) -> (f64, f64) {
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
fn peak_mib() -> f64 {
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

/// Runs split and meeting detection over `documents`, numbering meetings from 0.
fn detect_meetings(engine: &Engine, documents: &mut [crate::model::Document]) -> Vec<Meeting> {
    use rayon::prelude::*;
    let per_doc: Vec<Vec<Meeting>> = documents
        .par_iter_mut()
        .map(|doc| {
            let _ = crate::ingest::split::articles(doc);
            crate::meeting::extract(doc, &engine.gazetteer)
        })
        .collect();
    let mut meetings: Vec<Meeting> = per_doc.into_iter().flatten().collect();
    for (i, m) in meetings.iter_mut().enumerate() {
        m.id = crate::model::MeetingId(i as u32);
    }
    meetings
}

fn bench(engine: &Engine, dir: &Path, out: &mut dyn Write) -> Result<()> {
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
    let seg = &engine.segmenter;
    let mut index = PhraseIndex::build(&meetings, seg, &mine_config, &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let groups = index.groups(&meetings, &documents, seg, &mine_config);
    row(
        &mut rows,
        "phrases (directives)",
        t,
        format!("{} groups", groups.len()),
    );

    // The phrase × place matrix and the clause index alignment draws on, over an analysis
    // that borrows the documents and meetings for the moment.
    let t = Clock::start();
    let places: std::collections::BTreeSet<String> = meetings
        .iter()
        .filter_map(|m| m.place.as_ref().map(|p| p.name.to_string()))
        .collect();
    let analysis = Analysis {
        documents,
        problems: Vec::new(),
        meetings,
        phrases: groups,
        places: places.into_iter().collect(),
    };
    let matrix = crate::compare::matrix::matrix(&analysis);
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
    let Analysis {
        mut documents,
        meetings,
        ..
    } = analysis;
    let (pipeline, pipeline_cpu) = total.elapsed();
    let pipeline_peak = peak_mib();

    // Whole pages as meetings, lines as directives: what an n-gram script over files mines.
    let t = Clock::start();
    let mut pages = page_meetings(&documents);
    let mut page_index = PhraseIndex::build(&pages, seg, &mine_config, &mut NoProgress)
        .map_err(|_| anyhow::anyhow!("cancelled"))?;
    let page_groups = page_index.groups(&pages, &documents, seg, &mine_config);
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
    let regrouped = index.groups(&grown, &documents, seg, &mine_config);
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
    let regrouped = page_index.groups(&pages, &documents, seg, &mine_config);
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
        "{:<24}{pipeline:>10.3}{pipeline_cpu:>10.2}  read + meetings + phrases + matrix; {pipeline_peak:.1} MiB peak so far",
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
