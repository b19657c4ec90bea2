//! `attune stats`: being built in its own issue.

use crate::cli::StatsArgs;
use crate::commands::Context;
use crate::error::{Error, Result};

pub fn run(_context: &Context, _args: StatsArgs) -> Result<()> {
    Err(Error::Usage(
        "`attune stats` is not available in this build yet".to_string(),
    ))
}
