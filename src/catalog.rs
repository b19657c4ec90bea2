//! The built-in questionnaires, embedded in the binary, and the rule that turns a
//! QUESTIONNAIRE argument (a built-in id or a path) into a loaded questionnaire.

use std::path::{Path, PathBuf};

use crate::diagnostic::Source;
use crate::error::{Error, Result};
use crate::questionnaire::{self, Questionnaire};

/// The questionnaire `attune take` uses when none is named.
pub const DEFAULT: &str = "connection-styles";

/// Built-in questionnaires: id and TOML text, in the order `attune list` shows them.
pub const BUILT_INS: &[(&str, &str)] = &[
    (
        "connection-styles",
        include_str!("../questionnaires/connection-styles.toml"),
    ),
    (
        "close-relationships",
        include_str!("../questionnaires/close-relationships.toml"),
    ),
    (
        "quick-check",
        include_str!("../questionnaires/quick-check.toml"),
    ),
];

/// Loads every built-in questionnaire.
pub fn built_ins() -> Result<Vec<Questionnaire>> {
    BUILT_INS.iter().map(|(id, _)| built_in(id)).collect()
}

fn built_in(id: &str) -> Result<Questionnaire> {
    let source = built_in_source(id).ok_or_else(|| not_found(id))?;
    Ok(questionnaire::load(&source)?)
}

/// The text of a built-in questionnaire, named `<built-in ID>` in messages.
pub fn built_in_source(id: &str) -> Option<Source> {
    BUILT_INS
        .iter()
        .find(|(built_in, _)| *built_in == id)
        .map(|(id, text)| Source::new(format!("<built-in {id}>"), *text))
}

/// Reads a questionnaire file's source text.
pub fn read_source(path: &Path) -> Result<Source> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(Source::new(path.display().to_string(), text))
}

/// Resolves a QUESTIONNAIRE argument: a built-in id first, else a path to a file.
/// `relative_to` is the folder of the answers file that named it, if any.
pub fn resolve(name: &str, relative_to: Option<&Path>) -> Result<Questionnaire> {
    if BUILT_INS.iter().any(|(id, _)| *id == name) {
        return built_in(name);
    }
    // A path in an answers file is relative to that file; if nothing is there,
    // fall back to the working directory (a template written elsewhere with `-o`).
    let beside_answers = relative_to
        .filter(|_| Path::new(name).is_relative())
        .map(|dir| dir.join(name));
    let path = match beside_answers {
        Some(path) if path.is_file() => path,
        _ => PathBuf::from(name),
    };
    if !path.is_file() {
        return Err(not_found(name));
    }
    let source = read_source(&path)?;
    Ok(questionnaire::load(&source)?)
}

fn not_found(name: &str) -> Error {
    Error::NotFound(format!(
        "questionnaire `{name}` not found: it is neither a built-in nor a file\n  = help: {}",
        not_found_help(name)
    ))
}

/// What to do about a questionnaire that is neither built in nor a file: the
/// closest built-in id if one is close, and every built-in id.
pub fn not_found_help(name: &str) -> String {
    let ids: Vec<&str> = BUILT_INS.iter().map(|(id, _)| *id).collect();
    let close = crate::diagnostic::did_you_mean(name, ids.iter().copied())
        .map(|id| format!("did you mean `{id}`? Otherwise, "))
        .unwrap_or_default();
    format!(
        "{close}use a built-in ({}) or the path to a .toml questionnaire; `attune list` shows the built-ins",
        ids.join(", ")
    )
}

/// Questionnaires loaded so far, keyed by how they were named, so a hundred
/// answers files of one questionnaire load and validate it once.
#[derive(Default)]
pub struct Cache {
    loaded: Vec<((String, Option<PathBuf>), Questionnaire)>,
}

impl Cache {
    /// `resolve`, remembering the result.
    pub fn get(&mut self, name: &str, relative_to: Option<&Path>) -> Result<&Questionnaire> {
        let key = (name.to_string(), relative_to.map(Path::to_path_buf));
        let position = match self.loaded.iter().position(|(k, _)| *k == key) {
            Some(p) => p,
            None => {
                let questionnaire = resolve(name, relative_to)?;
                self.loaded.push((key, questionnaire));
                self.loaded.len() - 1
            }
        };
        Ok(&self.loaded[position].1)
    }
}
