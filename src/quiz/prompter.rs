//! The one thing the quiz flow needs from a terminal: show a screen of text and
//! let the person pick one of a few choices, or go back, or stop. Keeping it this
//! small lets `flow` be tested with a scripted prompter, and only a handful of
//! end-to-end tests need a real pseudo-terminal.

use std::io;

use console::{Key, Term};
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
    /// Keys that pick a choice at once, such as `'5'` for the scale point 5.
    pub shortcuts: &'a [(char, usize)],
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
        if !screen.shortcuts.is_empty() {
            return self.pick(screen);
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

impl DialoguerPrompter {
    /// dialoguer's `Select` has no way to pick a choice with a number key, so
    /// screens with shortcuts use this small picker instead. It draws with the
    /// same dialoguer theme and answers the same keys (arrows, j/k, Tab, Enter,
    /// space, Esc or q to go back), plus each shortcut key.
    fn pick(&self, screen: &Screen<'_>) -> io::Result<Choice> {
        let count = screen.items.len();
        if count == 0 {
            return Err(io::Error::other("a screen without choices"));
        }
        let mut selected = screen.default.min(count - 1);
        self.term.hide_cursor()?;
        loop {
            let drawn = self.draw(screen, selected)?;
            // The raw read returns Ctrl-C as a key instead of raising SIGINT, so
            // an interruption takes one path: the flow's, with everything saved.
            let key = match self.term.read_key_raw() {
                Ok(key) => key,
                Err(e) => {
                    self.term.show_cursor()?;
                    return match e.kind() {
                        io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof => {
                            Ok(Choice::Interrupted)
                        }
                        _ => Err(e),
                    };
                }
            };
            self.term.clear_last_lines(drawn)?;
            let chosen = match key {
                Key::ArrowDown | Key::Tab | Key::Char('j') => {
                    selected = (selected + 1) % count;
                    None
                }
                Key::ArrowUp | Key::BackTab | Key::Char('k') => {
                    selected = (selected + count - 1) % count;
                    None
                }
                Key::Enter | Key::Char(' ') => Some(Choice::Picked(selected)),
                Key::Escape | Key::Char('q') => Some(Choice::Back),
                Key::CtrlC => Some(Choice::Interrupted),
                Key::Char(c) => screen
                    .shortcuts
                    .iter()
                    .find(|(key, _)| *key == c)
                    .map(|&(_, index)| Choice::Picked(index)),
                _ => None,
            };
            if let Some(choice) = chosen {
                if let Choice::Picked(index) = choice {
                    let mut line = String::new();
                    self.theme
                        .format_select_prompt_selection(
                            &mut line,
                            screen.prompt,
                            &screen.items[index],
                        )
                        .map_err(io::Error::other)?;
                    self.term.write_line(&line)?;
                }
                self.term.show_cursor()?;
                self.term.flush()?;
                return Ok(choice);
            }
        }
    }

    /// Draws the prompt and the choices, returning how many lines they took.
    fn draw(&self, screen: &Screen<'_>, selected: usize) -> io::Result<usize> {
        let mut lines = Vec::with_capacity(screen.items.len() + 1);
        let mut prompt = String::new();
        self.theme
            .format_select_prompt(&mut prompt, screen.prompt)
            .map_err(io::Error::other)?;
        lines.push(prompt);
        for (index, item) in screen.items.iter().enumerate() {
            let mut line = String::new();
            self.theme
                .format_select_prompt_item(&mut line, item, index == selected)
                .map_err(io::Error::other)?;
            lines.push(line);
        }
        for line in &lines {
            self.term.write_line(line)?;
        }
        self.term.flush()?;
        Ok(lines.len())
    }
}
