//! Text encodings: byte-order marks, UTF-16, legacy 8-bit charsets, binary detection.
//!
//! A file is classified from its first bytes (its *prefix*): empty, binary, UTF-8
//! (with or without BOM), UTF-16 (with BOM, or without BOM when the zero bytes say
//! so) or a legacy charset guessed by `chardetng` from the lines that are not UTF-8.
//!
//! Line-based formats (JSON Lines, CSV) in UTF-8 or an ASCII-compatible legacy
//! charset are read as raw bytes and each line or field is decoded on its own by
//! [`Units`]: valid UTF-8 stays UTF-8, anything else is decoded with the file's
//! legacy charset (or one guessed for that unit), so a file mixing UTF-8 and
//! windows-1252 lines still comes out right. UTF-16, and whole documents in a legacy
//! charset, are transcoded to UTF-8 on the fly by [`DecodingReader`].

use std::borrow::Cow;
use std::io::{self, Read};

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How many bytes are looked at to classify a file.
pub(crate) const PREFIX_LEN: usize = 64 * 1024;

/// How many bytes are checked for NUL bytes, as git does.
const NUL_WINDOW: usize = 8 * 1024;

/// How a file's bytes become text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Charset {
    /// UTF-8; `bom` bytes of byte-order mark to skip. Invalid units fall back to
    /// [`decode_unit`].
    Utf8 { bom: usize },
    /// Another encoding, transcoded to UTF-8 as it is read; `bom` bytes to skip.
    Other { encoding: &'static Encoding, bom: usize },
}

/// Why a file cannot be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotText {
    /// No bytes at all, or only whitespace.
    Empty,
    /// Binary content: NUL bytes, control characters, a known binary signature.
    Binary,
}

impl NotText {
    /// The message for an [`crate::Error::File`].
    pub(crate) fn message(self) -> &'static str {
        match self {
            NotText::Empty => "the file is empty",
            NotText::Binary => {
                "not a text document (binary content); tocsin reads plain text, HTML, \
                 JSON Lines, CSV/TSV and RSS/Atom"
            }
        }
    }
}

/// Classifies a file from its first bytes (up to [`PREFIX_LEN`]). `declared` is an
/// encoding label the document itself states (HTML `<meta charset>`, XML prolog), if
/// any; it is trusted only when the bytes are not valid UTF-8.
pub(crate) fn classify(
    prefix: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Charset, NotText> {
    if let Some((encoding, bom)) = Encoding::for_bom(prefix) {
        let rest = prefix.get(bom..).unwrap_or_default();
        if rest.is_empty() || is_blank(encoding, rest) {
            return Err(NotText::Empty);
        }
        if encoding == UTF_8 {
            if looks_binary(rest) {
                return Err(NotText::Binary);
            }
            return Ok(Charset::Utf8 { bom });
        }
        return Ok(Charset::Other { encoding, bom });
    }
    if prefix.iter().all(u8::is_ascii_whitespace) {
        // Only whitespace so far: empty if that was the whole file.
        return if prefix.len() < PREFIX_LEN {
            Err(NotText::Empty)
        } else {
            Ok(Charset::Utf8 { bom: 0 })
        };
    }
    if let Some(encoding) = utf16_without_bom(prefix) {
        return Ok(Charset::Other { encoding, bom: 0 });
    }
    if looks_binary(prefix) {
        return Err(NotText::Binary);
    }
    if mostly_utf8(prefix) {
        return Ok(Charset::Utf8 { bom: 0 });
    }
    let encoding = match declared {
        Some(encoding) if encoding != UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE => {
            encoding
        }
        _ => guess_legacy_lines(prefix),
    };
    Ok(Charset::Other { encoding, bom: 0 })
}

/// Decodes units (lines, fields, small documents) of a raw byte stream.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Units {
    /// The file's legacy charset, if known; else each bad unit gets its own guess.
    pub fallback: Option<&'static Encoding>,
}

impl Units {
    /// Decodes one unit: as is when valid UTF-8, lossily when mostly UTF-8 with a few
    /// bad bytes, else with the file's legacy charset or one guessed for the unit.
    pub(crate) fn decode<'a>(&self, bytes: &'a [u8]) -> Cow<'a, str> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) if mostly_utf8(bytes) => String::from_utf8_lossy(bytes),
            Err(_) => {
                let encoding = self.fallback.unwrap_or_else(|| guess_legacy(bytes));
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                text
            }
        }
    }
}

/// Guesses the legacy charset of a prefix from its lines that are not UTF-8, so
/// UTF-8 lines mixed in do not mislead the guess.
fn guess_legacy_lines(prefix: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut fed = false;
    for line in prefix.split(|&byte| byte == b'\n') {
        if std::str::from_utf8(line).is_err() {
            detector.feed(line, false);
            detector.feed(b"\n", false);
            fed = true;
        }
    }
    if !fed {
        return guess_legacy(prefix);
    }
    detector.feed(b"", true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess == UTF_8 {
        WINDOWS_1252
    } else {
        guess
    }
}

/// Guesses the legacy 8-bit (or CJK) encoding of bytes that are not UTF-8.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess == UTF_8 {
        WINDOWS_1252
    } else {
        guess
    }
}

/// Whether `bytes` are UTF-8, allowing a sequence cut at the end, or mostly UTF-8:
/// more well-formed multi-byte sequences than malformed ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let mut n_bad = 0usize;
    let mut n_multibyte = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                n_multibyte += count_multibyte(valid);
                break;
            }
            Err(error) => {
                let good = rest.get(..error.valid_up_to()).unwrap_or_default();
                // The prefix up to valid_up_to is valid UTF-8 by definition.
                n_multibyte += std::str::from_utf8(good).map(count_multibyte).unwrap_or(0);
                match error.error_len() {
                    // A sequence cut at the end of the buffer: not an error.
                    None => break,
                    Some(len) => {
                        n_bad += 1;
                        rest = rest.get(error.valid_up_to() + len..).unwrap_or_default();
                    }
                }
            }
        }
    }
    n_bad == 0 || n_multibyte > n_bad
}

fn count_multibyte(text: &str) -> usize {
    text.chars().filter(|c| !c.is_ascii()).count()
}

/// Whether the bytes are only whitespace once decoded.
fn is_blank(encoding: &'static Encoding, bytes: &[u8]) -> bool {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.trim().is_empty()
}

/// UTF-16 without a byte-order mark: ASCII text leaves a zero in every other byte.
fn utf16_without_bom(prefix: &[u8]) -> Option<&'static Encoding> {
    let window = prefix.get(..NUL_WINDOW.min(prefix.len()) & !1)?;
    if window.len() < 4 {
        return None;
    }
    let pairs = window.len() / 2;
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for pair in window.chunks_exact(2) {
        if let [even, odd] = pair {
            zero_even += usize::from(*even == 0);
            zero_odd += usize::from(*odd == 0);
        }
    }
    // Nearly every other byte zero, the others not.
    if zero_odd * 10 >= pairs * 9 && zero_even * 10 <= pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 9 && zero_odd * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Known binary signatures that may not contain a NUL early on.
const SIGNATURES: &[&[u8]] = &[
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
];

/// Whether the bytes look like a binary file rather than text in any encoding.
fn looks_binary(prefix: &[u8]) -> bool {
    if SIGNATURES.iter().any(|signature| prefix.starts_with(signature)) {
        return true;
    }
    let window = prefix.get(..NUL_WINDOW.min(prefix.len())).unwrap_or_default();
    if window.contains(&0) {
        return true;
    }
    let n_control = prefix
        .iter()
        .filter(|&&byte| byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    n_control * 20 > prefix.len()
}

/// Reads the first [`PREFIX_LEN`] bytes (fewer at end of input).
pub(crate) fn read_prefix(reader: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut prefix = Vec::with_capacity(PREFIX_LEN);
    reader.take(PREFIX_LEN as u64).read_to_end(&mut prefix)?;
    Ok(prefix)
}

/// The encoding a document declares for itself in its first bytes: an HTML
/// `<meta charset=...>` or `content="...; charset=..."`, or an XML prolog's
/// `encoding="..."`.
pub(crate) fn declared_encoding(prefix: &[u8]) -> Option<&'static Encoding> {
    let head = prefix.get(..4096.min(prefix.len()))?;
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(found) = find(lower.get(from..)?, key) {
            let start = from + found + key.len();
            let value = lower.get(start..).unwrap_or_default();
            let value =
                value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
            let end = value
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'>' | b'/' | b'?'))
                .unwrap_or(value.len());
            if let Some(encoding) = value.get(..end).and_then(Encoding::for_label) {
                return Some(encoding);
            }
            from = start;
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// Transcodes a byte stream in some encoding to UTF-8 as it is read.
pub(crate) struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    input_start: usize,
    input_end: usize,
    output: Vec<u8>,
    output_start: usize,
    output_end: usize,
    input_done: bool,
    finished: bool,
}

impl<R: Read> DecodingReader<R> {
    /// Decodes `inner`, which holds no byte-order mark, from `encoding`.
    pub(crate) fn new(inner: R, encoding: &'static Encoding) -> DecodingReader<R> {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            input: vec![0; 16 * 1024],
            input_start: 0,
            input_end: 0,
            output: vec![0; 64 * 1024],
            output_start: 0,
            output_end: 0,
            input_done: false,
            finished: false,
        }
    }

    /// Decodes more input into the empty output buffer. Returns false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        while !self.finished {
            if self.input_start == self.input_end && !self.input_done {
                let n_read = loop {
                    match self.inner.read(&mut self.input) {
                        Ok(n_read) => break n_read,
                        Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                        Err(error) => return Err(error),
                    }
                };
                self.input_start = 0;
                self.input_end = n_read;
                self.input_done = n_read == 0;
            }
            let source = self.input.get(self.input_start..self.input_end).unwrap_or_default();
            let (result, n_read, n_written, _) =
                self.decoder.decode_to_utf8(source, &mut self.output, self.input_done);
            self.input_start += n_read;
            if self.input_done
                && self.input_start == self.input_end
                && result == encoding_rs::CoderResult::InputEmpty
            {
                self.finished = true;
            }
            if n_written > 0 {
                self.output_start = 0;
                self.output_end = n_written;
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.output_start == self.output_end && !self.refill()? {
            return Ok(0);
        }
        let available = self.output.get(self.output_start..self.output_end).unwrap_or_default();
        let n = available.len().min(buf.len());
        if let (Some(target), Some(source)) = (buf.get_mut(..n), available.get(..n)) {
            target.copy_from_slice(source);
        }
        self.output_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_classify(bytes: &[u8], expected: std::result::Result<&str, NotText>) {
        let got = classify(bytes, None).map(|charset| match charset {
            Charset::Utf8 { .. } => "UTF-8",
            Charset::Other { encoding, .. } => encoding.name(),
        });
        assert_eq!(got, expected, "{bytes:?}");
    }

    #[test]
    fn classifies() {
        check_classify(b"", Err(NotText::Empty));
        check_classify(b"  \n\t\n", Err(NotText::Empty));
        check_classify(b"\xef\xbb\xbf", Err(NotText::Empty));
        check_classify(b"\xff\xfe", Err(NotText::Empty));
        check_classify(b"hello", Ok("UTF-8"));
        check_classify("Sécurité".as_bytes(), Ok("UTF-8"));
        check_classify(b"\xef\xbb\xbfhello", Ok("UTF-8"));
        check_classify(b"\xff\xfeh\x00i\x00", Ok("UTF-16LE"));
        check_classify(b"\xfe\xff\x00h\x00i", Ok("UTF-16BE"));
        check_classify(b"h\x00e\x00l\x00l\x00o\x00", Ok("UTF-16LE"));
        check_classify(b"\x00h\x00e\x00l\x00l\x00o", Ok("UTF-16BE"));
        check_classify(b"abc\x00def\x01\x02", Err(NotText::Binary));
        check_classify(b"%PDF-1.7 abc", Err(NotText::Binary));
        check_classify(b"\x01\x02\x03\x04\x05abc", Err(NotText::Binary));
        check_classify(
            b"La S\xe9curit\xe9 des \xe9l\xe8ves est assur\xe9e \xe0 l'\xe9cole.",
            Ok("windows-1252"),
        );
    }

    fn check_unit(bytes: &[u8], expected: &str) {
        assert_eq!(Units::default().decode(bytes), expected);
    }

    #[test]
    fn decodes_units() {
        check_unit(b"plain", "plain");
        check_unit("Sécurité".as_bytes(), "Sécurité");
        check_unit(b"S\xe9curit\xe9 g\xe9n\xe9rale", "Sécurité générale");
        check_unit(b"caf\xc3\xa9 d\xc3\xa9j\xc3\xa0 \xff", "café déjà \u{fffd}");
    }

    #[test]
    fn finds_declared_encodings() {
        let check = |head: &[u8], expected: Option<&str>| {
            assert_eq!(declared_encoding(head).map(Encoding::name), expected);
        };
        check(b"<meta charset=\"iso-8859-1\">", Some("windows-1252"));
        check(
            b"<meta http-equiv=content-type content='text/html; charset=windows-1252'>",
            Some("windows-1252"),
        );
        check(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", Some("UTF-8"));
        check(b"<p>charset=nonsense</p>", None);
        check(b"", None);
    }

    #[test]
    fn transcodes_streams() {
        let text = "Attaque à Kpinkankandi, l'armée répond.";
        for encoding in [UTF_16LE, UTF_16BE, WINDOWS_1252] {
            let bytes: Vec<u8> = if encoding == UTF_16LE {
                text.encode_utf16().flat_map(u16::to_le_bytes).collect()
            } else if encoding == UTF_16BE {
                text.encode_utf16().flat_map(u16::to_be_bytes).collect()
            } else {
                encoding.encode(text).0.into_owned()
            };
            let mut out = String::new();
            let read = DecodingReader::new(&bytes[..], encoding).read_to_string(&mut out);
            assert!(read.is_ok());
            assert_eq!(out, text, "{}", encoding.name());
        }
    }
}
