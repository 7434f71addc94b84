//! Word tokens with byte spans, the common ground of the rule modules.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), e.g. `soldiers`, `tués`.
    Word,
    /// ASCII digits, possibly with thousands separators, e.g. `1,200`.
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token of a text: its byte range, its lowercase form and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The token lowercased (digits with separators removed for numbers).
    pub lower: String,
    /// The kind of token.
    pub kind: TokenKind,
}

impl Token {
    /// Whether the token is the word `word` (already lowercase).
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    /// Whether the token is one of `words`.
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_str())
    }

    /// The numeric value of a number token that reads as a whole count.
    pub fn number(&self) -> Option<u32> {
        if self.kind == TokenKind::Number {
            self.lower.parse().ok()
        } else {
            None
        }
    }
}

/// Splits `text` into word, number and punctuation tokens.
///
/// Apostrophes and hyphens are tokens of their own, so `l'armée` gives `l`, `'`,
/// `armée` and `twenty-five` gives `twenty`, `-`, `five`. A number keeps `,` or `.`
/// followed by exactly three digits as a thousands separator (`1,200`); any other
/// separator ends it (`3.5` gives `3`, `.`, `5`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_alphabetic() {
            let mut j = i + 1;
            while chars.get(j).is_some_and(|&(_, d)| d.is_alphabetic()) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            tokens.push(Token {
                start,
                end,
                lower: text[start..end].to_lowercase(),
                kind: TokenKind::Word,
            });
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            let mut digits = String::from(c);
            loop {
                match chars.get(j) {
                    Some(&(_, d)) if d.is_ascii_digit() => {
                        digits.push(d);
                        j += 1;
                    }
                    Some(&(_, sep)) if sep == ',' || sep == '.' => {
                        let group: Vec<char> =
                            chars.iter().skip(j + 1).take(4).map(|&(_, d)| d).collect();
                        let three =
                            group.len() >= 3 && group.iter().take(3).all(|d| d.is_ascii_digit());
                        let fourth_digit = group.get(3).is_some_and(|d| d.is_ascii_digit());
                        if three && !fourth_digit {
                            digits.extend(group.iter().take(3));
                            j += 4;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            tokens.push(Token { start, end, lower: digits, kind: TokenKind::Number });
            i = j;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            let end = start + c.len_utf8();
            let lower = if c == '’' { "'".to_string() } else { c.to_string() };
            tokens.push(Token { start, end, lower, kind: TokenKind::Punct });
            i += 1;
        }
    }
    tokens
}

/// Folds French accents out of a lowercase word (`tués` to `tues`), for matching.
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &[&str]) {
        let got: Vec<String> = tokenize(text).into_iter().map(|t| t.lower).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn words_numbers_and_punctuation() {
        check("On 27 April, 1,200 fled.", &["on", "27", "april", ",", "1200", "fled", "."]);
        check("l’armée a tué 3,5", &["l", "'", "armée", "a", "tué", "3", ",", "5"]);
        check("twenty-five", &["twenty", "-", "five"]);
        check("1-2 policemen", &["1", "-", "2", "policemen"]);
        check("27th", &["27", "th"]);
        check("2.000 morts", &["2000", "morts"]);
        check("", &[]);
    }

    #[test]
    fn spans_are_char_boundaries() {
        let text = "Tués à Kpendjal: 3.";
        for token in tokenize(text) {
            assert!(text.get(token.start..token.end).is_some());
        }
    }
}
