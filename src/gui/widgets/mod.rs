//! Drawing pieces shared by the views.

pub mod date_axis;
pub mod picker;

pub use date_axis::DateAxis;
