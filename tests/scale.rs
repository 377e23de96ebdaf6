//! `tifa-cli extract` and the `DuckDB` aggregation of docs/scale/: the matrix computed from the
//! Parquet shards by SQL equals Tifa's own.
//!
//! Needs Python's `duckdb` package (`.ci/run` installs it). Without it the `DuckDB` checks say so
//! and stop, unless `TIFA_REQUIRE_DUCKDB` is set, as CI sets it: then its absence fails.
// Helpers outside #[test] functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tifa::ingest::{ReadConfig, read_paths};
use tifa::pipeline::{Config, Engine, analyse};
use tifa::{NoProgress, report};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Whether `python3 -c "import duckdb"` works; fails the test when it does not and
/// `TIFA_REQUIRE_DUCKDB` is set.
fn duckdb() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("TIFA_REQUIRE_DUCKDB").is_none(),
            "TIFA_REQUIRE_DUCKDB is set but Python's duckdb package is missing (pip install duckdb)"
        );
        eprintln!("Python's duckdb package is missing (pip install duckdb): DuckDB checks skipped");
    }
    found
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scale/aggregate.py")
}

/// One cell of the long matrix: group, place, uses, meetings, first date.
type Cell = (u32, String, usize, usize, String);

/// Tifa's own cells for the files under `dir`.
fn tifa_cells(dir: &Path) -> (BTreeSet<Cell>, usize) {
    let engine = Engine::new();
    let corpus = read_paths(
        &[dir.to_path_buf()],
        &ReadConfig::default(),
        &mut NoProgress,
    )
    .unwrap();
    let analysis = analyse(&engine, corpus, &Config::default(), &mut NoProgress).unwrap();
    let m = report::matrix(&analysis);
    let mut cells = BTreeSet::new();
    for r in &m.rows {
        for (place, c) in m.places.iter().zip(&r.cells) {
            if c.count > 0 {
                cells.insert((
                    r.group,
                    place.clone(),
                    c.count,
                    c.meetings.len(),
                    c.first.map(|d| d.to_string()).unwrap_or_default(),
                ));
            }
        }
    }
    (cells, analysis.meetings.len())
}

/// The cells `DuckDB` computed into `out/matrix.csv`.
fn duckdb_cells(out: &Path) -> BTreeSet<Cell> {
    let text = std::fs::read_to_string(out.join("matrix.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let at = [
        col("group_id"),
        col("place"),
        col("uses"),
        col("meetings"),
        col("first_date"),
    ];
    rows.records()
        .map(|record| {
            let record = record.unwrap();
            let field = |i: usize| record[at[i]].to_string();
            (
                field(0).parse().unwrap(),
                field(1),
                field(2).parse().unwrap(),
                field(3).parse().unwrap(),
                field(4),
            )
        })
        .collect()
}

/// Rows of `out/NAME.csv`, header excluded.
fn rows(out: &Path, name: &str) -> usize {
    let text = std::fs::read_to_string(out.join(format!("{name}.csv"))).unwrap();
    text.lines().count() - 1
}

/// Extracts `dir` in shards of `shard_size` with the groups `phrases --json` gives for it,
/// aggregates with `DuckDB` and checks the matrix against Tifa's; returns the output folder.
fn check_equal(dir: &Path, shard_size: usize, work: &Path) -> PathBuf {
    let groups = work.join("groups.json");
    let json = ok(&cli(&["phrases", "--json", dir.to_str().unwrap()]));
    std::fs::write(&groups, json).unwrap();
    let shards = work.join("shards");
    ok(&cli(&[
        "extract",
        dir.to_str().unwrap(),
        "--out",
        shards.to_str().unwrap(),
        "--groups",
        groups.to_str().unwrap(),
        "--shard-size",
        &shard_size.to_string(),
    ]));
    let out = work.join("aggregate");
    let o = Command::new("python3")
        .arg(script())
        .arg(&shards)
        .arg(&out)
        .output()
        .unwrap();
    ok(&o);
    let (expect, meetings) = tifa_cells(dir);
    let got = duckdb_cells(&out);
    assert!(!expect.is_empty());
    let missing: Vec<_> = expect.difference(&got).take(10).collect();
    let extra: Vec<_> = got.difference(&expect).take(10).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} cells differ; Tifa only: {missing:?}; DuckDB only: {extra:?}",
        expect.symmetric_difference(&got).count()
    );
    assert_eq!(
        rows(&out, "merged_meetings"),
        meetings,
        "meetings after merging copies"
    );
    out
}

/// A page of a county paper (text written for this test) reporting one standing-committee
/// meeting; `masthead` dates the page, `lead` opens the report.
fn page(masthead: &str, lead: &str) -> String {
    format!(
        "{masthead}\n\n{lead}县委书记李向东主持会议。\n\n会议强调，要坚持外防输入、内防反弹，\
         压紧压实疫情防控属地责任，抓紧抓实抓细各项防控措施，坚决守住不发生规模性反弹的底线。\
         会议要求，要统筹推进复工复产，一手抓疫情防控、一手抓经济社会发展，确保全年目标任务完成。\n"
    )
}

#[test]
fn duckdb_matrix_equals_tifas_on_the_seeds_and_copies_of_one_meeting() {
    if !duckdb() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in tifa::ingest::read::SEEDS {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    // The same meeting told by a paper and by its website, and a meeting of another county.
    std::fs::write(
        dir.join("paper.txt"),
        page("青川报 2021年3月5日", "3月4日，青川县委召开常委会会议。"),
    )
    .unwrap();
    std::fs::write(
        dir.join("site.txt"),
        page(
            "青川新闻网 2021-03-05",
            "3月4日，青川县委召开常委会会议，研究部署近期重点工作。",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("other.txt"),
        page("旺苍报 2021年3月9日", "3月8日，旺苍县委召开常委会会议。"),
    )
    .unwrap();
    let (_, meetings) = tifa_cells(&dir);
    let reports = 5 + 3;
    assert!(
        meetings < reports + 2,
        "the two reports of one meeting are merged"
    );
    // Shards of two files: the copies fall into different shards.
    let out = check_equal(&dir, 2, work.path());
    assert!(rows(&out, "first_use") > 0);
    assert!(rows(&out, "adoption") >= rows(&out, "first_use"));
    // The aggregate goes back into a project for the app.
    let project = work.path().join("p.tifa");
    let p = project.to_str().unwrap();
    ok(&cli(&["project", "new", p]));
    let imported = ok(&cli(&[
        "project",
        "import",
        p,
        out.to_str().unwrap(),
        "--json",
    ]));
    let imported: serde_json::Value = serde_json::from_str(&imported).unwrap();
    assert_eq!(imported["cells"], rows(&out, "matrix"));
    assert_eq!(imported["meetings"], meetings);
    let stored = tifa::project::Project::open(&project)
        .unwrap()
        .aggregate()
        .unwrap()
        .unwrap();
    let first = stored.cells.iter().filter(|c| c.adopter == Some(1)).count();
    assert_eq!(first, rows(&out, "first_use"));
    let info = ok(&cli(&["project", "info", p]));
    assert!(info.contains("aggregate\t"), "{info}");
}

#[test]
fn duckdb_matrix_equals_tifas_on_two_thousand_shared_corpus_documents() {
    let archive =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news-perf-corpus.tar.xz");
    let unpack = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/corpus.sh");
    if !archive.is_file() || !unpack.is_file() {
        eprintln!("the shared corpus is not beside the project: check skipped");
        return;
    }
    if !duckdb() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("corpus");
    let o = Command::new("bash")
        .arg(&unpack)
        .arg(&dir)
        .arg("2000")
        .output()
        .unwrap();
    ok(&o);
    check_equal(&dir, 500, work.path());
}

#[test]
fn extract_says_what_it_needs() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/seeds");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "extract",
            seeds.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let o = cli(&args);
        assert!(!o.status.success());
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    assert!(run(&[]).contains("--groups FILE"));
    let groups = work.path().join("groups.json");
    std::fs::write(&groups, ok(&cli(&["phrases", "--json"]))).unwrap();
    let g = groups.to_str().unwrap();
    assert!(run(&["--groups", g, "--part", "2/2"]).contains("0 ≤ I < N"));
    assert!(run(&["--groups", g, "--shard-size", "0"]).contains("at least one file"));
    assert!(
        !out.join("manifest.json").exists(),
        "nothing written for a refused run"
    );
    let done = ok(&cli(&[
        "extract",
        seeds.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--groups",
        g,
        "--json",
    ]));
    let done: serde_json::Value = serde_json::from_str(&done).unwrap();
    assert_eq!(done["documents"], 5);
    assert_eq!(done["written"], serde_json::json!([0]));
}
