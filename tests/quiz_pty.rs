//! `attune take` in a real pseudo-terminal, driven like a person would: wait for
//! the prompt, press a key, wait for the next screen. Each test waits for text
//! before every key, sends Esc on its own, and matches ASCII text, never glyphs.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

/// Generous, since CI machines are slow; a test only waits this long if it fails.
const TIMEOUT_MS: u64 = 30_000;
const ITEMS: usize = 12;

fn spawn(home: &Path, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attune"));
    cmd.args(args)
        .env("ATTUNE_HOME", home)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn attune in a pty")
}

fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// The intro: waits for its prompt and the one choice (`Begin` or `Continue`).
fn begin(p: &mut PtySession, label: &str) {
    p.exp_string("Ready?").unwrap();
    p.exp_string(label).unwrap();
    send(p, "\r");
}

/// Waits until item `number` is fully drawn.
fn wait_for_item(p: &mut PtySession, number: usize) {
    p.exp_string(&format!("[{number}/{ITEMS}]")).unwrap();
    p.exp_string("Your answer").unwrap();
    p.exp_string("Prefer not to answer").unwrap();
}

/// Waits for item `number` and picks the scale value `1 + downs`.
fn answer(p: &mut PtySession, number: usize, downs: usize) {
    wait_for_item(p, number);
    for _ in 0..downs {
        send(p, "j");
    }
    send(p, "\r");
}

/// The review screen, then "See my results"; returns everything printed after it.
fn see_results(p: &mut PtySession) -> String {
    p.exp_string("What next?").unwrap();
    p.exp_string("Revisit a statement").unwrap();
    send(p, "\r");
    p.exp_eof().unwrap()
}

fn exit_code(p: &mut PtySession) -> i32 {
    match p.process_mut().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("attune did not exit normally: {other:?}"),
    }
}

fn answer_value(file: &str, id: &str) -> Option<i64> {
    let prefix = format!("{id} = ");
    file.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .and_then(|v| v.trim().parse().ok())
}

#[test]
fn a_whole_quiz_ends_with_the_report_and_a_complete_private_file() {
    let home = tempfile::tempdir().unwrap();
    let save = home.path().join("whole.toml");
    let mut p = spawn(
        home.path(),
        &["take", "quick-check", "--save", save.to_str().unwrap()],
    );
    p.exp_string("Quick Check").unwrap();
    begin(&mut p, "Begin");
    for number in 1..=ITEMS {
        answer(&mut p, number, number % 5);
    }
    let rest = see_results(&mut p);
    assert!(
        rest.contains("Dimension"),
        "the score table is shown:\n{rest}"
    );
    assert!(rest.contains("reflection aid"), "{rest}");
    assert!(rest.contains("Your answers are saved in"), "{rest}");
    assert!(rest.contains("whole.toml"), "{rest}");
    assert_eq!(exit_code(&mut p), 0);

    let file = std::fs::read_to_string(&save).unwrap();
    assert!(file.contains("complete = true"), "{file}");
    assert_eq!(answer_value(&file, "sec-1"), Some(2));
    assert_eq!(answer_value(&file, "avo-1"), Some(4));
    assert_eq!(answer_value(&file, "sec-2"), Some(5));
    assert_eq!(answer_value(&file, "anx-2"), Some(1));
    assert_eq!(answer_value(&file, "avo-4"), Some(3));
    let mode = std::fs::metadata(&save).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // The finished quiz is in the history, once, with the file it came from.
    let history = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["history", "--format", "json"])
        .env("ATTUNE_HOME", home.path())
        .output()
        .unwrap();
    assert!(history.status.success());
    let entries: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["questionnaire"]["id"], "quick-check");
    assert_eq!(entries[0]["answers"], save.to_str().unwrap());

    // Resuming a finished quiz asks nothing: it says so and shows the report.
    let mut p = spawn(home.path(), &["take", "--resume", save.to_str().unwrap()]);
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("already complete"), "{rest}");
    assert!(rest.contains("Dimension"), "{rest}");
    assert!(!rest.contains("Your answer"), "{rest}");
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(std::fs::read_to_string(&save).unwrap(), file);
    let results = std::fs::read_dir(home.path().join("history"))
        .unwrap()
        .count();
    assert_eq!(
        results, 1,
        "showing a finished quiz again records nothing new"
    );
}

#[test]
fn going_back_with_esc_changes_an_earlier_answer() {
    let home = tempfile::tempdir().unwrap();
    let save = home.path().join("back.toml");
    let mut p = spawn(
        home.path(),
        &["take", "quick-check", "--save", save.to_str().unwrap()],
    );
    p.exp_string("Quick Check").unwrap();
    begin(&mut p, "Begin");
    answer(&mut p, 1, 0);
    answer(&mut p, 2, 1);
    answer(&mut p, 3, 2);
    // On item 4, Esc twice: back to item 3, then to item 2.
    wait_for_item(&mut p, 4);
    send(&mut p, "\x1b");
    wait_for_item(&mut p, 3);
    send(&mut p, "\x1b");
    // Item 2 again, its answer (2) preselected: two more downs make it 4.
    answer(&mut p, 2, 2);
    answer(&mut p, 3, 0); // keeps the preselected earlier answer, 3
    wait_for_item(&mut p, 4);
    send(&mut p, "\x03");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130);

    let file = std::fs::read_to_string(&save).unwrap();
    assert_eq!(answer_value(&file, "sec-1"), Some(1));
    assert_eq!(answer_value(&file, "anx-1"), Some(4), "{file}");
    assert_eq!(answer_value(&file, "avo-1"), Some(3), "{file}");
}

#[test]
fn ctrl_c_after_three_answers_saves_them_and_resume_finishes_the_same_file() {
    let home = tempfile::tempdir().unwrap();
    let save = home.path().join("ctrl-c.toml");
    let save_arg = save.to_str().unwrap();
    let mut p = spawn(home.path(), &["take", "quick-check", "--save", save_arg]);
    p.exp_string("Quick Check").unwrap();
    begin(&mut p, "Begin");
    answer(&mut p, 1, 4);
    answer(&mut p, 2, 3);
    answer(&mut p, 3, 2);
    wait_for_item(&mut p, 4);
    send(&mut p, "\x03");
    let rest = p.exp_eof().unwrap();
    assert_eq!(
        rest.matches("Quiz interrupted").count(),
        1,
        "the interruption is reported once: {rest}"
    );
    assert!(
        rest.contains(&format!("attune take --resume {save_arg}")),
        "{rest}"
    );
    assert_eq!(exit_code(&mut p), 130);

    let file = std::fs::read_to_string(&save).unwrap();
    assert!(file.contains("complete = false"), "{file}");
    assert_eq!(answer_value(&file, "sec-1"), Some(5));
    assert_eq!(answer_value(&file, "anx-1"), Some(4));
    assert_eq!(answer_value(&file, "avo-1"), Some(3));
    assert_eq!(
        answer_value(&file, "sec-2"),
        None,
        "only three answers: {file}"
    );

    let mut p = spawn(home.path(), &["take", "--resume", save_arg]);
    begin(&mut p, "Continue");
    for number in 4..=ITEMS {
        answer(&mut p, number, 0);
    }
    let rest = see_results(&mut p);
    assert!(rest.contains("Dimension"), "{rest}");
    assert_eq!(exit_code(&mut p), 0);

    let file = std::fs::read_to_string(&save).unwrap();
    assert!(file.contains("complete = true"), "{file}");
    assert_eq!(
        answer_value(&file, "sec-1"),
        Some(5),
        "earlier answers are kept"
    );
    assert_eq!(answer_value(&file, "avo-1"), Some(3));
    assert_eq!(answer_value(&file, "sec-2"), Some(1));
    assert_eq!(answer_value(&file, "avo-4"), Some(1));
}

#[test]
fn an_interrupt_signal_restores_the_cursor_and_prints_the_same_resume_command() {
    let home = tempfile::tempdir().unwrap();
    let save = home.path().join("signal.toml");
    let save_arg = save.to_str().unwrap();
    let mut p = spawn(home.path(), &["take", "quick-check", "--save", save_arg]);
    p.exp_string("Quick Check").unwrap();
    begin(&mut p, "Begin");
    answer(&mut p, 1, 1);
    wait_for_item(&mut p, 2);
    // A signal, as from `kill -INT`, rather than the key a terminal in raw mode reads.
    p.process_mut()
        .signal(rexpect::process::Signal::SIGINT)
        .unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    assert!(rest.contains("Quiz interrupted"), "{rest}");
    assert!(
        rest.contains(&format!("attune take --resume {save_arg}")),
        "{rest}"
    );
    assert_eq!(exit_code(&mut p), 130);
    let file = std::fs::read_to_string(&save).unwrap();
    assert_eq!(answer_value(&file, "sec-1"), Some(2));
    assert!(file.contains("complete = false"));
}

#[test]
fn by_default_answers_go_to_a_new_timestamped_file_in_the_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let mut p = spawn(home.path(), &["take", "quick-check"]);
    let expected = format!("{}/answers/quick-check-", home.path().display());
    p.exp_string(&format!("saved after every answer in {expected}"))
        .unwrap();
    p.exp_string("Ready?").unwrap();
    p.exp_string("Begin").unwrap();
    send(&mut p, "\x03");
    let rest = p.exp_eof().unwrap();
    assert!(
        rest.contains(&format!("attune take --resume {expected}")),
        "{rest}"
    );
    assert_eq!(exit_code(&mut p), 130);
    let files: Vec<_> = std::fs::read_dir(home.path().join("answers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with("Z.toml"), "{name}");
    let file = std::fs::read_to_string(&files[0]).unwrap();
    assert!(file.contains("complete = false") && file.contains("questionnaire = \"quick-check\""));
}

#[test]
fn save_refuses_to_overwrite_and_resume_checks_the_version() {
    let home = tempfile::tempdir().unwrap();
    let existing = home.path().join("existing.toml");
    std::fs::write(&existing, "format = 1\n").unwrap();
    let mut p = spawn(
        home.path(),
        &["take", "quick-check", "--save", existing.to_str().unwrap()],
    );
    let rest = p.exp_eof().unwrap();
    assert!(
        rest.contains("already exists") && rest.contains("--resume"),
        "{rest}"
    );
    assert_eq!(exit_code(&mut p), 2);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "format = 1\n");

    let old = home.path().join("old.toml");
    std::fs::write(
        &old,
        "format = 1\nquestionnaire = \"quick-check\"\nversion = \"0.9.0\"\ncomplete = false\n\n[answers]\nsec-1 = 2\n",
    )
    .unwrap();
    let mut p = spawn(home.path(), &["take", "--resume", old.to_str().unwrap()]);
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("version 0.9.0 of quick-check"), "{rest}");
    assert!(
        rest.contains("old.toml:3"),
        "the error points at the line: {rest}"
    );
    assert_eq!(exit_code(&mut p), 65);
}

#[test]
fn a_shuffled_quiz_stores_its_seed_and_resumes_in_the_same_order() {
    let home = tempfile::tempdir().unwrap();
    let save = home.path().join("shuffled.toml");
    let save_arg = save.to_str().unwrap();
    let questionnaire = attune::catalog::resolve("quick-check", None).unwrap();
    let order = attune::quiz::order::shuffled(ITEMS, 5);
    // The first words of an item's text (the whole may be wrapped on screen).
    let text = |position: usize| {
        let words: Vec<&str> = questionnaire.items[order[position]]
            .text
            .split_whitespace()
            .take(5)
            .collect();
        words.join(" ")
    };

    let mut p = spawn(
        home.path(),
        &[
            "take",
            "quick-check",
            "--shuffle",
            "--seed",
            "5",
            "--save",
            save_arg,
        ],
    );
    begin(&mut p, "Begin");
    for (position, downs) in [(0, 0), (1, 4)] {
        p.exp_string(&format!("[{}/12]", position + 1)).unwrap();
        p.exp_string(&text(position)).unwrap();
        p.exp_string("Prefer not to answer").unwrap();
        for _ in 0..downs {
            send(&mut p, "j");
        }
        send(&mut p, "\r");
    }
    wait_for_item(&mut p, 3);
    send(&mut p, "\x03");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130);
    let file = std::fs::read_to_string(&save).unwrap();
    assert!(file.contains("seed = 5"), "{file}");
    let second = &questionnaire.items[order[1]].id;
    assert_eq!(answer_value(&file, second), Some(5), "{file}");

    let mut p = spawn(home.path(), &["take", "--resume", save_arg]);
    begin(&mut p, "Continue");
    p.exp_string("[3/12]").unwrap();
    p.exp_string(&text(2)).unwrap();
    p.exp_string("Prefer not to answer").unwrap();
    send(&mut p, "\x03");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn a_number_key_answers_at_once_and_other_digits_are_ignored() {
    let home = tempfile::tempdir().unwrap();
    let save = home.path().join("numbers.toml");
    let save_arg = save.to_str().unwrap();
    let mut p = spawn(home.path(), &["take", "quick-check", "--save", save_arg]);
    p.exp_regex(r"press\s+a\s+number\s+to\s+answer\s+at\s+once")
        .unwrap();
    begin(&mut p, "Begin");
    wait_for_item(&mut p, 1);
    send(&mut p, "4");
    wait_for_item(&mut p, 2);
    // 9 is not on the 1-5 scale: nothing happens, and 2 then answers.
    send(&mut p, "9");
    send(&mut p, "2");
    wait_for_item(&mut p, 3);
    send(&mut p, "\x03");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130);
    let file = std::fs::read_to_string(&save).unwrap();
    assert_eq!(answer_value(&file, "sec-1"), Some(4), "{file}");
    assert_eq!(answer_value(&file, "anx-1"), Some(2), "{file}");
    assert_eq!(answer_value(&file, "avo-1"), None, "{file}");
}
