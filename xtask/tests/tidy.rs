//! Tidy checks over the workspace's own sources: conventions a reviewer should not have to police.

use std::fs;
use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace root")
        .to_owned()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<PathBuf> {
    let root = workspace_root();
    let mut files = Vec::new();
    let crates = fs::read_dir(root.join("crates")).expect("the crates folder exists");
    let mut crate_dirs: Vec<PathBuf> = crates.filter_map(|e| e.ok().map(|e| e.path())).collect();
    crate_dirs.sort();
    for dir in crate_dirs {
        rust_files(&dir.join("src"), &mut files);
    }
    rust_files(&root.join("xtask").join("src"), &mut files);
    assert!(files.len() > 50, "found only {} source files: is the walk right?", files.len());
    files
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|path| {
            let text = fs::read_to_string(path).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(missing.is_empty(), "files without a `//!` first line:\n{}", missing.join("\n"));
}

#[test]
fn every_library_crate_warns_on_missing_docs() {
    let root = workspace_root();
    let mut missing = Vec::new();
    for entry in fs::read_dir(root.join("crates")).expect("the crates folder exists") {
        let lib = entry.expect("a readable folder entry").path().join("src").join("lib.rs");
        if lib.exists() {
            let text = fs::read_to_string(&lib).unwrap_or_default();
            if !text.contains("#![warn(missing_docs)]") {
                missing.push(lib.display().to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "library crates without #![warn(missing_docs)]:\n{}",
        missing.join("\n")
    );
}
