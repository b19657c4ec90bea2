//! Past results of completed quizzes (`attune history`): being built in its own issue.

use std::path::Path;

use crate::error::Result;
use crate::scoring::Report;

/// Stores the result of a completed quiz in attune's data directory, so that
/// `attune history` can show change over time. Called by the quiz when it ends.
pub fn record(_report: &Report<'_>, _answers_path: &Path) -> Result<()> {
    Ok(())
}
