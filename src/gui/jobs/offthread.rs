//! A view's result computed on a thread of its own, for a key (a revision, a meeting): the
//! frame shows the last result for that key, or nothing while it is being computed, and never
//! waits for it.

use std::sync::mpsc::{Receiver, channel};

/// The latest result for a key, and the computation under way.
#[derive(Debug)]
pub struct Offthread<K, T> {
    done: Option<(K, T)>,
    pending: Option<(K, Receiver<T>)>,
}

impl<K, T> Default for Offthread<K, T> {
    fn default() -> Self {
        Self {
            done: None,
            pending: None,
        }
    }
}

impl<K: Clone + PartialEq, T: Send + 'static> Offthread<K, T> {
    /// The result for `key` if it is in, starting nothing.
    pub fn peek(&self, key: &K) -> Option<&T> {
        self.done.as_ref().filter(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The result for `key`, if it is in; otherwise starts `work` on a thread named `name`
    /// (unless it is already running for `key`) and repaints `ctx` when it is done.
    pub fn get(
        &mut self,
        key: &K,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<&T> {
        if let Some((k, rx)) = &self.pending
            && let Ok(value) = rx.try_recv()
        {
            self.done = Some((k.clone(), value));
            self.pending = None;
        }
        let done = self.done.as_ref().is_some_and(|(k, _)| k == key);
        let asked = self.pending.as_ref().is_some_and(|(k, _)| k == key);
        if !done && !asked {
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name(name.to_string())
                .spawn(move || {
                    crate::priority::as_work_thread();
                    // A view closed meanwhile has dropped the receiver: nothing to do.
                    let _ = tx.send(work());
                    ctx.request_repaint();
                });
            match spawned {
                Ok(_) => self.pending = Some((key.clone(), rx)),
                Err(e) => log::error!("cannot start {name}: {e}"),
            }
        }
        self.peek(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_arrives_for_its_key_only() {
        let ctx = egui::Context::default();
        let mut o: Offthread<u32, u32> = Offthread::default();
        let mut got = None;
        for _ in 0..500 {
            if let Some(v) = o.get(&1, &ctx, "test", || 41 + 1) {
                got = Some(*v);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(got, Some(42));
        // Another key: nothing until its own result is in.
        assert!(o.get(&2, &ctx, "test", || 7).is_none());
    }
}
