//! [`WorkspaceFile`]: saving each change the frame it is made, merged with other windows'.

use std::path::PathBuf;

use super::Workspace;

/// Where the app keeps its workspace, and what it last wrote there: saves each change as soon as
/// it is made, merges what another window saved in between, and says when a save fails.
#[derive(Debug, Default)]
pub struct WorkspaceFile {
    /// The file; `None` saves nothing (tests, or a session on files named on the command line).
    path: Option<PathBuf>,
    /// The workspace as last read from or written to the file: the base of a merge.
    saved: Workspace,
    /// The last failure, so it is reported once, not every frame.
    failed: Option<String>,
    /// When the last failed attempt was made, so a failing disk is not retried every frame.
    failed_at: Option<std::time::Instant>,
}

/// How long after a failed save the next attempt is made.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

/// What [`WorkspaceFile::sync`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Synced {
    /// Another window's changes were merged in: corrections must be applied again.
    pub merged: bool,
    /// A save failed for a new reason: tell the user.
    pub failed: Option<String>,
}

impl WorkspaceFile {
    /// The file at `path` (`None`: nothing is saved), holding `loaded` as read.
    pub fn new(path: Option<PathBuf>, loaded: &Workspace) -> Self {
        Self {
            path,
            saved: loaded.clone(),
            ..Self::default()
        }
    }

    /// Saves `ws` if it changed since the last save, first merging what another window wrote
    /// to the file since then.
    pub fn sync(&mut self, ws: &mut Workspace) -> Synced {
        let mut out = Synced::default();
        let Some(path) = self.path.clone() else {
            return out;
        };
        if *ws == self.saved || self.failed_at.is_some_and(|at| at.elapsed() < RETRY_AFTER) {
            return out;
        }
        if let Ok(bytes) = std::fs::read(&path) {
            let (disk, problems) = Workspace::from_bytes(&bytes);
            if problems.is_empty() && disk != self.saved {
                ws.merge(&self.saved, &disk);
                out.merged = true;
            }
        }
        match ws.save(&path) {
            Ok(()) => {
                self.saved = ws.clone();
                self.failed = None;
                self.failed_at = None;
            }
            Err(e) => {
                let message = e.to_string();
                log::error!("{message}");
                self.failed_at = Some(std::time::Instant::now());
                if self.failed.as_deref() != Some(message.as_str()) {
                    self.failed = Some(message.clone());
                    out.failed = Some(message);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::command::Correction;

    fn correction(title: &str) -> Correction {
        Correction {
            title: Some(title.into()),
            ..Correction::default()
        }
    }

    #[test]
    fn two_windows_keep_each_others_corrections() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workspace.json");
        let start = Workspace::default();
        let mut first = WorkspaceFile::new(Some(path.clone()), &start);
        let mut second = WorkspaceFile::new(Some(path.clone()), &start);
        let (mut a, mut b) = (start.clone(), start);
        a.corrections.insert("k1".into(), correction("甲"));
        assert_eq!(first.sync(&mut a), Synced::default());
        b.corrections.insert("k2".into(), correction("乙"));
        assert!(second.sync(&mut b).merged);
        let on_disk = Workspace::load(&path).workspace;
        assert_eq!(on_disk.corrections.len(), 2);
        // Nothing changed: nothing written.
        assert_eq!(second.sync(&mut b), Synced::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_save_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the workspace's folder should be: every save fails.
        std::fs::write(dir.path().join("settings"), "").unwrap();
        let path = dir.path().join("settings/workspace.json");
        let mut file = WorkspaceFile::new(Some(path), &Workspace::default());
        let mut ws = Workspace::default();
        ws.corrections.insert("k".into(), correction("甲"));
        let first = file.sync(&mut ws);
        assert!(first.failed.is_some_and(|m| m.contains("cannot save")));
        assert_eq!(file.sync(&mut ws), Synced::default());
    }
}
