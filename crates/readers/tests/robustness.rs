//! Encodings, empty and binary files, hostile HTML, size limits, big files, and
//! arbitrary bytes in every format.

mod util;

use std::io::Write;

use proptest::prelude::*;
use tocsin_readers::{Error, Format};
use util::{errors, read_bytes, texts};

/// Every extension that chooses a format, plus none (sniffing).
const NAMES: [&str; 11] = [
    "a.jsonl", "a.json", "a.txt", "a.md", "a.html", "a.csv", "a.tsv", "a.rss", "a.atom", "a.xml",
    "a",
];

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian { vec![0xff, 0xfe] } else { vec![0xfe, 0xff] };
    for unit in text.encode_utf16() {
        if little_endian {
            bytes.extend(unit.to_le_bytes());
        } else {
            bytes.extend(unit.to_be_bytes());
        }
    }
    bytes
}

#[test]
fn empty_files() {
    for name in NAMES {
        for bytes in [&b""[..], b"  \n\r\n\t", b"\xef\xbb\xbf", b"\xff\xfe"] {
            let results = read_bytes(bytes, name);
            assert_eq!(
                errors(&results),
                [format!("{name}: the file is empty")],
                "{name} {bytes:?}"
            );
        }
    }
}

#[test]
fn long_leading_whitespace_is_not_empty() {
    let text = format!("{}Report after a long blank start.", " \n".repeat(40_000));
    assert_eq!(
        texts(&read_bytes(text.as_bytes(), "blank.txt")),
        ["Report after a long blank start."]
    );
}

#[test]
fn binary_files() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4000u32).map(|n| (n * 7 % 251) as u8));
    let mut with_nul = b"Report text".to_vec();
    with_nul.extend([0, 0, 1, 2, 3]);
    let controls: Vec<u8> = (0..2000u32).map(|n| (n % 31 + 1) as u8).collect();
    for bytes in [&png[..], &with_nul, &controls, b"%PDF-1.7\nrest"] {
        for name in NAMES {
            let results = read_bytes(bytes, name);
            let messages = errors(&results);
            assert_eq!(messages.len(), 1, "{name}");
            assert!(
                messages[0].starts_with(&format!("{name}: not a text document")),
                "{messages:?}"
            );
            assert!(matches!(results[0], Err(Error::File { .. })));
        }
    }
}

#[test]
fn windows_1252_french_text() {
    // "Sécurité : des hommes armés ont attaqué un poste à Mandouri, près de la frontière."
    let bytes = b"Titre : S\xe9curit\xe9 \xe0 Mandouri\n\nS\xe9curit\xe9 : des hommes arm\xe9s ont attaqu\xe9 \
un poste \xe0 Mandouri, pr\xe8s de la fronti\xe8re. L'arm\xe9e a d\xe9ploy\xe9 des renforts \xab sans d\xe9lai \xbb.";
    let results = read_bytes(bytes, "securite.txt");
    assert_eq!(
        texts(&results),
        ["Sécurité : des hommes armés ont attaqué un poste à Mandouri, près de la frontière. \
          L'armée a déployé des renforts « sans délai »."]
    );
    let title = results[0].as_ref().ok().and_then(|report| report.title.clone());
    assert_eq!(title.as_deref(), Some("Sécurité à Mandouri"));
}

#[test]
fn windows_1252_after_a_long_ascii_start() {
    let mut bytes = "Plain ASCII line about the border.\n".repeat(3_000).into_bytes();
    bytes.extend(b"\nLa s\xe9curit\xe9 a \xe9t\xe9 renforc\xe9e pr\xe8s de la fronti\xe8re.");
    let text = texts(&read_bytes(&bytes, "long.txt")).concat();
    assert!(
        text.ends_with("La sécurité a été renforcée près de la frontière."),
        "{}",
        text.get(text.len().saturating_sub(80)..).unwrap_or_default()
    );
}

#[test]
fn iso_8859_1_html_with_meta_charset() {
    let bytes = b"<html><head><meta charset=\"iso-8859-1\"><title>S\xe9curit\xe9</title></head>\
<body><p>Les forces de s\xe9curit\xe9 ont riposT\xe9.</p></body></html>";
    let results = read_bytes(bytes, "page.html");
    assert_eq!(texts(&results), ["Les forces de sécurité ont riposTé."]);
}

#[test]
fn windows_1252_lines_in_utf8_jsonl_and_csv() {
    let mut jsonl = b"{\"id\": \"u\", \"text\": \"d\xc3\xa9j\xc3\xa0 UTF-8\"}\n".to_vec();
    jsonl.extend(b"{\"id\": \"w\", \"text\": \"S\xe9curit\xe9 renforc\xe9e\"}\n");
    assert_eq!(texts(&read_bytes(&jsonl, "mixed.jsonl")), ["déjà UTF-8", "Sécurité renforcée"]);
    let csv = b"id,text\n1,S\xe9curit\xe9 g\xe9n\xe9rale\n";
    assert_eq!(texts(&read_bytes(csv, "legacy.csv")), ["Sécurité générale"]);
}

#[test]
fn utf16_with_bom() {
    let text = "Title: Attaque à Mandouri\n\nDes hommes armés ont attaqué un poste.";
    for little_endian in [true, false] {
        let results = read_bytes(&utf16(text, little_endian), "utf16.txt");
        assert_eq!(texts(&results), ["Des hommes armés ont attaqué un poste."]);
    }
    let jsonl =
        "{\"id\": \"a\", \"text\": \"Sécurité\"}\n{\"id\": \"b\", \"text\": \"Deuxième\"}\n";
    for little_endian in [true, false] {
        let results = read_bytes(&utf16(jsonl, little_endian), "utf16.jsonl");
        assert_eq!(texts(&results), ["Sécurité", "Deuxième"]);
    }
    let csv = "id,text\n1,Sécurité\n";
    assert_eq!(texts(&read_bytes(&utf16(csv, true), "utf16.csv")), ["Sécurité"]);
}

#[test]
fn utf8_bom_is_stripped() {
    let csv = b"\xef\xbb\xbfid,text\n1,Report\n";
    let results = read_bytes(csv, "bom.csv");
    assert_eq!(results[0].as_ref().ok().map(|report| report.id.as_str()), Some("1"));
    let jsonl = b"\xef\xbb\xbf{\"id\": \"x\", \"text\": \"Report\"}\n";
    assert_eq!(texts(&read_bytes(jsonl, "bom.jsonl")), ["Report"]);
}

#[test]
fn hostile_html() {
    let mut pages = Vec::new();
    for tag in ["div", "b", "a", "i", "span", "table", "tr", "li", "ul", "p", "font", "section"] {
        pages.push(format!("<html><body>{}Deep text", format!("<{tag}>").repeat(10_000)));
        pages.push(format!(
            "<body><p>Deep text</p>{}{}",
            format!("<{tag} class=x>").repeat(10_000),
            format!("</{tag}>").repeat(10_000)
        ));
    }
    pages.push(format!("<body><p title=\"{}\">Deep text</p></body>", "x".repeat(5_000_000)));
    pages.push(format!("<body><p>Deep text</p><div {}></div>", "a=b ".repeat(100_000)));
    pages.push("<body><p>Deep text</p><script>document.write('</scr'+'ipt><p>x</p>')".to_string());
    pages.push("<body><p>Deep text</p><!-- never closed <p>hidden</p>".to_string());
    pages.push("<body><p>Deep text<script><!--".to_string());
    pages.push("<p>Deep text</p><svg><foreignObject><p>y</p><math><mi><table><td>".repeat(2_000));
    for (page_idx, page) in pages.iter().enumerate() {
        let results = read_bytes(page.as_bytes(), "hostile.html");
        assert_eq!(results.len(), 1, "page {page_idx}");
        let text = texts(&results).concat();
        assert!(text.contains("Deep text"), "page {page_idx}: {:?}", errors(&results));
    }
}

#[test]
fn html_without_text_is_a_file_error() {
    let results = read_bytes(
        b"<html><head><script>x()</script></head><body><nav>Menu</nav></body>",
        "empty.html",
    );
    assert_eq!(errors(&results), ["empty.html: no readable text in this HTML page"]);
}

#[test]
fn reports_over_10_mb_are_record_errors() {
    let big = "word ".repeat(2_200_000);
    let mut jsonl = format!("{{\"id\": \"big\", \"text\": \"{big}\"}}\n").into_bytes();
    jsonl.extend(b"{\"id\": \"small\", \"text\": \"Still read.\"}\n");
    let results = read_bytes(&jsonl, "big.jsonl");
    assert_eq!(texts(&results), ["Still read."]);
    assert_eq!(
        errors(&results),
        ["big.jsonl:1: report too large, 10.5 MB; split it into reports under 10 MB"]
    );
    let results = read_bytes(big.as_bytes(), "big.txt");
    assert_eq!(
        errors(&results),
        ["big.txt:1: report too large, 10.5 MB; split it into reports under 10 MB"]
    );
    let csv = format!("id,text\n1,{big}\n2,Small\n");
    let results = read_bytes(csv.as_bytes(), "big.csv");
    assert_eq!(texts(&results), ["Small"]);
    assert_eq!(errors(&results).len(), 1);
}

#[test]
fn fifty_megabyte_jsonl_streams_every_record() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("big.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    let mut n_written = 0usize;
    let mut n_bytes = 0usize;
    while n_bytes < 50 * 1024 * 1024 {
        let line = format!(
            "{{\"id\": \"r{n_written}\", \"text\": \"Gunmen attacked an army post near Kpendjal, report {n_written}; two soldiers were wounded and the attackers fled.\", \"published\": \"2026-11-21\", \"language\": \"en\"}}\n"
        );
        file.write_all(line.as_bytes()).expect("write");
        n_bytes += line.len();
        n_written += 1;
    }
    file.flush().expect("flush");
    drop(file);
    let mut n_reports = 0usize;
    let mut n_errors = 0usize;
    let mut last_id = String::new();
    tocsin_readers::read(&path, &mut |result| match result {
        Ok(report) => {
            n_reports += 1;
            last_id = report.id;
        }
        Err(_) => n_errors += 1,
    });
    assert_eq!((n_reports, n_errors), (n_written, 0));
    assert_eq!(last_id, format!("r{}", n_written - 1));
}

#[cfg(unix)]
#[test]
fn folders_skip_pipes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("a.txt"), "A report.").expect("write");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|status| status.success()) {
        let results = util::read(dir.path());
        assert_eq!(texts(&results), ["A report."]);
        assert!(errors(&results).is_empty());
    }
}

#[test]
fn missing_path_is_an_io_error() {
    let results = util::read(std::path::Path::new("/nonexistent/tocsin/input.jsonl"));
    assert!(matches!(results.as_slice(), [Err(Error::Io { .. })]));
}

#[test]
fn format_hint_overrides_extension() {
    let mut results = Vec::new();
    tocsin_readers::read_from(
        &b"<p>Hello from a hinted page.</p>"[..],
        std::path::Path::new("page.txt"),
        Some(Format::Html),
        &mut |result| results.push(result),
    );
    assert_eq!(texts(&results), ["Hello from a hinted page."]);
}

proptest! {
    // 256 cases each; set PROPTEST_CASES to run more.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for name in NAMES {
            let results = read_bytes(&bytes, name);
            let sound = results.iter().all(|result| match result {
                Ok(report) => !report.text.trim().is_empty(),
                Err(_) => true,
            });
            prop_assert!(sound, "{}", name);
        }
    }

    #[test]
    fn arbitrary_markup_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
                Just("<script>".to_string()), Just("</script>".to_string()), Just("<!--".to_string()),
                Just("<article>".to_string()), Just("<table><td>".to_string()), Just("&amp;".to_string()),
                Just("<?xml version=\"1.0\"?>".to_string()), Just("<rss version=\"2.0\"><channel><item>".to_string()),
                Just("<feed><entry><content type=\"html\">".to_string()), Just("<![CDATA[".to_string()),
                Just("]]>".to_string()), Just("{\"text\": ".to_string()), Just("\n".to_string()),
                Just(",".to_string()), Just("\"".to_string()),
                "[a-zA-Zéà \u{a0}]{0,12}",
            ],
            0..60,
        )
    ) {
        let text = parts.concat();
        for name in NAMES {
            let results = read_bytes(text.as_bytes(), name);
            let sound = results.iter().all(|result| match result {
                Ok(report) => !report.text.trim().is_empty() && !report.id.is_empty(),
                Err(_) => true,
            });
            prop_assert!(sound, "{}", name);
        }
    }
}

#[test]
fn hostile_json_and_xml() {
    let deep_json =
        format!("{}\n{{\"id\": \"ok\", \"text\": \"Still read.\"}}\n", "[".repeat(100_000));
    let results = read_bytes(deep_json.as_bytes(), "deep.jsonl");
    assert_eq!(texts(&results), ["Still read."]);
    assert_eq!(errors(&results).len(), 1);
    let results = read_bytes(deep_json.as_bytes(), "deep.json");
    assert!(!errors(&results).is_empty());

    let mut feeds = Vec::new();
    for depth in [1_000, 100_000] {
        feeds.push(format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>{}",
            "<x>".repeat(depth)
        ));
        feeds.push(format!(
            "<rss version=\"2.0\"><channel><item><description>{}deep{}</description></item></channel></rss>",
            "&lt;div&gt;".repeat(depth),
            "&lt;/div&gt;".repeat(depth)
        ));
        feeds.push(format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>a</id><content type=\"xhtml\">{}deep",
            "<div>".repeat(depth)
        ));
    }
    feeds.push(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\
         <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\
         <rss version=\"2.0\"><channel><item><description>&lol3;</description></item></channel></rss>"
            .to_string(),
    );
    for (feed_idx, feed) in feeds.iter().enumerate() {
        let results = read_bytes(feed.as_bytes(), "hostile.rss");
        assert!(!results.is_empty(), "feed {feed_idx}");
    }
}
