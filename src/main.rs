//! Tifa, the desktop app: `tifa [FILE|FOLDER]…` opens the files given, or the built-in reports.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> eframe::Result {
    let files = std::env::args_os()
        .skip(1)
        .map(std::path::PathBuf::from)
        .collect();
    tifa::gui::run(files)
}
