//! `attune score`: answers files and respondent tables in, reports out, one
//! report at a time so long tables stream.

use std::io::{self, Read, Write};

use indicatif::ProgressBar;
use std::path::{Path, PathBuf};

use crate::answers;
use crate::catalog;
use crate::cli::ScoreArgs;
use crate::commands::Context;
use crate::diagnostic::{Problem, Problems, Source};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::questionnaire::Questionnaire;
use crate::report::{self, Format, ReportWriter, Summary};
use crate::responses_csv::{self, CsvResponses, ProgressReader, progress_bar};
use crate::scoring::{self, DimensionScore, Primary};

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
    // CSV rows go through one writer for tables and answers files alike, so
    // there is one header whatever the mix of inputs.
    let mut csv_rows = CsvRows::new();
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
            let table = Table {
                input: &input,
                questionnaire,
                ignore: &args.ignore_column,
                format: args.format,
                progress: !context.quiet,
            };
            score_table(&table, writer.as_mut(), &mut csv_rows, &mut output)?;
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
            let written = if args.format == Format::Csv {
                csv_rows.row(
                    &mut output,
                    questionnaire,
                    report.respondent.as_deref().unwrap_or(""),
                    &report.dimensions,
                    report.primary.as_ref(),
                )
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
    csv_rows: &mut CsvRows,
    output: &mut Output,
) -> Result<()> {
    let questionnaire = table.questionnaire;
    let (reader, bar) = table.input.reader(table.progress)?;
    let rows =
        CsvResponses::new(questionnaire, &table.input.name, reader, table.ignore).map_err(|p| {
            bar.finish_and_clear();
            one(p)
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
        one,
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

/// Writes score rows as CSV (`respondent`, then `<dimension>_mean`,
/// `<dimension>_percent`, `<dimension>_band` per dimension, then `primary`):
/// the same bytes as the csv crate's writer with default settings (a field is
/// quoted when it holds a comma, a quote or a line break; rows end in `\n`),
/// numbers unrounded as Rust prints an `f64`. Rows collect in a buffer that is
/// passed on in chunks, so a row costs no allocation.
struct CsvRows {
    buffer: Vec<u8>,
    header_written: bool,
    ryu: ryu::Buffer,
}

/// How much CSV to collect before passing it on.
const CSV_CHUNK: usize = 1 << 16;

/// Writes `value` exactly as `f64`'s `Display` does (shortest digits that read
/// back to the same number, never an exponent), but several times faster: ryu
/// finds the same shortest digits, and in the range where it does not switch
/// to an exponent only its trailing `.0` on whole numbers differs. Anything
/// outside that range goes through `Display`.
fn write_f64(out: &mut Vec<u8>, value: f64, buffer: &mut ryu::Buffer) {
    let magnitude = value.abs();
    if value.is_finite() && (value == 0.0 || (1e-4..1e15).contains(&magnitude)) {
        let text = buffer.format_finite(value);
        let text = text.strip_suffix(".0").unwrap_or(text);
        out.extend_from_slice(text.as_bytes());
    } else {
        let _ = write!(out, "{value}");
    }
}

/// Appends one CSV field, quoted only when it must be.
fn push_field(out: &mut Vec<u8>, field: &[u8]) {
    if field
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}

impl CsvRows {
    fn new() -> Self {
        CsvRows {
            buffer: Vec::with_capacity(CSV_CHUNK + 4096),
            header_written: false,
            ryu: ryu::Buffer::new(),
        }
    }

    fn row(
        &mut self,
        out: &mut dyn Write,
        q: &Questionnaire,
        respondent: &str,
        scores: &[DimensionScore],
        primary: Option<&Primary>,
    ) -> io::Result<()> {
        let b = &mut self.buffer;
        if !self.header_written {
            b.extend_from_slice(b"respondent");
            for d in &q.dimensions {
                for suffix in ["mean", "percent", "band"] {
                    b.push(b',');
                    push_field(b, format!("{}_{suffix}", d.id).as_bytes());
                }
            }
            b.extend_from_slice(b",primary\n");
            self.header_written = true;
        }
        push_field(b, respondent.as_bytes());
        for s in scores {
            for value in [s.mean, s.percent] {
                b.push(b',');
                if let Some(value) = value {
                    write_f64(b, value, &mut self.ryu);
                }
            }
            b.push(b',');
            push_field(b, s.band.map_or("", |i| q.bands[i].id.as_str()).as_bytes());
        }
        b.push(b',');
        push_field(b, primary.map_or("", |p| p.id(q)).as_bytes());
        b.push(b'\n');
        if b.len() >= CSV_CHUNK {
            self.finish(out)?;
        }
        Ok(())
    }

    /// Passes the collected rows on.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.buffer)?;
        self.buffer.clear();
        Ok(())
    }
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

    /// The table's bytes, with a progress bar over them (hidden unless
    /// `progress` and the file is long and stderr a terminal).
    fn reader(&self, progress: bool) -> Result<(Box<dyn Read + Send + '_>, ProgressBar)> {
        match &self.stdin {
            Some(text) => Ok((Box::new(text.as_bytes()), ProgressBar::hidden())),
            None => {
                let file = crate::store::open(&self.path)?;
                let len = file.metadata().map(|m| m.len()).unwrap_or(0);
                let bar = progress_bar(len, progress);
                Ok((Box::new(ProgressReader::new(file, bar.clone())), bar))
            }
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

#[cfg(test)]
mod tests {
    use super::write_f64;
    use proptest::prelude::*;

    fn fast(value: f64) -> String {
        let mut out = Vec::new();
        write_f64(&mut out, value, &mut ryu::Buffer::new());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_print_as_display_does() {
        for value in [
            0.0,
            -0.0,
            4.0,
            100.0,
            4.5,
            58.333333333333336,
            1e-4,
            1e-7,
            1e15,
            1e21,
            -3.25,
        ] {
            assert_eq!(fast(value), value.to_string(), "{value}");
        }
    }

    proptest! {
        #[test]
        fn any_number_prints_as_display_does(value in proptest::num::f64::ANY) {
            prop_assert_eq!(fast(value), value.to_string());
        }

        #[test]
        fn scores_print_as_display_does(sum in -1000i64..1000, answered in 1i64..60) {
            let mean = sum as f64 / answered as f64;
            prop_assert_eq!(fast(mean), mean.to_string());
            let percent = (mean - 1.0) / 6.0 * 100.0;
            prop_assert_eq!(fast(percent), percent.to_string());
        }
    }
}
