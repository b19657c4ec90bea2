//! The interactive quiz (`attune take`).
//!
//! The quiz is split so that almost all of it can be tested without a terminal:
//! `session` holds one person's answers and saves them after every change,
//! `order` decides the order items are asked in (shuffled from a stored seed),
//! `flow` is the next/back/skip/review/finish state machine, and `prompter` is the
//! one small trait the flow asks questions through, with a dialoguer
//! implementation for people and a scripted one for tests.

pub mod flow;
pub mod order;
pub mod prompter;
pub mod session;

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;

pub use flow::{Outcome, run};
pub use prompter::{Choice, DialoguerPrompter, Prompter, Screen};
pub use session::Session;

/// Held while an answers file is being written, so a Ctrl-C that arrives as a
/// signal mid-save waits for the save to finish before the process exits.
pub(crate) static SAVING: Mutex<()> = Mutex::new(());

/// Whether a person can answer prompts: both stdin (keys) and stderr (where
/// prompts are drawn) must be terminals. dialoguer would otherwise fail, or read
/// `/dev/tty` behind a pipe's back, so attune decides this itself.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// What attune says when a quiz stops early, on every path (a Ctrl-C signal, a
/// Ctrl-C read as a key, a closed terminal): where the answers are and the exact
/// command that continues.
pub fn interrupted_message(path: &Path) -> String {
    let shown = path.display().to_string();
    format!(
        "Quiz interrupted. Every answer so far is saved in {shown}\nTo continue where you left off: attune take --resume {}",
        shell_quote(&shown)
    )
}

/// Restores the cursor that a prompt may have hidden. Errors are ignored: the
/// terminal may already be gone.
pub fn restore_cursor() {
    let _ = console::Term::stderr().show_cursor();
}

/// Installs the Ctrl-C handler for a quiz saving to `path`. The handler runs on
/// its own thread while a prompt may be drawing, so it does the least that is
/// safe: wait for any save in progress, show the cursor, print the same message
/// as the normal path, and exit 130. Every answer is already on disk.
pub fn install_interrupt_handler(path: &Path) -> std::result::Result<(), ctrlc::Error> {
    let message = interrupted_message(path);
    ctrlc::set_handler(move || {
        if !claim_ending() {
            // The quiz is already ending on the main thread, which says so itself.
            return;
        }
        let _guard = SAVING.lock();
        restore_cursor();
        eprintln!("\n{message}");
        std::process::exit(crate::error::exit::INTERRUPTED);
    })
}

/// Whether the quiz has started to end (finished or interrupted).
static ENDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Claims the end of the quiz for the caller. A Ctrl-C key read by a prompt can
/// also raise SIGINT, so the main thread and the signal handler may both see the
/// interruption; only the one that claims it first reports it. Returns whether
/// the caller won.
pub fn claim_ending() -> bool {
    !ENDING.swap(true, std::sync::atomic::Ordering::SeqCst)
}

/// Quotes a path for a POSIX shell only when it needs it, so the resume command
/// can be copied and pasted as printed.
pub fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-:+=@%,".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_command_is_quoted_only_when_needed() {
        assert_eq!(shell_quote("/tmp/a-1.toml"), "/tmp/a-1.toml");
        assert_eq!(
            shell_quote("/tmp/my answers.toml"),
            "'/tmp/my answers.toml'"
        );
        assert_eq!(shell_quote("it's.toml"), r"'it'\''s.toml'");
    }

    #[test]
    fn interrupted_message_names_the_file_and_the_resume_command() {
        let message = interrupted_message(Path::new("/data/answers/x.toml"));
        assert!(message.contains("saved in /data/answers/x.toml"));
        assert!(message.contains("attune take --resume /data/answers/x.toml"));
    }
}
