//! The files in `examples/` stay valid: every answers file scores with every
//! dimension scored, every authored questionnaire passes `attune check`, and the
//! respondent table scores.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn attune() -> Command {
    let mut cmd = Command::cargo_bin("attune").expect("the attune binary is built");
    cmd.current_dir(root()).env_remove("NO_COLOR");
    cmd
}

/// Files in an examples folder, relative to the crate root, sorted.
fn files(folder: &str, extension: &str) -> Vec<String> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no .{extension} files in {folder}");
    found
        .iter()
        .map(|p| format!("{folder}/{}", p.file_name().unwrap().to_string_lossy()))
        .collect()
}

#[test]
fn every_example_answers_file_scores_completely() {
    let answers = files("examples/answers", "toml");
    for built_in in attune::catalog::BUILT_INS.iter().map(|(id, _)| id) {
        assert!(
            answers.contains(&format!("examples/answers/{built_in}.toml")),
            "no example answers for the built-in {built_in}"
        );
    }
    for path in &answers {
        let output = attune()
            .args(["score", "--format", "json", path])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{path}: {stderr}");
        assert_eq!(stderr, "", "{path} warns");
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        for dimension in report["dimensions"].as_array().unwrap() {
            assert!(dimension["mean"].is_number(), "{path}: {dimension}");
        }
        assert!(report["primary"].is_object(), "{path}: no primary style");
        assert_eq!(report["warnings"], serde_json::json!([]), "{path}");
    }
}

#[test]
fn every_example_questionnaire_passes_check() {
    let questionnaires = files("examples/questionnaires", "toml");
    let output = attune()
        .arg("check")
        .args(&questionnaires)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.lines().count(), questionnaires.len());
    assert!(stdout.lines().all(|l| l.starts_with("ok: ")), "{stdout}");
}

#[test]
fn the_example_respondent_table_scores() {
    let output = attune()
        .args([
            "score",
            "-q",
            "quick-check",
            "--format",
            "jsonl",
            "examples/responses/quick-check.csv",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 5);
    // tam left two cells empty: anxious from 3 of 4, avoidant from 3 of 4 (0.75).
    assert_eq!(rows[4]["respondent"], "tam");
    assert_eq!(rows[4]["dimensions"][1]["answered"], 3);
    assert!(rows[4]["dimensions"][1]["mean"].is_number());
}
