//! The Markdown report, for sharing with a therapist or partner: the same content
//! as the text report, as headings, a table and lists.

use std::io::{self, Write};

use super::{
    REFLECTION_NOTE, ReportWriter, driver_answer, fmt_percent, fmt_percentile, fmt_score,
    primary_title, respondent_label,
};
use crate::scoring::Report;

#[derive(Default)]
pub struct MarkdownWriter {
    count: usize,
}

/// Escapes the characters that would break a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

impl ReportWriter for MarkdownWriter {
    fn write(&mut self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        let q = report.questionnaire;
        if self.count > 0 {
            writeln!(out, "\n---\n")?;
        }
        self.count += 1;
        writeln!(out, "# {}: {}\n", q.title, cell(respondent_label(report)))?;
        writeln!(
            out,
            "Questionnaire `{}` version {}, scale {} to {}.\n",
            q.id, q.version, q.scale.min, q.scale.max
        )?;
        let with_norms = report.dimensions.iter().any(|s| s.percentile.is_some());
        let (extra_head, extra_rule) = if with_norms {
            (" Percentile |", "---:|")
        } else {
            ("", "")
        };
        writeln!(
            out,
            "| Dimension | Score | Percent | Band | Answered |{extra_head}"
        )?;
        writeln!(out, "|---|---:|---:|---|---:|{extra_rule}")?;
        for s in &report.dimensions {
            let d = &q.dimensions[s.dimension];
            let (score, percent, band) = match (s.mean, s.percent, s.band) {
                (Some(m), Some(p), Some(b)) => {
                    (fmt_score(m), fmt_percent(p), cell(&q.bands[b].label))
                }
                _ => ("not scored".to_string(), String::new(), String::new()),
            };
            let percentile = if with_norms {
                format!(
                    " {} |",
                    s.percentile.map(fmt_percentile).unwrap_or_default()
                )
            } else {
                String::new()
            };
            writeln!(
                out,
                "| {} | {score} | {percent} | {band} | {}/{} |{percentile}",
                cell(&d.name),
                s.answered,
                s.items
            )?;
        }
        writeln!(out)?;
        if let Some(plot) = super::quadrant_plot(report) {
            writeln!(out, "```text\n{plot}```\n")?;
        }
        match (&report.primary, primary_title(report)) {
            (Some(primary), Some(title)) => {
                writeln!(out, "## Primary style: {title}\n")?;
                let description = primary.description(q);
                if !description.is_empty() {
                    writeln!(out, "{description}\n")?;
                }
            }
            _ => writeln!(
                out,
                "## Primary style: none\n\nToo little was answered, or the scores match no profile.\n"
            )?,
        }
        if let Some((dimension, drivers)) = &report.drivers
            && !drivers.is_empty()
        {
            writeln!(
                out,
                "## The answers that weighed most in {}\n",
                q.dimensions[*dimension].name
            )?;
            for driver in drivers {
                writeln!(
                    out,
                    "- \"{}\": {}",
                    q.items[driver.item].text,
                    driver_answer(report, driver)
                )?;
            }
            writeln!(out)?;
        }
        if !report.practices.is_empty() {
            writeln!(out, "## Practices to try\n")?;
            for (n, &i) in report.practices.iter().enumerate() {
                let p = &q.practices[i];
                writeln!(out, "{}. **{}** {}", n + 1, p.title, p.text)?;
            }
            writeln!(out)?;
        }
        if !report.warnings.is_empty() {
            writeln!(out, "## Notes\n")?;
            for warning in &report.warnings {
                writeln!(out, "- {warning}")?;
            }
            writeln!(out)?;
        }
        writeln!(out, "> {REFLECTION_NOTE}")?;
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
