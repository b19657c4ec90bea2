//! One CSV row per respondent: `respondent`, then `<dimension>_mean`,
//! `<dimension>_percent`, `<dimension>_band` per dimension, then `primary`.
//! Numbers are unrounded; an unscored dimension has empty cells.

use std::io::{self, Write};

use super::ReportWriter;
use crate::scoring::Report;

#[derive(Default)]
pub struct CsvWriter {
    header_written: bool,
    row: Vec<String>,
}

impl ReportWriter for CsvWriter {
    fn write(&mut self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        let q = report.questionnaire;
        let mut csv = csv::WriterBuilder::new().from_writer(&mut *out);
        if !self.header_written {
            let mut header = vec!["respondent".to_string()];
            for d in &q.dimensions {
                header.extend(["mean", "percent", "band"].map(|s| format!("{}_{s}", d.id)));
            }
            header.push("primary".to_string());
            csv.write_record(&header)?;
            self.header_written = true;
        }
        self.row.clear();
        self.row.push(report.respondent.clone().unwrap_or_default());
        for s in &report.dimensions {
            self.row
                .push(s.mean.map(|m| m.to_string()).unwrap_or_default());
            self.row
                .push(s.percent.map(|p| p.to_string()).unwrap_or_default());
            self.row
                .push(s.band.map(|b| q.bands[b].id.clone()).unwrap_or_default());
        }
        self.row.push(
            report
                .primary
                .as_ref()
                .map(|p| p.id(q).to_string())
                .unwrap_or_default(),
        );
        csv.write_record(&self.row)?;
        csv.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
