//! Progress reporting and cancellation for long work.
//!
//! Long work runs in named stages ("reading", "finding meetings", …), each with its own count:
//! [`Progress::stage`] opens a stage and [`Progress::report`] counts within it. [`Stages`] turns
//! those reports into one fraction for the whole work that never goes back, so a progress bar
//! fed by several passes with different totals does not jump.

use std::ops::ControlFlow;

/// The names of the stages the engine reports. They are English and double as keys of the
/// interface's string table.
pub mod stage {
    /// Reading files and decoding them.
    pub const READING: &str = "reading";
    /// Splitting documents into articles and finding the meetings in them.
    pub const MEETINGS: &str = "finding meetings";
    /// Segmenting directives and counting their candidate strings (the first mining pass).
    pub const PHRASES: &str = "counting phrases";
    /// Scoring candidates, grouping variants and locating occurrences (the later passes).
    pub const GROUPING: &str = "grouping phrases";
}

/// Receives progress from long work; returning `Break` cancels it.
pub trait Progress {
    /// `done` of `total` steps of the current stage are finished. Return
    /// `ControlFlow::Break(())` to cancel.
    fn report(&mut self, done: usize, total: usize) -> ControlFlow<()>;

    /// A new stage begins; the reports that follow count within it. Return
    /// `ControlFlow::Break(())` to cancel. The default ignores stages.
    fn stage(&mut self, name: &'static str) -> ControlFlow<()> {
        let _ = name;
        ControlFlow::Continue(())
    }
}

/// A [`Progress`] that ignores reports and never cancels.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn report(&mut self, _done: usize, _total: usize) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }
}

impl<F: FnMut(usize, usize) -> ControlFlow<()>> Progress for F {
    fn report(&mut self, done: usize, total: usize) -> ControlFlow<()> {
        self(done, total)
    }
}

/// The work was cancelled through its [`Progress`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// Where long work stands: the stage it is in, the count within that stage, and the fraction of
/// the whole work done.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageStatus {
    /// The current stage's name (empty before the first stage).
    pub stage: &'static str,
    /// Steps of the current stage done.
    pub done: usize,
    /// Steps of the current stage in all (0 when not known yet).
    pub total: usize,
    /// The whole work done, from 0 to 1; it never decreases.
    pub fraction: f32,
}

/// Follows stage and step reports against a plan of stages, each weighing the same.
///
/// A stage not in the plan keeps the position of the stage before it; a stage met again, or a
/// report whose count goes back, never lowers the fraction.
#[derive(Clone, Debug)]
pub struct Stages {
    plan: &'static [&'static str],
    /// Index of the current stage in `plan`.
    index: usize,
    status: StageStatus,
}

impl Stages {
    /// A tracker for work that runs through `plan`, in that order.
    pub fn new(plan: &'static [&'static str]) -> Self {
        Self {
            plan,
            index: 0,
            status: StageStatus::default(),
        }
    }

    /// A new stage begins.
    pub fn stage(&mut self, name: &'static str) {
        if let Some(i) = self.plan.iter().skip(self.index).position(|s| *s == name) {
            self.index += i;
        }
        self.status.stage = name;
        self.status.done = 0;
        self.status.total = 0;
        self.refresh();
    }

    /// `done` of `total` steps of the current stage are finished.
    pub fn report(&mut self, done: usize, total: usize) {
        self.status.done = done;
        self.status.total = total;
        self.refresh();
    }

    /// The stage, its count and the whole fraction.
    pub fn status(&self) -> &StageStatus {
        &self.status
    }

    fn refresh(&mut self) {
        let within = if self.status.total == 0 {
            0.0
        } else {
            (self.status.done as f32 / self.status.total as f32).min(1.0)
        };
        let stages = self.plan.len().max(1) as f32;
        let whole = ((self.index as f32 + within) / stages).min(1.0);
        self.status.fraction = self.status.fraction.max(whole);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step of the work: a new stage, or a count within the current one.
    enum Step {
        Stage(&'static str),
        Report(usize, usize),
    }
    use Step::{Report, Stage};

    const PLAN: &[&str] = &["reading", "finding meetings", "counting phrases"];

    /// Runs `steps` and compares the stage, count and percentage after each.
    fn check(steps: &[Step], expect: &[(&str, usize, usize, u32)]) {
        let mut s = Stages::new(PLAN);
        let got: Vec<(&str, usize, usize, u32)> = steps
            .iter()
            .map(|step| {
                match step {
                    Stage(name) => s.stage(name),
                    Report(done, total) => s.report(*done, *total),
                }
                let st = s.status();
                (
                    st.stage,
                    st.done,
                    st.total,
                    (st.fraction * 100.0).round() as u32,
                )
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn each_stage_has_its_own_total_and_the_whole_never_goes_back() {
        check(
            &[Stage("reading"), Report(600, 1200), Report(1200, 1200)],
            &[
                ("reading", 0, 0, 0),
                ("reading", 600, 1200, 17),
                ("reading", 1200, 1200, 33),
            ],
        );
        // The next stage counts 0 of its own total, and the bar stays where it was.
        check(
            &[
                Stage("reading"),
                Report(1200, 1200),
                Stage("finding meetings"),
                Report(0, 9),
            ],
            &[
                ("reading", 0, 0, 0),
                ("reading", 1200, 1200, 33),
                ("finding meetings", 0, 0, 33),
                ("finding meetings", 0, 9, 33),
            ],
        );
        // A count that goes back, or a stage met again, never lowers the fraction.
        check(
            &[
                Stage("finding meetings"),
                Report(8, 10),
                Report(2, 10),
                Stage("reading"),
            ],
            &[
                ("finding meetings", 0, 0, 33),
                ("finding meetings", 8, 10, 60),
                ("finding meetings", 2, 10, 60),
                ("reading", 0, 0, 60),
            ],
        );
    }

    #[test]
    fn a_stage_outside_the_plan_keeps_its_place() {
        check(
            &[Stage("finding meetings"), Stage("checking"), Report(5, 10)],
            &[
                ("finding meetings", 0, 0, 33),
                ("checking", 0, 0, 33),
                ("checking", 5, 10, 50),
            ],
        );
        // Skipping a stage of the plan moves past it; counting past the total stops at the end.
        check(
            &[Stage("counting phrases"), Report(12, 10)],
            &[
                ("counting phrases", 0, 0, 67),
                ("counting phrases", 12, 10, 100),
            ],
        );
    }

    #[test]
    fn closures_and_no_progress_ignore_stages() {
        let mut seen = Vec::new();
        let mut f = |done: usize, total: usize| {
            seen.push((done, total));
            ControlFlow::Continue(())
        };
        assert_eq!(
            Progress::stage(&mut f, "reading"),
            ControlFlow::Continue(())
        );
        assert_eq!(f.report(1, 2), ControlFlow::Continue(()));
        assert_eq!(seen, [(1, 2)]);
        assert_eq!(NoProgress.stage("reading"), ControlFlow::Continue(()));
    }
}
