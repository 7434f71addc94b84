//! HTML to text: a page's main text and its metadata.
//!
//! Boilerplate elements (`script`, `style`, `nav`, `header`, `footer`, `aside`,
//! `form`, ...) are dropped; the main content is the largest `<article>`, else
//! `<main>`, else the element holding the most paragraph text. Paragraph breaks
//! become blank lines. Every walk over the tree is iterative, so 10,000-deep nesting
//! costs time linear in its size and no stack.

use std::collections::HashMap;
use std::ops::Deref;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node};
use tocsin_model::Language;

use crate::date::parse_date;
use crate::nesting::cap_nesting;

/// A node of a parsed document.
type NodeRef<'a> = <ElementRef<'a> as Deref>::Target;

/// What an HTML page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<Language>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Converts an HTML fragment (a feed item's content, a snippet) to text, dropping
/// the same boilerplate elements as pages and keeping paragraph breaks.
pub fn html_to_text(html: &str) -> String {
    let fragment = Html::parse_fragment(&cap_nesting(html));
    render(fragment.tree.root())
}

/// Reads a whole HTML page: its main text and metadata.
pub(crate) fn read_page(html: &str) -> Page {
    let document = Html::parse_document(&cap_nesting(html));
    let meta = Metadata::collect(document.tree.root());
    let root = main_content(document.tree.root());
    Page {
        text: render(root),
        title: meta.title(),
        published: meta.published(),
        language: meta.language,
        source: meta.site_name,
        url: meta.url,
    }
}

/// Elements whose content is never report text.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "iframe"
            | "svg"
            | "math"
            | "template"
            | "button"
            | "select"
            | "textarea"
            | "canvas"
            | "video"
            | "audio"
            | "object"
            | "embed"
            | "figure"
            | "head"
            | "title"
            | "menu"
            | "dialog"
    )
}

/// Whether an element's subtree is skipped: a dropped element or a hidden one.
fn is_skipped(node: NodeRef<'_>) -> bool {
    match node.value() {
        Node::Element(element) => {
            is_dropped(element.name())
                || element.attr("hidden").is_some()
                || element.attr("aria-hidden") == Some("true")
        }
        Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_) => true,
        _ => false,
    }
}

/// Newlines an element puts around its content: 2 for paragraphs, 1 for lines.
fn break_around(name: &str) -> usize {
    match name {
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre"
        | "section" | "article" | "main" | "ul" | "ol" | "dl" | "table" | "address" | "hr"
        | "details" | "fieldset" | "center" => 2,
        "li" | "tr" | "dt" | "dd" | "br" | "summary" | "caption" | "figcaption" => 1,
        _ => 0,
    }
}

/// A step of [`walk`].
#[derive(Clone, Copy)]
enum Step<'a> {
    /// Entering a node; the visitor returns whether to descend into it.
    Enter(NodeRef<'a>),
    /// Leaving a node that was entered.
    Leave(NodeRef<'a>),
}

/// Visits the subtree of `root` in document order without recursion. On
/// [`Step::Enter`] the visitor returns whether to descend; every entered node is
/// also left. The return value of [`Step::Leave`] is ignored.
fn walk<'a>(root: NodeRef<'a>, mut visit: impl FnMut(Step<'a>) -> bool) {
    let mut node = root;
    loop {
        let descend = visit(Step::Enter(node));
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
        }
        // Leave this node and every ancestor whose children are done.
        loop {
            visit(Step::Leave(node));
            if node.id() == root.id() {
                return;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => return,
            }
        }
    }
}

/// Renders the text of a subtree, paragraphs separated by blank lines.
fn render(root: NodeRef<'_>) -> String {
    let mut out = Output::default();
    let mut pre_depth = 0usize;
    walk(root, |step| match step {
        Step::Enter(node) => {
            if node.id() != root.id() && is_skipped(node) {
                return false;
            }
            match node.value() {
                Node::Text(text) => out.push_text(text, pre_depth > 0),
                Node::Element(element) => {
                    let name = element.name();
                    if name == "br" {
                        out.line_break();
                    } else {
                        out.want_break(break_around(name));
                    }
                    if name == "pre" {
                        pre_depth += 1;
                    } else if matches!(name, "td" | "th") {
                        out.want_space();
                    } else if name == "img" {
                        if let Some(alt) = element.attr("alt") {
                            out.want_space();
                            out.push_text(alt, false);
                            out.want_space();
                        }
                    }
                }
                _ => {}
            }
            true
        }
        Step::Leave(node) => {
            if let Node::Element(element) = node.value() {
                let name = element.name();
                if name == "pre" {
                    pre_depth = pre_depth.saturating_sub(1);
                }
                if name != "br" {
                    out.want_break(break_around(name));
                }
            }
            true
        }
    });
    out.text
}

/// Invisible characters dropped from page text: soft hyphen, zero-width space,
/// joiners and the byte-order mark.
const INVISIBLE: [char; 5] = ['\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}'];

/// Text being rendered, with pending whitespace held until the next word.
#[derive(Default)]
struct Output {
    text: String,
    pending_newlines: usize,
    pending_space: bool,
}

impl Output {
    fn want_break(&mut self, newlines: usize) {
        self.pending_newlines = self.pending_newlines.max(newlines);
    }

    /// A `<br>`: a new line, and two in a row make a paragraph break.
    fn line_break(&mut self) {
        if !self.text.is_empty() {
            self.pending_newlines = (self.pending_newlines + 1).min(2);
        }
    }

    fn want_space(&mut self) {
        self.pending_space = true;
    }

    fn flush_pending(&mut self) {
        if !self.text.is_empty() {
            if self.pending_newlines > 0 {
                while self.text.ends_with([' ', '\t']) {
                    self.text.pop();
                }
                for _ in 0..self.pending_newlines {
                    self.text.push('\n');
                }
            } else if self.pending_space && !self.text.ends_with([' ', '\n']) {
                self.text.push(' ');
            }
        }
        self.pending_newlines = 0;
        self.pending_space = false;
    }

    fn push_text(&mut self, text: &str, preformatted: bool) {
        if preformatted {
            if !text.is_empty() {
                self.flush_pending();
                self.text.push_str(text);
            }
            return;
        }
        if text.starts_with(char::is_whitespace) {
            self.want_space();
        }
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            self.flush_pending();
            // Soft hyphens and zero-width characters would split names in two.
            if word.contains(INVISIBLE) {
                self.text.extend(word.chars().filter(|c| !INVISIBLE.contains(c)));
            } else {
                self.text.push_str(word);
            }
            if words.peek().is_some() {
                self.text.push(' ');
            }
        }
        if text.ends_with(char::is_whitespace) {
            self.want_space();
        }
    }
}

/// The element holding the main content: the `<article>` with the most text, else
/// `<main>`, else the element with the most paragraph text, else the whole page.
fn main_content<'a>(document: NodeRef<'a>) -> NodeRef<'a> {
    // Text length of every element, in one post-order pass over non-skipped nodes.
    let mut lengths = HashMap::new();
    let mut stack: Vec<usize> = vec![0];
    walk(document, |step| match step {
        Step::Enter(node) => {
            if is_skipped(node) {
                return false;
            }
            if let Node::Text(text) = node.value() {
                let n = text.chars().filter(|c| !c.is_whitespace()).count();
                if let Some(top) = stack.last_mut() {
                    *top += n;
                }
            }
            stack.push(0);
            true
        }
        Step::Leave(node) => {
            let own = stack.pop().unwrap_or(0);
            if let Some(top) = stack.last_mut() {
                *top += own;
            }
            if node.value().is_element() {
                lengths.insert(node.id(), own);
            }
            true
        }
    });
    let length_of = |node: NodeRef<'_>| lengths.get(&node.id()).copied().unwrap_or(0);

    // Paragraph scores: a paragraph's text counts fully for its parent, half for
    // its grandparent.
    let mut scores = HashMap::new();
    let mut best_paragraph_holder: Option<(NodeRef<'a>, usize)> = None;
    let mut best_article: Option<(NodeRef<'a>, usize)> = None;
    let mut best_main: Option<(NodeRef<'a>, usize)> = None;
    let mut body = None;
    walk(document, |step| {
        let Step::Enter(node) = step else {
            return true;
        };
        {
            if is_skipped(node) {
                return false;
            }
            if let Node::Element(element) = node.value() {
                let length = length_of(node);
                let keep_best = |best: &mut Option<(NodeRef<'a>, usize)>| {
                    if best.is_none_or(|(_, best_length)| length > best_length) {
                        *best = Some((node, length));
                    }
                };
                match element.name() {
                    "article" => keep_best(&mut best_article),
                    "main" => keep_best(&mut best_main),
                    "body" => body = Some(node),
                    "p" | "pre" | "blockquote" => {
                        let mut share = length;
                        for ancestor in node.ancestors().take(2) {
                            let score = scores.entry(ancestor.id()).or_insert(0usize);
                            *score += share;
                            if best_paragraph_holder.is_none_or(|(_, best)| *score > best) {
                                best_paragraph_holder = Some((ancestor, *score));
                            }
                            share /= 2;
                        }
                    }
                    _ => {}
                }
            }
            true
        }
    });
    let paragraph_best = best_paragraph_holder.map_or(0, |(_, score)| score);
    // An <article> or <main> wins unless it is a small part of the paragraph text.
    for (candidate, length) in [best_article, best_main].into_iter().flatten() {
        if length > 0 && length * 10 >= paragraph_best * 3 {
            return candidate;
        }
    }
    match best_paragraph_holder {
        Some((holder, score)) if score > 0 => holder,
        _ => body.unwrap_or(document),
    }
}

/// Metadata found anywhere in a page.
#[derive(Default)]
struct Metadata {
    og_title: Option<String>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    /// Dates in order of trust: meta tags, then JSON-LD, then `<time>`.
    meta_dates: Vec<String>,
    ld_dates: Vec<String>,
    time_dates: Vec<String>,
    /// The JSON-LD `headline`.
    ld_title: Option<String>,
    language: Option<Language>,
    site_name: Option<String>,
    url: Option<String>,
}

impl Metadata {
    fn collect(document: NodeRef<'_>) -> Metadata {
        let mut meta = Metadata::default();
        let mut meta_language = None;
        walk(document, |step| {
            let Step::Enter(node) = step else {
                return true;
            };
            {
                let Node::Element(element) = node.value() else {
                    return true;
                };
                match element.name() {
                    "html" => {
                        meta.language = element
                            .attr("lang")
                            .or_else(|| element.attr("xml:lang"))
                            .and_then(crate::language_from_code);
                    }
                    "meta" => {
                        let key = element
                            .attr("property")
                            .or_else(|| element.attr("name"))
                            .or_else(|| element.attr("itemprop"))
                            .or_else(|| element.attr("http-equiv"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        let content = clean(element.attr("content").unwrap_or_default());
                        if let Some(content) = content {
                            meta.note_meta(&key, content, &mut meta_language);
                        }
                    }
                    "link" => {
                        let rel = element.attr("rel").unwrap_or_default();
                        if rel.eq_ignore_ascii_case("canonical") && meta.url.is_none() {
                            meta.url = element.attr("href").and_then(clean);
                        }
                    }
                    "time" => {
                        if let Some(datetime) = element.attr("datetime").and_then(clean) {
                            meta.time_dates.push(datetime);
                        }
                    }
                    "title" if meta.title_tag.is_none() => {
                        meta.title_tag = clean(&render(node));
                        return false;
                    }
                    "h1" if meta.first_h1.is_none() && !is_skipped(node) => {
                        meta.first_h1 = clean(&render(node));
                        return false;
                    }
                    "script" => {
                        let json_ld = element.attr("type").is_some_and(|kind| {
                            kind.trim().eq_ignore_ascii_case("application/ld+json")
                        });
                        if json_ld {
                            let json: String = node
                                .children()
                                .filter_map(|child| child.value().as_text().map(|text| &**text))
                                .collect();
                            meta.note_json_ld(&json, &mut meta_language);
                        }
                        return false;
                    }
                    "style" | "svg" | "template" => return false,
                    _ => {}
                }
                true
            }
        });
        if meta.language.is_none() {
            meta.language = meta_language;
        }
        meta
    }

    fn note_meta(&mut self, key: &str, content: String, meta_language: &mut Option<Language>) {
        match key {
            "og:title" | "twitter:title" if self.og_title.is_none() => {
                self.og_title = Some(content);
            }
            "og:site_name" if self.site_name.is_none() => self.site_name = Some(content),
            "og:url" if self.url.is_none() => self.url = Some(content),
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publication_date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.created"
            | "sailthru.date"
            | "parsely-pub-date" => self.meta_dates.push(content),
            "language" | "content-language" | "og:locale" | "dc.language"
                if meta_language.is_none() =>
            {
                *meta_language = crate::language_from_code(&content);
            }
            _ => {}
        }
    }

    /// Reads `datePublished`, `headline` and `inLanguage` from a JSON-LD block
    /// (schema.org `NewsArticle` and kin), wherever they sit in it.
    fn note_json_ld(&mut self, json: &str, meta_language: &mut Option<Language>) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
            return;
        };
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::Object(object) => {
                    for (key, item) in object.iter().rev() {
                        match (key.as_str(), item) {
                            ("datePublished", serde_json::Value::String(date)) => {
                                self.ld_dates.push(date.clone());
                            }
                            ("headline", serde_json::Value::String(headline))
                                if self.ld_title.is_none() =>
                            {
                                self.ld_title = clean(headline);
                            }
                            ("inLanguage", serde_json::Value::String(code))
                                if meta_language.is_none() =>
                            {
                                *meta_language = crate::language_from_code(code);
                            }
                            _ => stack.push(item),
                        }
                    }
                }
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                _ => {}
            }
        }
    }

    fn title(&self) -> Option<String> {
        self.og_title
            .clone()
            .or_else(|| self.ld_title.clone())
            .or_else(|| self.title_tag.clone())
            .or_else(|| self.first_h1.clone())
    }

    fn published(&self) -> Option<NaiveDate> {
        self.meta_dates
            .iter()
            .chain(&self.ld_dates)
            .chain(&self.time_dates)
            .find_map(|date| parse_date(date))
    }
}

/// Collapses whitespace; `None` when nothing is left.
fn clean(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_text(html: &str, expected: &str) {
        assert_eq!(read_page(html).text, expected, "{html}");
    }

    #[test]
    fn keeps_paragraphs() {
        check_text("<p>One.</p><p>Two.</p>", "One.\n\nTwo.");
        check_text("<p>One<br>line two</p>", "One\nline two");
        check_text("<div>One<br><br>Two<br><br><br>Three</div>", "One\n\nTwo\n\nThree");
        check_text("<p><br>Lead</p>", "Lead");
        check_text("<p>Kpen&shy;djal\u{200b}</p>", "Kpendjal");
        check_text("<p>  spaced   <b>bold</b>text </p>", "spaced boldtext");
        check_text("<p>a <i>b</i> c</p>", "a b c");
        check_text("<ul><li>one</li><li>two</li></ul>", "one\ntwo");
        check_text("<pre>a  b\n c</pre>", "a  b\n c");
        check_text("<p>caf&eacute; &amp; th&#233;</p>", "café & thé");
    }

    #[test]
    fn drops_boilerplate() {
        check_text(
            "<body><nav>Home | World</nav><script>var x = '<p>no</p>';</script>\
             <style>p {color: red}</style><p>Body text.</p><footer>© 2026</footer></body>",
            "Body text.",
        );
        check_text("<p>Seen</p><p hidden>Unseen</p>", "Seen");
        check_text("<p>Seen<!-- comment --></p>", "Seen");
    }

    #[test]
    fn prefers_article() {
        check_text(
            "<body><div><p>Sidebar teaser one.</p></div>\
             <article><h1>Attack</h1><p>Gunmen attacked a post.</p><p>Two died.</p></article></body>",
            "Attack\n\nGunmen attacked a post.\n\nTwo died.",
        );
        check_text(
            "<body><main><p>Main text here.</p></main><div>other</div></body>",
            "Main text here.",
        );
    }

    #[test]
    fn finds_densest_paragraphs() {
        check_text(
            "<body><div class=menu><p>Menu</p></div>\
             <div class=story><p>A long paragraph about the attack on the post.</p>\
             <p>Another long paragraph with more detail.</p></div></body>",
            "A long paragraph about the attack on the post.\n\nAnother long paragraph with more detail.",
        );
        check_text("<body>Just text, no paragraphs.</body>", "Just text, no paragraphs.");
    }

    #[test]
    fn reads_metadata() {
        let page = read_page(
            "<html lang=\"fr-FR\"><head><title>Titre | Journal</title>\
             <meta property=\"og:title\" content=\"Attaque contre un poste\">\
             <meta property=\"og:site_name\" content=\"Le Journal\">\
             <meta property=\"article:published_time\" content=\"2024-07-20T09:00:00+00:00\">\
             <link rel=canonical href=\"https://example.org/a\"></head>\
             <body><p>Texte.</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Attaque contre un poste"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 7, 20));
        assert_eq!(page.language, Some(Language::Fr));
        assert_eq!(page.source.as_deref(), Some("Le Journal"));
        assert_eq!(page.url.as_deref(), Some("https://example.org/a"));

        let page = read_page(
            "<html lang=en><head><title> Plain  title </title></head>\
             <body><h1>Heading</h1><time datetime=\"2026-11-21\">Nov 21</time><p>Text.</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Plain title"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2026, 11, 21));
        assert_eq!(page.language, Some(Language::En));

        let page = read_page(
            "<html><head><title>Tag title</title>\
             <script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@graph\": \
             [{\"@type\": \"NewsArticle\", \"headline\": \"LD headline\", \"inLanguage\": \"fr-FR\", \
             \"datePublished\": \"2024-07-20T08:00:00+00:00\"}]}</script></head>\
             <body><time datetime=\"2020-01-01\">old</time><p>Texte.</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("LD headline"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 7, 20));
        assert_eq!(page.language, Some(Language::Fr));

        let page = read_page("<body><h1>Only <em>heading</em></h1><p>x</p></body>");
        assert_eq!(page.title.as_deref(), Some("Only heading"));
    }

    #[test]
    fn fragments() {
        assert_eq!(
            html_to_text("<p>One &amp; two</p><script>x()</script><p>three</p>"),
            "One & two\n\nthree"
        );
        assert_eq!(html_to_text("plain text"), "plain text");
    }

    #[test]
    fn survives_hostile_nesting() {
        for tag in ["div", "b", "a", "span", "table", "li", "p", "font", "article"] {
            let html = format!("{}deep{}", format!("<{tag}>").repeat(10_000), "tail");
            let page = read_page(&html);
            assert!(page.text.contains("deep"), "{tag}");
        }
    }
}
