//! One module per command; each turns parsed arguments into work on the library.

mod check;
mod compare;
mod history;
mod info;
mod new;
mod score;
mod stats;
mod take;
mod template;

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::output::{ColorChoice, Output};

/// Settings every command shares.
pub struct Context {
    pub color: ColorChoice,
    pub quiet: bool,
}

impl Context {
    /// A note on stderr (not part of the report), unless `--quiet`.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            let style = console::Style::new()
                .yellow()
                .force_styling(self.color.enabled(console::Term::stderr().is_term()));
            eprintln!("{} {message}", style.apply_to("warning:"));
        }
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let context = Context {
        color: cli.color,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Take(args) => take::run(&context, args),
        Command::Score(args) => score::run(&context, args),
        Command::Check(args) => check::run(&context, args),
        Command::List(args) => info::list(&context, args),
        Command::Show(args) => info::show(&context, args),
        Command::Template(args) => template::run(&context, args),
        Command::New(args) => new::run(&context, args),
        Command::Stats(args) => stats::run(&context, args),
        Command::Compare(args) => compare::run(&context, args),
        Command::History(args) => history::run(&context, args),
        Command::Completions(args) => {
            let mut output = Output::open(None)?;
            clap_complete::generate(args.shell, &mut Cli::command(), "attune", &mut output);
            output.finish()
        }
        Command::Man => {
            let mut output = Output::open(None)?;
            clap_mangen::Man::new(Cli::command())
                .render(&mut output)
                .map_err(Error::Output)?;
            output.flush().map_err(Error::Output)?;
            output.finish()
        }
    }
}
