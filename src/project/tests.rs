use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use super::*;
use crate::correct::Correction;
use crate::ingest::{Corpus, seed_corpus};
use crate::pipeline::{Config, Engine, analyse};
use crate::progress::{NoProgress, stage};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(Engine::new)
}

/// A report of a county meeting, written here.
const REPORT: &str = "本报讯 3月2日，县委常委会召开会议，县委书记张某主持会议。\n会议强调，要压紧压实各方责任，抓紧抓实抓细各项工作，坚决守住安全底线。\n会议指出，要持续深化作风建设，把各项任务落到实处。\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn files(paths: &[PathBuf]) -> Corpus {
    crate::ingest::read_paths(
        paths,
        &crate::ingest::ReadConfig::default(),
        &mut NoProgress,
    )
    .unwrap()
}

/// Counts the documents the meetings stage was given.
#[derive(Default)]
struct Extracted {
    in_meetings: bool,
    documents: usize,
}

impl crate::Progress for Extracted {
    fn report(&mut self, _: usize, total: usize) -> ControlFlow<()> {
        if self.in_meetings {
            self.documents = self.documents.max(total);
        }
        ControlFlow::Continue(())
    }

    fn stage(&mut self, name: &'static str) -> ControlFlow<()> {
        self.in_meetings = name == stage::MEETINGS;
        ControlFlow::Continue(())
    }
}

/// Applies `update`, returning what was done, the analysis and how many documents were read.
fn apply(p: &mut Project, update: Update) -> (Updated, Analysis, usize) {
    let mut seen = Extracted::default();
    let (u, a) = p
        .update(engine(), update, &Config::default(), &mut seen)
        .unwrap();
    (u, a, seen.documents)
}

fn adding(corpus: Corpus) -> Update {
    Update {
        add: corpus,
        ..Update::default()
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn a_project_reopens_with_the_analysis_it_was_saved_with() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("seeds.tifa");
    let direct = analyse(engine(), seed_corpus(), &Config::default(), &mut NoProgress).unwrap();
    let mut p = Project::create(&file).unwrap();
    let (u, a, read) = apply(&mut p, adding(seed_corpus()));
    assert_eq!((u.added.len(), read), (5, 5));
    assert_eq!(json(&a.meetings), json(&direct.meetings));
    drop(p);
    let stored = Project::open(&file)
        .unwrap()
        .load(&engine().gazetteer)
        .unwrap();
    assert!(!stored.stale && stored.problems.is_empty());
    let b = &stored.analysis;
    // Reopening reads no text: each is read from the file when it is first asked for.
    assert!(b.documents.iter().all(|d| !d.text.is_held()));
    assert_eq!(&*b.documents[3].text, &*direct.documents[3].text);
    assert!(b.documents[3].text.is_held() && !b.documents[2].text.is_held());
    // Its length is known without reading it.
    assert_eq!(b.documents[2].text.bytes(), direct.documents[2].text.len());
    assert!(!b.documents[2].text.is_held());
    assert_eq!(json(&b.meetings), json(&direct.meetings));
    assert_eq!(json(&b.phrases), json(&direct.phrases));
    assert_eq!(json(&b.documents), json(&direct.documents));
    assert_eq!(b.places, direct.places);
    assert_eq!(b.ancestors, direct.ancestors);
    // The words keyness counts against are kept, one number per meeting.
    assert_eq!(b.words.len(), b.meetings.len());
    assert_eq!(b.words, direct.words);
    let info = Project::open(&file).unwrap().info().unwrap();
    assert_eq!((info.documents, info.meetings), (5, direct.meetings.len()));
    assert_eq!(info.schema, schema::VERSION);
    assert!(info.written_by.starts_with("Tifa "));
}

#[test]
fn adding_reads_only_new_documents_and_knows_moved_and_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.tifa");
    let mut p = Project::create(&file).unwrap();
    apply(&mut p, adding(seed_corpus()));
    let one = write(dir.path(), "某县日报.txt", REPORT);
    let (u, a, read) = apply(&mut p, adding(files(std::slice::from_ref(&one))));
    assert_eq!((u.added.len(), read), (1, 1), "{u:?}");
    assert_eq!(a.documents.len(), 6);
    let m = a
        .meetings
        .iter()
        .find(|m| {
            a.document_of(m)
                .is_some_and(|d| d.path.ends_with("某县日报.txt"))
        })
        .expect("the new report's meeting");
    let key = crate::correct::meeting_key(&a, m);

    // The same file again: nothing is read and nothing changes.
    let (u, _, read) = apply(&mut p, adding(files(std::slice::from_ref(&one))));
    assert!(u.is_nothing() && u.unchanged == 1 && read == 0, "{u:?}");

    // A correction, then the file moves: its results and its correction follow it.
    let mut corrections = p.corrections().unwrap();
    corrections.insert(
        key.clone(),
        Correction {
            title: Some("县委常委会会议".into()),
            ..Correction::default()
        },
    );
    p.set_corrections(&corrections).unwrap();
    let moved = dir.path().join("移动后.txt");
    std::fs::rename(&one, &moved).unwrap();
    let (u, a, read) = apply(&mut p, adding(files(std::slice::from_ref(&moved))));
    assert_eq!((u.moved.len(), read, a.documents.len()), (1, 0, 6), "{u:?}");
    let kept = p.corrections().unwrap();
    let new_key = key.replace(&one.display().to_string(), &moved.display().to_string());
    assert!(kept.contains_key(&new_key), "{kept:?}");
    assert!(!kept.contains_key(&key));

    // The file changes: found on disk, listed, and read again only when asked.
    assert!(p.changed_on_disk().unwrap().is_empty());
    std::fs::write(&moved, REPORT.replace("3月2日", "3月12日")).unwrap();
    assert_eq!(p.changed_on_disk().unwrap(), [moved.display().to_string()]);
    let (u, _, read) = apply(&mut p, adding(files(std::slice::from_ref(&moved))));
    assert_eq!((u.changed.len(), read), (1, 0), "{u:?}");
    let (u, a, read) = apply(
        &mut p,
        Update {
            add: files(std::slice::from_ref(&moved)),
            reread_changed: true,
            ..Update::default()
        },
    );
    assert_eq!(
        (u.reread.len(), read, a.documents.len()),
        (1, 1, 6),
        "{u:?}"
    );
    let dates: Vec<String> = a
        .meetings
        .iter()
        .filter(|m| {
            a.document_of(m)
                .is_some_and(|d| d.path == moved.display().to_string())
        })
        .filter_map(|m| m.date.map(|d| d.date.format("%m-%d").to_string()))
        .collect();
    assert_eq!(dates, ["03-12"]);

    // Taking it out.
    let (u, a, read) = apply(
        &mut p,
        Update {
            remove: vec![moved.display().to_string()],
            ..Update::default()
        },
    );
    assert_eq!(
        (u.removed.len(), read, a.documents.len()),
        (1, 0, 5),
        "{u:?}"
    );
    // Its text went with it, and so did its entry in the search index.
    let seeds: usize = seed_corpus().documents.iter().map(|d| d.text.len()).sum();
    assert_eq!(p.info().unwrap().text_bytes, seeds as u64);
    assert_eq!(p.count("texts").unwrap(), 5);
    let again = Project::open(&file)
        .unwrap()
        .load(&engine().gazetteer)
        .unwrap();
    assert_eq!(json(&again.analysis.meetings), json(&a.meetings));
    let direct = analyse(engine(), seed_corpus(), &Config::default(), &mut NoProgress).unwrap();
    assert_eq!(json(&a.meetings), json(&direct.meetings));
}

#[test]
fn corrections_lexicon_and_state_are_kept_and_a_bad_one_costs_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.tifa");
    let mut p = Project::create(&file).unwrap();
    let mut c = crate::correct::Corrections::new();
    c.insert(
        "seed:000.txt#0".into(),
        Correction {
            place: Some("某县".into()),
            ..Correction::default()
        },
    );
    c.insert(
        "seed:001.txt#5".into(),
        Correction {
            checked: true,
            ..Correction::default()
        },
    );
    p.set_corrections(&c).unwrap();
    let lexicon = crate::phrase::Lexicon {
        words: crate::phrase::lexicon::parse_words("外防输入、内防反弹\n两个确立 50 nz\n", "d")
            .unwrap(),
        stop: vec!["高度重视".into()],
        merge: vec![vec!["有力有序".into(), "有序有效".into()]],
    };
    p.set_lexicon(&lexicon).unwrap();
    p.set_state("view", &serde_json::json!("Compare")).unwrap();
    p.conn
        .execute(
            "INSERT INTO corrections (meeting, correction) VALUES ('seed:002.txt#1', '{\"date\": 5}')",
            [],
        )
        .unwrap();
    drop(p);
    let stored = Project::open(&file)
        .unwrap()
        .load(&engine().gazetteer)
        .unwrap();
    assert_eq!(stored.corrections, c);
    assert_eq!(stored.lexicon, lexicon);
    assert_eq!(stored.state["view"], "Compare");
    assert_eq!(stored.problems.len(), 1, "{:?}", stored.problems);
    assert!(stored.problems[0].contains("seed:002.txt#1"));
}

#[test]
fn an_older_schema_is_migrated_and_a_newer_one_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A project of the first format: no search index yet.
    let old = dir.path().join("old.tifa");
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        c.execute_batch(schema::MIGRATIONS[0]).unwrap();
        c.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute(
            "INSERT INTO documents (id, pos, path, sha256, size, encoding, format, text, document, extracted)
             VALUES (1, 0, 'a.txt', '00', 3, 'UTF-8', 'text', '要抓紧抓实抓细', ?1, '[]')",
            [json(&crate::model::Document::from_text(
                crate::model::DocId(0),
                "a.txt",
                "",
            ))],
        )
        .unwrap();
    }
    let p = Project::open(&old).unwrap();
    assert_eq!(p.schema_version().unwrap(), schema::VERSION);
    // The text moved to a table of its own, and is read from there.
    let (docs, _) = p.documents(false).unwrap();
    assert_eq!(&*docs[0].text, "要抓紧抓实抓细");
    assert_eq!(p.info().unwrap().text_bytes, "要抓紧抓实抓细".len() as u64);
    let hits = p.find("抓实抓细").unwrap();
    let at = "要抓紧".len();
    assert_eq!(
        hits,
        vec![(
            crate::model::DocId(0),
            vec![crate::model::Span::new(at, at + "抓实抓细".len())]
        )]
    );
    drop(p);

    // A file from a newer Tifa: refused, and not changed.
    let newer = dir.path().join("newer.tifa");
    drop(Project::create(&newer).unwrap());
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", schema::VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&newer).unwrap();
    let err = Project::open(&newer).unwrap_err().to_string();
    assert!(err.contains("newer Tifa"), "{err}");
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn what_is_not_a_project_is_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let text = write(dir.path(), "notes.tifa", "会议强调，要抓紧抓实抓细。");
    let err = Project::open(&text).unwrap_err().to_string();
    assert!(err.contains("not a Tifa project"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "会议强调，要抓紧抓实抓细。"
    );
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let err = Project::open(&other).unwrap_err().to_string();
    assert!(err.contains("another program"), "{err}");
    let err = Project::open(&dir.path().join("none.tifa"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no such project"), "{err}");
    let err = Project::create(&text).unwrap_err().to_string();
    assert!(err.contains("already there"), "{err}");
}

#[test]
fn search_finds_long_and_short_strings_and_names_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.tifa");
    let mut project = Project::create(&file).unwrap();
    let one = write(dir.path(), "某县日报.txt", REPORT);
    let (_, analysis) = project
        .update(
            engine(),
            adding(files(&[one])),
            &Config::default(),
            &mut NoProgress,
        )
        .unwrap();
    for pattern in ["抓紧抓实", "压实", "作风建设"] {
        let hits = project.find(pattern).unwrap();
        assert_eq!(
            hits,
            search::scan(&analysis.documents, pattern),
            "{pattern}"
        );
        assert_eq!(hits.len(), 1, "{pattern}");
    }
    assert!(project.find("没有的话").unwrap().is_empty());
    // An FTS5 operator in the pattern is a plain string.
    assert!(project.find("\"OR\"").unwrap().is_empty());
    let hits = project.find("压实").unwrap();
    let c = search::concordance(&analysis, "压实", &hits, 4, KwicSort::Document, 10);
    assert_eq!(c.total, 1);
    let l = &c.lines[0];
    assert_eq!(
        (l.left.as_str(), l.right.as_str()),
        ("，要压紧", "各方责任")
    );
    let m = analysis.meeting(l.meeting.expect("in a meeting")).unwrap();
    assert_eq!(l.title.as_deref(), Some(m.title.as_str()));
}

#[test]
fn an_imported_aggregate_is_kept_replaced_and_taken_out() {
    use crate::scale::{Aggregate, AggregateCell};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.tifa");
    let mut p = Project::create(&path).unwrap();
    assert!(p.aggregate().unwrap().is_none());
    let cell = |group_id, place: &str, adopter: Option<u32>| AggregateCell {
        group_id,
        phrase: "复工复产".into(),
        place: place.into(),
        uses: 3,
        meetings: 2,
        first: adopter.and(chrono::NaiveDate::from_ymd_opt(2020, 2, 3)),
        adopter,
        lag_days: adopter.map(|a| i64::from(a - 1) * 7),
    };
    let a = Aggregate {
        source: "/data/out".into(),
        imported: "2026-12-07T00:00:00Z".into(),
        meetings: 9,
        cells: vec![
            cell(0, "乙市", Some(1)),
            cell(0, "甲县", Some(2)),
            cell(0, "丙县", None),
            cell(1, "甲县", Some(1)),
        ],
    };
    p.set_aggregate(Some(&a)).unwrap();
    drop(p);
    let p = Project::open(&path).unwrap();
    assert_eq!(
        p.aggregate().unwrap().as_ref(),
        Some(&a),
        "in adoption order"
    );
    let stored = p.load(&engine().gazetteer).unwrap();
    assert_eq!(stored.aggregate.as_ref(), Some(&a));
    assert!(!stored.state.contains_key("aggregate"));
    drop(p);
    let mut p = Project::open(&path).unwrap();
    let b = Aggregate {
        cells: vec![cell(3, "丁县", Some(1))],
        ..a
    };
    p.set_aggregate(Some(&b)).unwrap();
    assert_eq!(p.aggregate().unwrap(), Some(b));
    p.set_aggregate(None).unwrap();
    assert!(p.aggregate().unwrap().is_none());
}

#[test]
fn a_restatement_analysis_is_kept_while_what_it_was_computed_from_stands() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("restated.tifa");
    // A county restating two clauses of its province a week later.
    let province = write(
        dir.path(),
        "province.txt",
        "浙江省委常委会召开会议\n2021年3月1日，省委常委会召开会议，省委书记袁某主持会议。\n\
         会议强调，要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。\
         要加快推进重大项目建设，确保全年目标任务圆满完成。\n",
    );
    let county = write(
        dir.path(),
        "county.txt",
        "庆元县委常委会召开会议\n2021年3月9日，庆元县委常委会召开会议，县委书记张某主持会议。\n\
         会议强调，要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。\
         要扎实做好春耕备耕和农田水利建设。\n",
    );
    let mut p = Project::create(&file).unwrap();
    let (_, a, _) = apply(&mut p, adding(files(&[province, county])));
    let config = crate::report::RestateConfig::default();
    let fingerprint = crate::report::restatement_fingerprint(&a, &config);
    assert_eq!(
        p.restatement(&fingerprint).unwrap(),
        None,
        "nothing kept yet"
    );
    let r = crate::report::restated(&a, &config);
    p.set_restatement(&r, &fingerprint).unwrap();
    drop(p);

    // Read back whole in a new connection, and only for the same analysis and settings.
    let mut p = Project::open(&file).unwrap();
    assert_eq!(p.restatement(&fingerprint).unwrap().as_ref(), Some(&r));
    assert_eq!(p.info().unwrap().restated_meetings, r.meetings.len());
    let wider = crate::report::RestateConfig {
        window_days: config.window_days + 1,
        ..config.clone()
    };
    let other = crate::report::restatement_fingerprint(&a, &wider);
    assert_ne!(other, fingerprint);
    assert_eq!(p.restatement(&other).unwrap(), None);
    // A link row for every restated or adapted clause, queryable by meeting.
    let linked = r
        .meetings
        .iter()
        .flat_map(|m| &m.clauses)
        .filter(|c| c.source.is_some() && matches!(c.label.as_str(), "restated" | "adapted"))
        .count();
    assert_eq!(linked, 2, "{r:#?}");
    assert_eq!(p.count("restatement_links").unwrap(), linked);
    let source: String = p
        .conn
        .query_row(
            "SELECT source_place FROM restatement_links WHERE label = 'restated' LIMIT 1",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(source, "浙江");

    // A report added: the analysis is another, and the kept one is taken out with it.
    let report = write(dir.path(), "another.txt", REPORT);
    let (_, added, _) = apply(&mut p, adding(files(&[report])));
    assert_ne!(
        crate::report::restatement_fingerprint(&added, &config),
        fingerprint
    );
    assert_eq!(p.restatement(&fingerprint).unwrap(), None);
    assert_eq!(p.info().unwrap().restated_meetings, 0);
    assert_eq!(p.count("restatement_links").unwrap(), 0);
}

#[test]
fn a_project_built_in_batches_holds_what_one_update_makes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batches.tifa");
    let direct = analyse(engine(), seed_corpus(), &Config::default(), &mut NoProgress).unwrap();
    let mut p = Project::create(&file).unwrap();
    let seeds = seed_corpus();
    let (first, _) = seeds.documents.split_at(2);
    let batch = |docs: &[crate::model::Document]| Corpus {
        documents: docs.to_vec(),
        ..Corpus::default()
    };
    let cfg = Config::default();
    assert_eq!(
        p.append(engine(), batch(first), &cfg, &mut NoProgress)
            .unwrap(),
        2
    );
    // A batch given again (a creation that stopped and goes on) adds only what is not there.
    assert_eq!(
        p.append(
            engine(),
            batch(seeds.documents.as_slice()),
            &cfg,
            &mut NoProgress
        )
        .unwrap(),
        3
    );
    assert_eq!(p.document_count().unwrap(), 5);
    // Until it is assembled, opening it says so, and an update with nothing new assembles it.
    let said = p.load(&engine().gazetteer).unwrap().problems;
    assert!(said.iter().any(|s| s.contains("assembled")), "{said:?}");
    let (_, pending, _) = apply(&mut p, Update::default());
    assert_eq!(json(&pending.meetings), json(&direct.meetings));
    let a = p.assemble(engine(), &cfg, &mut NoProgress).unwrap();
    assert_eq!(json(&a.meetings), json(&direct.meetings));
    assert_eq!(json(&a.phrases), json(&direct.phrases));
    drop(p);
    let stored = Project::open(&file)
        .unwrap()
        .load(&engine().gazetteer)
        .unwrap();
    assert!(!stored.stale && stored.problems.is_empty());
    assert_eq!(json(&stored.analysis.meetings), json(&direct.meetings));
    assert_eq!(json(&stored.analysis.documents), json(&direct.documents));
    let p = Project::open(&file).unwrap();
    // The index holds the texts of both batches.
    for q in ["疫情防控", "复工复产"] {
        assert_eq!(
            p.find(q).unwrap(),
            search::scan(&direct.documents, q),
            "{q}"
        );
    }
    assert!(p.meta(APPENDED).unwrap().is_none());
}

#[test]
fn documents_read_back_in_chunks_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.tifa");
    let mut p = Project::create(&file).unwrap();
    let n = 9_000;
    let documents = (0..n)
        .map(|i| {
            crate::model::Document::from_text(
                crate::model::DocId(0),
                format!("many/{i:05}.txt"),
                &format!("第{i}篇。"),
            )
        })
        .collect();
    let batch = Corpus {
        documents,
        ..Corpus::default()
    };
    p.append(engine(), batch, &Config::default(), &mut NoProgress)
        .unwrap();
    let (docs, found) = p.documents(true).unwrap();
    assert_eq!((docs.len(), found.len()), (n, n));
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d.id, crate::model::DocId(i as u32));
        assert_eq!(d.path, format!("many/{i:05}.txt"));
    }
    assert_eq!(&*docs[n - 1].text, format!("第{}篇。", n - 1));
    assert_eq!(&*docs[4096].text, "第4096篇。");
    // Rows whose order in the file is not their order in the analysis come back in the latter.
    p.conn
        .execute(
            "UPDATE documents SET pos = CASE pos WHEN 0 THEN 5000 WHEN 5000 THEN 0 ELSE pos END",
            [],
        )
        .unwrap();
    let (docs, _) = p.documents(false).unwrap();
    assert_eq!(docs[0].path, "many/05000.txt");
    assert_eq!(docs[5000].path, "many/00000.txt");
    assert_eq!(&*docs[0].text, "第5000篇。");
    assert_eq!(docs[5000].id, crate::model::DocId(5000));
}
