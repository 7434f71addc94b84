//! Reader throughput in MB/s over generated corpora: JSON Lines, HTML pages, CSV.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tocsin_readers::Format;

/// Sentences mixed into the generated reports.
const SENTENCES: [&str; 6] = [
    "Unidentified gunmen attacked an army post near Kpendjal in the Savanes region early on Friday.",
    "Two soldiers were wounded and evacuated to Dapaong, a security source said.",
    "Des hommes armés ont attaqué dans la nuit un poste militaire près de Mandouri.",
    "Selon une source sécuritaire, un soldat a été tué et deux autres blessés.",
    "Traders protested in Lome against new taxes and closed their shops for the day.",
    "The attackers fled towards the border with Burkina Faso on motorbikes.",
];

fn body(seed: usize, n_sentences: usize) -> String {
    (0..n_sentences)
        .map(|idx| SENTENCES[(seed + idx * 5) % SENTENCES.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// About `target_bytes` of JSON Lines articles.
fn jsonl_corpus(target_bytes: usize) -> Vec<u8> {
    let mut out = String::new();
    let mut idx = 0;
    while out.len() < target_bytes {
        let record = serde_json::json!({
            "id": format!("bench-{idx}"),
            "text": body(idx, 3 + idx % 6),
            "title": "Attack near Kpendjal",
            "published": "2026-11-21",
            "source": "Savanes Wire",
            "language": if idx % 2 == 0 { "en" } else { "fr" },
        });
        out.push_str(&record.to_string());
        out.push('\n');
        idx += 1;
    }
    out.into_bytes()
}

/// `n_pages` news pages with boilerplate around an article.
fn html_corpus(n_pages: usize) -> Vec<Vec<u8>> {
    (0..n_pages)
        .map(|idx| {
            let paragraphs: String = (0..6)
                .map(|paragraph| format!("<p>{}</p>\n", body(idx + paragraph, 4)))
                .collect();
            format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
                 <title>Report {idx} | Savanes Wire</title>\
                 <meta property=\"og:title\" content=\"Report {idx}\">\
                 <meta property=\"article:published_time\" content=\"2026-11-21T07:45:00Z\">\
                 <script>var config = {{ads: true, slots: [1, 2, 3]}};</script>\
                 <style>body {{ margin: 0 }} .nav a {{ color: red }}</style></head>\
                 <body><header><nav class=\"nav\"><a href=\"/\">Home</a> <a href=\"/world\">World</a>\
                 <a href=\"/africa\">Africa</a></nav></header>\
                 <div class=\"teaser\"><p>Read also: weather in Lome.</p></div>\
                 <main><article><h1>Report {idx}</h1>\n{paragraphs}\
                 <aside>Related stories</aside></article></main>\
                 <footer>&copy; 2026 Savanes Wire. <a href=\"/terms\">Terms</a></footer></body></html>"
            )
            .into_bytes()
        })
        .collect()
}

/// About `target_bytes` of CSV articles.
fn csv_corpus(target_bytes: usize) -> Vec<u8> {
    let mut out = String::from("id,title,published,text,language\n");
    let mut idx = 0;
    while out.len() < target_bytes {
        out.push_str(&format!(
            "c{idx},Attack,2026-11-21,\"{}\",en\n",
            body(idx, 3 + idx % 6).replace('"', "\"\"")
        ));
        idx += 1;
    }
    out.into_bytes()
}

fn count(bytes: &[u8], name: &str, format: Format) -> usize {
    let mut n_reports = 0;
    tocsin_readers::read_from(bytes, Path::new(name), Some(format), &mut |result| {
        if result.is_ok() {
            n_reports += 1;
        }
    });
    n_reports
}

fn readers(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    group.sample_size(10);

    let jsonl = jsonl_corpus(8 * 1024 * 1024);
    group.throughput(Throughput::Bytes(jsonl.len() as u64));
    group.bench_function("jsonl_8MB", |b| {
        b.iter(|| black_box(count(&jsonl, "bench.jsonl", Format::JsonLines)))
    });

    let pages = html_corpus(200);
    let html_bytes: usize = pages.iter().map(Vec::len).sum();
    group.throughput(Throughput::Bytes(html_bytes as u64));
    group.bench_function("html_200_pages", |b| {
        b.iter(|| pages.iter().map(|page| count(page, "page.html", Format::Html)).sum::<usize>())
    });

    let csv = csv_corpus(8 * 1024 * 1024);
    group.throughput(Throughput::Bytes(csv.len() as u64));
    group
        .bench_function("csv_8MB", |b| b.iter(|| black_box(count(&csv, "bench.csv", Format::Csv))));
    group.finish();
}

criterion_group!(benches, readers);
criterion_main!(benches);
