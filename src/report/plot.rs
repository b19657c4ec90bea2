//! The two-axis picture for questionnaires built from two dimensions and
//! profiles (anxiety × avoidance): the band cut points divide the plane into the
//! profiles' regions, each named, and the person's scores are one point on it.
//! Seeing where in a region the point lies (near a line, or deep inside) says
//! more than the profile name alone.

use crate::questionnaire::Questionnaire;
use crate::scoring::Report;

/// Plot size in characters: wide enough for two region names side by side.
const WIDTH: usize = 49;
const HEIGHT: usize = 13;
/// The mark for the person's scores.
pub const POINT: char = '●';

/// The picture, when the questionnaire has exactly two dimensions, declares
/// profiles, and both dimensions were scored. The first dimension runs up the
/// side, the second along the bottom.
pub fn quadrant_plot(report: &Report<'_>) -> Option<String> {
    let q = report.questionnaire;
    if q.dimensions.len() != 2 || q.profiles.is_empty() {
        return None;
    }
    let y_mean = report.dimensions[0].mean?;
    let x_mean = report.dimensions[1].mean?;
    let axis = Axis::new(q);
    let mut canvas = vec![vec![' '; WIDTH]; HEIGHT];

    let x_cuts: Vec<usize> = axis.cuts(q).map(|c| axis.col(c)).collect();
    let y_cuts: Vec<usize> = axis.cuts(q).map(|c| axis.row(c)).collect();
    for &row in &y_cuts {
        canvas[row].fill('─');
    }
    for &col in &x_cuts {
        for (row, line) in canvas.iter_mut().enumerate() {
            line[col] = if y_cuts.contains(&row) { '┼' } else { '│' };
        }
    }
    for profile in &q.profiles {
        label_region(&mut canvas, q, &axis, profile);
    }
    canvas[axis.row(y_mean)][axis.col(x_mean)] = POINT;

    let y_name = &q.dimensions[0].name;
    let x_name = &q.dimensions[1].name;
    let mut out = format!("{y_name} (up) by {x_name} (across); {POINT} marks your scores\n");
    let number = |v: f64| format!("{v}");
    let margin = [q.scale.min as f64, q.scale.max as f64]
        .into_iter()
        .chain(axis.cuts(q))
        .map(|v| number(v).len())
        .max()
        .unwrap_or(1);
    for (row, line) in canvas.iter().enumerate() {
        let value = axis.value_at_row(q, row);
        let tick = value.map(number).unwrap_or_default();
        let edge = if value.is_some() { '┤' } else { '│' };
        let body: String = line.iter().collect();
        out.push_str(&format!("{tick:>margin$} {edge}{}\n", body.trim_end()));
    }
    out.push_str(&format!("{:>margin$} └{}\n", "", "─".repeat(WIDTH)));
    let mut ticks = vec![' '; WIDTH + margin + 8];
    let values = [q.scale.min as f64]
        .into_iter()
        .chain(axis.cuts(q))
        .chain([q.scale.max as f64]);
    for value in values {
        let text = number(value);
        let start = margin + 2 + axis.col(value);
        let start = start.saturating_sub(text.len() / 2);
        for (i, c) in text.chars().enumerate() {
            if let Some(slot) = ticks.get_mut(start + i) {
                *slot = c;
            }
        }
    }
    let ticks: String = ticks.into_iter().collect();
    out.push_str(ticks.trim_end());
    out.push('\n');
    Some(out)
}

/// Maps scale values to plot rows and columns.
struct Axis {
    min: f64,
    span: f64,
}

impl Axis {
    fn new(q: &Questionnaire) -> Self {
        Axis {
            min: q.scale.min as f64,
            span: (q.scale.max - q.scale.min) as f64,
        }
    }

    fn share(&self, value: f64) -> f64 {
        ((value - self.min) / self.span).clamp(0.0, 1.0)
    }

    fn col(&self, value: f64) -> usize {
        (self.share(value) * (WIDTH - 1) as f64).round() as usize
    }

    fn row(&self, value: f64) -> usize {
        HEIGHT - 1 - (self.share(value) * (HEIGHT - 1) as f64).round() as usize
    }

    /// Band cut points strictly inside the scale.
    fn cuts<'q>(&self, q: &'q Questionnaire) -> impl Iterator<Item = f64> + 'q {
        let (min, max) = (q.scale.min as f64, q.scale.max as f64);
        q.bands
            .iter()
            .filter_map(|b| b.below)
            .filter(move |&b| b > min && b < max)
    }

    /// The scale value a row carries as a tick: the ends and the cut points.
    fn value_at_row(&self, q: &Questionnaire, row: usize) -> Option<f64> {
        [q.scale.min as f64, q.scale.max as f64]
            .into_iter()
            .chain(self.cuts(q))
            .find(|&v| self.row(v) == row)
    }
}

/// The range of scale values a set of bands covers, if they are contiguous.
fn band_range(q: &Questionnaire, bands: &[usize]) -> Option<(f64, f64)> {
    let first = *bands.iter().min()?;
    let last = *bands.iter().max()?;
    if last - first + 1 != bands.len() {
        return None;
    }
    let low = match first {
        0 => q.scale.min as f64,
        i => q.bands[i - 1].below?,
    };
    let high = q.bands[last].below.unwrap_or(q.scale.max as f64);
    Some((low.max(q.scale.min as f64), high.min(q.scale.max as f64)))
}

/// Writes a profile's name in the middle of its region, where it fits.
fn label_region(
    canvas: &mut [Vec<char>],
    q: &Questionnaire,
    axis: &Axis,
    profile: &crate::questionnaire::Profile,
) {
    let bands_of = |d: usize| {
        profile
            .when
            .iter()
            .find(|(dimension, _)| *dimension == d)
            .map(|(_, bands)| bands.as_slice())
    };
    let (Some(y_bands), Some(x_bands)) = (bands_of(0), bands_of(1)) else {
        return;
    };
    let (Some((y_low, y_high)), Some((x_low, x_high))) =
        (band_range(q, y_bands), band_range(q, x_bands))
    else {
        return;
    };
    let (left, right) = (axis.col(x_low), axis.col(x_high));
    let row = (axis.row(y_low) + axis.row(y_high)) / 2;
    let room = right.saturating_sub(left).saturating_sub(3);
    let name: String = profile.name.chars().take(room).collect();
    let start = left + (right - left).saturating_sub(name.chars().count()) / 2;
    if let Some(line) = canvas.get_mut(row) {
        for (i, c) in name.chars().enumerate() {
            if let Some(slot) = line.get_mut(start + i)
                && *slot == ' '
            {
                *slot = c;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Responses;
    use crate::catalog;
    use crate::scoring::score;

    /// Answers every item so that its keyed value is `anxiety` or `avoidance`.
    fn responses(q: &Questionnaire, anxiety: i64, avoidance: i64) -> Responses {
        let mut responses = Responses::empty(q);
        for (i, item) in q.items.iter().enumerate() {
            let keyed = if item.dimension == 0 {
                anxiety
            } else {
                avoidance
            };
            let value = if item.reverse {
                q.scale.reverse(keyed)
            } else {
                keyed
            };
            responses.values[i] = Some(value);
        }
        responses
    }

    fn point_at(plot: &str) -> (usize, usize) {
        plot.lines()
            .skip(1)
            .enumerate()
            .find_map(|(row, line)| line.chars().position(|c| c == POINT).map(|col| (row, col)))
            .expect("the plot marks the point")
    }

    #[test]
    fn the_point_sits_in_the_region_of_the_primary_profile() {
        let q = catalog::resolve("close-relationships", None).unwrap();
        // Anxiety 6 (higher), avoidance 2 (lower): preoccupied, upper left.
        let report = score(&q, &responses(&q, 6, 2));
        let plot = quadrant_plot(&report).unwrap();
        let (row, col) = point_at(&plot);
        let cut_row = plot.lines().skip(1).position(|l| l.contains('┼')).unwrap();
        let cut_col = plot
            .lines()
            .nth(1)
            .unwrap()
            .chars()
            .position(|c| c == '│')
            .unwrap();
        assert!(row < cut_row, "higher anxiety is above the cut:\n{plot}");
        assert!(col < cut_col, "lower avoidance is left of the cut:\n{plot}");
        for name in [
            "Secure",
            "Preoccupied",
            "Dismissing-avoidant",
            "Fearful-avoidant",
        ] {
            assert!(plot.contains(name), "{name} is named:\n{plot}");
        }
        // Both at the top of the scale: fearful, upper right corner.
        let report = score(&q, &responses(&q, 7, 7));
        let plot = quadrant_plot(&report).unwrap();
        let (row, col) = point_at(&plot);
        assert_eq!(row, 0, "{plot}");
        assert!(col > cut_col, "{plot}");
    }

    #[test]
    fn no_plot_without_two_scored_dimensions_and_profiles() {
        let three = catalog::resolve("connection-styles", None).unwrap();
        assert!(quadrant_plot(&score(&three, &Responses::empty(&three))).is_none());
        let q = catalog::resolve("close-relationships", None).unwrap();
        assert!(quadrant_plot(&score(&q, &Responses::empty(&q))).is_none());
    }
}
