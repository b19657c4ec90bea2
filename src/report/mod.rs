//! Rendering score reports. The report model is built once by `scoring`; each
//! format is one file behind the `ReportWriter` trait, so a new format is a new
//! file and nothing else. Writers stream: one report at a time, so scoring a
//! table of a million respondents never holds them all.

mod csv;
mod json;
mod markdown;
pub mod pair;
mod plot;
mod summary;
mod text;

use std::io::{self, Write};

pub use self::csv::CsvWriter;
pub use self::json::{JsonReport, json_report};
pub use self::markdown::MarkdownWriter;
pub use self::plot::quadrant_plot;
pub use self::summary::Summary;
pub use self::text::TextWriter;

use crate::scoring::Report;

/// The closing line every report carries.
pub const REFLECTION_NOTE: &str = "attune is a reflection aid, not a diagnosis. Scores describe how you answered today, not who you are. If something here weighs on you, talk it over with someone you trust, or with a therapist or counsellor.";

/// `--format` for score reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Markdown,
    Csv,
}

/// Writes reports one at a time, then closes the document.
pub trait ReportWriter {
    fn write(&mut self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

/// A writer for `format`. `many` says whether several reports may follow (a JSON
/// array rather than one object).
pub fn writer(format: Format, many: bool, color: bool) -> Box<dyn ReportWriter> {
    match format {
        Format::Text => Box::new(TextWriter::new(color)),
        Format::Json => Box::new(json::JsonWriter::new(many)),
        Format::Jsonl => Box::new(json::JsonLinesWriter),
        Format::Markdown => Box::new(MarkdownWriter::default()),
        Format::Csv => Box::new(CsvWriter::default()),
    }
}

/// Rounds for reading: two decimals for scores.
pub fn fmt_score(value: f64) -> String {
    format!("{value:.2}")
}

/// Rounds a percent for reading.
pub fn fmt_percent(value: f64) -> String {
    format!("{value:.0}%")
}

/// A percentile for reading, as an ordinal from 1st to 99th: "100th" or "0th"
/// would claim that nobody in the norm sample scores above or below.
pub fn fmt_percentile(value: f64) -> String {
    let n = value.round().clamp(1.0, 99.0) as u32;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A bar of `width` cells for a percent, for the text and Markdown tables.
pub fn bar(percent: f64, width: usize) -> String {
    let filled = ((percent.clamp(0.0, 100.0) / 100.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// "Anxious (a blend with Secure and Avoidant)" for a primary style.
pub fn primary_title(report: &Report<'_>) -> Option<String> {
    let q = report.questionnaire;
    let primary = report.primary.as_ref()?;
    let name = primary.name(q);
    let blend: Vec<&str> = primary
        .blend()
        .iter()
        .map(|&d| q.dimensions[d].name.as_str())
        .collect();
    Some(if blend.is_empty() {
        name.to_string()
    } else {
        format!(
            "{name} (a blend with {}, within {} points)",
            join_and(&blend),
            crate::scoring::BLEND_POINTS
        )
    })
}

fn join_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// How one driver answer reads: "you answered 6 (Agree)", noting reverse keying.
pub fn driver_answer(report: &Report<'_>, driver: &crate::scoring::Driver) -> String {
    let q = report.questionnaire;
    let label = q.scale.label(driver.value).unwrap_or("");
    let mut text = format!("you answered {} ({label})", driver.value);
    if q.items[driver.item].reverse {
        text.push_str(&format!(
            "; worded the other way, so it counts as {}",
            driver.keyed
        ));
    }
    text
}

/// The respondent as shown in headings.
pub fn respondent_label<'a>(report: &'a Report<'_>) -> &'a str {
    report.respondent.as_deref().unwrap_or("(unnamed)")
}
