//! The questionnaire model: what a TOML questionnaire file means once it has been
//! read and validated. References between tables (an item's dimension, a profile's
//! bands) are resolved to indices here, so scoring never looks anything up by name.

mod load;
mod validate;

pub use load::load;

use std::collections::HashMap;

/// The version of the questionnaire and answers file format this build reads.
pub const FORMAT: i64 = 1;

/// A validated questionnaire, ready to take or score.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub id: String,
    pub title: String,
    pub version: String,
    pub description: String,
    pub instructions: String,
    pub language: String,
    pub minutes: u32,
    pub shuffle: bool,
    pub scale: Scale,
    pub dimensions: Vec<Dimension>,
    pub bands: Vec<Band>,
    pub items: Vec<Item>,
    pub profiles: Vec<Profile>,
    pub practices: Vec<Practice>,
    pub pair_practices: Vec<PairPractice>,
    pub conversation: Vec<Conversation>,
    item_index: HashMap<String, usize>,
}

/// The one response scale all items share.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub labels: Vec<String>,
}

impl Scale {
    /// The label of a response value, if the value is on the scale.
    pub fn label(&self, value: i64) -> Option<&str> {
        let offset = usize::try_from(value.checked_sub(self.min)?).ok()?;
        self.labels.get(offset).map(String::as_str)
    }

    pub fn contains(&self, value: i64) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// Reverse keying from the declared scale, never from the data.
    pub fn reverse(&self, value: i64) -> i64 {
        self.min + self.max - value
    }

    /// Percent of the way from the bottom to the top of the scale.
    pub fn percent(&self, mean: f64) -> f64 {
        (mean - self.min as f64) / (self.max - self.min) as f64 * 100.0
    }
}

#[derive(Debug, Clone)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub min_answered: f64,
    pub norms: Option<Norms>,
    /// Indices into `Questionnaire::items`, in file order.
    pub items: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Norms {
    pub mean: f64,
    pub sd: f64,
    pub n: Option<u64>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub label: String,
    /// Upper bound (exclusive) on the mean score; `None` for the last band.
    pub below: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub dimension: usize,
    pub text: String,
    pub reverse: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Each named dimension with the band indices it accepts.
    pub when: Vec<(usize, Vec<usize>)>,
}

/// Whom a practice or conversation question is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Everyone,
    Dimension(usize),
    Profile(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    pub id: String,
    pub targets: Vec<Target>,
    /// Band indices that call for this practice when it is not for the primary style.
    pub when: Vec<usize>,
    pub title: String,
    pub text: String,
}

/// A practice for two people, chosen by the pair of their primary styles.
#[derive(Debug, Clone, PartialEq)]
pub struct PairPractice {
    pub id: String,
    pub pair: [Target; 2],
    pub title: String,
    pub text: String,
}

/// An open question for two people to talk over.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    pub id: String,
    pub targets: Vec<Target>,
    pub text: String,
}

impl Questionnaire {
    /// The index of an item by its id.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.item_index.get(id).copied()
    }

    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }

    pub fn band_index(&self, id: &str) -> Option<usize> {
        self.bands.iter().position(|b| b.id == id)
    }

    /// The band a mean score falls in: the first whose `below` exceeds it, else the last.
    pub fn band_for(&self, mean: f64) -> usize {
        self.bands
            .iter()
            .position(|b| b.below.is_some_and(|below| below > mean))
            .unwrap_or(self.bands.len() - 1)
    }

    /// The id of a practice target, as written in the file.
    pub fn target_id(&self, target: Target) -> &str {
        match target {
            Target::Everyone => "*",
            Target::Dimension(d) => &self.dimensions[d].id,
            Target::Profile(p) => &self.profiles[p].id,
        }
    }

    /// Rebuilds the id lookup after items were set.
    fn index_items(&mut self) {
        self.item_index = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.clone(), i))
            .collect();
    }
}
