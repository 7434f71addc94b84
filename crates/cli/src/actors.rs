//! `tocsin actors`: the actor knowledge base, and the names reports use that it lacks.
//!
//! * `tocsin actors show NAME`: any name, alias or acronym (case and accents ignored) to
//!   its entry: canonical name, inter code, aliases, family, countries, leaders, whether
//!   it ships with tocsin or was learned, and its stored events.
//! * `tocsin actors unknown`: the names reports gave groups the knowledge base does not
//!   know, most frequent first (recorded by `tocsin ingest`).

use std::io::Write;

use anyhow::{anyhow, Context, Result};
use clap::{Args, Subcommand};
use serde_json::json;
use tocsin_actors::{ActorBook, ActorEntry, Origin};
use tocsin_model::{Country, Event};
use tocsin_store::{EventFilter, Store};

use crate::args::ListFormat;
use crate::home::Home;
use crate::table::Table;

/// Options of `tocsin actors`.
#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: ActorsAction,
}

/// The actors actions.
#[derive(Debug, Subcommand)]
pub enum ActorsAction {
    /// One actor: its canonical name, aliases, family and stored events.
    Show {
        /// Any of the actor's names: canonical, alias or acronym (JNIM, GSIM, EIGS...).
        name: String,
        /// How many of its latest stored events to list.
        #[arg(long, default_value_t = 5, value_name = "N")]
        events: usize,
    },
    /// Names that reports used for actors the knowledge base does not know.
    Unknown {
        /// At most this many names.
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
        /// Print a table, or JSON Lines.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

/// Runs the command.
pub fn run(args: &ActorsArgs, home: &Home, out: &mut dyn Write) -> Result<()> {
    let dir = home.actors_dir()?;
    let book = ActorBook::load(Some(&dir)).context("loading the actor data")?;
    match &args.action {
        ActorsAction::Show { name, events } => show(&book, home, name, *events, out),
        ActorsAction::Unknown { limit, format } => unknown(&book, home, *limit, *format, out),
    }
}

fn show(
    book: &ActorBook,
    home: &Home,
    name: &str,
    n_events: usize,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(entry) = book.lookup(name) else {
        let suggestions = book.suggest(name, 3);
        let hint = if suggestions.is_empty() {
            "; `tocsin actors unknown` lists names reports used that it lacks, and \
             `tocsin import acled FILE.csv` learns the names of an ACLED export"
                .to_string()
        } else {
            format!("; did you mean {}?", quoted_list(&suggestions))
        };
        return Err(anyhow!("{name:?} is not in the actor knowledge base{hint}"));
    };
    writeln!(out, "{}", entry.name)?;
    let field = |out: &mut dyn Write, label: &str, value: String| -> Result<()> {
        if !value.is_empty() {
            writeln!(out, "  {:<11} {value}", format!("{label}:"))?;
        }
        Ok(())
    };
    let inter = entry.inter.map(|i| format!("{} ({})", i.code(), i.label())).unwrap_or_default();
    field(out, "inter", inter)?;
    field(out, "kind", entry.kind.word().to_string())?;
    let origin = match book.origin(entry) {
        Origin::Shipped => "shipped with tocsin",
        Origin::ShippedExtended => "shipped with tocsin, with learned names",
        Origin::Learned => "learned",
    };
    field(out, "origin", origin.to_string())?;
    field(out, "acronyms", entry.acronyms.join(", "))?;
    field(out, "aliases", entry.aliases.join("; "))?;
    field(out, "parent", entry.parent.clone().unwrap_or_default())?;
    let family = book.family(&entry.name);
    let subgroups: Vec<String> = entry
        .subgroups
        .iter()
        .cloned()
        .chain(family.iter().skip(1).filter(|n| !entry.subgroups.contains(n)).cloned())
        .collect();
    field(out, "sub-groups", subgroups.join("; "))?;
    field(out, "allies", entry.allies.join("; "))?;
    field(out, "rivals", entry.rivals.join("; "))?;
    let countries: Vec<String> = entry
        .countries
        .iter()
        .map(|code| match Country::from_code(code) {
            Some(country) => format!("{} ({code})", country.name),
            None => code.clone(),
        })
        .collect();
    field(out, "countries", countries.join(", "))?;
    let active = match (entry.active_from, entry.active_to) {
        (Some(from), Some(to)) => format!("{from}-{to}"),
        (Some(from), None) => format!("{from}-"),
        (None, Some(to)) => format!("-{to}"),
        (None, None) => String::new(),
    };
    field(out, "active", active)?;
    let leaders: Vec<String> = entry
        .leaders
        .iter()
        .map(|l| {
            if l.aliases.is_empty() {
                l.name.clone()
            } else {
                format!("{} ({})", l.name, l.aliases.join(", "))
            }
        })
        .collect();
    field(out, "leaders", leaders.join("; "))?;
    if let Some(coded_as) = &entry.coded_as {
        field(out, "coded as", format!("{coded_as} (with this actor associated)"))?;
    }
    events(entry, home, n_events, out)
}

/// The stored events naming the actor: their number and the latest few. Without a
/// database, says so and lists nothing.
fn events(entry: &ActorEntry, home: &Home, n_events: usize, out: &mut dyn Write) -> Result<()> {
    let path = home.db_path()?;
    if !path.exists() {
        writeln!(out, "  {:<11} no database at {}", "events:", path.display())?;
        return Ok(());
    }
    let store = Store::open_existing(&path)
        .with_context(|| format!("opening the database {}", path.display()))?;
    let name = entry.name.replace("({country})", "").trim().to_string();
    let filter = EventFilter { actor: Some(name), ..EventFilter::default() };
    let count = store.count(&filter)?;
    let latest = store.events(&EventFilter { limit: Some(n_events), ..filter })?;
    let suffix = if count > 0 && n_events > 0 { "; latest:" } else { "" };
    writeln!(out, "  {:<11} {count} stored{suffix}", "events:")?;
    for event in &latest {
        writeln!(out, "    {}", event_line(event))?;
    }
    Ok(())
}

fn event_line(event: &Event) -> String {
    let coding = &event.coding;
    let date =
        coding.date.as_ref().map(|d| d.value.date.to_string()).unwrap_or_else(|| "undated".into());
    let place = coding
        .place
        .as_ref()
        .map(|p| format!("{}, {}", p.value.location, p.value.country))
        .unwrap_or_default();
    let actors = match &coding.actor2 {
        Some(actor2) => format!("{} vs {}", coding.actor1.value.name, actor2.value.name),
        None => coding.actor1.value.name.clone(),
    };
    format!(
        "{}  {date}  {}  {place}  {actors}  ({} fatalities)",
        event.id,
        coding.sub_event_type.value.as_str(),
        coding.fatalities.value
    )
}

fn unknown(
    book: &ActorBook,
    home: &Home,
    limit: Option<usize>,
    format: ListFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let store = home.open_existing()?;
    // Names learned or added since they were recorded are known now.
    let names: Vec<_> = store
        .unknown_actors(None)?
        .into_iter()
        .filter(|u| book.lookup(&u.name).is_none())
        .take(limit.unwrap_or(usize::MAX))
        .collect();
    match format {
        ListFormat::Jsonl => {
            for u in &names {
                let line = json!({
                    "name": u.name,
                    "count": u.count,
                    "first_seen": u.first_seen,
                    "last_seen": u.last_seen,
                    "report_id": u.report_id,
                });
                writeln!(out, "{line}")?;
            }
        }
        ListFormat::Table => {
            if names.is_empty() {
                eprintln!("no unknown actor names: every group the reports named is known");
                return Ok(());
            }
            let mut table = Table::new(&["reports", "name", "first seen", "last seen", "report"]);
            for u in &names {
                table.push(vec![
                    u.count.to_string(),
                    u.name.clone(),
                    u.first_seen.clone(),
                    u.last_seen.clone(),
                    u.report_id.clone(),
                ]);
            }
            write!(out, "{}", table.render())?;
        }
    }
    Ok(())
}

fn quoted_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}
