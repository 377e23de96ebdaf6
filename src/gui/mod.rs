//! The desktop app: state → ui → command → state, slow work in background jobs.

struct Shell;

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.label("Tifa");
    }
}

/// Opens the window on the built-in corpus (or the files named on the command line).
pub fn run() -> eframe::Result {
    eframe::run_native(
        "Tifa",
        eframe::NativeOptions::default(),
        Box::new(|_cc| Ok(Box::new(Shell))),
    )
}
