//! `attune score`: answers files and respondent tables in, reports out, one
//! report at a time so long tables stream.

use std::cell::RefCell;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use crate::answered::{self, Origin};
use crate::catalog::Cache;
use crate::cli::ScoreArgs;
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::questionnaire::Questionnaire;
use crate::report::{self, CsvWriter, Format, ReportWriter, Summary};
use crate::responses_csv::{self, CsvResponses, ProgressReader, progress_bar};
use crate::scoring::{self, DimensionScore};

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
    // Tables take a lean path for CSV output; rows from tables and answers
    // files alike go through this one writer, so there is one header.
    let mut csv_rows = CsvWriter::new();
    let mut csv_questionnaire: Option<String> = None;
    let mut cache = Cache::default();
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
            let table = Table {
                input: &input,
                questionnaire,
                ignore: &args.ignore_column,
                format: args.format,
                progress: !context.quiet,
            };
            score_table(&table, writer.as_mut(), &mut csv_rows, &mut output)?;
        } else {
            let answered =
                answered::from_origin(input.origin()?, args.questionnaire.as_deref(), &mut cache)?;
            let questionnaire = &answered.questionnaire;
            same_questionnaire(args.format, &mut csv_questionnaire, questionnaire)?;
            let mut report = scoring::score(questionnaire, &answered.responses);
            for warning in &answered.warnings {
                context.warn(&format!("{}: {warning}", input.name));
                report.warnings.push(warning.clone());
            }
            let written = if args.format == Format::Csv {
                csv_rows.write(&mut output, &report)
            } else {
                writer.write(&mut output, &report)
            };
            written.map_err(|e| output.error(e))?;
        }
    }
    csv_rows.finish(&mut output).map_err(|e| output.error(e))?;
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

/// One respondent table to score, and how.
struct Table<'a> {
    input: &'a Input,
    questionnaire: &'a Questionnaire,
    ignore: &'a [String],
    format: Format,
    progress: bool,
}

/// Scores a table row by row. CSV output and the text or Markdown summary
/// take a lean path that reuses its buffers and computes only the dimension
/// scores and the primary style (with the same functions `scoring::score`
/// uses, so the numbers are the same); JSON needs the full report per row.
fn score_table(
    table: &Table<'_>,
    writer: &mut dyn ReportWriter,
    csv_rows: &mut CsvWriter,
    output: &mut Output,
) -> Result<()> {
    let questionnaire = table.questionnaire;
    let (reader, bar) = table.input.reader(table.progress)?;
    let rows =
        CsvResponses::new(questionnaire, &table.input.name, reader, table.ignore).map_err(|p| {
            bar.finish_and_clear();
            Error::from(p)
        })?;
    let mut scores: Vec<DimensionScore> = Vec::with_capacity(questionnaire.dimensions.len());
    let mut summary = Summary::new(questionnaire, &table.input.name);
    let result = responses_csv::stream(
        rows,
        |responses| {
            let written = match table.format {
                Format::Csv => {
                    scoring::score_dimensions_into(questionnaire, &responses.values, &mut scores);
                    let primary = scoring::primary(questionnaire, &scores);
                    csv_rows.row(
                        output,
                        questionnaire,
                        responses.respondent.as_deref().unwrap_or(""),
                        &scores,
                        primary.as_ref(),
                    )
                }
                Format::Text | Format::Markdown => {
                    scoring::score_dimensions_into(questionnaire, &responses.values, &mut scores);
                    let primary = scoring::primary(questionnaire, &scores);
                    summary.add(&scores, primary.as_ref());
                    Ok(())
                }
                Format::Json | Format::Jsonl => {
                    writer.write(output, &scoring::score(questionnaire, responses))
                }
            };
            written.map_err(|e| output.error(e))
        },
        Error::from,
    );
    bar.finish_and_clear();
    result?;
    let written = match table.format {
        Format::Text => summary.write_text(output),
        Format::Markdown => summary.write_markdown(output),
        _ => Ok(()),
    };
    written.map_err(|e| output.error(e))
}

fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

/// One input argument: a file or stdin, TOML or CSV.
struct Input {
    path: PathBuf,
    name: String,
    is_csv: bool,
    /// stdin, which can be read only once.
    stdin: Option<StdinInput>,
}

/// What came on stdin: an answers file is small and read whole; a table stays a
/// stream, so scoring a long one piped in keeps memory flat.
enum StdinInput {
    Answers(String),
    Table(RefCell<Option<Box<dyn Read + Send>>>),
}

impl Input {
    fn open(path: &Path) -> Result<Self> {
        if is_stdin(path) {
            let stdin = read_stdin().map_err(|e| Error::io("<stdin>", e))?;
            return Ok(Input {
                path: path.to_path_buf(),
                name: "<stdin>".to_string(),
                is_csv: matches!(stdin, StdinInput::Table(_)),
                stdin: Some(stdin),
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
            is_csv,
            stdin: None,
        })
    }

    /// The answers file's text and where it came from.
    fn origin(&self) -> Result<Origin> {
        match &self.stdin {
            Some(StdinInput::Answers(text)) => Ok(Origin::stdin(text.clone())),
            _ => Origin::read(&self.path),
        }
    }

    /// The table's bytes, with a progress bar over them (hidden unless
    /// `progress` and the file is long and stderr a terminal).
    fn reader(&self, progress: bool) -> Result<(Box<dyn Read + Send + '_>, ProgressBar)> {
        match &self.stdin {
            Some(StdinInput::Table(stream)) => {
                let stream = stream.borrow_mut().take().ok_or_else(|| {
                    Error::Usage("`-` (stdin) can be given only once".to_string())
                })?;
                Ok((stream, ProgressBar::hidden()))
            }
            Some(StdinInput::Answers(text)) => {
                Ok((Box::new(text.as_bytes()), ProgressBar::hidden()))
            }
            None => {
                let file = crate::store::open(&self.path)?;
                let len = file.metadata().map(|m| m.len()).unwrap_or(0);
                let bar = progress_bar(len, progress);
                Ok((Box::new(ProgressReader::new(file, bar.clone())), bar))
            }
        }
    }
}

/// Reads stdin up to its first line with content, enough to tell a table from
/// an answers file, and keeps the rest unread when it is a table.
fn read_stdin() -> io::Result<StdinInput> {
    let mut reader = BufReader::with_capacity(1 << 16, io::stdin());
    let mut head = Vec::new();
    loop {
        let start = head.len();
        if reader.read_until(b'\n', &mut head)? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&head[start..]);
        let line = line.trim_start_matches('\u{feff}').trim();
        if !line.is_empty() && !line.starts_with('#') {
            break;
        }
    }
    if looks_like_csv(&String::from_utf8_lossy(&head)) {
        let stream: Box<dyn Read + Send> = Box::new(io::Cursor::new(head).chain(reader));
        return Ok(StdinInput::Table(RefCell::new(Some(stream))));
    }
    let mut bytes = head;
    reader.read_to_end(&mut bytes)?;
    String::from_utf8(bytes)
        .map(StdinInput::Answers)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))
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
