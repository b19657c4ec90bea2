//! The binary end to end: every core command, every output format, every error
//! class with its exit code and located message. Commands run inside
//! `tests/fixtures` with relative paths, so snapshots never hold a temporary path.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// attune, run in the fixtures folder with a clean colour environment and a
/// private data directory (nothing here may touch a real home).
fn attune() -> Command {
    let mut cmd = Command::cargo_bin("attune").expect("the attune binary is built");
    cmd.current_dir(fixtures())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env(
            "ATTUNE_HOME",
            std::env::temp_dir().join("attune-tests-home"),
        );
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Exit code and both streams, for snapshots of what a user sees.
    fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

fn run_with(mut cmd: Command, args: &[&str], stdin: Option<&str>) -> Run {
    cmd.args(args);
    if let Some(stdin) = stdin {
        cmd.write_stdin(stdin.to_string());
    }
    let output = cmd.output().expect("attune runs");
    let run = Run {
        code: output.status.code().expect("attune exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "attune panicked on {args:?}:\n{}",
        run.stderr
    );
    run
}

fn run(args: &[&str]) -> Run {
    run_with(attune(), args, None)
}

fn run_stdin(args: &[&str], stdin: &str) -> Run {
    run_with(attune(), args, Some(stdin))
}

fn ok(args: &[&str]) -> Run {
    let run = run(args);
    assert_eq!(run.code, 0, "{args:?} failed:\n{}", run.transcript());
    run
}

fn close(value: &Value, expected: f64) {
    let actual = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is not a number"));
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

// ------------------------------------------------------------------ score

#[test]
fn score_text_report() {
    let run = ok(&["--color", "never", "score", "answers/kai.toml"]);
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!("score_text_kai", run.stdout);
}

#[test]
fn score_text_report_with_nothing_answered() {
    let run = ok(&["--color", "never", "score", "answers/blank.toml"]);
    insta::assert_snapshot!("score_text_blank", run.stdout);
}

#[test]
fn score_markdown_report() {
    let run = ok(&[
        "--color",
        "never",
        "score",
        "--format",
        "markdown",
        "answers/partial.toml",
    ]);
    insta::assert_snapshot!("score_markdown_partial", run.stdout);
}

#[test]
fn score_json_report_has_the_contract_fields_unrounded() {
    let report = ok(&["score", "--format", "json", "answers/kai.toml"]).json();
    assert_eq!(report["format"], 1);
    assert_eq!(report["questionnaire"]["id"], "mini");
    assert_eq!(report["questionnaire"]["version"], "2.0.0");
    assert_eq!(report["questionnaire"]["title"], "Mini");
    assert_eq!(report["respondent"], "kai");
    assert_eq!(report["scale"]["min"], 0);
    assert_eq!(report["scale"]["max"], 4);
    let near = &report["dimensions"][0];
    assert_eq!(near["id"], "near");
    assert_eq!(near["name"], "Reaching in");
    // near: 3, reversed 0 + 4 - 1 = 3, and 4: mean 10 / 3, unrounded.
    close(&near["mean"], 10.0 / 3.0);
    close(&near["percent"], 10.0 / 3.0 / 4.0 * 100.0);
    assert_eq!(near["band"], "high");
    assert_eq!(
        (near["answered"].as_u64(), near["items"].as_u64()),
        (Some(3), Some(3))
    );
    // Norms mean 2.0, sd 0.5: z = (10/3 - 2) / 0.5 = 8/3.
    close(&near["z"], 8.0 / 3.0);
    let percentile = near["percentile"].as_f64().unwrap();
    assert!((percentile - 99.616_961_943).abs() < 1e-6, "{percentile}");
    // far has no norms: no z or percentile keys at all.
    let far = report["dimensions"][1].as_object().unwrap();
    assert!(!far.contains_key("z") && !far.contains_key("percentile"));
    // far: 1 and reversed 0 + 4 - 3 = 1: mean 1.0, 25%, low.
    close(&far["mean"], 1.0);
    close(&far["percent"], 25.0);
    assert_eq!(far["band"], "low");
    assert_eq!(
        report["primary"],
        serde_json::json!({"kind": "dimension", "id": "near", "name": "Reaching in", "blend": []})
    );
    let practices: Vec<&str> = report["practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(practices, ["near-invite", "everyone-thanks"]);
    assert!(report["practices"][0]["title"].is_string());
    assert!(report["practices"][0]["text"].is_string());
    assert_eq!(report["warnings"], serde_json::json!([]));
}

#[test]
fn score_json_has_nulls_and_a_warning_for_an_unscored_dimension() {
    let report = ok(&["score", "--format", "json", "answers/partial.toml"]).json();
    let far = &report["dimensions"][1];
    assert_eq!(far["id"], "far");
    assert!(far["mean"].is_null() && far["percent"].is_null() && far["band"].is_null());
    assert_eq!(
        (far["answered"].as_u64(), far["items"].as_u64()),
        (Some(1), Some(2))
    );
    let warnings = report["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .unwrap()
            .starts_with("Stepping back was not scored")),
        "{warnings:?}"
    );
    // near is scored from 2 of 3 (0.67 >= 0.6): (2 + (4 - 2)) / 2 = 2.0.
    close(&report["dimensions"][0]["mean"], 2.0);
}

#[test]
fn score_json_primary_is_null_when_nothing_is_answered() {
    let report = ok(&["score", "--format", "json", "answers/blank.toml"]).json();
    assert!(report["primary"].is_null());
    for dimension in report["dimensions"].as_array().unwrap() {
        assert!(dimension["band"].is_null(), "{dimension}");
    }
    let practices: Vec<&str> = report["practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(practices, ["everyone-thanks"]);
}

#[test]
fn score_json_over_several_inputs_is_an_array_in_input_order() {
    let reports = ok(&[
        "score",
        "--format",
        "json",
        "answers/partial.toml",
        "answers/kai.toml",
        "answers/quick.toml",
    ])
    .json();
    let respondents: Vec<&str> = reports
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| r["respondent"].as_str().unwrap())
        .collect();
    assert_eq!(respondents, ["pat", "kai", "robin"]);
    assert_eq!(reports[2]["questionnaire"]["id"], "quick-check");
}

#[test]
fn score_json_over_a_csv_table_is_an_array_even_for_one_file() {
    let reports = ok(&[
        "score",
        "-q",
        "questionnaires/mini.toml",
        "--format",
        "json",
        "responses.csv",
    ])
    .json();
    let reports = reports.as_array().expect("an array");
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[1]["respondent"], "ben");
    // ben: far-1 = 3 and far-2 = 1 reversed to 3: mean 3.0, high; near 25%.
    close(&reports[1]["dimensions"][1]["mean"], 3.0);
    assert_eq!(reports[1]["primary"]["id"], "far");
}

#[test]
fn score_jsonl_is_one_object_per_line() {
    let run = ok(&[
        "score",
        "--format",
        "jsonl",
        "answers/kai.toml",
        "answers/blank.toml",
    ]);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["respondent"], "kai");
    assert!(lines[1]["primary"].is_null());
}

#[test]
fn score_csv_is_one_row_per_respondent_unrounded() {
    let run = ok(&[
        "score",
        "-q",
        "questionnaires/mini.toml",
        "--format",
        "csv",
        "responses.csv",
    ]);
    // cy answered near-1 = 2 and near-3 = 2 (2 of 3 >= 0.6): mean 2, 50%, mid;
    // far is blank: empty cells, and near is the primary style.
    assert_eq!(
        run.stdout,
        "respondent,near_mean,near_percent,near_band,far_mean,far_percent,far_band,primary\n\
         ana,4,100,high,0,0,low,near\n\
         ben,1,25,low,3,75,high,far\n\
         cy,2,50,mid,,,,near\n"
    );
    let run = ok(&["score", "--format", "csv", "answers/kai.toml"]);
    assert_eq!(
        run.stdout.lines().nth(1),
        Some("kai,3.3333333333333335,83.33333333333334,high,1,25,low,near")
    );
}

#[test]
fn score_reads_stdin_for_dash() {
    let answers = std::fs::read_to_string(fixtures().join("answers/quick.toml")).unwrap();
    let run = run_stdin(&["score", "--format", "json", "-"], &answers);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let report = run.json();
    assert_eq!(report["questionnaire"]["id"], "quick-check");
    assert_eq!(report["respondent"], "robin");
    // A CSV table on stdin is recognised without an extension.
    let table = std::fs::read_to_string(fixtures().join("responses.csv")).unwrap();
    let run = run_stdin(
        &[
            "score",
            "-q",
            "questionnaires/mini.toml",
            "--format",
            "jsonl",
            "-",
        ],
        &table,
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout.lines().count(), 3);
    // Streamed from stdin, the table scores exactly as from its file.
    let args = ["score", "-q", "questionnaires/mini.toml", "--format", "csv"];
    let piped = run_stdin(&[&args[..], &["-"]].concat(), &table);
    let from_file = ok(&[&args[..], &["responses.csv"]].concat());
    assert_eq!(piped.code, 0, "{}", piped.transcript());
    assert_eq!(piped.stdout, from_file.stdout);
}

#[test]
fn score_with_q_for_a_file_that_names_no_questionnaire() {
    let run = ok(&[
        "score",
        "-q",
        "questionnaires/mini.toml",
        "--format",
        "json",
        "answers/unnamed.toml",
    ]);
    assert_eq!(run.json()["respondent"], "nameless");
}

#[test]
fn score_output_file_is_private_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    let run = ok(&[
        "score",
        "--format",
        "json",
        "-o",
        target.to_str().unwrap(),
        "answers/kai.toml",
    ]);
    assert_eq!(run.stdout, "");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(written["respondent"], "kai");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
    // No temporary file is left next to it.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn color_always_adds_ansi_codes_and_no_color_keeps_them_out() {
    let coloured = ok(&["--color", "always", "score", "answers/kai.toml"]);
    assert!(
        coloured.stdout.contains("\x1b["),
        "no ANSI codes with --color always"
    );
    let plain = run_with(
        {
            let mut cmd = attune();
            cmd.env("NO_COLOR", "1");
            cmd
        },
        &["--color", "auto", "score", "answers/old-version.toml"],
        None,
    );
    assert_eq!(plain.code, 0);
    assert!(!plain.stdout.contains('\x1b') && !plain.stderr.contains('\x1b'));
    // The same warning with --color always is coloured on stderr too.
    let warned = ok(&["--color", "always", "score", "answers/old-version.toml"]);
    assert!(warned.stderr.contains("\x1b["), "{}", warned.stderr);
}

/// Spawns attune with stdout into a pipe whose reader is closed at once, and
/// returns the exit code and stderr.
fn into_closed_pipe(args: &[String]) -> (Option<i32>, String) {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("attune"))
        .current_dir(fixtures())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("attune starts");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code(), stderr)
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // 200 reports are far more than a pipe buffer holds, so the write must fail.
    for format in ["text", "json", "csv"] {
        let mut args: Vec<String> = ["--color", "never", "score", "--format", format]
            .map(String::from)
            .to_vec();
        args.extend(std::iter::repeat_n("answers/kai.toml".to_string(), 200));
        let (code, stderr) = into_closed_pipe(&args);
        assert_eq!(code, Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
    let (code, stderr) = into_closed_pipe(&["show".to_string(), "connection-styles".to_string()]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

// ------------------------------------------------------------------ score errors

/// The transcript of a failing command, checked for its exit code.
fn failing(args: &[&str], code: i32) -> String {
    let run = run(args);
    assert_eq!(run.code, code, "{args:?}:\n{}", run.transcript());
    assert_eq!(run.stdout, "", "{args:?} printed a report despite failing");
    run.transcript()
}

#[test]
fn answers_errors_are_located_with_exit_65() {
    for name in [
        "unknown-item",
        "off-scale",
        "fraction",
        "not-found",
        "unnamed",
    ] {
        let path = format!("answers/{name}.toml");
        let transcript = failing(&["--color", "never", "score", &path], 65);
        insta::assert_snapshot!(format!("score_error_{name}"), transcript);
    }
}

#[test]
fn a_bad_csv_cell_names_its_line_and_column() {
    let run = run(&[
        "--color",
        "never",
        "score",
        "-q",
        "questionnaires/mini.toml",
        "--format",
        "csv",
        "bad-cell.csv",
    ]);
    assert_eq!(run.code, 65);
    insta::assert_snapshot!("score_error_bad_cell", run.transcript());
}

#[test]
fn a_version_mismatch_is_a_warning_not_an_error() {
    let run = ok(&[
        "--color",
        "never",
        "score",
        "--format",
        "json",
        "answers/old-version.toml",
    ]);
    insta::assert_snapshot!("score_warning_version", run.stderr);
    let warnings = &run.json()["warnings"];
    assert!(
        warnings[0].as_str().unwrap().contains("version 1.0.0"),
        "{warnings}"
    );
    // --quiet keeps stderr clean, and the JSON still carries the warning.
    let quiet = ok(&[
        "--quiet",
        "score",
        "--format",
        "json",
        "answers/old-version.toml",
    ]);
    assert_eq!(quiet.stderr, "");
    assert_eq!(quiet.json()["warnings"], *warnings);
}

#[test]
fn an_unreadable_file_exits_1() {
    let transcript = failing(&["--color", "never", "score", "answers/missing.toml"], 1);
    assert!(transcript.contains("answers/missing.toml"), "{transcript}");
    insta::assert_snapshot!("score_error_missing_file", transcript);
    // A folder is not an answers file either.
    failing(&["score", "answers"], 1);
}

#[test]
fn bad_usage_exits_2() {
    failing(&["score"], 2);
    failing(&["score", "--format", "yaml", "answers/kai.toml"], 2);
    failing(&["frobnicate"], 2);
    let transcript = failing(&["score", "-", "-"], 2);
    assert!(transcript.contains("only once"), "{transcript}");
    let transcript = failing(&["score", "responses.csv"], 2);
    assert!(transcript.contains("-q QUESTIONNAIRE"), "{transcript}");
    insta::assert_snapshot!("usage_csv_without_questionnaire", transcript);
}

// ------------------------------------------------------------------ check

#[test]
fn check_passes_a_valid_file_with_a_summary_line() {
    let run = ok(&["check", "questionnaires/mini.toml", "connection-styles"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "ok: questionnaires/mini.toml: mini 2.0.0 (2 dimensions, 5 items, 2 reverse-keyed, 3 bands, 0 profiles, 3 practices)"
    );
    assert!(
        lines[1].starts_with("ok: <built-in connection-styles>: connection-styles "),
        "{}",
        lines[1]
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn check_fails_with_65_when_any_file_has_a_problem() {
    let run = run(&[
        "--color",
        "never",
        "check",
        "questionnaires/mini.toml",
        "questionnaires/bad-duplicate-id.toml",
    ]);
    assert_eq!(run.code, 65);
    assert!(run.stdout.starts_with("ok: questionnaires/mini.toml"));
    assert!(
        run.stderr
            .ends_with("attune check: error: 1 problem in 1 of 2 files\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_goes_on_past_an_unreadable_file_and_exits_1() {
    let run = run(&[
        "--color",
        "never",
        "check",
        "questionnaires/missing.toml",
        "questionnaires/mini.toml",
        "questionnaires/bad-duplicate-id.toml",
    ]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout.starts_with("ok: questionnaires/mini.toml"),
        "the files after the unreadable one are still checked:\n{}",
        run.transcript()
    );
    assert!(run.stderr.contains("duplicate"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: questionnaires/missing.toml: No such file"),
        "{}",
        run.stderr
    );
}

const BAD_QUESTIONNAIRES: &[&str] = &[
    "syntax",
    "unknown-key",
    "wrong-type",
    "missing-field",
    "duplicate-id",
    "unknown-dimension",
    "unknown-band",
    "unknown-profile",
    "empty-dimension",
    "scale-order",
    "label-count",
    "bands-order",
    "norms-sd",
    "norms-nan",
];

#[test]
fn each_questionnaire_error_is_located_with_exit_65() {
    for name in BAD_QUESTIONNAIRES {
        let path = format!("questionnaires/bad-{name}.toml");
        let transcript = failing(&["--color", "never", "check", &path], 65);
        assert!(
            transcript.contains(&format!("{path}:")),
            "{name}: not located:\n{transcript}"
        );
        assert!(transcript.contains("= help:"), "{name}: no help");
        insta::assert_snapshot!(format!("check_{name}"), transcript);
    }
}

#[test]
fn check_reports_every_problem_in_a_file_not_only_the_first() {
    let transcript = failing(
        &[
            "--color",
            "never",
            "check",
            "questionnaires/bad-several.toml",
        ],
        65,
    );
    for needle in [
        "unknown key `author`",
        "`max` in [scale] must be a whole number",
        "norms `sd` must be greater than 0",
        "bands must be strictly increasing",
        "unknown dimension `fra`",
        "duplicate item id `far-1`",
        "6 problems in 1 of 1 file",
    ] {
        assert!(
            transcript.contains(needle),
            "missing {needle}:\n{transcript}"
        );
    }
    insta::assert_snapshot!("check_several", transcript);
}

#[test]
fn a_broken_questionnaire_named_by_answers_fails_scoring_with_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("questionnaires/bad-unknown-key.toml"),
        dir.path().join("q.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.toml"),
        "format = 1\nquestionnaire = \"q.toml\"\n[answers]\nnear-1 = 1\n",
    )
    .unwrap();
    let mut cmd = attune();
    cmd.current_dir(dir.path());
    let run = run_with(cmd, &["score", "a.toml"], None);
    assert_eq!(run.code, 65);
    assert!(
        run.stderr
            .contains("q.toml:53:1: error: unknown key `revers`"),
        "{}",
        run.stderr
    );
}

// ------------------------------------------------------------------ list, show

#[test]
fn list_text_and_json() {
    let run = ok(&["--color", "never", "list"]);
    insta::assert_snapshot!("list_text", run.stdout);
    let list = ok(&["list", "--format", "json"]).json();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["connection-styles", "close-relationships", "quick-check"]
    );
    assert_eq!(list[0]["default"], true);
    assert_eq!(list[0]["items"], 30);
    assert_eq!(list[2]["minutes"], 2);
    assert_eq!(
        list[1]["dimensions"],
        serde_json::json!(["anxiety", "avoidance"])
    );
}

#[test]
fn show_text_markdown_and_json() {
    let run = ok(&["--color", "never", "show", "questionnaires/mini.toml"]);
    insta::assert_snapshot!("show_text_mini", run.stdout);
    let run = ok(&["show", "--format", "markdown", "questionnaires/mini.toml"]);
    insta::assert_snapshot!("show_markdown_mini", run.stdout);
    let shown = ok(&["show", "--format", "json", "questionnaires/mini.toml"]).json();
    assert_eq!(shown["id"], "mini");
    assert_eq!(shown["scale"]["min"], 0);
    assert_eq!(shown["scale"]["labels"].as_array().unwrap().len(), 5);
    assert_eq!(
        shown["dimensions"][0]["reverse_keyed"],
        serde_json::json!(["near-2"])
    );
    close(&shown["dimensions"][0]["min_answered"], 0.6);
    close(&shown["dimensions"][1]["min_answered"], 0.8);
    assert!(shown["bands"][2]["below"].is_null());
    assert_eq!(shown["practices"][2]["for"], serde_json::json!(["*"]));
    let shown = ok(&["show", "--format", "json", "close-relationships"]).json();
    assert_eq!(shown["profiles"].as_array().unwrap().len(), 4);
    assert_eq!(shown["profiles"][0]["id"], "secure");
}

#[test]
fn show_of_an_unknown_questionnaire_lists_the_built_ins() {
    let transcript = failing(&["--color", "never", "show", "quick-chek"], 65);
    insta::assert_snapshot!("show_not_found", transcript);
}

// ------------------------------------------------------------------ template, new

#[test]
fn template_filled_in_scores() {
    let mini = ok(&["template", "questionnaires/mini.toml"]).stdout;
    insta::assert_snapshot!("template_mini", mini);
    let template = ok(&["template", "quick-check", "--respondent", "sky"]).stdout;
    // Fill every `id = ` line with 4: quick-check scores on 1-5.
    let filled: String = template
        .lines()
        .map(|line| {
            if line.ends_with(" = ") && !line.starts_with('#') {
                format!("{line}4\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sky.toml");
    std::fs::write(&path, filled).unwrap();
    let report = ok(&["score", "--format", "json", path.to_str().unwrap()]).json();
    assert_eq!(report["respondent"], "sky");
    for dimension in report["dimensions"].as_array().unwrap() {
        assert_eq!(dimension["answered"], 4, "{dimension}");
        assert!(dimension["mean"].is_number(), "{dimension}");
    }
    // An untouched template says which answer is missing, located.
    std::fs::write(&path, &template).unwrap();
    let mut cmd = attune();
    cmd.current_dir(dir.path());
    let run = run_with(cmd, &["--color", "never", "score", "sky.toml"], None);
    assert_eq!(run.code, 65);
    assert!(
        run.stderr.contains("no answer given for `sec-1`"),
        "{}",
        run.stderr
    );
}

#[test]
fn template_to_a_file_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.toml");
    let run = ok(&[
        "template",
        "connection-styles",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(run.stdout, "");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("questionnaire = \"connection-styles\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
}

#[test]
fn new_writes_a_questionnaire_that_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = attune();
    cmd.current_dir(dir.path());
    let run = run_with(cmd, &["new", "Family Ties.toml"], None);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let mut cmd = attune();
    cmd.current_dir(dir.path());
    let check = run_with(cmd, &["check", "Family Ties.toml"], None);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check
            .stdout
            .starts_with("ok: Family Ties.toml: family-ties 0.1.0"),
        "{}",
        check.stdout
    );
    // It never overwrites without --force.
    let mut cmd = attune();
    cmd.current_dir(dir.path());
    let again = run_with(cmd, &["new", "Family Ties.toml"], None);
    assert_eq!(again.code, 2, "{}", again.transcript());
    assert!(again.stderr.contains("--force"));
}

// ------------------------------------------------------------------ completions, man

#[test]
fn completions_and_man_page() {
    let bash = ok(&["completions", "bash"]).stdout;
    assert!(bash.contains("_attune()"), "not a bash completion script");
    for command in ["score", "check", "template", "show"] {
        assert!(bash.contains(command), "completion lacks {command}");
    }
    let man = ok(&["man"]).stdout;
    assert!(man.contains(".TH attune"), "not a roff man page");
    assert!(man.contains("reflection aid"));
}
