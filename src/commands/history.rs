//! `attune history`: being built in its own issue.

use crate::cli::HistoryArgs;
use crate::commands::Context;
use crate::error::{Error, Result};

pub fn run(_context: &Context, _args: HistoryArgs) -> Result<()> {
    Err(Error::Usage(
        "`attune history` is not available in this build yet".to_string(),
    ))
}
