//! The text report for a person at a terminal: a table of dimension scores first
//! (the scores are the result; a style is a summary of them), then the primary
//! style, the answers that weighed most, practices, and the reflection note.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets::UTF8_FULL};
use console::Style;

use super::{
    REFLECTION_NOTE, ReportWriter, bar, driver_answer, fmt_percent, fmt_percentile, fmt_score,
    primary_title, respondent_label,
};
use crate::output::{hanging, wrap};
use crate::scoring::Report;

const WIDTH: usize = 78;

pub struct TextWriter {
    heading: Style,
    emphasis: Style,
    dim: Style,
    count: usize,
}

impl TextWriter {
    pub fn new(color: bool) -> Self {
        TextWriter {
            heading: Style::new().bold().cyan().force_styling(color),
            emphasis: Style::new().bold().force_styling(color),
            dim: Style::new().dim().force_styling(color),
            count: 0,
        }
    }
}

/// The dimension table: score on the scale, percent, band, a bar, and percentile
/// when any dimension has norms.
pub fn dimension_table(report: &Report<'_>) -> Table {
    let q = report.questionnaire;
    let with_norms = report.dimensions.iter().any(|s| s.percentile.is_some());
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Disabled);
    let mut header = vec![
        Cell::new("Dimension"),
        Cell::new(format!("Score ({}-{})", q.scale.min, q.scale.max)),
        Cell::new("Percent"),
        Cell::new("Band"),
        Cell::new(""),
    ];
    if with_norms {
        header.push(Cell::new("Percentile"));
    }
    table.set_header(header);
    for s in &report.dimensions {
        let d = &q.dimensions[s.dimension];
        let mut row = vec![Cell::new(&d.name)];
        match (s.mean, s.percent, s.band) {
            (Some(mean), Some(percent), Some(band)) => {
                row.push(Cell::new(fmt_score(mean)).set_alignment(CellAlignment::Right));
                row.push(Cell::new(fmt_percent(percent)).set_alignment(CellAlignment::Right));
                row.push(Cell::new(&q.bands[band].label));
                row.push(Cell::new(bar(percent, 20)));
            }
            _ => {
                row.push(Cell::new("not scored"));
                row.push(Cell::new(""));
                row.push(Cell::new(""));
                row.push(Cell::new(format!(
                    "only {}/{} answered",
                    s.answered, s.items
                )));
            }
        }
        if with_norms {
            row.push(Cell::new(
                s.percentile.map(fmt_percentile).unwrap_or_default(),
            ));
        }
        table.add_row(row);
    }
    table
}

impl ReportWriter for TextWriter {
    fn write(&mut self, out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        let q = report.questionnaire;
        if self.count > 0 {
            writeln!(out, "\n{}\n", "─".repeat(WIDTH))?;
        }
        self.count += 1;
        writeln!(
            out,
            "{}",
            self.heading
                .apply_to(format!("{} ({} {})", q.title, q.id, q.version))
        )?;
        writeln!(out, "Respondent: {}", respondent_label(report))?;
        writeln!(out)?;
        writeln!(out, "{}", dimension_table(report))?;
        writeln!(out)?;
        if let Some(plot) = super::quadrant_plot(report) {
            writeln!(out, "{plot}")?;
        }

        match (&report.primary, primary_title(report)) {
            (Some(primary), Some(title)) => {
                writeln!(
                    out,
                    "{} {}",
                    self.emphasis.apply_to("Primary style:"),
                    title
                )?;
                let description = primary.description(q);
                if !description.is_empty() {
                    writeln!(out, "{}", wrap(description, WIDTH, 2))?;
                }
                writeln!(out, "{}", self.dim.apply_to(wrap("A style summarises the scores above; the scores themselves are the result.", WIDTH, 2)))?;
            }
            _ => writeln!(
                out,
                "{} none: too little was answered, or the scores match no profile",
                self.emphasis.apply_to("Primary style:")
            )?,
        }

        if let Some((dimension, drivers)) = &report.drivers
            && !drivers.is_empty()
        {
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                self.heading.apply_to(format!(
                    "Why: the answers that weighed most in {}",
                    q.dimensions[*dimension].name
                ))
            )?;
            for driver in drivers {
                let item = &q.items[driver.item];
                writeln!(
                    out,
                    "{}",
                    hanging(
                        "  - ",
                        &format!("\"{}\": {}", item.text, driver_answer(report, driver)),
                        WIDTH
                    )
                )?;
            }
        }

        if !report.practices.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", self.heading.apply_to("Practices to try"))?;
            for (n, &i) in report.practices.iter().enumerate() {
                let p = &q.practices[i];
                writeln!(out, "  {}. {}", n + 1, self.emphasis.apply_to(&p.title))?;
                writeln!(out, "{}", wrap(&p.text, WIDTH, 5))?;
            }
        }

        if !report.warnings.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", self.heading.apply_to("Notes"))?;
            for warning in &report.warnings {
                writeln!(out, "{}", hanging("  ! ", warning, WIDTH))?;
            }
        }

        writeln!(out)?;
        writeln!(
            out,
            "{}",
            self.dim.apply_to(wrap(REFLECTION_NOTE, WIDTH, 0))
        )?;
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
