//! The command line: every command, option and its help, declared with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// tocsin reads news reports (English and French) and writes ACLED-style
/// political-violence events, each field with the words that support it.
#[derive(Debug, Parser)]
#[command(name = "tocsin", version, about, long_about = None)]
#[command(after_help = "Examples:
  tocsin extract samples/reports/ > events.jsonl   read, extract, print JSON Lines
  tocsin ingest samples/reports/                   store reports and events
  tocsin events --country Togo --from 2024-07-01   list stored events
  tocsin export --format acled-csv --output events.csv
  tocsin show TGO1                                 one event with its evidence
  tocsin serve                                     dashboard at http://127.0.0.1:8080/")]
pub struct Cli {
    /// The database file (default: tocsin.db in the platform's data directory).
    #[arg(long, global = true, env = "TOCSIN_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The data folder: the default database, imported gazetteers and learned
    /// actors (default: the platform's data directory).
    #[arg(long, global = true, env = "TOCSIN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print no progress and no summary; errors are still printed.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read reports and print the events they describe, without storing anything.
    #[command(after_help = "Inputs are files, folders (read recursively) or - for standard input;
with no input, standard input is read. Formats: plain text (optional Title:/Date:/Source:
headers), HTML, JSON Lines (id, text, title, published, source, language), CSV with a text
column, RSS/Atom.

Examples:
  tocsin extract report.txt
  tocsin extract articles.jsonl --format csv > events.csv
  cat page.html | tocsin extract --format geojson > events.geojson")]
    Extract(ExtractArgs),

    /// Read reports, extract and merge their events, and store both in the database.
    #[command(
        after_help = "Re-ingesting a report already stored changes nothing. A report of an incident
already stored (same day, place and actors, allowing for each report's precision) joins
that event as one more source instead of making a new one.

Examples:
  tocsin ingest samples/
  tocsin --db /tmp/test.db ingest feed.xml articles.jsonl"
    )]
    Ingest(IngestArgs),

    /// List stored events, newest first; or merge and split them by hand.
    #[command(after_help = "Examples:
  tocsin events
  tocsin events --country Togo --from 2024-07-01 --to 2024-07-31
  tocsin events --type Battles --actor JNIM --limit 20
  tocsin events --search \"army post\" --format jsonl
  tocsin events merge TGO1 TGO4      TGO4's sources join TGO1; TGO4 is retired
  tocsin events split TGO1 report-17 report-17 leaves TGO1 for an event of its own

Analysts' merges and splits are kept: later ingests never undo them.")]
    Events(EventsArgs),

    /// Write stored events as ACLED CSV, GeoJSON or JSON Lines.
    #[command(
        after_help = "With --since, only events created or changed after that time are written, and
events retired since (merged into another) are listed too: as {\"event_id_cnty\",
\"deleted\": true, \"merged_into\"} lines in JSON Lines, on standard error otherwise.

Examples:
  tocsin export --format acled-csv --output events.csv
  tocsin export --format jsonl --since 2026-11-20T00:00:00Z
  tocsin export --format geojson --country Mali > mali.geojson
  tocsin export --format jsonl | head"
    )]
    Export(ExportArgs),

    /// Show one stored event: every field with the words that support it, and its sources.
    #[command(after_help = "Example:
  tocsin show TGO1")]
    Show(ShowArgs),

    /// Serve the HTTP API and the dashboard over the database until Ctrl-C.
    #[command(
        after_help = "The dashboard is at http://ADDRESS/ and the API under /api/ (its OpenAPI
document at /api/openapi.json). Everything is served from the binary: no network needed.

Examples:
  tocsin serve
  tocsin --db events.db serve --addr 0.0.0.0:8080"
    )]
    Serve(ServeArgs),

    /// Ingest the sample reports that ship with tocsin, list their events, serve the dashboard.
    #[command(
        after_help = "The samples (English and French, in five formats) are embedded in the binary and
go through the real pipeline: reading, extraction, merging, storage. They land in a
database of their own, demo.db beside the default database (or --db), never in yours.

Examples:
  tocsin demo                       # then open http://127.0.0.1:8080/
  tocsin demo --no-serve            # ingest and list only"
    )]
    Demo(DemoArgs),

    /// Measure extraction speed, memory and start-up time on the given inputs.
    #[command(after_help = "Nothing is stored and no event is printed.

Example:
  tocsin bench samples/")]
    Bench(InputArgs),

    /// Grow the gazetteer with a GeoNames dump.
    Gazetteer(crate::gazetteer::GazetteerArgs),

    /// Look a place name up in the gazetteer: candidates with their scores.
    Places(crate::places::PlacesArgs),

    /// The actor knowledge base: one actor's names and family, or names it lacks.
    Actors(crate::actors::ActorsArgs),

    /// Learn actors and places from an ACLED export.
    Import(crate::import::ImportArgs),

    /// Fit the event-type model on coded events.
    Train(crate::train::TrainArgs),
}

/// Inputs to read.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, folders or - for standard input (default: standard input).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// Options of `tocsin extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,

    /// The output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,

    /// Also say, on standard error, why each report gave no event or what its events
    /// lack: sentences passed over and why, dates without a year, places and actors not
    /// found.
    #[arg(long)]
    pub explain: bool,

    /// Where reports that place an event nowhere are read.
    #[command(flatten)]
    pub desk: DeskArgs,
}

/// The desk's country, shared by `extract` and `ingest`.
#[derive(Debug, Args)]
pub struct DeskArgs {
    /// The country of a report that names no place, no country and no group or figure
    /// tied to one (a strike outside a ministry), coded to its capital at
    /// precision 3: an ISO code (BF or BFA); `auto`, the country most of the run's placed
    /// reports lie in, when one stands out; or `none`, leaving such events unplaced.
    #[arg(long, value_name = "CODE|auto|none", default_value = "auto", value_parser = desk_country)]
    pub desk_country: tocsin_ingest::DeskCountry,
}

/// Parses `--desk-country`.
fn desk_country(value: &str) -> Result<tocsin_ingest::DeskCountry, String> {
    use tocsin_ingest::DeskCountry;
    match value.trim().to_ascii_lowercase().as_str() {
        "auto" => Ok(DeskCountry::Auto),
        "none" | "off" => Ok(DeskCountry::Off),
        _ => match tocsin_model::Country::from_code(value.trim()) {
            Some(country) => Ok(DeskCountry::Fixed(country.alpha2.to_string())),
            None => {
                Err(format!("{value:?} is no ISO country code (try BF or BFA), `auto` or `none`"))
            }
        },
    }
}

/// An output format of `extract` and `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// JSON Lines with evidence (the evaluation kit's prediction format).
    Jsonl,
    /// ACLED's CSV columns in ACLED's order.
    #[value(name = "acled-csv", alias = "csv")]
    AcledCsv,
    /// A GeoJSON FeatureCollection of points (opens in QGIS).
    Geojson,
}

impl OutputFormat {
    /// The export crate's format.
    pub fn export_format(self) -> tocsin_export::Format {
        match self {
            OutputFormat::Jsonl => tocsin_export::Format::Jsonl,
            OutputFormat::AcledCsv => tocsin_export::Format::AcledCsv,
            OutputFormat::Geojson => tocsin_export::Format::GeoJson,
        }
    }
}

/// Filters over stored events.
#[derive(Debug, Clone, Args)]
pub struct Filters {
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<chrono::NaiveDate>,

    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<chrono::NaiveDate>,

    /// Events in this country (name or ISO code).
    #[arg(long)]
    pub country: Option<String>,

    /// Events in this first-level administrative unit.
    #[arg(long)]
    pub admin1: Option<String>,

    /// Events of this event type or sub-event type (e.g. Battles, "Armed clash").
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,

    /// Events involving an actor whose name contains this text.
    #[arg(long)]
    pub actor: Option<String>,

    /// With --actor: also events of the actor's sub-groups, from the knowledge base
    /// (--actor JNIM takes in Katiba Macina, Ansar Dine...).
    #[arg(long, requires = "actor")]
    pub with_subgroups: bool,

    /// Events whose source reports match this full-text query.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// Options of `tocsin ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Store every extraction as an event of its own, merging nothing.
    #[arg(long)]
    pub no_merge: bool,

    /// Where reports that place an event nowhere are read.
    #[command(flatten)]
    pub desk: DeskArgs,
}

/// Options of `tocsin events`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EventsArgs {
    /// An analyst's correction instead of a listing.
    #[command(subcommand)]
    pub action: Option<EventsAction>,

    /// Which events.
    #[command(flatten)]
    pub filters: Filters,

    /// Print a table, or JSON Lines.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// An analyst's correction of how reports were grouped into events.
#[derive(Debug, Subcommand)]
pub enum EventsAction {
    /// Merge event B into event A: B's sources join A, B is retired.
    Merge {
        /// The event that stays.
        #[arg(value_name = "A")]
        a: String,
        /// The event merged into A.
        #[arg(value_name = "B")]
        b: String,
    },
    /// Move one source report out of an event into a new event of its own.
    Split {
        /// The event to split.
        #[arg(value_name = "EVENT_ID")]
        event: String,
        /// The id of the source report that leaves it.
        #[arg(value_name = "REPORT_ID")]
        report: String,
    },
}

/// How `tocsin events` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table for people.
    Table,
    /// JSON Lines with evidence.
    Jsonl,
}

/// Options of `tocsin export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Which events.
    #[command(flatten)]
    pub filters: Filters,

    /// The output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::AcledCsv)]
    pub format: OutputFormat,

    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Only what changed after this time (RFC 3339, e.g. 2026-11-20T00:00:00Z), deletions included.
    #[arg(long, value_name = "TIMESTAMP")]
    pub since: Option<chrono::DateTime<chrono::Utc>>,
}

/// Options of `tocsin serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDRESS:PORT")]
    pub addr: std::net::SocketAddr,
}

/// Options of `tocsin demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where the dashboard listens (port 0 picks a free one).
    #[command(flatten)]
    pub serve: ServeArgs,

    /// Ingest and list the events, but do not start the server.
    #[arg(long)]
    pub no_serve: bool,
}

/// Options of `tocsin show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The event's id, as `tocsin events` prints it (e.g. TGO1).
    #[arg(value_name = "EVENT_ID")]
    pub event_id: String,

    /// Print only the event's change history.
    #[arg(long)]
    pub history: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
