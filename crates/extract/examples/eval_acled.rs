//! Scores extraction's own fields (type, date, fatalities, civilian targeting) on an
//! ACLED CSV, reading each row's notes with no dateline.
//!
//! `cargo run --release -p tocsin-extract --example eval_acled -- acled_dev.csv`

use std::collections::BTreeMap;
use std::time::Instant;

use tocsin_extract::dates::find_dates;
use tocsin_extract::fields::event_fields;
use tocsin_model::Span;

/// The labels ACLED puts before some notes, which no news report carries.
const LABELS: &[&str] = &[
    "Looting",
    "Property destruction",
    "Non-violent activity",
    "Defusal",
    "Displacement",
    "Movement of forces",
    "Arrests",
    "Agreement",
    "Other",
    "Security measures",
    "Detonation",
    "Strikes",
    "Formation of armed group",
    "Fatalities",
    "Recruitment",
    "Weapons seizure",
    "Change to armed group",
    "Defection",
    "Land seizure",
    "Coup/military takeover",
    "Interception",
    "Explosive remnants of war",
    "Headquarters or base established",
];

fn strip_label(notes: &str) -> &str {
    for label in LABELS {
        if let Some(head) = notes.get(..label.len()) {
            if head.eq_ignore_ascii_case(label) {
                if let Some(rest) = notes[label.len()..].strip_prefix(':') {
                    if rest.starts_with(char::is_whitespace) {
                        return rest.trim_start();
                    }
                }
            }
        }
    }
    notes
}

#[derive(Default)]
struct Tally {
    n: usize,
    ok: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }
    fn show(&self, name: &str) {
        let pct = if self.n == 0 { 0.0 } else { 100.0 * self.ok as f64 / self.n as f64 };
        println!("{name:<28} {pct:6.2}%  (n={})", self.n);
    }
}

fn macro_f1(pairs: &[(String, String)]) -> f64 {
    let mut classes: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (gold, _) in pairs {
        classes.entry(gold.as_str()).or_default();
    }
    for (gold, pred) in pairs {
        if gold == pred {
            if let Some(c) = classes.get_mut(gold.as_str()) {
                c.0 += 1;
            }
        } else {
            if let Some(c) = classes.get_mut(pred.as_str()) {
                c.1 += 1;
            }
            if let Some(c) = classes.get_mut(gold.as_str()) {
                c.2 += 1;
            }
        }
    }
    let f1s: Vec<f64> = classes
        .values()
        .map(|&(tp, fp, fnn)| {
            let (tp, fp, fnn) = (tp as f64, fp as f64, fnn as f64);
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fnn)
            }
        })
        .collect();
    if std::env::var_os("EVAL_PER_CLASS").is_some() {
        for ((name, &(tp, fp, fnn)), f1) in classes.iter().zip(&f1s) {
            println!("  {name:<36} tp {tp:5} fp {fp:5} fn {fnn:5} F1 {:.2}", f1);
        }
    }
    f1s.iter().sum::<f64>() / f1s.len().max(1) as f64
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::args().nth(1).as_deref() == Some("--explain") {
        let text = std::env::args().nth(2).unwrap_or_default();
        println!("{}", tocsin_extract::classify::explain(&text));
        let dates = find_dates(&text, None);
        let fields = event_fields(&text, Span::new(0, text.len()), &dates, None);
        println!("{fields:#?}");
        return Ok(());
    }
    if std::env::args().nth(1).as_deref() == Some("--diagnose") {
        return diagnose(&std::env::args().nth(2).unwrap_or_default());
    }
    let path = std::env::args().nth(1).ok_or("usage: eval_acled ACLED.csv [--errors FIELD]")?;
    let show_errors = std::env::args().nth(2).as_deref() == Some("--errors");
    let error_field = std::env::args().nth(3).unwrap_or_default();
    let mut reader = csv::Reader::from_path(&path)?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (c_notes, c_type, c_sub, c_date, c_prec, c_fat, c_civ) = (
        col("notes").ok_or("no notes")?,
        col("event_type").ok_or("no event_type")?,
        col("sub_event_type"),
        col("event_date").ok_or("no event_date")?,
        col("time_precision"),
        col("fatalities").ok_or("no fatalities")?,
        col("civilian_targeting"),
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    let mut t_type = Tally::default();
    let mut t_sub = Tally::default();
    let mut t_date = Tally::default();
    let mut t_date_year = Tally::default();
    let mut t_prec = Tally::default();
    let mut t_fat = Tally::default();
    let mut t_civ = Tally::default();
    let mut t_detect = Tally::default();
    let mut fat_abs = 0u64;
    let mut fat_n = 0u64;
    let mut sub_pairs = Vec::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut bytes = 0usize;
    let started = Instant::now();
    for row in &rows {
        let notes = strip_label(row.get(c_notes).unwrap_or(""));
        bytes += notes.len();
        let dates = find_dates(notes, None);
        let fields = event_fields(notes, Span::new(0, notes.len()), &dates, None);
        t_detect.add(fields.is_some());
        let gold_type = row.get(c_type).unwrap_or("");
        let pred_sub = fields.as_ref().map(|f| f.classification.sub_event_type.value);
        let pred_type = pred_sub.map(|s| s.event_type().as_str()).unwrap_or("");
        if !gold_type.is_empty() {
            t_type.add(gold_type.eq_ignore_ascii_case(pred_type));
        }
        if let Some(gold_sub) = c_sub.and_then(|c| row.get(c)).filter(|s| !s.is_empty()) {
            let pred = pred_sub.map(|s| s.as_str()).unwrap_or("(none)");
            let ok = gold_sub.eq_ignore_ascii_case(pred);
            t_sub.add(ok);
            sub_pairs.push((gold_sub.to_string(), pred.to_string()));
            if !ok {
                *confusion.entry((gold_sub.to_string(), pred.to_string())).or_default() += 1;
                if show_errors
                    && (error_field == "sub" || error_field == gold_sub || error_field == pred)
                {
                    println!("SUB {gold_sub} -> {pred} | {notes}");
                }
            }
        }
        let gold_date = row.get(c_date).unwrap_or("");
        if !gold_date.is_empty() {
            let pred =
                fields.as_ref().and_then(|f| f.date.as_ref()).map(|d| d.value.date.to_string());
            let ok = pred.as_deref() == Some(gold_date);
            t_date.add(ok);
            let has_year = notes.contains(&gold_date[..4.min(gold_date.len())]);
            if has_year {
                t_date_year.add(ok);
                if !ok && show_errors && error_field == "date" {
                    println!("DATE {gold_date} -> {pred:?} | {notes}");
                }
            }
        }
        if let Some(gold_prec) = c_prec.and_then(|c| row.get(c)).filter(|s| !s.is_empty()) {
            let pred = fields
                .as_ref()
                .and_then(|f| f.date.as_ref())
                .map(|d| d.value.precision.code().to_string());
            let ok = pred.as_deref() == Some(gold_prec);
            t_prec.add(ok);
            if !ok && show_errors && error_field == "prec" {
                println!("PREC {gold_prec} -> {pred:?} | {notes}");
            }
        }
        if let Ok(gold_fat) = row.get(c_fat).unwrap_or("").parse::<u32>() {
            let pred = fields.as_ref().map(|f| f.fatalities.value);
            t_fat.add(pred == Some(gold_fat));
            if let Some(pred) = pred {
                fat_abs += u64::from(pred.abs_diff(gold_fat));
                fat_n += 1;
            }
            if pred != Some(gold_fat) && show_errors && error_field == "fat" {
                println!("FAT {gold_fat} -> {pred:?} | {notes}");
            }
        }
        if let Some(gold_civ) = c_civ.and_then(|c| row.get(c)).filter(|s| !s.is_empty()) {
            let gold = gold_civ.to_lowercase().contains("civilian")
                || gold_civ.eq_ignore_ascii_case("true");
            let pred = fields.as_ref().is_some_and(|f| f.classification.civilian_targeting.value);
            t_civ.add(pred == gold);
            if pred != gold && show_errors && error_field == "civ" {
                println!("CIV {gold} -> {pred} | {notes}");
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    if show_errors {
        return Ok(());
    }
    println!("rows {}", rows.len());
    t_detect.show("detection");
    t_type.show("event_type");
    t_sub.show("sub_event_type");
    println!("{:<28} {:6.2}%", "sub_event_type macro-F1", 100.0 * macro_f1(&sub_pairs));
    t_date.show("event_date");
    t_date_year.show("event_date (year in notes)");
    t_prec.show("time_precision");
    t_fat.show("fatalities_exact");
    println!("{:<28} {:6.3}", "fatalities_mae", fat_abs as f64 / fat_n.max(1) as f64);
    t_civ.show("civilian_targeting");
    println!(
        "throughput: {:.0} reports/s, {:.2} MB/s ({} reports, {:.2} s)",
        rows.len() as f64 / elapsed,
        bytes as f64 / 1e6 / elapsed,
        rows.len(),
        elapsed
    );
    let mut top: Vec<_> = confusion.into_iter().collect();
    top.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    println!("top sub-event confusions (gold -> predicted):");
    for ((gold, pred), n) in top.into_iter().take(25) {
        println!("  {n:5}  {gold} -> {pred}");
    }
    Ok(())
}

/// Runs the whole extractor on every row's notes and counts why reports got no event.
fn diagnose(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let gazetteer = tocsin_places::Gazetteer::load_default()?;
    let actors = tocsin_actors::ActorBook::load_default()?;
    let extractor = tocsin_extract::Extractor::new(gazetteer, actors);
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.headers()?.clone();
    let c_notes = headers.iter().position(|h| h == "notes").ok_or("no notes")?;
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let (mut n, mut with_event, mut bytes) = (0usize, 0usize, 0usize);
    let started = Instant::now();
    for (index, row) in reader.records().enumerate() {
        let row = row?;
        let notes = strip_label(row.get(c_notes).unwrap_or(""));
        bytes += notes.len();
        n += 1;
        let output = extractor.extract(&tocsin_model::Report::new(format!("row{index}"), notes));
        if output.events.is_empty() {
            let reason = output
                .diagnostics
                .iter()
                .map(|d| d.message.split(';').next().unwrap_or("").to_string())
                .find(|m| !m.starts_with("date ") && !m.starts_with("no place"))
                .unwrap_or_else(|| "no event cue".to_string());
            *reasons.entry(reason.clone()).or_default() += 1;
            let list = examples.entry(reason).or_default();
            if list.len() < 4 {
                list.push(notes.chars().take(200).collect());
            }
        } else {
            with_event += 1;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    // The same reports through this crate's own stages only (no places, no actors).
    let mut reader = csv::Reader::from_path(path)?;
    let own_started = Instant::now();
    for row in reader.records() {
        let row = row?;
        let notes = strip_label(row.get(c_notes).unwrap_or(""));
        let dates = find_dates(notes, None);
        let (segments, _) = tocsin_extract::segment::segments(notes, &dates, None, 0);
        for segment in segments {
            let _ = event_fields(notes, segment.span, &dates, None);
        }
    }
    let own = own_started.elapsed().as_secs_f64();
    println!(
        "own stages (dates, segmentation, type, fatalities): {:.0} reports/s, {:.2} MB/s",
        n as f64 / own,
        bytes as f64 / 1e6 / own
    );
    println!("{n} reports, {with_event} with an event");
    println!(
        "full extraction throughput: {:.0} reports/s, {:.3} MB/s",
        n as f64 / elapsed,
        bytes as f64 / 1e6 / elapsed
    );
    let mut sorted: Vec<_> = reasons.into_iter().collect();
    sorted.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    for (reason, count) in sorted {
        println!("{count:6}  {reason}");
        for example in examples.get(&reason).into_iter().flatten() {
            println!("          | {example}");
        }
    }
    Ok(())
}
