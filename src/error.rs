//! One error type for the whole tool, each variant knowing its exit code, so
//! `main` prints an error once and exits with the code the contract promises.

use std::io;
use std::path::PathBuf;

use crate::diagnostic::{Problem, Problems};

/// Exit codes, named in one place (see the contract's "Exit codes").
pub mod exit {
    pub const SUCCESS: i32 = 0;
    pub const IO: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const DATA: i32 = 65;
    pub const INTERRUPTED: i32 = 130;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },

    /// Writing a report to stdout failed for a reason other than a closed pipe.
    #[error("cannot write output: {0}")]
    Output(io::Error),

    /// Problems in files the user wrote: questionnaires, answers, CSV tables.
    #[error("{0}")]
    Invalid(Problems),

    /// A questionnaire named on the command line that is neither built in nor a file.
    #[error("{0}")]
    NotFound(String),

    /// The command line asks for something attune cannot do.
    #[error("{0}")]
    Usage(String),

    /// The quiz was interrupted; the message says where the answers are.
    #[error("{0}")]
    Interrupted(String),
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Io { .. } | Error::Output(_) => exit::IO,
            Error::Invalid(_) | Error::NotFound(_) => exit::DATA,
            Error::Usage(_) => exit::USAGE,
            Error::Interrupted(_) => exit::INTERRUPTED,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Whether this is a write to a pipe whose reader has gone (`attune ... | head`),
    /// which is not an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<Problems> for Error {
    fn from(problems: Problems) -> Self {
        Error::Invalid(problems)
    }
}

impl From<Problem> for Error {
    fn from(problem: Problem) -> Self {
        Error::Invalid(Problems(vec![problem]))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
