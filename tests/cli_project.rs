//! `tifa-cli project`, `--project` and `search`, run as a user runs them; and a project whose
//! writer is killed mid-write.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_project_answers_as_the_files_do() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("seeds");
    let made = ok(&cli(&["project", "new", s(&p), "--json"]));
    assert_eq!(made["added"].as_array().unwrap().len(), 5);
    let p = dir.path().join("seeds.tifa");
    assert!(p.exists(), ".tifa is added to a name without an extension");

    let direct = ok(&cli(&["meetings", "--json"]));
    let stored = ok(&cli(&["meetings", "--json", "--project", s(&p)]));
    assert_eq!(direct, stored);
    let direct = ok(&cli(&["phrases", "--json"]));
    let stored = ok(&cli(&["phrases", "--json", "--project", s(&p)]));
    assert_eq!(direct, stored);

    let info = ok(&cli(&["project", "info", s(&p), "--json"]));
    assert_eq!(info["documents"], 5);
    assert_eq!(info["meetings"], direct_meetings());

    // The index and a plain scan find the same lines.
    let indexed = ok(&cli(&["search", "复工复产", "--json", "--project", s(&p)]));
    let scanned = ok(&cli(&["search", "复工复产", "--json"]));
    assert_eq!(indexed, scanned);
    assert!(indexed["total"].as_u64().unwrap() >= 2);
    let csv = dir.path().join("kwic.csv");
    let o = cli(&["search", "复工复产", "--project", s(&p), "--out", s(&csv)]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("检索词") && text.contains("复工复产"),
        "{text}"
    );

    // Adding the same reports again reads nothing.
    let again = ok(&cli(&["project", "add", s(&p), "--json", s(&p)]));
    assert_eq!(again["added"].as_array().unwrap().len(), 0, "{again}");
}

#[test]
fn a_project_keeps_its_restatement_analysis_until_its_corpus_changes() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("seeds.tifa");
    ok(&cli(&["project", "new", s(&p), "--json"]));
    let restated = |info: &serde_json::Value| info["restated_meetings"].as_u64().unwrap();
    let info = ok(&cli(&["project", "info", s(&p), "--json"]));
    assert!(restated(&info) > 0, "a new project keeps it: {info}");
    // Read back, it answers as computing it does, and the file is not written.
    let modified = || std::fs::metadata(&p).unwrap().modified().unwrap();
    let before = modified();
    let direct = ok(&cli(&["restated", "--json"]));
    let kept = ok(&cli(&["restated", "--json", "--project", s(&p)]));
    assert_eq!(direct, kept);
    assert_eq!(modified(), before, "reading it back writes nothing");

    // A report added: what was kept no longer stands; the next use computes and keeps it.
    let county = dir.path().join("county.txt");
    std::fs::write(
        &county,
        "本报讯 3月2日，县委常委会召开会议。\n会议强调，要压紧压实各方责任，抓紧抓实抓细各项工作。\n",
    )
    .unwrap();
    ok(&cli(&["project", "add", s(&p), "--json", s(&county)]));
    let info = ok(&cli(&["project", "info", s(&p), "--json"]));
    assert_eq!(restated(&info), 0, "{info}");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/seeds");
    let direct = ok(&cli(&["restated", "--json", s(&seeds), s(&county)]));
    let kept = ok(&cli(&["restated", "--json", "--project", s(&p)]));
    assert_eq!(
        direct["meetings"].as_array().map(Vec::len),
        kept["meetings"].as_array().map(Vec::len)
    );
    let info = ok(&cli(&["project", "info", s(&p), "--json"]));
    assert_eq!(
        restated(&info) as usize,
        kept["meetings"].as_array().unwrap().len()
    );
}

fn direct_meetings() -> usize {
    ok(&cli(&["meetings", "--json"]))["meetings"]
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn mistakes_are_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let not = dir.path().join("notes.tifa");
    std::fs::write(&not, "会议强调").unwrap();
    let o = cli(&["meetings", "--project", s(&not)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a Tifa project"));
    let p = dir.path().join("p.tifa");
    assert!(cli(&["project", "new", s(&p)]).status.success());
    let o = cli(&["meetings", "--project", s(&p), s(&not)]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("project add"));
    let o = cli(&["project", "new", s(&p)]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("already there"));
}

/// Writes `n` short county reports of its own into `dir`.
fn reports(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = format!(
            "本报讯 {}月{}日，县委常委会召开第{i}次会议。\n会议强调，要压紧压实第{i}项工作责任，抓紧抓实抓细各项任务，确保取得实效。\n",
            i % 12 + 1,
            i % 28 + 1
        );
        std::fs::write(dir.join(format!("{i:05}.txt")), text).unwrap();
    }
}

#[test]
fn a_writer_killed_mid_write_leaves_the_project_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.tifa");
    let journal = dir.path().join("p.tifa-journal");
    assert!(cli(&["project", "new", s(&p)]).status.success());
    let before = ok(&cli(&["meetings", "--json", "--project", s(&p)]));
    let size = std::fs::metadata(&p).unwrap().len();
    let mut caught = false;
    for (round, n) in [3000, 6000, 12000].into_iter().enumerate() {
        let more = dir.path().join(format!("more{round}"));
        reports(&more, n);
        let mut child = Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
            .args(["project", "add", s(&p), s(&more)])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // The rollback journal exists only while the write transaction is open; the file
        // growing meanwhile means pages of the transaction are already in it.
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(600) {
            let grown = std::fs::metadata(&p).is_ok_and(|m| m.len() > size);
            if journal.exists() && grown {
                child.kill().unwrap();
                caught = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.wait();
        if caught {
            break;
        }
        // The add finished before the kill: take its documents out and try a larger one.
        let _ = std::fs::remove_file(&p);
        assert!(cli(&["project", "new", s(&p)]).status.success());
    }
    assert!(caught, "the writer was never caught mid-write");
    // The next opening rolls the interrupted write back: the project is as it was before.
    let after = ok(&cli(&["meetings", "--json", "--project", s(&p)]));
    assert_eq!(before, after);
    let info = ok(&cli(&["project", "info", s(&p), "--json"]));
    assert_eq!(info["documents"], 5);
    assert_eq!(std::fs::metadata(&p).unwrap().len(), size);
}

#[test]
fn a_project_made_from_files_answers_as_reading_them_does() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("reports");
    std::fs::create_dir(&folder).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/seeds");
    for e in std::fs::read_dir(&seeds).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), folder.join(e.file_name())).unwrap();
    }
    std::fs::write(
        folder.join("county.txt"),
        "本报讯 3月2日，县委常委会召开会议。\n会议强调，要压紧压实各方责任，抓紧抓实抓细各项工作。\n",
    )
    .unwrap();
    std::fs::write(folder.join("broken.txt"), [0xff, 0xfe, 0x00, 0xd8, 0x00]).unwrap();
    let p = dir.path().join("reports.tifa");
    let made = ok(&cli(&["project", "new", s(&p), "--json", s(&folder)]));
    assert_eq!(made["added"].as_array().unwrap().len(), 6, "{made}");
    let direct = ok(&cli(&["meetings", "--json", s(&folder)]));
    let kept = ok(&cli(&["meetings", "--json", "--project", s(&p)]));
    assert_eq!(direct, kept);
    let direct = cli(&["phrases", s(&folder)]);
    let kept = cli(&["phrases", "--project", s(&p)]);
    assert_eq!(direct.stdout, kept.stdout);
}
