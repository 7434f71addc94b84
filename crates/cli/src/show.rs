//! `tocsin show`: one stored event, each field with the words that support it.

use std::io::Write;

use anyhow::{anyhow, Result};
use tocsin_export::{EventRow, EvidenceRow};
use tocsin_store::HistoryEntry;

use crate::args::ShowArgs;
use crate::home::Home;

/// Runs the command, printing to `out`.
pub fn run(args: &ShowArgs, home: &Home, out: &mut dyn Write) -> Result<()> {
    let store = home.open_existing()?;
    let id = args.event_id.trim();
    let detail = match store.event(id)? {
        Some(detail) => Some(detail),
        None => store.event(&id.to_uppercase())?,
    };
    let detail = detail.ok_or_else(|| {
        anyhow!("no event {id:?} in the database: `tocsin events` lists the stored ids")
    })?;
    if args.history {
        return write_history(&detail.history, out);
    }
    let references: Vec<&tocsin_model::Report> = detail.reports.iter().collect();
    let mut row = EventRow::from_event(&detail.event, &references);
    row.timestamp = detail.history.last().map(|entry| entry.timestamp.timestamp());
    write!(out, "{}", render(&row))?;
    if let Some(merged_into) = &detail.merged_into {
        writeln!(out, "\nThis event was merged into {merged_into}.")?;
    }
    writeln!(out, "\nSources ({}):", detail.reports.len())?;
    for report in &detail.reports {
        let mut line = format!("  {}", report.id);
        for part in
            [report.source.clone(), report.published.map(|d| d.to_string())].into_iter().flatten()
        {
            line.push_str(&format!("  {part}"));
        }
        if let Some(title) = &report.title {
            line.push_str(&format!("  \"{}\"", one_line(title)));
        }
        writeln!(out, "{line}")?;
        if let Some(url) = &report.url {
            writeln!(out, "      {url}")?;
        }
    }
    if !detail.history.is_empty() {
        writeln!(out, "\nHistory:")?;
        write_history(&detail.history, out)?;
    }
    Ok(())
}

/// One line per change: when, and what.
fn write_history(history: &[HistoryEntry], out: &mut dyn Write) -> Result<()> {
    for entry in history {
        writeln!(out, "  {}  {}", entry.timestamp.format("%Y-%m-%d %H:%M:%S UTC"), entry.change)?;
    }
    Ok(())
}

/// The event's fields, each followed by its evidence.
fn render(row: &EventRow) -> String {
    let id = row.event_id_cnty.as_deref().unwrap_or("(unsaved)");
    let mut out = format!(
        "Event {id}: {} ({}; {})\n\n",
        row.sub_event_type, row.event_type, row.disorder_type
    );
    let or_blank = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
    let date = match (&row.event_date, row.time_precision) {
        (Some(date), Some(precision)) => format!("{date} (time precision {precision})"),
        _ => "-".to_owned(),
    };
    let place: Vec<&str> = [&row.location, &row.admin3, &row.admin2, &row.admin1, &row.country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let location = match (row.latitude, row.longitude, row.geo_precision) {
        (Some(latitude), Some(longitude), Some(precision)) => {
            format!("{} ({latitude}, {longitude}; geo precision {precision})", place.join(", "))
        }
        _ if place.is_empty() => "-".to_owned(),
        _ => place.join(", "),
    };
    let fields: Vec<(&str, &str, String)> = vec![
        ("date", "event_date", date),
        ("type", "sub_event_type", row.sub_event_type.clone()),
        ("actor 1", "actor1", format!("{} (inter {})", row.actor1, row.inter1)),
        ("assoc. actor 1", "assoc_actor_1", list(&row.assoc_actor_1)),
        (
            "actor 2",
            "actor2",
            match &row.actor2 {
                Some(actor) => format!("{actor} (inter {})", row.inter2),
                None => or_blank(&row.actor2),
            },
        ),
        ("assoc. actor 2", "assoc_actor_2", list(&row.assoc_actor_2)),
        ("interaction", "interaction", row.interaction.to_string()),
        (
            "civilians targeted",
            "civilian_targeting",
            if row.civilian_targeting.is_empty() { "no" } else { "yes" }.to_owned(),
        ),
        ("location", "location", location),
        ("fatalities", "fatalities", row.fatalities.to_string()),
        ("confidence", "event", format!("{:.2}", row.confidence)),
    ];
    for (label, field, value) in fields {
        out.push_str(&format!("  {label:<19}{value}\n"));
        for evidence in row.evidence.iter().filter(|evidence| evidence.field == field) {
            out.push_str(&format!("      {}\n", describe(evidence)));
        }
    }
    out
}

fn describe(evidence: &EvidenceRow) -> String {
    let quote = match (&evidence.text, evidence.start) {
        (Some(text), _) => format!("\"{}\"", one_line(text)),
        (None, Some(start)) => format!("bytes {start}..{}", evidence.end.unwrap_or(start)),
        (None, None) => "(inferred, no words state it)".to_owned(),
    };
    format!("{quote}  [{}, confidence {:.2}]", evidence.doc_id, evidence.confidence)
}

fn list(values: &[String]) -> String {
    if values.is_empty() {
        "-".to_owned()
    } else {
        values.join("; ")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
