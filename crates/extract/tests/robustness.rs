//! Extraction never panics, whatever the text: hostile strings and pseudo-random noise.

use tocsin_extract::Extractor;
use tocsin_model::Report;

fn extractor() -> Extractor {
    let gazetteer = tocsin_places::Gazetteer::load_default().expect("shipped gazetteer loads");
    let actors = tocsin_actors::ActorBook::load_default().expect("shipped actors load");
    Extractor::new(gazetteer, actors)
}

const HOSTILE: &[&str] = &[
    "",
    " ",
    ".",
    "...!!!???",
    "killed",
    "killed 4294967295 and 4294967295 soldiers were killed",
    "99999999999999999999 people died",
    "thousand thousand thousand thousand thousand thousand people died",
    "quatre-vingt-quatre-vingt-quatre-vingt morts",
    "On 31 February 2020, gunmen attacked. On 0 May 2020. On 99/99/9999.",
    "Le 1er mai, le 32 mai, le 29 février 2023, samedi dimanche lundi.",
    "dans la nuit de samedi à dimanche dans la nuit de samedi à dimanche",
    "Tués à Kpendjal: 3. «Ils sont venus.» — l’armée a riposté…",
    "🙂🙂🙂 gunmen 🙂 attacked 🙂 a 🙂 post 🙂 killing 🙂 3",
    "(((((((((( killed ))))))))))",
    "between between between and and and 5",
    "a a a a a a a a a a was killed",
    "Fatalities coded as 99999999999999999999.",
    "split across 0 events (0). Fatalities split across 0 events.",
    "\u{0}\u{1}\u{2} attacked \u{feff} soldiers",
];

#[test]
fn hostile_texts_do_not_panic() {
    let extractor = extractor();
    for (index, text) in HOSTILE.iter().enumerate() {
        let mut report = Report::new(format!("h{index}"), *text);
        let _ = extractor.extract(&report);
        report.published = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
        let output = extractor.extract(&report);
        for event in output.events {
            assert!(event.trigger.text(text).is_some(), "{text:?}");
        }
    }
}

#[test]
fn pseudo_random_texts_do_not_panic() {
    let extractor = extractor();
    let alphabet: Vec<char> =
        "abcdeéèàç ,.;:!?'’-()0123456789 killed tués morts On May mai samedi\n«»🙂"
            .chars()
            .collect();
    let words = [
        "killed",
        "attacked",
        "soldiers",
        "3",
        "trois",
        "On",
        "27",
        "April",
        "2020",
        ",",
        ".",
        "between",
        "and",
        "at least",
        "dozens",
        "des dizaines",
        "le",
        "1er",
        "mai",
        "protest",
        "IED",
        "including",
        "(",
        ")",
        "fatalities",
        "coded as",
        "split across",
        "dans la nuit de",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..300 {
        let mut text = String::new();
        for _ in 0..(next() % 60) {
            if next() % 2 == 0 {
                text.push_str(words[(next() % words.len() as u64) as usize]);
                text.push(' ');
            } else {
                text.push(alphabet[(next() % alphabet.len() as u64) as usize]);
            }
        }
        let mut report = Report::new(format!("r{case}"), text.clone());
        if case % 2 == 0 {
            report.published = chrono::NaiveDate::from_ymd_opt(2024, 7, 21);
        }
        let output = extractor.extract(&report);
        for event in &output.events {
            assert!(event.trigger.text(&text).is_some(), "{text:?}");
            assert!((0.0..=1.0).contains(&event.confidence), "{text:?}");
        }
    }
}

#[test]
fn a_report_longer_than_a_window_keeps_every_event_and_its_words() {
    let extractor = extractor();
    let paragraph =
        "On 3 May 2021, gunmen attacked a police post in Djibo, killing two officers.\n\n";
    let filler = "The market reopened and traders sold grain, cattle and cloth as usual.\n\n";
    let mut text = String::new();
    while text.len() < 3 * tocsin_extract::WINDOW_BYTES {
        text.push_str(if text.len() % 3 == 0 { paragraph } else { filler });
    }
    text.push_str("On 4 May 2021, soldiers clashed with militants near Arbinda, killing five.");
    let output = extractor.extract(&Report::new("long", text.clone()));
    let last = output
        .events
        .iter()
        .find(|e| e.trigger.text(&text).is_some_and(|t| t.contains("Arbinda")))
        .expect("the event in the last window is found");
    let place = last.place.as_ref().and_then(|p| p.span).and_then(|s| s.text(&text));
    assert_eq!(place, Some("Arbinda"), "the place's span points into the whole text");
    assert_eq!(last.fatalities.value, 5);
    let djibo = output.events.iter().filter(|e| {
        e.place.as_ref().and_then(|p| p.span).and_then(|s| s.text(&text)) == Some("Djibo")
    });
    assert!(djibo.count() > 1, "events of every window are kept");
}
