//! `attune list` and `attune show`: what the built-ins are and what a
//! questionnaire measures, as text, JSON or Markdown.

use std::io::Write;

use comfy_table::{Table, presets::UTF8_FULL};
use serde::Serialize;

use crate::catalog;
use crate::cli::{InfoFormat, ListArgs, ShowArgs};
use crate::commands::Context;
use crate::error::Result;
use crate::output::{Output, wrap};
use crate::questionnaire::{Questionnaire, Target};

#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    items: usize,
    dimensions: Vec<&'a str>,
    minutes: u32,
    default: bool,
}

pub fn list(_context: &Context, args: ListArgs) -> Result<()> {
    let all = catalog::built_ins()?;
    let entries: Vec<ListEntry> = all
        .iter()
        .map(|q| ListEntry {
            id: &q.id,
            title: &q.title,
            version: &q.version,
            items: q.items.len(),
            dimensions: q.dimensions.iter().map(|d| d.id.as_str()).collect(),
            minutes: q.minutes,
            default: q.id == catalog::DEFAULT,
        })
        .collect();
    let mut out = Output::open(None)?;
    let text = match args.format {
        InfoFormat::Json => serde_json::to_string_pretty(&entries).unwrap_or_default() + "\n",
        InfoFormat::Markdown => {
            let mut s = String::from("| id | title | items | minutes |\n|---|---|---:|---:|\n");
            for e in &entries {
                s += &format!(
                    "| {}{} | {} | {} | {} |\n",
                    e.id,
                    if e.default { " (default)" } else { "" },
                    e.title,
                    e.items,
                    e.minutes
                );
            }
            s
        }
        InfoFormat::Text => {
            let mut table = Table::new();
            table.load_style(UTF8_FULL.with_rounded_corners());
            table.set_header(["id", "title", "items", "minutes", "dimensions"]);
            for e in &entries {
                let id = if e.default {
                    format!("{} (default)", e.id)
                } else {
                    e.id.to_string()
                };
                table.add_row([
                    id,
                    e.title.to_string(),
                    e.items.to_string(),
                    format!("~{}", e.minutes),
                    e.dimensions.join(", "),
                ]);
            }
            format!("{table}\nTake one with `attune take ID`; see inside with `attune show ID`.\n")
        }
    };
    out.write_all(text.as_bytes()).map_err(|e| out.error(e))?;
    out.finish()
}

#[derive(Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    description: &'a str,
    instructions: &'a str,
    language: &'a str,
    minutes: u32,
    scale: ScaleJson<'a>,
    dimensions: Vec<DimensionJson<'a>>,
    bands: Vec<BandJson<'a>>,
    profiles: Vec<ProfileJson<'a>>,
    practices: Vec<PracticeJson<'a>>,
}

#[derive(Serialize)]
struct ScaleJson<'a> {
    min: i64,
    max: i64,
    labels: &'a [String],
}

#[derive(Serialize)]
struct DimensionJson<'a> {
    id: &'a str,
    name: &'a str,
    summary: &'a str,
    items: Vec<&'a str>,
    reverse_keyed: Vec<&'a str>,
    min_answered: f64,
}

#[derive(Serialize)]
struct BandJson<'a> {
    id: &'a str,
    label: &'a str,
    below: Option<f64>,
}

#[derive(Serialize)]
struct ProfileJson<'a> {
    id: &'a str,
    name: &'a str,
    when: Vec<(&'a str, Vec<&'a str>)>,
}

#[derive(Serialize)]
struct PracticeJson<'a> {
    id: &'a str,
    #[serde(rename = "for")]
    targets: Vec<&'a str>,
    title: &'a str,
}

fn show_json(q: &Questionnaire) -> ShowJson<'_> {
    ShowJson {
        id: &q.id,
        title: &q.title,
        version: &q.version,
        description: &q.description,
        instructions: &q.instructions,
        language: &q.language,
        minutes: q.minutes,
        scale: ScaleJson {
            min: q.scale.min,
            max: q.scale.max,
            labels: &q.scale.labels,
        },
        dimensions: q
            .dimensions
            .iter()
            .map(|d| DimensionJson {
                id: &d.id,
                name: &d.name,
                summary: &d.summary,
                items: d.items.iter().map(|&i| q.items[i].id.as_str()).collect(),
                reverse_keyed: d
                    .items
                    .iter()
                    .filter(|&&i| q.items[i].reverse)
                    .map(|&i| q.items[i].id.as_str())
                    .collect(),
                min_answered: d.min_answered,
            })
            .collect(),
        bands: q
            .bands
            .iter()
            .map(|b| BandJson {
                id: &b.id,
                label: &b.label,
                below: b.below,
            })
            .collect(),
        profiles: q
            .profiles
            .iter()
            .map(|p| ProfileJson {
                id: &p.id,
                name: &p.name,
                when: p
                    .when
                    .iter()
                    .map(|(d, bands)| {
                        (
                            q.dimensions[*d].id.as_str(),
                            bands.iter().map(|&b| q.bands[b].id.as_str()).collect(),
                        )
                    })
                    .collect(),
            })
            .collect(),
        practices: q
            .practices
            .iter()
            .map(|p| PracticeJson {
                id: &p.id,
                targets: p.targets.iter().map(|&t| q.target_id(t)).collect(),
                title: &p.title,
            })
            .collect(),
    }
}

/// The band rule in words: "Low below 3, Moderate from 3 to below 5, High from 5".
fn band_rule(q: &Questionnaire) -> String {
    let mut lower: Option<f64> = None;
    let parts: Vec<String> = q
        .bands
        .iter()
        .map(|b| {
            let text = match (lower, b.below) {
                (None, Some(below)) => format!("{} below {below}", b.label),
                (Some(low), Some(below)) => format!("{} from {low} to below {below}", b.label),
                (Some(low), None) => format!("{} from {low} up", b.label),
                (None, None) => format!("{} for every score", b.label),
            };
            lower = b.below;
            text
        })
        .collect();
    parts.join("; ")
}

fn show_text(q: &Questionnaire, markdown: bool) -> String {
    let mut s = String::new();
    let heading = |s: &mut String, text: &str| {
        if markdown {
            s.push_str(&format!("\n## {text}\n\n"));
        } else {
            s.push_str(&format!("\n{text}\n"));
        }
    };
    if markdown {
        s += &format!("# {} ({} {})\n\n", q.title, q.id, q.version);
    } else {
        s += &format!("{} ({} {})\n", q.title, q.id, q.version);
    }
    if !q.description.is_empty() {
        s += &wrap(&q.description, 78, 0);
        s.push('\n');
    }
    s += &format!(
        "{}{} items, about {} minute{}; scale {} to {}: {}.\n",
        if markdown { "\n" } else { "" },
        q.items.len(),
        q.minutes,
        if q.minutes == 1 { "" } else { "s" },
        q.scale.min,
        q.scale.max,
        q.scale
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} = {l}", q.scale.min + i as i64))
            .collect::<Vec<_>>()
            .join(", ")
    );
    heading(&mut s, "Dimensions");
    for d in &q.dimensions {
        let reverse: Vec<&str> = d
            .items
            .iter()
            .filter(|&&i| q.items[i].reverse)
            .map(|&i| q.items[i].id.as_str())
            .collect();
        s += &format!(
            "- {} ({}): {} items, {} reverse-keyed{}; scored when at least {:.0}% are answered{}\n",
            d.name,
            d.id,
            d.items.len(),
            reverse.len(),
            if reverse.is_empty() {
                String::new()
            } else {
                format!(" ({})", reverse.join(", "))
            },
            d.min_answered * 100.0,
            d.norms
                .as_ref()
                .map(|n| format!("; norms mean {} sd {} ({})", n.mean, n.sd, n.source))
                .unwrap_or_default(),
        );
        if !d.summary.is_empty() {
            s += &format!("  {}\n", d.summary);
        }
    }
    heading(&mut s, "Bands (on the mean score)");
    s += &format!("{}.\n", band_rule(q));
    if !q.profiles.is_empty() {
        heading(
            &mut s,
            "Profiles (the first that matches is the primary style)",
        );
        for p in &q.profiles {
            let rule: Vec<String> = p
                .when
                .iter()
                .map(|(d, bands)| {
                    format!(
                        "{} {}",
                        q.dimensions[*d].id,
                        bands
                            .iter()
                            .map(|&b| q.bands[b].id.as_str())
                            .collect::<Vec<_>>()
                            .join("/")
                    )
                })
                .collect();
            s += &format!("- {} ({}): {}\n", p.name, p.id, rule.join(" and "));
        }
    } else {
        heading(&mut s, "Primary style");
        s += "The highest-scoring dimension, with any other within 5 percent points listed as a blend.\n";
    }
    if !q.practices.is_empty() {
        heading(&mut s, "Practices");
        for p in &q.practices {
            let targets: Vec<&str> = p
                .targets
                .iter()
                .map(|&t| {
                    if t == Target::Everyone {
                        "everyone"
                    } else {
                        q.target_id(t)
                    }
                })
                .collect();
            s += &format!("- {} ({}), for {}\n", p.title, p.id, targets.join(", "));
        }
    }
    s
}

pub fn show(_context: &Context, args: ShowArgs) -> Result<()> {
    let q = catalog::resolve(&args.questionnaire, None)?;
    let text = match args.format {
        InfoFormat::Json => serde_json::to_string_pretty(&show_json(&q)).unwrap_or_default() + "\n",
        InfoFormat::Text => show_text(&q, false),
        InfoFormat::Markdown => show_text(&q, true),
    };
    let mut out = Output::open(None)?;
    out.write_all(text.as_bytes()).map_err(|e| out.error(e))?;
    out.finish()
}
