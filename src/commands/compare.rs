//! `attune compare A B`: two answers files of the same questionnaire, scored and
//! rendered side by side with practices and questions for the pair.

use std::path::Path;

use crate::answered;
use crate::cli::{CompareArgs, InfoFormat};
use crate::commands::Context;
use crate::compare;
use crate::diagnostic::Problem;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::report::pair;

pub fn run(context: &Context, args: CompareArgs) -> Result<()> {
    let stdin = Path::new("-");
    if args.first == stdin && args.second == stdin {
        return Err(Error::Usage(
            "`-` (stdin) can be given only once".to_string(),
        ));
    }
    let option = args.questionnaire.as_deref();
    let first = answered::load(&args.first, option)?;
    let second = answered::load(&args.second, option)?;
    let questionnaire = &first.questionnaire;
    if second.questionnaire.id != questionnaire.id {
        return Err(Error::from(Problem::unlocated(
            &second.name,
            format!(
                "these answers are to questionnaire `{}`, but {} answered `{}`; only answers to the same questionnaire can be compared",
                second.questionnaire.id, first.name, questionnaire.id
            ),
            format!(
                "compare two answers files of `{}` (`attune template {}` gives a blank one to fill in)",
                questionnaire.id, questionnaire.id
            ),
        )));
    }
    let mut notes: Vec<String> = Vec::new();
    for person in [&first, &second] {
        for warning in &person.warnings {
            notes.push(format!("{}: {warning}", person.name));
        }
    }
    if second.questionnaire.version != questionnaire.version {
        notes.push(format!(
            "{} uses version {} of {} and {} uses version {}; both are scored with version {}",
            first.name,
            questionnaire.version,
            questionnaire.id,
            second.name,
            second.questionnaire.version,
            questionnaire.version
        ));
    }
    // Score both people with one copy of the questionnaire, so items line up.
    let second_responses = second.responses_for(questionnaire)?;
    let mut result = compare::compare(questionnaire, &first.responses, &second_responses);
    for note in &notes {
        context.warn(note);
    }
    result.warnings.splice(0..0, notes);

    let mut output = Output::open(args.output.as_deref())?;
    let color = context.color.enabled(output.is_terminal());
    let written = match args.format {
        InfoFormat::Text => pair::write_text(&mut output, &result, color),
        InfoFormat::Markdown => pair::write_markdown(&mut output, &result),
        InfoFormat::Json => pair::write_json(&mut output, &result),
    };
    written.map_err(|e| output.error(e))?;
    output.finish()
}
