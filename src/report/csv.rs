//! One CSV row per respondent: `respondent`, then `<dimension>_mean`,
//! `<dimension>_percent`, `<dimension>_band` per dimension, then `primary`.
//! Numbers are unrounded; an unscored dimension has empty cells. This is the
//! hot path of scoring a long table, so rows are built by hand into a reused
//! buffer instead of through the csv crate's writer.

use std::io::{self, Write};

use super::ReportWriter;
use crate::questionnaire::Questionnaire;
use crate::scoring::{DimensionScore, Primary, Report};

/// Writes score rows as CSV (`respondent`, then `<dimension>_mean`,
/// `<dimension>_percent`, `<dimension>_band` per dimension, then `primary`):
/// the same bytes as the csv crate's writer with default settings (a field is
/// quoted when it holds a comma, a quote or a line break; rows end in `\n`),
/// numbers unrounded as Rust prints an `f64`. Rows collect in a buffer that is
/// passed on in chunks, so a row costs no allocation.
pub struct CsvWriter {
    buffer: Vec<u8>,
    header_written: bool,
    ryu: ryu::Buffer,
}

/// How much CSV to collect before passing it on.
const CSV_CHUNK: usize = 1 << 16;

/// Writes `value` exactly as `f64`'s `Display` does (shortest digits that read
/// back to the same number, never an exponent), but several times faster: ryu
/// finds the same shortest digits, and in the range where it does not switch
/// to an exponent only its trailing `.0` on whole numbers differs. Anything
/// outside that range goes through `Display`.
fn write_f64(out: &mut Vec<u8>, value: f64, buffer: &mut ryu::Buffer) {
    let magnitude = value.abs();
    if value.is_finite() && (value == 0.0 || (1e-4..1e15).contains(&magnitude)) {
        let text = buffer.format_finite(value);
        let text = text.strip_suffix(".0").unwrap_or(text);
        out.extend_from_slice(text.as_bytes());
    } else {
        let _ = write!(out, "{value}");
    }
}

/// Appends one CSV field, quoted only when it must be.
fn push_field(out: &mut Vec<u8>, field: &[u8]) {
    if field
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}

impl CsvWriter {
    pub fn new() -> Self {
        CsvWriter {
            buffer: Vec::with_capacity(CSV_CHUNK + 4096),
            header_written: false,
            ryu: ryu::Buffer::new(),
        }
    }

    pub fn row(
        &mut self,
        out: &mut dyn Write,
        q: &Questionnaire,
        respondent: &str,
        scores: &[DimensionScore],
        primary: Option<&Primary>,
    ) -> io::Result<()> {
        let b = &mut self.buffer;
        if !self.header_written {
            b.extend_from_slice(b"respondent");
            for d in &q.dimensions {
                for suffix in ["mean", "percent", "band"] {
                    b.push(b',');
                    push_field(b, format!("{}_{suffix}", d.id).as_bytes());
                }
            }
            b.extend_from_slice(b",primary\n");
            self.header_written = true;
        }
        push_field(b, respondent.as_bytes());
        for s in scores {
            for value in [s.mean, s.percent] {
                b.push(b',');
                if let Some(value) = value {
                    write_f64(b, value, &mut self.ryu);
                }
            }
            b.push(b',');
            push_field(b, s.band.map_or("", |i| q.bands[i].id.as_str()).as_bytes());
        }
        b.push(b',');
        push_field(b, primary.map_or("", |p| p.id(q)).as_bytes());
        b.push(b'\n');
        if b.len() >= CSV_CHUNK {
            self.flush_rows(out)?;
        }
        Ok(())
    }

    /// Passes the collected rows on.
    pub fn flush_rows(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.buffer)?;
        self.buffer.clear();
        Ok(())
    }
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl ReportWriter for CsvWriter {
    fn write(&mut self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        self.row(
            out,
            report.questionnaire,
            report.respondent.as_deref().unwrap_or(""),
            &report.dimensions,
            report.primary.as_ref(),
        )
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.flush_rows(out)
    }
}

#[cfg(test)]
mod tests {
    use super::write_f64;
    use proptest::prelude::*;

    fn fast(value: f64) -> String {
        let mut out = Vec::new();
        write_f64(&mut out, value, &mut ryu::Buffer::new());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_print_as_display_does() {
        for value in [
            0.0,
            -0.0,
            4.0,
            100.0,
            4.5,
            58.333333333333336,
            1e-4,
            1e-7,
            1e15,
            1e21,
            -3.25,
        ] {
            assert_eq!(fast(value), value.to_string(), "{value}");
        }
    }

    proptest! {
        #[test]
        fn any_number_prints_as_display_does(value in proptest::num::f64::ANY) {
            prop_assert_eq!(fast(value), value.to_string());
        }

        #[test]
        fn scores_print_as_display_does(sum in -1000i64..1000, answered in 1i64..60) {
            let mean = sum as f64 / answered as f64;
            prop_assert_eq!(fast(mean), mean.to_string());
            let percent = (mean - 1.0) / 6.0 * 100.0;
            prop_assert_eq!(fast(percent), percent.to_string());
        }
    }
}
