//! `attune take`: being built in its own issue.

use crate::cli::TakeArgs;
use crate::commands::Context;
use crate::error::{Error, Result};

pub fn run(_context: &Context, _args: TakeArgs) -> Result<()> {
    Err(Error::Usage(
        "`attune take` is not available in this build yet".to_string(),
    ))
}
