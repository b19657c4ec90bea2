//! `attune take`: the interactive quiz. This file decides where answers are
//! saved and what happens at the end; the quiz itself lives in `crate::quiz`.

use std::path::{Path, PathBuf};

use crate::catalog;
use crate::cli::TakeArgs;
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::quiz::{self, DialoguerPrompter, Outcome, Session, order, session};
use crate::report::{self, Format};
use crate::scoring::{self, Report};
use crate::store;

pub fn run(context: &Context, args: TakeArgs) -> Result<()> {
    if !quiz::is_interactive() {
        return Err(Error::Usage(no_terminal_message(&args.questionnaire)));
    }
    match args.resume.clone() {
        Some(path) => resume(context, &args, &path),
        None => start(context, &args),
    }
}

/// Never prompt without a terminal: say what to use instead.
fn no_terminal_message(questionnaire: &str) -> String {
    let q = quiz::shell_quote(questionnaire);
    format!(
        "`attune take` asks its questions in a terminal, and stdin or stderr is not one here, so nothing was asked.\n\
         To answer without a terminal, print an answers file, fill in the numbers, then score it:\n  \
         attune template {q} > answers.toml\n  \
         attune score answers.toml"
    )
}

fn start(context: &Context, args: &TakeArgs) -> Result<()> {
    let questionnaire = catalog::resolve(&args.questionnaire, None)?;
    let path = match &args.save {
        Some(path) => {
            refuse_to_overwrite(path)?;
            absolute(path)
        }
        None => session::new_answers_path(&store::data_dir()?.join("answers"), &questionnaire.id)?,
    };
    let seed = (args.shuffle || questionnaire.shuffle)
        .then(|| args.seed.unwrap_or_else(order::seed_from_clock));
    let mut session = Session::start(
        &questionnaire,
        session::questionnaire_name(&args.questionnaire),
        path.clone(),
        seed,
        args.respondent.clone(),
    );
    session.save()?;
    if !context.quiet {
        eprintln!(
            "Your answers are saved after every answer in {}",
            path.display()
        );
    }
    ask(context, &mut session)
}

fn resume(context: &Context, args: &TakeArgs, path: &Path) -> Result<()> {
    // The questionnaire comes from the file; one named on the command line
    // (other than the default) must be the same.
    let expected = if args.questionnaire == catalog::DEFAULT {
        None
    } else {
        Some(catalog::resolve(&args.questionnaire, None)?)
    };
    let saved = session::open_saved(path, expected.as_ref())?;
    if args.shuffle {
        context.warn("--shuffle is ignored with --resume: a resumed quiz keeps its order");
    }
    if args.respondent.is_some() {
        context.warn("--respondent is ignored with --resume: the file keeps its respondent");
    }
    let mut session = Session::resume(&saved, absolute(path));
    if session.is_complete() {
        eprintln!(
            "{} is already complete, so there is nothing left to answer. Its report follows; `attune score {}` shows it any time.",
            session.path().display(),
            quiz::shell_quote(&session.path().display().to_string())
        );
        return print_report(context, &report_of(&session));
    }
    if !context.quiet {
        eprintln!(
            "Continuing {}; answers are saved after every answer.",
            session.path().display()
        );
    }
    ask(context, &mut session)
}

/// Runs the quiz and handles how it ended.
fn ask(context: &Context, session: &mut Session<'_>) -> Result<()> {
    if let Err(e) = quiz::install_interrupt_handler(session.path()) {
        context.warn(&format!(
            "cannot catch Ctrl-C ({e}); answers are still saved after every answer"
        ));
    }
    let color = context.color.enabled(true);
    let mut prompter = DialoguerPrompter::new(color);
    let outcome = quiz::run(session, &mut prompter);
    quiz::restore_cursor();
    if !quiz::claim_ending() {
        // The Ctrl-C handler is reporting the interruption and exiting with 130.
        loop {
            std::thread::park();
        }
    }
    match outcome? {
        Outcome::Interrupted => Err(Error::Interrupted(quiz::interrupted_message(
            session.path(),
        ))),
        Outcome::Finished => {
            let report = report_of(session);
            print_report(context, &report)?;
            let path = session.path();
            eprintln!(
                "\nYour answers are saved in {}\nScore them again any time with: attune score {}",
                path.display(),
                quiz::shell_quote(&path.display().to_string())
            );
            crate::history::record(&report, path)
        }
    }
}

/// The report `attune score` would give for the saved file.
fn report_of<'q>(session: &Session<'q>) -> Report<'q> {
    let mut responses = session.responses();
    if responses.respondent.is_none() {
        // As `attune score` does: the file name stands in for a respondent label.
        responses.respondent = session
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
    }
    scoring::score(session.questionnaire(), &responses)
}

/// Prints the text report on stdout, as `attune score` does.
fn print_report(context: &Context, report: &Report<'_>) -> Result<()> {
    let mut output = Output::open(None)?;
    let color = context.color.enabled(output.is_terminal());
    let mut writer = report::writer(Format::Text, false, color);
    writer
        .write(&mut output, report)
        .map_err(|e| output.error(e))?;
    writer.finish(&mut output).map_err(|e| output.error(e))?;
    output.finish()
}

/// `--save` must not silently replace someone's answers.
fn refuse_to_overwrite(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == 0 => Ok(()),
        Ok(_) => Err(Error::Usage(format!(
            "{} already exists; continue it with `attune take --resume {}`, or choose another file for --save",
            path.display(),
            quiz::shell_quote(&path.display().to_string())
        ))),
        Err(_) => Ok(()),
    }
}

/// Paths are shown absolute, so the printed resume command works from anywhere.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
