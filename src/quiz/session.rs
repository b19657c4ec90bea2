//! One person's quiz in progress: the answers given so far, the order items are
//! asked in, and the answers file they are saved to after every change.
//!
//! The file is the contract's answers format plus two optional keys: `seed` (so
//! a resumed quiz keeps a shuffled order) and `skipped` (items the person chose
//! not to answer, stored as missing, never as a value).

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::answers::{self, AnswersFile, Header, Responses};
use crate::catalog;
use crate::diagnostic::Problem;
use crate::error::{Error, Result};
use crate::questionnaire::Questionnaire;
use crate::store;

use super::order;

/// The answer a person gave to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Value(i64),
    /// "Prefer not to answer".
    Skipped,
}

/// A quiz in progress and where it is saved.
#[derive(Debug, Clone)]
pub struct Session<'q> {
    questionnaire: &'q Questionnaire,
    /// How the answers file names the questionnaire: a built-in id or a path.
    name: String,
    path: PathBuf,
    order: Vec<usize>,
    seed: Option<u64>,
    respondent: Option<String>,
    /// The `taken` value as TOML (a date-time, or a quoted string from an old file).
    taken: Option<String>,
    /// Indexed like the questionnaire's items.
    answers: Vec<Option<Answer>>,
    complete: bool,
}

impl<'q> Session<'q> {
    /// A new quiz, nothing answered yet, started now.
    pub fn start(
        questionnaire: &'q Questionnaire,
        name: String,
        path: PathBuf,
        seed: Option<u64>,
        respondent: Option<String>,
    ) -> Self {
        Session {
            questionnaire,
            name,
            path,
            order: order::for_seed(questionnaire.items.len(), seed),
            seed,
            respondent,
            taken: Some(humantime::format_rfc3339_seconds(SystemTime::now()).to_string()),
            answers: vec![None; questionnaire.items.len()],
            complete: false,
        }
    }

    /// A saved quiz, checked by `open_saved`, to continue.
    pub fn resume(saved: &'q Saved, path: PathBuf) -> Self {
        let questionnaire = &saved.questionnaire;
        let mut answers: Vec<Option<Answer>> = saved
            .responses
            .values
            .iter()
            .map(|v| v.map(Answer::Value))
            .collect();
        for id in &saved.file.skipped {
            if let Some(index) = questionnaire.item_index(&id.value) {
                answers[index].get_or_insert(Answer::Skipped);
            }
        }
        Session {
            questionnaire,
            name: saved.name.clone(),
            path,
            order: order::for_seed(questionnaire.items.len(), saved.file.seed),
            seed: saved.file.seed,
            respondent: saved.file.respondent.clone(),
            taken: saved.file.taken.as_deref().map(toml_datetime_or_string),
            answers,
            complete: saved.file.complete,
        }
    }

    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.questionnaire
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Item indices in the order they are asked.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// The answer to the item at `position` in the asking order.
    pub fn answer_at(&self, position: usize) -> Option<Answer> {
        self.answers[self.order[position]]
    }

    /// Records an answer to the item at `position` and saves at once.
    pub fn set_at(&mut self, position: usize, answer: Answer) -> Result<()> {
        let item = self.order[position];
        if let Answer::Value(value) = answer {
            debug_assert!(self.questionnaire.scale.contains(value));
        }
        self.answers[item] = Some(answer);
        self.save()
    }

    /// The first position neither answered nor skipped: where a resumed quiz goes on.
    pub fn first_open(&self) -> Option<usize> {
        (0..self.order.len()).find(|&p| self.answer_at(p).is_none())
    }

    /// How many items were answered, skipped, and left open.
    pub fn counts(&self) -> (usize, usize, usize) {
        let answered = self
            .answers
            .iter()
            .filter(|a| matches!(a, Some(Answer::Value(_))))
            .count();
        let skipped = self
            .answers
            .iter()
            .filter(|a| matches!(a, Some(Answer::Skipped)))
            .count();
        (answered, skipped, self.answers.len() - answered - skipped)
    }

    /// The values to score, with the respondent label.
    pub fn responses(&self) -> Responses {
        Responses {
            respondent: self.respondent.clone(),
            values: self
                .answers
                .iter()
                .map(|a| match a {
                    Some(Answer::Value(v)) => Some(*v),
                    _ => None,
                })
                .collect(),
        }
    }

    /// Marks the quiz finished and saves.
    pub fn finish(&mut self) -> Result<()> {
        self.complete = true;
        self.save()
    }

    /// The answers file as it is saved.
    pub fn render(&self) -> String {
        let skipped: Vec<String> = self
            .order
            .iter()
            .filter(|&&i| self.answers[i] == Some(Answer::Skipped))
            .map(|&i| self.questionnaire.items[i].id.clone())
            .collect();
        let header = Header {
            questionnaire: &self.name,
            respondent: self.respondent.as_deref(),
            taken: self.taken.as_deref(),
            complete: self.complete,
            seed: self.seed,
            fill_in: false,
        };
        answers::render(
            self.questionnaire,
            &header,
            &self.responses(),
            &skipped,
            &self.order,
        )
    }

    /// Writes the answers file atomically (temporary file, sync, rename), 0600.
    pub fn save(&self) -> Result<()> {
        let text = self.render();
        let _guard = super::SAVING.lock();
        store::write_private(&self.path, text.as_bytes())
    }
}

/// A `taken` value read back: a TOML date-time is written as it was, anything
/// else is quoted so the saved file stays valid TOML.
fn toml_datetime_or_string(taken: &str) -> String {
    let is_datetime = format!("t = {taken}")
        .parse::<toml::Table>()
        .is_ok_and(|t| matches!(t.get("t"), Some(toml::Value::Datetime(_))));
    if is_datetime {
        taken.to_string()
    } else {
        answers::quote(taken)
    }
}

/// A saved answers file, read and checked against its questionnaire.
pub struct Saved {
    pub questionnaire: Questionnaire,
    /// The questionnaire as the file names it (kept when saving again).
    pub name: String,
    pub file: AnswersFile,
    pub responses: Responses,
}

/// Reads an answers file to resume. The questionnaire is the one the file names;
/// if the command line names one too (`expected`), it must be the same, and the
/// version must match the file's, since items may change between versions.
pub fn open_saved(path: &Path, expected: Option<&Questionnaire>) -> Result<Saved> {
    let source = catalog::read_source(path)?;
    let file = answers::read(&source)?;
    let Some(named) = file.questionnaire.clone() else {
        return Err(Error::from(Problem::unlocated(
            &source.name,
            "the answers file does not name its questionnaire, so the quiz cannot continue",
            "add `questionnaire = \"<id or path>\"` at the top",
        )));
    };
    let questionnaire = catalog::resolve(&named.value, path.parent())?;
    if let Some(expected) = expected
        && expected.id != questionnaire.id
    {
        return Err(Error::from(source.problem(
            named.span.clone(),
            format!(
                "this file holds answers to `{}`, not `{}`",
                questionnaire.id, expected.id
            ),
            format!(
                "resume it without naming a questionnaire (`attune take --resume {}`), or start a new quiz with `attune take {}`",
                super::shell_quote(&path.display().to_string()),
                expected.id
            ),
        )));
    }
    if let Some(version) = &file.version
        && version.value != questionnaire.version
    {
        return Err(Error::from(source.problem(
            version.span.clone(),
            format!(
                "these answers were started on version {} of {}, but this is version {}",
                version.value, questionnaire.id, questionnaire.version
            ),
            format!(
                "items may have changed, so the quiz cannot continue; score the answers so far with `attune score {}`, or start again with `attune take {}`",
                super::shell_quote(&path.display().to_string()),
                named.value
            ),
        )));
    }
    let responses = answers::responses(&source, &file, &questionnaire)?;
    Ok(Saved {
        questionnaire,
        name: named.value,
        file,
        responses,
    })
}

/// A new answers file in `dir` named after the questionnaire and the time, e.g.
/// `connection-styles-2026-11-22T10-00-00Z.toml`. The name is reserved by
/// creating the file exclusively, so two quizzes started in the same second get
/// different files (`...-2.toml`).
pub fn new_answers_path(dir: &Path, questionnaire_id: &str) -> Result<PathBuf> {
    store::create_private_dir(dir)?;
    let stamp = humantime::format_rfc3339_seconds(SystemTime::now())
        .to_string()
        .replace(':', "-");
    let mut n = 1u32;
    loop {
        let name = if n == 1 {
            format!("{questionnaire_id}-{stamp}.toml")
        } else {
            format!("{questionnaire_id}-{stamp}-{n}.toml")
        };
        let path = dir.join(name);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
}

/// How the answers file names a questionnaire given on the command line: a
/// built-in by id, a file by absolute path (the answers may be saved elsewhere,
/// and a relative path would then point to the wrong place).
pub fn questionnaire_name(argument: &str) -> String {
    if catalog::BUILT_INS.iter().any(|(id, _)| *id == argument) {
        return argument.to_string();
    }
    std::path::absolute(argument).map_or_else(|_| argument.to_string(), |p| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick_check() -> Questionnaire {
        catalog::resolve("quick-check", None).unwrap()
    }

    #[test]
    fn a_resumed_shuffled_quiz_keeps_its_order_and_continues_at_the_first_open_item() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        let q = quick_check();
        let mut session =
            Session::start(&q, q.id.clone(), path.clone(), Some(99), Some("sam".into()));
        session.set_at(0, Answer::Value(2)).unwrap();
        session.set_at(1, Answer::Skipped).unwrap();
        session.set_at(2, Answer::Value(5)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("seed = 99"));
        assert!(text.contains("complete = false"));

        let saved = open_saved(&path, Some(&q)).unwrap();
        let resumed = Session::resume(&saved, path.clone());
        assert_eq!(resumed.order(), session.order());
        assert_ne!(resumed.order(), order::natural(12).as_slice());
        assert_eq!(resumed.first_open(), Some(3));
        assert_eq!(resumed.answer_at(1), Some(Answer::Skipped));
        assert_eq!(resumed.answer_at(2), Some(Answer::Value(5)));
        assert_eq!(resumed.counts(), (2, 1, 9));
        assert!(!resumed.is_complete());
        // Saving again changes nothing: the file round-trips.
        assert_eq!(resumed.render(), text);
    }

    #[test]
    fn resuming_with_another_version_or_questionnaire_is_a_data_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        let q = quick_check();
        let session = Session::start(&q, q.id.clone(), path.clone(), None, None);
        session.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("version = \"1.0.0\"", "version = \"0.9.0\""),
        )
        .unwrap();
        let error = open_saved(&path, None).err().unwrap();
        assert_eq!(error.exit_code(), crate::error::exit::DATA);
        assert!(
            error.to_string().contains("version 0.9.0 of quick-check"),
            "{error}"
        );

        session.save().unwrap();
        let other = catalog::resolve("connection-styles", None).unwrap();
        let error = open_saved(&path, Some(&other)).err().unwrap();
        assert_eq!(error.exit_code(), crate::error::exit::DATA);
        assert!(
            error
                .to_string()
                .contains("answers to `quick-check`, not `connection-styles`"),
            "{error}"
        );
    }

    #[test]
    fn new_answers_files_get_distinct_names_in_the_same_second() {
        let dir = tempfile::tempdir().unwrap();
        let first = new_answers_path(dir.path(), "quick-check").unwrap();
        let second = new_answers_path(dir.path(), "quick-check").unwrap();
        assert_ne!(first, second);
        let name = first.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("quick-check-") && name.ends_with("Z.toml") && !name.contains(':'),
            "{name}"
        );
    }
}
