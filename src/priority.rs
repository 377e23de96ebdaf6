//! Work threads that yield to the interface: in the desktop app, the threads that read and
//! analyse (rayon's pool, the segmenter's build) run at a lower scheduling priority than the
//! thread that draws, so that a frame is drawn on time while both cores are busy. The command
//! line leaves every thread as it is.

use std::sync::atomic::{AtomicBool, Ordering};

use thread_priority::{ThreadPriority, set_current_thread_priority};

/// Set once the app asked for work threads to yield ([`prefer_the_calling_thread`]).
static YIELDING: AtomicBool = AtomicBool::new(false);

/// From now on, threads that do the analysis run at a lower priority than the calling one: the
/// global rayon pool is built with that priority (call this before anything uses rayon; a pool
/// already built is left as it is) and [`as_work_thread`] lowers any other work thread.
pub fn prefer_the_calling_thread() {
    YIELDING.store(true, Ordering::Relaxed);
    let built = rayon::ThreadPoolBuilder::new()
        .start_handler(|_| {
            lower_this_thread();
        })
        .build_global();
    if let Err(e) = built {
        log::debug!("the work threads keep their priority: {e}");
    }
}

/// Called at the start of a thread that does analysis work: lowers its priority when the app
/// asked for it. True when it was lowered.
pub fn as_work_thread() -> bool {
    YIELDING.load(Ordering::Relaxed) && lower_this_thread()
}

/// Lowers the calling thread to the lowest priority of its scheduling policy (on Linux, nice 19
/// for that thread alone). A failure leaves it as it was: only the frames are less smooth.
fn lower_this_thread() -> bool {
    match set_current_thread_priority(ThreadPriority::Min) {
        Ok(()) => true,
        Err(e) => {
            log::debug!("a work thread keeps its priority: {e:?}");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_work_thread_runs_lower_only_once_asked() {
        // In threads of their own, so the test's threads keep their priority.
        let before = std::thread::spawn(as_work_thread).join().unwrap_or(true);
        assert!(!before, "lowered before the app asked");
        YIELDING.store(true, Ordering::Relaxed);
        let after = std::thread::spawn(as_work_thread).join().unwrap_or(false);
        YIELDING.store(false, Ordering::Relaxed);
        assert!(after, "not lowered once asked");
    }
}
