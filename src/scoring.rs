//! Scoring, the same for every questionnaire (the contract's "Scoring" section).
//! The result is one report model that every output format renders, so the text,
//! JSON, Markdown and CSV reports can never disagree about a number.

use crate::answers::Responses;
use crate::questionnaire::{Questionnaire, Target};

/// How close (in percent points) another dimension must be to the top one to be
/// listed as a blend.
pub const BLEND_POINTS: f64 = 5.0;
/// Tolerance for rounding when comparing percents.
const EPSILON: f64 = 1e-9;

/// The score of one dimension. `mean`, `percent` and `band` are `None` when too
/// few of its items were answered to score it.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore {
    pub dimension: usize,
    pub mean: Option<f64>,
    pub percent: Option<f64>,
    pub band: Option<usize>,
    pub answered: usize,
    pub items: usize,
    pub z: Option<f64>,
    pub percentile: Option<f64>,
}

/// The style a report leads with.
#[derive(Debug, Clone, PartialEq)]
pub enum Primary {
    /// The highest-scoring dimension, with others within `BLEND_POINTS` of it.
    Dimension { index: usize, blend: Vec<usize> },
    /// The first profile whose conditions hold.
    Profile { index: usize },
}

/// One answer that pushed a dimension's score where it is, so a person sees why.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    pub item: usize,
    pub value: i64,
    pub keyed: i64,
}

/// Everything a report shows, computed once.
#[derive(Debug, Clone)]
pub struct Report<'q> {
    pub questionnaire: &'q Questionnaire,
    pub respondent: Option<String>,
    pub dimensions: Vec<DimensionScore>,
    pub primary: Option<Primary>,
    /// Indices into the questionnaire's practices, in the order to show them.
    pub practices: Vec<usize>,
    /// The dimension the drivers come from, and the answers that weighed most.
    pub drivers: Option<(usize, Vec<Driver>)>,
    pub warnings: Vec<String>,
}

/// The standard normal cumulative distribution function.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

/// The keyed value of an answer: reversed from the declared scale when the item
/// is reverse-keyed, never from the data.
#[inline]
pub fn keyed(questionnaire: &Questionnaire, item: usize, value: i64) -> i64 {
    if questionnaire.items[item].reverse {
        questionnaire.scale.reverse(value)
    } else {
        value
    }
}

/// Scores one dimension from a person's values (indexed like the items).
pub fn score_dimension(
    questionnaire: &Questionnaire,
    dimension: usize,
    values: &[Option<i64>],
) -> DimensionScore {
    let spec = &questionnaire.dimensions[dimension];
    let mut sum = 0i64;
    let mut answered = 0usize;
    for &item in &spec.items {
        if let Some(value) = values.get(item).copied().flatten() {
            sum += keyed(questionnaire, item, value);
            answered += 1;
        }
    }
    let items = spec.items.len();
    let scorable = answered > 0 && answered as f64 / items as f64 >= spec.min_answered;
    let mean = scorable.then(|| sum as f64 / answered as f64);
    let z = match (&spec.norms, mean) {
        (Some(norms), Some(mean)) => Some((mean - norms.mean) / norms.sd),
        _ => None,
    };
    DimensionScore {
        dimension,
        mean,
        percent: mean.map(|m| questionnaire.scale.percent(m)),
        band: mean.map(|m| questionnaire.band_for(m)),
        answered,
        items,
        z,
        percentile: z.map(|z| 100.0 * normal_cdf(z)),
    }
}

/// Scores every dimension into `out` (cleared first), reusing its allocation, so
/// a table of a million rows can be scored without allocating per row. `score`
/// builds on this, so both paths give the same numbers.
pub fn score_dimensions_into(
    questionnaire: &Questionnaire,
    values: &[Option<i64>],
    out: &mut Vec<DimensionScore>,
) {
    out.clear();
    out.extend(
        (0..questionnaire.dimensions.len()).map(|d| score_dimension(questionnaire, d, values)),
    );
}

/// Scores a person's responses into a full report.
pub fn score<'q>(questionnaire: &'q Questionnaire, responses: &Responses) -> Report<'q> {
    let mut dimensions = Vec::with_capacity(questionnaire.dimensions.len());
    score_dimensions_into(questionnaire, &responses.values, &mut dimensions);
    let mut warnings: Vec<String> = dimensions
        .iter()
        .filter(|s| s.mean.is_none())
        .map(|s| unscored_reason(questionnaire, s))
        .collect();
    let primary = primary(questionnaire, &dimensions);
    if primary.is_none() {
        warnings.push(no_primary_reason(questionnaire, &dimensions));
    }
    let practices = practices(questionnaire, &dimensions, primary.as_ref());
    let drivers = drivers(
        questionnaire,
        &dimensions,
        primary.as_ref(),
        &responses.values,
    );
    Report {
        questionnaire,
        respondent: responses.respondent.clone(),
        dimensions,
        primary,
        practices,
        drivers,
        warnings,
    }
}

fn unscored_reason(questionnaire: &Questionnaire, score: &DimensionScore) -> String {
    let spec = &questionnaire.dimensions[score.dimension];
    let needed = (spec.min_answered * score.items as f64 - EPSILON)
        .ceil()
        .max(1.0) as usize;
    format!(
        "{} was not scored: {} of its {} items were answered, and at least {} are needed",
        spec.name, score.answered, score.items, needed
    )
}

fn no_primary_reason(questionnaire: &Questionnaire, dimensions: &[DimensionScore]) -> String {
    if dimensions.iter().all(|d| d.mean.is_none()) {
        "no primary style: no dimension could be scored".to_string()
    } else if !questionnaire.profiles.is_empty() {
        "no primary style: the scores match none of the questionnaire's profiles".to_string()
    } else {
        "no primary style".to_string()
    }
}

/// The primary style, by the contract's rule: the first matching profile when
/// profiles are declared (never a fallback), else the highest percent.
pub fn primary(questionnaire: &Questionnaire, dimensions: &[DimensionScore]) -> Option<Primary> {
    if !questionnaire.profiles.is_empty() {
        return questionnaire
            .profiles
            .iter()
            .position(|profile| {
                !profile.when.is_empty()
                    && profile
                        .when
                        .iter()
                        .all(|(d, bands)| dimensions[*d].band.is_some_and(|b| bands.contains(&b)))
            })
            .map(|index| Primary::Profile { index });
    }
    let mut top: Option<(usize, f64)> = None;
    for score in dimensions {
        if let Some(percent) = score.percent
            && top.is_none_or(|(_, best)| percent > best)
        {
            top = Some((score.dimension, percent));
        }
    }
    let (index, best) = top?;
    let blend = dimensions
        .iter()
        .filter(|s| s.dimension != index)
        .filter(|s| {
            s.percent
                .is_some_and(|p| best - p <= BLEND_POINTS + EPSILON)
        })
        .map(|s| s.dimension)
        .collect();
    Some(Primary::Dimension { index, blend })
}

impl Primary {
    /// The practice target this primary style corresponds to.
    pub fn target(&self) -> Target {
        match self {
            Primary::Dimension { index, .. } => Target::Dimension(*index),
            Primary::Profile { index } => Target::Profile(*index),
        }
    }

    pub fn id<'q>(&self, questionnaire: &'q Questionnaire) -> &'q str {
        questionnaire.target_id(self.target())
    }

    pub fn name<'q>(&self, questionnaire: &'q Questionnaire) -> &'q str {
        match self {
            Primary::Dimension { index, .. } => &questionnaire.dimensions[*index].name,
            Primary::Profile { index } => &questionnaire.profiles[*index].name,
        }
    }

    pub fn description<'q>(&self, questionnaire: &'q Questionnaire) -> &'q str {
        match self {
            Primary::Dimension { index, .. } => &questionnaire.dimensions[*index].description,
            Primary::Profile { index } => &questionnaire.profiles[*index].description,
        }
    }

    pub fn blend(&self) -> &[usize] {
        match self {
            Primary::Dimension { blend, .. } => blend,
            Primary::Profile { .. } => &[],
        }
    }
}

/// Practices in the contract's order: for the primary style, then for other
/// dimensions whose band calls for them, then for everyone. Each appears once.
pub fn practices(
    questionnaire: &Questionnaire,
    dimensions: &[DimensionScore],
    primary: Option<&Primary>,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let add = |index: usize, chosen: &mut Vec<usize>| {
        if !chosen.contains(&index) {
            chosen.push(index);
        }
    };
    let all = || questionnaire.practices.iter().enumerate();
    if let Some(primary) = primary {
        let target = primary.target();
        for (i, _) in all().filter(|(_, p)| p.targets.contains(&target)) {
            add(i, &mut chosen);
        }
    }
    let primary_dimension = match primary {
        Some(Primary::Dimension { index, .. }) => Some(*index),
        _ => None,
    };
    for (i, practice) in all() {
        let called_for = practice.targets.iter().any(|t| match t {
            Target::Dimension(d) if Some(*d) != primary_dimension => dimensions[*d]
                .band
                .is_some_and(|b| practice.when.contains(&b)),
            _ => false,
        });
        if called_for {
            add(i, &mut chosen);
        }
    }
    for (i, _) in all().filter(|(_, p)| p.targets.contains(&Target::Everyone)) {
        add(i, &mut chosen);
    }
    chosen
}

/// The answers that weighed most in the dimension that defines the primary style:
/// the most extreme keyed answers in the direction the score leans.
fn drivers(
    questionnaire: &Questionnaire,
    dimensions: &[DimensionScore],
    primary: Option<&Primary>,
    values: &[Option<i64>],
) -> Option<(usize, Vec<Driver>)> {
    let midpoint = (questionnaire.scale.min + questionnaire.scale.max) as f64 / 2.0;
    let dimension = match primary? {
        Primary::Dimension { index, .. } => *index,
        Primary::Profile { index } => {
            let mut best: Option<(usize, f64)> = None;
            for (d, _) in &questionnaire.profiles[*index].when {
                if let Some(mean) = dimensions[*d].mean {
                    let distance = (mean - midpoint).abs();
                    if best.is_none_or(|(_, b)| distance > b) {
                        best = Some((*d, distance));
                    }
                }
            }
            best?.0
        }
    };
    let leans_high = dimensions[dimension].mean? >= midpoint;
    let mut answers: Vec<Driver> = questionnaire.dimensions[dimension]
        .items
        .iter()
        .filter_map(|&item| {
            let value = values.get(item).copied().flatten()?;
            Some(Driver {
                item,
                value,
                keyed: keyed(questionnaire, item, value),
            })
        })
        .collect();
    // A stable sort keeps file order among equal answers.
    if leans_high {
        answers.sort_by_key(|d| std::cmp::Reverse(d.keyed));
    } else {
        answers.sort_by_key(|d| d.keyed);
    }
    answers.truncate(3);
    Some((dimension, answers))
}
