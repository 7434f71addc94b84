//! A news report as the readers hand it to extraction.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A report's language. tocsin reads English and French.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    En,
    /// French.
    Fr,
}

impl Language {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    /// The language for an ISO 639-1 code, if tocsin reads it.
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Some(Language::En),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Language::Fr),
            _ => None,
        }
    }
}

/// One news report: the unit tocsin reads.
///
/// Field names follow the article format of the evaluation kit
/// (`id`, `text`, `title`, `published`, `source`, `url`, `language`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// A stable identifier, unique within a batch.
    pub id: String,
    /// The body text, UTF-8, with markup removed.
    pub text: String,
    /// The headline, when known.
    pub title: Option<String>,
    /// The dateline: the day the report was published, against which relative dates resolve.
    pub published: Option<NaiveDate>,
    /// The outlet.
    pub source: Option<String>,
    /// Where the report was found.
    pub url: Option<String>,
    /// The language, when the source states it; extraction detects it otherwise.
    pub language: Option<Language>,
}

impl Report {
    /// A report with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Report {
        Report {
            id: id.into(),
            text: text.into(),
            title: None,
            published: None,
            source: None,
            url: None,
            language: None,
        }
    }
}
