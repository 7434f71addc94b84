//! A learned linear model of the sub-event type, on top of the rules.
//!
//! The rules of [`crate::classify`] find the event and propose its type; the model
//! weighs that proposal together with the passage's words (unigrams and bigrams), the
//! cues that fired (alone and with the rules' type), the target of the violence and, for
//! each violent verb, the classes of its doer and its target (armed, civilian, unknown),
//! and may overrule it. Features are hashed, so the model file holds numbers only: no
//! word list, no training text.
//!
//! The weights are fitted by [`train`] (multinomial logistic regression with AdaGrad, a
//! few fits in different orders averaged),
//! reproducibly: the same examples give the same bytes. [`TypeModel::to_bytes`] and
//! [`TypeModel::from_bytes`] read and write the compact file (8-bit weights with a
//! scale per class) that ships in `data/model/`.

use std::collections::HashMap;

use tocsin_model::{Span, SubEventType};

use crate::classify::{Cues, Role, Target};

/// How many sub-event types the model scores, in [`SubEventType::ALL`] order.
pub const CLASSES: usize = SubEventType::ALL.len();

/// Hashed features live in `0..1 << BUCKET_BITS`.
const BUCKET_BITS: u32 = 22;

/// Only a passage's first words are read: an event's lead tells its type, and a long
/// report's later paragraphs (background, reactions) would drown it.
const MAX_WORDS: usize = 120;

/// How many leading characters of a longer word stand for its stem.
const STEM_CHARS: usize = 5;

/// The file's first bytes.
const MAGIC: &[u8; 8] = b"TOCSINT3";

/// The model overrules the rules' type only when it learned from this many examples of it.
const MIN_SUPPORT_TO_OVERRULE: u32 = 30;

/// The model overrules the rules' type only when its own choice is at least this probable.
/// Above even odds: on news unlike the notes it learned from (longer, other wording) a
/// narrow majority is mostly noise (MUC-4 dev: type_top 53.5 at 0.5, 56.1 at 0.6), at a
/// cost of 0.1 point on ACLED's held-out notes.
pub const SURE_TO_OVERRULE: f32 = 0.6;

/// One feature of a passage: its hash and the words it stands for, when it has any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    /// The hashed feature.
    pub bucket: u32,
    /// The words of the passage it comes from (unigram features only).
    pub span: Option<Span>,
}

/// What the model needs to know of a passage besides its words.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The cues the rules found.
    pub cues: &'a Cues,
    /// What the rules decided.
    pub rule: SubEventType,
    /// The target of the violence, and whether anything armed is named as one.
    pub target: (Target, bool),
    /// Each violent verb with its doer and target.
    pub roles: &'a [Role],
}

/// The features of `passage` (bytes `offset..` of the report) with the rules' evidence.
pub fn features(passage: &str, offset: usize, evidence: &Evidence<'_>) -> Vec<Feature> {
    let mut out = Vec::with_capacity(passage.len() / 3);
    let mut push = |parts: &[&str], span: Option<Span>| {
        out.push(Feature { bucket: hash(parts), span });
    };
    push(&["rule", evidence.rule.as_str()], None);
    push(&["type", evidence.rule.event_type().as_str()], None);
    for cue in evidence.cues.fired() {
        push(&["cue", cue], None);
        // What a cue means depends on what the rules made of the passage.
        push(&["rc", evidence.rule.as_str(), cue], None);
    }
    push(
        &[
            "target",
            class_name(evidence.target.0),
            if evidence.target.1 { "any-armed" } else { "" },
        ],
        None,
    );
    let words = crate::text::tokenize(passage)
        .into_iter()
        .filter(|t| t.kind != crate::text::TokenKind::Punct || t.lower == ".")
        .take(MAX_WORDS)
        .map(|t| {
            let word = match t.kind {
                crate::text::TokenKind::Number => "<num>".to_string(),
                _ => t.lower,
            };
            (word, Span::new(t.start + offset, t.end + offset))
        })
        .collect::<Vec<_>>();
    // The violent verbs among the words read, with their doers and targets.
    let read_to = words.last().map_or(0, |(_, span)| span.end.saturating_sub(offset));
    for role in evidence.roles.iter().filter(|role| role.start < read_to) {
        let (agent, target) = (class_name(role.agent), class_name(role.target));
        push(&["vt", role.verb, target], None);
        push(&["va", role.verb, agent], None);
        push(&["vat", agent, target], None);
    }
    let mut previous: &str = ".";
    for (word, span) in &words {
        if word != "." {
            push(&["w", word], Some(*span));
            // A word's stem joins its inflections ("attacked", "attacks", "attacking"),
            // which held-out notes use in proportions the training notes did not.
            if word.chars().count() > STEM_CHARS {
                let stem: String = word.chars().take(STEM_CHARS).collect();
                push(&["s", &stem], None);
            }
        }
        push(&["b", previous, word], None);
        previous = word;
    }
    out
}

fn class_name(target: Target) -> &'static str {
    match target {
        Target::Armed => "armed",
        Target::Civilian => "civilian",
        Target::Unknown => "unknown",
    }
}

/// FNV-1a over the parts (each followed by a separator), folded into the bucket range.
fn hash(parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0x1f]) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    ((h >> 32) ^ h) as u32 & ((1 << BUCKET_BITS) - 1)
}

/// A fitted model: for each feature it knows, a weight per class.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeModel {
    bias: [f32; CLASSES],
    scale: [f32; CLASSES],
    /// How many training examples each class had.
    support: [u32; CLASSES],
    /// Buckets in ascending order.
    buckets: Vec<u32>,
    /// `CLASSES` quantised weights per bucket.
    weights: Vec<i8>,
}

/// The model's verdict on one passage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// The most probable sub-event type.
    pub sub_event_type: SubEventType,
    /// Its probability.
    pub probability: f32,
    /// The words that weigh most for it, when a word does.
    pub span: Option<Span>,
}

impl TypeModel {
    /// The model that ships with tocsin, fitted on coded events (see `tocsin train`).
    pub fn shipped() -> Result<TypeModel, ModelError> {
        TypeModel::from_bytes(include_bytes!("../../../data/model/event-types.bin"))
    }

    /// How many features the model has weights for.
    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    /// Whether the model knows no feature at all.
    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }

    /// The class probabilities of a passage's features, in [`SubEventType::ALL`] order.
    pub fn probabilities(&self, features: &[Feature]) -> [f32; CLASSES] {
        let mut sums = [0i32; CLASSES];
        for feature in features {
            if let Some(row) = self.row(feature.bucket) {
                for (sum, w) in sums.iter_mut().zip(row) {
                    *sum += i32::from(*w);
                }
            }
        }
        let x = input_value(features.len());
        let mut scores = [0f32; CLASSES];
        for (c, score) in scores.iter_mut().enumerate() {
            *score = self.bias[c] + sums[c] as f32 * self.scale[c] * x;
        }
        softmax(&mut scores);
        scores
    }

    /// The sub-event type of a passage whose rules proposed `rule`: the model's choice,
    /// unless it is unsure of it (below [`SURE_TO_OVERRULE`]) or learned from too few
    /// examples of the rules' type to overrule them (rare types are where hand-written cues
    /// are sharpest and statistics weakest).
    pub fn decide(&self, rule: SubEventType, features: &[Feature]) -> Verdict {
        let probabilities = self.probabilities(features);
        let best = argmax(&probabilities);
        let rule_class = class_of(rule);
        let known = self.support.get(rule_class).copied().unwrap_or(0);
        let unsure = probabilities[best] < SURE_TO_OVERRULE;
        if best != rule_class && (known < MIN_SUPPORT_TO_OVERRULE || unsure) {
            let probability = probabilities[rule_class].max(0.5);
            return Verdict { sub_event_type: rule, probability, span: None };
        }
        self.verdict(best, &probabilities, features)
    }

    /// The most probable sub-event type of a passage, with the words behind it.
    pub fn judge(&self, features: &[Feature]) -> Verdict {
        let probabilities = self.probabilities(features);
        self.verdict(argmax(&probabilities), &probabilities, features)
    }

    /// The verdict for `class`, with the word that weighs most for it.
    fn verdict(
        &self,
        class: usize,
        probabilities: &[f32; CLASSES],
        features: &[Feature],
    ) -> Verdict {
        let span = features
            .iter()
            .filter_map(|f| Some((f.span?, self.row(f.bucket)?.get(class).copied()?)))
            .filter(|(_, w)| *w > 0)
            .max_by_key(|(_, w)| *w)
            .map(|(span, _)| span);
        Verdict {
            sub_event_type: SubEventType::ALL[class],
            probability: probabilities[class],
            span,
        }
    }

    fn row(&self, bucket: u32) -> Option<&[i8]> {
        let index = self.buckets.binary_search(&bucket).ok()?;
        self.weights.get(index * CLASSES..(index + 1) * CLASSES)
    }

    /// The model as the bytes of its file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(24 + self.buckets.len() * (4 + CLASSES));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(CLASSES as u32).to_le_bytes());
        out.extend_from_slice(&(self.buckets.len() as u32).to_le_bytes());
        for value in self.bias.iter().chain(&self.scale) {
            out.extend_from_slice(&value.to_le_bytes());
        }
        for count in &self.support {
            out.extend_from_slice(&count.to_le_bytes());
        }
        for bucket in &self.buckets {
            out.extend_from_slice(&bucket.to_le_bytes());
        }
        out.extend(self.weights.iter().map(|w| *w as u8));
        out
    }

    /// Reads a model file; anything but a well-formed file of this version is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<TypeModel, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::Format("not a tocsin event-type model"));
        }
        if reader.u32()? as usize != CLASSES {
            return Err(ModelError::Format("made for another set of sub-event types"));
        }
        let count = reader.u32()? as usize;
        let mut bias = [0f32; CLASSES];
        let mut scale = [0f32; CLASSES];
        for value in bias.iter_mut().chain(scale.iter_mut()) {
            *value = f32::from_le_bytes(reader.array()?);
        }
        let mut support = [0u32; CLASSES];
        for count in support.iter_mut() {
            *count = reader.u32()?;
        }
        let buckets = (0..count).map(|_| reader.u32()).collect::<Result<Vec<_>, _>>()?;
        if buckets.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err(ModelError::Format("features out of order"));
        }
        let weights = reader.take(count * CLASSES)?.iter().map(|b| *b as i8).collect();
        if reader.at != bytes.len() {
            return Err(ModelError::Format("trailing bytes"));
        }
        Ok(TypeModel { bias, scale, support, buckets, weights })
    }
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not a model of this version.
    #[error("bad event-type model: {0}")]
    Format(&'static str),
    /// The file ends early.
    #[error("bad event-type model: the file is cut short")]
    Truncated,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn array(&mut self) -> Result<[u8; 4], ModelError> {
        self.take(4)?.try_into().map_err(|_| ModelError::Truncated)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

/// The value of each present feature in a passage of `n` features: the bag of features
/// has unit length, so that a long report weighs no more than a short note.
fn input_value(n: usize) -> f32 {
    1.0 / (n.max(1) as f32).sqrt()
}

fn softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut total = 0.0;
    for score in scores.iter_mut() {
        *score = (*score - max).exp();
        total += *score;
    }
    for score in scores.iter_mut() {
        *score /= total;
    }
}

/// The index of a sub-event type among the model's classes ([`SubEventType::ALL`] order).
fn class_of(sub: SubEventType) -> usize {
    SubEventType::ALL.iter().position(|s| *s == sub).unwrap_or(0)
}

fn argmax(values: &[f32]) -> usize {
    values
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(index, _)| index)
}

/// One training example: a passage's features and its coded sub-event type.
#[derive(Debug, Clone)]
pub struct Example {
    /// The hashed features (see [`features`]).
    pub buckets: Vec<u32>,
    /// The coded sub-event type.
    pub label: SubEventType,
}

/// How [`train`] fits the weights.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    /// Passes over the examples.
    pub epochs: usize,
    /// AdaGrad's base step.
    pub learning_rate: f32,
    /// L2 penalty on every weight.
    pub l2: f32,
    /// Features seen in fewer examples than this get no weight.
    pub min_count: u32,
    /// How much rare sub-event types weigh: an example of a type with `n` examples
    /// counts `(mean / n) ^ balance` (0: all alike; 1: every type alike in total).
    pub balance: f32,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig { epochs: 12, learning_rate: 0.3, l2: 1e-5, min_count: 2, balance: 0.0 }
    }
}

/// Fits a model on `examples`: multinomial logistic regression by AdaGrad, the average of
/// [`RUNS`] fits that visit the examples in fixed pseudo-random orders, so that training is
/// reproducible.
pub fn train(examples: &[Example], config: &TrainConfig) -> TypeModel {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for example in examples {
        let mut seen = example.buckets.clone();
        seen.sort_unstable();
        seen.dedup();
        for bucket in seen {
            *counts.entry(bucket).or_default() += 1;
        }
    }
    let mut buckets: Vec<u32> =
        counts.into_iter().filter(|(_, n)| *n >= config.min_count).map(|(b, _)| b).collect();
    buckets.sort_unstable();
    let index: HashMap<u32, usize> = buckets.iter().enumerate().map(|(i, b)| (*b, i)).collect();
    let rows: Vec<Vec<usize>> = examples
        .iter()
        .map(|e| e.buckets.iter().filter_map(|b| index.get(b).copied()).collect())
        .collect();
    let labels: Vec<usize> = examples.iter().map(|e| class_of(e.label)).collect();

    let mut per_class = [0usize; CLASSES];
    for &label in &labels {
        per_class[label] += 1;
    }
    let present = per_class.iter().filter(|n| **n > 0).count().max(1);
    let mean = examples.len() as f32 / present as f32;
    let class_weight: Vec<f32> =
        per_class.iter().map(|&n| (mean / n.max(1) as f32).powf(config.balance)).collect();

    // Fits of the same examples in other orders, averaged: one order's last examples weigh
    // too much in it, and the average of a few is steadier on notes it never saw.
    let mut weights = vec![0f32; buckets.len() * CLASSES];
    let mut bias = [0f32; CLASSES];
    let fit = Fit { rows: &rows, labels: &labels, class_weight: &class_weight, examples };
    for run in 0..RUNS {
        let (run_bias, run_weights) = fit.run(config, buckets.len(), run as u64);
        for (sum, w) in bias.iter_mut().zip(run_bias) {
            *sum += w / RUNS as f32;
        }
        for (sum, w) in weights.iter_mut().zip(run_weights) {
            *sum += w / RUNS as f32;
        }
    }
    let support = per_class.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    quantise(bias, support, buckets, &weights)
}

/// How many fits in different example orders [`train`] averages.
const RUNS: usize = 3;

/// What one fit reads: the examples' feature indices, labels and class weights.
struct Fit<'a> {
    rows: &'a [Vec<usize>],
    labels: &'a [usize],
    class_weight: &'a [f32],
    examples: &'a [Example],
}

impl Fit<'_> {
    /// One AdaGrad fit over `features` weighted features, visiting the examples in the
    /// order that `run` seeds. Returns the biases and the weights.
    fn run(&self, config: &TrainConfig, features: usize, run: u64) -> ([f32; CLASSES], Vec<f32>) {
        let (rows, labels, class_weight, examples) =
            (self.rows, self.labels, self.class_weight, self.examples);
        let mut weights = vec![0f32; features * CLASSES];
        let mut squares = vec![1e-6f32; features * CLASSES];
        let mut bias = [0f32; CLASSES];
        let mut bias_squares = [1e-6f32; CLASSES];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15 ^ run.wrapping_mul(0x2545_f491_4f6c_dd1d);
        for _ in 0..config.epochs {
            // Fisher-Yates with a fixed linear congruential generator.
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            for &e in &order {
                let row = &rows[e];
                let x = input_value(examples[e].buckets.len());
                let mut scores = bias;
                for &f in row {
                    for (c, score) in scores.iter_mut().enumerate() {
                        *score += weights[f * CLASSES + c] * x;
                    }
                }
                softmax(&mut scores);
                let weight = class_weight[labels[e]];
                for (c, p) in scores.iter().enumerate() {
                    let gradient = weight * (p - if c == labels[e] { 1.0 } else { 0.0 });
                    bias_squares[c] += gradient * gradient;
                    bias[c] -= config.learning_rate * gradient / bias_squares[c].sqrt();
                    for &f in row {
                        let k = f * CLASSES + c;
                        let g = gradient * x + config.l2 * weights[k];
                        squares[k] += g * g;
                        weights[k] -= config.learning_rate * g / squares[k].sqrt();
                    }
                }
            }
        }
        (bias, weights)
    }
}

/// Rounds the weights to 8 bits with one scale per class, dropping features whose
/// weights all round to zero.
fn quantise(
    bias: [f32; CLASSES],
    support: [u32; CLASSES],
    buckets: Vec<u32>,
    weights: &[f32],
) -> TypeModel {
    let mut scale = [0f32; CLASSES];
    for (c, s) in scale.iter_mut().enumerate() {
        let max = weights.iter().skip(c).step_by(CLASSES).fold(0f32, |m, w| m.max(w.abs()));
        *s = if max > 0.0 { max / 127.0 } else { 1.0 };
    }
    let mut kept_buckets = Vec::with_capacity(buckets.len());
    let mut kept = Vec::with_capacity(weights.len());
    for (i, bucket) in buckets.into_iter().enumerate() {
        let row: Vec<i8> = (0..CLASSES)
            .map(|c| (weights[i * CLASSES + c] / scale[c]).round().clamp(-127.0, 127.0) as i8)
            .collect();
        if row.iter().any(|w| *w != 0) {
            kept_buckets.push(bucket);
            kept.extend(row);
        }
    }
    TypeModel { bias, scale, support, buckets: kept_buckets, weights: kept }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(words: &[&str], label: SubEventType) -> Example {
        Example { buckets: words.iter().map(|w| hash(&["w", w])).collect(), label }
    }

    #[test]
    fn learns_separable_words_and_round_trips() {
        use SubEventType::*;
        let mut examples = Vec::new();
        for _ in 0..20 {
            examples.push(example(&["march", "crowd"], PeacefulProtest));
            examples.push(example(&["ambush", "soldiers"], ArmedClash));
            examples.push(example(&["kidnapped", "villagers"], AbductionForcedDisappearance));
        }
        let model = train(&examples, &TrainConfig::default());
        let features = |words: &[&str]| -> Vec<Feature> {
            words.iter().map(|w| Feature { bucket: hash(&["w", w]), span: None }).collect()
        };
        assert_eq!(model.judge(&features(&["march"])).sub_event_type, PeacefulProtest);
        assert_eq!(model.judge(&features(&["ambush"])).sub_event_type, ArmedClash);
        assert_eq!(
            model.judge(&features(&["kidnapped"])).sub_event_type,
            AbductionForcedDisappearance
        );
        assert!(model.judge(&features(&["ambush", "soldiers"])).probability > 0.8);

        let bytes = model.to_bytes();
        assert_eq!(TypeModel::from_bytes(&bytes).ok(), Some(model.clone()));
        // Training is reproducible byte for byte.
        assert_eq!(train(&examples, &TrainConfig::default()).to_bytes(), bytes);
    }

    #[test]
    fn rare_features_get_no_weight() {
        let examples = vec![
            example(&["once"], SubEventType::Attack),
            example(&["twice", "x"], SubEventType::ArmedClash),
            example(&["twice", "y"], SubEventType::ArmedClash),
        ];
        let model = train(&examples, &TrainConfig::default());
        assert!(model.row(hash(&["w", "once"])).is_none());
        assert!(model.row(hash(&["w", "twice"])).is_some());
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        let model = train(
            &[example(&["a"], SubEventType::Attack), example(&["a"], SubEventType::Attack)],
            &TrainConfig::default(),
        );
        let bytes = model.to_bytes();
        for cut in [0, 4, 8, 12, 20, bytes.len() - 1] {
            assert!(TypeModel::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(TypeModel::from_bytes(&longer).is_err());
        let mut wrong = bytes;
        wrong[0] = b'X';
        assert!(TypeModel::from_bytes(&wrong).is_err());
    }

    #[test]
    fn the_shipped_model_loads() {
        let model = TypeModel::shipped().expect("the shipped model reads");
        assert!(!model.is_empty());
    }
}
