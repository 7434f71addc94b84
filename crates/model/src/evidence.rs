//! Evidence: the words of a report that support a field, and how sure we are.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` in a report's text.
///
/// Both ends lie on UTF-8 character boundaries of the report the span came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers, or `None` when it does not fit `text`.
    pub fn text(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same words in a text where they stand `by` bytes later (a window's span
    /// in the whole report).
    pub fn shifted(self, by: usize) -> Span {
        Span { start: self.start + by, end: self.end + by }
    }
}

/// A field's value with the text that supports it and a confidence in `[0, 1]`.
///
/// `span` is `None` for values that no words state, such as a default of zero
/// fatalities when the report mentions none; the confidence says how much such a
/// default is worth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// The supporting words, when there are any.
    pub span: Option<Span>,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

impl<T> Field<T> {
    /// A value supported by the words at `span`.
    pub fn found(value: T, span: Span, confidence: f32) -> Field<T> {
        Field { value, span: Some(span), confidence }
    }

    /// A value no words state (a default or an inference from the whole report).
    pub fn inferred(value: T, confidence: f32) -> Field<T> {
        Field { value, span: None, confidence }
    }

    /// The same evidence in a text where its words stand `by` bytes later.
    pub fn shift(&mut self, by: usize) {
        self.span = self.span.map(|span| span.shifted(by));
    }

    /// The same evidence with the value mapped.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        Field { value: f(self.value), span: self.span, confidence: self.confidence }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_text_checks_bounds_and_boundaries() {
        let text = "Kpendjal, né à Mandouri";
        assert_eq!(Span::new(0, 8).text(text), Some("Kpendjal"));
        assert_eq!(Span::new(11, 12).text(text), None, "inside a two-byte character");
        assert_eq!(Span::new(0, 99).text(text), None);
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
    }
}
