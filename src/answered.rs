//! One answers file loaded together with the questionnaire it names, checked
//! against it: what a command needs before it can score a person. The rule for
//! finding the questionnaire lives here once: the file's own `questionnaire`
//! (a built-in id, or a path relative to the file's folder), else `-q`; both
//! given must agree.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::answers::{self, AnswersFile, Responses};
use crate::catalog;
use crate::diagnostic::{Problem, Problems, Source};
use crate::error::{Error, Result};
use crate::questionnaire::Questionnaire;

/// An answers file with its questionnaire, ready to score.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The name to show for the file in messages (`<stdin>` for `-`).
    pub name: String,
    pub file: AnswersFile,
    pub source: Source,
    pub questionnaire: Questionnaire,
    /// The answers as values; `respondent` falls back to the file's stem.
    pub responses: Responses,
    /// Notes for the report, such as a version mismatch.
    pub warnings: Vec<String>,
}

/// Reads `path` (`-` for stdin), finds its questionnaire and checks the answers.
/// `option` is the `-q QUESTIONNAIRE` argument, if given.
pub fn load(path: &Path, option: Option<&str>) -> Result<Answered> {
    let stdin = path == Path::new("-");
    let source = if stdin {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::io("<stdin>", e))?;
        Source::new("<stdin>", text)
    } else {
        catalog::read_source(path)?
    };
    let name = source.name.clone();
    let dir: Option<PathBuf> = (!stdin)
        .then(|| path.parent().map(Path::to_path_buf))
        .flatten();
    let file = answers::read(&source)?;
    let named = file.questionnaire.as_ref().map(|q| q.value.clone());
    let questionnaire = match (named, option) {
        (Some(named), option) => {
            let found = catalog::resolve(&named, dir.as_deref())?;
            if let Some(option) = option {
                let wanted = catalog::resolve(option, None)?;
                if wanted.id != found.id {
                    return Err(Error::Usage(format!(
                        "{name}: the file names questionnaire `{}`, but -q names `{}`; drop -q or fix the file",
                        found.id, wanted.id
                    )));
                }
            }
            found
        }
        (None, Some(option)) => catalog::resolve(option, None)?,
        (None, None) => {
            return Err(Error::Invalid(Problems(vec![Problem::unlocated(
                &name,
                "the answers file does not name its questionnaire",
                "add `questionnaire = \"<id or path>\"` at the top, or pass `-q QUESTIONNAIRE`",
            )])));
        }
    };
    let mut responses = answers::responses(&source, &file, &questionnaire)?;
    if responses.respondent.is_none() && !stdin {
        responses.respondent = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    }
    let warnings = answers::version_warning(&file, &questionnaire)
        .into_iter()
        .collect();
    Ok(Answered {
        name,
        file,
        source,
        questionnaire,
        responses,
        warnings,
    })
}

impl Answered {
    /// Checks these answers against another copy of the questionnaire (the one a
    /// comparison scores both people with), so item indices line up.
    pub fn responses_for(&self, questionnaire: &Questionnaire) -> Result<Responses> {
        let mut responses = answers::responses(&self.source, &self.file, questionnaire)?;
        responses.respondent = self.responses.respondent.clone();
        Ok(responses)
    }
}
