//! `attune compare`: being built in its own issue.

use crate::cli::CompareArgs;
use crate::commands::Context;
use crate::error::{Error, Result};

pub fn run(_context: &Context, _args: CompareArgs) -> Result<()> {
    Err(Error::Usage(
        "`attune compare` is not available in this build yet".to_string(),
    ))
}
