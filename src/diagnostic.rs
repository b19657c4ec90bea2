//! Located problems in a file the user wrote, rendered the way compilers do:
//! `path:line:column: message`, the offending line, a caret under the problem,
//! and a hint saying what to change. One mechanism serves questionnaires,
//! answers files and CSV tables, so every error looks the same.

use std::fmt;
use std::ops::Range;

/// The text of one input file and the name to show for it.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }

    /// Builds a located problem from a byte span of this source.
    pub fn problem(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Problem {
        let start = floor_char_boundary(&self.text, span.start.min(self.text.len()));
        let (line, column) = self.line_col(start);
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let end = floor_char_boundary(&self.text, span.end.clamp(start, line_end));
        let width = self.text[start..end].chars().count().max(1);
        Problem {
            file: self.name.clone(),
            location: Some(Location {
                line,
                column,
                line_text: line_text.to_string(),
                width,
            }),
            message: message.into(),
            help: help.into(),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Where in a file a problem is, with the line's text for the caret display.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub line_text: String,
    /// How many characters the caret underlines.
    pub width: usize,
}

/// One thing wrong with an input file, and what to change.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub location: Option<Location>,
    pub message: String,
    pub help: String,
}

impl Problem {
    /// A problem that concerns a whole file (or a CSV cell) rather than a TOML span.
    pub fn unlocated(
        file: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.into(),
            location: None,
            message: message.into(),
            help: help.into(),
        }
    }

    fn sort_key(&self) -> (usize, usize) {
        self.location
            .as_ref()
            .map_or((0, 0), |l| (l.line, l.column))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            None => write!(f, "{}: error: {}", self.file, self.message)?,
            Some(loc) => {
                let number = loc.line.to_string();
                let pad = " ".repeat(number.len());
                // Tabs would shift the caret; show them as one space each.
                let shown = loc.line_text.replace('\t', " ");
                writeln!(
                    f,
                    "{}:{}:{}: error: {}",
                    self.file, loc.line, loc.column, self.message
                )?;
                writeln!(f, " {pad} |")?;
                writeln!(f, " {number} | {shown}")?;
                write!(
                    f,
                    " {pad} | {}{}",
                    " ".repeat(loc.column - 1),
                    "^".repeat(loc.width)
                )?;
            }
        }
        if !self.help.is_empty() {
            let pad = self
                .location
                .as_ref()
                .map_or(0, |l| l.line.to_string().len());
            write!(f, "\n {} = help: {}", " ".repeat(pad), self.help)?;
        }
        Ok(())
    }
}

/// Every problem found in one or more files, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Orders problems by position so the output reads top to bottom.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by_key(Problem::sort_key);
        self
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// Suggests the closest known name for a misspelt one, if any is close.
pub fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (edit_distance(wrong, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_path_line_column_and_caret() {
        let source = Source::new("q.toml", "a = 1\ntitel = \"x\"\n");
        let problem = source.problem(6..11, "unknown key `titel`", "did you mean `title`?");
        assert_eq!(
            problem.to_string(),
            "q.toml:2:1: error: unknown key `titel`\n   |\n 2 | titel = \"x\"\n   | ^^^^^\n   = help: did you mean `title`?"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("titel", ["title", "items"]), Some("title"));
        assert_eq!(did_you_mean("zzzzzz", ["title", "items"]), None);
    }
}
