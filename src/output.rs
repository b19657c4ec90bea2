//! Where reports go (stdout or `-o FILE`) and whether they are coloured.
//! Files are written atomically and owner-only, like every file attune writes.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::store::AtomicFile;

/// `--color`: colour only on a terminal by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a stream that is (or is not) a terminal.
    /// `auto` respects `NO_COLOR` (any non-empty value) and `TERM=dumb`.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
                is_terminal && !no_color && !dumb
            }
        }
    }
}

enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File(BufWriter<AtomicFile>, PathBuf),
}

/// The destination of a command's report or data.
pub struct Output {
    sink: Sink,
}

impl Output {
    /// stdout, or a file when `path` is given and is not `-`.
    pub fn open(path: Option<&Path>) -> Result<Self> {
        let sink = match path {
            Some(p) if p != Path::new("-") => Sink::File(
                BufWriter::with_capacity(1 << 16, AtomicFile::create(p)?),
                p.to_path_buf(),
            ),
            _ => Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
        };
        Ok(Output { sink })
    }

    /// Whether the output is a terminal (never for a file).
    pub fn is_terminal(&self) -> bool {
        match &self.sink {
            Sink::Stdout(_) => io::stdout().is_terminal(),
            Sink::File(..) => false,
        }
    }

    /// Turns an IO error from writing into the right attune error.
    pub fn error(&self, e: io::Error) -> Error {
        match &self.sink {
            Sink::Stdout(_) => Error::Output(e),
            Sink::File(_, path) => Error::io(path, e),
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> Result<()> {
        match self.sink {
            Sink::Stdout(mut w) => w.flush().map_err(Error::Output),
            Sink::File(w, path) => w
                .into_inner()
                .map_err(|e| Error::io(&path, e.into_error()))?
                .commit(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w, _) => w.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w, _) => w.flush(),
        }
    }
}

/// Wraps text to `width` columns, indenting every line by `indent` spaces.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > width
            {
                out.push_str(&pad);
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&pad);
        out.push_str(&line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Wraps `text` so its first line starts with `prefix` (such as `"  - "`) and
/// the following lines line up under the text, not under the prefix.
pub fn hanging(prefix: &str, text: &str, width: usize) -> String {
    let indent = prefix.chars().count();
    let wrapped = wrap(text, width, indent);
    format!("{prefix}{}", &wrapped[indent.min(wrapped.len())..])
}

#[cfg(test)]
mod tests {
    use super::{hanging, wrap};

    #[test]
    fn hanging_lines_up_under_the_text() {
        assert_eq!(
            hanging("  - ", "one two three four", 14),
            "  - one two\n    three four"
        );
    }

    #[test]
    fn wraps_at_word_boundaries_with_indent() {
        assert_eq!(wrap("one two three four", 12, 2), "  one two\n  three four");
    }
}
