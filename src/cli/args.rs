//! The command line's arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::report::TableKind;

/// Reads Chinese meeting reports and compares how policy formulae travel between places.
#[derive(Debug, Parser)]
#[command(name = "tifa-cli", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// A user dictionary (jieba's format: `word [frequency] [tag]` a line, UTF-8): formulae
    /// to keep whole and always list.
    #[arg(long, global = true, value_name = "FILE")]
    pub dict: Option<PathBuf>,
    /// A stop list (one string a line, UTF-8): phrases never to list.
    #[arg(long, global = true, value_name = "FILE")]
    pub stop: Option<PathBuf>,
    /// Phrase groups to show as one (one set a line, its strings separated by `=` or blanks:
    /// `有力有序 = 有序有效`, UTF-8): the groups holding any string of a set are merged.
    #[arg(long, global = true, value_name = "FILE")]
    pub merge: Option<PathBuf>,
    /// Read the corpus, its analysis and its corrections from this project file (`*.tifa`)
    /// instead of reading files; made with `tifa-cli project new`.
    #[arg(long, global = true, value_name = "FILE")]
    pub project: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Each phrase group as an adoption cascade: who used it first, who followed and how fast,
    /// top-down or bottom-up, who follows whom, and the corpus's coverage per place and month.
    Diffusion {
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// Days within which a later adopter counts as following an earlier one.
        #[arg(long, default_value_t = 30)]
        window: i64,
        /// Only this phrase group (an id from `phrases`); give it more than once for several.
        #[arg(long)]
        group: Vec<u32>,
        /// Places with fewer dated meetings than this are flagged as thinly covered.
        #[arg(long, default_value_t = 3)]
        min_meetings: usize,
        /// Also write each chosen group's charts (adoption curve, lags, who follows whom) as
        /// SVG files into this folder; needs --group.
        #[arg(long, value_name = "DIR")]
        svg: Option<PathBuf>,
    },
    /// For every directive clause, whether it restates, adapts or departs from the texts of the
    /// places above (prefecture, province, the Centre) held before it, with the source clause
    /// and the changed words; shares per meeting and place.
    Restated {
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// Higher-level texts count when held at most this many days before.
        #[arg(long, default_value_t = 180)]
        window: i64,
    },
    /// Where and when any phrase occurs: per place (count, meetings, first use), per place and
    /// month, and every sentence carrying it.
    Track {
        /// The phrase to look for, e.g. 外防输入.
        phrase: String,
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// Print JSON instead of tables.
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
    /// Writes any table: matrix, cells, keyness, meetings, directives, library, side, diff,
    /// adopters, cascades (`NetworkInference`'s long format), adoption (an event-history panel),
    /// edges, coverage, restated, adapted, shares, track or track-months (with --phrase).
    Export {
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// Which table: matrix, cells, keyness, meetings, directives, library, side, diff,
        /// adopters, cascades, adoption, edges, coverage, restated, adapted, shares, track or
        /// track-months.
        #[arg(long)]
        table: TableKind,
        /// csv, xlsx, md or json; when absent, taken from the --out file's extension, else csv.
        #[arg(long)]
        format: Option<String>,
        /// Where to write it; standard output when absent (not for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
        /// For `side`: the phrase group's id (from `phrases`); for the diffusion tables, the only
        /// group to cover.
        #[arg(long)]
        group: Option<u32>,
        /// For `diff`: two meeting ids (m0 m3), or two places.
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        pair: Vec<String>,
        /// For `track` and `track-months`: the phrase to follow.
        #[arg(long)]
        phrase: Option<String>,
    },
    /// Times each stage of the analysis on a folder and prints a table with peak memory; with
    /// `--hostile`, reads the worst inputs known, each in a process of its own, against the
    /// limits of 2 s and 200 MiB per MB.
    Bench {
        /// The folder to read (recursively).
        #[arg(required_unless_present = "hostile")]
        dir: Option<PathBuf>,
        /// Reads generated worst inputs instead of a folder.
        #[arg(long)]
        hostile: bool,
        /// With `--hostile`: multiplies the inputs' sizes (1 is full size).
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
    },
    /// Reads one file as `bench --hostile` does in its child processes and prints the cost as
    /// JSON.
    #[command(hide = true)]
    BenchRead {
        /// The file.
        path: PathBuf,
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
        /// Lowest similarity (0–1) for two clauses to be paired by their wording.
        #[arg(long, default_value_t = 0.3, value_name = "SCORE")]
        min_score: f64,
    },
    /// Times a project on a folder: creating it from every file but the last, reopening it in
    /// a fresh process, adding the last file, searching; and its size per document.
    BenchProject {
        /// The folder to read (recursively).
        dir: PathBuf,
    },
    /// Times the scale path on a synthetic collection made from the folder's documents (each
    /// copy naming other places and years): extraction into Parquet shards with its peak
    /// memory, the `DuckDB` aggregation of docs/scale/, the import into a project and its reopening.
    BenchScale {
        /// The folder whose documents are replicated.
        dir: PathBuf,
        /// Documents in the synthetic collection.
        #[arg(long, default_value_t = 1_000_000)]
        documents: usize,
        /// Documents per shard.
        #[arg(long, default_value_t = crate::scale::DEFAULT_SHARD_SIZE)]
        shard_size: usize,
        /// Keep the shards, the aggregate and the project in this (new) folder.
        #[arg(long)]
        work: Option<PathBuf>,
    },
    /// Reopens a project as `bench-project` does in its child process and prints the cost as
    /// JSON.
    #[command(hide = true)]
    BenchOpen {
        /// The project file.
        file: PathBuf,
    },
    /// A project file (`*.tifa`): the corpus, its analysis, corrections and lexicon in one SQLite
    /// database that reopens without reading anything again.
    Project {
        /// What to do with it.
        #[command(subcommand)]
        action: ProjectCommand,
    },
    /// Every occurrence of a string in its context (a concordance), with the place, date and
    /// meeting of each; from a project's full-text index with --project.
    Search {
        /// The string to look for, e.g. 外防输入; alternatives separated by `|`
        /// (复工复产|复产复工).
        pattern: String,
        /// Files or folders to read; none reads the built-in seed reports.
        paths: Vec<PathBuf>,
        /// Characters of context on each side.
        #[arg(long, default_value_t = 20)]
        context: usize,
        /// The order of the lines.
        #[arg(long, value_enum, default_value_t = crate::project::KwicSort::Document)]
        sort: crate::project::KwicSort,
        /// At most this many lines.
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Write the concordance as a table (csv, xlsx, md or json, from --format or the
        /// extension) to this file instead.
        #[arg(long)]
        out: Option<PathBuf>,
        /// csv, xlsx, md or json, for --out.
        #[arg(long)]
        format: Option<String>,
    },
    /// Writes each document's results (documents, meetings, directives, uses of reference
    /// phrase groups) as Parquet files in shards, for `DuckDB` or Spark SQL to aggregate with the
    /// SQL of docs/scale/; run again to resume, or with --part on several machines.
    Extract {
        /// Files or folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The folder to write (created when missing).
        #[arg(long)]
        out: PathBuf,
        /// The reference phrase groups: `tifa-cli phrases --json` of a sample; with --project and
        /// no --groups, the project's groups.
        #[arg(long, value_name = "FILE")]
        groups: Option<PathBuf>,
        /// Files per shard.
        #[arg(long, default_value_t = crate::scale::DEFAULT_SHARD_SIZE)]
        shard_size: usize,
        /// Write only the shards of part I of N (shard number modulo N is I), e.g. 0/4 on the
        /// first of four machines.
        #[arg(long, value_name = "I/N")]
        part: Option<String>,
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Scores meeting extraction against hand labels (the format is in the README).
    Eval {
        /// Files or folders to score; none reads every labelled file.
        paths: Vec<PathBuf>,
        /// A labels file; give it more than once to combine several.
        #[arg(long, required = true)]
        labels: Vec<PathBuf>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
}

/// What `tifa-cli project` does.
#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Creates a project from files or folders (none: the built-in seed reports).
    New {
        /// The project file to create (`.tifa` is added when the name has no extension).
        file: PathBuf,
        /// Files or folders to read.
        paths: Vec<PathBuf>,
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Adds files or folders: only new documents are read and analysed; a moved file keeps its
    /// results and corrections, a changed one is listed (read again with --reread).
    Add {
        /// The project file.
        file: PathBuf,
        /// Files or folders to add; none with --reread: every file that changed on disk.
        paths: Vec<PathBuf>,
        /// Read again the files that changed since they were added.
        #[arg(long)]
        reread: bool,
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Takes documents out, by the path they were added under.
    Remove {
        /// The project file.
        file: PathBuf,
        /// Paths as `project info`'s documents list them.
        paths: Vec<String>,
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Says what a project holds and who wrote it.
    Info {
        /// The project file.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Imports the aggregate of a collection analysed past one machine (the output folder of
    /// docs/scale/aggregate.py, or Spark's folders of the same names), replacing any before.
    Import {
        /// The project file.
        file: PathBuf,
        /// The folder holding `matrix`, `adoption` and `merged_meetings` as Parquet.
        #[arg(required_unless_present = "clear")]
        dir: Option<PathBuf>,
        /// Take the imported aggregate out instead.
        #[arg(long, conflicts_with = "dir")]
        clear: bool,
        /// Print what was imported as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Analyses every document again (after an upgrade of Tifa), keeping corrections.
    Reanalyse {
        /// The project file.
        file: PathBuf,
    },
}
