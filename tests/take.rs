//! `attune take` without a terminal: it must refuse at once, say what to use
//! instead, and never prompt or wait for input.

use assert_cmd::Command;
use predicates::prelude::*;

fn attune(home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("attune").unwrap();
    cmd.env("ATTUNE_HOME", home).env_remove("NO_COLOR");
    cmd
}

#[test]
fn without_a_terminal_take_names_template_and_score_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    attune(home.path())
        .args(["take", "quick-check"])
        .write_stdin("1\n2\n3\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("attune template quick-check")
                .and(predicate::str::contains("attune score answers.toml"))
                .and(predicate::str::contains("terminal")),
        );
    let answers = home.path().join("answers");
    assert!(
        !answers.exists() || std::fs::read_dir(&answers).unwrap().next().is_none(),
        "no answers file is created when nothing can be asked"
    );
}

#[test]
fn without_a_terminal_resume_and_save_also_refuse_without_touching_files() {
    let home = tempfile::tempdir().unwrap();
    let partial = home.path().join("partial.toml");
    std::fs::write(
        &partial,
        "format = 1\nquestionnaire = \"quick-check\"\ncomplete = false\n",
    )
    .unwrap();
    attune(home.path())
        .args(["take", "--resume"])
        .arg(&partial)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("attune template")
                .and(predicate::str::contains("attune score")),
        );
    assert_eq!(
        std::fs::read_to_string(&partial).unwrap(),
        "format = 1\nquestionnaire = \"quick-check\"\ncomplete = false\n"
    );
    let save = home.path().join("new.toml");
    attune(home.path())
        .args(["take", "--save"])
        .arg(&save)
        .write_stdin("")
        .assert()
        .code(2);
    assert!(!save.exists());
}
