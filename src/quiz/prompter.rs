//! The one thing the quiz flow needs from a terminal: show a screen of text and
//! let the person pick one of a few choices, or go back, or stop. Keeping it this
//! small lets `flow` be tested with a scripted prompter, and only a handful of
//! end-to-end tests need a real pseudo-terminal.

use std::io;

use console::Term;
use dialoguer::Select;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::output::wrap;

/// What the person did at a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The choice at this index.
    Picked(usize),
    /// Esc or `q`: go back to the previous screen.
    Back,
    /// Ctrl-C: stop the quiz (every answer so far is already saved).
    Interrupted,
}

/// One screen: text to read, a short prompt, and the choices.
#[derive(Debug, Clone, Copy)]
pub struct Screen<'a> {
    /// Shown above the prompt: the intro, or the progress line and item text.
    pub text: &'a str,
    pub prompt: &'a str,
    pub items: &'a [String],
    /// The choice highlighted at first (an earlier answer when going back).
    pub default: usize,
}

/// Asks the person to pick one choice on a screen.
pub trait Prompter {
    fn select(&mut self, screen: &Screen<'_>) -> io::Result<Choice>;
}

/// Prompts drawn with dialoguer on stderr, so stdout stays for the report.
pub struct DialoguerPrompter {
    term: Term,
    theme: Box<dyn Theme>,
    screens: usize,
}

/// The widest text is wrapped to, even on a wide terminal, for readability.
const MAX_WIDTH: usize = 78;

impl DialoguerPrompter {
    pub fn new(color: bool) -> Self {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        DialoguerPrompter {
            term: Term::stderr(),
            theme,
            screens: 0,
        }
    }

    fn width(&self) -> usize {
        let columns = usize::from(self.term.size().1);
        columns.saturating_sub(1).clamp(20, MAX_WIDTH)
    }
}

impl Prompter for DialoguerPrompter {
    fn select(&mut self, screen: &Screen<'_>) -> io::Result<Choice> {
        // One screen at a time; the first is not cleared so the line saying where
        // answers are saved stays above the intro.
        if self.screens > 0 {
            self.term.clear_screen()?;
        }
        self.screens += 1;
        if !screen.text.is_empty() {
            self.term.write_line(&wrap(screen.text, self.width(), 0))?;
            self.term.write_line("")?;
        }
        let answer = Select::with_theme(self.theme.as_ref())
            .with_prompt(screen.prompt)
            .items(screen.items)
            .default(screen.default.min(screen.items.len().saturating_sub(1)))
            .interact_on_opt(&self.term);
        match answer {
            Ok(Some(index)) => Ok(Choice::Picked(index)),
            Ok(None) => Ok(Choice::Back),
            // Ctrl-C read as a key in raw mode, or the terminal gone: stop the
            // quiz the same way, with every answer so far saved.
            Err(dialoguer::Error::IO(e))
                if matches!(
                    e.kind(),
                    io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof
                ) =>
            {
                Ok(Choice::Interrupted)
            }
            Err(dialoguer::Error::IO(e)) => Err(e),
        }
    }
}
