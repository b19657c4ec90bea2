//! Scoring an answers file with attune as a library.
//!
//!     cargo run --example score_file -- examples/answers/connection-styles.toml
//!
//! It reads the answers, loads the questionnaire they name (a built-in id, or a
//! path relative to the answers file), scores them and prints each dimension.

use std::path::Path;
use std::process::ExitCode;

use attune::error::Error;
use attune::{answers, catalog, scoring};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: score_file ANSWERS.toml");
        return ExitCode::from(2);
    };
    match score(Path::new(&path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}

fn score(path: &Path) -> Result<(), Error> {
    let source = catalog::read_source(path)?;
    let file = answers::read(&source)?;
    let named = file
        .questionnaire
        .as_ref()
        .map(|q| q.value.clone())
        .ok_or_else(|| Error::Usage(format!("{}: names no questionnaire", path.display())))?;
    let questionnaire = catalog::resolve(&named, path.parent())?;
    let responses = answers::responses(&source, &file, &questionnaire)?;
    let report = scoring::score(&questionnaire, &responses);

    println!(
        "{} ({}), respondent: {}",
        questionnaire.title,
        questionnaire.version,
        report.respondent.as_deref().unwrap_or("(unnamed)")
    );
    for score in &report.dimensions {
        let dimension = &questionnaire.dimensions[score.dimension];
        match (score.mean, score.percent, score.band) {
            (Some(mean), Some(percent), Some(band)) => println!(
                "  {:<16} mean {mean:.2} on {}-{}, {percent:.0}%, {} ({} of {} answered)",
                dimension.name,
                questionnaire.scale.min,
                questionnaire.scale.max,
                questionnaire.bands[band].label,
                score.answered,
                score.items
            ),
            _ => println!(
                "  {:<16} not scored ({} of {} answered)",
                dimension.name, score.answered, score.items
            ),
        }
    }
    match &report.primary {
        Some(primary) => println!("Primary style: {}", primary.name(&questionnaire)),
        None => println!("Primary style: none"),
    }
    Ok(())
}
