//! What every reading command needs: the extractor and the list of inputs.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tocsin_extract::Extractor;

use crate::home::Home;

/// The extractor over the shipped data and what the analyst has added to it.
pub fn load_extractor(home: &Home) -> Result<Extractor> {
    let gazetteer = tocsin_places::Gazetteer::load(home.gazetteer_dir().ok().as_deref())
        .context("loading the gazetteer")?;
    // No data folder (no home directory) means no learned actors, not a failure.
    let actors = tocsin_actors::ActorBook::load(home.actors_dir().ok().as_deref())
        .context("loading the actor data")?;
    let extractor = Extractor::new(gazetteer, actors);
    // A model of the analyst's own (`tocsin train`) replaces the shipped one.
    let Some(own) = home.type_model_path().ok().filter(|path| path.exists()) else {
        return Ok(extractor);
    };
    let bytes = std::fs::read(&own).with_context(|| format!("reading {}", own.display()))?;
    let model = tocsin_extract::learned::TypeModel::from_bytes(&bytes)
        .with_context(|| format!("{}: retrain with `tocsin train` or delete it", own.display()))?;
    Ok(extractor.with_type_model(Some(model)))
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
