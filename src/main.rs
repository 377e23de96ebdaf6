//! Tifa, the desktop app: `tifa [FILE|FOLDER]…` opens the files given, or the built-in reports.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> eframe::Result {
    // RUST_LOG=warn (or debug) shows what went wrong, e.g. a workspace that could not be saved.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let files = std::env::args_os()
        .skip(1)
        .map(std::path::PathBuf::from)
        .collect();
    tifa::gui::run(files)
}
