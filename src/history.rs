//! Past results of completed quizzes (`attune history`). Every completed
//! `attune take` stores one small JSON file in `<data dir>/history/`, named by
//! the result's id, so results can be listed, compared over time and forgotten
//! one by one. Files are written atomically and owner-only, like answers. A file
//! in the folder that is not a readable result is reported and left alone: this
//! module never deletes anything it was not asked to.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::scoring::Report;
use crate::store;

/// The `kind` every history file carries, so a stray JSON file is recognised.
pub const KIND: &str = "attune-result";
/// The version of the history file format this build writes and reads.
pub const FORMAT: i64 = 1;
/// The extension of history files.
const EXTENSION: &str = "json";

/// One stored result, exactly as written to its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub kind: String,
    pub format: i64,
    /// The result's id; the file is `<id>.json`, and the file name wins if the two disagree.
    pub id: String,
    pub questionnaire: QuestionnaireInfo,
    /// When the quiz was completed, RFC 3339 in UTC.
    pub taken: String,
    /// The answers file the result was scored from.
    pub answers: String,
    #[serde(default)]
    pub respondent: Option<String>,
    pub dimensions: Vec<DimensionEntry>,
    pub primary: Option<PrimaryEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: String,
    pub title: String,
}

/// One dimension's score; `mean`, `percent` and `band` are null when it was not scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionEntry {
    pub id: String,
    pub name: String,
    pub mean: Option<f64>,
    pub percent: Option<f64>,
    /// The band id.
    pub band: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrimaryEntry {
    pub id: String,
    pub name: String,
}

/// A stored result with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub entry: Entry,
    pub path: PathBuf,
    pub taken: SystemTime,
}

/// A file in the history folder that is not a readable result.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// What `forget` removed.
#[derive(Debug, Clone, PartialEq)]
pub enum Forgotten {
    Result(Box<Stored>),
    /// A file with that id that could not be read as a result.
    Unreadable(PathBuf),
}

/// The history folder inside attune's data directory (`ATTUNE_HOME` moves it).
pub fn dir() -> Result<PathBuf> {
    Ok(store::data_dir()?.join("history"))
}

/// Stores the result of a completed quiz in attune's data directory, so that
/// `attune history` can show change over time. Called by the quiz when it ends.
pub fn record(report: &Report<'_>, answers_path: &Path) -> Result<()> {
    record_in(&dir()?, report, answers_path, SystemTime::now()).map(|_| ())
}

/// Stores a result in `history_dir` as taken at `taken`, and returns its id.
/// `record` uses the data directory and the current time; tests pass their own.
pub fn record_in(
    history_dir: &Path,
    report: &Report<'_>,
    answers_path: &Path,
    taken: SystemTime,
) -> Result<String> {
    store::create_private_dir(history_dir)?;
    let taken_text = humantime::format_rfc3339_seconds(taken).to_string();
    let id = unused_id(history_dir, &id_for(&taken_text));
    let entry = entry(report, answers_path, &id, taken_text);
    let mut json = serde_json::to_vec_pretty(&entry)
        .map_err(|e| Error::io(history_dir, std::io::Error::other(e)))?;
    json.push(b'\n');
    store::write_private(&file_for(history_dir, &id), &json)?;
    Ok(id)
}

/// The entry for a report, with the answers path made absolute so it still
/// means something when read from another folder.
pub fn entry(report: &Report<'_>, answers_path: &Path, id: &str, taken: String) -> Entry {
    let q = report.questionnaire;
    let answers = fs::canonicalize(answers_path)
        .or_else(|_| std::env::current_dir().map(|cwd| cwd.join(answers_path)))
        .unwrap_or_else(|_| answers_path.to_path_buf());
    Entry {
        kind: KIND.to_string(),
        format: FORMAT,
        id: id.to_string(),
        questionnaire: QuestionnaireInfo {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
        },
        taken,
        answers: answers.display().to_string(),
        respondent: report.respondent.clone(),
        dimensions: report
            .dimensions
            .iter()
            .map(|s| {
                let d = &q.dimensions[s.dimension];
                DimensionEntry {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    mean: s.mean,
                    percent: s.percent,
                    band: s.band.map(|b| q.bands[b].id.clone()),
                }
            })
            .collect(),
        primary: report.primary.as_ref().map(|p| PrimaryEntry {
            id: p.id(q).to_string(),
            name: p.name(q).to_string(),
        }),
    }
}

/// "2026-11-22T10:00:00Z" becomes "20261122-100000": sortable, and easy to type.
fn id_for(taken: &str) -> String {
    let digits: String = taken.chars().filter(char::is_ascii_digit).collect();
    match (digits.get(..8), digits.get(8..14)) {
        (Some(date), Some(time)) => format!("{date}-{time}"),
        _ => digits,
    }
}

/// `base`, or `base-2`, `base-3`... when results were stored in the same second.
fn unused_id(history_dir: &Path, base: &str) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while file_for(history_dir, &id).exists() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn file_for(history_dir: &Path, id: &str) -> PathBuf {
    history_dir.join(format!("{id}.{EXTENSION}"))
}

/// Every readable result in `history_dir`, oldest first, and every file that is
/// not one. A missing folder is an empty history. Hidden files (such as a save
/// in progress) are neither.
pub fn load_all(history_dir: &Path) -> Result<(Vec<Stored>, Vec<Skipped>)> {
    let mut stored = Vec::new();
    let mut skipped = Vec::new();
    let listing = match fs::read_dir(history_dir) {
        Ok(listing) => listing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((stored, skipped)),
        Err(e) => return Err(Error::io(history_dir, e)),
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for item in listing {
        let item = item.map_err(|e| Error::io(history_dir, e))?;
        if item.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        paths.push(item.path());
    }
    paths.sort();
    for path in paths {
        match read_one(&path) {
            Ok(one) => stored.push(one),
            Err(reason) => skipped.push(Skipped { path, reason }),
        }
    }
    stored.sort_by(|a, b| {
        a.taken
            .cmp(&b.taken)
            .then_with(|| a.entry.id.cmp(&b.entry.id))
    });
    Ok((stored, skipped))
}

/// Reads one history file, or says why it is not one.
fn read_one(path: &Path) -> Result<Stored, String> {
    if path.extension().and_then(|e| e.to_str()) != Some(EXTENSION) {
        return Err("not an attune history file (it does not end in .json)".to_string());
    }
    let text = fs::read_to_string(path).map_err(|e| format!("cannot be read: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("is not valid JSON ({e})"))?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
        return Err(format!(
            "not an attune history file (it has no \"kind\": \"{KIND}\")"
        ));
    }
    match value.get("format").and_then(|f| f.as_i64()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(format!(
                "written in history format {other}, and this version of attune reads format {FORMAT}"
            ));
        }
        None => return Err("has no valid \"format\"".to_string()),
    }
    let mut entry: Entry =
        serde_json::from_value(value).map_err(|e| format!("is damaged ({e})"))?;
    let taken = humantime::parse_rfc3339_weak(&entry.taken)
        .map_err(|e| format!("is damaged (\"taken\" is not a date and time: {e})"))?;
    if let Some(stem) = path.file_stem() {
        entry.id = stem.to_string_lossy().into_owned();
    }
    Ok(Stored {
        entry,
        path: path.to_path_buf(),
        taken,
    })
}

/// Removes the result with this id (the file `<id>.json`), and only it.
/// An id that names no file is an error saying how to see the ids.
pub fn forget(history_dir: &Path, id: &str) -> Result<Forgotten> {
    let wanted = format!("{id}.{EXTENSION}");
    // Match against the folder's own listing, so an id can never reach outside it.
    let found = fs::read_dir(history_dir)
        .ok()
        .into_iter()
        .flatten()
        .filter_map(|item| item.ok())
        .find(|item| item.file_name().to_string_lossy() == wanted.as_str())
        .map(|item| item.path());
    let Some(path) = found else {
        return Err(Error::NotFound(format!(
            "no stored result has the id `{id}`\n  = help: `attune history` lists every result with its id"
        )));
    };
    let forgotten = match read_one(&path) {
        Ok(stored) => Forgotten::Result(Box::new(stored)),
        Err(_) => Forgotten::Unreadable(path.clone()),
    };
    fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
    Ok(forgotten)
}

/// A sparkline over percent values (0 to 100, absolute, so a small change looks
/// small); `·` marks a result where the dimension was not scored.
pub fn sparkline(percents: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    percents
        .iter()
        .map(|p| match p {
            Some(p) if p.is_finite() => {
                BARS[((p.clamp(0.0, 100.0) / 100.0) * 7.0).round() as usize]
            }
            _ => '·',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_date_and_time_digits() {
        assert_eq!(id_for("2026-11-22T10:00:05Z"), "20261122-100005");
    }

    #[test]
    fn sparkline_spans_the_scale_and_marks_gaps() {
        assert_eq!(
            sparkline(&[Some(0.0), Some(50.0), None, Some(100.0)]),
            "▁▅·█"
        );
    }
}
