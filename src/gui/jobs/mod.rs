//! Background work: one runner ([`Jobs`]) for reading, analysis, alignment, export and
//! corrections. Each job runs on a named thread with a cancel token and a generation; a result
//! from a superseded generation is dropped.

pub mod load;
pub mod offthread;
pub mod runner;
pub mod work;

pub use load::{Input, renumber};
pub use offthread::Offthread;
pub use runner::{CancelToken, Finished, JobStatus, Jobs};
pub use work::{ALIGN, CORRECT, LOAD, Output};
