//! The views of the main window. Each holds only its own view state and draws from [`ViewCtx`].

pub mod check;
pub mod compare;
pub mod diff;
pub mod diffusion;
pub mod library;
pub mod problems;
pub mod reader;
pub mod timeline;

pub use compare::CompareView;
pub use diff::DiffView;
pub use diffusion::DiffusionView;
pub use library::LibraryView;
pub use problems::ProblemsView;
pub use reader::ReaderView;
pub use timeline::TimelineView;

use crate::gui::command::CommandSender;
use crate::gui::state::AppState;

/// What a panel may read, and where it sends what it wants changed.
pub struct ViewCtx<'a> {
    /// The app's state, read-only.
    pub state: &'a AppState,
    /// Where commands go.
    pub tx: &'a CommandSender,
}

/// A meeting as one line: place, date, title.
pub fn meeting_line(m: &crate::model::Meeting, no_place: &str) -> String {
    format!(
        "{} · {} · {}",
        m.place.as_ref().map_or(no_place, |p| p.name.as_ref()),
        m.date
            .map_or_else(|| "—".to_string(), |d| d.date.to_string()),
        m.title
    )
}
