//! `attune history` end to end: results stored the way a completed quiz stores
//! them (through the library), listed, trended and forgotten through the binary,
//! always with an isolated ATTUNE_HOME.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

/// A private attune home with a folder for answers files.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn history(&self) -> PathBuf {
        self.dir.path().join("history")
    }

    fn attune(&self) -> Command {
        let mut command = Command::cargo_bin("attune").unwrap();
        command
            .env("ATTUNE_HOME", self.dir.path())
            .env_remove("NO_COLOR")
            .arg("--color=never");
        command
    }

    /// Writes an answers file giving `secure`, `anxious` and `avoidant` answers
    /// to every item of a questionnaire with those dimension prefixes.
    fn answers(&self, questionnaire: &str, name: &str, values: [i64; 3], items: usize) -> PathBuf {
        let mut text = format!("format = 1\nquestionnaire = \"{questionnaire}\"\n[answers]\n");
        for n in 1..=items {
            for (prefix, value) in ["sec", "anx", "avo"].iter().zip(values) {
                // quick-check numbers its items 1, 2...; the others 01, 02...
                let id = if questionnaire == "quick-check" {
                    format!("{prefix}-{n}")
                } else {
                    format!("{prefix}-{n:02}")
                };
                text.push_str(&format!("{id} = {value}\n"));
            }
        }
        let path = self.dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Scores an answers file and stores the result as taken `days` after a fixed
    /// date, exactly as `attune take` does when a quiz completes.
    fn record(&self, answers: &Path, days: u64) -> String {
        let loaded = attune::answered::load(answers, None).unwrap();
        let report = attune::scoring::score(&loaded.questionnaire, &loaded.responses);
        // 2026-11-01T09:30:00Z
        let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1_793_525_400);
        let taken = start + Duration::from_secs(days * 86_400);
        attune::history::record_in(&self.history(), &report, answers, taken).unwrap()
    }
}

fn three_results(home: &Home) -> Vec<String> {
    let first = home.answers("connection-styles", "june", [3, 6, 2], 10);
    let second = home.answers("connection-styles", "july", [4, 5, 2], 10);
    let third = home.answers("connection-styles", "august", [6, 3, 2], 10);
    vec![
        home.record(&first, 0),
        home.record(&second, 30),
        home.record(&third, 61),
    ]
}

#[test]
fn empty_history_says_how_to_start_one() {
    let home = Home::new();
    home.attune()
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("No results yet"))
        .stdout(predicate::str::contains("attune take"));
    home.attune()
        .args(["history", "--format", "json"])
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn text_table_shows_change_and_trend() {
    let home = Home::new();
    three_results(&home);
    let output = home.attune().arg("history").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    insta::assert_snapshot!(stdout);
}

#[test]
fn markdown_table_for_sharing() {
    let home = Home::new();
    three_results(&home);
    let output = home
        .attune()
        .args(["history", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(output.status.success());
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn json_is_an_array_of_stored_results_oldest_first() {
    let home = Home::new();
    let ids = three_results(&home);
    let output = home
        .attune()
        .args(["history", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = json.as_array().unwrap();
    assert_eq!(results.len(), 3);
    let got: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(got, ids);
    assert_eq!(results[0]["taken"], "2026-11-01T09:30:00Z");
    assert_eq!(results[0]["questionnaire"]["id"], "connection-styles");
    assert_eq!(results[0]["primary"]["id"], "anxious");
    assert_eq!(results[2]["primary"]["id"], "secure");
    let anxious = &results[0]["dimensions"][1];
    assert_eq!(anxious["id"], "anxious");
    assert!(anxious["mean"].as_f64().is_some());
    assert!(anxious["band"].as_str().is_some());
    assert!(
        results[0]["answers"]
            .as_str()
            .unwrap()
            .ends_with("june.toml")
    );
}

#[cfg(unix)]
#[test]
fn results_are_stored_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let id = three_results(&home).remove(0);
    let file = home.history().join(format!("{id}.json"));
    let mode = std::fs::metadata(file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn results_in_the_same_second_get_distinct_ids() {
    let home = Home::new();
    let answers = home.answers("connection-styles", "twice", [4, 4, 4], 10);
    let first = home.record(&answers, 0);
    let second = home.record(&answers, 0);
    assert_ne!(first, second);
    home.attune()
        .args(["history", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&first).and(predicate::str::contains(&second)));
}

#[test]
fn a_corrupt_or_foreign_file_is_reported_skipped_and_kept() {
    let home = Home::new();
    three_results(&home);
    let corrupt = home.history().join("20261105-000000.json");
    std::fs::write(&corrupt, "{ this is not json").unwrap();
    let foreign = home.history().join("notes.json");
    std::fs::write(&foreign, r#"{"shopping": ["milk"]}"#).unwrap();
    let output = home.attune().arg("history").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("20261105-000000.json"), "{stderr}");
    assert!(stderr.contains("not valid JSON"), "{stderr}");
    assert!(stderr.contains("notes.json"), "{stderr}");
    assert!(stderr.contains("not an attune history file"), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("3 results"), "{stdout}");
    assert!(corrupt.exists() && foreign.exists(), "nothing is deleted");
}

#[test]
fn forget_removes_exactly_one_result() {
    let home = Home::new();
    let ids = three_results(&home);
    home.attune()
        .args(["history", "--forget", &ids[1]])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "Removed result {}",
            ids[1]
        )))
        .stdout(predicate::str::contains("Connection Styles"));
    let output = home
        .attune()
        .args(["history", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let left: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(left, [ids[0].as_str(), ids[2].as_str()]);
}

#[test]
fn forgetting_an_unknown_id_says_how_to_see_ids() {
    let home = Home::new();
    let ids = three_results(&home);
    home.attune()
        .args(["history", "--forget", "../history/nope"])
        .assert()
        .code(65)
        .stderr(predicate::str::contains("../history/nope"))
        .stderr(predicate::str::contains("`attune history` lists"));
    assert_eq!(
        std::fs::read_dir(home.history()).unwrap().count(),
        ids.len()
    );
}

#[test]
fn filtering_by_questionnaire() {
    let home = Home::new();
    three_results(&home);
    let quick = home.answers("quick-check", "quick", [5, 2, 2], 4);
    home.record(&quick, 3);
    let output = home
        .attune()
        .args(["history", "quick-check", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = json.as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["questionnaire"]["id"], "quick-check");
    home.attune()
        .args(["history", "close-relationships"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "No results for close-relationships yet",
        ));
    home.attune()
        .args(["history", "no-such-questionnaire"])
        .assert()
        .code(65)
        .stderr(predicate::str::contains("not found"));
}
