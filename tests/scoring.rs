//! Scoring against hand-computed values, one test per rule of the contract's
//! "Scoring" section. Each fixture is a small questionnaire written here, and each
//! expected number has its hand computation next to it, so a reader can check it
//! without running anything.

use attune::answers;
use attune::diagnostic::Source;
use attune::questionnaire::{self, Questionnaire};
use attune::scoring::{self, DimensionScore, Primary, Report};

/// Loads a questionnaire from TOML text, failing the test with the rendered problems.
fn load(text: &str) -> Questionnaire {
    questionnaire::load(&Source::new("fixture.toml", text))
        .unwrap_or_else(|problems| panic!("fixture does not load:\n{problems}"))
}

/// Reads an `[answers]` body (lines `id = value`) and scores it.
fn score<'q>(q: &'q Questionnaire, answer_lines: &str) -> Report<'q> {
    let text = format!("format = 1\n\n[answers]\n{answer_lines}\n");
    let source = Source::new("answers.toml", text);
    let file = answers::read(&source).unwrap_or_else(|p| panic!("answers do not read:\n{p}"));
    let responses = answers::responses(&source, &file, q)
        .unwrap_or_else(|p| panic!("answers do not fit the questionnaire:\n{p}"));
    scoring::score(q, &responses)
}

fn dim<'r>(report: &'r Report<'_>, id: &str) -> &'r DimensionScore {
    let index = report
        .questionnaire
        .dimension_index(id)
        .unwrap_or_else(|| panic!("no dimension {id}"));
    &report.dimensions[index]
}

fn band_id(report: &Report<'_>, id: &str) -> Option<String> {
    dim(report, id)
        .band
        .map(|b| report.questionnaire.bands[b].id.clone())
}

fn primary_id(report: &Report<'_>) -> Option<String> {
    report
        .primary
        .as_ref()
        .map(|p| p.id(report.questionnaire).to_string())
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// The head of a questionnaire: a scale from `min` to `max` with generated labels.
fn head(min: i64, max: i64) -> String {
    let labels: Vec<String> = (min..=max).map(|v| format!("\"point {v}\"")).collect();
    format!(
        "format = 1\n\n[questionnaire]\nid = \"fixture\"\ntitle = \"Fixture\"\nversion = \"1.0.0\"\n\n\
         [scale]\nmin = {min}\nmax = {max}\nlabels = [{}]\n\n",
        labels.join(", ")
    )
}

fn dimension(id: &str, extra: &str) -> String {
    format!("[[dimensions]]\nid = \"{id}\"\nname = \"{id} name\"\n{extra}\n\n")
}

fn item(id: &str, dimension: &str, reverse: bool) -> String {
    format!(
        "[[items]]\nid = \"{id}\"\ndimension = \"{dimension}\"\ntext = \"Statement {id}.\"\nreverse = {reverse}\n\n"
    )
}

/// Three bands on a 0-4 scale: low below 2, mid below 3, high from 3.
const BANDS_0_4: &str = "[[bands]]\nid = \"low\"\nbelow = 2.0\n\n[[bands]]\nid = \"mid\"\nbelow = 3.0\n\n[[bands]]\nid = \"high\"\n\n";
/// Two bands on a 1-7 scale, split at the midpoint 4.
const BANDS_1_7: &str = "[[bands]]\nid = \"low\"\nbelow = 4.0\n\n[[bands]]\nid = \"high\"\n\n";

#[test]
fn reverse_keying_on_a_scale_starting_at_zero() {
    let q = load(&format!(
        "{}{}{BANDS_0_4}{}{}",
        head(0, 4),
        dimension("warm", ""),
        item("w1", "warm", true),
        item("w2", "warm", false),
    ));
    // w1 is reversed: 0 + 4 - 1 = 3; w2 counts as given: 2. Mean (3 + 2) / 2 = 2.5.
    let report = score(&q, "w1 = 1\nw2 = 2");
    close(dim(&report, "warm").mean.unwrap(), 2.5);
    // Reversing the ends: 0 -> 4 and 4 -> 0, so (4 + 0) / 2 = 2.0, not 0 or 4.
    let report = score(&q, "w1 = 0\nw2 = 0");
    close(dim(&report, "warm").mean.unwrap(), 2.0);
    assert_eq!(scoring::keyed(&q, 0, 4), 0);
    assert_eq!(scoring::keyed(&q, 1, 4), 4);
}

#[test]
fn reverse_keying_on_a_one_to_seven_scale() {
    let q = load(&format!(
        "{}{}{BANDS_1_7}{}{}",
        head(1, 7),
        dimension("wary", ""),
        item("r1", "wary", true),
        item("r2", "wary", false),
    ));
    // r1 is reversed: 1 + 7 - 2 = 6; r2 is 5. Mean (6 + 5) / 2 = 5.5.
    let report = score(&q, "r1 = 2\nr2 = 5");
    close(dim(&report, "wary").mean.unwrap(), 5.5);
    // 7 reversed is 1 + 7 - 7 = 1, and 1 reversed is 7: mean (1 + 7) / 2 = 4.0.
    let report = score(&q, "r1 = 7\nr2 = 7");
    close(dim(&report, "wary").mean.unwrap(), 4.0);
}

#[test]
fn mean_counts_answered_items_only_never_missing_as_zero() {
    let q = load(&format!(
        "{}{}{BANDS_0_4}{}{}{}{}{}",
        head(0, 4),
        dimension("warm", "min_answered = 0.6"),
        item("a", "warm", false),
        item("b", "warm", false),
        item("c", "warm", false),
        item("d", "warm", false),
        item("e", "warm", false),
    ));
    // 3 of 5 answered (0.6 >= 0.6): mean (4 + 2 + 3) / 3 = 3.0, not 9 / 5 = 1.8.
    let report = score(&q, "a = 4\nb = 2\nc = 3");
    let warm = dim(&report, "warm");
    close(warm.mean.unwrap(), 3.0);
    assert_eq!((warm.answered, warm.items), (3, 5));
    assert_eq!(band_id(&report, "warm").as_deref(), Some("high"));
}

#[test]
fn an_unanswered_reverse_item_is_never_scored_as_the_maximum() {
    let q = load(&format!(
        "{}{}{BANDS_0_4}{}{}{}",
        head(0, 4),
        dimension("warm", "min_answered = 0.5"),
        item("a", "warm", false),
        item("b", "warm", false),
        item("r", "warm", true),
    ));
    // r is left blank. Mean of the given answers: (1 + 1) / 2 = 1.0. Treating the
    // blank as 0 and reversing it would give 4 and a mean of (1 + 1 + 4) / 3 = 2.0.
    let report = score(&q, "a = 1\nb = 1");
    close(dim(&report, "warm").mean.unwrap(), 1.0);
    assert_eq!(dim(&report, "warm").answered, 2);
    assert_eq!(band_id(&report, "warm").as_deref(), Some("low"));
}

fn ten_items(min_answered: &str) -> Questionnaire {
    let mut text = head(1, 5);
    text += &dimension("warm", &format!("min_answered = {min_answered}"));
    text += "[[bands]]\nid = \"low\"\nbelow = 3.0\n\n[[bands]]\nid = \"high\"\n\n";
    for i in 1..=10 {
        text += &item(&format!("i{i:02}"), "warm", false);
    }
    load(&text)
}

fn first_n_answered(n: usize, value: i64) -> String {
    (1..=n)
        .map(|i| format!("i{i:02} = {value}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn min_answered_at_its_exact_boundary_is_scored() {
    let q = ten_items("0.7");
    // 7 / 10 = 0.7 >= 0.7: scored, mean (7 * 4) / 7 = 4.0.
    let report = score(&q, &first_n_answered(7, 4));
    let warm = dim(&report, "warm");
    close(warm.mean.unwrap(), 4.0);
    assert_eq!((warm.answered, warm.items), (7, 10));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn one_answer_below_min_answered_is_not_scored_and_says_why() {
    let q = ten_items("0.7");
    // 6 / 10 = 0.6 < 0.7: not scored, and nothing is guessed for it.
    let report = score(&q, &first_n_answered(6, 4));
    let warm = dim(&report, "warm");
    assert_eq!((warm.mean, warm.percent, warm.band), (None, None, None));
    assert_eq!(warm.answered, 6);
    assert_eq!(
        report.warnings[0],
        "warm name was not scored: 6 of its 10 items were answered, and at least 7 are needed"
    );
    // With its only dimension unscored there is no primary style either.
    assert_eq!(report.primary, None);
}

#[test]
fn percent_runs_from_the_scale_minimum_not_from_zero() {
    let q = load(&format!(
        "{}{}{BANDS_1_7}{}",
        head(1, 7),
        dimension("wary", ""),
        item("r1", "wary", false),
    ));
    // (4 - 1) / (7 - 1) * 100 = 50.0; `4 / 7 * 100` would give 57.14.
    close(dim(&score(&q, "r1 = 4"), "wary").percent.unwrap(), 50.0);
    // The ends of the scale are 0% and 100%.
    close(dim(&score(&q, "r1 = 1"), "wary").percent.unwrap(), 0.0);
    close(dim(&score(&q, "r1 = 7"), "wary").percent.unwrap(), 100.0);

    let q = load(&format!(
        "{}{}{BANDS_0_4}{}{}",
        head(0, 4),
        dimension("warm", ""),
        item("a", "warm", false),
        item("b", "warm", false),
    ));
    // Mean (3 + 2) / 2 = 2.5; (2.5 - 0) / (4 - 0) * 100 = 62.5.
    close(
        dim(&score(&q, "a = 3\nb = 2"), "warm").percent.unwrap(),
        62.5,
    );
}

#[test]
fn a_mean_exactly_on_a_band_boundary_goes_to_the_next_band() {
    let q = load(&format!(
        "{}{}{BANDS_0_4}{}{}",
        head(0, 4),
        dimension("warm", ""),
        item("a", "warm", false),
        item("b", "warm", false),
    ));
    // Bands: low below 2.0, mid below 3.0, high.
    // (2 + 2) / 2 = 2.0: not below 2.0, so the first band whose `below` > 2.0 is mid.
    assert_eq!(
        band_id(&score(&q, "a = 2\nb = 2"), "warm").as_deref(),
        Some("mid")
    );
    // (1 + 2) / 2 = 1.5 < 2.0: low.
    assert_eq!(
        band_id(&score(&q, "a = 1\nb = 2"), "warm").as_deref(),
        Some("low")
    );
    // (3 + 3) / 2 = 3.0: no `below` exceeds it, so the last band, high.
    assert_eq!(
        band_id(&score(&q, "a = 3\nb = 3"), "warm").as_deref(),
        Some("high")
    );
    // (2 + 3) / 2 = 2.5: mid.
    assert_eq!(
        band_id(&score(&q, "a = 2\nb = 3"), "warm").as_deref(),
        Some("mid")
    );
}

#[test]
fn norms_give_z_and_percentile_from_the_normal_curve() {
    let q = load(&format!(
        "{}{}{}{BANDS_0_4}{}{}{}",
        head(0, 4),
        dimension(
            "warm",
            "norms = { mean = 2.0, sd = 0.5, n = 300, source = \"test\" }"
        ),
        dimension("wary", ""),
        item("a", "warm", false),
        item("b", "warm", false),
        item("c", "wary", false),
    ));
    let report = score(&q, "a = 2\nb = 3\nc = 1");
    let warm = dim(&report, "warm");
    // Mean (2 + 3) / 2 = 2.5; z = (2.5 - 2.0) / 0.5 = 1.0; 100 * Phi(1) = 84.1344746...
    close(warm.z.unwrap(), 1.0);
    assert!((warm.percentile.unwrap() - 84.134_474_606_854_29).abs() < 1e-6);
    // No norms, no z or percentile.
    let wary = dim(&report, "wary");
    assert_eq!((wary.z, wary.percentile), (None, None));

    // Below the norm mean: a = 1, b = 1 gives mean 1.0, z = (1.0 - 2.0) / 0.5 = -2,
    // 100 * Phi(-2) = 2.2750131948...
    let report = score(&q, "a = 1\nb = 1\nc = 1");
    close(dim(&report, "warm").z.unwrap(), -2.0);
    assert!((dim(&report, "warm").percentile.unwrap() - 2.275_013_194_817_92).abs() < 1e-6);
    // At the norm mean, the 50th percentile exactly.
    close(scoring::normal_cdf(0.0) * 100.0, 50.0);
}

/// Three dimensions of five items each on 0-4, without profiles; percent = mean * 25.
fn three_dimensions() -> Questionnaire {
    let mut text = head(0, 4);
    for d in ["alpha", "beta", "gamma"] {
        text += &dimension(d, "");
    }
    text += BANDS_0_4;
    for d in ["alpha", "beta", "gamma"] {
        for i in 1..=5 {
            text += &item(&format!("{d}-{i}"), d, false);
        }
    }
    load(&text)
}

/// Answers giving each of the five items of `dimension` the values in `values`.
fn answers_for(dimension: &str, values: [i64; 5]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{dimension}-{} = {v}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn primary_is_the_highest_percent_with_blends_within_five_points_inclusive() {
    let q = three_dimensions();
    let answers = [
        // alpha: (3 + 3 + 3 + 3 + 3) / 5 = 3.0 -> 75%
        answers_for("alpha", [3, 3, 3, 3, 3]),
        // beta: (3 + 3 + 3 + 3 + 2) / 5 = 2.8 -> 70%, exactly 5 points below: a blend
        answers_for("beta", [3, 3, 3, 3, 2]),
        // gamma: (3 + 3 + 3 + 2 + 2) / 5 = 2.6 -> 65%, 10 points below: not a blend
        answers_for("gamma", [3, 3, 3, 2, 2]),
    ]
    .join("\n");
    let report = score(&q, &answers);
    close(dim(&report, "beta").percent.unwrap(), 70.0);
    assert_eq!(
        report.primary,
        Some(Primary::Dimension {
            index: 0,
            blend: vec![1]
        })
    );
}

fn synthetic(percents: &[Option<f64>]) -> Vec<DimensionScore> {
    percents
        .iter()
        .enumerate()
        .map(|(dimension, percent)| DimensionScore {
            dimension,
            mean: percent.map(|p| p / 25.0),
            percent: *percent,
            band: percent.map(|_| 0),
            answered: 5,
            items: 5,
            z: None,
            percentile: None,
        })
        .collect()
}

#[test]
fn a_dimension_five_point_oh_one_below_the_top_is_not_a_blend() {
    let q = three_dimensions();
    // 75.0 - 69.99 = 5.01 > 5: no blend. 75.0 - 70.0 = 5.0: a blend.
    let scores = synthetic(&[Some(75.0), Some(69.99), Some(70.0)]);
    assert_eq!(
        scoring::primary(&q, &scores),
        Some(Primary::Dimension {
            index: 0,
            blend: vec![2]
        })
    );
    // Unscored dimensions are never the primary style nor part of a blend.
    let scores = synthetic(&[None, Some(40.0), Some(38.0)]);
    assert_eq!(
        scoring::primary(&q, &scores),
        Some(Primary::Dimension {
            index: 1,
            blend: vec![2]
        })
    );
}

#[test]
fn an_exact_tie_goes_to_the_dimension_declared_first() {
    let q = three_dimensions();
    let answers = [
        // alpha: 2.0 -> 50%; beta and gamma: 3.0 -> 75%, an exact tie.
        answers_for("alpha", [2, 2, 2, 2, 2]),
        answers_for("beta", [3, 3, 3, 3, 3]),
        answers_for("gamma", [4, 2, 3, 3, 3]),
    ]
    .join("\n");
    let report = score(&q, &answers);
    // beta is declared before gamma, so beta leads and gamma (0 points away) blends.
    assert_eq!(
        report.primary,
        Some(Primary::Dimension {
            index: 1,
            blend: vec![2]
        })
    );
}

/// Two dimensions on 1-7 split at 4, with profiles that can overlap.
fn with_profiles() -> Questionnaire {
    load(&format!(
        "{}{}{}{BANDS_1_7}{}{}{}{}\
         [[profiles]]\nid = \"steady\"\nname = \"Steady\"\nwhen = {{ warm = [\"high\"] }}\n\n\
         [[profiles]]\nid = \"open\"\nname = \"Open\"\nwhen = {{ warm = [\"high\"], wary = [\"low\"] }}\n\n\
         [[profiles]]\nid = \"guarded\"\nname = \"Guarded\"\nwhen = {{ warm = [\"low\"], wary = [\"high\"] }}\n\n",
        head(1, 7),
        dimension("warm", ""),
        dimension("wary", ""),
        item("w1", "warm", false),
        item("w2", "warm", false),
        item("v1", "wary", false),
        item("v2", "wary", false),
    ))
}

#[test]
fn the_first_matching_profile_wins() {
    let q = with_profiles();
    // warm (6 + 5) / 2 = 5.5 >= 4: high; wary (2 + 1) / 2 = 1.5: low.
    // Both `steady` (warm high) and `open` (warm high, wary low) hold; steady is first.
    let report = score(&q, "w1 = 6\nw2 = 5\nv1 = 2\nv2 = 1");
    assert_eq!(primary_id(&report).as_deref(), Some("steady"));
    assert_eq!(report.primary, Some(Primary::Profile { index: 0 }));
    // warm (2 + 1) / 2 = 1.5: low; wary (6 + 6) / 2 = 6.0: high -> guarded.
    let report = score(&q, "w1 = 2\nw2 = 1\nv1 = 6\nv2 = 6");
    assert_eq!(primary_id(&report).as_deref(), Some("guarded"));
}

#[test]
fn no_matching_profile_means_no_primary_style_and_no_fallback() {
    let q = with_profiles();
    // warm (3 + 3) / 2 = 3.0: low; wary (1 + 2) / 2 = 1.5: low. No profile covers
    // low + low, so there is no primary style, not the highest dimension.
    let report = score(&q, "w1 = 3\nw2 = 3\nv1 = 1\nv2 = 2");
    assert_eq!(report.primary, None);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("match none of the questionnaire's profiles")),
        "{:?}",
        report.warnings
    );
    // A profile needs every dimension it names scored: wary is blank here, so
    // `open` cannot hold, but `steady` (warm only) does.
    let report = score(&q, "w1 = 7\nw2 = 7");
    assert_eq!(primary_id(&report).as_deref(), Some("steady"));
}

#[test]
fn nothing_answered_is_never_secure() {
    for (id, _) in attune::catalog::BUILT_INS {
        let q = attune::catalog::resolve(id, None).expect("built-in loads");
        let report = score(&q, "");
        assert_eq!(report.primary, None, "{id}: primary with no answers");
        assert!(
            report
                .dimensions
                .iter()
                .all(|d| d.mean.is_none() && d.band.is_none() && d.answered == 0),
            "{id}: a dimension was scored from nothing"
        );
        assert!(report.drivers.is_none(), "{id}: drivers from nothing");
        assert!(
            report
                .warnings
                .iter()
                .any(|w| w == "no primary style: no dimension could be scored"),
            "{id}: {:?}",
            report.warnings
        );
    }
}

/// Practices for every route into the list, on the two-dimension 0-4 fixture.
fn with_practices() -> Questionnaire {
    load(&format!(
        "{}{}{}{BANDS_0_4}{}{}{}{}\
         [[practices]]\nid = \"for-all\"\nfor = [\"*\"]\ntitle = \"t\"\ntext = \"t\"\n\n\
         [[practices]]\nid = \"wary-default\"\nfor = [\"wary\"]\ntitle = \"t\"\ntext = \"t\"\n\n\
         [[practices]]\nid = \"warm-1\"\nfor = [\"warm\"]\ntitle = \"t\"\ntext = \"t\"\n\n\
         [[practices]]\nid = \"wary-mid\"\nfor = [\"wary\"]\nwhen = [\"mid\"]\ntitle = \"t\"\ntext = \"t\"\n\n\
         [[practices]]\nid = \"both\"\nfor = [\"warm\", \"wary\"]\nwhen = [\"low\"]\ntitle = \"t\"\ntext = \"t\"\n\n\
         [[practices]]\nid = \"warm-2\"\nfor = [\"warm\", \"*\"]\ntitle = \"t\"\ntext = \"t\"\n\n",
        head(0, 4),
        dimension("warm", ""),
        dimension("wary", ""),
        item("w1", "warm", false),
        item("w2", "warm", false),
        item("v1", "wary", false),
        item("v2", "wary", false),
    ))
}

fn practice_ids(report: &Report<'_>) -> Vec<String> {
    report
        .practices
        .iter()
        .map(|&i| report.questionnaire.practices[i].id.clone())
        .collect()
}

#[test]
fn practices_come_primary_first_then_called_for_dimensions_then_everyone() {
    let q = with_practices();
    // warm (4 + 4) / 2 = 4.0 -> 100%, high, primary. wary (3 + 3) / 2 = 3.0 -> 75%,
    // high (the last band), not within 5 points.
    let report = score(&q, "w1 = 4\nw2 = 4\nv1 = 3\nv2 = 3");
    assert_eq!(primary_id(&report).as_deref(), Some("warm"));
    // 1. for warm, in file order: warm-1, both, warm-2 (its `when` does not matter
    //    for the primary style);
    // 2. other dimensions whose band is in `when`: wary is high, and wary-default's
    //    `when` defaults to the last band (high) -> wary-default; wary-mid (mid) no;
    // 3. "*": for-all (warm-2 is already listed, never twice).
    assert_eq!(
        practice_ids(&report),
        ["warm-1", "both", "warm-2", "wary-default", "for-all"]
    );

    // wary (2 + 2) / 2 = 2.0 -> mid: wary-mid is called for, wary-default is not.
    let report = score(&q, "w1 = 4\nw2 = 4\nv1 = 2\nv2 = 2");
    assert_eq!(
        practice_ids(&report),
        ["warm-1", "both", "warm-2", "wary-mid", "for-all"]
    );

    // wary (0 + 1) / 2 = 0.5 -> low: `both` is called for by wary but already listed.
    let report = score(&q, "w1 = 4\nw2 = 4\nv1 = 0\nv2 = 1");
    assert_eq!(
        practice_ids(&report),
        ["warm-1", "both", "warm-2", "for-all"]
    );
}

#[test]
fn with_no_primary_style_only_called_for_and_everyone_practices_remain() {
    let q = with_practices();
    let report = score(&q, "");
    // Nothing scored: no primary, no band calls for anything; only "*" practices.
    assert_eq!(practice_ids(&report), ["for-all", "warm-2"]);
}

#[test]
fn drivers_are_the_highest_keyed_answers_of_the_primary_dimension() {
    let q = load(&format!(
        "{}{}{}{BANDS_0_4}{}{}{}{}{}{}",
        head(0, 4),
        dimension("warm", ""),
        dimension("wary", ""),
        item("w1", "warm", false),
        item("w2", "warm", true),
        item("w3", "warm", false),
        item("w4", "warm", false),
        item("w5", "warm", false),
        item("v1", "wary", false),
    ));
    // warm keyed: w1 3, w2 reversed 0 + 4 - 0 = 4, w3 2, w4 4, w5 3 -> mean 16 / 5
    // = 3.2 (80%); wary: v1 = 1 -> 25%, so warm is the primary style. warm leans high (3.2 >= midpoint 2), so the drivers are the
    // highest keyed answers, ties in file order: w2 (4), w4 (4), then w1 (3).
    let report = score(&q, "w1 = 3\nw2 = 0\nw3 = 2\nw4 = 4\nw5 = 3\nv1 = 1");
    assert_eq!(primary_id(&report).as_deref(), Some("warm"));
    let (dimension, drivers) = report.drivers.clone().expect("drivers");
    assert_eq!(dimension, 0);
    let shown: Vec<(String, i64, i64)> = drivers
        .iter()
        .map(|d| (q.items[d.item].id.clone(), d.value, d.keyed))
        .collect();
    assert_eq!(
        shown,
        [
            ("w2".to_string(), 0, 4),
            ("w4".to_string(), 4, 4),
            ("w1".to_string(), 3, 3)
        ]
    );
}

#[test]
fn percentiles_read_as_ordinals_between_1st_and_99th() {
    use attune::report::fmt_percentile;
    let shown: Vec<String> = [
        1.0, 2.0, 3.0, 11.0, 12.4, 13.0, 21.0, 22.0, 23.0, 50.0, 84.13,
    ]
    .iter()
    .map(|&p| fmt_percentile(p))
    .collect();
    assert_eq!(
        shown,
        [
            "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "23rd", "50th", "84th"
        ]
    );
    // 99.6 would round to "100th", as if nobody scored higher; 0.2 to "0th".
    assert_eq!(fmt_percentile(99.6), "99th");
    assert_eq!(fmt_percentile(0.2), "1st");
}
