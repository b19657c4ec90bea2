//! `attune history`: past results as a table per questionnaire, with the change
//! since the previous result and a sparkline per dimension; `--forget ID`
//! removes one result. Files in the history folder that cannot be read are
//! reported on stderr and skipped, never removed.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets::UTF8_FULL};
use console::Style;

use crate::catalog;
use crate::cli::{HistoryArgs, InfoFormat};
use crate::commands::Context;
use crate::error::Result;
use crate::history::{self, DimensionEntry, Forgotten, Stored, sparkline};
use crate::output::{Output, wrap};
use crate::report::REFLECTION_NOTE;

pub fn run(context: &Context, args: HistoryArgs) -> Result<()> {
    let dir = history::dir()?;
    if let Some(id) = &args.forget {
        let message = match history::forget(&dir, id)? {
            Forgotten::Result(stored) => {
                let e = &stored.entry;
                format!(
                    "Removed result {} ({}, taken {}, primary style {}).",
                    e.id,
                    e.questionnaire.title,
                    shown_time(&e.taken),
                    e.primary.as_ref().map_or("none", |p| p.name.as_str())
                )
            }
            Forgotten::Unreadable(path) => format!(
                "Removed {}, which could not be read as a result.",
                path.display()
            ),
        };
        let mut output = Output::open(None)?;
        writeln!(output, "{message}").map_err(|e| output.error(e))?;
        return output.finish();
    }

    let (mut stored, skipped) = history::load_all(&dir)?;
    for skip in &skipped {
        context.warn(&format!(
            "{}: skipped: {}; it was left as it is",
            skip.path.display(),
            skip.reason
        ));
    }
    if let Some(wanted) = &args.questionnaire {
        let id = if stored.iter().any(|s| s.entry.questionnaire.id == *wanted) {
            wanted.clone()
        } else {
            catalog::resolve(wanted, None)?.id
        };
        stored.retain(|s| s.entry.questionnaire.id == id);
    }

    let mut output = Output::open(None)?;
    let color = context.color.enabled(output.is_terminal());
    let written = if stored.is_empty() && args.format != InfoFormat::Json {
        write_empty(&mut output, args.questionnaire.as_deref())
    } else {
        match args.format {
            InfoFormat::Json => write_json(&mut output, &stored),
            InfoFormat::Text => write_text(&mut output, &stored, color),
            InfoFormat::Markdown => write_markdown(&mut output, &stored),
        }
    };
    written.map_err(|e| output.error(e))?;
    output.finish()
}

fn write_empty(out: &mut dyn Write, questionnaire: Option<&str>) -> io::Result<()> {
    match questionnaire {
        Some(q) => writeln!(
            out,
            "No results for {q} yet. Take it with `attune take {q}`: every completed quiz is kept here, so you can see how your answers change over time."
        ),
        None => writeln!(
            out,
            "No results yet. Take a questionnaire with `attune take`: every completed quiz is kept here, so you can see how your answers change over time."
        ),
    }
}

/// "2026-11-22 10:00 UTC" from the stored RFC 3339 time.
fn shown_time(taken: &str) -> String {
    match (taken.get(..10), taken.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => taken.to_string(),
    }
}

/// Results of one questionnaire, oldest first.
struct Group<'a> {
    id: &'a str,
    title: &'a str,
    results: Vec<&'a Stored>,
    /// Dimension ids and names: the newest result's, then any older ones.
    dimensions: Vec<(&'a str, &'a str)>,
}

fn groups(stored: &[Stored]) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = Vec::new();
    for s in stored {
        let q = &s.entry.questionnaire;
        match groups.iter_mut().find(|g| g.id == q.id) {
            Some(group) => group.results.push(s),
            None => groups.push(Group {
                id: &q.id,
                title: &q.title,
                results: vec![s],
                dimensions: Vec::new(),
            }),
        }
    }
    for group in &mut groups {
        if let Some(newest) = group.results.last() {
            group.title = &newest.entry.questionnaire.title;
        }
        for s in group.results.iter().rev() {
            for d in &s.entry.dimensions {
                if !group.dimensions.iter().any(|(id, _)| *id == d.id) {
                    group.dimensions.push((&d.id, &d.name));
                }
            }
        }
    }
    groups
}

/// A stored result's score on one dimension, if it has that dimension.
fn score_of<'s>(s: &'s Stored, dimension: &str) -> Option<&'s DimensionEntry> {
    s.entry.dimensions.iter().find(|d| d.id == dimension)
}

fn mean_of(s: &Stored, dimension: &str) -> Option<f64> {
    score_of(s, dimension).and_then(|d| d.mean)
}

/// "4.20 (+0.40)": the mean, and the change since the previous result.
fn score_with_change(previous: Option<&Stored>, s: &Stored, dimension: &str) -> String {
    let Some(mean) = mean_of(s, dimension) else {
        return "not scored".to_string();
    };
    match previous.and_then(|p| mean_of(p, dimension)) {
        Some(before) if (mean - before).abs() < 0.005 => format!("{mean:.2} (0.00)"),
        Some(before) => format!("{mean:.2} ({:+.2})", mean - before),
        None => format!("{mean:.2}"),
    }
}

fn primary_name(s: &Stored) -> &str {
    s.entry.primary.as_ref().map_or("none", |p| p.name.as_str())
}

/// Each row's cells: taken, primary, each dimension, id.
fn rows<'a>(group: &'a Group<'_>) -> impl Iterator<Item = Vec<String>> + 'a {
    group.results.iter().enumerate().map(move |(n, s)| {
        let previous = n.checked_sub(1).map(|p| group.results[p]);
        let mut row = vec![shown_time(&s.entry.taken), primary_name(s).to_string()];
        row.extend(
            group
                .dimensions
                .iter()
                .map(|(id, _)| score_with_change(previous, s, id)),
        );
        row.push(s.entry.id.clone());
        row
    })
}

/// Each dimension's sparkline with its first and last percent.
fn trends(group: &Group<'_>) -> Vec<(String, String)> {
    group
        .dimensions
        .iter()
        .map(|(id, name)| {
            let percents: Vec<Option<f64>> = group
                .results
                .iter()
                .map(|s| score_of(s, id).and_then(|d| d.percent))
                .collect();
            let scored: Vec<f64> = percents.iter().flatten().copied().collect();
            let span = match (scored.first(), scored.last()) {
                (Some(first), Some(last)) if scored.len() > 1 => {
                    format!("{first:.0}% to {last:.0}%")
                }
                (Some(only), _) => format!("{only:.0}%"),
                _ => "not scored".to_string(),
            };
            (
                name.to_string(),
                format!("{}  {span}", sparkline(&percents)),
            )
        })
        .collect()
}

fn write_text(out: &mut dyn Write, stored: &[Stored], color: bool) -> io::Result<()> {
    let heading = Style::new().bold().cyan().force_styling(color);
    let dim = Style::new().dim().force_styling(color);
    for (n, group) in groups(stored).iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let count = group.results.len();
        writeln!(
            out,
            "{}",
            heading.apply_to(format!(
                "{} ({}): {count} {}",
                group.title,
                group.id,
                if count == 1 { "result" } else { "results" }
            ))
        )?;
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL.with_rounded_corners())
            .set_content_arrangement(ContentArrangement::Disabled);
        let mut header = vec![Cell::new("Taken"), Cell::new("Primary style")];
        header.extend(group.dimensions.iter().map(|(_, name)| Cell::new(name)));
        header.push(Cell::new("ID"));
        table.set_header(header);
        let columns = group.dimensions.len();
        for row in rows(group) {
            table.add_row(row.into_iter().enumerate().map(|(i, text)| {
                let cell = Cell::new(text);
                if (2..2 + columns).contains(&i) {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
        }
        writeln!(out, "{table}")?;
        writeln!(
            out,
            "{}",
            dim.apply_to("Mean scores, with the change since the previous result in brackets.")
        )?;
        writeln!(out, "\nTrend, oldest to newest (percent of the scale):")?;
        let trends = trends(group);
        let width = trends
            .iter()
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0);
        for (name, line) in trends {
            writeln!(out, "  {name:<width$}  {line}")?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        dim.apply_to("Remove a result with `attune history --forget ID`.")
    )?;
    writeln!(out)?;
    writeln!(out, "{}", dim.apply_to(wrap(REFLECTION_NOTE, 78, 0)))
}

fn write_markdown(out: &mut dyn Write, stored: &[Stored]) -> io::Result<()> {
    writeln!(out, "# attune history")?;
    for group in groups(stored) {
        writeln!(out, "\n## {} (`{}`)\n", group.title, group.id)?;
        let names: Vec<&str> = group.dimensions.iter().map(|(_, n)| *n).collect();
        writeln!(
            out,
            "| Taken | Primary style | {} | ID |",
            names.join(" | ")
        )?;
        writeln!(out, "|---|---|{}---|", "---:|".repeat(names.len()))?;
        for row in rows(&group) {
            writeln!(out, "| {} |", row.join(" | "))?;
        }
        writeln!(
            out,
            "\nMean scores, with the change since the previous result in brackets.\n"
        )?;
        writeln!(out, "Trend, oldest to newest (percent of the scale):\n")?;
        for (name, line) in trends(&group) {
            writeln!(out, "- {name}: {line}")?;
        }
    }
    writeln!(out, "\n> {REFLECTION_NOTE}")
}

fn write_json(out: &mut dyn Write, stored: &[Stored]) -> io::Result<()> {
    let entries: Vec<&history::Entry> = stored.iter().map(|s| &s.entry).collect();
    serde_json::to_writer_pretty(&mut *out, &entries)?;
    out.write_all(b"\n")
}
