//! `tocsin train`: fit the event-type model on coded events (an ACLED export), with
//! cross-validation to say how well it does on events it has not seen.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;
use tocsin_extract::learned::{self, Example, TrainConfig, TypeModel};
use tocsin_extract::Extractor;
use tocsin_model::{Report, SubEventType};

use crate::home::Home;
use crate::progress::Progress;

/// Options of `tocsin train`.
#[derive(Debug, Args)]
#[command(after_help = "Each row's notes go through extraction as a report would; the rules'
proposal and the passage's words are the model's features and the row's sub_event_type
its answer. The model file holds hashed weights only, never the notes.

Without --output the model goes to model/event-types.bin in the data folder, where
`extract`, `ingest` and `demo` use it instead of the shipped one.

Examples:
  tocsin train acled_export.csv --folds 5          cross-validate, then fit on all rows
  tocsin train acled_export.csv --output data/model/event-types.bin")]
pub struct TrainArgs {
    /// Coded events with their notes: an ACLED export (CSV).
    pub file: PathBuf,

    /// Where to write the model (default: model/event-types.bin in the data folder).
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Cross-validate over this many folds before fitting on every row (0: skip).
    #[arg(long, default_value_t = 0, value_name = "K")]
    pub folds: usize,

    /// Passes over the rows.
    #[arg(long, default_value_t = TrainConfig::default().epochs, value_name = "N")]
    pub epochs: usize,

    /// AdaGrad's base step.
    #[arg(long, default_value_t = TrainConfig::default().learning_rate, value_name = "RATE")]
    pub learning_rate: f32,

    /// L2 penalty on every weight.
    #[arg(long, default_value_t = TrainConfig::default().l2, value_name = "L2")]
    pub l2: f32,

    /// Words seen in fewer rows than this get no weight.
    #[arg(long, default_value_t = TrainConfig::default().min_count, value_name = "N")]
    pub min_count: u32,

    /// How much rare sub-event types weigh (0: as often as they occur; 1: every type alike).
    #[arg(long, default_value_t = TrainConfig::default().balance, value_name = "B")]
    pub balance: f32,
}

/// A row turned into what the model learns from.
struct Coded {
    rule: SubEventType,
    example: Example,
    /// Rows of one event (the same `event_id_cnty` in two exports) share a group, and a
    /// group one fold, so that cross-validation never scores an event it trained on.
    group: usize,
}

/// Runs the command.
pub fn run(args: &TrainArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let extractor = crate::setup::load_extractor(home)?;
    let (coded, skipped) = read_examples(&args.file, &extractor, quiet)?;
    if coded.len() < 2 {
        bail!(
            "{}: {} usable rows (rows need notes and a sub_event_type the rules see as an \
             event): too few to learn from",
            args.file.display(),
            coded.len()
        );
    }
    writeln!(out, "{} rows to learn from; {skipped} skipped", coded.len())?;
    let config = TrainConfig {
        epochs: args.epochs,
        learning_rate: args.learning_rate,
        l2: args.l2,
        min_count: args.min_count,
        balance: args.balance,
    };
    if args.folds > 1 {
        cross_validate(&coded, args.folds, &config, out)?;
    }
    let examples: Vec<Example> = coded.iter().map(|c| c.example.clone()).collect();
    let model = learned::train(&examples, &config);
    let path = match &args.output {
        Some(path) => path.clone(),
        None => home.type_model_path()?,
    };
    write_model(&path, &model)?;
    writeln!(out, "model with {} weighted features written to {}", model.len(), path.display())?;
    Ok(())
}

fn read_examples(path: &Path, extractor: &Extractor, quiet: bool) -> Result<(Vec<Coded>, usize)> {
    let mut rows = Vec::new();
    let mut skipped = 0usize;
    tocsin_readers::read_acled(path, &mut |row| match row {
        Ok(row) => rows.push(row),
        Err(error) => {
            skipped += 1;
            if !quiet {
                eprintln!("skipped: {error}");
            }
        }
    })
    .with_context(|| format!("reading {}", path.display()))?;
    let progress = Progress::new("reading notes of", quiet);
    let mut coded = Vec::with_capacity(rows.len());
    let mut groups = EventGroups::default();
    for (index, row) in rows.iter().enumerate() {
        progress.report_done();
        let Ok(label) = row.sub_event_type.parse::<SubEventType>() else {
            skipped += 1;
            continue;
        };
        let report = Report::new(format!("row-{index}"), row.notes.clone());
        let Some((rule, features)) = extractor.type_features(&report) else {
            skipped += 1;
            continue;
        };
        let buckets = features.into_iter().map(|f| f.bucket).collect();
        let group = groups.of(&row.event_id);
        coded.push(Coded { rule, example: Example { buckets, label }, group });
    }
    progress.finish();
    Ok((coded, skipped))
}

/// Numbers the events of an export's rows: rows with the same event id share a number, a
/// row without an id has one of its own.
#[derive(Debug, Default)]
struct EventGroups {
    by_id: HashMap<String, usize>,
    n: usize,
}

impl EventGroups {
    fn of(&mut self, event_id: &str) -> usize {
        if let Some(&group) = self.by_id.get(event_id).filter(|_| !event_id.is_empty()) {
            return group;
        }
        self.n += 1;
        if !event_id.is_empty() {
            self.by_id.insert(event_id.to_string(), self.n);
        }
        self.n
    }
}

/// Fits on all folds but one and scores on that one, in turn; prints rules and model side by side.
fn cross_validate(
    coded: &[Coded],
    folds: usize,
    config: &TrainConfig,
    out: &mut dyn Write,
) -> Result<()> {
    let mut rules = Tally::default();
    let mut model = Tally::default();
    for fold in 0..folds {
        let train: Vec<Example> =
            coded.iter().filter(|c| c.group % folds != fold).map(|c| c.example.clone()).collect();
        let fitted = TypeModel::from_bytes(&learned::train(&train, config).to_bytes())
            .context("re-reading a fitted model")?;
        for coded in coded.iter().filter(|c| c.group % folds == fold) {
            let features: Vec<learned::Feature> = coded
                .example
                .buckets
                .iter()
                .map(|&bucket| learned::Feature { bucket, span: None })
                .collect();
            let predicted = fitted.decide(coded.rule, &features).sub_event_type;
            rules.add(coded.example.label, coded.rule);
            model.add(coded.example.label, predicted);
        }
    }
    writeln!(out, "{folds}-fold cross-validation on rows the rules see as events:")?;
    writeln!(out, "  {:<10} {:>10} {:>10} {:>14}", "", "event_type", "sub_type", "sub macro-F1")?;
    for (name, tally) in [("rules", &rules), ("model", &model)] {
        writeln!(
            out,
            "  {name:<10} {:>9.1}% {:>9.1}% {:>13.1}%",
            tally.type_accuracy() * 100.0,
            tally.sub_accuracy() * 100.0,
            tally.sub_macro_f1() * 100.0
        )?;
    }
    writeln!(out, "  {:<46} {:>6} {:>7} {:>7}", "F1 by sub-event type", "rows", "rules", "model")?;
    for class in SubEventType::ALL {
        let support = rules.count(&|g, _| g == class);
        if support > 0.0 {
            writeln!(
                out,
                "  {:<46} {support:>6} {:>6.1}% {:>6.1}%",
                class.as_str(),
                rules.f1(class) * 100.0,
                model.f1(class) * 100.0
            )?;
        }
    }
    Ok(())
}

/// Gold and predicted sub-event types, counted.
#[derive(Default)]
struct Tally {
    pairs: BTreeMap<(SubEventType, SubEventType), usize>,
}

impl Tally {
    fn add(&mut self, gold: SubEventType, predicted: SubEventType) {
        *self.pairs.entry((gold, predicted)).or_default() += 1;
    }

    fn total(&self) -> usize {
        self.pairs.values().sum()
    }

    fn share(&self, agree: impl Fn(SubEventType, SubEventType) -> bool) -> f64 {
        let hits: usize =
            self.pairs.iter().filter(|((g, p), _)| agree(*g, *p)).map(|(_, n)| n).sum();
        hits as f64 / self.total().max(1) as f64
    }

    fn type_accuracy(&self) -> f64 {
        self.share(|g, p| g.event_type() == p.event_type())
    }

    fn sub_accuracy(&self) -> f64 {
        self.share(|g, p| g == p)
    }

    /// How many (gold, predicted) pairs satisfy `f`.
    fn count(&self, f: &dyn Fn(SubEventType, SubEventType) -> bool) -> f64 {
        self.pairs.iter().filter(|((g, p), _)| f(*g, *p)).map(|(_, n)| *n as f64).sum()
    }

    /// F1 of one sub-event type.
    fn f1(&self, class: SubEventType) -> f64 {
        let gold = self.count(&|g, _| g == class);
        let predicted = self.count(&|_, p| p == class);
        let hits = self.count(&|g, p| g == class && p == class);
        if hits == 0.0 {
            0.0
        } else {
            2.0 * hits / (gold + predicted)
        }
    }

    /// Macro-F1 over the sub-event types present in the gold.
    fn sub_macro_f1(&self) -> f64 {
        let present: Vec<SubEventType> =
            SubEventType::ALL.into_iter().filter(|c| self.count(&|g, _| g == *c) > 0.0).collect();
        present.iter().map(|c| self.f1(*c)).sum::<f64>() / f64::max(present.len() as f64, 1.0)
    }
}

fn write_model(path: &Path, model: &TypeModel) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating the folder {}", parent.display()))?;
    }
    let temporary = path.with_extension("bin.partial");
    std::fs::write(&temporary, model.to_bytes())
        .with_context(|| format!("writing {}", temporary.display()))?;
    std::fs::rename(&temporary, path).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::EventGroups;

    #[test]
    fn rows_of_one_event_share_a_group_and_rows_without_an_id_do_not() {
        let mut groups = EventGroups::default();
        let got: Vec<usize> = ["BFO1", "BFO2", "BFO1", "", "", "BFO2", "MLI7"]
            .iter()
            .map(|id| groups.of(id))
            .collect();
        assert_eq!(got, vec![1, 2, 1, 3, 4, 2, 5]);
    }
}
