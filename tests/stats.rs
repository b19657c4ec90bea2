//! `attune stats` against item statistics worked out by hand.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Three items on one dimension (`anx-3` declared reverse-keyed in the second
/// questionnaire) and a one-item dimension, on a 1-5 scale.
fn questionnaire(dir: &Path, third_reversed: bool) -> PathBuf {
    let path = dir.join("q.toml");
    let text = format!(
        r#"format = 1
[questionnaire]
id = "hand"
title = "Hand"
version = "1.0.0"
[scale]
min = 1
max = 5
labels = ["one", "two", "three", "four", "five"]
[[dimensions]]
id = "anxious"
name = "Anxious"
[[dimensions]]
id = "solo"
name = "Solo"
[[bands]]
id = "low"
label = "Low"
below = 3.0
[[bands]]
id = "high"
label = "High"
[[items]]
id = "anx-1"
dimension = "anxious"
text = "first"
[[items]]
id = "anx-2"
dimension = "anxious"
text = "second"
[[items]]
id = "anx-3"
dimension = "anxious"
text = "third"
reverse = {third_reversed}
[[items]]
id = "solo-1"
dimension = "solo"
text = "alone"
"#
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// Four complete respondents, and one (`x`) who skipped anx-2: they count for
/// `respondents` and for Solo, not for Anxious.
const TABLE: &str = "respondent,anx-1,anx-2,anx-3,solo-1
p1,1,2,1,1
p2,2,2,3,2
p3,3,4,3,3
p4,4,4,5,4
x,5,,5,3
";

fn stats(
    dir: &Path,
    questionnaire: &Path,
    format: &str,
    table: &str,
) -> assert_cmd::assert::Assert {
    let csv = dir.join("t.csv");
    std::fs::write(&csv, table).unwrap();
    Command::cargo_bin("attune")
        .unwrap()
        .args(["stats", "-q"])
        .arg(questionnaire)
        .arg(&csv)
        .args(["--format", format])
        .assert()
}

fn json(dir: &Path, third_reversed: bool, table: &str) -> Value {
    let q = questionnaire(dir, third_reversed);
    let out = stats(dir, &q, "json", table)
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn close(actual: &Value, expected: f64) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{actual} is not a number"));
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn alpha_and_item_total_correlations_match_the_hand_computation() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(dir.path(), false, TABLE);
    assert_eq!(v["questionnaire"]["id"], "hand");
    assert_eq!(v["respondents"], 5);
    let anxious = &v["dimensions"][0];
    assert_eq!(anxious["id"], "anxious");
    assert_eq!(anxious["n"], 4);
    // a = 1,2,3,4  b = 2,2,4,4  c = 1,3,3,5; totals T = 4,7,10,13.
    // Sums of squared deviations: a 5, b 4, c 8, T 45; sample variances
    // divide by n-1 = 3: 5/3, 4/3, 8/3 and 15.
    // alpha = 3/2 * (1 - (17/3) / 15) = 3/2 * 28/45 = 42/45.
    close(&anxious["alpha"], 42.0 / 45.0);
    let items = &anxious["items"];
    close(&items[0]["mean"], 2.5);
    close(&items[1]["mean"], 3.0);
    close(&items[2]["mean"], 3.0);
    close(&items[0]["sd"], (5.0f64 / 3.0).sqrt());
    close(&items[1]["sd"], (4.0f64 / 3.0).sqrt());
    close(&items[2]["sd"], (8.0f64 / 3.0).sqrt());
    // a against b+c = 3,5,7,9: cross products of deviations sum to 10,
    // rest's squares to 20: r = 10 / sqrt(5 * 20) = 1.
    close(&items[0]["item_total"], 1.0);
    // b against a+c = 2,5,6,9: cross 8, rest 25: r = 8 / sqrt(4 * 25) = 0.8.
    close(&items[1]["item_total"], 0.8);
    // c against a+b = 3,4,7,8: cross 10, rest 17: r = 10 / sqrt(8 * 17).
    close(&items[2]["item_total"], 10.0 / 136f64.sqrt());
    for item in items.as_array().unwrap() {
        assert_eq!(item["flag"], Value::Null);
    }
    // One item: no alpha and no item-total correlation (nothing to correlate
    // with), but a mean and SD over all five respondents: 1,2,3,4,3.
    let solo = &v["dimensions"][1];
    assert_eq!(solo["n"], 5);
    assert_eq!(solo["alpha"], Value::Null);
    close(&solo["items"][0]["mean"], 13.0 / 5.0);
    // Deviations -1.6,-0.6,0.4,1.4,0.4: squares sum to 5.2, variance 1.3.
    close(&solo["items"][0]["sd"], 1.3f64.sqrt());
    assert_eq!(solo["items"][0]["item_total"], Value::Null);
    assert_eq!(solo["items"][0]["flag"], Value::Null);
}

#[test]
fn an_item_answered_against_its_key_is_flagged_negative() {
    // The same answers, but anx-3 is declared reverse-keyed, so its keyed
    // values are 6 - c = 5,3,3,1 while people answered it the other way.
    let dir = tempfile::tempdir().unwrap();
    let v = json(dir.path(), true, TABLE);
    let anxious = &v["dimensions"][0];
    // Totals T = 8,7,10,9: squares of deviations 5, variance 5/3. Item
    // variances are unchanged (17/3 in all): alpha = 3/2 * (1 - 17/5) = -3.6.
    close(&anxious["alpha"], -3.6);
    let items = &anxious["items"];
    close(&items[2]["mean"], 3.0);
    // a against b + keyed c = 7,5,7,5: cross -2, rest 4: r = -2 / sqrt(20).
    close(&items[0]["item_total"], -2.0 / 20f64.sqrt());
    assert_eq!(items[0]["flag"], "negative");
    // b against a + keyed c = 6,5,6,5: cross 0: r = 0, which is weak.
    close(&items[1]["item_total"], 0.0);
    assert_eq!(items[1]["flag"], "weak");
    // keyed c against a+b = 3,4,7,8: cross -10: r = -10 / sqrt(8 * 17).
    close(&items[2]["item_total"], -10.0 / 136f64.sqrt());
    assert_eq!(items[2]["flag"], "negative");
}

#[test]
fn text_puts_flagged_items_first_with_what_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let q = questionnaire(dir.path(), true);
    let out = stats(dir.path(), &q, "text", TABLE)
        .success()
        .get_output()
        .stdout
        .clone();
    // Sentences are wrapped for the terminal: compare them on one line.
    let text = String::from_utf8(out)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let first = text.find("Check these items first").expect(&text);
    let table = text.find("Anxious: alpha -3.60; n = 4").expect(&text);
    assert!(first < table, "{text}");
    // Negative before weak; the reverse-keyed item is told to check its keying.
    let a1 = text
        .find("anx-1 correlates negatively with the rest of Anxious (r = -0.45): check whether it should be reverse-keyed")
        .expect(&text);
    let a3 = text
        .find(
            "anx-3 correlates negatively with the rest of Anxious (r = -0.86): it is reverse-keyed",
        )
        .expect(&text);
    let a2 = text
        .find("anx-2 correlates only weakly with the rest of Anxious (r = 0.00)")
        .expect(&text);
    assert!(a1 < a3 && a3 < a2, "{text}");
}

#[test]
fn markdown_lists_flags_and_tables() {
    let dir = tempfile::tempdir().unwrap();
    let q = questionnaire(dir.path(), true);
    let out = stats(dir.path(), &q, "markdown", TABLE)
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("## Check these items first"), "{text}");
    assert!(
        text.contains("| anx-3 | yes | 3.00 | 1.63 | -0.86 | negative |"),
        "{text}"
    );
}

#[test]
fn too_few_or_identical_answers_give_nulls_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    // One respondent: no variance can be computed.
    let v = json(dir.path(), false, "anx-1,anx-2,anx-3,solo-1\n1,2,3,4\n");
    let anxious = &v["dimensions"][0];
    assert_eq!(anxious["n"], 1);
    assert_eq!(anxious["alpha"], Value::Null);
    close(&anxious["items"][0]["mean"], 1.0);
    assert_eq!(anxious["items"][0]["sd"], Value::Null);
    assert_eq!(anxious["items"][0]["item_total"], Value::Null);
    // Everyone answered alike: zero variance, so alpha and r are undefined.
    let v = json(
        dir.path(),
        false,
        "anx-1,anx-2,anx-3,solo-1\n3,3,3,3\n3,3,3,3\n3,3,3,3\n",
    );
    let anxious = &v["dimensions"][0];
    assert_eq!(anxious["n"], 3);
    assert_eq!(anxious["alpha"], Value::Null);
    close(&anxious["items"][0]["sd"], 0.0);
    assert_eq!(anxious["items"][0]["item_total"], Value::Null);
    assert_eq!(anxious["items"][0]["flag"], Value::Null);
    // No rows at all.
    let v = json(dir.path(), false, "anx-1,anx-2,anx-3,solo-1\n");
    assert_eq!(v["respondents"], 0);
    assert_eq!(v["dimensions"][0]["items"][0]["mean"], Value::Null);
}

#[test]
fn a_bad_cell_stops_stats_with_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let q = questionnaire(dir.path(), false);
    stats(
        dir.path(),
        &q,
        "json",
        "anx-1,anx-2,anx-3,solo-1\n1,2,3,4\n1,7,3,4\n",
    )
    .code(65)
    .stdout("")
    .stderr(predicates::str::contains(
        "line 3, row 2, column `anx-2`: 7 is outside the scale 1 to 5",
    ));
}
