//! A linear pre-pass that caps how deeply HTML elements nest before parsing.
//!
//! html5ever scans its stack of open elements for many tags, so a page opening
//! 100,000 `<div>`s costs it minutes. Browsers cap the tree depth (Chrome at 512);
//! [`cap_nesting`] does the same on the source text: past [`MAX_DEPTH`] open
//! elements, further start tags (and the end tags that match them) are removed and
//! their content is kept. Void elements, self-closing tags and elements whose end tag
//! may be omitted (`p`, `li`, `td`, ...) do not count, since the parser closes those
//! itself. Formatting elements (`b`, `i`, `a`, `font`, ...) left open are capped
//! much lower, at [`MAX_FORMATTING`]: the parser re-opens every one of them in each
//! new paragraph, so `<p><b id=1>x<p><b id=2>x...` would otherwise grow the tree
//! quadratically. The text of `script`, `style`, `textarea` and `title` is skipped
//! whole, as are comments. Pages within the limits are returned unchanged.

use std::borrow::Cow;

/// The deepest element nesting passed to the HTML parser.
pub(crate) const MAX_DEPTH: usize = 256;

/// The most formatting elements left open at once.
pub(crate) const MAX_FORMATTING: usize = 16;

/// The page with start tags beyond [`MAX_DEPTH`] open elements removed.
pub(crate) fn cap_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    if bytes.iter().filter(|&&byte| byte == b'<').count() <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut out = String::new();
    let mut copied_to = 0usize;
    let mut depth = 0usize;
    let mut n_formatting = 0usize;
    let mut n_dropped_open = 0usize;
    let mut n_dropped_formatting = 0usize;
    let mut at = 0usize;
    while let Some(offset) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        let lt = at + offset;
        let rest = bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            at = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = find(bytes, lt + 2, b">").map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + if closing { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let name_end = bytes
            .get(name_start..)
            .and_then(|rest| {
                rest.iter().position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b':'))
            })
            .map_or(bytes.len(), |len| name_start + len);
        let name = bytes.get(name_start..name_end).unwrap_or_default().to_ascii_lowercase();
        let tag_end = tag_end(bytes, name_end);
        at = tag_end;
        let formatting = is_formatting(&name);
        if closing {
            let dropped = if formatting { &mut n_dropped_formatting } else { &mut n_dropped_open };
            if counts(&name) && *dropped > 0 {
                *dropped -= 1;
                out.push_str(html.get(copied_to..lt).unwrap_or_default());
                copied_to = tag_end;
            } else if counts(&name) {
                depth = depth.saturating_sub(1);
                if formatting {
                    n_formatting = n_formatting.saturating_sub(1);
                }
            }
            continue;
        }
        if is_raw_text(&name) {
            // Skip to the matching end tag; its content is not markup.
            at = find_end_tag(bytes, tag_end, &name).unwrap_or(bytes.len());
            continue;
        }
        let self_closing = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
        if self_closing || !counts(&name) {
            continue;
        }
        if formatting && n_formatting >= MAX_FORMATTING {
            n_dropped_formatting += 1;
            out.push_str(html.get(copied_to..lt).unwrap_or_default());
            copied_to = tag_end;
        } else if depth >= MAX_DEPTH {
            if formatting {
                n_dropped_formatting += 1;
            } else {
                n_dropped_open += 1;
            }
            out.push_str(html.get(copied_to..lt).unwrap_or_default());
            copied_to = tag_end;
        } else {
            depth += 1;
            n_formatting += usize::from(formatting);
        }
    }
    if copied_to == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(html.get(copied_to..).unwrap_or_default());
    Cow::Owned(out)
}

/// Whether an element nests: not void and its end tag may not be omitted.
fn counts(name: &[u8]) -> bool {
    !matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"option"
            | b"optgroup"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
    )
}

/// The elements the parser re-opens after misnesting (the "formatting" elements).
fn is_formatting(name: &[u8]) -> bool {
    matches!(
        name,
        b"a" | b"b"
            | b"big"
            | b"code"
            | b"em"
            | b"font"
            | b"i"
            | b"nobr"
            | b"s"
            | b"small"
            | b"strike"
            | b"strong"
            | b"tt"
            | b"u"
    )
}

/// Elements whose content is text up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"title"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
    )
}

/// The index just past the `>` ending a tag whose name ends at `from`, skipping
/// quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    let mut after_equals = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'>' => return at + 1,
            b'=' => after_equals = true,
            b'"' | b'\'' if after_equals => {
                at = find(bytes, at + 1, &[byte]).unwrap_or(bytes.len());
                after_equals = false;
            }
            byte if byte.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        at += 1;
    }
    bytes.len()
}

/// The start of `</name` (any case) at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = find(bytes, at, b"</")?;
        let candidate = bytes.get(lt + 2..lt + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name) {
            return Some(lt);
        }
        at = lt + 2;
    }
}

/// The first index of `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    if needle.len() == 1 {
        let first = needle.first()?;
        return haystack.iter().position(|b| b == first).map(|at| from + at);
    }
    haystack.windows(needle.len()).position(|window| window == needle).map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_normal_pages_alone() {
        let page = "<div><p>a<p>b<br><img src=x></div>".repeat(300);
        assert!(matches!(cap_nesting(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn caps_deep_nesting() {
        let n = MAX_DEPTH + 100;
        let page = format!("{}text{}", "<div class=\"a>b\">".repeat(n), "</div>".repeat(n));
        let capped = cap_nesting(&page);
        assert_eq!(capped.matches("<div").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("text"));
    }

    #[test]
    fn caps_open_formatting_elements() {
        let page: String = (0..1000).map(|n| format!("<p><b id={n}>x")).collect();
        let capped = cap_nesting(&page);
        assert_eq!(capped.matches("<b").count(), MAX_FORMATTING);
        assert_eq!(capped.matches("<p>").count(), 1000);
        let closed = "<p><b>x</b> and <i>y</i></p>".repeat(1000);
        assert!(matches!(cap_nesting(&closed), Cow::Borrowed(_)));
    }

    #[test]
    fn skips_raw_text_and_comments() {
        let n = MAX_DEPTH + 10;
        let page = format!(
            "<script>{}</script><!-- {} -->{}",
            "<div>".repeat(n),
            "<div>".repeat(n),
            "<span>x</span>".repeat(n)
        );
        assert!(matches!(cap_nesting(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn survives_cut_tags() {
        for page in ["<", "<div", "<div a=\"", "</", "<!--", "<script>", "<é>"] {
            let page = format!("{}{page}", "<b>".repeat(MAX_DEPTH + 1));
            assert!(cap_nesting(&page).len() <= page.len());
        }
    }
}
