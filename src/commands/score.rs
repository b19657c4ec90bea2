//! `attune score`: answers files and respondent tables in, reports out, one
//! report at a time so long tables stream.

use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::answers::{self, Responses};
use crate::catalog;
use crate::cli::ScoreArgs;
use crate::commands::Context;
use crate::diagnostic::{Problem, Problems, Source};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::questionnaire::Questionnaire;
use crate::report::{self, Format, ReportWriter};
use crate::responses_csv::CsvResponses;
use crate::scoring;

pub fn run(context: &Context, args: ScoreArgs) -> Result<()> {
    let stdin_uses = args.inputs.iter().filter(|p| is_stdin(p)).count();
    if stdin_uses > 1 {
        return Err(Error::Usage(
            "`-` (stdin) can be given only once".to_string(),
        ));
    }
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .map(|p| Input::open(p))
        .collect::<Result<_>>()?;
    let many = inputs.len() > 1 || inputs.iter().any(|i| i.is_csv);
    let mut output = Output::open(args.output.as_deref())?;
    let color = context.color.enabled(output.is_terminal());
    let mut writer = report::writer(args.format, many, color);
    let mut csv_questionnaire: Option<String> = None;
    let mut cache = QuestionnaireCache::default();
    for input in inputs {
        if input.is_csv {
            let questionnaire = cache.get(
                args.questionnaire.as_deref().ok_or_else(|| {
                    Error::Usage(format!(
                        "{}: a CSV table does not name its questionnaire; pass `-q QUESTIONNAIRE`",
                        input.name
                    ))
                })?,
                None,
            )?;
            same_questionnaire(args.format, &mut csv_questionnaire, questionnaire)?;
            score_table(
                &input,
                questionnaire,
                &args.ignore_column,
                writer.as_mut(),
                &mut output,
            )?;
        } else {
            let source = input.source()?;
            let file = answers::read(&source)?;
            let named = file.questionnaire.as_ref().map(|q| q.value.as_str());
            let (name, dir) = match (named, args.questionnaire.as_deref()) {
                (Some(named), _) => (named, input.dir.as_deref()),
                (None, Some(option)) => (option, None),
                (None, None) => {
                    return Err(one(Problem::unlocated(
                        &input.name,
                        "the answers file does not name its questionnaire",
                        "add `questionnaire = \"<id or path>\"` at the top, or pass `-q QUESTIONNAIRE`",
                    )));
                }
            };
            if let (Some(_), Some(option)) = (named, args.questionnaire.as_deref()) {
                let wanted = cache.get(option, None)?.id.clone();
                let found = cache.get(name, dir)?.id.clone();
                if wanted != found {
                    return Err(Error::Usage(format!(
                        "{}: the file names questionnaire `{found}`, but -q names `{wanted}`; drop -q or fix the file",
                        input.name
                    )));
                }
            }
            if let (Some(named), Err(Error::NotFound(_))) =
                (&file.questionnaire, cache.get(name, dir).map(|_| ()))
            {
                let relative = if dir.is_some() && Path::new(name).is_relative() {
                    " (a path is read relative to the answers file)"
                } else {
                    ""
                };
                return Err(one(source.problem(
                    named.span.clone(),
                    format!(
                        "questionnaire `{name}` not found: it is neither a built-in nor a file{relative}"
                    ),
                    catalog::not_found_help(name),
                )));
            }
            let questionnaire = cache.get(name, dir)?;
            same_questionnaire(args.format, &mut csv_questionnaire, questionnaire)?;
            let mut responses = answers::responses(&source, &file, questionnaire)?;
            if responses.respondent.is_none() {
                responses.respondent = input.stem.clone();
            }
            let mut report = scoring::score(questionnaire, &responses);
            if let Some(warning) = answers::version_warning(&file, questionnaire) {
                context.warn(&format!("{}: {warning}", input.name));
                report.warnings.push(warning);
            }
            writer
                .write(&mut output, &report)
                .map_err(|e| output.error(e))?;
        }
    }
    writer.finish(&mut output).map_err(|e| output.error(e))?;
    output.finish()
}

/// CSV output has one header, so every input must use the same questionnaire.
fn same_questionnaire(
    format: Format,
    seen: &mut Option<String>,
    questionnaire: &Questionnaire,
) -> Result<()> {
    if format != Format::Csv {
        return Ok(());
    }
    match seen {
        Some(id) if *id != questionnaire.id => Err(Error::Usage(format!(
            "`--format csv` needs every input to use the same questionnaire, but they use `{id}` and `{}`; score them separately",
            questionnaire.id
        ))),
        _ => {
            *seen = Some(questionnaire.id.clone());
            Ok(())
        }
    }
}

fn score_table(
    input: &Input,
    questionnaire: &Questionnaire,
    ignore: &[String],
    writer: &mut dyn ReportWriter,
    output: &mut Output,
) -> Result<()> {
    let reader = input.reader()?;
    let mut rows = CsvResponses::new(questionnaire, &input.name, reader, ignore).map_err(one)?;
    let mut responses = Responses::empty(questionnaire);
    while let Some(row) = rows.next_into(&mut responses) {
        row.map_err(one)?;
        let report = scoring::score(questionnaire, &responses);
        writer.write(output, &report).map_err(|e| output.error(e))?;
    }
    Ok(())
}

fn one(problem: Problem) -> Error {
    Error::Invalid(Problems(vec![problem]))
}

/// Questionnaires loaded so far, so a hundred answers files load it once.
#[derive(Default)]
struct QuestionnaireCache {
    loaded: Vec<((String, Option<PathBuf>), Questionnaire)>,
}

impl QuestionnaireCache {
    fn get(&mut self, name: &str, relative_to: Option<&Path>) -> Result<&Questionnaire> {
        let key = (name.to_string(), relative_to.map(Path::to_path_buf));
        let position = match self.loaded.iter().position(|(k, _)| *k == key) {
            Some(p) => p,
            None => {
                let questionnaire = catalog::resolve(name, relative_to)?;
                self.loaded.push((key, questionnaire));
                self.loaded.len() - 1
            }
        };
        Ok(&self.loaded[position].1)
    }
}

fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

/// One input argument: a file or stdin, TOML or CSV.
struct Input {
    path: PathBuf,
    name: String,
    stem: Option<String>,
    dir: Option<PathBuf>,
    is_csv: bool,
    /// stdin's text, read once (it cannot be reopened).
    stdin: Option<String>,
}

impl Input {
    fn open(path: &Path) -> Result<Self> {
        if is_stdin(path) {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Error::io("<stdin>", e))?;
            let is_csv = looks_like_csv(&text);
            return Ok(Input {
                path: path.to_path_buf(),
                name: "<stdin>".to_string(),
                stem: None,
                dir: None,
                is_csv,
                stdin: Some(text),
            });
        }
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let is_csv = match extension.as_deref() {
            Some("csv") => true,
            Some("toml") => false,
            _ => {
                let mut head = String::new();
                crate::store::open(path)?
                    .take(4096)
                    .read_to_string(&mut head)
                    .ok();
                looks_like_csv(&head)
            }
        };
        if !path.is_file() {
            crate::store::open(path)?;
            return Err(Error::io(
                path,
                io::Error::new(io::ErrorKind::InvalidInput, "not a file"),
            ));
        }
        Ok(Input {
            path: path.to_path_buf(),
            name: path.display().to_string(),
            stem: path.file_stem().map(|s| s.to_string_lossy().into_owned()),
            dir: path.parent().map(Path::to_path_buf),
            is_csv,
            stdin: None,
        })
    }

    fn source(&self) -> Result<Source> {
        match &self.stdin {
            Some(text) => Ok(Source::new(&self.name, text.clone())),
            None => catalog::read_source(&self.path),
        }
    }

    fn reader(&self) -> Result<Box<dyn Read + '_>> {
        match &self.stdin {
            Some(text) => Ok(Box::new(text.as_bytes())),
            None => Ok(Box::new(BufReader::with_capacity(
                1 << 16,
                crate::store::open(&self.path)?,
            ))),
        }
    }
}

/// A TOML answers file has `key = value` lines; a CSV header has none.
fn looks_like_csv(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    first.is_some_and(|l| !l.contains('=') && !l.starts_with('['))
}
