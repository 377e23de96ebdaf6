//! The app: [`TifaApp`] (state, jobs, frame), its command handling, its dialogs and the window
//! chrome around the views.

// The app type lives in `app/app.rs` beside the other rooms of the app, as the module layout
// of the design has it.
#[allow(clippy::module_inception)]
mod app;
mod chrome;
mod command_handling;
mod dialogs;

pub use app::{TifaApp, load_settings};
pub use dialogs::table_in_view;
