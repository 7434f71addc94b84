//! Print the country each text's actor words point to: reads `ID<TAB>TEXT` lines on standard
//! input, writes `ID<TAB>CC` (empty when none) on standard output.

use std::io::{BufRead, Write};

use tocsin_actors::ActorBook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let book = ActorBook::load_default()?;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        let Some((id, text)) = line.split_once('\t') else { continue };
        let code = book.infer_country(text).unwrap_or_default();
        writeln!(out, "{id}\t{code}")?;
    }
    Ok(())
}
