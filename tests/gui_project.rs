//! The project file as a newcomer uses it: Save As, correct, close, reopen, search.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tifa::gui::command::{Command, Correction, View};
use tifa::gui::state::Settings;
use tifa::gui::{TifaApp, Workspace, fonts, open_workspace};
use tifa::model::MeetingId;

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

/// The app on the seeds, saved as the project `file`, its jobs done.
fn seeds_saved_as(file: &std::path::Path) -> TifaApp {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.handle_command(Command::SaveProjectAs(file.to_path_buf()));
    app.wait_for_jobs(WAIT);
    app
}

/// The app as a start opens it with this workspace file, its jobs done.
fn started(settings_file: &std::path::Path) -> TifaApp {
    let mut app = open_workspace(
        &egui::Context::default(),
        Settings::default(),
        Some(settings_file.to_path_buf()),
    );
    app.wait_for_jobs(WAIT);
    app
}

fn titles(app: &TifaApp) -> Vec<String> {
    app.state
        .analysis
        .meetings
        .iter()
        .map(|m| format!("{} {}", app.state.analysis.place_label(m), m.title))
        .collect()
}

#[test]
fn save_as_close_reopen_and_send_keep_meetings_and_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let settings_file = dir.path().join("workspace.json");
    let project = dir.path().join("研究.tifa");

    // A newcomer on the seeds saves them as a project and corrects a title.
    let mut app = started(&settings_file);
    let before = titles(&app);
    app.handle_command(Command::SaveProjectAs(project.clone()));
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.project.as_ref(), Some(&project));
    assert_eq!(titles(&app), before);
    let fixed = Correction {
        title: Some("市委常委会扩大会议".into()),
        ..Correction::default()
    };
    app.handle_command(Command::CorrectMeeting(MeetingId(0), fixed.clone()));
    app.save_workspace();
    app.wait_for_jobs(WAIT);
    let corrected = titles(&app);
    assert_ne!(corrected, before);
    app.handle_command(Command::ShowView(View::Diffusion));
    app.save_workspace();
    drop(app);

    // The settings remember the project: the app opens on it, with the correction.
    let saved = Workspace::load(&settings_file).workspace;
    assert_eq!(saved.project.as_ref(), Some(&project));
    assert!(
        saved.corrections.is_empty(),
        "the correction lives in the project"
    );
    let mut app = started(&settings_file);
    assert_eq!(app.state.project.as_ref(), Some(&project));
    assert_eq!(titles(&app), corrected);
    assert!(
        app.state
            .workspace
            .corrections
            .values()
            .any(|c| *c == fixed)
    );

    // Closing it goes back to the seeds as they were, without the project's correction.
    app.handle_command(Command::CloseProject);
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.project, None);
    assert_eq!(titles(&app), before);
    app.save_workspace();
    drop(app);

    // Sent to a colleague: the copied file opens on a machine that never saw it.
    let sent = dir.path().join("colleague");
    std::fs::create_dir(&sent).unwrap();
    let copy = sent.join("研究.tifa");
    std::fs::copy(&project, &copy).unwrap();
    let mut theirs = TifaApp::new(
        &egui::Context::default(),
        Settings::default(),
        Workspace::default(),
        None,
    );
    theirs.wait_for_jobs(WAIT);
    theirs.handle_command(Command::OpenProject(copy.clone()));
    theirs.wait_for_jobs(WAIT);
    assert_eq!(theirs.state.project.as_ref(), Some(&copy));
    // It opens on the view it was left in.
    assert_eq!(theirs.state.view, View::Diffusion);
    assert_eq!(titles(&theirs), corrected);
}

#[test]
fn the_search_view_shows_every_hit_in_context() {
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.handle_command(Command::Search("复工复产".into()));
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.view, View::Search);
    let c = app.state.concordance.clone().expect("a concordance");
    assert!(c.total >= 2 && c.lines.len() == c.total, "{c:?}");
    assert!(c.lines.iter().all(|l| l.hit == "复工复产"));
    assert!(
        c.lines
            .iter()
            .any(|l| l.meeting.is_some() && l.place.is_some())
    );
    let mut h = harness(app);
    h.run_steps(3);
    assert!(h.query_by_label_contains("「复工复产」").is_some());
    assert_eq!(h.query_all_by_label("复工复产").count(), c.lines.len());
    let first = c.lines[0].right.clone();
    assert!(h.query_by_label(&first).is_some(), "{first}");
}

#[test]
fn a_file_changed_on_disk_is_offered_and_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("某县日报.txt");
    std::fs::write(
        &report,
        "本报讯 3月2日，县委常委会召开会议，县委书记张某主持会议。\n会议强调，要压紧压实各方责任，抓紧抓实抓细各项工作。\n",
    )
    .unwrap();
    let project = dir.path().join("p.tifa");
    let mut app = TifaApp::new(
        &egui::Context::default(),
        Settings::default(),
        Workspace {
            seeds: false,
            paths: vec![report.clone()],
            ..Workspace::default()
        },
        None,
    );
    app.wait_for_jobs(WAIT);
    app.handle_command(Command::SaveProjectAs(project.clone()));
    app.wait_for_jobs(WAIT);
    assert!(app.state.project_changed.is_empty());
    std::fs::write(
        &report,
        "本报讯 3月12日，县委常委会召开会议，县委书记张某主持会议。\n会议强调，要压紧压实各方责任，抓紧抓实抓细各项工作。\n",
    )
    .unwrap();
    app.handle_command(Command::OpenProject(project.clone()));
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.project_changed, [report.display().to_string()]);
    assert!(
        app.state
            .notifications
            .iter()
            .any(|n| n.text.starts_with("1 "))
    );
    app.handle_command(Command::RereadChanged);
    app.wait_for_jobs(WAIT);
    assert!(app.state.project_changed.is_empty());
    let dates: Vec<String> = app
        .state
        .analysis
        .meetings
        .iter()
        .filter_map(|m| m.date.map(|d| d.date.format("%m-%d").to_string()))
        .collect();
    assert_eq!(dates, ["03-12"]);
}

#[test]
fn the_lexicon_is_edited_undone_and_kept_in_the_project() {
    use tifa::gui::command::LexiconEdit;
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.tifa");
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    let phrases = |app: &TifaApp| -> Vec<String> {
        app.state
            .analysis
            .phrases
            .iter()
            .map(|g| g.phrase.clone())
            .collect()
    };
    let first = app.state.analysis.phrases[0].clone();
    let variants: Vec<String> = first.variants.iter().map(|v| v.text.clone()).collect();
    app.handle_command(Command::EditLexicon(LexiconEdit::Stop(variants.clone())));
    app.wait_for_jobs(WAIT);
    assert!(
        !phrases(&app).contains(&first.phrase),
        "{:?}",
        phrases(&app)
    );
    app.handle_command(Command::Undo);
    app.wait_for_jobs(WAIT);
    assert!(phrases(&app).contains(&first.phrase));
    assert!(app.state.workspace.user_lexicon.is_empty());

    // In a project, the lexicon and the phrases it gives are saved with it.
    app.handle_command(Command::SaveProjectAs(project.clone()));
    app.wait_for_jobs(WAIT);
    app.handle_command(Command::EditLexicon(LexiconEdit::Stop(variants)));
    app.handle_command(Command::EditLexicon(LexiconEdit::AddWord(
        "外防输入、内防反弹".into(),
    )));
    app.wait_for_jobs(WAIT);
    let edited = phrases(&app);
    assert!(!edited.contains(&first.phrase));
    drop(app);
    let mut again = TifaApp::on_seeds(&egui::Context::default());
    again.wait_for_jobs(WAIT);
    again.handle_command(Command::OpenProject(project));
    again.wait_for_jobs(WAIT);
    assert_eq!(phrases(&again), edited);
    let lexicon = &again.state.workspace.user_lexicon;
    assert_eq!(lexicon.words.len(), 1);
    assert!(!lexicon.stop.is_empty());
}

#[test]
fn a_correction_the_project_could_not_take_is_kept_and_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let settings_file = dir.path().join("workspace.json");
    let project = dir.path().join("p.tifa");
    let backup = dir.path().join("backup.tifa");
    let mut app = started(&settings_file);
    app.handle_command(Command::SaveProjectAs(project.clone()));
    app.wait_for_jobs(WAIT);
    app.save_workspace();
    // The file goes away (a disk unplugged) and a correction is made.
    std::fs::rename(&project, &backup).unwrap();
    let fixed = Correction {
        title: Some("改过的标题".into()),
        ..Correction::default()
    };
    app.handle_command(Command::CorrectMeeting(MeetingId(1), fixed.clone()));
    app.save_workspace();
    assert!(
        app.state
            .notifications
            .iter()
            .any(|n| n.text.contains("no such project")),
        "the failure is said"
    );
    drop(app);
    let kept = Workspace::load(&settings_file).workspace;
    assert!(kept.project_corrections.values().any(|c| *c == fixed));

    // The file is back: the next start puts the correction back and writes it into the project.
    std::fs::rename(&backup, &project).unwrap();
    let mut app = started(&settings_file);
    assert!(
        app.state
            .workspace
            .corrections
            .values()
            .any(|c| *c == fixed)
    );
    app.save_workspace();
    let stored = tifa::project::Project::open(&project)
        .unwrap()
        .corrections()
        .unwrap();
    assert!(stored.values().any(|c| *c == fixed));
    assert!(
        Workspace::load(&settings_file)
            .workspace
            .project_corrections
            .is_empty()
    );
}

#[test]
fn a_project_opens_from_a_typed_path() {
    use tifa::gui::command::PathPurpose;
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("typed.tifa");
    // The app that saved it stays open meanwhile.
    let _saved = seeds_saved_as(&project);
    let mut other = TifaApp::on_seeds(&egui::Context::default());
    other.wait_for_jobs(WAIT);
    other.handle_command(Command::ShowPathPrompt(PathPurpose::OpenProject));
    let mut h = harness(other);
    h.run_steps(2);
    // A path that is not there is refused in the prompt.
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("/没有/这个.tifa");
    h.run_steps(2);
    h.get_by_label("确定").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("找不到").is_some());
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.set_text_value_accesskit(project.to_str().unwrap());
    h.run_steps(2);
    h.get_by_label("确定").click();
    h.run_steps(2);
    h.state_mut().wait_for_jobs(WAIT);
    h.run_steps(2);
    assert_eq!(h.state().state.project.as_ref(), Some(&project));
}

#[test]
fn corrections_a_project_could_not_take_survive_opening_another() {
    let dir = tempfile::tempdir().unwrap();
    let settings_file = dir.path().join("workspace.json");
    let (a, b, backup) = (
        dir.path().join("a.tifa"),
        dir.path().join("b.tifa"),
        dir.path().join("a-backup.tifa"),
    );
    let mut app = started(&settings_file);
    app.handle_command(Command::SaveProjectAs(b.clone()));
    app.wait_for_jobs(WAIT);
    app.handle_command(Command::SaveProjectAs(a.clone()));
    app.wait_for_jobs(WAIT);
    app.save_workspace();
    // A goes away, a correction is made that it cannot take, and the user opens B.
    std::fs::rename(&a, &backup).unwrap();
    let fixed = Correction {
        title: Some("离开项目前的更正".into()),
        ..Correction::default()
    };
    app.handle_command(Command::CorrectMeeting(MeetingId(2), fixed.clone()));
    app.save_workspace();
    app.handle_command(Command::OpenProject(b.clone()));
    app.wait_for_jobs(WAIT);
    app.save_workspace();
    assert_eq!(app.state.project.as_ref(), Some(&b));
    assert!(
        !app.state
            .workspace
            .corrections
            .values()
            .any(|c| *c == fixed)
    );
    drop(app);
    let kept = Workspace::load(&settings_file).workspace;
    assert!(
        kept.pending_corrections
            .get(&a.display().to_string())
            .is_some_and(|c| c.values().any(|c| *c == fixed)),
        "{kept:#?}"
    );

    // A is back: opening it puts the correction back and writes it in.
    std::fs::rename(&backup, &a).unwrap();
    let mut app = started(&settings_file);
    app.handle_command(Command::OpenProject(a.clone()));
    app.wait_for_jobs(WAIT);
    assert!(
        app.state
            .workspace
            .corrections
            .values()
            .any(|c| *c == fixed)
    );
    app.save_workspace();
    let stored = tifa::project::Project::open(&a)
        .unwrap()
        .corrections()
        .unwrap();
    assert!(stored.values().any(|c| *c == fixed));
    drop(app);
    assert!(
        Workspace::load(&settings_file)
            .workspace
            .pending_corrections
            .is_empty()
    );
}

#[test]
fn closing_a_project_that_could_not_take_a_correction_keeps_it_for_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let settings_file = dir.path().join("workspace.json");
    let (project, backup) = (dir.path().join("p.tifa"), dir.path().join("p-away.tifa"));
    let mut app = started(&settings_file);
    app.handle_command(Command::SaveProjectAs(project.clone()));
    app.wait_for_jobs(WAIT);
    app.save_workspace();
    std::fs::rename(&project, &backup).unwrap();
    let fixed = Correction {
        title: Some("关闭前改过的标题".into()),
        ..Correction::default()
    };
    app.handle_command(Command::CorrectMeeting(MeetingId(1), fixed.clone()));
    app.save_workspace();
    app.handle_command(Command::CloseProject);
    app.wait_for_jobs(WAIT);
    app.save_workspace();
    assert!(app.state.project.is_none());
    drop(app);
    let kept = Workspace::load(&settings_file).workspace;
    assert!(
        kept.pending_corrections
            .get(&project.display().to_string())
            .is_some_and(|c| c.values().any(|c| *c == fixed)),
        "{kept:#?}"
    );
    std::fs::rename(&backup, &project).unwrap();
    let mut app = started(&settings_file);
    app.handle_command(Command::OpenProject(project.clone()));
    app.wait_for_jobs(WAIT);
    assert!(
        app.state
            .workspace
            .corrections
            .values()
            .any(|c| *c == fixed)
    );
}

#[test]
fn an_imported_aggregate_is_shown_in_compare_filtered_and_exported() {
    use tifa::gui::command::ExportFormat;
    use tifa::scale::{Aggregate, AggregateCell};
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("national.tifa");
    let mut app = seeds_saved_as(&project);
    let cell = |group_id, phrase: &str, place: &str, uses, adopter, lag_days| AggregateCell {
        group_id,
        phrase: phrase.into(),
        place: place.into(),
        uses,
        meetings: uses,
        first: chrono::NaiveDate::from_ymd_opt(2020, 2, 1 + lag_days as u32),
        adopter: Some(adopter),
        lag_days: Some(lag_days),
    };
    let aggregate = Aggregate {
        source: "/data/aggregate".into(),
        imported: "2026-12-07T00:00:00Z".into(),
        meetings: 4,
        cells: vec![
            cell(0, "外防输入、内防反弹", "甲县", 3, 1, 0),
            cell(0, "外防输入、内防反弹", "乙市", 1, 2, 5),
            cell(1, "复工复产", "乙市", 2, 1, 0),
        ],
    };
    tifa::project::Project::open(&project)
        .unwrap()
        .set_aggregate(Some(&aggregate))
        .unwrap();
    app.handle_command(Command::OpenProject(project.clone()));
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.aggregate.as_deref(), Some(&aggregate));
    app.state.view = View::Compare;
    let mut h = harness(app);
    h.run_steps(2);
    h.get_by_label("导入的全国汇总").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("3 格 · 2 组提法 · 2 个地方 · 4 次会议")
            .is_some()
    );
    assert_eq!(h.query_all_by_label("外防输入、内防反弹").count(), 2);
    // The Compare view's own filter comes first.
    let field = h
        .get_all_by_role_and_label(egui::accesskit::Role::TextInput, "筛选")
        .nth(1)
        .unwrap();
    field.focus();
    field.type_text("乙市");
    h.run_steps(3);
    assert_eq!(
        h.query_all_by_label("乙市").count(),
        2,
        "the cells of 乙市 only"
    );
    assert!(h.query_by_label("甲县").is_none());
    let out = dir.path().join("aggregate.csv");
    h.state_mut()
        .handle_command(Command::ExportAggregate(out.clone(), ExportFormat::Csv));
    h.state_mut().wait_for_jobs(WAIT);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("外防输入、内防反弹,乙市,1,1,2020-02-06,2,5"),
        "{text}"
    );
    // Closing the project takes it off the screen.
    h.state_mut().handle_command(Command::CloseProject);
    h.state_mut().wait_for_jobs(WAIT);
    assert!(h.state().state.aggregate.is_none());
}

#[test]
fn the_compare_view_keeps_its_restatement_shares_in_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("shares.tifa");
    let mut app = seeds_saved_as(&project);
    let kept = || {
        tifa::project::Project::open(&project)
            .unwrap()
            .info()
            .unwrap()
            .restated_meetings
    };
    assert_eq!(kept(), 0, "computed only when first asked for");
    app.state.view = View::Compare;
    let mut h = harness(app);
    h.run_steps(2);
    h.get_by_label("各地对上级文本的承接").click();
    assert!(wait_for_label(&mut h, "改写分句"), "no shares");
    // Shown, and kept for the next time the project is opened.
    assert!(kept() > 0);
    let analysis = std::sync::Arc::clone(&h.state().state.analysis);
    let config = tifa::report::RestateConfig::default();
    let fingerprint = tifa::report::restatement_fingerprint(&analysis, &config);
    let read_back = tifa::project::Project::open(&project)
        .unwrap()
        .restatement(&fingerprint)
        .unwrap()
        .expect("kept for this analysis");
    assert_eq!(read_back, tifa::report::restated(&analysis, &config));
}

#[test]
fn a_reopened_project_shows_each_report_whole_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("reader.tifa");
    drop(seeds_saved_as(&project));
    let mut app = TifaApp::on_seeds(&egui::Context::default());
    app.wait_for_jobs(WAIT);
    app.handle_command(Command::OpenProject(project.clone()));
    app.wait_for_jobs(WAIT);
    assert_eq!(app.state.project.as_ref(), Some(&project));
    // Opened, the project holds no text yet: each is read from the file when shown.
    assert!(
        app.state
            .analysis
            .documents
            .iter()
            .all(|d| !d.text.is_held())
    );
    app.handle_command(Command::SelectMeeting {
        id: Some(MeetingId(0)),
        open: true,
    });
    assert_eq!(app.state.view, View::Reader);
    let m = &app.state.analysis.meetings[0];
    let sentence = m.directives[0].text.chars().take(12).collect::<String>();
    let mut h = harness(app);
    h.run_steps(3);
    assert!(
        h.query_by_label_contains(&sentence).is_some(),
        "the Reader shows {sentence}"
    );
}
