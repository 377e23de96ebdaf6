//! The desktop app: state → ui → command → state, slow work in background jobs.

/// Opens the window on the built-in corpus (or the files named on the command line).
pub fn run() -> eframe::Result {
    eframe::run_simple_native("Tifa", eframe::NativeOptions::default(), |_ctx, _frame| {})
}
