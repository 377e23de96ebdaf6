//! The views of the main window. Each holds only its own view state and draws from [`ViewCtx`].

pub mod aggregate;
pub mod check;
pub mod compare;
pub mod diff;
pub mod diffusion;
pub mod library;
pub mod problems;
pub mod reader;
pub mod search;
pub mod timeline;

pub use compare::CompareView;
pub use diff::DiffView;
pub use diffusion::DiffusionView;
pub use library::LibraryView;
pub use problems::ProblemsView;
pub use reader::ReaderView;
pub use search::SearchView;
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

/// A link that opens `meeting` in the reader; its tooltip is `hover` (if any) over the hint
/// that it opens the meeting.
pub fn meeting_link(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    text: impl Into<egui::WidgetText>,
    hover: Option<&str>,
    meeting: crate::model::MeetingId,
) -> egui::Response {
    let hint = crate::gui::i18n::tr(cx.state.settings.lang, "Open the meeting at this sentence");
    let tip = hover.map_or_else(|| hint.to_string(), |h| format!("{h}\n{hint}"));
    let response = ui.link(text).on_hover_text(tip);
    if response.clicked() {
        cx.tx.send(crate::gui::command::Command::SelectMeeting {
            id: Some(meeting),
            open: true,
        });
    }
    response
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
