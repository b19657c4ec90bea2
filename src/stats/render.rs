//! The item analysis as JSON (the contract's "Item analysis" shape), as text for
//! an author at a terminal (flagged items first, each with what to check) and as
//! Markdown for a review.

use std::io::{self, Write};

use serde::Serialize;

use super::{Analysis, DimensionStats, Flag, ItemStats, WEAK_BELOW};
use crate::output::{hanging, wrap};

const WIDTH: usize = 78;

#[derive(Serialize)]
struct StatsJson<'a> {
    questionnaire: QuestionnaireJson<'a>,
    respondents: u64,
    dimensions: Vec<DimensionJson<'a>>,
}

#[derive(Serialize)]
struct QuestionnaireJson<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct DimensionJson<'a> {
    id: &'a str,
    n: u64,
    alpha: Option<f64>,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    mean: Option<f64>,
    sd: Option<f64>,
    item_total: Option<f64>,
    flag: Option<&'static str>,
}

/// The contract's JSON, numbers unrounded, unknown values `null`.
pub fn write_json(out: &mut dyn Write, analysis: &Analysis<'_>) -> io::Result<()> {
    let q = analysis.questionnaire;
    let json = StatsJson {
        questionnaire: QuestionnaireJson {
            id: &q.id,
            version: &q.version,
        },
        respondents: analysis.respondents,
        dimensions: analysis
            .dimensions
            .iter()
            .map(|d| DimensionJson {
                id: &q.dimensions[d.dimension].id,
                n: d.n,
                alpha: d.alpha,
                items: d
                    .items
                    .iter()
                    .map(|i| ItemJson {
                        id: &q.items[i.item].id,
                        mean: i.mean,
                        sd: i.sd,
                        item_total: i.item_total,
                        flag: i.flag.map(Flag::id),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")
}

/// A plain sentence about a flagged item: what is wrong and what to check.
pub fn advice(analysis: &Analysis<'_>, dimension: &DimensionStats, item: &ItemStats) -> String {
    let q = analysis.questionnaire;
    let id = &q.items[item.item].id;
    let name = &q.dimensions[dimension.dimension].name;
    let r = item.item_total.map(fmt2).unwrap_or_default();
    match item.flag {
        Some(Flag::Negative) if q.items[item.item].reverse => format!(
            "{id} correlates negatively with the rest of {name} (r = {r}): it is reverse-keyed, so check whether it should be, and whether its wording says what you meant."
        ),
        Some(Flag::Negative) => format!(
            "{id} correlates negatively with the rest of {name} (r = {r}): check whether it should be reverse-keyed (`reverse = true`)."
        ),
        Some(Flag::Weak) => format!(
            "{id} correlates only weakly with the rest of {name} (r = {r}): check whether its wording is clear and whether it measures the same thing as the other items."
        ),
        None => String::new(),
    }
}

fn flagged<'a>(
    analysis: &'a Analysis<'_>,
) -> impl Iterator<Item = (&'a DimensionStats, &'a ItemStats)> {
    // Negative correlations first: they are the likely keying mistakes.
    let of = move |flag: Flag| {
        analysis.dimensions.iter().flat_map(move |d| {
            d.items
                .iter()
                .filter(move |i| i.flag == Some(flag))
                .map(move |i| (d, i))
        })
    };
    of(Flag::Negative).chain(of(Flag::Weak))
}

fn fmt2(value: f64) -> String {
    format!("{value:.2}")
}

fn opt2(value: Option<f64>) -> String {
    value.map(fmt2).unwrap_or_else(|| "-".to_string())
}

/// Why a dimension has no alpha, when it has none.
fn no_alpha_reason(analysis: &Analysis<'_>, d: &DimensionStats) -> Option<String> {
    if d.alpha.is_some() {
        return None;
    }
    let k = analysis.questionnaire.dimensions[d.dimension].items.len();
    Some(if k < 2 {
        "alpha needs at least two items".to_string()
    } else if d.n < 2 {
        "fewer than two respondents answered every item".to_string()
    } else {
        "the totals do not vary, so alpha is undefined".to_string()
    })
}

fn respondents_line(analysis: &Analysis<'_>, source: &str) -> String {
    let q = analysis.questionnaire;
    format!(
        "Item analysis of {} ({} {}): {} respondent{} in {source}",
        q.title,
        q.id,
        q.version,
        analysis.respondents,
        if analysis.respondents == 1 { "" } else { "s" }
    )
}

/// The text report: flagged items first, then one table per dimension.
pub fn write_text(out: &mut dyn Write, analysis: &Analysis<'_>, source: &str) -> io::Result<()> {
    let q = analysis.questionnaire;
    writeln!(out, "{}", respondents_line(analysis, source))?;
    writeln!(out)?;
    let mut any = false;
    for (d, i) in flagged(analysis) {
        if !any {
            writeln!(out, "Check these items first:")?;
            any = true;
        }
        writeln!(out, "{}", hanging("  ! ", &advice(analysis, d, i), WIDTH))?;
    }
    if any {
        writeln!(out)?;
    } else if analysis.dimensions.iter().all(|d| d.alpha.is_some()) {
        writeln!(
            out,
            "No item is flagged: each correlates at least {WEAK_BELOW} with the rest of its dimension."
        )?;
        writeln!(out)?;
    }
    // Room for the longest id and its " (R)" mark.
    let id_width = q.items.iter().map(|i| i.id.len() + 4).max().unwrap_or(4);
    for d in &analysis.dimensions {
        let spec = &q.dimensions[d.dimension];
        let alpha = match (d.alpha, no_alpha_reason(analysis, d)) {
            (Some(a), _) => format!("alpha {}", fmt2(a)),
            (None, Some(reason)) => format!("no alpha ({reason})"),
            (None, None) => "no alpha".to_string(),
        };
        writeln!(
            out,
            "{}: {alpha}; n = {} answered all {} items",
            spec.name,
            d.n,
            spec.items.len()
        )?;
        writeln!(
            out,
            "  {:<id_width$}  {:>6}  {:>6}  {:>10}  flag",
            "item", "mean", "SD", "item-total"
        )?;
        for i in &d.items {
            let item = &q.items[i.item];
            let id = if item.reverse {
                format!("{} (R)", item.id)
            } else {
                item.id.clone()
            };
            let line = format!(
                "  {:<id_width$}  {:>6}  {:>6}  {:>10}  {}",
                id,
                opt2(i.mean),
                opt2(i.sd),
                opt2(i.item_total),
                i.flag.map(Flag::id).unwrap_or("")
            );
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}",
        wrap(
            "Statistics are on keyed answers (reverse items, marked (R), reversed from the scale), over respondents who answered every item of the dimension. Item-total is the correlation of an item with the sum of the dimension's other items: negative suggests a keying mistake, below 0.2 an item that measures something else.",
            WIDTH,
            0
        )
    )?;
    Ok(())
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The Markdown report: the same content as text, as lists and tables.
pub fn write_markdown(
    out: &mut dyn Write,
    analysis: &Analysis<'_>,
    source: &str,
) -> io::Result<()> {
    let q = analysis.questionnaire;
    writeln!(out, "# {}\n", cell(&respondents_line(analysis, source)))?;
    let mut any = false;
    for (d, i) in flagged(analysis) {
        if !any {
            writeln!(out, "## Check these items first\n")?;
            any = true;
        }
        writeln!(out, "- {}", advice(analysis, d, i))?;
    }
    if any {
        writeln!(out)?;
    }
    for d in &analysis.dimensions {
        let spec = &q.dimensions[d.dimension];
        writeln!(out, "## {}\n", cell(&spec.name))?;
        match (d.alpha, no_alpha_reason(analysis, d)) {
            (Some(a), _) => writeln!(
                out,
                "Cronbach's alpha {} over n = {} respondents who answered all {} items.\n",
                fmt2(a),
                d.n,
                spec.items.len()
            )?,
            (None, reason) => writeln!(
                out,
                "No alpha ({}); n = {}.\n",
                reason.unwrap_or_default(),
                d.n
            )?,
        }
        writeln!(out, "| Item | Reverse | Mean | SD | Item-total | Flag |")?;
        writeln!(out, "|---|---|---:|---:|---:|---|")?;
        for i in &d.items {
            let item = &q.items[i.item];
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&item.id),
                if item.reverse { "yes" } else { "" },
                opt2(i.mean),
                opt2(i.sd),
                opt2(i.item_total),
                i.flag.map(Flag::id).unwrap_or("")
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
