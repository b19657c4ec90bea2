//! `attune template`: an answers file with every item, to fill in and score.

use std::io::Write;

use crate::answers::{self, Header, Responses};
use crate::catalog;
use crate::cli::TemplateArgs;
use crate::commands::Context;
use crate::error::Result;
use crate::output::Output;

pub fn run(_context: &Context, args: TemplateArgs) -> Result<()> {
    let questionnaire = catalog::resolve(&args.questionnaire, None)?;
    let header = Header {
        questionnaire: &args.questionnaire,
        respondent: args.respondent.as_deref(),
        taken: None,
        complete: true,
        seed: None,
        fill_in: true,
    };
    let order: Vec<usize> = (0..questionnaire.items.len()).collect();
    let text = answers::render(
        &questionnaire,
        &header,
        &Responses::empty(&questionnaire),
        &[],
        &order,
    );
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(text.as_bytes()).map_err(|e| out.error(e))?;
    out.finish()
}
