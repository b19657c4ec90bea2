//! Respondent tables through the binary: messy exports, errors that name the
//! row and column, CSV output and the text summary, and the same numbers as
//! answers files.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;
use std::path::Path;

const Q: &str = "close-relationships";

fn attune() -> Command {
    Command::cargo_bin("attune").unwrap()
}

fn ids() -> Vec<String> {
    (1..=18)
        .flat_map(|i| [format!("anx-{i:02}"), format!("avo-{i:02}")])
        .collect()
}

/// A table with a header of every item and one row per person.
fn table(rows: &[(&str, Vec<Option<i64>>)]) -> String {
    let mut text = format!("respondent,{}\n", ids().join(","));
    for (name, values) in rows {
        let cells: Vec<String> = values
            .iter()
            .map(|v| v.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        text.push_str(&format!("{name},{}\n", cells.join(",")));
    }
    text
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn score_json(args: &[&std::ffi::OsStr]) -> Value {
    let out = attune()
        .args(["score", "-q", Q, "--format", "json"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn quoted_fields_bom_and_crlf_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let header = format!("\u{feff}\"respondent\",{}", ids().join(","));
    let mut row: Vec<String> = vec!["\"Smith, Jo\"".to_string()];
    row.extend((0..36).map(|i| {
        if i == 0 {
            "\"6\"".to_string()
        } else {
            "4".to_string()
        }
    }));
    let text = format!("{header}\r\n{}\r\n", row.join(","));
    let path = write(dir.path(), "messy.csv", text);
    let out = attune()
        .args(["score", "-q", Q, "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "respondent,anxiety_mean,anxiety_percent,anxiety_band,avoidance_mean,avoidance_percent,avoidance_band,primary"
    );
    // anx-01 = 6 and 17 other anxiety items at 4 (reverse items at 4 stay 4):
    // mean (6 + 17 * 4) / 18 = 74 / 18.
    let mean = 74.0f64 / 18.0;
    assert_eq!(
        lines[1],
        format!(
            "\"Smith, Jo\",{mean},{},high,4,50,high,fearful",
            (mean - 1.0) / 6.0 * 100.0
        )
    );
}

#[test]
fn ignored_columns_are_skipped_and_other_unknown_columns_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("respondent,email,{}\n", ids().join(","));
    text.push_str(&format!("p1,a@b.c,{}\n", vec!["4"; 36].join(",")));
    let path = write(dir.path(), "extra.csv", text);
    attune()
        .args([
            "score",
            "-q",
            Q,
            "--format",
            "csv",
            "--ignore-column",
            "email",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("p1,4,50,high,4,50,high,fearful"));
    attune()
        .args(["score", "-q", Q, "--format", "csv"])
        .arg(&path)
        .assert()
        .code(65)
        .stdout("")
        .stderr(contains(
            "column `email` is not an item of close-relationships",
        ))
        .stderr(contains("--ignore-column email"));
    attune()
        .args(["stats", "-q", Q])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(contains("column `email`"));
}

#[test]
fn empty_cells_are_missing_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut values: Vec<Option<i64>> = vec![Some(5); 36];
    values[0] = None; // anx-01
    values[2] = None; // anx-02
    let path = write(dir.path(), "gaps.csv", table(&[("p1", values)]));
    let v = score_json(&[path.as_os_str()]);
    let anxiety = &v[0]["dimensions"][0];
    assert_eq!(anxiety["answered"], 16);
    assert_eq!(anxiety["items"], 18);
    assert!(anxiety["mean"].is_number());
}

#[test]
fn a_bad_cell_names_its_row_and_column_and_exits_65() {
    let dir = tempfile::tempdir().unwrap();
    let good = vec![Some(4); 36];
    let mut text = table(&[("p1", good.clone()), ("p2", good)]);
    text = text.replacen("p2,4,4", "p2,4,four", 1);
    let path = write(dir.path(), "bad.csv", text);
    attune()
        .args(["score", "-q", Q, "--format", "csv"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(contains(
            "line 3, row 2, column `avo-01`: `four` is not a whole number",
        ))
        .stderr(contains("leave the cell empty for a missing answer"));
    let mut values = vec![Some(4); 36];
    values[5] = Some(8);
    let path = write(dir.path(), "off.csv", table(&[("p1", values)]));
    attune()
        .args(["score", "-q", Q])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(contains(
            "line 2, row 1, column `avo-03`: 8 is outside the scale 1 to 7",
        ));
}

#[test]
fn a_short_row_is_an_error_not_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = table(&[("p1", vec![Some(4); 36])]);
    text.push_str("p2,4,4\n");
    let path = write(dir.path(), "short.csv", text);
    attune()
        .args(["score", "-q", Q, "--format", "jsonl"])
        .arg(&path)
        .assert()
        .code(65)
        .stderr(contains(
            "line 3: the row has 3 cells but the header has 37",
        ));
}

#[test]
fn text_output_summarises_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let low = vec![Some(2); 36];
    let high = vec![Some(6); 36];
    // Reverse items at 2 count as 6 and at 6 as 2: mixed on purpose.
    let mut gaps = vec![None; 36];
    gaps[0] = Some(3);
    let path = write(
        dir.path(),
        "t.csv",
        table(&[("a", low.clone()), ("b", high), ("c", low), ("d", gaps)]),
    );
    let out = attune()
        .args(["score", "-q", Q])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("4 respondents in"), "{text}");
    let anxiety = text
        .lines()
        .find(|l| l.starts_with("Anxiety"))
        .expect(&text);
    let cells: Vec<&str> = anxiety.split_whitespace().collect();
    // Scored 3, not scored 1, then mean, SD and the two bands.
    assert_eq!(cells[1..3], ["3", "1"], "{text}");
    let none = text.lines().find(|l| l.starts_with("none")).expect(&text);
    assert!(none.contains("1 (25.0%)"), "{text}");
    assert!(!text.contains("Practices to try"), "{text}");
}

/// A small deterministic generator, so the test data is the same every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn a_table_scores_exactly_as_the_same_answers_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Lcg(7);
    let ids = ids();
    let mut rows = Vec::new();
    let mut files = Vec::new();
    for person in 0..30 {
        let name = format!("person-{person}");
        let values: Vec<Option<i64>> = (0..36)
            .map(|_| (rng.next(10) != 0).then(|| 1 + rng.next(7) as i64))
            .collect();
        let mut toml =
            format!("format = 1\nquestionnaire = \"{Q}\"\nrespondent = \"{name}\"\n\n[answers]\n");
        for (id, value) in ids.iter().zip(&values) {
            if let Some(v) = value {
                toml.push_str(&format!("{id} = {v}\n"));
            }
        }
        files.push(write(dir.path(), &format!("{name}.toml"), toml));
        rows.push((name, values));
    }
    let borrowed: Vec<(&str, Vec<Option<i64>>)> =
        rows.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    let csv = write(dir.path(), "all.csv", table(&borrowed));
    let from_table = score_json(&[csv.as_os_str()]);
    let file_args: Vec<&std::ffi::OsStr> = files.iter().map(|f| f.as_os_str()).collect();
    let from_files = score_json(&file_args);
    assert_eq!(from_table.as_array().unwrap().len(), 30);
    for (a, b) in from_table
        .as_array()
        .unwrap()
        .iter()
        .zip(from_files.as_array().unwrap())
    {
        for (da, db) in a["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .zip(b["dimensions"].as_array().unwrap())
        {
            for key in ["mean", "percent"] {
                match (da[key].as_f64(), db[key].as_f64()) {
                    (Some(x), Some(y)) => assert_eq!(x, y, "{key} of {}", a["respondent"]),
                    (x, y) => assert_eq!(x, y),
                }
            }
        }
    }
    // Beyond the numbers, the whole reports agree.
    assert_eq!(from_table, from_files);
    // And the lean CSV path writes what the answers files give.
    let csv_of = |args: &[&std::ffi::OsStr]| {
        attune()
            .args(["score", "-q", Q, "--format", "csv"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(csv_of(&[csv.as_os_str()]), csv_of(&file_args));
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<(String, Vec<Option<i64>>)> = (0..2000)
        .map(|i| (format!("p{i}"), vec![Some(3); 36]))
        .collect();
    let borrowed: Vec<(&str, Vec<Option<i64>>)> =
        rows.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    let path = write(dir.path(), "long.csv", table(&borrowed));
    attune()
        .args(["score", "-q", Q, "--format", "csv"])
        .arg(&path)
        .assert()
        .success()
        .stderr("");
}
