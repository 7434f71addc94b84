//! One article record (a JSON object, a CSV row) turned into a [`Report`].

use tocsin_model::Report;

use crate::date::parse_date;
use crate::MAX_REPORT_BYTES;

/// Column or key names for the report text, in order of preference.
pub(crate) const TEXT_KEYS: [&str; 5] = ["text", "body", "content", "article", "notes"];

/// The fields of one record as strings, before checking.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawRecord {
    pub id: Option<String>,
    pub text: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

impl RawRecord {
    /// Checks the record and makes a report. `fallback_id` names the record from
    /// its text when it has no id of its own. The error is a message for [`crate::Error::Record`].
    pub(crate) fn into_report(
        self,
        fallback_id: impl FnOnce(&str) -> String,
    ) -> Result<Report, String> {
        let Some(text) = self.text else {
            return Err(format!(
                "no text: expected a \"{}\" field (or {})",
                TEXT_KEYS[0],
                TEXT_KEYS[1..].join(", ")
            ));
        };
        check_size(&text)?;
        let text = text.trim();
        if text.is_empty() {
            return Err("empty text".to_string());
        }
        let id = self
            .id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map_or_else(|| fallback_id(text), str::to_string);
        let text =
            if text.contains("\r\n") { text.replace("\r\n", "\n") } else { text.to_string() };
        Ok(Report {
            id,
            text,
            title: trimmed(self.title),
            published: self.published.as_deref().and_then(parse_date),
            source: trimmed(self.source),
            url: trimmed(self.url),
            language: self.language.as_deref().and_then(crate::language_from_code),
        })
    }
}

/// Refuses a text over [`MAX_REPORT_BYTES`].
pub(crate) fn check_size(text: &str) -> Result<(), String> {
    if text.len() > MAX_REPORT_BYTES {
        Err(format!(
            "report too large, {:.1} MB; split it into reports under {} MB",
            text.len() as f64 / (1024.0 * 1024.0),
            MAX_REPORT_BYTES / (1024 * 1024)
        ))
    } else {
        Ok(())
    }
}

fn trimmed(value: Option<String>) -> Option<String> {
    let value = value?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: RawRecord, expected: Result<(&str, &str), &str>) {
        let got = raw.into_report(|_| "fallback".to_string());
        match (got, expected) {
            (Ok(report), Ok((id, text))) => {
                assert_eq!((report.id.as_str(), report.text.as_str()), (id, text));
            }
            (Err(message), Err(expected)) => assert!(message.contains(expected), "{message}"),
            (got, expected) => panic!("got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn records() {
        let raw = |id: Option<&str>, text: Option<&str>| RawRecord {
            id: id.map(str::to_string),
            text: text.map(str::to_string),
            ..RawRecord::default()
        };
        check(raw(Some("a1"), Some(" Text. ")), Ok(("a1", "Text.")));
        check(raw(None, Some("Text.")), Ok(("fallback", "Text.")));
        check(raw(Some("  "), Some("Text.")), Ok(("fallback", "Text.")));
        check(raw(Some("a1"), None), Err("no text"));
        check(raw(Some("a1"), Some(" \n ")), Err("empty text"));
        let huge = "x".repeat(MAX_REPORT_BYTES + 1);
        check(raw(Some("a1"), Some(&huge)), Err("report too large, 10.0 MB; split it"));
    }
}
