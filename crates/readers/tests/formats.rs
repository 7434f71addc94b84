//! Each input format read from hand-written English and French fixtures.

mod util;

use util::{check, fixtures, reports};

#[test]
fn text_with_english_headers() {
    check(
        "kpendjal-attack.txt",
        &["kpendjal-attack | 2026-11-21 | en | Gunmen attack army post near Kpendjal"],
    );
    let report = &reports(&fixtures().join("kpendjal-attack.txt"))[0];
    assert_eq!(report.source.as_deref(), Some("Savanes Wire"));
    assert_eq!(report.url.as_deref(), Some("https://wire.example/2026/11/kpendjal"));
    assert!(report.text.starts_with("Unidentified gunmen attacked"));
    assert!(report.text.contains("security source said.\n\nTwo soldiers"));
}

#[test]
fn text_with_french_headers() {
    check(
        "mandouri-attaque.txt",
        &["mandouri-attaque | 2024-07-20 | fr | Attaque contre un poste de l’armée à Mandouri"],
    );
    let report = &reports(&fixtures().join("mandouri-attaque.txt"))[0];
    assert_eq!(report.source.as_deref(), Some("Le Courrier des Savanes"));
    assert!(report.text.starts_with("Des hommes armés ont attaqué"));
}

#[test]
fn text_without_headers() {
    check("no-headers.txt", &["no-headers | - | - | -"]);
    let report = &reports(&fixtures().join("no-headers.txt"))[0];
    assert!(report.text.starts_with("Protesters gathered in Lome"));
}

#[test]
fn markdown_front_matter() {
    check("briefing.md", &["briefing | 2026-11-16 | - | Weekly security briefing"]);
    let report = &reports(&fixtures().join("briefing.md"))[0];
    assert!(report.text.starts_with("# Ignored heading in body"));
}

#[test]
fn jsonl_line_3_of_10_is_invalid() {
    check(
        "articles.jsonl",
        &[
            "tg-001 | 2026-11-20 | en | Attack near Kpendjal",
            "tg-002 | 2024-07-20 | fr | -",
            "error: articles.jsonl:3: invalid JSON at column 61: EOF while parsing a value",
            "tg-004 | 2026-11-20 | - | -",
            "5 | - | - | -",
            "articles:6 | - | - | -",
            "tg-007 | 2026-11-21 | en | -",
            "tg-008 | - | fr | -",
            "tg-009 | - | - | -",
            "tg-010 | - | - | -",
        ],
    );
    let (all, errors) = tocsin_readers::read_all(&fixtures().join("articles.jsonl"));
    assert_eq!((all.len(), errors.len()), (9, 1));
    assert_eq!(all[1].text, "Des hommes armés ont attaqué un poste à Mandouri.");
    assert_eq!(all[2].url.as_deref(), Some("https://wire.example/4"));
}

#[test]
fn jsonl_record_errors() {
    check(
        "bad-records.jsonl",
        &[
            "r1 | - | - | -",
            "error: bad-records.jsonl:2: no text: expected a \"text\" field (or body, content, article, notes)",
            "error: bad-records.jsonl:3: empty text",
            "error: bad-records.jsonl:4: \"text\" is a number, not a string",
            "error: bad-records.jsonl:5: expected an article object, found an array",
            "r7 | - | - | -",
        ],
    );
}

#[test]
fn json_array_and_pretty_objects() {
    check(
        "array.json",
        &[
            "arr-1 | 2026-11-01 | - | -",
            "arr-2 | - | fr | -",
            "error: array.json:1: array element 3: no text: expected a \"text\" field (or body, content, article, notes)",
        ],
    );
    check("pretty.json", &["pretty-1 | - | - | -", "pretty-2 | - | - | -"]);
}

#[test]
fn csv_rows() {
    check(
        "reports.csv",
        &[
            "c1 | 2026-11-20 | en | Clash near Kpendjal",
            "c2 | 2026-11-21 | en | Protest",
            "error: reports.csv:5: malformed row: 6 fields where the header has 5",
            "reports:6 | 2026-11-22 | - | No id",
            "error: reports.csv:7: empty text",
        ],
    );
    let all = reports(&fixtures().join("reports.csv").with_file_name("reports-fr.csv"));
    assert_eq!(all.len(), 1);
    let report = &all[0];
    assert_eq!(report.id, "f1");
    assert_eq!(report.title.as_deref(), Some("Attaque"));
    assert_eq!(report.text, "Des hommes armés ont attaqué un poste à Mandouri.");
}

#[test]
fn csv_multiline_field_keeps_its_newline() {
    let all = tocsin_readers::read_all(&fixtures().join("reports.csv")).0;
    assert_eq!(
        all[1].text,
        "Traders protested in Lome against new taxes.\nThey closed their shops for the day."
    );
}

#[test]
fn tsv_rows() {
    check("reports.tsv", &["t1 | 2026-11-19 | - | -"]);
}

#[test]
fn csv_without_text_column() {
    check(
        "no-text-column.csv",
        &["error: no-text-column.csv: no text column: expected one of text, body, content, article, notes; the columns are \"id\", \"headline\", \"when\""],
    );
}

#[test]
fn html_english_page() {
    check("page-en.html", &["page-en | 2026-11-21 | en | Gunmen attack army post near Kpendjal"]);
    let report = &reports(&fixtures().join("page-en.html"))[0];
    assert_eq!(
        report.text,
        "Gunmen attack army post near Kpendjal\n\n\
         Unidentified gunmen attacked a Togolese army post near Kpendjal in the Savanes region \
         early on Friday, a security source said.\n\n\
         Two soldiers were wounded & evacuated to Dapaong. The attackers fled towards the border."
    );
    assert_eq!(report.source.as_deref(), Some("Savanes Wire"));
    assert_eq!(report.url.as_deref(), Some("https://wire.example/2026/11/kpendjal"));
}

#[test]
fn html_french_page_without_article() {
    check("page-fr.html", &["page-fr | 2024-07-20 | fr | Attaque à Mandouri"]);
    let report = &reports(&fixtures().join("page-fr.html"))[0];
    assert_eq!(
        report.text,
        "Attaque contre un poste militaire\n\n\
         Des hommes armés ont attaqué dans la nuit de vendredi à samedi un poste militaire près de Mandouri.\n\n\
         Un soldat a été tué, selon une source sécuritaire."
    );
}

#[test]
fn html_truncated() {
    check("truncated.html", &["truncated | - | - | Cut off"]);
    let report = &reports(&fixtures().join("truncated.html"))[0];
    assert_eq!(
        report.text,
        "The attack began at dawn near Kpendjal.\n\n\
         Reinforcements arrived from Dapaong and the fighting continued until"
    );
}

#[test]
fn rss_feed() {
    check(
        "feed.rss",
        &[
            "https://wire.example/2026/11/kpendjal | 2026-11-21 | en | Gunmen attack army post near Kpendjal",
            "error: feed.rss:2: item 2: no content or summary",
            "https://wire.example/2026/11/lome | - | en | Protest in Lome",
        ],
    );
    let report = &tocsin_readers::read_all(&fixtures().join("feed.rss"))
        .0
        .into_iter()
        .next()
        .map(|report| (report.text, report.source));
    assert_eq!(
        report,
        &Some((
            "Unidentified gunmen attacked an army post near Kpendjal.\n\nTwo soldiers were wounded."
                .to_string(),
            Some("Savanes Wire".to_string())
        ))
    );
}

#[test]
fn atom_feed() {
    check("feed.atom", &["urn:example:courrier:mandouri | 2024-07-20 | fr | Attaque à Mandouri"]);
    let all = reports(&fixtures().join("feed.atom"));
    assert_eq!(all[0].text, "Des hommes armés ont attaqué un poste militaire.");
    assert_eq!(all[0].url.as_deref(), Some("https://courrier.example/mandouri"));
    assert_eq!(all[0].source.as_deref(), Some("Le Courrier des Savanes"));
}

#[test]
fn folder_in_path_order_without_hidden_files() {
    let root = fixtures().join("folder");
    let got: Vec<String> =
        util::read(&root).iter().map(|result| util::summary(result, &root)).collect();
    assert_eq!(
        got,
        [
            "NOTES | - | - | -",
            "a/10 | - | - | -",
            "a/2 | - | - | -",
            "nested-1 | - | - | -",
            "b | - | - | A",
            "c | - | - | -",
        ]
    );
}

#[test]
fn reading_twice_gives_the_same_reports() {
    for input in [fixtures(), fixtures().join("articles.jsonl")] {
        let first = tocsin_readers::read_all(&input).0;
        let second = tocsin_readers::read_all(&input).0;
        assert!(!first.is_empty());
        assert_eq!(first, second);
    }
}

#[test]
fn whole_fixture_folder_never_fails_as_a_whole() {
    let (all, errors) = tocsin_readers::read_all(&fixtures());
    assert!(all.len() > 30, "{}", all.len());
    assert!(errors.len() < 20, "{errors:?}");
    let mut ids: Vec<&str> = all.iter().map(|report| report.id.as_str()).collect();
    let n_ids = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n_ids, "ids are unique");
}

#[test]
fn csv_with_crlf_line_ends() {
    check(
        "crlf.csv",
        &[
            "crlf:2 | - | en | -",
            "crlf:3 | - | fr | -",
            "error: crlf.csv:5: malformed row: 2 fields where the header has 3",
        ],
    );
    let all = tocsin_readers::read_all(&fixtures().join("crlf.csv")).0;
    assert_eq!(all[1].text, "b\nc");
}

#[test]
fn pretty_json_resumes_after_a_broken_object() {
    check(
        "pretty-broken.json",
        &[
            "p1 | - | - | -",
            "error: pretty-broken.json:8: invalid JSON at column 0, skipped to line 9: control character (\\u0000-\\u001F) found while parsing a string",
            "p3 | - | - | -",
        ],
    );
}

/// Reads bytes as standard input would be read: no extension, so sniffed. Ids
/// hashed from the text show as `stdin-H`.
fn sniffed(bytes: &str) -> Vec<String> {
    let root = fixtures();
    util::read_bytes(bytes.as_bytes(), "-")
        .iter()
        .map(|result| {
            let summary = util::summary(result, &root);
            match summary.strip_prefix("stdin-").and_then(|rest| rest.get(16..)) {
                Some(rest) => format!("stdin-H{rest}"),
                None => summary,
            }
        })
        .collect()
}

#[test]
fn standard_input_ids_come_from_the_text() {
    let ids = |input: &str| -> Vec<String> {
        util::read_bytes(input.as_bytes(), "-")
            .into_iter()
            .filter_map(|result| result.ok().map(|report| report.id))
            .collect()
    };
    assert_eq!(ids("Report one."), ids("Report one."));
    assert_ne!(ids("Report one."), ids("Report two."));
    assert_eq!(ids("Report one.")[0], "stdin-b5a029177d44afef");
}

#[test]
fn sniffs_formats_without_extension() {
    assert_eq!(
        sniffed("{\"id\": \"a\", \"text\": \"x\",}\n{\"id\": \"b\", \"text\": \"y\"}\n"),
        ["error: -:1: invalid JSON at column 25: trailing comma", "b | - | - | -"]
    );
    assert_eq!(
        sniffed("[{\"text\": \"x\"}, {\"text\": \"y\"}]"),
        ["stdin-H | - | - | -", "stdin-H | - | - | -"]
    );
    assert_eq!(
        sniffed("<!doctype html><html lang=fr><title>T</title><p>Texte.</p>"),
        ["stdin-H | - | fr | T"]
    );
    assert_eq!(
        sniffed("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><guid>g</guid><description>d</description></item></channel></rss>"),
        ["g | - | - | -"]
    );
    assert_eq!(
        sniffed("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>XHTML</p></body></html>"),
        ["stdin-H | - | - | -"]
    );
    assert_eq!(sniffed("id,text\n1,Row one\n"), ["1 | - | - | -"]);
    assert_eq!(sniffed("id\tbody\n1\tRow one\n"), ["1 | - | - | -"]);
    assert_eq!(sniffed("Title: T\nDate: 2026-11-21\n\nBody."), ["stdin-H | 2026-11-21 | - | T"]);
}

#[test]
fn html_story_beside_teaser_articles() {
    check(
        "listing-and-story.html",
        &["listing-and-story | 2026-11-20 | en | Story | Example Daily"],
    );
    let report = &reports(&fixtures().join("listing-and-story.html"))[0];
    assert_eq!(
        report.text,
        "Gunmen on motorbikes attacked a gendarmerie post in the Kpendjal prefecture on Thursday \
         night, according to local officials.\n\n\
         One gendarme was killed and another wounded before reinforcements arrived from Mandouri at dawn.\n\n\
         No group claimed the attack, the third in the area this month."
    );
}
