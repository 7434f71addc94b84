//! Folder walking: every non-hidden file under a folder, sorted by path.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::Error;

/// The files under `root`, recursively, in path order (component by component, as
/// [`Path`]'s ordering), skipping hidden entries (names starting with `.`). Symbolic
/// links are followed, but a folder is entered only once, so link cycles end. Only
/// regular files are listed (no pipes, sockets or devices).
/// Unreadable folders are reported through `on_error` and skipped.
pub(crate) fn files(root: &Path, on_error: &mut dyn FnMut(Error)) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut seen_dirs = HashSet::new();
    // One iterator of sorted entries per folder being walked; no recursion.
    let mut stack: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
    if let Some(children) = list(root, &mut seen_dirs, on_error) {
        stack.push(children.into_iter());
    }
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(path) if path.is_dir() => {
                if let Some(children) = list(&path, &mut seen_dirs, on_error) {
                    stack.push(children.into_iter());
                }
            }
            // Pipes, sockets and devices could block or never end: regular files only.
            Some(path) if path.is_file() => found.push(path),
            Some(_) => {}
        }
    }
    found
}

/// The sorted, non-hidden entries of a folder not seen before.
fn list(
    dir: &Path,
    seen_dirs: &mut HashSet<PathBuf>,
    on_error: &mut dyn FnMut(Error),
) -> Option<Vec<PathBuf>> {
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if !seen_dirs.insert(canonical) {
        return None;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            on_error(Error::Io { path: dir.to_path_buf(), source });
            return None;
        }
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                if !entry.file_name().to_string_lossy().starts_with('.') {
                    children.push(entry.path());
                }
            }
            Err(source) => on_error(Error::Io { path: dir.to_path_buf(), source }),
        }
    }
    children.sort();
    Some(children)
}
