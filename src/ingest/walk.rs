//! Files on disk: which to read (regular files only, folders recursively, litter skipped) and
//! reading one without ever blocking.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::read::{Decoded, IngestError, ReadConfig, read_bytes};
use crate::model::Problem;

/// What a file that is neither a regular file nor a folder is, for the problem shown.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "a special file"
}

/// Opens a file for reading without blocking on a FIFO that was swapped in after its type was
/// checked, and refuses it if the opened file is not a regular one; returns it with its size.
fn open_regular(path: &Path) -> Result<(std::fs::File, u64), IngestError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| io_error(&e))?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    if !meta.is_file() {
        return Err(IngestError::NotRegular(special_kind(&meta)));
    }
    Ok((file, meta.len()))
}

/// Reads one file, refusing it from its size before any byte is read.
pub(super) fn read_file(path: &Path, config: &ReadConfig) -> Result<Decoded, IngestError> {
    let (file, size) = open_regular(path)?;
    if size > config.max_bytes {
        return Err(IngestError::TooLarge {
            size,
            limit: config.max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grew after its size was checked.
    file.take(config.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > config.max_bytes {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit: config.max_bytes,
        });
    }
    let name = path.to_string_lossy();
    read_bytes(&name, &bytes)
}

pub(super) fn io_error(e: &std::io::Error) -> IngestError {
    if e.kind() == std::io::ErrorKind::NotFound {
        IngestError::Missing
    } else {
        IngestError::Io(e.to_string())
    }
}

/// Names skipped silently inside folders: system litter, not a researcher's files.
fn is_litter(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Adds `path` (a file, or a folder's files recursively) to `files`; `seen` holds the folders
/// already entered so that a symlink loop ends.
pub(super) fn collect(
    path: &Path,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    seen: &mut BTreeSet<PathBuf>,
) {
    let label = || path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            problems.push(Problem {
                path: label(),
                message: io_error(&e).to_string(),
            });
            return;
        }
    };
    if !meta.is_dir() {
        if meta.is_file() {
            files.push(path.to_path_buf());
        } else {
            // A FIFO, socket or device never ends or never starts: reading it would hang.
            problems.push(Problem {
                path: label(),
                message: IngestError::NotRegular(special_kind(&meta)).to_string(),
            });
        }
        return;
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem {
                path: label(),
                message: io_error(&e).to_string(),
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        if is_litter(&entry.file_name().to_string_lossy()) {
            continue;
        }
        // The listing says what most entries are without asking the file system again: a
        // regular file is taken as it is; a folder, a link or anything else is looked at whole.
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            files.push(entry.path());
        } else {
            children.push(entry.path());
        }
    }
    children.sort();
    for child in children {
        collect(&child, files, problems, seen);
    }
}
