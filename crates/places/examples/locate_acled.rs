//! Measures `locate` on ACLED rows (notes → place fields) and event_location sentences.
//!
//! `cargo run --release -p tocsin-places --example locate_acled -- ACLED.csv [EVLOC.jsonl]`
//! prints location, admin and country accuracy, the share within 1/10/50 km and
//! geo_precision accuracy; with EVLOC.jsonl also the share of sentences whose top
//! location matches a gold LOCATION span (exact and partial, on word boundaries).
//! It also reports how long `load_default` took and the process's peak memory.

use std::collections::HashMap;
use std::time::Instant;

use tocsin_model::{Language, Span};
use tocsin_places::Gazetteer;

fn norm(s: &str) -> String {
    let folded = deunicode_lower(s);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn deunicode_lower(s: &str) -> String {
    tocsin_places::text::tokenize(s).into_iter().map(|t| t.folded).collect::<Vec<_>>().join(" ")
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dl = (b.1 - a.1).to_radians();
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[derive(Default)]
struct Acc {
    hits: usize,
    n: usize,
}

impl Acc {
    fn add(&mut self, hit: bool) {
        self.n += 1;
        self.hits += hit as usize;
    }
    fn pct(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            100.0 * self.hits as f64 / self.n as f64
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let started = Instant::now();
    let gazetteer = Gazetteer::load_default()?;
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "load_default: {load_ms:.0} ms, {} entries, peak RSS {:.0} MB",
        gazetteer.len(),
        peak_rss_mb().unwrap_or(0.0)
    );
    let verbose = std::env::var("EVAL_VERBOSE").is_ok();
    if let Some(path) = args.first().filter(|p| !p.is_empty()) {
        let mut reader = csv::Reader::from_path(path)?;
        let headers = reader.headers()?.clone();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let cols: HashMap<&str, Option<usize>> = [
            "notes",
            "country",
            "admin1",
            "admin2",
            "admin3",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
        ]
        .into_iter()
        .map(|c| (c, col(c)))
        .collect();
        let mut metrics: Vec<(&str, Acc)> = [
            "location",
            "admin1",
            "admin2",
            "admin3",
            "country",
            "within_1km",
            "within_10km",
            "within_50km",
            "geo_precision",
            "output",
        ]
        .into_iter()
        .map(|m| (m, Acc::default()))
        .collect();
        let mut by_country: HashMap<String, (Acc, Acc)> = HashMap::new();
        let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
        let timer = Instant::now();
        let mut n_rows = 0;
        for record in reader.records() {
            let record = record?;
            let get =
                |c: &str| cols.get(c).copied().flatten().and_then(|i| record.get(i)).unwrap_or("");
            let notes = tocsin_readers::acled::strip_label(get("notes"));
            n_rows += 1;
            let places = gazetteer.locate(notes, Span::new(0, notes.len()), Language::En);
            let top = places.first().map(|f| &f.value);
            let gold_country = get("country").to_string();
            let mut score = |name: &str, gold: &str, pred: Option<&str>| {
                if gold.is_empty() {
                    return None;
                }
                let hit = pred.is_some_and(|p| norm(p) == norm(gold));
                if let Some((_, acc)) = metrics.iter_mut().find(|(m, _)| *m == name) {
                    acc.add(hit);
                }
                Some(hit)
            };
            let loc_hit = score("location", get("location"), top.map(|p| p.location.as_str()));
            score("admin1", get("admin1"), top.and_then(|p| p.admin1.as_deref()));
            score("admin2", get("admin2"), top.and_then(|p| p.admin2.as_deref()));
            score("admin3", get("admin3"), top.and_then(|p| p.admin3.as_deref()));
            score("country", get("country"), top.map(|p| p.country.as_str()));
            let precision = top.map(|p| p.geo_precision.code().to_string());
            score("geo_precision", get("geo_precision"), precision.as_deref());
            if std::env::var("EVAL_PREC").is_ok()
                && get("geo_precision") == "2"
                && precision.as_deref() == Some("1")
            {
                println!(
                    "PREC2 gold={} pred={:?}\n   {}",
                    get("location"),
                    top.map(|p| &p.location),
                    notes
                );
            }
            if !get("geo_precision").is_empty() {
                *confusion
                    .entry((
                        get("geo_precision").to_string(),
                        precision.clone().unwrap_or_default(),
                    ))
                    .or_default() += 1;
            }
            let gold_point = (get("latitude").parse::<f64>(), get("longitude").parse::<f64>());
            let mut km = None;
            if let (Ok(lat), Ok(lon)) = gold_point {
                let d = top.map(|p| haversine((lat, lon), (p.latitude, p.longitude)));
                km = d;
                for (name, limit) in
                    [("within_1km", 1.0), ("within_10km", 10.0), ("within_50km", 50.0)]
                {
                    if let Some((_, acc)) = metrics.iter_mut().find(|(m, _)| *m == name) {
                        acc.add(d.is_some_and(|d| d <= limit));
                    }
                }
                let entry = by_country.entry(gold_country.clone()).or_default();
                entry.0.add(d.is_some_and(|d| d <= 10.0));
                entry.1.add(loc_hit.unwrap_or(false));
            }
            if let Some((_, acc)) = metrics.iter_mut().find(|(m, _)| *m == "output") {
                acc.add(top.is_some());
            }
            if std::env::var("EVAL_ADMIN").is_ok() && km.is_some_and(|d| d <= 10.0) {
                let pred2 = top.and_then(|p| p.admin2.clone()).unwrap_or_default();
                let pred1 = top.and_then(|p| p.admin1.clone()).unwrap_or_default();
                if norm(&pred2) != norm(get("admin2")) || norm(&pred1) != norm(get("admin1")) {
                    println!(
                        "ADMIN {} | gold {} / {} | pred {} / {}",
                        get("country"),
                        get("admin1"),
                        get("admin2"),
                        pred1,
                        pred2
                    );
                }
            }
            if verbose && km.is_none_or(|d| d > 10.0) {
                println!(
                    "MISS gold={} ({}, {}) prec={} | pred={:?} prec={:?} km={:?}\n   {}",
                    get("location"),
                    get("admin2"),
                    get("country"),
                    get("geo_precision"),
                    top.map(|p| (&p.location, &p.admin2, &p.country)),
                    top.map(|p| p.geo_precision.code()),
                    km.map(|d| d.round()),
                    notes
                );
            }
        }
        let ms_per = timer.elapsed().as_secs_f64() * 1000.0 / n_rows.max(1) as f64;
        println!("ACLED rows: {n_rows} ({ms_per:.2} ms per locate)");
        for (name, acc) in &metrics {
            println!("  {name:<14} {:6.1}%  (n={})", acc.pct(), acc.n);
        }
        println!("  geo_precision (gold, predicted): {confusion:?}");
        let mut countries: Vec<_> = by_country.into_iter().filter(|(_, v)| v.0.n >= 100).collect();
        countries.sort_by_key(|c| std::cmp::Reverse(c.1 .0.n));
        for (country, (within, loc)) in countries {
            println!(
                "  {country:<14} within_10km {:5.1}%  location {:5.1}%  (n={})",
                within.pct(),
                loc.pct(),
                within.n
            );
        }
    }
    if let Some(path) = args.get(1) {
        evloc(&gazetteer, path, verbose)?;
    }
    println!("peak RSS {:.0} MB", peak_rss_mb().unwrap_or(0.0));
    Ok(())
}

/// Whether `inner` occurs in `outer` on word boundaries (both normalised).
fn contains_words(outer: &str, inner: &str) -> bool {
    format!(" {outer} ").contains(&format!(" {inner} "))
}

fn evloc(
    gazetteer: &Gazetteer,
    path: &str,
    verbose: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let (mut exact, mut partial, mut output, mut n, mut no_gold, mut no_gold_output) =
        (0, 0, 0, 0, 0, 0);
    for line in text.lines() {
        let record: serde_json::Value = serde_json::from_str(line)?;
        let sentence = record["text"].as_str().unwrap_or("");
        let tokens = record["tokens"].as_array().cloned().unwrap_or_default();
        let mut gold = Vec::new();
        for span in record["spans"].as_array().into_iter().flatten() {
            if span["label"] != "LOCATION" {
                continue;
            }
            let (Some(ts), Some(te)) = (span["token_start"].as_u64(), span["token_end"].as_u64())
            else {
                continue;
            };
            let (Some(a), Some(b)) = (tokens.get(ts as usize), tokens.get(te as usize)) else {
                continue;
            };
            let (Some(start), Some(end)) = (a["start"].as_u64(), b["end"].as_u64()) else {
                continue;
            };
            let g = sentence.get(start as usize..end as usize).map(norm).unwrap_or_default();
            if !g.is_empty() {
                gold.push(g);
            }
        }
        let places = gazetteer.locate(sentence, Span::new(0, sentence.len()), Language::En);
        let pred = places.first().map(|p| norm(&p.value.location)).unwrap_or_default();
        if gold.is_empty() {
            no_gold += 1;
            no_gold_output += (!pred.is_empty()) as usize;
            continue;
        }
        n += 1;
        output += (!pred.is_empty()) as usize;
        let is_exact = gold.contains(&pred);
        let is_partial = !pred.is_empty()
            && gold
                .iter()
                .any(|g| *g == pred || contains_words(g, &pred) || contains_words(&pred, g));
        exact += is_exact as usize;
        partial += is_partial as usize;
        if verbose && !is_partial {
            println!("EVLOC gold={gold:?} pred={pred:?}\n   {sentence}");
        }
    }
    let pct = |x: usize, n: usize| if n == 0 { 0.0 } else { 100.0 * x as f64 / n as f64 };
    println!("evloc sentences with gold location: {n}");
    println!("  exact          {:6.1}%", pct(exact, n));
    println!("  partial        {:6.1}%", pct(partial, n));
    println!("  output         {:6.1}%", pct(output, n));
    println!("  output_no_gold {:6.1}%  (n={no_gold})", pct(no_gold_output, no_gold));
    Ok(())
}
