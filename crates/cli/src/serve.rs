//! `tocsin serve`: the HTTP API and the dashboard over a database.

use std::path::Path;

use anyhow::{Context, Result};
use tocsin_api::ServeConfig;

use crate::args::ServeArgs;

/// Serves until Ctrl-C, saying where once listening.
pub fn serve(args: &ServeArgs, path: &Path, quiet: bool) -> Result<()> {
    let config = ServeConfig::new(path.to_owned(), args.addr);
    tocsin_api::serve_with(config, |addr| {
        if !quiet {
            eprintln!(
                "serving {} at http://{addr}/ (API under /api/); Ctrl-C stops",
                path.display()
            );
        }
    })
    .with_context(|| format!("serving {} on {}", path.display(), args.addr))
}
