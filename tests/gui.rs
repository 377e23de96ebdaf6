//! The desktop app driven headless through `egui_kittest`, and its state through commands.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tifa::gui::command::{Command, Correction, DiffPair, ExportFormat, TableKind, View};
use tifa::gui::jobs::{ALIGN, CORRECT};
use tifa::gui::{TifaApp, fonts};
use tifa::model::{
    DateBasis, Directive, DocId, Document, Meeting, MeetingId, Place, PlaceLevel, PolicyDate, Span,
};
use tifa::pipeline::Analysis;

// Not every test file uses every builder.
#[allow(dead_code)]
#[path = "common/pdf.rs"]
mod pdf;

#[path = "common/gui.rs"]
mod drive;
use drive::wait_for_label;

const WAIT: Duration = Duration::from_secs(120);

fn harness(app: TifaApp) -> Harness<'static, TifaApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut TifaApp| app.show(ui), app)
}

/// The app on the seeds, analysed.
fn seeded() -> Harness<'static, TifaApp> {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    assert!(!app.busy());
    let mut h = harness(app);
    h.run_steps(3);
    h
}

/// A dropped file as a test gives it.
#[derive(Debug)]
struct Dropped {
    path: PathBuf,
    bytes: Vec<u8>,
}

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.path
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Ok(self.bytes.clone())
    }
}

fn drop_file(h: &mut Harness<'static, TifaApp>, path: &str, bytes: &[u8]) {
    h.input_mut().dropped_files.push(Arc::new(Dropped {
        path: PathBuf::from(path),
        bytes: bytes.to_vec(),
    }));
    h.run_steps(2);
    h.state_mut().wait_for_jobs(WAIT);
    h.run_steps(3);
}

/// A report from a county that is not among the seeds.
const OTHER_COUNTY: &str = "桐乡新闻网 2021年3月5日\n\
桐乡市召开疫情防控工作会议\n\
3月4日下午，桐乡市委常委会召开会议，市委书记主持会议。\n\
会议强调，要坚持外防输入、内防反弹，毫不放松抓好常态化疫情防控。\n\
会议指出，要统筹推进经济社会发展，两手抓、两手都要硬。\n";

fn place(name: &str) -> Place {
    Place {
        name: name.into(),
        full: format!("某省{name}").into(),
        code: String::new().into(),
        level: PlaceLevel::County,
    }
}

/// Six meetings in three places, built by hand so the views can be checked without the engine.
fn three_places() -> Analysis {
    let text = "会议强调，要坚持外防输入、内防反弹。会议指出，要统筹推进复工复产。";
    let doc = Document::from_text(DocId(0), "/tmp/report.txt", text);
    let d1 = text.find("要坚持").unwrap_or(0);
    let d2 = text.find("要统筹").unwrap_or(0);
    let directives = vec![
        Directive {
            text: "要坚持外防输入、内防反弹".into(),
            span: Span::new(d1, d1 + "要坚持外防输入、内防反弹".len()),
            cue: "会议强调".into(),
        },
        Directive {
            text: "要统筹推进复工复产".into(),
            span: Span::new(d2, d2 + "要统筹推进复工复产".len()),
            cue: "会议指出".into(),
        },
    ];
    let places = ["甲县", "乙市", "丙区"];
    let meetings = (0..6)
        .map(|i| Meeting {
            id: MeetingId(i),
            doc: DocId(0),
            article: Span::new(0, text.len()),
            place: Some(place(places[i as usize % 3])),
            date: Some(PolicyDate::new(
                NaiveDate::from_ymd_opt(2020, 2, 1 + i * 5).unwrap_or_default(),
                DateBasis::Explicit,
            )),
            title: format!("第{}次常委会会议", i + 1),
            chair: Some("某书记".into()),
            directives: directives.clone(),
            ..Meeting::default()
        })
        .collect();
    let mut sorted: Vec<String> = places.iter().map(|p| (*p).to_string()).collect();
    sorted.sort();
    Analysis {
        documents: vec![doc],
        meetings,
        places: sorted,
        ..Analysis::default()
    }
}

#[test]
fn starts_on_the_seeds_and_shows_what_it_found() {
    let h = seeded();
    let app = h.state();
    assert_eq!(app.state.analysis.documents.len(), 5);
    let a = &app.state.analysis;
    // The status line reports exactly what the analysis holds.
    let status = format!("{} 篇文档 · {} 次会议", a.documents.len(), a.meetings.len());
    assert!(h.query_by_label_contains(&status).is_some(), "{status}");
    // The five seed reports hold seven meetings (seed 001's 调度会 and its 续会 are two) in
    // three places: three lanes, seven marks.
    assert_eq!(a.meetings.len(), 7);
    assert_eq!(a.places.len(), 3);
    assert_eq!(app.timeline().lane_count(), 3);
    assert_eq!(app.timeline().drawn.len(), 7);
    // By hierarchy: each province heads its places, though it held no meeting here.
    assert_eq!(
        app.timeline().lane_names(),
        ["江苏", "盐城", "浙江", "嵊州", "永康"]
    );
    assert!(h.query_by_label("时间线").is_some());
}

#[test]
fn three_places_give_three_lanes_and_clicking_a_meeting_opens_the_reader() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(three_places());
    let mut h = harness(app);
    h.run_steps(3);
    assert_eq!(h.state().timeline().lane_count(), 3);
    assert_eq!(h.state().timeline().drawn.len(), 6);
    let pos = h.state().timeline().mark_pos(MeetingId(4)).unwrap();
    h.hover_at(pos);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(3);
    assert_eq!(h.state().state.view, View::Reader);
    assert_eq!(h.state().state.selected_meeting, Some(MeetingId(4)));
    assert!(h.query_all_by_label("第5次常委会会议").count() >= 1);
}

#[test]
fn a_dropped_report_is_added_and_listed() {
    let mut h = seeded();
    let before = h.state().state.analysis.documents.len();
    h.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(PathBuf::from("/tmp/tongxiang.txt")),
        mime: String::new(),
    });
    h.run_steps(2);
    assert_eq!(h.state().state.hovered_files, 1);
    h.input_mut().hovered_files.clear();
    drop_file(&mut h, "/tmp/tongxiang.txt", OTHER_COUNTY.as_bytes());
    let a = &h.state().state.analysis;
    assert_eq!(a.documents.len(), before + 1);
    assert!(a.documents.iter().any(|d| d.path == "/tmp/tongxiang.txt"));
    // The new county is a new place: a lane of its own on the timeline.
    assert!(a.places.iter().any(|p| p == "桐乡"), "{:?}", a.places);
    assert_eq!(h.state().timeline().lane_count(), 4);
    h.get_by_label("文档库").click();
    h.run_steps(3);
    assert!(h.query_by_label("/tmp/tongxiang.txt").is_some());
}

#[test]
fn a_dropped_pdf_is_a_problem_and_changes_nothing_else() {
    let mut h = seeded();
    let before = h.state().state.analysis.clone();
    drop_file(
        &mut h,
        "/tmp/report.pdf",
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    );
    let a = h.state().state.analysis.clone();
    assert_eq!(a.documents.len(), before.documents.len());
    assert_eq!(a.meetings, before.meetings);
    assert_eq!(a.places, before.places);
    assert_eq!(a.problems.len(), before.problems.len() + 1);
    let problem = a.problems.last().unwrap();
    assert_eq!(problem.path, "/tmp/report.pdf");
    assert!(
        problem.message.to_lowercase().contains("pdf"),
        "{}",
        problem.message
    );
    h.get_by_label("问题").click();
    h.run_steps(3);
    assert!(h.query_by_label("/tmp/report.pdf").is_some());
    // In the interface's language.
    assert!(h.query_by_label_contains("PDF 无法读取（").is_some());
}

#[test]
fn a_dropped_scan_is_refused_in_chinese_and_a_pdf_with_text_is_read() {
    let mut h = seeded();
    let before = h.state().state.analysis.meetings.len();
    drop_file(&mut h, "/tmp/扫描件.pdf", &pdf::scanned_pdf());
    h.get_by_label("问题").click();
    h.run_steps(3);
    assert!(h.query_by_label("/tmp/扫描件.pdf").is_some());
    assert!(
        h.query_by_label_contains("扫描版 PDF：页面是图片，没有文字层")
            .is_some()
    );
    let report = pdf::text_pdf(&[
        "某某县召开县委常委会会议",
        "2023年3月6日，县委书记主持召开县委常委会会议。会议强调，要抓紧抓实抓细各项工作。",
    ]);
    drop_file(&mut h, "/tmp/常委会.pdf", &report);
    let a = &h.state().state.analysis;
    assert_eq!(a.meetings.len(), before + 1);
    assert!(
        a.documents
            .iter()
            .any(|d| d.path == "/tmp/常委会.pdf" && d.format == tifa::Format::Pdf)
    );
}

#[test]
fn exporting_writes_a_file_that_parses_and_never_overwrites_unasked() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(three_places());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meetings.json");
    let export = |overwrite| Command::Export {
        table: TableKind::Meetings,
        path: path.clone(),
        format: ExportFormat::Json,
        overwrite,
    };
    app.handle_command(export(false));
    assert_eq!(app.wait_for_export(WAIT), Some(Ok(())));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(6));
    assert_eq!(v[0]["地点"], "甲县");
    assert_eq!(v[0]["source"]["file"], "/tmp/report.txt");

    // The file exists now: the app asks instead of writing.
    std::fs::write(&path, "keep").unwrap();
    app.handle_command(export(false));
    assert!(app.state.pending_export.is_some());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep");
    app.handle_command(Command::CancelExport);
    assert!(app.state.pending_export.is_none());
    app.handle_command(export(true));
    assert_eq!(app.wait_for_export(WAIT), Some(Ok(())));
    assert_ne!(std::fs::read_to_string(&path).unwrap(), "keep");

    let csv_path = dir.path().join("matrix.csv");
    app.handle_command(Command::Export {
        table: TableKind::Matrix,
        path: csv_path.clone(),
        format: ExportFormat::Csv,
        overwrite: false,
    });
    assert_eq!(app.wait_for_export(WAIT), Some(Ok(())));
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    let headers = r.headers().unwrap().clone();
    assert_eq!(headers.get(1), Some("提法"));

    // The Diff view's alignment exports too, one row per aligned clause.
    app.handle_command(Command::DiffMeetings(MeetingId(0), MeetingId(1)));
    let md_path = dir.path().join("diff.md");
    app.handle_command(Command::Export {
        table: TableKind::Diff,
        path: md_path.clone(),
        format: ExportFormat::Markdown,
        overwrite: false,
    });
    assert_eq!(app.wait_for_export(WAIT), Some(Ok(())));
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.contains("要坚持外防输入、内防反弹"), "{md}");
}

#[test]
fn corrections_apply_and_undo_and_redo() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(three_places());
    let id = MeetingId(1);
    let fix = Correction {
        date: NaiveDate::from_ymd_opt(2020, 3, 9),
        place: Some("丁县".into()),
        title: Some("县委理论学习中心组学习会".into()),
        ..Correction::default()
    };
    app.handle_command(Command::CorrectMeeting(id, fix));
    // Corrections are applied on a background job; the undo history is kept at once.
    assert!(app.jobs().is_running(CORRECT));
    assert_eq!(app.state.undo.len(), 1);
    app.wait_for_jobs(WAIT);
    let m = app.state.analysis.meeting(id).unwrap();
    assert_eq!(m.title, "县委理论学习中心组学习会");
    assert_eq!(
        m.place.as_ref().map(|p| p.name.to_string()),
        Some("丁县".into())
    );
    assert!(app.state.analysis.places.iter().any(|p| p == "丁县"));
    assert_eq!(app.state.workspace.corrections.len(), 1);

    app.handle_command(Command::Undo);
    app.wait_for_jobs(WAIT);
    let m = app.state.analysis.meeting(id).unwrap();
    assert_eq!(m.title, "第2次常委会会议");
    assert!(!app.state.analysis.places.iter().any(|p| p == "丁县"));

    app.handle_command(Command::Redo);
    app.wait_for_jobs(WAIT);
    assert_eq!(
        app.state.analysis.meeting(id).unwrap().title,
        "县委理论学习中心组学习会"
    );
    app.handle_command(Command::CorrectMeeting(id, Correction::default()));
    assert!(app.state.workspace.corrections.is_empty());
    // With no corrections left the engine's result is shown as it is, without a job.
    assert!(!app.jobs().is_running(CORRECT));
    assert!(Arc::ptr_eq(&app.state.analysis, &app.state.raw));
    assert_eq!(
        app.state.analysis.meeting(id).unwrap().title,
        "第2次常委会会议"
    );
}

/// Four places with many meetings of varied directives, so that aligning two of them is real
/// work.
fn four_big_places(per_place: u32) -> Analysis {
    const WORDS: [&str; 24] = [
        "统筹", "推进", "疫情", "防控", "复工", "复产", "落实", "责任", "压实", "基层", "民生",
        "保障", "项目", "建设", "招商", "引资", "生态", "环境", "安全", "生产", "乡村", "振兴",
        "营商", "改革",
    ];
    let places = ["甲县", "乙市", "丙区", "丁县"];
    let mut text = String::new();
    let mut seed = 11_u64;
    let mut word = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        WORDS[((seed >> 33) % WORDS.len() as u64) as usize]
    };
    let mut meetings = Vec::new();
    for i in 0..per_place * 4 {
        let directives = (0..6)
            .map(|_| {
                let d = format!(
                    "要{}{}{}，{}{}{}，{}{}",
                    word(),
                    word(),
                    word(),
                    word(),
                    word(),
                    word(),
                    word(),
                    word()
                );
                let start = text.len();
                text.push_str(&d);
                text.push('。');
                Directive {
                    span: Span::new(start, start + d.len()),
                    text: d,
                    cue: "会议强调".into(),
                }
            })
            .collect();
        meetings.push(Meeting {
            id: MeetingId(i),
            doc: DocId(0),
            place: Some(place(places[(i % 4) as usize])),
            date: Some(PolicyDate::new(
                NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default()
                    + chrono::Days::new(u64::from(i)),
                DateBasis::Explicit,
            )),
            title: format!("第{}次常委会会议", i + 1),
            directives,
            ..Meeting::default()
        });
    }
    for m in &mut meetings {
        m.article = Span::new(0, text.len());
    }
    let mut a = Analysis {
        documents: vec![Document::from_text(DocId(0), "/tmp/big.txt", &text)],
        meetings,
        ..Analysis::default()
    };
    a.refresh_places();
    a
}

#[test]
fn changing_the_diff_pair_quickly_leaves_one_alignment_for_the_last_pair() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(four_big_places(150));
    let mut h = harness(app);
    h.run_steps(1);
    let pairs = [("甲县", "乙市"), ("甲县", "丙区"), ("乙市", "丁县")];
    let mut generations = Vec::new();
    for (a, b) in pairs {
        let pair = DiffPair::Places(a.into(), b.into());
        h.state_mut()
            .handle_command(Command::ComparePlaces(a.into(), b.into()));
        // One frame: the Diff view asks for its rows and the alignment starts at once.
        h.run_steps(1);
        let app = h.state();
        let aligning: Vec<_> = app.jobs().statuses().filter(|j| j.name == ALIGN).collect();
        assert_eq!(aligning.len(), 1, "{a} {b}");
        generations.push(aligning[0].generation);
        assert_eq!(app.state.aligning.as_ref().map(|k| &k.1), Some(&pair));
        assert!(app.state.diff_rows.is_none());
    }
    assert!(
        generations.windows(2).all(|w| w[0] < w[1]),
        "{generations:?}"
    );
    h.state_mut().wait_for_jobs(WAIT);
    h.run_steps(2);
    let app = h.state();
    // Only the last pair's alignment reached the view; the two it replaced were dropped.
    assert_eq!(app.jobs().finished(ALIGN), 1);
    assert!(!app.busy());
    let rows = app.state.diff_rows.as_ref().unwrap();
    assert_eq!(rows.key.1, DiffPair::Places("乙市".into(), "丁县".into()));
    assert!(rows.rows.len() >= 150 * 6, "{}", rows.rows.len());
    // The rows in sight are drawn, not all of them.
    assert!(h.query_by_label("左 · 地点").is_some());
    assert!(h.query_all_by_label_contains("%").count() < 200);
}

#[test]
fn export_and_a_whole_place_diff_leave_the_frame_free() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(four_big_places(150));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("diff.csv");
    app.handle_command(Command::ComparePlaces("甲县".into(), "丙区".into()));
    app.handle_command(Command::Export {
        table: TableKind::Diff,
        path: path.clone(),
        format: ExportFormat::Csv,
        overwrite: false,
    });
    // The export runs as a job of its own: nothing was built or written yet on this thread.
    let exporting: Vec<_> = app.jobs().statuses().map(|j| j.name.clone()).collect();
    assert_eq!(exporting, [format!("export {}", path.display())]);
    assert_eq!(app.wait_for_export(WAIT), Some(Ok(())));
    let mut r = csv::Reader::from_path(&path).unwrap();
    assert!(r.records().count() >= 150 * 6);
    assert!(
        app.state
            .notifications
            .iter()
            .any(|n| n.text.contains("diff.csv"))
    );
}

#[test]
fn commands_change_selection_views_and_language() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(three_places());
    app.handle_command(Command::SelectMeeting {
        id: Some(MeetingId(2)),
        open: true,
    });
    assert_eq!(app.state.view, View::Reader);
    app.handle_command(Command::ComparePlaces("甲县".into(), "丙区".into()));
    assert_eq!(app.state.view, View::Diff);
    assert_eq!(
        app.state.diff,
        Some(DiffPair::Places("甲县".into(), "丙区".into()))
    );
    app.handle_command(Command::SetLanguage(tifa::gui::command::Lang::En));
    let mut h = harness(app);
    h.run_steps(3);
    assert!(h.query_by_label("Timeline").is_some());
    assert!(h.query_by_label("时间线").is_none());
    h.get_by_label("Library").click();
    h.run_steps(2);
    assert_eq!(h.state().state.view, View::Library);
    assert_eq!(h.state().state.workspace.view, View::Library);
}

#[test]
fn removing_a_document_reanalyses_without_it() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    let first = app.state.analysis.documents[0].path.clone();
    app.handle_command(Command::RemoveDocument(first.clone()));
    assert!(app.busy());
    app.wait_for_jobs(WAIT);
    let a = &app.state.analysis;
    assert_eq!(a.documents.len(), 4);
    assert!(a.documents.iter().all(|d| d.path != first));
    assert!(app.state.workspace.removed.contains(&first));
    let meetings = |app: &TifaApp| app.state.analysis.meetings.len();
    let without = meetings(&app);
    // Undo puts it back as it was read; redo takes it out again.
    app.handle_command(Command::Undo);
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.analysis.documents.len(), 5);
    assert!(app.state.analysis.documents.iter().any(|d| d.path == first));
    assert!(!app.state.workspace.removed.contains(&first));
    assert_eq!(meetings(&app), 7);
    app.handle_command(Command::Redo);
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.analysis.documents.len(), 4);
    assert!(app.state.workspace.removed.contains(&first));
    assert_eq!(meetings(&app), without);
}

#[test]
fn every_view_draws_with_the_bundled_font() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(three_places());
    app.handle_command(Command::SelectMeeting {
        id: Some(MeetingId(0)),
        open: false,
    });
    app.handle_command(Command::DiffMeetings(MeetingId(0), MeetingId(3)));
    let mut h = harness(app);
    // A missing glyph panics the harness, so drawing each view checks the font covers it.
    for view in View::ALL {
        h.state_mut().handle_command(Command::ShowView(view));
        h.run_steps(2);
        assert_eq!(h.state().state.view, view);
    }
}

#[test]
fn the_window_icon_decodes() {
    let icon = tifa::gui::icon().unwrap();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
}

#[test]
fn choosing_a_phrase_group_shows_its_sentences_per_place() {
    let mut h = seeded();
    let groups = h.state().state.analysis.phrases.len();
    assert!(groups > 0);
    h.get_by_label("比较").click();
    h.run_steps(3);
    let first = h.state().state.analysis.phrases[0].clone();
    h.get_by_label(&first.phrase).click();
    h.run_steps(3);
    // Sorting by a column draws the arrow glyph, which the bundled font must have.
    h.get_by_label("合计").click();
    h.run_steps(2);
    h.get_by_label("合计 ↓").click();
    h.run_steps(2);
    assert!(h.query_by_label("合计 ↑").is_some());
    assert_eq!(h.state().state.selected_group, Some(first.id));
    // One column per place that uses the group, headed by its name and sentence count.
    for (place, uses) in &first.places {
        if uses.count > 0 {
            assert!(
                h.query_by_label_contains(&format!("{place} (")).is_some(),
                "{place}"
            );
        }
    }
    h.get_by_label("时间线").click();
    h.run_steps(2);
    assert_eq!(h.state().state.view, View::Timeline);
}

#[test]
fn a_groups_lineage_is_a_tree_whose_variants_open_their_first_meeting() {
    let mut h = seeded();
    let group = h
        .state()
        .state
        .analysis
        .phrases
        .iter()
        .find(|g| g.lineage.len() > 1)
        .cloned()
        .expect("a seed group with more than one variant");
    h.get_by_label("比较").click();
    h.run_steps(3);
    // Its score, part by part, in the tooltip of its row.
    h.get_by_label(&group.phrase).hover();
    // Past egui's tooltip delay.
    h.run_steps(60);
    assert!(
        h.query_by_label_contains(&format!("得分 {:.2}", group.score))
            .is_some(),
        "no score tooltip for {}",
        group.phrase
    );
    h.get_by_label(&group.phrase).click();
    h.run_steps(3);
    assert!(h.query_by_label("变体谱系").is_some());
    // The last variant to appear: its link, and its place, date and change beneath it.
    let last = group.lineage.last().expect("lineage");
    let place = last.first.place.clone().unwrap_or_default();
    let date = last.first.date.map(|d| d.to_string()).unwrap_or_default();
    let line = format!(
        "{place} {date} · {}",
        tifa::gui::messages::change(tifa::gui::command::Lang::Zh, &last.change)
    );
    assert!(h.query_all_by_label(&line).next().is_some(), "{line}");
    // The first variant, at the top of the tree, opens the meeting that first used it.
    let first = &group.lineage[0];
    let links: Vec<_> = h.query_all_by_label(&first.text).collect();
    assert!(!links.is_empty(), "{}", first.text);
    links[links.len() - 1].click();
    h.run_steps(3);
    assert_eq!(h.state().state.view, View::Reader);
    assert_eq!(h.state().state.selected_meeting, Some(first.first.meeting));
}

#[test]
fn a_corrected_place_is_a_compare_column_and_an_exported_column() {
    let mut h = seeded();
    let id = MeetingId(1);
    let fix = Correction {
        place: Some("丁县".into()),
        ..Correction::default()
    };
    h.state_mut()
        .handle_command(Command::CorrectMeeting(id, fix));
    // Corrections apply on a job of their own.
    h.state_mut().wait_for_jobs(WAIT);
    h.get_by_label("比较").click();
    h.run_steps(3);
    // The corrected place heads a column on screen.
    assert!(h.query_by_label("丁县").is_some());
    let app = h.state();
    let a = &app.state.analysis;
    // Per group, what the corrected meeting contributes: occurrences and the meeting itself.
    let expect: Vec<(usize, Vec<MeetingId>)> = a
        .phrases
        .iter()
        .map(|g| {
            let n = g.occurrences.iter().filter(|o| o.meeting == id).count();
            (n, if n > 0 { vec![id] } else { Vec::new() })
        })
        .collect();
    assert!(
        expect.iter().any(|(n, _)| *n > 0),
        "meeting {id} uses no group"
    );
    let m = app.compare().matrix().unwrap();
    let col = m.places.iter().position(|p| p == "丁县").unwrap();
    let shown: Vec<(usize, Vec<MeetingId>)> = m
        .rows
        .iter()
        .map(|r| (r.cells[col].count, r.cells[col].meetings.clone()))
        .collect();
    assert_eq!(shown, expect);
    let want: Vec<String> = m.rows.iter().map(|r| r.cells[col].label()).collect();

    // The exported matrix has the same column with the same counts.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("matrix.csv");
    h.state_mut().handle_command(Command::Export {
        table: TableKind::Matrix,
        path: path.clone(),
        format: ExportFormat::Csv,
        overwrite: false,
    });
    assert_eq!(h.state_mut().wait_for_export(WAIT), Some(Ok(())));
    let mut r = csv::Reader::from_path(&path).unwrap();
    let headers = r.headers().unwrap().clone();
    let at = headers.iter().position(|c| c == "丁县").unwrap();
    let cells: Vec<String> = r
        .records()
        .map(|rec| rec.unwrap().get(at).unwrap_or_default().to_string())
        .collect();
    assert_eq!(cells, want);
    assert!(
        cells
            .iter()
            .any(|c| c.ends_with("次/1场") || c.contains("次/1场 "))
    );
}

#[test]
fn checked_and_corrected_meetings_say_how_far_each_field_is_right() {
    let mut h = seeded();
    let open = |h: &mut Harness<'static, TifaApp>, id: u32| {
        h.state_mut().handle_command(Command::SelectMeeting {
            id: Some(MeetingId(id)),
            open: true,
        });
        h.run_steps(3);
    };
    h.get_by_label("文档库").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("尚无已核对的会议").is_some());

    open(&mut h, 0);
    h.get_by_label("标为已核对").click();
    h.run_steps(3);
    assert!(
        h.state()
            .state
            .correction(MeetingId(0))
            .is_some_and(|c| c.checked)
    );
    assert!(h.query_by_label("已核对").is_some());
    h.state_mut().handle_command(Command::CorrectMeeting(
        MeetingId(1),
        Correction {
            place: Some("某某县".into()),
            ..Correction::default()
        },
    ));
    // Corrections are applied on a background job.
    h.state_mut().wait_for_jobs(WAIT);
    h.get_by_label("文档库").click();
    h.run_steps(3);
    for line in [
        "地点：已核对 2 次会议，1 次正确",
        "日期：已核对 2 次会议，2 次正确",
        "标题：已核对 2 次会议，2 次正确",
    ] {
        // A label and its text run both carry the words.
        assert!(
            h.query_all_by_label_contains(line).next().is_some(),
            "{line}"
        );
    }

    h.state_mut().handle_command(Command::Undo);
    h.state_mut().wait_for_jobs(WAIT);
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("地点：已核对 1 次会议，1 次正确")
            .next()
            .is_some()
    );

    // The shortcut takes the check off again, and undo puts it back.
    open(&mut h, 0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run_steps(3);
    assert!(h.state().state.correction(MeetingId(0)).is_none());
    assert!(h.query_by_label("标为已核对").is_some());
    h.state_mut().handle_command(Command::Undo);
    h.run_steps(3);
    assert!(
        h.state()
            .state
            .correction(MeetingId(0))
            .is_some_and(|c| c.checked)
    );

    let json = serde_json::to_string(&h.state().state.workspace).unwrap();
    let back: tifa::gui::state::Workspace = serde_json::from_str(&json).unwrap();
    assert_eq!(back, h.state().state.workspace);
    assert!(json.contains("\"checked\":true"), "{json}");
}

#[test]
fn the_diffusion_view_lists_adopters_in_order_and_opens_the_first_sentence() {
    let mut h = seeded();
    let group = h
        .state()
        .state
        .analysis
        .phrases
        .iter()
        .find(|g| g.phrase == "复工复产")
        .cloned()
        .expect("the seeds' 复工复产 group");
    h.get_by_label("传播").click();
    h.run_steps(3);
    assert_eq!(h.state().state.view, View::Diffusion);
    // Entering with no group chosen chooses the first, so the view is never empty.
    assert!(h.state().state.selected_group.is_some());
    h.get_by_label(&format!("{} (3)", group.phrase)).click();
    h.run_steps(3);
    assert_eq!(h.state().state.selected_group, Some(group.id));
    // The adopters with their lags from the first use: 盐城, then 永康 11 days later, 嵊州 21.
    for (place, lag) in [("盐城", "0"), ("永康", "11"), ("嵊州", "21")] {
        assert!(h.query_by_label(place).is_some(), "{place}");
        assert!(h.query_by_label(lag).is_some(), "{lag}");
    }
    assert!(h.query_by_label("采用曲线").is_some());
    assert!(h.query_by_label("谁跟随谁").is_some());
    // The first sentence of 永康 opens its meeting in the reader.
    let d = tifa::report::diffusion(
        &h.state().state.analysis,
        &tifa::report::DiffusionConfig::default(),
    );
    let c = d.groups.iter().find(|c| c.id == group.id).unwrap();
    let yongkang = c.adopters.iter().find(|a| a.place == "永康").unwrap();
    h.get_by_label(&yongkang.sentence).click();
    h.run_steps(3);
    assert_eq!(h.state().state.view, View::Reader);
    assert_eq!(h.state().state.selected_meeting, Some(yongkang.meeting));
}

#[test]
fn a_diffusion_chart_saves_as_svg() {
    let mut h = seeded();
    h.get_by_label("传播").click();
    h.run_steps(3);
    let group = h.state().state.selected_group.expect("a group chosen");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("curve.svg");
    h.state_mut().handle_command(Command::SaveChart {
        chart: tifa::gui::command::Chart::Curve,
        path: path.clone(),
        png: false,
    });
    h.run_steps(2);
    let svg = std::fs::read_to_string(&path).unwrap();
    let phrase = &h.state().state.analysis.phrases[group as usize].phrase;
    assert!(
        svg.starts_with("<svg ") && svg.contains(phrase.as_str()),
        "{svg}"
    );
    assert!(
        h.state()
            .state
            .notifications
            .iter()
            .any(|n| n.text.contains("curve.svg"))
    );
}

#[test]
fn ctrl_click_draws_another_groups_curve_beside_the_chosen_one() {
    let mut h = seeded();
    h.get_by_label("传播").click();
    h.run_steps(3);
    let phrases = h.state().state.analysis.phrases.clone();
    let (chosen, beside) = (&phrases[0], &phrases[1]);
    h.state_mut()
        .handle_command(Command::SelectPhraseGroup(Some(chosen.id)));
    h.run_steps(2);
    let label = |g: &tifa::model::PhraseGroup| {
        let diffusion = tifa::report::diffusion(
            &h.state().state.analysis,
            &tifa::report::DiffusionConfig::default(),
        );
        let cascade = diffusion.groups.iter().find(|c| c.id == g.id).unwrap();
        format!("{} ({})", cascade.phrase, cascade.adopters.len())
    };
    let other = label(beside);
    h.get_by_label(&other)
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run_steps(3);
    // The chosen group stays; the other is marked in the list and named in the curve's legend.
    assert_eq!(h.state().state.selected_group, Some(chosen.id));
    assert!(h.query_by_label(&format!("◆ {other}")).is_some());
    assert!(h.query_all_by_label(&beside.phrase).next().is_some());
    // A plain click chooses it.
    h.get_by_label(&format!("◆ {other}")).click();
    h.run_steps(3);
    assert_eq!(h.state().state.selected_group, Some(beside.id));
}

const PROVINCE_MEETING: &str = "浙江日报 2021年3月2日\n省委常委会召开会议\n\
3月1日，省委书记主持召开省委常委会会议。\n\
会议强调，要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。\
要加快推进重大项目建设，确保全年目标任务圆满完成。\n";

const COUNTY_MEETING: &str = "桐乡新闻网 2021年3月10日\n桐乡市召开市委常委会会议\n\
3月9日，桐乡市委常委会召开会议。\n\
会议强调，要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。\
要加快推进县域特色产业建设，确保全年目标任务圆满完成。要扎实做好春耕备耕和农田水利建设。\n";

#[test]
fn the_reader_shows_what_a_county_restates_from_its_province() {
    let mut h = seeded();
    drop_file(&mut h, "province.txt", PROVINCE_MEETING.as_bytes());
    drop_file(&mut h, "county.txt", COUNTY_MEETING.as_bytes());
    let county = h
        .state()
        .state
        .analysis
        .meetings
        .iter()
        .find(|m| m.place.as_ref().is_some_and(|p| &*p.name == "桐乡"))
        .map(|m| m.id)
        .expect("the county's meeting");
    h.state_mut().handle_command(Command::SelectMeeting {
        id: Some(county),
        open: true,
    });
    h.run_steps(3);
    assert_eq!(h.state().state.view, View::Reader);
    // The restatement is computed off the UI thread.
    assert!(
        wait_for_label(&mut h, "对上级文本的承接"),
        "no restatement section"
    );
    assert!(
        h.query_by_label_contains("照搬上级 60%").is_some(),
        "no shares line"
    );
    // The adapted clause beside its source, from the province on its date.
    assert!(
        h.query_all_by_label_contains("浙江 2021-03-01 · 0.58")
            .next()
            .is_some()
    );
    // The highlights can be switched off from the legend.
    h.get_by_label("照搬与改写").click();
    h.run_steps(2);
    h.get_by_label("提法").click();
    h.run_steps(2);
    // Compare: each place's shares, computed off the UI thread once the section is opened.
    h.get_by_label("比较").click();
    h.run_steps(2);
    h.get_by_label("各地对上级文本的承接").click();
    assert!(wait_for_label(&mut h, "60%"), "no shares for the county");
    assert!(h.query_by_label("改写分句").is_some());
}

/// Places with their division codes and the places above them, as the gazetteer gives them.
fn ranked(name: &str, code: &str, level: PlaceLevel) -> Place {
    Place {
        name: name.into(),
        full: name.into(),
        code: code.into(),
        level,
    }
}

#[test]
fn timeline_lanes_follow_the_hierarchy_and_fold() {
    let mut a = three_places();
    let province = ranked("江川", "910000", PlaceLevel::Province);
    let city = ranked("临川", "910100", PlaceLevel::Prefecture);
    let county = ranked("东阳", "910101", PlaceLevel::County);
    let centre = ranked("中央", "100000", PlaceLevel::National);
    a.ancestors
        .insert("910101".into(), vec![city.clone(), province.clone()]);
    a.ancestors.insert("910100".into(), vec![province.clone()]);
    for (i, p) in [&centre, &county, &city, &county, &centre, &county]
        .iter()
        .enumerate()
    {
        a.meetings[i].place = Some((*p).clone());
    }
    a.refresh_places();
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(a);
    let mut h = harness(app);
    h.run_steps(3);
    // The Centre, then the province (no meeting of its own) heading its prefecture and county.
    assert_eq!(
        h.state().timeline().lane_names(),
        ["中央", "江川", "临川", "东阳"]
    );
    assert!(h.state().timeline().drawn.len() >= 6);
    // Folding the province hides the places under it.
    h.state_mut().timeline_mut().toggle_collapsed("江川");
    h.run_steps(2);
    assert_eq!(h.state().timeline().lane_names(), ["中央", "江川"]);
    // By number of meetings: 东阳 has three, 中央 two, 临川 one.
    h.state_mut().timeline_mut().order = tifa::gui::panels::timeline::LaneOrder::Meetings;
    h.run_steps(2);
    assert_eq!(
        h.state().timeline().lane_names(),
        ["东阳", "中央", "临川", "江川"]
    );
}

#[test]
fn a_typed_phrase_is_tracked_per_place_with_its_sentences() {
    let mut h = seeded();
    h.get_by_label("比较").click();
    h.run_steps(2);
    h.get_by_label("追踪提法").click();
    h.run_steps(2);
    h.get_by_label("提法").click();
    h.run_steps(1);
    h.get_by_label("提法").type_text("两手都要硬");
    h.run_steps(1);
    h.get_by_label("追踪").click();
    h.run_steps(3);
    assert_eq!(h.state().state.tracked.as_deref(), Some("两手都要硬"));
    // Per place its count and first use, and each sentence under its date, place and meeting.
    assert!(h.query_by_label("永康 1 · 2020-02-14").is_some());
    assert!(h.query_by_label("嵊州 1 · 2020-02-24").is_some());
    let link = h
        .query_all_by_label_contains("2020-02-14 · 永康 · m")
        .next()
        .expect("a sentence link");
    link.click();
    h.run_steps(3);
    assert_eq!(h.state().state.view, View::Reader);
    // A phrase found nowhere says so.
    h.state_mut()
        .handle_command(Command::Track("不存在的提法".into()));
    h.get_by_label("比较").click();
    h.run_steps(3);
    assert!(h.query_by_label("任何会议中都没有找到。").is_some());
}

#[test]
fn the_diff_pickers_never_pair_a_meeting_with_itself_and_unpaired_clauses_stand_apart() {
    let mut h = seeded();
    h.get_by_label("对照").click();
    h.run_steps(3);
    assert!(h.state().state.diff.is_none());
    let lines: Vec<String> = h
        .state()
        .state
        .analysis
        .meetings
        .iter()
        .take(2)
        .map(|m| tifa::gui::panels::meeting_line(m, "地点不明"))
        .collect();
    // The left side alone chosen: no pair yet, and the right is not set to the same meeting.
    h.get_by_label("左").click();
    h.run_steps(2);
    h.get_by_label(&lines[0]).click();
    h.run_steps(2);
    assert!(h.state().state.diff.is_none());
    h.get_by_label("右").click();
    h.run_steps(2);
    h.query_all_by_label(&lines[1]).last().unwrap().click();
    h.run_steps(2);
    let (a, b) = {
        let m = &h.state().state.analysis.meetings;
        (m[0].id, m[1].id)
    };
    assert_eq!(h.state().state.diff, Some(DiffPair::Meetings(a, b)));
    h.state_mut().wait_for_jobs(WAIT);
    h.run_steps(3);
    // Clauses without a partner are listed apart, folded; pairs sort by similarity on demand.
    assert!(h.query_by_label_contains("未配对的分句 (").is_some());
    h.get_by_label("按相似度").click();
    h.run_steps(2);
}

#[test]
fn undated_meetings_are_listed_on_the_timeline_and_open_the_reader() {
    let mut a = three_places();
    a.meetings[2].date = None;
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(a);
    let mut h = harness(app);
    h.run_steps(3);
    assert_eq!(h.state().timeline().drawn.len(), 5);
    h.get_by_label("1 无日期").click();
    h.run_steps(2);
    h.get_by_label_contains("第3次常委会会议").click();
    h.run_steps(3);
    assert_eq!(h.state().state.view, View::Reader);
    assert_eq!(h.state().state.selected_meeting, Some(MeetingId(2)));
}

#[test]
fn a_long_picker_filters_as_one_types_and_opens_at_the_current_choice() {
    let mut h = seeded();
    let groups = h.state().state.analysis.phrases.clone();
    assert!(groups.len() > 20, "{}", groups.len());
    let chosen = &groups[groups.len() - 1];
    h.state_mut()
        .handle_command(Command::SelectPhraseGroup(Some(chosen.id)));
    h.run_steps(2);
    // Open at the current choice: its entry is laid out though it is the last of the list.
    h.get_by_label("提法组").click();
    h.run_steps(3);
    let entry = format!("{} ({})", chosen.phrase, chosen.meetings.len());
    assert!(h.query_by_label(&entry).is_some(), "{entry}");
    // Typing narrows the list to the entries containing what was typed.
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("复工复产");
    h.run_steps(3);
    assert_eq!(
        h.get_by_role(egui::accesskit::Role::TextInput)
            .value()
            .as_deref(),
        Some("复工复产")
    );
    let wanted = groups.iter().find(|g| g.phrase == "复工复产").unwrap();
    let line = format!("{} ({})", wanted.phrase, wanted.meetings.len());
    h.get_by_label(&line).click();
    h.run_steps(3);
    assert_eq!(h.state().state.selected_group, Some(wanted.id));
}

#[test]
fn a_hand_entered_place_is_checked_against_the_gazetteer() {
    let mut h = seeded();
    let id = h.state().state.analysis.meetings[0].id;
    h.state_mut().handle_command(Command::SelectMeeting {
        id: Some(id),
        open: true,
    });
    h.run_steps(3);
    // The place field of the correction form (the second "地点": the first is the metadata's).
    let set_place = |h: &mut Harness<'static, TifaApp>, text: &str| {
        let field = h
            .query_all_by_role(egui::accesskit::Role::TextInput)
            .nth(1)
            .expect("the place field");
        field.focus();
        field.set_text_value_accesskit(text);
        h.run_steps(1);
        h.get_by_label("应用").click();
        h.run_steps(3);
    };
    set_place(&mut h, "火星县");
    assert!(
        h.state().state.correction(id).is_none(),
        "an unknown place was accepted"
    );
    assert!(
        h.query_by_label_contains("not a place the gazetteer knows: 火星县")
            .is_some()
    );
    set_place(&mut h, "桐乡");
    h.state_mut().wait_for_jobs(WAIT);
    h.run_steps(3);
    let m = h.state().state.analysis.meeting(id).unwrap().clone();
    let place = m.place.unwrap();
    assert_eq!(&*place.name, "桐乡");
    // Looked up in the gazetteer: its level and full name, not a bare name.
    assert_eq!(&*place.full, "浙江省嘉兴市桐乡市");
    assert_eq!(place.level, PlaceLevel::County);
}

#[test]
fn timeline_lanes_can_follow_the_convening_body() {
    let mut a = three_places();
    // 甲县's first meeting was the province's, attended at the county's branch venue.
    a.meetings[0].convened_by = Some(ranked("江川", "910000", PlaceLevel::Province));
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.set_analysis(a);
    let mut h = harness(app);
    h.run_steps(3);
    assert!(!h.state().timeline().lane_names().contains(&"江川"));
    h.get_by_label("按召集机关").click();
    h.run_steps(3);
    assert!(h.state().timeline().convened);
    let names = h.state().timeline().lane_names();
    assert!(names.contains(&"江川"), "{names:?}");
    // Its meeting moved: six marks still, one of them in the province's lane.
    assert_eq!(h.state().timeline().drawn.len(), 6);
    assert_eq!(h.state().timeline().lane_count(), 4);
}

#[test]
fn keyness_by_place_lists_what_a_place_uses_more_than_the_rest() {
    let mut h = seeded();
    h.get_by_label("比较").click();
    h.run_steps(2);
    h.get_by_label("各地特色提法").click();
    h.run_steps(3);
    assert!(h.query_all_by_label("多用").next().is_some());
    // The strongest formula of the first place, chosen by a click.
    let first = h.state().state.analysis.places[0].clone();
    let rows = tifa::compare::keyness::keyness(
        &h.state().state.analysis,
        &tifa::compare::keyness::KeynessConfig::default(),
    );
    let top = rows
        .iter()
        .filter(|k| k.place == first && k.direction != tifa::compare::keyness::Direction::Even)
        .max_by(|a, b| a.g2.total_cmp(&b.g2))
        .unwrap();
    h.query_all_by_label(&top.phrase).next().unwrap().click();
    h.run_steps(2);
    assert_eq!(h.state().state.selected_group, Some(top.group));
}

#[test]
fn two_groups_are_merged_from_their_menus_and_the_merge_undone() {
    let mut h = seeded();
    let phrases = |h: &Harness<'static, TifaApp>| -> Vec<Vec<String>> {
        h.state()
            .state
            .analysis
            .phrases
            .iter()
            .map(|g| g.variants.iter().map(|v| v.text.clone()).collect())
            .collect()
    };
    let before = phrases(&h);
    let (a, b) = {
        let p = &h.state().state.analysis.phrases;
        (p[0].phrase.clone(), p[1].phrase.clone())
    };
    h.get_by_label("比较").click();
    h.run_steps(3);
    h.get_by_label(&a).click_secondary();
    h.run_steps(2);
    h.get_by_label("与另一组合并…").click();
    h.run_steps(2);
    // The view says what comes next until the second group is chosen.
    assert!(h.query_by_label_contains("右击另一组").is_some());
    h.get_by_label(&b).click_secondary();
    h.run_steps(2);
    h.get_by_label(&format!("合并到 「{a}」")).click();
    h.run_steps(2);
    h.state_mut().wait_for_jobs(WAIT);
    h.run_steps(2);
    let after = phrases(&h);
    assert_eq!(after.len() + 1, before.len(), "{after:?}");
    let merged = after
        .iter()
        .find(|g| g.contains(&a))
        .expect("the merged group");
    assert!(merged.contains(&b), "{merged:?}");
    assert!(h.query_by_label_contains("右击另一组").is_none());
    assert_eq!(h.state().state.workspace.user_lexicon.merge.len(), 1);
    // Ctrl+Z takes the merge back.
    h.state_mut().handle_command(Command::Undo);
    h.state_mut().wait_for_jobs(WAIT);
    assert_eq!(phrases(&h), before);
    assert!(h.state().state.workspace.user_lexicon.merge.is_empty());
}

#[test]
fn the_diff_threshold_slider_pairs_more_or_fewer_clauses() {
    use egui::accesskit::Role;
    let mut h = seeded();
    h.state_mut()
        .handle_command(Command::DiffMeetings(MeetingId(0), MeetingId(1)));
    h.state_mut().handle_command(Command::ShowView(View::Diff));
    let paired_at = |h: &mut Harness<'static, TifaApp>, pct: Option<f64>| {
        if let Some(p) = pct {
            h.get_by_role_and_label(Role::Slider, "配对阈值")
                .set_value_accesskit(p);
        }
        for _ in 0..3 {
            h.run_steps(2);
            h.state_mut().wait_for_jobs(WAIT);
        }
        let rows = h.state().state.diff_rows.clone().expect("aligned rows");
        let paired = rows
            .rows
            .iter()
            .filter(|r| r.left.is_some() && r.right.is_some())
            .count();
        (rows.key.3, paired)
    };
    let (pct, default) = paired_at(&mut h, None);
    assert_eq!(pct, 30);
    let (pct, strict) = paired_at(&mut h, Some(90.0));
    assert_eq!(pct, 90);
    let (pct, loose) = paired_at(&mut h, Some(10.0));
    assert_eq!(pct, 10);
    assert!(
        strict <= default && default <= loose,
        "{strict} {default} {loose}"
    );
    assert!(strict < loose, "{strict} {loose}");
}

#[test]
fn a_group_is_tracked_over_time_from_its_menu() {
    let mut h = seeded();
    let g = h.state().state.analysis.phrases[0].clone();
    // Every variant of the group is tracked, counted together.
    let variants: Vec<&str> = g.variants.iter().map(|v| v.text.as_str()).collect();
    let group = variants.join("|");
    h.get_by_label("比较").click();
    h.run_steps(3);
    h.get_by_label(&g.phrase).click_secondary();
    h.run_steps(2);
    h.get_by_label("追踪此提法").click();
    h.run_steps(3);
    assert_eq!(h.state().state.tracked.as_deref(), Some(group.as_str()));
    // The section opens on it, the phrase in its box and the places that use it listed.
    assert!(h.query_by_label("全部分句").is_some());
    let edit = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "提法");
    assert_eq!(edit.value().as_deref(), Some(group.as_str()));
}
