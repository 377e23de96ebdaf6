//! The workspace file: what was loaded, what was corrected, what was in view.
//!
//! Corrections are the user's work, so the file is read as far as it can be and never lost:
//! each field and each correction is read on its own, so one bad value costs only itself; fields
//! this version does not know are kept and written back; a file that could not be read whole is
//! copied aside before anything is written over it; saving is atomic and durable, and merges
//! what another window saved in the meantime.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::gui::command::{Correction, View};

mod file;
mod paths;
mod salvage;

pub use file::{Synced, WorkspaceFile};

/// The workspace: what was loaded, what was corrected, what was in view. Saved as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Whether the built-in seed reports are part of the corpus.
    pub seeds: bool,
    /// Files and folders added by the user, in the order added.
    #[serde(with = "paths")]
    pub paths: Vec<PathBuf>,
    /// Documents the user removed, by path label.
    pub removed: Vec<String>,
    /// Hand corrections, by meeting key (see [`crate::gui::state::meeting_key`]).
    pub corrections: BTreeMap<String, Correction>,
    /// The view on screen.
    pub view: View,
    /// The project file open when the app was closed: it opens again at start.
    #[serde(
        default,
        with = "paths::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub project: Option<PathBuf>,
    /// Corrections of the open project that could not yet be written into it (the file was
    /// missing, read-only or full): kept here until they are.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub project_corrections: BTreeMap<String, Correction>,
    /// The same for projects closed (or left for another) before they could take their
    /// corrections, by the project's path: put back when that project opens again.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pending_corrections: BTreeMap<String, BTreeMap<String, Correction>>,
    /// The user's lexicon: words to keep whole and always list, strings never to list. With a
    /// project open, the project's.
    #[serde(default, skip_serializing_if = "crate::phrase::Lexicon::is_empty")]
    pub user_lexicon: crate::phrase::Lexicon,
    /// Projects opened or saved, newest first.
    #[serde(default, with = "paths")]
    pub recent_projects: Vec<PathBuf>,
    /// Fields written by another version of Tifa, kept as they were and written back.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Reads each correction of `entries` into `into`; one that cannot be read is a problem and
/// costs only itself.
fn read_corrections(
    entries: Map<String, Value>,
    into: &mut BTreeMap<String, Correction>,
    problems: &mut Vec<String>,
) {
    for (meeting, c) in entries {
        match serde_json::from_value::<Correction>(c) {
            Ok(c) => {
                into.insert(meeting, c);
            }
            Err(e) => problems.push(format!("the correction of {meeting} cannot be read ({e})")),
        }
    }
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            seeds: true,
            paths: Vec::new(),
            removed: Vec::new(),
            corrections: BTreeMap::new(),
            view: View::Timeline,
            project: None,
            project_corrections: BTreeMap::new(),
            pending_corrections: BTreeMap::new(),
            user_lexicon: crate::phrase::Lexicon::default(),
            recent_projects: Vec::new(),
            other: Map::new(),
        }
    }
}

/// A workspace read from disk, with what could not be read of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// Everything that could be read.
    pub workspace: Workspace,
    /// One line for each thing that could not be read, for the user.
    pub problems: Vec<String>,
    /// Where the original file was copied before anything is written over it, when some of it
    /// could not be read.
    pub kept_copy: Option<PathBuf>,
    /// False when the file could not be read in full and no copy could be kept: the app must
    /// then not write over it.
    pub may_save: bool,
}

/// Why a workspace could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing the file failed.
    #[error("cannot save the workspace to {}: {source}", path.display())]
    Io {
        /// What went wrong.
        source: std::io::Error,
        /// The workspace file.
        path: PathBuf,
    },
    /// The workspace could not be turned into JSON.
    #[error("cannot save the workspace: {0}")]
    Json(#[from] serde_json::Error),
}

impl Workspace {
    /// Reads a workspace file as far as it can be read. A missing file is a new workspace; a
    /// file with unreadable parts keeps every part that can be read, and the original is copied
    /// beside it (`workspace.json.unreadable-…`) so nothing the user made is lost.
    pub fn load(path: &Path) -> Loaded {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Loaded {
                    may_save: true,
                    ..Loaded::default()
                };
            }
            Err(e) => {
                return Loaded {
                    problems: vec![format!("cannot read {}: {e}", path.display())],
                    may_save: false,
                    ..Loaded::default()
                };
            }
        };
        let (workspace, problems) = Self::from_bytes(&bytes);
        if problems.is_empty() {
            return Loaded {
                workspace,
                may_save: true,
                ..Loaded::default()
            };
        }
        let copy = keep_copy(path, &bytes);
        let mut problems = problems;
        match &copy {
            Ok(kept) => problems.push(format!(
                "the original workspace file is kept at {}",
                kept.display()
            )),
            Err(e) => problems.push(format!(
                "no copy of the workspace file could be kept ({e}); it will not be written over"
            )),
        }
        Loaded {
            workspace,
            problems,
            may_save: copy.is_ok(),
            kept_copy: copy.ok(),
        }
    }

    /// Reads a workspace from JSON bytes, field by field and correction by correction; returns
    /// what could be read and one line for each thing that could not.
    pub fn from_bytes(bytes: &[u8]) -> (Workspace, Vec<String>) {
        let mut ws = Workspace::default();
        let mut problems = Vec::new();
        let object = match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                problems.push("the workspace file is not a JSON object".into());
                return (ws, problems);
            }
            Err(e) => {
                problems.push(format!("the workspace file is not valid JSON ({e})"));
                return salvage::salvage_corrections(bytes, problems);
            }
        };
        for (key, value) in object {
            let bad = |problems: &mut Vec<String>, e: &dyn std::fmt::Display| {
                problems.push(format!("workspace field {key:?} cannot be read ({e})"));
            };
            match key.as_str() {
                "seeds" => match serde_json::from_value(value) {
                    Ok(v) => ws.seeds = v,
                    Err(e) => bad(&mut problems, &e),
                },
                "paths" => match paths::from_value(&value) {
                    Ok(v) => ws.paths = v,
                    Err(e) => bad(&mut problems, &e),
                },
                "removed" => match serde_json::from_value(value) {
                    Ok(v) => ws.removed = v,
                    Err(e) => bad(&mut problems, &e),
                },
                "view" => match serde_json::from_value(value) {
                    Ok(v) => ws.view = v,
                    Err(e) => bad(&mut problems, &e),
                },
                "project" if value.is_null() => {}
                "project" => match paths::from_value(&Value::Array(vec![value])) {
                    Ok(mut v) => ws.project = v.pop(),
                    Err(e) => bad(&mut problems, &e),
                },
                "user_lexicon" => match serde_json::from_value(value) {
                    Ok(v) => ws.user_lexicon = v,
                    Err(e) => bad(&mut problems, &e),
                },
                "recent_projects" => match paths::from_value(&value) {
                    Ok(v) => ws.recent_projects = v,
                    Err(e) => bad(&mut problems, &e),
                },
                "corrections" | "project_corrections" => match value {
                    Value::Object(entries) => {
                        let into = if key == "corrections" {
                            &mut ws.corrections
                        } else {
                            &mut ws.project_corrections
                        };
                        read_corrections(entries, into, &mut problems);
                    }
                    other => bad(&mut problems, &format!("not an object: {other}")),
                },
                "pending_corrections" => match value {
                    Value::Object(projects) => {
                        for (project, entries) in projects {
                            let Value::Object(entries) = entries else {
                                problems.push(format!(
                                    "the corrections kept for {project} cannot be read (not an object)"
                                ));
                                continue;
                            };
                            let into = ws.pending_corrections.entry(project).or_default();
                            read_corrections(entries, into, &mut problems);
                        }
                    }
                    other => bad(&mut problems, &format!("not an object: {other}")),
                },
                _ => {
                    ws.other.insert(key, value);
                }
            }
        }
        (ws, problems)
    }

    /// Writes the workspace durably: to a temporary file beside `path`, flushed to disk, then
    /// renamed over `path`, so a crash at any moment leaves either the old file or the new one.
    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        let io = |source| SaveError::Io {
            source,
            path: path.to_path_buf(),
        };
        let bytes = serde_json::to_vec_pretty(self)?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let tmp = path.with_extension(format!("json.{}.tmp", std::process::id()));
        let written = (|| {
            use std::io::Write as _;
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)?;
            // The rename itself is durable only once the folder is flushed too.
            if let Ok(d) = std::fs::File::open(&dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map_err(io)
    }

    /// Merges what another window saved (`theirs`) since this one last read or wrote the file
    /// (`base`) into this workspace: changes made on either side are kept, and where both
    /// changed the same correction, this side's wins.
    pub fn merge(&mut self, base: &Workspace, theirs: &Workspace) {
        let keys: std::collections::BTreeSet<String> = base
            .corrections
            .keys()
            .chain(theirs.corrections.keys())
            .cloned()
            .collect();
        for key in keys {
            let (b, t) = (base.corrections.get(&key), theirs.corrections.get(&key));
            let ours_unchanged = self.corrections.get(&key) == b;
            if ours_unchanged && t != b {
                match t {
                    Some(t) => self.corrections.insert(key, t.clone()),
                    None => self.corrections.remove(&key),
                };
            }
        }
        for p in &theirs.paths {
            if !base.paths.contains(p) && !self.paths.contains(p) {
                self.paths.push(p.clone());
            }
        }
        for r in &theirs.removed {
            if !base.removed.contains(r) && !self.removed.contains(r) {
                self.removed.push(r.clone());
            }
        }
        for (k, v) in &theirs.other {
            self.other.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

/// Copies an unreadable workspace file beside itself, under a name that says when.
fn keep_copy(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name().map_or_else(
        || "workspace.json".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let copy = path.with_file_name(format!("{name}.unreadable-{stamp}"));
    if !copy.exists() {
        std::fs::write(&copy, bytes)?;
    }
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correction(title: &str) -> Correction {
        Correction {
            title: Some(title.into()),
            ..Correction::default()
        }
    }

    fn check(json: &str, expect: &Workspace, problems: usize) {
        let (got, said) = Workspace::from_bytes(json.as_bytes());
        assert_eq!(&got, expect, "{json}");
        assert_eq!(said.len(), problems, "{json}: {said:?}");
    }

    #[test]
    fn fields_default_when_missing() {
        check("{}", &Workspace::default(), 0);
        check(
            r#"{"seeds": false, "paths": ["/data/某县日报.html"]}"#,
            &Workspace {
                seeds: false,
                paths: vec!["/data/某县日报.html".into()],
                ..Workspace::default()
            },
            0,
        );
        check(
            r#"{"view": "Compare", "removed": ["seed:000.txt"]}"#,
            &Workspace {
                view: View::Compare,
                removed: vec!["seed:000.txt".into()],
                ..Workspace::default()
            },
            0,
        );
    }

    #[test]
    fn one_bad_value_costs_only_itself() {
        let mut with_one = Workspace::default();
        with_one
            .corrections
            .insert("/a.txt#0".into(), correction("县委常委会会议"));
        // An unknown view name.
        check(
            r#"{"view": "Atlas", "corrections": {"/a.txt#0": {"title": "县委常委会会议"}}}"#,
            &with_one,
            1,
        );
        // A value of the wrong type, and a correction of the wrong shape beside a good one.
        check(
            r#"{"seeds": "yes", "corrections": {"/a.txt#0": {"title": "县委常委会会议"}, "/b.txt#9": {"date": 5}}}"#,
            &with_one,
            2,
        );
        // Not JSON at all.
        check("not json", &Workspace::default(), 1);
    }

    #[test]
    fn corrections_saved_before_checks_read_as_unchecked() {
        let (ws, problems) = Workspace::from_bytes(
            r#"{"corrections": {"/a.txt#0": {"date": null, "place": "某县", "title": null}, "/b.txt#3": {"checked": true}}}"#.as_bytes(),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!ws.corrections["/a.txt#0"].checked);
        assert_eq!(ws.corrections["/a.txt#0"].place.as_deref(), Some("某县"));
        assert!(ws.corrections["/b.txt#3"].checked);
    }

    #[test]
    fn unknown_fields_are_kept_and_written_back() {
        let (ws, problems) = Workspace::from_bytes(
            r#"{"seeds": true, "lexicon": ["外防输入"], "zoom": 3}"#.as_bytes(),
        );
        assert!(problems.is_empty());
        let json: Value = serde_json::to_value(&ws).unwrap();
        assert_eq!(json["lexicon"][0], "外防输入");
        assert_eq!(json["zoom"], 3);
    }

    #[test]
    fn a_truncated_file_gives_back_its_whole_corrections() {
        let mut ws = Workspace::default();
        ws.corrections.insert("/a.txt#0".into(), correction("甲"));
        ws.corrections.insert("/b.txt#5".into(), correction("乙"));
        ws.corrections.insert("/c.txt#7".into(), correction("丙"));
        let json = serde_json::to_string_pretty(&ws).unwrap();
        let cut = &json[..json.find("丙").unwrap()];
        let (got, problems) = Workspace::from_bytes(cut.as_bytes());
        assert_eq!(got.corrections.len(), 2, "{cut}");
        assert_eq!(got.corrections["/b.txt#5"], correction("乙"));
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn an_unreadable_file_is_copied_aside_before_anything_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workspace.json");
        let original = r#"{"view": "Atlas", "corrections": {"/a.txt#0": {"title": "甲"}}}"#;
        std::fs::write(&path, original).unwrap();
        let loaded = Workspace::load(&path);
        assert!(loaded.may_save);
        assert_eq!(loaded.workspace.corrections.len(), 1);
        let kept = loaded.kept_copy.expect("a copy");
        assert_eq!(std::fs::read_to_string(kept).unwrap(), original);
        assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    }

    #[test]
    fn saves_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/workspace.json");
        let mut ws = Workspace::default();
        ws.corrections
            .insert("/data/a.txt#120".into(), correction("县委常委会会议"));
        ws.save(&path).unwrap();
        let loaded = Workspace::load(&path);
        assert_eq!(loaded.workspace, ws);
        assert!(loaded.problems.is_empty());
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_unicode_survive_a_save() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workspace.json");
        let gbk_folder = PathBuf::from(std::ffi::OsStr::from_bytes(b"/data/\xd5\xe3\xbd\xad"));
        let ws = Workspace {
            paths: vec![gbk_folder.clone(), "/data/ok".into()],
            ..Workspace::default()
        };
        ws.save(&path).unwrap();
        assert_eq!(
            Workspace::load(&path).workspace.paths,
            [gbk_folder, "/data/ok".into()]
        );
    }

    #[test]
    fn merging_keeps_both_windows_corrections() {
        let mut base = Workspace::default();
        base.corrections.insert("k1".into(), correction("原"));
        let mut theirs = base.clone();
        theirs.corrections.insert("k2".into(), correction("他"));
        theirs.corrections.insert("k1".into(), correction("他改"));
        let mut ours = base.clone();
        ours.corrections.insert("k3".into(), correction("我"));
        ours.merge(&base, &theirs);
        assert_eq!(ours.corrections["k1"], correction("他改"));
        assert_eq!(ours.corrections["k2"], correction("他"));
        assert_eq!(ours.corrections["k3"], correction("我"));
        // Where both changed one correction, this window's wins.
        let mut ours = base.clone();
        ours.corrections.insert("k1".into(), correction("我改"));
        ours.merge(&base, &theirs);
        assert_eq!(ours.corrections["k1"], correction("我改"));
    }

    mod never_silently {
        use super::*;
        use proptest::prelude::*;

        fn workspace_of(titles: &[String]) -> Workspace {
            let mut ws = Workspace::default();
            for (i, t) in titles.iter().enumerate() {
                ws.corrections
                    .insert(format!("/报告/{i}.txt#{}", i * 7), correction(t));
            }
            ws
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            /// Whatever happens to the file (cut short, a byte changed, a field replaced), every
            /// correction is either read back or the original bytes are kept beside the file.
            #[test]
            fn corrections_are_read_or_kept(
                titles in prop::collection::vec("[一-龥]{1,6}", 1..6),
                damage in 0u8..3,
                at in any::<prop::sample::Index>(),
                byte in any::<u8>(),
                field in prop::sample::select(vec!["seeds", "paths", "view", "corrections", "removed"]),
            ) {
                let ws = workspace_of(&titles);
                let mut bytes = serde_json::to_vec_pretty(&ws).unwrap();
                match damage {
                    0 => bytes.truncate(at.index(bytes.len())),
                    1 => {
                        let i = at.index(bytes.len());
                        bytes[i] = byte;
                    }
                    _ => {
                        let mut v: Value = serde_json::from_slice(&bytes).unwrap();
                        v[field] = Value::from(byte);
                        bytes = serde_json::to_vec(&v).unwrap();
                    }
                }
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("workspace.json");
                std::fs::write(&path, &bytes).unwrap();
                let loaded = Workspace::load(&path);
                // Every correction the file still holds whole is read back …
                let parsed: Option<Value> = serde_json::from_slice(&bytes).ok();
                let held = parsed
                    .as_ref()
                    .and_then(|v| v.get("corrections"))
                    .and_then(Value::as_object);
                for (k, v) in held.into_iter().flatten() {
                    if let Ok(c) = serde_json::from_value::<Correction>(v.clone()) {
                        prop_assert_eq!(loaded.workspace.corrections.get(k), Some(&c));
                    }
                }
                // … and whenever anything could not be read, the file is kept as it was.
                let unreadable = !matches!(parsed, Some(Value::Object(_)));
                if unreadable || !loaded.problems.is_empty() {
                    let kept = loaded.kept_copy.as_ref().map(std::fs::read);
                    prop_assert!(
                        matches!(kept, Some(Ok(ref b)) if *b == bytes),
                        "no copy kept: {:?}",
                        loaded.problems
                    );
                    prop_assert!(!loaded.problems.is_empty());
                }
            }
        }
    }
}
