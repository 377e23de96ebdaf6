//! Every `--json` output and JSON export of `tifa-cli`, read back into the wire types of
//! `tifa::report::json` (which refuse unknown fields), and `tifa-cli export --table`.
// Helpers outside #[test] functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use tifa::report::json::{DiffOut, MeetingsOut, PhrasesOut, TableRow};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> Vec<u8> {
    let o = cli(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// The keys of a JSON object, sorted.
fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn check_keys(v: &serde_json::Value, expect: &[&str]) {
    let mut want: Vec<String> = expect.iter().map(|s| (*s).to_string()).collect();
    want.sort();
    assert_eq!(keys(v), want, "{v}");
}

#[test]
fn meetings_json_has_the_documented_fields() {
    let bytes = ok(&["meetings", "--json"]);
    let out: MeetingsOut = serde_json::from_slice(&bytes).unwrap();
    assert!(!out.meetings.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    check_keys(&v, &["documents", "meetings", "problems"]);
    check_keys(
        &v["documents"][0],
        &[
            "path",
            "encoding",
            "format",
            "published",
            "published_basis",
            "place",
            "problems",
        ],
    );
    check_keys(
        &v["meetings"][0],
        &[
            "id",
            "document",
            "place",
            "place_full",
            "convened_by",
            "place_candidates",
            "date",
            "date_basis",
            "date_precision",
            "date_range",
            "date_year_known",
            "title",
            "chair",
            "directives",
            "reports",
        ],
    );
    check_keys(
        &v["meetings"][0]["directives"][0],
        &["text", "cue", "start", "end"],
    );
}

#[test]
fn phrases_json_has_the_documented_fields() {
    let bytes = ok(&["phrases", "--json"]);
    let out: PhrasesOut = serde_json::from_slice(&bytes).unwrap();
    let first = out.groups.first().unwrap();
    assert!(!first.places.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    check_keys(&v, &["groups"]);
    let g = &v["groups"][0];
    check_keys(
        g,
        &[
            "id", "phrase", "variants", "differs", "places", "meetings", "score", "parts",
            "lineage",
        ],
    );
    check_keys(&g["variants"][0], &["text", "count"]);
    let place = g["places"].as_object().unwrap().values().next().unwrap();
    check_keys(place, &["count", "meetings", "first"]);
    check_keys(
        &g["parts"],
        &[
            "shape",
            "marks",
            "fixedness",
            "spread",
            "outlets",
            "specificity",
        ],
    );
    check_keys(&g["lineage"][0], &["text", "first", "from", "change"]);
    check_keys(&g["lineage"][0]["first"], &["place", "date", "meeting"]);
    // Every group's lineage lists its variants that stand as its uses, the first from none.
    for g in &out.groups {
        let Some((first, rest)) = g.lineage.split_first() else {
            panic!("{} has no lineage", g.phrase);
        };
        assert!(first.from.is_none() && first.change.is_empty(), "{first:?}");
        for l in rest {
            assert!(l.from.is_some() && !l.change.is_empty(), "{l:?}");
            assert!(g.variants.iter().any(|v| v.text == l.text), "{l:?}");
        }
    }
}

#[test]
fn user_lexicon_files() {
    let dir = std::env::temp_dir().join(format!("tifa-cli-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dict = dir.join("dict.txt");
    let stop = dir.join("stop.txt");
    std::fs::write(&dict, "# 用户词典\n严防死守\n").unwrap();
    std::fs::write(&stop, "铜墙铁壁\n").unwrap();
    let (d, s) = (dict.to_str().unwrap(), stop.to_str().unwrap());
    let out: PhrasesOut =
        serde_json::from_slice(&ok(&["phrases", "--json", "--dict", d, "--stop", s])).unwrap();
    let phrases: Vec<&str> = out.groups.iter().map(|g| g.phrase.as_str()).collect();
    assert!(!phrases.contains(&"铜墙铁壁"), "{phrases:?}");
    let listed = out.groups.iter().find(|g| g.phrase == "严防死守");
    assert!(
        listed.is_some_and(|g| g.parts.marks.iter().any(|m| m == "lexicon")),
        "{phrases:?}"
    );
    // A dictionary that is not UTF-8 is refused with its name.
    std::fs::write(&dict, [0xd1u8, 0xcf, 0xb7, 0xc0]).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(["phrases", "--dict", d])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("dict.txt") && err.contains("UTF-8"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_merge_file_shows_two_groups_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let plain: PhrasesOut = serde_json::from_slice(&ok(&["phrases", "--json"])).unwrap();
    let (first, third) = (&plain.groups[0].phrase, &plain.groups[2].phrase);
    let merge = dir.path().join("merge.txt");
    std::fs::write(&merge, format!("# 同一提法\n{first} = {third}\n")).unwrap();
    let file = merge.to_str().unwrap();
    let out: PhrasesOut =
        serde_json::from_slice(&ok(&["phrases", "--json", "--merge", file])).unwrap();
    assert_eq!(out.groups.len() + 1, plain.groups.len());
    let g = out
        .groups
        .iter()
        .find(|g| g.variants.iter().any(|v| &v.text == first))
        .unwrap();
    assert!(g.variants.iter().any(|v| &v.text == third), "{g:?}");
    // The lexicon the groups were mined with is a table of its own.
    let csv = ok(&[
        "export", "--table", "lexicon", "--format", "csv", "--merge", file,
    ]);
    let csv = String::from_utf8_lossy(&csv);
    assert!(
        csv.contains("类别") && csv.contains(&format!("合并,{first} = {third}")),
        "{csv}"
    );
    std::fs::write(&merge, "两手抓\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(["phrases", "--merge", file])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("merge.txt, line 1"), "{err}");
}

#[test]
fn diff_json_has_the_documented_fields() {
    let bytes = ok(&["diff", "m0", "m1", "--json"]);
    let out: DiffOut = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(out.left.map(|m| m.id).as_deref(), Some("m0"));
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    check_keys(&v, &["left", "right", "paired", "rows"]);
    let row = &v["rows"][0];
    check_keys(
        row,
        &[
            "left",
            "right",
            "score",
            "shared_chars",
            "related_by",
            "segments",
        ],
    );
    check_keys(&row["segments"][0], &["kind", "text", "left", "right"]);
}

#[test]
fn compare_json_rows_are_table_rows_with_sources() {
    let rows: Vec<TableRow> =
        serde_json::from_slice(&ok(&["compare", "--format", "json"])).unwrap();
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r.cells.contains_key("提法"), "{r:?}");
        assert!(
            r.source.as_ref().is_some_and(|s| !s.file.is_empty()),
            "{r:?}"
        );
    }
}

/// `export --table KIND` to standard output as JSON: the rows, with `column` in every row.
fn check_export(args: &[&str], column: &str) {
    let mut all = vec!["export", "--format", "json"];
    all.extend_from_slice(args);
    let rows: Vec<TableRow> = serde_json::from_slice(&ok(&all)).unwrap();
    assert!(!rows.is_empty(), "{args:?}");
    assert!(
        rows.iter().all(|r| r.cells.contains_key(column)),
        "{args:?}"
    );
}

#[test]
fn export_writes_every_table() {
    check_export(&["--table", "matrix"], "提法");
    check_export(&["--table", "cells"], "地点");
    check_export(&["--table", "keyness"], "G²");
    check_export(&["--table", "meetings"], "标题");
    check_export(&["--table", "directives"], "部署");
    check_export(&["--table", "library"], "编码");
    check_export(&["--table", "side", "--group", "0"], "原句（标记）");
    check_export(&["--table", "diff", "--pair", "m0", "m1"], "左");
    check_export(&["--table", "adopters"], "距首用天数");
    check_export(&["--table", "cascades"], "event_time");
    check_export(&["--table", "adoption"], "months_at_risk");
    check_export(&["--table", "edges"], "级联数");
    check_export(&["--table", "coverage"], "会议数");
    check_export(&["--table", "restated"], "标签");
    check_export(&["--table", "shares"], "照搬");
    check_export(&["--table", "track", "--phrase", "疫情防控"], "原句");
    check_export(&["--table", "track-months", "--phrase", "疫情防控"], "月份");
}

#[test]
fn track_json_gives_places_months_and_sentences() {
    let bytes = ok(&["track", "两手都要硬", "--json"]);
    let t: tifa::report::track::Track = serde_json::from_slice(&bytes).unwrap();
    let places: Vec<&str> = t.places.iter().map(|p| p.place.as_str()).collect();
    assert!(
        places.contains(&"永康") && places.contains(&"嵊州"),
        "{places:?}"
    );
    assert!(t.sentences.iter().all(|s| s.text.contains("两手都要硬")));
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    check_keys(&v, &["phrase", "places", "months", "sentences"]);
    let o = cli(&["export", "--table", "track"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--phrase"));
}

#[test]
fn restated_json_has_the_documented_fields() {
    let bytes = ok(&["restated", "--json"]);
    let out: tifa::report::Restatement = serde_json::from_slice(&bytes).unwrap();
    assert!(!out.meetings.is_empty());
    // The seeds are three localities and nothing above them: every clause is their own, and
    // each meeting says it had nothing above to compare with.
    for m in &out.meetings {
        assert_eq!(m.higher_meetings, 0, "{}", m.id);
        assert!(m.clauses.iter().all(|c| c.source.is_none()));
    }
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    check_keys(&v, &["meetings", "places", "months", "window_days"]);
    let m = &v["meetings"][0];
    for key in ["id", "place", "date", "shares", "clauses"] {
        assert!(m.get(key).is_some(), "{key}");
    }
    for key in ["restated", "adapted", "local"] {
        assert!(m["shares"].get(key).is_some(), "{key}");
    }
    for key in [
        "text",
        "start",
        "end",
        "label",
        "source",
        "similarity",
        "diff",
    ] {
        assert!(m["clauses"][0].get(key).is_some(), "{key}");
    }
}

/// The seeds' 复工复产 (with 复产复工): 盐城, then 永康 eleven days later, then 嵊州 after 21.
#[test]
fn diffusion_json_has_the_documented_fields_and_the_seeds_order() {
    let bytes = ok(&["diffusion", "--json"]);
    let out: tifa::report::Diffusion = serde_json::from_slice(&bytes).unwrap();
    let g = out.groups.iter().find(|g| g.phrase == "复工复产").unwrap();
    let got: Vec<(&str, String, Option<i64>)> = g
        .adopters
        .iter()
        .map(|a| (a.place.as_str(), a.first.unwrap().to_string(), a.lag_days))
        .collect();
    assert_eq!(
        got,
        [
            ("盐城", "2020-02-03".to_string(), Some(0)),
            ("永康", "2020-02-14".to_string(), Some(11)),
            ("嵊州", "2020-02-24".to_string(), Some(21)),
        ]
    );
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    for key in ["groups", "edges", "coverage", "direction", "model", "thin"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let group = &v["groups"][0];
    for key in ["id", "phrase", "adopters", "curve", "direction", "lags"] {
        assert!(group.get(key).is_some(), "{key}");
    }
    for key in [
        "place",
        "place_full",
        "level",
        "parent",
        "first",
        "precision",
        "meeting",
        "lag_days",
        "lag_from_centre",
        "lag_from_parent",
    ] {
        assert!(group["adopters"][0].get(key).is_some(), "{key}");
    }
    check_keys(&group["curve"][0], &["date", "adopters"]);
    check_keys(
        &group["direction"],
        &["top_down", "bottom_up", "same_day", "taken_up"],
    );
    check_keys(
        &v["coverage"][0],
        &["place", "month", "documents", "meetings"],
    );

    // The same order in NetworkInference's long format, one group at a time.
    let id = g.id.to_string();
    let csv = String::from_utf8(ok(&["export", "--table", "cascades", "--group", &id])).unwrap();
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').take(4).collect())
        .collect();
    let names: Vec<(&str, &str)> = rows.iter().map(|r| (r[0], r[3])).collect();
    assert_eq!(
        names,
        [
            ("盐城", "2020-02-03"),
            ("永康", "2020-02-14"),
            ("嵊州", "2020-02-24")
        ]
    );
    assert!(
        rows.iter()
            .all(|r| r[1] == id && r[2].parse::<i64>().is_ok())
    );
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("node_name,cascade_id,event_time")
    );
}

#[test]
fn diffusion_writes_each_groups_charts_as_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("charts");
    ok(&["diffusion", "--group", "2", "--svg", out.to_str().unwrap()]);
    for name in ["curve-2.svg", "lags-2.svg", "graph-2.svg"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(text.starts_with("<svg "), "{name}");
        assert!(text.trim_end().ends_with("</svg>"), "{name}");
    }
    // The curve names its adopters.
    let curve = std::fs::read_to_string(out.join("curve-2.svg")).unwrap();
    assert!(curve.contains("永康"), "{curve}");
}

#[test]
fn diffusion_refuses_an_unknown_group_and_a_bad_window() {
    for (args, says) in [
        (&["diffusion", "--group", "99999"][..], "no phrase group"),
        (&["diffusion", "--window", "0"], "--window"),
        (&["diffusion", "--svg", "charts"], "--group"),
    ] {
        let o = cli(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn export_writes_files_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    for (name, magic) in [
        ("meetings.csv", &b"\xEF\xBB\xBF"[..]),
        ("meetings.xlsx", b"PK"),
        ("meetings.md", b"| "),
        ("meetings.json", b"["),
    ] {
        let path = dir.path().join(name);
        ok(&[
            "export",
            "--table",
            "meetings",
            "--out",
            path.to_str().unwrap(),
        ]);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{name}");
    }
}

#[test]
fn export_explains_what_it_is_missing() {
    for (args, says) in [
        (&["export", "--table", "phrases"][..], "phrases"),
        (&["export", "--table", "side"], "--group"),
        (&["export", "--table", "diff"], "--pair"),
        (
            &["export", "--table", "diff", "--pair", "m0", "某县"],
            "neither",
        ),
        (
            &["export", "--table", "matrix", "--format", "xlsx"],
            "--out",
        ),
    ] {
        let o = cli(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

/// A county meeting restating its province's, read from pages as the engine reads them: the
/// province's clauses restated word for word, one adapted (重大项目 → 县域特色产业), one its own.
#[test]
fn restated_finds_a_countys_province_above_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("province.txt"),
        "浙江日报 2021年3月2日\n省委常委会召开会议\n3月1日，省委书记主持召开省委常委会会议。\n\
         会议强调，要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。\
         要加快推进重大项目建设，确保全年目标任务圆满完成。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("county.txt"),
        "桐乡新闻网 2021年3月10日\n桐乡市召开市委常委会会议\n3月9日，桐乡市委常委会召开会议。\n\
         会议强调，要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。\
         要加快推进县域特色产业建设，确保全年目标任务圆满完成。要扎实做好春耕备耕和农田水利建设。\n",
    )
    .unwrap();
    let bytes = ok(&["restated", dir.path().to_str().unwrap(), "--json"]);
    let out: tifa::report::Restatement = serde_json::from_slice(&bytes).unwrap();
    let county = out.meetings.iter().find(|m| m.place == "桐乡").unwrap();
    let labels: Vec<&str> = county.clauses.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["restated", "restated", "adapted", "restated", "local"]
    );
    let adapted = &county.clauses[2];
    let source = adapted.source.as_ref().unwrap();
    assert_eq!(source.place, "浙江");
    assert_eq!(source.date.unwrap().to_string(), "2021-03-01");
    assert!(
        adapted
            .diff
            .iter()
            .any(|r| r.kind == "only_local" && r.text == "县域特色产业")
    );
    assert!(
        adapted
            .diff
            .iter()
            .any(|r| r.kind == "only_source" && r.text == "重大项目")
    );
    assert_eq!(county.higher_meetings, 1);
    // The adapted table says what was swapped in and what it replaced.
    let csv = String::from_utf8(ok(&[
        "export",
        dir.path().to_str().unwrap(),
        "--table",
        "adapted",
    ]))
    .unwrap();
    assert!(csv.contains("县域特色产业,重大项目"), "{csv}");
}
