//! The desktop app as the GUI tests drive it.

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tifa::gui::TifaApp;

/// Runs frames until a label with exactly `text` is shown (what a background thread computes),
/// for at most ten seconds; true when it was.
pub fn wait_for_label(h: &mut Harness<'static, TifaApp>, text: &str) -> bool {
    for _ in 0..500 {
        h.run_steps(1);
        if h.query_by_label(text).is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}
