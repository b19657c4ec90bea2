//! Item analysis for questionnaire authors (`attune stats`): per dimension
//! Cronbach's alpha, per item mean, SD and corrected item-total correlation,
//! as the contract's "Item analysis" section defines them.
//!
//! It takes one pass over the data with memory that does not grow with the
//! number of rows: for each dimension, over the respondents who answered all of
//! its items, it keeps exact integer sums of every keyed answer `x_i`, of
//! `x_i²`, of `x_i·T` (`T` the respondent's total on the dimension), of `T` and
//! of `T²`. Every variance and covariance the statistics need follows from
//! these sums (see `Comoments`), so no row is ever kept.

mod render;

pub use render::{write_json, write_markdown, write_text};

use crate::questionnaire::Questionnaire;
use crate::scoring::keyed;

/// A corrected item-total correlation below this is flagged as weak.
pub const WEAK_BELOW: f64 = 0.2;

/// Running sums for one dimension, over complete respondents only.
#[derive(Debug, Clone)]
struct DimensionSums {
    /// Respondents who answered every item of the dimension.
    n: u64,
    sum_x: Vec<i128>,
    sum_xx: Vec<i128>,
    sum_xt: Vec<i128>,
    sum_t: i128,
    sum_tt: i128,
    /// A sum left the range of i128 (only with absurdly wide scales): the
    /// statistics are then unknown rather than wrong.
    overflow: bool,
}

/// Adds `value` to `sum`, noting an overflow instead of wrapping or panicking.
fn add_checked(sum: &mut i128, value: Option<i128>, overflow: &mut bool) {
    match value.and_then(|v| sum.checked_add(v)) {
        Some(total) => *sum = total,
        None => *overflow = true,
    }
}

/// Accumulates item statistics one respondent at a time.
#[derive(Debug, Clone)]
pub struct ItemAnalysis<'q> {
    questionnaire: &'q Questionnaire,
    respondents: u64,
    dimensions: Vec<DimensionSums>,
    /// Keyed answers of the current respondent for one dimension (reused).
    keyed: Vec<i128>,
}

impl<'q> ItemAnalysis<'q> {
    pub fn new(questionnaire: &'q Questionnaire) -> Self {
        let dimensions = questionnaire
            .dimensions
            .iter()
            .map(|d| {
                let k = d.items.len();
                DimensionSums {
                    n: 0,
                    sum_x: vec![0; k],
                    sum_xx: vec![0; k],
                    sum_xt: vec![0; k],
                    sum_t: 0,
                    sum_tt: 0,
                    overflow: false,
                }
            })
            .collect();
        ItemAnalysis {
            questionnaire,
            respondents: 0,
            dimensions,
            keyed: Vec::new(),
        }
    }

    /// Adds one respondent's values (indexed like the questionnaire's items).
    /// A dimension counts the respondent only when every one of its items was
    /// answered.
    pub fn add(&mut self, values: &[Option<i64>]) {
        self.respondents += 1;
        let q = self.questionnaire;
        'dimensions: for (spec, sums) in q.dimensions.iter().zip(&mut self.dimensions) {
            self.keyed.clear();
            let mut total: i128 = 0;
            for &item in &spec.items {
                let Some(value) = values.get(item).copied().flatten() else {
                    continue 'dimensions;
                };
                let x = i128::from(keyed(q, item, value));
                // At most k answers of an i64 each: cannot overflow i128.
                total += x;
                self.keyed.push(x);
            }
            let overflow = &mut sums.overflow;
            sums.n += 1;
            add_checked(&mut sums.sum_t, Some(total), overflow);
            add_checked(&mut sums.sum_tt, total.checked_mul(total), overflow);
            for (i, &x) in self.keyed.iter().enumerate() {
                add_checked(&mut sums.sum_x[i], Some(x), overflow);
                add_checked(&mut sums.sum_xx[i], x.checked_mul(x), overflow);
                add_checked(&mut sums.sum_xt[i], x.checked_mul(total), overflow);
            }
        }
    }

    /// The statistics of everything added so far.
    pub fn finish(&self) -> Analysis<'q> {
        let q = self.questionnaire;
        let dimensions = q
            .dimensions
            .iter()
            .zip(&self.dimensions)
            .enumerate()
            .map(|(d, (spec, sums))| dimension_stats(d, &spec.items, sums))
            .collect();
        Analysis {
            questionnaire: q,
            respondents: self.respondents,
            dimensions,
        }
    }
}

/// The item analysis of a whole table.
#[derive(Debug, Clone)]
pub struct Analysis<'q> {
    pub questionnaire: &'q Questionnaire,
    /// Every row read, complete or not.
    pub respondents: u64,
    pub dimensions: Vec<DimensionStats>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionStats {
    pub dimension: usize,
    /// Respondents who answered all of the dimension's items.
    pub n: u64,
    /// `None` with fewer than two items or respondents, or when the totals do not vary.
    pub alpha: Option<f64>,
    pub items: Vec<ItemStats>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemStats {
    pub item: usize,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    /// Correlation of the item with the sum of the dimension's other items.
    pub item_total: Option<f64>,
    pub flag: Option<Flag>,
}

/// Why an item deserves a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// It runs against the rest of its dimension: likely keyed the wrong way.
    Negative,
    /// It barely goes with the rest of its dimension.
    Weak,
}

impl Flag {
    /// The correlation's flag by the contract: negative below 0, weak below 0.2.
    pub fn for_correlation(r: f64) -> Option<Flag> {
        if r < 0.0 {
            Some(Flag::Negative)
        } else if r < WEAK_BELOW {
            Some(Flag::Weak)
        } else {
            None
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Flag::Negative => "negative",
            Flag::Weak => "weak",
        }
    }
}

/// Co-moments `n·Σab − Σa·Σb`, exact in integers. A sample covariance is a
/// co-moment divided by `n(n−1)`; in a correlation or a ratio of variances
/// that factor cancels, so it is applied only where a value is reported.
fn comoment(n: i128, sum_ab: i128, sum_a: i128, sum_b: i128) -> Option<i128> {
    n.checked_mul(sum_ab)?
        .checked_sub(sum_a.checked_mul(sum_b)?)
}

fn dimension_stats(dimension: usize, items: &[usize], sums: &DimensionSums) -> DimensionStats {
    let n = i128::from(sums.n);
    let k = items.len();
    // n(n−1): what turns a co-moment into a sample (co)variance.
    let scale = (sums.n as f64) * (sums.n.saturating_sub(1) as f64);
    let enough = sums.n >= 2 && !sums.overflow;
    let var_t = comoment(n, sums.sum_tt, sums.sum_t, sums.sum_t);
    let mut item_variances: Option<i128> = Some(0);
    let stats = items
        .iter()
        .enumerate()
        .map(|(i, &item)| {
            let var_i = comoment(n, sums.sum_xx[i], sums.sum_x[i], sums.sum_x[i]);
            let cov_it = comoment(n, sums.sum_xt[i], sums.sum_x[i], sums.sum_t);
            item_variances = match (item_variances, var_i) {
                (Some(total), Some(v)) => total.checked_add(v),
                _ => None,
            };
            // The item against the rest: cov(x, T−x) = cov(x,T) − var(x) and
            // var(T−x) = var(T) − 2cov(x,T) + var(x).
            let item_total = match (var_i, cov_it, var_t) {
                (Some(vi), Some(cit), Some(vt)) if enough => {
                    let cov_rest = cit.checked_sub(vi);
                    let var_rest = cit
                        .checked_mul(2)
                        .and_then(|c2| vt.checked_sub(c2))
                        .and_then(|r| r.checked_add(vi));
                    match (cov_rest, var_rest) {
                        (Some(c), Some(v)) if vi > 0 && v > 0 => {
                            let r = c as f64 / (vi as f64 * v as f64).sqrt();
                            r.is_finite().then(|| r.clamp(-1.0, 1.0))
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            ItemStats {
                item,
                mean: (sums.n > 0 && !sums.overflow).then(|| sums.sum_x[i] as f64 / sums.n as f64),
                sd: match var_i {
                    Some(v) if enough => Some((v as f64 / scale).sqrt()),
                    _ => None,
                },
                item_total,
                flag: item_total.and_then(Flag::for_correlation),
            }
        })
        .collect();
    let alpha = match (item_variances, var_t) {
        (Some(sum_vi), Some(vt)) if enough && k >= 2 && vt > 0 => {
            let k = k as f64;
            Some(k / (k - 1.0) * (1.0 - sum_vi as f64 / vt as f64))
        }
        _ => None,
    };
    DimensionStats {
        dimension,
        n: sums.n,
        alpha,
        items: stats,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_follow_the_contract_thresholds() {
        assert_eq!(Flag::for_correlation(-0.01), Some(Flag::Negative));
        assert_eq!(Flag::for_correlation(0.0), Some(Flag::Weak));
        assert_eq!(Flag::for_correlation(0.1999), Some(Flag::Weak));
        assert_eq!(Flag::for_correlation(0.2), None);
    }

    #[test]
    fn comoments_overflow_to_none_rather_than_panicking() {
        assert_eq!(comoment(i128::MAX, 2, 0, 0), None);
        assert_eq!(comoment(3, 14, 6, 6), Some(6));
    }
}
