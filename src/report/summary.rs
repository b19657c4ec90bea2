//! The summary of a scored respondent table, for `score --format text|markdown`
//! on a CSV file: a million individual reports help nobody at a terminal, so
//! this shows the distribution instead. It accumulates as rows stream past
//! (Welford's running mean and variance), so memory does not grow with rows.

use std::io::{self, Write};

use crate::questionnaire::Questionnaire;
use crate::scoring::{DimensionScore, Primary};

/// Running distribution of one dimension's mean scores.
#[derive(Debug, Clone, Default)]
struct Distribution {
    scored: u64,
    mean: f64,
    /// Sum of squared deviations from the running mean (Welford).
    m2: f64,
    bands: Vec<u64>,
}

impl Distribution {
    fn add(&mut self, x: f64, band: usize) {
        self.scored += 1;
        let delta = x - self.mean;
        self.mean += delta / self.scored as f64;
        self.m2 += delta * (x - self.mean);
        if let Some(count) = self.bands.get_mut(band) {
            *count += 1;
        }
    }

    /// Sample standard deviation; `None` below two scores.
    fn sd(&self) -> Option<f64> {
        (self.scored >= 2).then(|| (self.m2 / (self.scored - 1) as f64).sqrt())
    }
}

/// Counts and distributions over every respondent of a table.
#[derive(Debug, Clone)]
pub struct Summary<'q> {
    questionnaire: &'q Questionnaire,
    source: String,
    respondents: u64,
    dimensions: Vec<Distribution>,
    /// Per profile when the questionnaire declares profiles, else per dimension.
    primary: Vec<u64>,
    no_primary: u64,
}

impl<'q> Summary<'q> {
    pub fn new(questionnaire: &'q Questionnaire, source: &str) -> Self {
        let styles = if questionnaire.profiles.is_empty() {
            questionnaire.dimensions.len()
        } else {
            questionnaire.profiles.len()
        };
        Summary {
            questionnaire,
            source: source.to_string(),
            respondents: 0,
            dimensions: vec![
                Distribution {
                    bands: vec![0; questionnaire.bands.len()],
                    ..Distribution::default()
                };
                questionnaire.dimensions.len()
            ],
            primary: vec![0; styles],
            no_primary: 0,
        }
    }

    /// Adds one respondent's scores and primary style.
    pub fn add(&mut self, scores: &[DimensionScore], primary: Option<&Primary>) {
        self.respondents += 1;
        for (score, distribution) in scores.iter().zip(&mut self.dimensions) {
            if let (Some(mean), Some(band)) = (score.mean, score.band) {
                distribution.add(mean, band);
            }
        }
        let index = match primary {
            Some(Primary::Profile { index }) | Some(Primary::Dimension { index, .. }) => {
                Some(*index)
            }
            None => None,
        };
        match index.and_then(|i| self.primary.get_mut(i)) {
            Some(count) => *count += 1,
            None => self.no_primary += 1,
        }
    }

    fn style_names(&self) -> Vec<&'q str> {
        let q = self.questionnaire;
        if q.profiles.is_empty() {
            q.dimensions.iter().map(|d| d.name.as_str()).collect()
        } else {
            q.profiles.iter().map(|p| p.name.as_str()).collect()
        }
    }

    fn heading(&self) -> String {
        let q = self.questionnaire;
        format!(
            "{} respondent{} in {}, scored with {} ({} {})",
            self.respondents,
            if self.respondents == 1 { "" } else { "s" },
            self.source,
            q.title,
            q.id,
            q.version
        )
    }

    /// One row per dimension: scored, not scored, mean, SD, then a count per band.
    fn dimension_rows(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let q = self.questionnaire;
        let mut header: Vec<String> = ["Dimension", "Scored", "Not scored", "Mean", "SD"]
            .map(String::from)
            .to_vec();
        header.extend(q.bands.iter().map(|b| b.label.clone()));
        let rows = q
            .dimensions
            .iter()
            .zip(&self.dimensions)
            .map(|(spec, d)| {
                let mut row = vec![
                    spec.name.clone(),
                    d.scored.to_string(),
                    (self.respondents - d.scored).to_string(),
                    if d.scored > 0 {
                        format!("{:.2}", d.mean)
                    } else {
                        "-".to_string()
                    },
                    d.sd().map_or("-".to_string(), |s| format!("{s:.2}")),
                ];
                row.extend(d.bands.iter().map(|c| with_share(*c, d.scored)));
                row
            })
            .collect();
        (header, rows)
    }

    fn primary_rows(&self) -> Vec<Vec<String>> {
        let mut rows: Vec<Vec<String>> = self
            .style_names()
            .into_iter()
            .zip(&self.primary)
            .map(|(name, count)| vec![name.to_string(), with_share(*count, self.respondents)])
            .collect();
        rows.push(vec![
            "none".to_string(),
            with_share(self.no_primary, self.respondents),
        ]);
        rows
    }

    /// The summary as aligned plain text.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", self.heading())?;
        writeln!(out)?;
        let (header, rows) = self.dimension_rows();
        write_columns(out, &header, &rows)?;
        writeln!(out)?;
        let header = ["Primary style", "Respondents"].map(String::from);
        write_columns(out, &header, &self.primary_rows())?;
        writeln!(out)?;
        writeln!(out, "{}", crate::output::wrap(NOTE, 78, 0))
    }

    /// The summary as Markdown tables.
    pub fn write_markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "# {}\n", cell(&self.heading()))?;
        let (header, rows) = self.dimension_rows();
        write_markdown_table(out, &header, &rows)?;
        writeln!(out)?;
        let header = ["Primary style", "Respondents"].map(String::from);
        write_markdown_table(out, &header, &self.primary_rows())?;
        writeln!(out, "\n> {NOTE}")
    }
}

const NOTE: &str = "Bands count scored respondents; a dimension is not scored when too few of its items were answered. attune is a reflection aid, not a diagnosis.";

/// "120 (12.0%)" of a total.
fn with_share(count: u64, total: u64) -> String {
    if total == 0 {
        count.to_string()
    } else {
        format!("{count} ({:.1}%)", 100.0 * count as f64 / total as f64)
    }
}

/// Columns padded to their widest cell: the first left-aligned, numbers right.
fn write_columns(out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .chain(std::iter::once(&header[c]))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let mut line = String::new();
        for (c, text) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(text.chars().count());
            if c == 0 {
                line.push_str(text);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(text);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn write_markdown_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", line(header))?;
    let rule: Vec<&str> = (0..header.len())
        .map(|c| if c == 0 { "---" } else { "---:" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Distribution;

    #[test]
    fn welford_matches_the_two_pass_formula() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32,
        // sample variance 32 / 7.
        let mut d = Distribution {
            bands: vec![0],
            ..Distribution::default()
        };
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            d.add(x, 0);
        }
        assert!((d.mean - 5.0).abs() < 1e-12);
        assert!((d.sd().unwrap() - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        assert_eq!(d.bands, vec![8]);
    }
}
