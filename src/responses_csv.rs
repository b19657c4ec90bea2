//! Respondent tables (CSV): a header of item ids, optionally a `respondent`
//! column, one row per person. Rows are read one at a time into a reused buffer,
//! so memory stays flat however long the file is. Every cell is checked by the
//! same rules as an answers file; an error names the line and the column.

use std::io::Read;

use crate::answers::Responses;
use crate::diagnostic::{Problem, did_you_mean};
use crate::questionnaire::Questionnaire;

/// What a column of the table holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Respondent,
    Item(usize),
    Ignored,
}

/// Reads respondents from a CSV table, one row at a time.
pub struct CsvResponses<'q, R: Read> {
    questionnaire: &'q Questionnaire,
    name: String,
    reader: csv::Reader<SkipBom<R>>,
    columns: Vec<Column>,
    headers: Vec<String>,
    record: csv::ByteRecord,
    row: usize,
}

impl<'q, R: Read> CsvResponses<'q, R> {
    /// Reads and checks the header. `ignore` names extra columns to skip.
    pub fn new(
        questionnaire: &'q Questionnaire,
        name: &str,
        input: R,
        ignore: &[String],
    ) -> Result<Self, Problem> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .buffer_capacity(1 << 16)
            .from_reader(SkipBom::new(input));
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| csv_problem(name, &e))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut columns = Vec::with_capacity(headers.len());
        let mut seen = vec![false; questionnaire.items.len()];
        for header in &headers {
            let column = if header == "respondent" {
                Column::Respondent
            } else if ignore.iter().any(|i| i == header) {
                Column::Ignored
            } else if let Some(index) = questionnaire.item_index(header) {
                if std::mem::replace(&mut seen[index], true) {
                    return Err(Problem::unlocated(
                        name,
                        format!("line 1: column `{header}` appears twice"),
                        "keep one column per item",
                    ));
                }
                Column::Item(index)
            } else {
                let ids = questionnaire.items.iter().map(|i| i.id.as_str());
                let hint = match did_you_mean(header, ids) {
                    Some(close) => format!("did you mean `{close}`? "),
                    None => String::new(),
                };
                return Err(Problem::unlocated(
                    name,
                    format!(
                        "line 1: column `{header}` is not an item of {}",
                        questionnaire.id
                    ),
                    format!(
                        "{hint}rename it to an item id, or pass `--ignore-column {header}` to skip it"
                    ),
                ));
            };
            columns.push(column);
        }
        if headers.is_empty() || !columns.iter().any(|c| matches!(c, Column::Item(_))) {
            return Err(Problem::unlocated(
                name,
                "line 1: the header names no item of the questionnaire",
                format!(
                    "the first row must hold item ids such as `{}`",
                    questionnaire.items[0].id
                ),
            ));
        }
        Ok(CsvResponses {
            questionnaire,
            name: name.to_string(),
            reader,
            columns,
            headers,
            record: csv::ByteRecord::new(),
            row: 0,
        })
    }

    /// Reads the next row into `responses`. `None` at the end of the table.
    pub fn next_into(&mut self, responses: &mut Responses) -> Option<Result<(), Problem>> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => return None,
            Ok(true) => {}
            Err(e) => return Some(Err(csv_problem(&self.name, &e))),
        }
        self.row += 1;
        let items = self.questionnaire.items.len();
        if responses.values.len() == items {
            responses.values.fill(None);
        } else {
            responses.values.clear();
            responses.values.resize(items, None);
        }
        // Reuse the label's allocation from the previous row.
        let label = responses.respondent.get_or_insert_default();
        label.clear();
        let (min, max) = (self.questionnaire.scale.min, self.questionnaire.scale.max);
        let values = responses.values.as_mut_slice();
        // The hot loop only notes the first bad cell; the message is built after.
        let mut failure: Option<(usize, Cell)> = None;
        for (i, (field, column)) in self.record.iter().zip(&self.columns).enumerate() {
            match *column {
                Column::Item(item) => match parse_cell(field) {
                    Cell::Value(v) if (min..=max).contains(&v) => {
                        if let Some(slot) = values.get_mut(item) {
                            *slot = Some(v);
                        }
                    }
                    Cell::Empty => {}
                    bad => {
                        failure = Some((i, bad));
                        break;
                    }
                },
                Column::Respondent => {
                    label.clear();
                    label.push_str(String::from_utf8_lossy(field).trim());
                }
                Column::Ignored => {}
            }
        }
        if let Some((i, bad)) = failure {
            let line = self
                .record
                .position()
                .map_or(self.row + 1, |p| p.line() as usize);
            let what = match bad {
                Cell::Value(v) => format!("{v} is outside the scale {min} to {max}"),
                _ => {
                    let shown = String::from_utf8_lossy(&self.record[i]);
                    format!("`{}` is not a whole number", shown.trim())
                }
            };
            return Some(Err(self.cell_problem(line, i, what)));
        }
        if let Some(label) = responses.respondent.as_mut()
            && label.is_empty()
        {
            use std::fmt::Write as _;
            let _ = write!(label, "row {}", self.row);
        }
        Some(Ok(()))
    }

    fn cell_problem(&self, line: usize, column: usize, what: String) -> Problem {
        let scale = &self.questionnaire.scale;
        Problem::unlocated(
            &self.name,
            format!(
                "line {line}, row {}, column `{}`: {what}",
                self.row, self.headers[column]
            ),
            format!(
                "write a whole number from {} to {}, or leave the cell empty for a missing answer",
                scale.min, scale.max
            ),
        )
    }
}

/// Rows handed from the reading thread to the scoring thread at a time.
const BATCH: usize = 1024;

/// Reads every row and passes it to `each`, in order. Parsing and checking the
/// CSV runs on a second thread, a batch of rows ahead of `each`, so the two
/// halves of the work share the machine's cores. At most a few batches exist
/// at once and they are reused, so memory stays flat. The first bad row stops
/// the reading; the rows before it have all been passed to `each`.
pub fn stream<R, E>(
    mut rows: CsvResponses<'_, R>,
    mut each: impl FnMut(&Responses) -> Result<(), E>,
    problem: impl Fn(Problem) -> E,
) -> Result<(), E>
where
    R: Read + Send,
{
    use std::sync::mpsc::sync_channel;
    let questionnaire = rows.questionnaire;
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = sync_channel::<(Vec<Responses>, usize, Option<Problem>)>(2);
        let (empty_tx, empty_rx) = sync_channel::<Vec<Responses>>(8);
        scope.spawn(move || {
            loop {
                let mut batch = empty_rx
                    .try_recv()
                    .unwrap_or_else(|_| vec![Responses::empty(questionnaire); BATCH]);
                let mut count = 0;
                let mut failure = None;
                let mut done = false;
                while count < BATCH {
                    match rows.next_into(&mut batch[count]) {
                        None => {
                            done = true;
                            break;
                        }
                        Some(Ok(())) => count += 1,
                        Some(Err(p)) => {
                            failure = Some(p);
                            done = true;
                            break;
                        }
                    }
                }
                // A closed channel means the consumer stopped (an error).
                if full_tx.send((batch, count, failure)).is_err() || done {
                    return;
                }
            }
        });
        for (batch, count, failure) in full_rx {
            for responses in &batch[..count] {
                each(responses)?;
            }
            if let Some(p) = failure {
                return Err(problem(p));
            }
            let _ = empty_tx.try_send(batch);
        }
        Ok(())
    })
}

/// A UTF-8 byte order mark, which spreadsheet programs put at the start of an
/// export. The csv crate keeps it as part of the first header, so it is dropped
/// here, before parsing, where it cannot disturb a quoted first cell.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads through to `inner`, without a leading byte order mark.
pub struct SkipBom<R> {
    inner: R,
    head: [u8; 3],
    start: usize,
    end: usize,
    checked: bool,
}

impl<R: Read> SkipBom<R> {
    fn new(inner: R) -> Self {
        SkipBom {
            inner,
            head: [0; 3],
            start: 0,
            end: 0,
            checked: false,
        }
    }
}

impl<R: Read> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.checked {
            while self.end < 3 {
                match self.inner.read(&mut self.head[self.end..]) {
                    Ok(0) => break,
                    Ok(n) => self.end += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            if self.head[..self.end] == *BOM {
                self.start = 3;
            }
            self.checked = true;
        }
        if self.start < self.end {
            let n = buf.len().min(self.end - self.start);
            buf[..n].copy_from_slice(&self.head[self.start..self.start + n]);
            self.start += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

/// Counts the bytes read into a progress bar, so a long table shows how far
/// along it is without counting its rows first.
pub struct ProgressReader<R> {
    inner: R,
    bar: indicatif::ProgressBar,
}

impl<R> ProgressReader<R> {
    pub fn new(inner: R, bar: indicatif::ProgressBar) -> Self {
        ProgressReader { inner, bar }
    }
}

impl<R: Read> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}

/// Files shorter than this finish too fast for a progress bar to help.
const PROGRESS_MIN_BYTES: u64 = 8 << 20;

/// A progress bar on stderr for reading `len` bytes: hidden unless `wanted`
/// (not `--quiet`), stderr is a terminal and the file is long.
pub fn progress_bar(len: u64, wanted: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !wanted || len < PROGRESS_MIN_BYTES || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {bar:40} {bytes}/{total_bytes} ({eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

enum Cell {
    Empty,
    Value(i64),
    Invalid,
}

/// Parses a cell without allocating: blank is missing, `4` and `4.0` are 4.
#[inline]
fn parse_cell(field: &[u8]) -> Cell {
    // The common case in a long table: one digit, nothing else.
    if let [digit @ b'0'..=b'9'] = field {
        return Cell::Value(i64::from(digit - b'0'));
    }
    let field = field.trim_ascii();
    if field.is_empty() {
        return Cell::Empty;
    }
    let (negative, digits) = match field {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, field),
    };
    let digits = match digits.iter().position(|&b| b == b'.') {
        Some(dot) if digits[dot + 1..].iter().all(|&b| b == b'0') => &digits[..dot],
        _ => digits,
    };
    if digits.is_empty() || digits.len() > 15 || !digits.iter().all(u8::is_ascii_digit) {
        return Cell::Invalid;
    }
    let value = digits
        .iter()
        .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'));
    Cell::Value(if negative { -value } else { value })
}

fn csv_problem(name: &str, error: &csv::Error) -> Problem {
    let line = error
        .position()
        .map(|p| format!("line {}: ", p.line()))
        .unwrap_or_default();
    let help = match error.kind() {
        csv::ErrorKind::UnequalLengths { .. } => {
            "every row needs as many cells as the header; quote cells that contain commas"
        }
        csv::ErrorKind::Utf8 { .. } => "save the file as UTF-8",
        _ => "check that the file is a comma-separated table with a header row",
    };
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{line}the row has {len} cells but the header has {expected_len}"),
        _ => format!("{line}{error}"),
    };
    Problem::unlocated(name, message, help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_parse_as_whole_numbers_or_missing() {
        assert!(matches!(parse_cell(b" 4 "), Cell::Value(4)));
        assert!(matches!(parse_cell(b"4.0"), Cell::Value(4)));
        assert!(matches!(parse_cell(b"-2"), Cell::Value(-2)));
        assert!(matches!(parse_cell(b""), Cell::Empty));
        assert!(matches!(parse_cell(b"4.5"), Cell::Invalid));
        assert!(matches!(parse_cell(b"four"), Cell::Invalid));
        assert!(matches!(parse_cell(b"."), Cell::Invalid));
    }

    #[test]
    fn a_leading_byte_order_mark_is_dropped_once() {
        let mut text = String::new();
        SkipBom::new(&b"\xEF\xBB\xBFa,\xEF\xBB\xBF"[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "a,\u{feff}");
        let mut short = String::new();
        SkipBom::new(&b"a"[..]).read_to_string(&mut short).unwrap();
        assert_eq!(short, "a");
    }
}
