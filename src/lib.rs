//! attune: attachment-style self-assessment for the terminal.
//!
//! The library loads and validates questionnaires (`questionnaire`, `catalog`),
//! reads answers (`answers`, `responses_csv`), scores them (`scoring`) and renders
//! reports (`report`). The binary is a thin layer over `commands`.

pub mod answered;
pub mod answers;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod diagnostic;
pub mod error;
pub mod history;
pub mod output;
pub mod questionnaire;
pub mod quiz;
pub mod report;
pub mod responses_csv;
pub mod scoring;
pub mod stats;
pub mod store;
pub mod toml_reader;

use clap::Parser;

/// Runs attune with the process's arguments and returns the exit code.
pub fn main_exit_code() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                error::exit::USAGE
            } else {
                error::exit::SUCCESS
            };
        }
    };
    let color = cli.color.enabled(console::Term::stderr().is_term());
    match commands::run(cli) {
        Ok(()) => error::exit::SUCCESS,
        Err(e) if e.is_broken_pipe() => error::exit::SUCCESS,
        Err(e) => {
            let label = console::Style::new().red().bold().force_styling(color);
            match &e {
                // Located problems already start with `path:line:col: error:`.
                error::Error::Invalid(_) | error::Error::Interrupted(_) => eprintln!("{e}"),
                _ => eprintln!("{} {e}", label.apply_to("error:")),
            }
            e.exit_code()
        }
    }
}
