//! [`Jobs`]: one runner for all background work. A job has a name; starting a job under a name
//! that is running cancels the older one and drops its result, so only the newest generation
//! of each name ever reaches the app.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::progress::{Cancelled, Progress, StageStatus, Stages};

/// How often a job may send progress within one stage; a new stage is always sent.
const PROGRESS_EVERY: Duration = Duration::from_millis(30);

/// Tells a job to stop. Cloning shares the flag.
#[derive(Clone, Debug, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// True once the job was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once the job was asked to stop, for `?` between steps.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// A running job as the status bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct JobStatus {
    /// The job's name.
    pub name: String,
    /// Its generation: higher is newer.
    pub generation: u64,
    /// Its stage, count within the stage and whole fraction.
    pub progress: StageStatus,
    /// True once it was asked to stop.
    pub cancelled: bool,
}

/// A job that finished, for the newest generation of its name.
#[derive(Debug)]
pub struct Finished<T> {
    /// The job's name.
    pub name: String,
    /// Its generation.
    pub generation: u64,
    /// What it returned; `Err` holding [`Cancelled`] when it stopped on request.
    pub result: anyhow::Result<T>,
}

enum Event<T> {
    Progress {
        name: String,
        generation: u64,
        status: StageStatus,
    },
    Finished(Finished<T>),
}

struct Running {
    cancel: CancelToken,
    status: JobStatus,
}

/// How a job wakes the UI.
type Waker = Arc<dyn Fn() + Send + Sync>;

/// Runs named jobs on their own threads and hands their results, newest generation only, to
/// the UI thread.
pub struct Jobs<T> {
    tx: Sender<Event<T>>,
    rx: Receiver<Event<T>>,
    waker: Waker,
    running: BTreeMap<String, Running>,
    /// The last generation given out, over all names.
    generation: u64,
    /// Results handed to the app, by name.
    finished: BTreeMap<String, u64>,
    /// Results dropped because a newer job of the same name had started, by name.
    dropped: BTreeMap<String, u64>,
}

impl<T> std::fmt::Debug for Jobs<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("running", &self.running.keys().collect::<Vec<_>>())
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Jobs<T> {
    /// A runner whose jobs call `waker` whenever they have something for the UI.
    pub fn new(waker: Waker) -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            waker,
            running: BTreeMap::new(),
            generation: 0,
            finished: BTreeMap::new(),
            dropped: BTreeMap::new(),
        }
    }

    /// Starts `work` on a thread under `name`, cancelling a running job of that name. `plan`
    /// lists the stages it reports, in order, so its progress bar never goes back. Returns the
    /// new job's generation.
    pub fn start<F>(
        &mut self,
        name: impl Into<String>,
        plan: &'static [&'static str],
        work: F,
    ) -> u64
    where
        F: FnOnce(&CancelToken, &mut dyn Progress) -> anyhow::Result<T> + Send + 'static,
    {
        let name = name.into();
        if let Some(old) = self.running.get(&name) {
            old.cancel.cancel();
        }
        self.generation += 1;
        let generation = self.generation;
        let cancel = CancelToken::default();
        let mut progress = JobProgress {
            name: name.clone(),
            generation,
            cancel: cancel.clone(),
            stages: Stages::new(plan),
            tx: self.tx.clone(),
            waker: Arc::clone(&self.waker),
            sent: None,
        };
        let token = cancel.clone();
        let thread_name = format!("tifa-{name}-{generation}");
        let job_name = name.clone();
        let spawned = std::thread::Builder::new()
            .name(thread_name)
            .spawn(move || {
                crate::priority::as_work_thread();
                // A panic in the work is reported as a failed job, never left running.
                let result =
                    std::panic::catch_unwind(AssertUnwindSafe(|| work(&token, &mut progress)))
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("the {job_name} job failed")));
                let _ = progress.tx.send(Event::Finished(Finished {
                    name: job_name,
                    generation,
                    result,
                }));
                (progress.waker)();
            });
        let status = JobStatus {
            name: name.clone(),
            generation,
            progress: StageStatus::default(),
            cancelled: false,
        };
        match spawned {
            Ok(_) => {
                self.running.insert(name, Running { cancel, status });
            }
            Err(e) => {
                log::error!("cannot start the {name} job: {e}");
                self.running.remove(&name);
            }
        }
        generation
    }

    /// Asks the job running under `name` to stop; true if there was one. Its result still
    /// arrives, as `Err(Cancelled)` when it stopped in time.
    pub fn cancel(&mut self, name: &str) -> bool {
        let Some(r) = self.running.get_mut(name) else {
            return false;
        };
        r.cancel.cancel();
        r.status.cancelled = true;
        true
    }

    /// Asks every running job to stop.
    pub fn cancel_all(&mut self) {
        for r in self.running.values_mut() {
            r.cancel.cancel();
            r.status.cancelled = true;
        }
    }

    /// True while a job runs under `name`.
    pub fn is_running(&self, name: &str) -> bool {
        self.running.contains_key(name)
    }

    /// True while any job runs.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// The running jobs, by name.
    pub fn statuses(&self) -> impl Iterator<Item = &JobStatus> {
        self.running.values().map(|r| &r.status)
    }

    /// How many results of jobs named `name` were handed out.
    pub fn finished(&self, name: &str) -> u64 {
        self.finished.get(name).copied().unwrap_or(0)
    }

    /// How many results of jobs named `name` were dropped as stale.
    pub fn dropped(&self, name: &str) -> u64 {
        self.dropped.get(name).copied().unwrap_or(0)
    }

    /// The next finished job, if one is waiting; progress that arrived before it is recorded.
    pub fn try_next(&mut self) -> Option<Finished<T>> {
        while let Ok(event) = self.rx.try_recv() {
            if let Some(f) = self.accept(event) {
                return Some(f);
            }
        }
        None
    }

    /// Waits up to `timeout` for the next finished job.
    pub fn next_timeout(&mut self, timeout: Duration) -> Option<Finished<T>> {
        let end = Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            let event = self.rx.recv_timeout(left).ok()?;
            if let Some(f) = self.accept(event) {
                return Some(f);
            }
        }
    }

    /// Records progress and keeps a result only if it is of the newest job of its name.
    fn accept(&mut self, event: Event<T>) -> Option<Finished<T>> {
        match event {
            Event::Progress {
                name,
                generation,
                status,
            } => {
                if let Some(r) = self.running.get_mut(&name)
                    && r.status.generation == generation
                {
                    r.status.progress = status;
                }
                None
            }
            Event::Finished(f) => {
                let current = self
                    .running
                    .get(&f.name)
                    .is_some_and(|r| r.status.generation == f.generation);
                if current {
                    self.running.remove(&f.name);
                    *self.finished.entry(f.name.clone()).or_default() += 1;
                    Some(f)
                } else {
                    *self.dropped.entry(f.name).or_default() += 1;
                    None
                }
            }
        }
    }
}

/// The [`Progress`] a job reports through: it follows the stages, sends at most one update per
/// [`PROGRESS_EVERY`] within a stage, and answers `Break` once the job is cancelled.
struct JobProgress<T> {
    name: String,
    generation: u64,
    cancel: CancelToken,
    stages: Stages,
    tx: Sender<Event<T>>,
    waker: Waker,
    sent: Option<Instant>,
}

impl<T> JobProgress<T> {
    fn send(&mut self, force: bool) {
        if !force && self.sent.is_some_and(|t| t.elapsed() < PROGRESS_EVERY) {
            return;
        }
        self.sent = Some(Instant::now());
        let _ = self.tx.send(Event::Progress {
            name: self.name.clone(),
            generation: self.generation,
            status: self.stages.status().clone(),
        });
        (self.waker)();
    }

    fn flow(&self) -> ControlFlow<()> {
        if self.cancel.is_cancelled() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

impl<T> Progress for JobProgress<T> {
    fn report(&mut self, done: usize, total: usize) -> ControlFlow<()> {
        self.stages.report(done, total);
        self.send(done >= total);
        self.flow()
    }

    fn stage(&mut self, name: &'static str) -> ControlFlow<()> {
        self.stages.stage(name);
        self.send(true);
        self.flow()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::sync_channel;

    const PLAN: &[&str] = &["one", "two"];

    fn runner() -> Jobs<u32> {
        Jobs::new(Arc::new(|| {}))
    }

    /// Starts a job under `name` that waits for `go`, then returns `value`; it stops early with
    /// `Cancelled` when asked to.
    fn gated(jobs: &mut Jobs<u32>, name: &str, value: u32) -> std::sync::mpsc::SyncSender<()> {
        let (go, wait) = sync_channel::<()>(1);
        jobs.start(name, PLAN, move |cancel, progress| {
            let _ = progress.stage("one");
            let _ = wait.recv();
            cancel.check()?;
            Ok(value)
        });
        go
    }

    fn results(jobs: &mut Jobs<u32>) -> Vec<(String, Option<u32>)> {
        let mut out = Vec::new();
        while let Some(f) = jobs.next_timeout(Duration::from_secs(10)) {
            out.push((f.name, f.result.ok()));
            if !jobs.busy() {
                break;
            }
        }
        out
    }

    #[test]
    fn a_second_job_of_a_name_replaces_the_first() {
        let mut jobs = runner();
        let first = gated(&mut jobs, "align", 1);
        let second = gated(&mut jobs, "align", 2);
        assert!(jobs.is_running("align"));
        assert_eq!(jobs.statuses().count(), 1);
        let _ = first.send(());
        let _ = second.send(());
        assert_eq!(results(&mut jobs), [("align".to_string(), Some(2))]);
        assert!(!jobs.busy());
        assert_eq!(jobs.finished("align"), 1);
        // The first job's result arrives late and is dropped, never handed out; on a loaded
        // machine it may take a while to arrive at all.
        let start = std::time::Instant::now();
        while jobs.dropped("align") == 0 && start.elapsed() < Duration::from_secs(30) {
            assert!(jobs.try_next().is_none());
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(jobs.try_next().is_none());
        assert_eq!(jobs.dropped("align"), 1);
    }

    #[test]
    fn jobs_of_other_names_run_side_by_side() {
        let mut jobs = runner();
        let a = gated(&mut jobs, "load", 1);
        let b = gated(&mut jobs, "export", 2);
        assert_eq!(jobs.statuses().count(), 2);
        let _ = b.send(());
        let _ = a.send(());
        let mut got = results(&mut jobs);
        got.sort();
        assert_eq!(
            got,
            [
                ("export".to_string(), Some(2)),
                ("load".to_string(), Some(1))
            ]
        );
    }

    #[test]
    fn a_cancelled_job_finishes_with_cancelled() {
        let mut jobs = runner();
        let go = gated(&mut jobs, "load", 1);
        assert!(jobs.cancel("load"));
        assert!(jobs.statuses().all(|s| s.cancelled));
        let _ = go.send(());
        let f = jobs.next_timeout(Duration::from_secs(10)).unwrap();
        assert!(f.result.unwrap_err().is::<Cancelled>());
        assert!(!jobs.cancel("load"));
    }

    #[test]
    fn progress_carries_the_stage_and_stops_a_cancelled_job() {
        let mut jobs = runner();
        let (seen_tx, seen) = channel();
        let (go, wait) = sync_channel::<()>(1);
        jobs.start("load", PLAN, move |_, progress| {
            let _ = progress.stage("one");
            let _ = progress.report(5, 5);
            let _ = progress.stage("two");
            // Counts within a stage are sent at most every 30 ms; a stage's last one always.
            let _ = progress.report(1, 4);
            let _ = progress.report(4, 4);
            let _ = seen_tx.send(());
            let _ = wait.recv();
            // The runner was asked to stop meanwhile: the next report says so.
            if progress.stage("three").is_break() {
                return Err(Cancelled.into());
            }
            Ok(0)
        });
        let _ = seen.recv_timeout(Duration::from_secs(10));
        // Progress is recorded while waiting for results.
        std::thread::sleep(Duration::from_millis(50));
        assert!(jobs.try_next().is_none());
        let status = jobs.statuses().next().unwrap().progress.clone();
        assert_eq!((status.stage, status.done, status.total), ("two", 4, 4));
        assert!((status.fraction - 1.0).abs() < 1e-6, "{status:?}");
        jobs.cancel("load");
        let _ = go.send(());
        let f = jobs.next_timeout(Duration::from_secs(10)).unwrap();
        assert!(f.result.unwrap_err().is::<Cancelled>());
    }

    #[test]
    fn a_panicking_job_fails_instead_of_running_forever() {
        let mut jobs = runner();
        jobs.start("export", PLAN, |_, _| -> anyhow::Result<u32> {
            let v: Vec<u32> = Vec::new();
            Ok(v[1])
        });
        let f = jobs.next_timeout(Duration::from_secs(10)).unwrap();
        assert!(f.result.is_err());
        assert!(!jobs.busy());
    }
}
