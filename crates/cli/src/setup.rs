//! What every reading command needs: the extractor and the list of inputs.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tocsin_extract::Extractor;

use crate::home::Home;

/// The extractor over the shipped data and what the analyst has added to it.
pub fn load_extractor(home: &Home) -> Result<Extractor> {
    let _ = home;
    let gazetteer = tocsin_places::Gazetteer::load_default().context("loading the gazetteer")?;
    // No data folder (no home directory) means no learned actors, not a failure.
    let actors = tocsin_actors::ActorBook::load(home.actors_dir().ok().as_deref())
        .context("loading the actor data")?;
    Ok(Extractor::new(gazetteer, actors))
}

/// The inputs to read: standard input when none are given.
pub fn inputs_or_stdin(inputs: &[PathBuf]) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs.to_vec()
    }
}

/// A path as the user wrote it, with `-` named.
pub fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}
