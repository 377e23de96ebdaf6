//! The desktop app: state → ui → command → state, slow work in background jobs.

pub mod app;
pub mod command;
pub mod fonts;
pub mod i18n;
pub mod jobs;
pub mod messages;
pub mod panels;
pub mod state;
pub mod widgets;
pub mod workspace;

pub use app::TifaApp;
pub use command::{Command, CommandSender};
pub use state::{AppState, Settings, Workspace};

use std::path::PathBuf;
use std::sync::Arc;

/// The window icon.
const ICON: &[u8] = include_bytes!("../../assets/icon/tifa-256.png");

/// The window icon, decoded; `None` (and a warning) if the bundled PNG does not decode.
pub fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON)
        .map_err(|e| log::warn!("the window icon does not decode: {e}"))
        .ok()
}

/// Opens the window on the built-in corpus, or on the files named on the command line.
pub fn run(files: Vec<PathBuf>) -> eframe::Result {
    // Reading and analysing yield to the thread that draws: a frame on time with both cores busy.
    crate::priority::prefer_the_calling_thread();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Tifa — 提法")
        .with_app_id("tifa")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Tifa",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let settings = app::load_settings(cc.storage);
            let dir = eframe::storage_dir("Tifa");
            let path = dir.map(|d| d.join("workspace.json"));
            let app = if files.is_empty() {
                open_workspace(&cc.egui_ctx, settings, path)
            } else {
                // A session on files named on the command line leaves the saved workspace alone.
                // A project file among them (a double-clicked `.tifa`) is opened as the project.
                let (projects, files): (Vec<PathBuf>, Vec<PathBuf>) =
                    files.into_iter().partition(|f| {
                        f.extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case(crate::project::EXTENSION))
                    });
                let ws = Workspace {
                    seeds: false,
                    paths: files,
                    project: projects.into_iter().next(),
                    ..Workspace::default()
                };
                TifaApp::new(&cc.egui_ctx, settings, ws, None)
            };
            Ok(Box::new(app))
        }),
    )
}

/// The app on the workspace saved at `path` (a new one when there is none), with a notification
/// for each part of the file that could not be read. A file that could not be read in full and
/// could not be copied aside is never written over.
pub fn open_workspace(ctx: &egui::Context, settings: Settings, path: Option<PathBuf>) -> TifaApp {
    let loaded = path.as_deref().map_or_else(
        || workspace::Loaded {
            may_save: true,
            ..workspace::Loaded::default()
        },
        Workspace::load,
    );
    let save_to = path.filter(|_| loaded.may_save);
    let mut app = TifaApp::new(ctx, settings, loaded.workspace, save_to);
    for p in loaded.problems {
        app.state.notify(state::Level::Error, p);
    }
    app
}
