//! The meaning checks `attune check` runs after reading: ids unique, references
//! resolved, the scale and bands consistent. Every problem is collected.

use std::collections::HashMap;

use crate::diagnostic::did_you_mean;
use crate::toml_reader::{Located, Reader};

use super::load::RawQuestionnaire;
use super::{
    Band, Conversation, Dimension, FORMAT, Item, Norms, PairPractice, Practice, Profile,
    Questionnaire, Scale, Target,
};

/// Seconds a typical person needs per item, for the default `minutes`.
const SECONDS_PER_ITEM: usize = 12;

pub(super) fn validate(r: &mut Reader<'_>, raw: RawQuestionnaire) -> Option<Questionnaire> {
    if let Some(format) = &raw.format
        && format.value != FORMAT
    {
        r.error(
            format.span.clone(),
            format!("unsupported format {}", format.value),
            format!("this version of attune reads `format = {FORMAT}`"),
        );
    }

    let meta = raw.meta?;
    if let Some(id) = &meta.id
        && !is_questionnaire_id(&id.value)
    {
        r.error(
            id.span.clone(),
            format!("questionnaire id `{}` is not allowed", id.value),
            "use only lowercase letters, digits and hyphens, e.g. \"my-questionnaire\"",
        );
    }
    if let Some(minutes) = &meta.minutes
        && minutes.value < 1
    {
        r.error(
            minutes.span.clone(),
            "`minutes` must be at least 1",
            "estimate the minutes a person needs, e.g. `minutes = 5`",
        );
    }

    let scale = raw.scale.and_then(|s| scale(r, s));
    let bands = bands(r, &raw.bands, raw.meta_span.clone());

    let mut dimensions = Vec::new();
    unique(r, "dimension", raw.dimensions.iter().map(|d| &d.id));
    for d in &raw.dimensions {
        check_id(r, "dimension", &d.id);
        if let Some(m) = &d.min_answered
            && !(m.value > 0.0 && m.value <= 1.0)
        {
            r.error(
                m.span.clone(),
                format!(
                    "`min_answered` must be above 0 and at most 1, not {}",
                    m.value
                ),
                "give the share of items that must be answered, e.g. 0.8 for 80%",
            );
        }
        let norms = d.norms.as_ref().and_then(|n| {
            if let Some(sd) = &n.sd
                && sd.value <= 0.0
            {
                r.error(
                    sd.span.clone(),
                    format!("norms `sd` must be greater than 0, not {}", sd.value),
                    "give the standard deviation from the norm sample; it is always positive",
                );
            }
            if let Some(count) = &n.n
                && count.value < 1
            {
                r.error(
                    count.span.clone(),
                    "norms `n` must be at least 1",
                    "give the size of the norm sample",
                );
            }
            Some(Norms {
                mean: n.mean.as_ref()?.value,
                sd: n.sd.as_ref()?.value,
                n: n.n.as_ref().and_then(|c| u64::try_from(c.value).ok()),
                source: text(&n.source),
            })
        });
        dimensions.push(Dimension {
            id: text(&d.id),
            name: text(&d.name),
            summary: text(&d.summary),
            description: text(&d.description),
            min_answered: d.min_answered.as_ref().map_or(0.8, |m| m.value),
            norms,
            items: Vec::new(),
        });
    }
    if raw.dimensions.is_empty() {
        r.error(
            0..0,
            "the questionnaire has no dimensions",
            "add at least one [[dimensions]] section with an `id` and a `name`",
        );
    }
    let dimension_ids: Vec<&str> = raw
        .dimensions
        .iter()
        .filter_map(|d| d.id.as_ref())
        .map(|d| d.value.as_str())
        .collect();

    let mut items = Vec::new();
    unique(r, "item", raw.items.iter().map(|i| &i.id));
    for item in &raw.items {
        check_id(r, "item", &item.id);
        let dimension = item
            .dimension
            .as_ref()
            .and_then(|d| lookup(r, "dimension", d, &dimension_ids));
        if let Some(dimension) = dimension {
            dimensions[dimension].items.push(items.len());
        }
        items.push(Item {
            id: text(&item.id),
            dimension: dimension.unwrap_or(0),
            text: text(&item.text),
            reverse: item.reverse.as_ref().is_some_and(|r| r.value),
        });
    }
    if raw.items.is_empty() {
        r.error(
            0..0,
            "the questionnaire has no items",
            "add [[items]] sections, each with an `id`, a `dimension` and a `text`",
        );
    }
    for (raw_dimension, dimension) in raw.dimensions.iter().zip(&dimensions) {
        if dimension.items.is_empty() && raw_dimension.id.is_some() {
            r.error(
                raw_dimension
                    .id
                    .as_ref()
                    .map_or(raw_dimension.span.clone(), |i| i.span.clone()),
                format!("dimension `{}` has no items", dimension.id),
                format!(
                    "add [[items]] with `dimension = \"{}\"`, or remove the dimension",
                    dimension.id
                ),
            );
        }
    }

    let band_ids: Vec<&str> = raw
        .bands
        .iter()
        .filter_map(|b| b.id.as_ref())
        .map(|b| b.value.as_str())
        .collect();
    let mut profiles = Vec::new();
    unique(r, "profile", raw.profiles.iter().map(|p| &p.id));
    for p in &raw.profiles {
        check_id(r, "profile", &p.id);
        if let Some(id) = &p.id
            && dimension_ids.contains(&id.value.as_str())
        {
            r.error(
                id.span.clone(),
                format!("profile id `{}` is also a dimension id", id.value),
                "give the profile its own id so practices can tell them apart",
            );
        }
        let mut when = Vec::new();
        for (dimension, accepted) in &p.when {
            let d = lookup(r, "dimension", dimension, &dimension_ids);
            let accepted: Vec<usize> = accepted
                .iter()
                .flat_map(|list| list.value.iter())
                .filter_map(|b| lookup(r, "band", b, &band_ids))
                .collect();
            if let Some(d) = d {
                when.push((d, accepted));
            }
        }
        profiles.push(Profile {
            id: text(&p.id),
            name: text(&p.name),
            description: text(&p.description),
            when,
        });
    }
    let profile_ids: Vec<&str> = raw
        .profiles
        .iter()
        .filter_map(|p| p.id.as_ref())
        .map(|p| p.value.as_str())
        .collect();
    let resolve =
        |r: &mut Reader<'_>, id: &Located<String>| target(r, id, &dimension_ids, &profile_ids);

    let mut practices = Vec::new();
    unique(r, "practice", raw.practices.iter().map(|p| &p.id));
    for p in &raw.practices {
        check_id(r, "practice", &p.id);
        let targets = p
            .targets
            .iter()
            .flat_map(|l| l.value.iter())
            .filter_map(|t| resolve(r, t))
            .collect();
        let when = match &p.when {
            Some(list) => list
                .value
                .iter()
                .filter_map(|b| lookup(r, "band", b, &band_ids))
                .collect(),
            None => raw.bands.len().checked_sub(1).into_iter().collect(),
        };
        practices.push(Practice {
            id: text(&p.id),
            targets,
            when,
            title: text(&p.title),
            text: text(&p.text),
        });
    }

    let mut pair_practices = Vec::new();
    unique(r, "pair practice", raw.pair_practices.iter().map(|p| &p.id));
    for p in &raw.pair_practices {
        check_id(r, "pair practice", &p.id);
        let Some(list) = &p.pair else { continue };
        if list.value.len() != 2 {
            r.error(list.span.clone(), format!("`pair` must name exactly two styles, not {}", list.value.len()), "write two style ids (dimension or profile ids, or \"*\"), e.g. pair = [\"anxious\", \"avoidant\"]");
            continue;
        }
        let first = resolve(r, &list.value[0]);
        let second = resolve(r, &list.value[1]);
        if let (Some(a), Some(b)) = (first, second) {
            pair_practices.push(PairPractice {
                id: text(&p.id),
                pair: [a, b],
                title: text(&p.title),
                text: text(&p.text),
            });
        }
    }

    let mut conversation = Vec::new();
    unique(
        r,
        "conversation question",
        raw.conversation.iter().map(|c| &c.id),
    );
    for c in &raw.conversation {
        check_id(r, "conversation question", &c.id);
        let targets = c
            .targets
            .iter()
            .flat_map(|l| l.value.iter())
            .filter_map(|t| resolve(r, t))
            .collect();
        conversation.push(Conversation {
            id: text(&c.id),
            targets,
            text: text(&c.text),
        });
    }

    let minutes = meta
        .minutes
        .as_ref()
        .and_then(|m| u32::try_from(m.value).ok())
        .unwrap_or_else(|| {
            u32::try_from((items.len() * SECONDS_PER_ITEM).div_ceil(60).max(1)).unwrap_or(u32::MAX)
        });
    let mut questionnaire = Questionnaire {
        id: text(&meta.id),
        title: text(&meta.title),
        version: text(&meta.version),
        description: text(&meta.description),
        instructions: text(&meta.instructions),
        language: meta
            .language
            .as_ref()
            .map_or_else(|| "en".to_string(), |l| l.value.clone()),
        minutes,
        shuffle: meta.shuffle.as_ref().is_some_and(|s| s.value),
        scale: scale?,
        dimensions,
        bands: bands?,
        items,
        profiles,
        practices,
        pair_practices,
        conversation,
        item_index: HashMap::new(),
    };
    questionnaire.index_items();
    Some(questionnaire)
}

fn text(value: &Option<Located<String>>) -> String {
    value.as_ref().map(|v| v.value.clone()).unwrap_or_default()
}

fn is_questionnaire_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Ids become TOML keys in answers files and CSV column names, so keep them bare.
fn check_id(r: &mut Reader<'_>, kind: &str, id: &Option<Located<String>>) {
    let Some(id) = id else { return };
    let ok = !id.value.is_empty()
        && id
            .value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        r.error(
            id.span.clone(),
            format!("{kind} id `{}` is not allowed", id.value),
            "use only letters, digits, `-` and `_` (ids are keys in answers files and CSV headers)",
        );
    }
}

fn scale(r: &mut Reader<'_>, raw: super::load::RawScale) -> Option<Scale> {
    let (min, max) = (raw.min?, raw.max?);
    let labels = raw.labels?;
    if min.value >= max.value {
        r.error(
            max.span.start.min(min.span.start)..max.span.end.max(min.span.end),
            format!(
                "scale `min` ({}) must be less than `max` ({})",
                min.value, max.value
            ),
            "e.g. `min = 1` and `max = 7` for a seven-point scale",
        );
        return None;
    }
    let points = i128::from(max.value) - i128::from(min.value) + 1;
    if i128::try_from(labels.value.len()).ok() != Some(points) {
        r.error(
            labels.span.clone(),
            format!(
                "the scale runs from {} to {}, so it needs {points} labels, not {}",
                min.value,
                max.value,
                labels.value.len()
            ),
            format!("give exactly one label per point, {points} in all"),
        );
        return None;
    }
    let _ = raw.span;
    Some(Scale {
        min: min.value,
        max: max.value,
        labels: labels.value.into_iter().map(|l| l.value).collect(),
    })
}

fn bands(
    r: &mut Reader<'_>,
    raw: &[super::load::RawBand],
    fallback: std::ops::Range<usize>,
) -> Option<Vec<Band>> {
    unique(r, "band", raw.iter().map(|b| &b.id));
    if raw.is_empty() {
        r.error(fallback, "the questionnaire has no bands", "add [[bands]] sections, e.g. `id = \"low\"` with `below = 3.0`, then a last band without `below`");
        return None;
    }
    let mut previous: Option<f64> = None;
    let last = raw.len() - 1;
    for (i, band) in raw.iter().enumerate() {
        check_id(r, "band", &band.id);
        let name = band.id.as_ref().map_or("?", |b| b.value.as_str());
        match (&band.below, i == last) {
            (Some(below), true) => r.error(
                below.span.clone(),
                format!("the last band `{name}` must not have `below`"),
                "remove `below` here: the last band has no upper bound",
            ),
            (None, false) => {
                let span = band.id.as_ref().map_or(0..0, |b| b.span.clone());
                r.error(
                    span,
                    format!("band `{name}` needs `below`"),
                    "every band but the last needs `below = <upper bound of its mean score>`",
                );
            }
            (Some(below), false) => {
                if let Some(p) = previous
                    && below.value <= p
                {
                    r.error(below.span.clone(), format!("bands must be strictly increasing: `below = {}` is not above the previous {}", below.value, p), "order [[bands]] from lowest to highest `below`");
                }
                previous = Some(below.value);
            }
            (None, true) => {}
        }
    }
    Some(
        raw.iter()
            .map(|b| Band {
                id: text(&b.id),
                label: b
                    .label
                    .as_ref()
                    .or(b.id.as_ref())
                    .map(|l| l.value.clone())
                    .unwrap_or_default(),
                below: b.below.as_ref().map(|x| x.value),
            })
            .collect(),
    )
}

/// Reports every id that appears a second time, pointing at the repeat.
fn unique<'a>(
    r: &mut Reader<'_>,
    kind: &str,
    ids: impl Iterator<Item = &'a Option<Located<String>>>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in ids.flatten() {
        if let Some(first) = seen.get(id.value.as_str()) {
            let (line, _) = r.source.line_col(*first);
            r.error(
                id.span.clone(),
                format!("duplicate {kind} id `{}`", id.value),
                format!("it is already used on line {line}; give each {kind} its own id"),
            );
        } else {
            seen.insert(&id.value, id.span.start);
        }
    }
}

fn lookup(r: &mut Reader<'_>, kind: &str, name: &Located<String>, known: &[&str]) -> Option<usize> {
    if let Some(i) = known.iter().position(|k| *k == name.value) {
        return Some(i);
    }
    let help = match did_you_mean(&name.value, known.iter().copied()) {
        Some(close) => format!(
            "did you mean `{close}`? Known {kind}s: {}",
            known.join(", ")
        ),
        None => format!("use one of the declared {kind}s: {}", known.join(", ")),
    };
    r.error(
        name.span.clone(),
        format!("unknown {kind} `{}`", name.value),
        help,
    );
    None
}

fn target(
    r: &mut Reader<'_>,
    name: &Located<String>,
    dimensions: &[&str],
    profiles: &[&str],
) -> Option<Target> {
    if name.value == "*" {
        return Some(Target::Everyone);
    }
    if let Some(d) = dimensions.iter().position(|d| *d == name.value) {
        return Some(Target::Dimension(d));
    }
    if let Some(p) = profiles.iter().position(|p| *p == name.value) {
        return Some(Target::Profile(p));
    }
    let known: Vec<&str> = dimensions.iter().chain(profiles).copied().collect();
    let help = match did_you_mean(&name.value, known.iter().copied()) {
        Some(close) => {
            format!("did you mean `{close}`? Use a dimension or profile id, or \"*\" for everyone")
        }
        None => format!(
            "use a dimension or profile id ({}), or \"*\" for everyone",
            known.join(", ")
        ),
    };
    r.error(
        name.span.clone(),
        format!("unknown dimension or profile `{}`", name.value),
        help,
    );
    None
}
