//! Score `ActorBook::roles` against an ACLED CSV with the gold sub-event type, date and country.
//!
//! Usage: `cargo run -p tocsin-actors --example roles_acled -- PATH.csv [ERRORS.tsv]`
//!
//! The other stages are replaced by an oracle (gold sub-event type, event date and
//! country), so only actor recognition and roles are measured. Metrics follow the
//! evaluation kit: normalised names drop accents, case and year ranges such as `(2005-)`;
//! rows whose `origin` contains `:monadic` are scored only on role-free metrics.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error;

use tocsin_actors::{ActorBook, RoleContext};
use tocsin_model::{interaction, Country, Language, Span, SubEventType};

#[derive(Default)]
struct Acc {
    hit: usize,
    n: usize,
}

impl Acc {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        if ok {
            self.hit += 1;
        }
    }
    fn pct(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            100.0 * self.hit as f64 / self.n as f64
        }
    }
}

fn norm_actor(name: &str) -> String {
    let folded: String = deunicode_lower(name);
    // Drop year ranges such as "(2005-)" and "(2015-2022)".
    let mut out = String::new();
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i) == Some(&'(') {
            if let Some(close) = chars.iter().skip(i).position(|&c| c == ')') {
                let inner: String = chars.iter().skip(i + 1).take(close - 1).collect();
                let compact: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
                let bytes = compact.as_bytes();
                let is_range = bytes.len() >= 5
                    && bytes.iter().take(4).all(u8::is_ascii_digit)
                    && bytes.get(4) == Some(&b'-')
                    && (bytes.len() == 5
                        || (bytes.len() == 9 && bytes.iter().skip(5).all(u8::is_ascii_digit)));
                if is_range {
                    out.push(' ');
                    i += close + 1;
                    continue;
                }
            }
        }
        if let Some(c) = chars.get(i) {
            out.push(*c);
        }
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn deunicode_lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_ascii_lowercase().to_string()
            } else {
                deunicode::deunicode_char(c).unwrap_or("").to_lowercase()
            }
        })
        .collect()
}

fn set_of(s: &str) -> BTreeSet<String> {
    s.split(';').map(norm_actor).filter(|x| !x.is_empty()).collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count() as f64;
    let union = a.union(b).count() as f64;
    inter / union
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: roles_acled PATH.csv [ERRORS.tsv]")?;
    let errors_path = args.get(2);
    let book = ActorBook::load_default()?;
    let first_sentence_focus = std::env::var("FOCUS").is_ok_and(|v| v == "first");
    let mut codes: HashMap<String, String> = HashMap::new();
    for c in Country::all() {
        codes.insert(book.country_name(c.alpha2).to_lowercase(), c.alpha2.to_string());
        codes.entry(c.name.trim().to_lowercase()).or_insert_with(|| c.alpha2.to_string());
    }
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let get = |rec: &csv::StringRecord, name: &str| -> String {
        col(name).and_then(|i| rec.get(i)).unwrap_or("").trim().to_string()
    };
    let mut m: BTreeMap<&str, Acc> = BTreeMap::new();
    let mut jac1 = (0.0, 0usize);
    let mut jac2 = (0.0, 0usize);
    let mut by_sub: BTreeMap<String, (Acc, Acc)> = BTreeMap::new();
    let mut errors = String::new();
    let mut n_rows = 0;
    let mut n_none = 0;
    for rec in reader.records() {
        let rec = rec?;
        n_rows += 1;
        let text = tocsin_readers::acled::strip_label(&get(&rec, "notes")).to_string();
        let sub: Option<SubEventType> = get(&rec, "sub_event_type").parse().ok();
        let Some(sub) = sub else { continue };
        let date = chrono::NaiveDate::parse_from_str(&get(&rec, "event_date"), "%Y-%m-%d").ok();
        let country = get(&rec, "country").to_lowercase();
        let code = codes.get(&country).cloned();
        let location = get(&rec, "location");
        let monadic = get(&rec, "origin").contains(":monadic");
        // FOCUS=first scores with the first sentence as the event's focus, as extraction may pass.
        let focus = if first_sentence_focus {
            let end = text.find(". ").map(|i| i + 1).unwrap_or(text.len());
            Span::new(0, end)
        } else {
            Span::new(0, text.len())
        };
        let context = RoleContext {
            text: &text,
            focus,
            language: Language::En,
            sub_event_type: sub,
            date,
            country_code: code.as_deref(),
            location: Some(location.as_str()).filter(|l| !l.is_empty()),
        };
        let roles = book.roles(&context);
        if roles.is_none() {
            n_none += 1;
        }
        let p1 = roles.as_ref().map(|r| r.actor1.value.name.clone()).unwrap_or_default();
        let p2 = roles
            .as_ref()
            .and_then(|r| r.actor2.as_ref())
            .map(|a| a.value.name.clone())
            .unwrap_or_default();
        let pi1 = roles.as_ref().map(|r| r.actor1.value.inter);
        let pi2 = roles.as_ref().and_then(|r| r.actor2.as_ref()).map(|a| a.value.inter);
        let pa1: Vec<String> = roles
            .as_ref()
            .map(|r| r.assoc_actor_1.iter().map(|a| a.value.name.clone()).collect())
            .unwrap_or_default();
        let pa2: Vec<String> = roles
            .as_ref()
            .map(|r| r.assoc_actor_2.iter().map(|a| a.value.name.clone()).collect())
            .unwrap_or_default();
        let g1 = get(&rec, "actor1");
        let g2 = get(&rec, "actor2");
        let gi1 = get(&rec, "inter1");
        let gi2 = get(&rec, "inter2");
        let ginter = get(&rec, "interaction");
        let entry = by_sub.entry(sub.as_str().to_string()).or_default();
        let mut wrong = false;
        if !monadic {
            if !g1.is_empty() {
                let ok = norm_actor(&g1) == norm_actor(&p1);
                m.entry("actor1_exact").or_default().add(g1 == p1);
                m.entry("actor1_norm").or_default().add(ok);
                entry.0.add(ok);
                wrong |= !ok;
            }
            if !g2.is_empty() {
                let ok = norm_actor(&g2) == norm_actor(&p2);
                m.entry("actor2_exact").or_default().add(g2 == p2);
                m.entry("actor2_norm").or_default().add(ok);
                entry.1.add(ok);
                wrong |= !ok;
            }
            if gi2 == "0" {
                m.entry("actor2_none").or_default().add(p2.is_empty());
                wrong |= !p2.is_empty();
            }
            if !gi1.is_empty() {
                m.entry("inter1")
                    .or_default()
                    .add(pi1.map(|i| i.code().to_string()) == Some(gi1.clone()));
            }
            if !gi2.is_empty() {
                let p = pi2.map(|i| i.code().to_string()).unwrap_or_else(|| "0".into());
                m.entry("inter2").or_default().add(p == gi2);
            }
            let ga1 = get(&rec, "assoc_actor_1");
            if !ga1.is_empty() {
                jac1.0 += jaccard(&set_of(&ga1), &pa1.iter().map(|a| norm_actor(a)).collect());
                jac1.1 += 1;
            }
            let ga2 = get(&rec, "assoc_actor_2");
            if !ga2.is_empty() {
                jac2.0 += jaccard(&set_of(&ga2), &pa2.iter().map(|a| norm_actor(a)).collect());
                jac2.1 += 1;
            }
        }
        if !g1.is_empty() {
            let gold: BTreeSet<String> =
                [norm_actor(&g1), norm_actor(&g2)].into_iter().filter(|s| !s.is_empty()).collect();
            let pred: BTreeSet<String> =
                [norm_actor(&p1), norm_actor(&p2)].into_iter().filter(|s| !s.is_empty()).collect();
            let ok = gold == pred;
            m.entry("actor_pair_norm").or_default().add(ok);
            wrong |= !ok;
        }
        if !ginter.is_empty() {
            let pred = pi1.map(|i| interaction(i, pi2).to_string()).unwrap_or_default();
            let sorted = |s: &str| {
                let mut c: Vec<char> = s.chars().collect();
                c.sort();
                c.into_iter().collect::<String>()
            };
            m.entry("interaction").or_default().add(sorted(&pred) == sorted(&ginter));
        }
        if wrong {
            errors.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                sub.as_str(),
                get(&rec, "country"),
                g1,
                p1,
                g2,
                p2,
                if monadic { "monadic" } else { "" },
                text.replace(['\t', '\n'], " ")
            ));
        }
    }
    println!("rows {n_rows}, roles None on {n_none}");
    println!("{:<24} {:>8} {:>7}", "metric", "value", "n");
    for (name, acc) in &m {
        println!("{:<24} {:>7.1}% {:>7}", name, acc.pct(), acc.n);
    }
    if jac1.1 > 0 {
        println!("{:<24} {:>8.3} {:>7}", "assoc_actor_1_jaccard", jac1.0 / jac1.1 as f64, jac1.1);
    }
    if jac2.1 > 0 {
        println!("{:<24} {:>8.3} {:>7}", "assoc_actor_2_jaccard", jac2.0 / jac2.1 as f64, jac2.1);
    }
    println!("\nby sub-event type: actor1_norm, actor2_norm (dyadic rows)");
    for (sub, (a1, a2)) in &by_sub {
        println!("{:<36} {:>6.1}% ({:>5}) {:>6.1}% ({:>5})", sub, a1.pct(), a1.n, a2.pct(), a2.n);
    }
    if let Some(path) = errors_path {
        std::fs::write(path, errors)?;
    }
    Ok(())
}
