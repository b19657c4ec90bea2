//! One answers file loaded together with the questionnaire it names, checked
//! against it: what a command needs before it can score a person. The rule for
//! finding the questionnaire lives here once: the file's own `questionnaire`
//! (a built-in id, or a path relative to the file's folder), else `-q`; both
//! given must agree.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::answers::{self, AnswersFile, Responses};
use crate::catalog::{self, Cache};
use crate::diagnostic::{Problem, Source};
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

/// Where an answers file came from: its text, and for a file its folder (paths
/// to questionnaires are relative to it) and stem (the respondent by default).
pub struct Origin {
    pub source: Source,
    pub dir: Option<PathBuf>,
    pub stem: Option<String>,
}

impl Origin {
    /// Reads `path`, or stdin for `-`.
    pub fn read(path: &Path) -> Result<Self> {
        if path == Path::new("-") {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Error::io("<stdin>", e))?;
            return Ok(Origin::stdin(text));
        }
        Ok(Origin {
            source: catalog::read_source(path)?,
            dir: path.parent().map(Path::to_path_buf),
            stem: path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        })
    }

    /// Text already read from stdin.
    pub fn stdin(text: String) -> Self {
        Origin {
            source: Source::new("<stdin>", text),
            dir: None,
            stem: None,
        }
    }
}

/// Reads `path` (`-` for stdin), finds its questionnaire and checks the answers.
/// `option` is the `-q QUESTIONNAIRE` argument, if given.
pub fn load(path: &Path, option: Option<&str>) -> Result<Answered> {
    from_origin(Origin::read(path)?, option, &mut Cache::default())
}

/// Like `load`, for text already read, with questionnaires from `cache` so that
/// many answers files of one questionnaire load it once.
pub fn from_origin(origin: Origin, option: Option<&str>, cache: &mut Cache) -> Result<Answered> {
    let Origin { source, dir, stem } = origin;
    let name = source.name.clone();
    let file = answers::read(&source)?;
    let questionnaire = match (&file.questionnaire, option) {
        (Some(named), option) => {
            let found = match cache.get(&named.value, dir.as_deref()) {
                Err(Error::NotFound(_)) => {
                    return Err(not_found(&source, named, dir.is_some()));
                }
                other => other?.clone(),
            };
            if let Some(option) = option {
                let wanted = cache.get(option, None)?;
                if wanted.id != found.id {
                    return Err(Error::Usage(format!(
                        "{name}: the file names questionnaire `{}`, but -q names `{}`; drop -q or fix the file",
                        found.id, wanted.id
                    )));
                }
            }
            found
        }
        (None, Some(option)) => cache.get(option, None)?.clone(),
        (None, None) => {
            return Err(Problem::unlocated(
                &name,
                "the answers file does not name its questionnaire",
                "add `questionnaire = \"<id or path>\"` at the top, or pass `-q QUESTIONNAIRE`",
            )
            .into());
        }
    };
    let mut responses = answers::responses(&source, &file, &questionnaire)?;
    if responses.respondent.is_none() {
        responses.respondent = stem;
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

/// A questionnaire named in an answers file that cannot be found, pointing at
/// the `questionnaire =` line.
fn not_found(
    source: &Source,
    named: &crate::toml_reader::Located<String>,
    in_a_folder: bool,
) -> Error {
    let relative = if in_a_folder && Path::new(&named.value).is_relative() {
        " (a path is read relative to the answers file)"
    } else {
        ""
    };
    source
        .problem(
            named.span.clone(),
            format!(
                "questionnaire `{}` not found: it is neither a built-in nor a file{relative}",
                named.value
            ),
            catalog::not_found_help(&named.value),
        )
        .into()
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
