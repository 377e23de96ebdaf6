//! The workspace file as the app meets it: damaged, shared with another window, written the
//! moment a correction is made.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tifa::gui::command::{Command, Correction};
use tifa::gui::state::Settings;
use tifa::gui::{TifaApp, Workspace, fonts, open_workspace};
use tifa::model::MeetingId;

const WAIT: Duration = Duration::from_secs(120);

fn harness(app: TifaApp) -> Harness<'static, TifaApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut TifaApp| app.show(ui), app)
}

fn title(t: &str) -> Correction {
    Correction {
        title: Some(t.into()),
        ..Correction::default()
    }
}

#[test]
fn a_damaged_workspace_keeps_its_corrections_says_so_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.json");
    // A view this version does not know, a field of the wrong type, and a correction.
    let original = r#"{"seeds": true, "view": "Atlas", "removed": 7,
        "corrections": {"seed:000.txt#0": {"title": "手改的标题"}}, "lexicon": ["某某提法"]}"#;
    std::fs::write(&path, original).unwrap();

    let mut app = open_workspace(
        &egui::Context::default(),
        Settings::default(),
        Some(path.clone()),
    );
    app.wait_for_jobs(WAIT);
    assert_eq!(
        app.state.workspace.corrections.get("seed:000.txt#0"),
        Some(&title("手改的标题"))
    );
    let said: Vec<&str> = app
        .state
        .notifications
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert!(said.iter().any(|t| t.contains("\"view\"")), "{said:?}");
    assert!(said.iter().any(|t| t.contains("kept at")), "{said:?}");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("unreadable"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(kept[0].path()).unwrap(), original);

    let mut h = harness(app);
    h.run_steps(3);
    // The notification is on screen.
    assert!(h.query_by_label_contains("kept at").is_some());
    // A new correction is on disk the frame it is made: a crash right after loses nothing.
    h.state_mut()
        .handle_command(Command::CorrectMeeting(MeetingId(1), title("又改一处")));
    h.run_steps(1);
    let on_disk = Workspace::load(&path);
    assert!(on_disk.problems.is_empty(), "{:?}", on_disk.problems);
    let corrections = on_disk.workspace.corrections;
    assert_eq!(
        corrections.get("seed:000.txt#0"),
        Some(&title("手改的标题"))
    );
    assert!(
        corrections.values().any(|c| *c == title("又改一处")),
        "{corrections:?}"
    );
    // The field this version does not know went back into the file.
    assert!(std::fs::read_to_string(&path).unwrap().contains("某某提法"));
}

#[test]
fn a_correction_saved_by_another_window_survives_this_ones_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.json");
    Workspace::default().save(&path).unwrap();
    let mut app = open_workspace(
        &egui::Context::default(),
        Settings::default(),
        Some(path.clone()),
    );
    app.wait_for_jobs(WAIT);
    // Another window saves its own correction.
    let mut other = Workspace::load(&path).workspace;
    other
        .corrections
        .insert("seed:004.txt#0".into(), title("另一个窗口"));
    other.save(&path).unwrap();
    // This window corrects something else and saves.
    app.handle_command(Command::CorrectMeeting(MeetingId(0), title("这个窗口")));
    app.save_workspace();
    let corrections = Workspace::load(&path).workspace.corrections;
    assert_eq!(
        corrections.get("seed:004.txt#0"),
        Some(&title("另一个窗口"))
    );
    assert!(corrections.values().any(|c| *c == title("这个窗口")));
    assert_eq!(app.state.workspace.corrections.len(), 2);
}

#[test]
fn a_first_load_shows_the_meetings_found_before_it_is_done() {
    use tifa::gui::jobs::LOAD;
    // A folder of many reports: the seeds again and again, so the load takes a while.
    let dir = tempfile::tempdir().unwrap();
    // More than one chunk of documents (256), so that meetings are shown after the first.
    for k in 0..60 {
        for (name, bytes) in tifa::ingest::read::SEEDS {
            std::fs::write(dir.path().join(format!("{k:03}-{name}")), bytes).unwrap();
        }
    }
    let app = TifaApp::new(
        &egui::Context::default(),
        Settings::default(),
        Workspace {
            seeds: false,
            paths: vec![dir.path().to_path_buf()],
            ..Workspace::default()
        },
        None,
    );
    let mut h = harness(app);
    let mut early = None;
    let start = std::time::Instant::now();
    while h.state().jobs().is_running(LOAD) && start.elapsed() < Duration::from_secs(300) {
        h.step();
        let s = &h.state().state;
        if early.is_none() && !s.analysis.meetings.is_empty() && h.state().jobs().is_running(LOAD) {
            early = Some((s.analysis.meetings.len(), s.analysis.phrases.len()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    h.state_mut().wait_for_jobs(Duration::from_secs(300));
    let (shown, phrases) = early.expect("meetings shown while the load ran");
    assert_eq!(phrases, 0, "phrases come with the result");
    let s = &h.state().state;
    assert!(
        shown <= 60 * 7,
        "each report its own meeting so far: {shown}"
    );
    assert!(!s.analysis.phrases.is_empty(), "then the full result");
    assert!(
        s.analysis.meetings.len() < shown.max(8),
        "copies merged at the end"
    );
}
