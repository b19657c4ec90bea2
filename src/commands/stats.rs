//! `attune stats`: item analysis of a respondent table for questionnaire authors.
//! The table is read once, row by row, into running sums (see `crate::stats`).

use std::io::{self, Read};
use std::path::Path;

use crate::catalog;
use crate::cli::{InfoFormat, StatsArgs};
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::responses_csv::{self, CsvResponses, ProgressReader, progress_bar};
use crate::stats::{self, ItemAnalysis};

pub fn run(context: &Context, args: StatsArgs) -> Result<()> {
    let questionnaire = catalog::resolve(&args.questionnaire, None)?;
    let (name, reader, bar) = open_table(&args.input, !context.quiet)?;
    let rows = CsvResponses::new(&questionnaire, &name, reader, &args.ignore_column);
    let mut analysis = ItemAnalysis::new(&questionnaire);
    let read = match rows {
        Ok(rows) => responses_csv::stream(
            rows,
            |responses| {
                analysis.add(&responses.values);
                Ok(())
            },
            |p| p,
        ),
        Err(p) => Err(p),
    };
    bar.finish_and_clear();
    read.map_err(Error::from)?;
    let result = analysis.finish();
    let mut output = Output::open(args.output.as_deref())?;
    let written = match args.format {
        InfoFormat::Json => stats::write_json(&mut output, &result),
        InfoFormat::Text => stats::write_text(&mut output, &result, &name),
        InfoFormat::Markdown => stats::write_markdown(&mut output, &result, &name),
    };
    written.map_err(|e| output.error(e))?;
    output.finish()
}

/// Opens the table (`-` is stdin) with a progress bar over its bytes when
/// that helps: a long file, stderr a terminal, not `--quiet`.
fn open_table(
    path: &Path,
    progress: bool,
) -> Result<(String, Box<dyn Read + Send>, indicatif::ProgressBar)> {
    if path == Path::new("-") {
        let bar = indicatif::ProgressBar::hidden();
        return Ok(("<stdin>".to_string(), Box::new(io::stdin()), bar));
    }
    let file = crate::store::open(path)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(len, progress);
    let reader = ProgressReader::new(file, bar.clone());
    Ok((path.display().to_string(), Box::new(reader), bar))
}
