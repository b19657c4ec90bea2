//! `attune compare` end to end: two answers files in a temporary folder, every
//! output format, the pair practices and questions chosen for the pair, and the
//! errors a person can run into.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn attune(home: &Path) -> Command {
    let mut command = Command::cargo_bin("attune").unwrap();
    command
        .env("ATTUNE_HOME", home)
        .env_remove("NO_COLOR")
        .arg("--color=never");
    command
}

/// Writes an answers file whose keyed answer is `keyed[dimension]` on every item
/// of that dimension (reverse-keyed items get the mirrored raw answer), with
/// `overrides` replacing single raw answers.
fn answers(
    dir: &Path,
    file: &str,
    questionnaire: &str,
    respondent: Option<&str>,
    keyed: &[(&str, i64)],
    overrides: &[(&str, i64)],
) -> PathBuf {
    let q = attune::catalog::resolve(questionnaire, None).unwrap();
    let keyed: HashMap<&str, i64> = keyed.iter().copied().collect();
    let overrides: HashMap<&str, i64> = overrides.iter().copied().collect();
    let mut text = format!("format = 1\nquestionnaire = \"{questionnaire}\"\n");
    if let Some(name) = respondent {
        text.push_str(&format!("respondent = \"{name}\"\n"));
    }
    text.push_str("[answers]\n");
    for item in &q.items {
        let dimension = q.dimensions[item.dimension].id.as_str();
        let value = match (overrides.get(item.id.as_str()), keyed.get(dimension)) {
            (Some(&raw), _) => raw,
            (None, Some(&k)) if item.reverse => q.scale.min + q.scale.max - k,
            (None, Some(&k)) => k,
            (None, None) => continue,
        };
        text.push_str(&format!("{} = {value}\n", item.id));
    }
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    path
}

/// Alex leans anxious, Sam avoidant; a few answers stand apart.
fn anxious_and_avoidant(dir: &Path) -> (PathBuf, PathBuf) {
    let alex = answers(
        dir,
        "alex.toml",
        "connection-styles",
        Some("Alex"),
        &[("secure", 4), ("anxious", 6), ("avoidant", 2)],
        &[("sec-01", 7), ("anx-02", 7)],
    );
    let sam = answers(
        dir,
        "sam.toml",
        "connection-styles",
        None,
        &[("secure", 4), ("anxious", 2), ("avoidant", 6)],
        &[("sec-01", 1), ("anx-02", 1)],
    );
    (alex, sam)
}

fn run(dir: &TempDir, args: &[&str]) -> (String, String, Option<i32>) {
    let output = attune(dir.path()).args(args).output().unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code(),
    )
}

fn compare_json(dir: &TempDir, a: &Path, b: &Path) -> Value {
    let (stdout, stderr, code) = run(
        dir,
        &[
            "compare",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn text_report_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, sam) = anxious_and_avoidant(dir.path());
    let (stdout, stderr, code) = run(
        &dir,
        &["compare", alex.to_str().unwrap(), sam.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("Break the pursue-and-withdraw loop"));
    assert!(
        stdout
            .trim_end()
            .ends_with("with a therapist or counsellor.")
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn markdown_report_for_sharing() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, sam) = anxious_and_avoidant(dir.path());
    let (stdout, stderr, code) = run(
        &dir,
        &[
            "compare",
            alex.to_str().unwrap(),
            sam.to_str().unwrap(),
            "--format",
            "markdown",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("# Connection Styles: Alex and sam"));
    assert!(
        stdout
            .trim_end()
            .ends_with("with a therapist or counsellor.")
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn json_has_both_people_differences_practices_and_questions() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, sam) = anxious_and_avoidant(dir.path());
    let json = compare_json(&dir, &alex, &sam);
    assert_eq!(json["questionnaire"]["id"], "connection-styles");
    assert_eq!(json["questionnaire"]["version"], "1.0.0");
    let people = json["people"].as_array().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0]["respondent"], "Alex");
    assert_eq!(people[1]["respondent"], "sam", "the file stem when unnamed");
    assert_eq!(people[0]["primary"]["id"], "anxious");
    assert_eq!(people[1]["primary"]["id"], "avoidant");
    let anxious = &people[0]["dimensions"][1];
    assert_eq!(anxious["id"], "anxious");
    assert_eq!(anxious["band"], "high");
    assert!(anxious["mean"].as_f64().unwrap() > 5.0);
    assert!(anxious["percent"].as_f64().is_some());

    let differences = json["differences"].as_array().unwrap();
    assert_eq!(differences.len(), 5);
    assert_eq!(differences[0]["item"], "sec-01", "the widest gap first");
    assert_eq!(differences[0]["a"], 7);
    assert_eq!(differences[0]["b"], 1);
    assert_eq!(differences[0]["difference"], 6);
    assert_eq!(differences[1]["item"], "anx-02");
    let gaps: Vec<i64> = differences
        .iter()
        .map(|d| d["difference"].as_i64().unwrap())
        .collect();
    assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{gaps:?}");
    assert!(differences[0]["text"].as_str().unwrap().len() > 10);

    let practices: Vec<&str> = json["pair_practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(practices, ["pause-and-return", "any-pair-heart-to-heart"]);
    assert!(json["pair_practices"][0]["title"].as_str().is_some());

    let questions: Vec<&str> = json["conversation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        questions,
        [
            "waiting-to-hear",
            "break-or-problem",
            "feeling-sure",
            "safe-to-struggle",
            "feel-cared-for",
            "unspoken-hope"
        ],
        "each person's style in turn, then questions for everyone"
    );
    assert_eq!(json["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn order_of_people_does_not_change_the_practices() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, sam) = anxious_and_avoidant(dir.path());
    let json = compare_json(&dir, &sam, &alex);
    assert_eq!(json["pair_practices"][0]["id"], "pause-and-return");
    assert_eq!(json["people"][0]["respondent"], "sam");
    assert_eq!(json["differences"][0]["a"], 1);
}

#[test]
fn profiles_pair_up_too() {
    let dir = tempfile::tempdir().unwrap();
    let worried = answers(
        dir.path(),
        "robin.toml",
        "close-relationships",
        None,
        &[("anxiety", 6), ("avoidance", 2)],
        &[],
    );
    let distant = answers(
        dir.path(),
        "kai.toml",
        "close-relationships",
        None,
        &[("anxiety", 2), ("avoidance", 6)],
        &[],
    );
    let json = compare_json(&dir, &worried, &distant);
    assert_eq!(json["people"][0]["primary"]["id"], "preoccupied");
    assert_eq!(json["people"][1]["primary"]["id"], "dismissing");
    assert_eq!(json["pair_practices"][0]["id"], "pause-and-return");

    let torn = answers(
        dir.path(),
        "sky.toml",
        "close-relationships",
        None,
        &[("anxiety", 6), ("avoidance", 6)],
        &[],
    );
    let json = compare_json(&dir, &distant, &torn);
    let practices: Vec<&str> = json["pair_practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        practices,
        ["with-fearful", "any-pair-heart-to-heart"],
        "one style and \"*\" before \"*\" with \"*\""
    );
}

#[test]
fn a_person_with_nothing_scored_gets_only_practices_for_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, _) = anxious_and_avoidant(dir.path());
    let blank = answers(
        dir.path(),
        "blank.toml",
        "connection-styles",
        Some("Blank"),
        &[],
        &[],
    );
    let json = compare_json(&dir, &alex, &blank);
    assert!(json["people"][1]["primary"].is_null());
    assert_eq!(json["people"][1]["dimensions"][0]["mean"], Value::Null);
    let practices: Vec<&str> = json["pair_practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(practices, ["any-pair-heart-to-heart"]);
    assert_eq!(json["differences"].as_array().unwrap().len(), 0);
    let warnings = json["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().starts_with("Blank: ")),
        "{warnings:?}"
    );
}

#[test]
fn different_questionnaires_cannot_be_compared() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, _) = anxious_and_avoidant(dir.path());
    let quick = answers(
        dir.path(),
        "quick.toml",
        "quick-check",
        None,
        &[("secure", 5), ("anxious", 2), ("avoidant", 2)],
        &[],
    );
    let (stdout, stderr, code) = run(
        &dir,
        &["compare", alex.to_str().unwrap(), quick.to_str().unwrap()],
    );
    assert_eq!(code, Some(65));
    assert!(stdout.is_empty());
    assert!(stderr.contains("quick.toml"), "{stderr}");
    assert!(
        stderr.contains("`quick-check`") && stderr.contains("`connection-styles`"),
        "{stderr}"
    );
    assert!(stderr.contains("same questionnaire"), "{stderr}");
}

#[test]
fn an_invalid_answers_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, _) = anxious_and_avoidant(dir.path());
    let broken = dir.path().join("broken.toml");
    std::fs::write(
        &broken,
        "format = 1\nquestionnaire = \"connection-styles\"\n[answers]\nsec-01 = 9\n",
    )
    .unwrap();
    let (_, stderr, code) = run(
        &dir,
        &["compare", alex.to_str().unwrap(), broken.to_str().unwrap()],
    );
    assert_eq!(code, Some(65));
    assert!(stderr.contains("broken.toml:4:"), "{stderr}");
}

#[test]
fn output_file_and_questionnaire_option() {
    let dir = tempfile::tempdir().unwrap();
    let (alex, sam) = anxious_and_avoidant(dir.path());
    // A file that does not name its questionnaire uses -q.
    let text = std::fs::read_to_string(&sam).unwrap();
    let unnamed = dir.path().join("unnamed.toml");
    std::fs::write(
        &unnamed,
        text.replace("questionnaire = \"connection-styles\"\n", ""),
    )
    .unwrap();
    let out = dir.path().join("pair.md");
    let (stdout, stderr, code) = run(
        &dir,
        &[
            "compare",
            alex.to_str().unwrap(),
            unnamed.to_str().unwrap(),
            "-q",
            "connection-styles",
            "--format",
            "markdown",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.is_empty());
    let written = std::fs::read_to_string(out).unwrap();
    assert!(written.contains("Break the pursue-and-withdraw loop"));
}

#[test]
fn a_questionnaire_path_is_relative_to_each_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = attune::catalog::BUILT_INS
        .iter()
        .find(|(id, _)| *id == "quick-check")
        .unwrap();
    std::fs::write(dir.path().join("mine.toml"), text).unwrap();
    let nested = dir.path().join("people");
    std::fs::create_dir(&nested).unwrap();
    let write = |path: &Path, questionnaire: &str, value: i64| {
        let mut body = format!("format = 1\nquestionnaire = \"{questionnaire}\"\n[answers]\n");
        for n in 1..=4 {
            body.push_str(&format!("sec-{n} = {value}\nanx-{n} = 4\navo-{n} = 4\n"));
        }
        std::fs::write(path, body).unwrap();
    };
    let a = dir.path().join("a.toml");
    let b = nested.join("b.toml");
    write(&a, "mine.toml", 2);
    write(&b, "../mine.toml", 5);
    let json = compare_json(&dir, &a, &b);
    assert_eq!(json["questionnaire"]["id"], "quick-check");
    assert_eq!(json["people"][1]["respondent"], "b");
    assert!(!json["differences"].as_array().unwrap().is_empty());
}
