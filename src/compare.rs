//! Two people's results side by side (`attune compare`). Each person is scored
//! exactly as `attune score` would; this module adds what only a pair has: the
//! items where their answers differ most, the pair practices that fit the two
//! primary styles, and open questions for a conversation between them. Like a
//! single report, the pair is computed once and every format renders it.

use crate::answers::Responses;
use crate::questionnaire::{Questionnaire, Target};
use crate::scoring::{self, Primary, Report, keyed};

/// How many differing items a comparison shows.
pub const DIFFERENCES: usize = 5;
/// How many conversation questions a comparison offers.
pub const QUESTIONS: usize = 6;

/// One item both people answered, differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub item: usize,
    /// The answers as given (not reverse-keyed), so each person recognises theirs.
    pub a: i64,
    pub b: i64,
    /// The absolute difference of the keyed answers.
    pub difference: i64,
}

/// Everything a comparison shows, computed once.
#[derive(Debug, Clone)]
pub struct Pair<'q> {
    pub questionnaire: &'q Questionnaire,
    pub people: [Report<'q>; 2],
    /// Largest difference first; ties keep questionnaire order.
    pub differences: Vec<Difference>,
    /// Indices into the questionnaire's pair practices, in the order to show them.
    pub pair_practices: Vec<usize>,
    /// Indices into the questionnaire's conversation questions.
    pub conversation: Vec<usize>,
    /// Each person's report warnings, prefixed with their name, plus the pair's own.
    pub warnings: Vec<String>,
}

/// Scores two people on one questionnaire and builds their comparison.
pub fn compare<'q>(questionnaire: &'q Questionnaire, a: &Responses, b: &Responses) -> Pair<'q> {
    let people = [
        scoring::score(questionnaire, a),
        scoring::score(questionnaire, b),
    ];
    let warnings = people
        .iter()
        .flat_map(|report| {
            let name = report.respondent.as_deref().unwrap_or("(unnamed)");
            report.warnings.iter().map(move |w| format!("{name}: {w}"))
        })
        .collect();
    let styles = [
        styles(people[0].primary.as_ref()),
        styles(people[1].primary.as_ref()),
    ];
    Pair {
        questionnaire,
        differences: differences(questionnaire, &a.values, &b.values),
        pair_practices: pair_practices(questionnaire, &styles),
        conversation: conversation(questionnaire, &styles),
        people,
        warnings,
    }
}

/// The styles a person matches besides `"*"`: their primary style and, for a
/// dimension, the dimensions blended with it. No primary style: none.
pub fn styles(primary: Option<&Primary>) -> Vec<Target> {
    let Some(primary) = primary else {
        return Vec::new();
    };
    let mut styles = vec![primary.target()];
    styles.extend(primary.blend().iter().map(|&d| Target::Dimension(d)));
    styles
}

fn matches(styles: &[Target], target: Target) -> bool {
    target == Target::Everyone || styles.contains(&target)
}

/// The items both answered, by how far apart their keyed answers are; only
/// items answered differently, at most `DIFFERENCES`.
pub fn differences(
    questionnaire: &Questionnaire,
    a: &[Option<i64>],
    b: &[Option<i64>],
) -> Vec<Difference> {
    let mut found: Vec<Difference> = (0..questionnaire.items.len())
        .filter_map(|item| {
            let (x, y) = (a.get(item).copied()??, b.get(item).copied()??);
            let difference = (keyed(questionnaire, item, x) - keyed(questionnaire, item, y)).abs();
            (difference > 0).then_some(Difference {
                item,
                a: x,
                b: y,
                difference,
            })
        })
        .collect();
    // A stable sort keeps questionnaire order among equal differences.
    found.sort_by_key(|d| std::cmp::Reverse(d.difference));
    found.truncate(DIFFERENCES);
    found
}

/// Pair practices whose two styles fit the two people, either way round:
/// specific pairs first, then those with one `"*"`, then `"*"` with `"*"`;
/// file order within each group.
pub fn pair_practices(questionnaire: &Questionnaire, styles: &[Vec<Target>; 2]) -> Vec<usize> {
    let [a, b] = styles;
    let mut chosen: Vec<(usize, usize)> = questionnaire
        .pair_practices
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            let [x, y] = p.pair;
            (matches(a, x) && matches(b, y)) || (matches(a, y) && matches(b, x))
        })
        .map(|(i, p)| {
            let stars = p.pair.iter().filter(|t| **t == Target::Everyone).count();
            (stars, i)
        })
        .collect();
    chosen.sort();
    chosen.into_iter().map(|(_, i)| i).collect()
}

/// Up to `QUESTIONS` conversation questions: those for either person's style
/// first, taking the two people's questions in turn so neither crowds out the
/// other, then those for everyone (`"*"`).
pub fn conversation(questionnaire: &Questionnaire, styles: &[Vec<Target>; 2]) -> Vec<usize> {
    let for_person = |styles: &[Target]| -> Vec<usize> {
        questionnaire
            .conversation
            .iter()
            .enumerate()
            .filter(|(_, c)| c.targets.iter().any(|t| styles.contains(t)))
            .map(|(i, _)| i)
            .collect()
    };
    let lists = [for_person(&styles[0]), for_person(&styles[1])];
    let mut chosen: Vec<usize> = Vec::new();
    let longest = lists[0].len().max(lists[1].len());
    for n in 0..longest {
        for list in &lists {
            if let Some(&i) = list.get(n)
                && !chosen.contains(&i)
            {
                chosen.push(i);
            }
        }
    }
    for (i, c) in questionnaire.conversation.iter().enumerate() {
        if c.targets.contains(&Target::Everyone) && !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.truncate(QUESTIONS);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in(id: &str) -> Questionnaire {
        crate::catalog::resolve(id, None).unwrap()
    }

    #[test]
    fn differences_skip_unanswered_and_equal_answers() {
        let q = built_in("quick-check");
        let n = q.items.len();
        let mut a = vec![None; n];
        let mut b = vec![None; n];
        a[0] = Some(5);
        b[0] = Some(5); // equal: not a difference
        a[1] = Some(1);
        b[1] = None; // only one answered: not a difference
        a[2] = Some(2);
        b[2] = Some(4);
        let found = differences(&q, &a, &b);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].item, found[0].a, found[0].b), (2, 2, 4));
        assert_eq!(found[0].difference, 2);
    }

    #[test]
    fn a_blend_matches_its_dimensions_too() {
        let q = built_in("connection-styles");
        let anxious = q.dimension_index("anxious").unwrap();
        let avoidant = q.dimension_index("avoidant").unwrap();
        // One person is anxious with avoidant blended in; the other has no style.
        let blended = styles(Some(&Primary::Dimension {
            index: anxious,
            blend: vec![avoidant],
        }));
        let chosen = pair_practices(&q, &[blended.clone(), Vec::new()]);
        let ids: Vec<&str> = chosen
            .iter()
            .map(|&i| q.pair_practices[i].id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["any-pair-heart-to-heart"],
            "no style matches only \"*\""
        );
        let chosen = pair_practices(&q, &[blended.clone(), blended]);
        let ids: Vec<&str> = chosen
            .iter()
            .map(|&i| q.pair_practices[i].id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "pause-and-return",
                "two-anxious",
                "two-avoidant",
                "any-pair-heart-to-heart"
            ]
        );
    }

    #[test]
    fn at_most_six_questions() {
        let q = built_in("connection-styles");
        let everyone: Vec<Target> = (0..q.dimensions.len()).map(Target::Dimension).collect();
        let chosen = conversation(&q, &[everyone.clone(), everyone]);
        assert_eq!(chosen.len(), QUESTIONS);
        assert!(
            !q.conversation[chosen[0]]
                .targets
                .contains(&Target::Everyone),
            "questions for a style come before those for everyone"
        );
    }
}
