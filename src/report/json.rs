//! The JSON report, exactly as the contract's "JSON report" section: numbers are
//! not rounded, unscored dimensions have nulls, `z`/`percentile` only with norms.

use std::io::{self, Write};

use serde::Serialize;

use super::ReportWriter;
use crate::questionnaire::FORMAT;
use crate::scoring::{Primary, Report};

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub format: i64,
    pub questionnaire: QuestionnaireRef<'a>,
    pub respondent: Option<&'a str>,
    pub scale: ScaleRef,
    pub dimensions: Vec<DimensionJson<'a>>,
    pub primary: Option<PrimaryJson<'a>>,
    pub practices: Vec<PracticeJson<'a>>,
    pub warnings: &'a [String],
}

#[derive(Serialize)]
pub struct QuestionnaireRef<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub title: &'a str,
}

#[derive(Serialize)]
pub struct ScaleRef {
    pub min: i64,
    pub max: i64,
}

#[derive(Serialize)]
pub struct DimensionJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub mean: Option<f64>,
    pub percent: Option<f64>,
    pub band: Option<&'a str>,
    pub answered: usize,
    pub items: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub z: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percentile: Option<f64>,
}

#[derive(Serialize)]
pub struct PrimaryJson<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub name: &'a str,
    pub blend: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct PracticeJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub text: &'a str,
}

/// The serialisable view of a report.
pub fn json_report<'a>(report: &'a Report<'_>) -> JsonReport<'a> {
    let q = report.questionnaire;
    JsonReport {
        format: FORMAT,
        questionnaire: QuestionnaireRef {
            id: &q.id,
            version: &q.version,
            title: &q.title,
        },
        respondent: report.respondent.as_deref(),
        scale: ScaleRef {
            min: q.scale.min,
            max: q.scale.max,
        },
        dimensions: report
            .dimensions
            .iter()
            .map(|s| {
                let d = &q.dimensions[s.dimension];
                DimensionJson {
                    id: &d.id,
                    name: &d.name,
                    mean: s.mean,
                    percent: s.percent,
                    band: s.band.map(|b| q.bands[b].id.as_str()),
                    answered: s.answered,
                    items: s.items,
                    z: s.z,
                    percentile: s.percentile,
                }
            })
            .collect(),
        primary: report.primary.as_ref().map(|p| PrimaryJson {
            kind: match p {
                Primary::Dimension { .. } => "dimension",
                Primary::Profile { .. } => "profile",
            },
            id: p.id(q),
            name: p.name(q),
            blend: p
                .blend()
                .iter()
                .map(|&d| q.dimensions[d].id.as_str())
                .collect(),
        }),
        practices: report
            .practices
            .iter()
            .map(|&i| {
                let p = &q.practices[i];
                PracticeJson {
                    id: &p.id,
                    title: &p.title,
                    text: &p.text,
                }
            })
            .collect(),
        warnings: &report.warnings,
    }
}

/// One pretty object, or an array when several reports may follow.
pub struct JsonWriter {
    array: bool,
    count: usize,
}

impl JsonWriter {
    pub fn new(array: bool) -> Self {
        JsonWriter { array, count: 0 }
    }
}

impl ReportWriter for JsonWriter {
    fn write(&mut self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        if self.array {
            out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        }
        serde_json::to_writer_pretty(&mut *out, &json_report(report))?;
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.array {
            out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })
        } else {
            out.write_all(b"\n")
        }
    }
}

/// One compact JSON object per line.
pub struct JsonLinesWriter;

impl ReportWriter for JsonLinesWriter {
    fn write(&mut self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &json_report(report))?;
        out.write_all(b"\n")
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
