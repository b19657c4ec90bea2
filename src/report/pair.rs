//! Rendering a comparison of two people (`attune compare`): text for a terminal,
//! Markdown for sharing, JSON for scripts. All three render the one `Pair` model,
//! so they cannot disagree; JSON reuses the single report's dimension and primary
//! objects, so a script reads a person the same way in both.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets::UTF8_FULL};
use console::Style;
use serde::Serialize;

use super::json::{DimensionJson, PracticeJson, PrimaryJson, QuestionnaireRef, ScaleRef};
use super::{REFLECTION_NOTE, fmt_percent, fmt_score, json_report, respondent_label};
use crate::compare::{Difference, Pair};
use crate::output::{hanging, wrap};
use crate::questionnaire::FORMAT;
use crate::scoring::Report;

const WIDTH: usize = 78;

/// A primary style for a table cell: "Anxious", "Anxious + Secure" for a blend,
/// "none" without one.
fn primary_short(report: &Report<'_>) -> String {
    let q = report.questionnaire;
    match &report.primary {
        None => "none".to_string(),
        Some(primary) => {
            let mut names = vec![primary.name(q)];
            names.extend(
                primary
                    .blend()
                    .iter()
                    .map(|&d| q.dimensions[d].name.as_str()),
            );
            names.join(" + ")
        }
    }
}

/// "5.25  71%  High" for one person's dimension, or why it is not scored.
fn score_cell(report: &Report<'_>, dimension: usize) -> String {
    let q = report.questionnaire;
    let s = &report.dimensions[dimension];
    match (s.mean, s.percent, s.band) {
        (Some(mean), Some(percent), Some(band)) => format!(
            "{}  {:>4}  {}",
            fmt_score(mean),
            fmt_percent(percent),
            q.bands[band].label
        ),
        _ => format!("not scored ({}/{})", s.answered, s.items),
    }
}

/// The second person's mean minus the first's, signed.
fn change(pair: &Pair<'_>, dimension: usize) -> String {
    match (
        pair.people[0].dimensions[dimension].mean,
        pair.people[1].dimensions[dimension].mean,
    ) {
        (Some(a), Some(b)) if (b - a).abs() < 0.005 => "0.00".to_string(),
        (Some(a), Some(b)) => format!("{:+.2}", b - a),
        _ => String::new(),
    }
}

/// How one answer reads: "6 (Agree)".
fn answer(pair: &Pair<'_>, value: i64) -> String {
    match pair.questionnaire.scale.label(value) {
        Some(label) => format!("{value} ({label})"),
        None => value.to_string(),
    }
}

fn names<'a>(pair: &'a Pair<'_>) -> [&'a str; 2] {
    [
        respondent_label(&pair.people[0]),
        respondent_label(&pair.people[1]),
    ]
}

/// The side-by-side table for the terminal.
fn table(pair: &Pair<'_>) -> Table {
    let q = pair.questionnaire;
    let [a, b] = names(pair);
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            Cell::new("Dimension"),
            Cell::new(a),
            Cell::new(b),
            Cell::new("Difference"),
        ]);
    for (d, dimension) in q.dimensions.iter().enumerate() {
        table.add_row(vec![
            Cell::new(&dimension.name),
            Cell::new(score_cell(&pair.people[0], d)),
            Cell::new(score_cell(&pair.people[1], d)),
            Cell::new(change(pair, d)).set_alignment(CellAlignment::Right),
        ]);
    }
    table.add_row(vec![
        Cell::new("Primary style"),
        Cell::new(primary_short(&pair.people[0])),
        Cell::new(primary_short(&pair.people[1])),
        Cell::new(""),
    ]);
    table
}

/// The comparison for a person at a terminal.
pub fn write_text(out: &mut dyn Write, pair: &Pair<'_>, color: bool) -> io::Result<()> {
    let heading = Style::new().bold().cyan().force_styling(color);
    let emphasis = Style::new().bold().force_styling(color);
    let dim = Style::new().dim().force_styling(color);
    let q = pair.questionnaire;
    let [a, b] = names(pair);
    writeln!(
        out,
        "{}",
        heading.apply_to(format!("{} ({} {})", q.title, q.id, q.version))
    )?;
    writeln!(out, "Comparing {a} and {b}\n")?;
    writeln!(out, "{}", table(pair))?;
    writeln!(
        out,
        "{}",
        dim.apply_to(wrap(
            &format!(
                "Scores are on the {}-{} scale, with percent of the way up it and band. Difference is {b}'s score minus {a}'s.",
                q.scale.min, q.scale.max
            ),
            WIDTH,
            0
        ))
    )?;

    writeln!(out)?;
    writeln!(
        out,
        "{}",
        heading.apply_to("Where your answers differ most")
    )?;
    if pair.differences.is_empty() {
        writeln!(
            out,
            "{}",
            wrap("No item was answered differently by both of you.", WIDTH, 2)
        )?;
    }
    for d in &pair.differences {
        writeln!(
            out,
            "{}",
            hanging("  - ", &format!("\"{}\"", q.items[d.item].text), WIDTH)
        )?;
        writeln!(out, "{}", wrap(&difference_line(pair, d, a, b), WIDTH, 4))?;
    }

    if !pair.pair_practices.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", heading.apply_to("Practices for the two of you"))?;
        for (n, &i) in pair.pair_practices.iter().enumerate() {
            let p = &q.pair_practices[i];
            writeln!(out, "  {}. {}", n + 1, emphasis.apply_to(&p.title))?;
            writeln!(out, "{}", wrap(&p.text, WIDTH, 5))?;
        }
    }

    if !pair.conversation.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            heading.apply_to("Questions for a heart-to-heart")
        )?;
        writeln!(
            out,
            "{}",
            dim.apply_to(wrap(
                "Pick one at a calm moment. Listen more than you talk, and sum up what you heard before you answer in turn.",
                WIDTH,
                2
            ))
        )?;
        for (n, &i) in pair.conversation.iter().enumerate() {
            writeln!(
                out,
                "{}",
                hanging(&format!("  {}. ", n + 1), &q.conversation[i].text, WIDTH)
            )?;
        }
    }

    if !pair.warnings.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", heading.apply_to("Notes"))?;
        for warning in &pair.warnings {
            writeln!(out, "{}", wrap(&format!("! {warning}"), WIDTH, 2))?;
        }
    }

    writeln!(out)?;
    writeln!(out, "{}", dim.apply_to(wrap(REFLECTION_NOTE, WIDTH, 0)))
}

fn difference_line(pair: &Pair<'_>, d: &Difference, a: &str, b: &str) -> String {
    let mut line = format!(
        "{a} answered {}, {b} answered {}: {} {} apart",
        answer(pair, d.a),
        answer(pair, d.b),
        d.difference,
        if d.difference == 1 { "point" } else { "points" }
    );
    if pair.questionnaire.items[d.item].reverse {
        line.push_str(" (worded the other way, so it counts reversed)");
    }
    line
}

/// Escapes the characters that would break a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The comparison as Markdown, for sharing.
pub fn write_markdown(out: &mut dyn Write, pair: &Pair<'_>) -> io::Result<()> {
    let q = pair.questionnaire;
    let [a, b] = names(pair);
    writeln!(out, "# {}: {} and {}\n", q.title, cell(a), cell(b))?;
    writeln!(
        out,
        "Questionnaire `{}` version {}, scale {} to {}. Each cell shows the score, the percent of the way up the scale, and the band; the difference is {b}'s score minus {a}'s.\n",
        q.id, q.version, q.scale.min, q.scale.max
    )?;
    writeln!(
        out,
        "| Dimension | {} | {} | Difference |",
        cell(a),
        cell(b)
    )?;
    writeln!(out, "|---|---|---|---:|")?;
    for (d, dimension) in q.dimensions.iter().enumerate() {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&dimension.name),
            cell(&score_cell(&pair.people[0], d)),
            cell(&score_cell(&pair.people[1], d)),
            change(pair, d)
        )?;
    }
    writeln!(
        out,
        "| **Primary style** | {} | {} | |\n",
        cell(&primary_short(&pair.people[0])),
        cell(&primary_short(&pair.people[1]))
    )?;

    writeln!(out, "## Where your answers differ most\n")?;
    if pair.differences.is_empty() {
        writeln!(out, "No item was answered differently by both of you.\n")?;
    } else {
        for d in &pair.differences {
            writeln!(
                out,
                "- \"{}\": {}",
                q.items[d.item].text,
                difference_line(pair, d, a, b)
            )?;
        }
        writeln!(out)?;
    }
    if !pair.pair_practices.is_empty() {
        writeln!(out, "## Practices for the two of you\n")?;
        for (n, &i) in pair.pair_practices.iter().enumerate() {
            let p = &q.pair_practices[i];
            writeln!(out, "{}. **{}** {}", n + 1, p.title, p.text)?;
        }
        writeln!(out)?;
    }
    if !pair.conversation.is_empty() {
        writeln!(out, "## Questions for a heart-to-heart\n")?;
        writeln!(
            out,
            "Pick one at a calm moment. Listen more than you talk, and sum up what you heard before you answer in turn.\n"
        )?;
        for (n, &i) in pair.conversation.iter().enumerate() {
            writeln!(out, "{}. {}", n + 1, q.conversation[i].text)?;
        }
        writeln!(out)?;
    }
    if !pair.warnings.is_empty() {
        writeln!(out, "## Notes\n")?;
        for warning in &pair.warnings {
            writeln!(out, "- {warning}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "> {REFLECTION_NOTE}")
}

/// The JSON view of a comparison.
#[derive(Serialize)]
pub struct PairJson<'a> {
    pub format: i64,
    pub questionnaire: QuestionnaireRef<'a>,
    pub scale: ScaleRef,
    pub people: Vec<PersonJson<'a>>,
    pub differences: Vec<DifferenceJson<'a>>,
    pub pair_practices: Vec<PracticeJson<'a>>,
    pub conversation: Vec<QuestionJson<'a>>,
    pub warnings: &'a [String],
    pub note: &'static str,
}

/// One person: the same `dimensions` and `primary` objects as `score --format json`.
#[derive(Serialize)]
pub struct PersonJson<'a> {
    pub respondent: Option<&'a str>,
    pub dimensions: Vec<DimensionJson<'a>>,
    pub primary: Option<PrimaryJson<'a>>,
}

#[derive(Serialize)]
pub struct DifferenceJson<'a> {
    pub item: &'a str,
    pub text: &'a str,
    pub a: i64,
    pub b: i64,
    pub difference: i64,
}

#[derive(Serialize)]
pub struct QuestionJson<'a> {
    pub id: &'a str,
    pub text: &'a str,
}

pub fn json<'a>(pair: &'a Pair<'_>) -> PairJson<'a> {
    let q = pair.questionnaire;
    PairJson {
        format: FORMAT,
        questionnaire: QuestionnaireRef {
            id: &q.id,
            version: &q.version,
            title: &q.title,
        },
        scale: ScaleRef {
            min: q.scale.min,
            max: q.scale.max,
        },
        people: pair
            .people
            .iter()
            .map(|report| {
                let single = json_report(report);
                PersonJson {
                    respondent: single.respondent,
                    dimensions: single.dimensions,
                    primary: single.primary,
                }
            })
            .collect(),
        differences: pair
            .differences
            .iter()
            .map(|d| DifferenceJson {
                item: &q.items[d.item].id,
                text: &q.items[d.item].text,
                a: d.a,
                b: d.b,
                difference: d.difference,
            })
            .collect(),
        pair_practices: pair
            .pair_practices
            .iter()
            .map(|&i| {
                let p = &q.pair_practices[i];
                PracticeJson {
                    id: &p.id,
                    title: &p.title,
                    text: &p.text,
                }
            })
            .collect(),
        conversation: pair
            .conversation
            .iter()
            .map(|&i| QuestionJson {
                id: &q.conversation[i].id,
                text: &q.conversation[i].text,
            })
            .collect(),
        warnings: &pair.warnings,
        note: REFLECTION_NOTE,
    }
}

/// The comparison as one pretty JSON object.
pub fn write_json(out: &mut dyn Write, pair: &Pair<'_>) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &json(pair))?;
    out.write_all(b"\n")
}
