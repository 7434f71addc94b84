//! Prints the candidate event locations `locate` finds in a sentence.
//!
//! `cargo run --release -p tocsin-places --example locate -- "Gunmen attacked Djibo."`

use tocsin_model::{Language, Span};

fn main() -> Result<(), tocsin_places::Error> {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let gazetteer = tocsin_places::Gazetteer::load_default()?;
    for field in gazetteer.locate(&text, Span::new(0, text.len()), Language::En) {
        let p = &field.value;
        println!(
            "{:.2}  {:?}  {} | {} / {} / {} / {} | {:.4}, {:.4} | precision {} | border {:?} km",
            field.confidence,
            field.span.and_then(|s| s.text(&text)),
            p.location,
            p.country,
            p.admin1.as_deref().unwrap_or("-"),
            p.admin2.as_deref().unwrap_or("-"),
            p.admin3.as_deref().unwrap_or("-"),
            p.latitude,
            p.longitude,
            p.geo_precision.code(),
            p.border_distance_km
        );
    }
    Ok(())
}
