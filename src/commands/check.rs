//! `attune check`: every problem in every file, located, then a summary line per
//! file that passed. Exit 65 if any file has a problem, 1 if one cannot be read.

use std::io::Write;

use crate::catalog;
use crate::cli::CheckArgs;
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::questionnaire;

pub fn run(_context: &Context, args: CheckArgs) -> Result<()> {
    let mut output = Output::open(None)?;
    let mut failed = 0usize;
    let mut problems_total = 0usize;
    // An unreadable file does not stop the others from being checked; the
    // files that could not be read are reported last and make the exit code 1.
    let mut unreadable: Vec<Error> = Vec::new();
    for name in &args.files {
        let source = match catalog::built_in_source(name) {
            Some(source) => source,
            None => match catalog::read_source(std::path::Path::new(name)) {
                Ok(source) => source,
                Err(e) => {
                    unreadable.push(e);
                    continue;
                }
            },
        };
        match questionnaire::load(&source) {
            Ok(q) => {
                let reverse = q.items.iter().filter(|i| i.reverse).count();
                writeln!(
                    output,
                    "ok: {}: {} {} ({} dimensions, {} items, {} reverse-keyed, {} bands, {} profiles, {} practices)",
                    source.name, q.id, q.version, q.dimensions.len(), q.items.len(), reverse, q.bands.len(), q.profiles.len(), q.practices.len()
                )
                .map_err(|e| output.error(e))?;
            }
            Err(problems) => {
                failed += 1;
                problems_total += problems.len();
                output.flush().map_err(|e| output.error(e))?;
                eprintln!("{problems}\n");
                eprintln!(
                    "{}: {} problem{}",
                    source.name,
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                );
            }
        }
    }
    output.finish()?;
    if let Some(last) = unreadable.pop() {
        for e in &unreadable {
            eprintln!("error: {e}");
        }
        return Err(last);
    }
    if failed > 0 {
        return Err(Error::from(crate::diagnostic::Problem::unlocated(
            "attune check",
            format!(
                "{problems_total} problem{} in {failed} of {} file{}",
                if problems_total == 1 { "" } else { "s" },
                args.files.len(),
                if args.files.len() == 1 { "" } else { "s" }
            ),
            "",
        )));
    }
    Ok(())
}
