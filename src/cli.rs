//! The command line, as the contract's "Command line" section fixes it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::ColorChoice;
use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "attune",
    version,
    about = "Attachment-style self-assessment: take, score, author and check questionnaires",
    long_about = "attune asks how you connect with the people close to you, scores your answers into \
dimensions (secure, anxious and avoidant in the default questionnaire), and suggests concrete \
practices. Questionnaires are TOML files anyone can write and check.\n\n\
attune is a reflection aid, not a diagnosis.",
    after_help = "Start with `attune take` to answer the default questionnaire."
)]
pub struct Cli {
    /// When to colour output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only the report or data: no notes or warnings on stderr.
    #[arg(long, short = 'Q', global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take a questionnaire interactively; answers are saved after every question.
    Take(TakeArgs),
    /// Score answers files (TOML) or respondent tables (CSV).
    Score(ScoreArgs),
    /// Check questionnaire files for problems, each reported with file:line:column.
    Check(CheckArgs),
    /// List the built-in questionnaires.
    List(ListArgs),
    /// Show what a questionnaire measures: dimensions, items, keying, bands, profiles, practices.
    Show(ShowArgs),
    /// Print an answers file with every item, ready to fill in and score.
    Template(TemplateArgs),
    /// Write a commented questionnaire scaffold to edit.
    New(NewArgs),
    /// Item analysis for authors: Cronbach's alpha and item-total correlations.
    Stats(StatsArgs),
    /// Two people's results side by side, with practices and questions for the pair.
    Compare(CompareArgs),
    /// Past results of completed quizzes, with the change over time.
    History(HistoryArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    Man,
}

#[derive(Debug, Args)]
pub struct TakeArgs {
    /// A built-in questionnaire id or a path to a .toml file.
    #[arg(default_value = crate::catalog::DEFAULT)]
    pub questionnaire: String,
    /// Continue a saved, unfinished answers file.
    #[arg(long, value_name = "FILE", conflicts_with = "save")]
    pub resume: Option<PathBuf>,
    /// Where to save the answers (default: a new file in attune's data directory).
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Ask the items in a random order.
    #[arg(long)]
    pub shuffle: bool,
    /// The seed for --shuffle, to repeat an order.
    #[arg(long, requires = "shuffle")]
    pub seed: Option<u64>,
    /// A name to store with the answers.
    #[arg(long)]
    pub respondent: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Answers files (.toml) or respondent tables (.csv); `-` reads stdin.
    #[arg(required = true, value_name = "ANSWERS")]
    pub inputs: Vec<PathBuf>,
    /// The questionnaire, when an answers file does not name one (required for CSV).
    #[arg(short = 'q', long, value_name = "QUESTIONNAIRE")]
    pub questionnaire: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write to FILE instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A CSV column that is not an item or `respondent`, to skip (repeatable).
    #[arg(long, value_name = "COLUMN")]
    pub ignore_column: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Questionnaire files (or built-in ids) to check.
    #[arg(required = true, value_name = "QUESTIONNAIRE")]
    pub files: Vec<String>,
}

/// `--format` for listings and descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InfoFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = InfoFormat::Text)]
    pub format: InfoFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub questionnaire: String,
    #[arg(long, value_enum, default_value_t = InfoFormat::Text)]
    pub format: InfoFormat,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    pub questionnaire: String,
    /// A respondent label to put in the file.
    #[arg(long)]
    pub respondent: Option<String>,
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the new questionnaire (.toml).
    pub path: PathBuf,
    /// The questionnaire id (default: from the file name).
    #[arg(long)]
    pub id: Option<String>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// A respondent table (.csv); `-` reads stdin.
    pub input: PathBuf,
    #[arg(short = 'q', long, value_name = "QUESTIONNAIRE", required = true)]
    pub questionnaire: String,
    #[arg(long, value_enum, default_value_t = InfoFormat::Text)]
    pub format: InfoFormat,
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A CSV column that is not an item or `respondent`, to skip (repeatable).
    #[arg(long, value_name = "COLUMN")]
    pub ignore_column: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first person's answers file.
    pub first: PathBuf,
    /// The second person's answers file.
    pub second: PathBuf,
    /// The questionnaire, when the answers files do not name one.
    #[arg(short = 'q', long, value_name = "QUESTIONNAIRE")]
    pub questionnaire: Option<String>,
    #[arg(long, value_enum, default_value_t = InfoFormat::Text)]
    pub format: InfoFormat,
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only results of this questionnaire.
    pub questionnaire: Option<String>,
    /// Remove one stored result by its id.
    #[arg(long, value_name = "ID")]
    pub forget: Option<String>,
    #[arg(long, value_enum, default_value_t = InfoFormat::Text)]
    pub format: InfoFormat,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}
