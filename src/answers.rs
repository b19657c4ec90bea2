//! Answers files (TOML): reading them with located errors, checking them against
//! a questionnaire, and writing them back (for `template` and the quiz's saves).
//! An answer is never silently dropped: unknown ids, values off the scale and
//! values that are not whole numbers are all errors.

use std::fmt::Write as _;

use toml::de::DeValue;

use crate::diagnostic::{Problems, Source, did_you_mean};
use crate::questionnaire::{FORMAT, Questionnaire};
use crate::toml_reader::{self, Located, Reader, integer_value, type_name};

/// An answers file as written, before it is checked against its questionnaire.
#[derive(Debug, Clone, Default)]
pub struct AnswersFile {
    pub questionnaire: Option<Located<String>>,
    pub version: Option<Located<String>>,
    pub respondent: Option<String>,
    pub taken: Option<String>,
    pub complete: bool,
    /// The shuffle seed of a quiz, so a resumed quiz keeps its order.
    pub seed: Option<u64>,
    /// Items the person chose not to answer (stored as missing, never as 0).
    pub skipped: Vec<Located<String>>,
    /// Item id and value, in file order.
    pub answers: Vec<(Located<String>, Located<i64>)>,
}

/// One person's answers as values on the scale, indexed like the questionnaire's items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Responses {
    pub respondent: Option<String>,
    pub values: Vec<Option<i64>>,
}

impl Responses {
    pub fn empty(questionnaire: &Questionnaire) -> Self {
        Responses {
            respondent: None,
            values: vec![None; questionnaire.items.len()],
        }
    }
}

const KEYS: &[&str] = &[
    "format",
    "questionnaire",
    "version",
    "respondent",
    "taken",
    "complete",
    "seed",
    "skipped",
    "answers",
];

/// Reads an answers file, reporting every problem in it at once.
pub fn read(source: &Source) -> Result<AnswersFile, Problems> {
    let document =
        toml_reader::parse(source).map_err(|problems| explain_empty_answers(source, problems))?;
    let mut r = Reader::new(source);
    let root = r.root(&document);
    r.check_keys(&root, KEYS);
    if let Some(format) = r.integer(&root, "format", false)
        && format.value != FORMAT
    {
        r.error(
            format.span,
            format!("unsupported answers format {}", format.value),
            format!("this version of attune reads `format = {FORMAT}`"),
        );
    }
    let mut file = AnswersFile {
        questionnaire: r.string(&root, "questionnaire", false),
        version: r.string(&root, "version", false),
        respondent: r.string(&root, "respondent", false).map(|l| l.value),
        taken: r.datetime(&root, "taken").map(|l| l.value),
        complete: r.boolean(&root, "complete", false).is_none_or(|c| c.value),
        seed: None,
        skipped: r
            .string_list(&root, "skipped", false)
            .map(|l| l.value)
            .unwrap_or_default(),
        answers: Vec::new(),
    };
    if let Some(seed) = r.integer(&root, "seed", false) {
        match u64::try_from(seed.value) {
            Ok(value) => file.seed = Some(value),
            Err(_) => r.error(
                seed.span,
                "`seed` must not be negative",
                "use the seed attune wrote, or remove it",
            ),
        }
    }
    if let Some(table) = r.table(&root, "answers", false, "[answers]") {
        for (id, value) in r.entries(&table) {
            match whole_number(value.get_ref()) {
                Some(number) => file.answers.push((id, Located::new(number, value.span()))),
                None => {
                    let what = describe(value.get_ref());
                    r.error(
                        value.span(),
                        format!("the answer to `{}` must be a whole number, not {what}", id.value),
                        "write a whole number from the scale without quotes, or delete the line to leave the item unanswered",
                    );
                }
            }
        }
    }
    if r.problems.is_empty() {
        Ok(file)
    } else {
        Err(r.problems.sorted())
    }
}

/// A whole number, accepting `4.0` but not `4.5` or `"4"`.
fn whole_number(value: &DeValue<'_>) -> Option<i64> {
    match value {
        DeValue::Integer(_) => integer_value(value),
        DeValue::Float(f) => {
            let x: f64 = f.as_str().parse().ok()?;
            (x.fract() == 0.0 && x.abs() < 1e15).then_some(x as i64)
        }
        _ => None,
    }
}

fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::String(s) => format!("the string \"{s}\""),
        other => type_name(other).to_string(),
    }
}

/// A template line left as `item =` is a syntax error; say plainly what to do.
fn explain_empty_answers(source: &Source, problems: Problems) -> Problems {
    Problems(
        problems
            .0
            .into_iter()
            .map(|mut problem| {
                if let Some(location) = &problem.location {
                    let line = location.line_text.split('#').next().unwrap_or("").trim();
                    if let Some(key) = line.strip_suffix('=').map(str::trim)
                        && !key.is_empty()
                    {
                        problem.message = format!("no answer given for `{key}`");
                        problem.help = format!("write a number after `=` (e.g. `{key} = 4`), or delete the line to leave it unanswered");
                    }
                }
                let _ = source;
                problem
            })
            .collect(),
    )
}

/// Checks an answers file against its questionnaire and returns the values.
pub fn responses(
    source: &Source,
    file: &AnswersFile,
    questionnaire: &Questionnaire,
) -> Result<Responses, Problems> {
    let mut problems = Problems::default();
    let scale = &questionnaire.scale;
    let mut responses = Responses::empty(questionnaire);
    responses.respondent = file.respondent.clone();
    let ids = || questionnaire.items.iter().map(|i| i.id.as_str());
    // `attune template ID` only works for a built-in; a file lists its own items.
    let listing = if crate::catalog::BUILT_INS
        .iter()
        .any(|(id, _)| *id == questionnaire.id)
    {
        format!("`attune template {}` lists every item id", questionnaire.id)
    } else {
        let named = file.questionnaire.as_ref();
        format!(
            "the [[items]] of `{}` list every item id",
            named.map_or(questionnaire.id.as_str(), |q| q.value.as_str())
        )
    };
    let unknown = |id: &Located<String>| {
        let help = match did_you_mean(&id.value, ids()) {
            Some(close) => format!("did you mean `{close}`? ({listing})"),
            None => format!("remove it, or check the questionnaire: {listing}"),
        };
        source.problem(
            id.span.clone(),
            format!("`{}` is not an item of {}", id.value, questionnaire.id),
            help,
        )
    };
    for (id, value) in &file.answers {
        let Some(index) = questionnaire.item_index(&id.value) else {
            problems.push(unknown(id));
            continue;
        };
        if !scale.contains(value.value) {
            problems.push(source.problem(
                value.span.clone(),
                format!(
                    "the answer to `{}` is {}, outside the scale {} to {}",
                    id.value, value.value, scale.min, scale.max
                ),
                format!(
                    "write a whole number from {} ({}) to {} ({})",
                    scale.min,
                    scale.labels[0],
                    scale.max,
                    scale.labels[scale.labels.len() - 1]
                ),
            ));
            continue;
        }
        responses.values[index] = Some(value.value);
    }
    for id in &file.skipped {
        if questionnaire.item_index(&id.value).is_none() {
            problems.push(unknown(id));
        }
    }
    if problems.is_empty() {
        Ok(responses)
    } else {
        Err(problems.sorted())
    }
}

/// Whether an answers file was written for a different version of its questionnaire.
pub fn version_warning(file: &AnswersFile, questionnaire: &Questionnaire) -> Option<String> {
    let version = file.version.as_ref()?;
    (version.value != questionnaire.version).then(|| {
        format!(
            "the answers were given to version {} of {}, and this is version {}; items may have changed",
            version.value, questionnaire.id, questionnaire.version
        )
    })
}

/// What to write at the top of an answers file.
pub struct Header<'a> {
    pub questionnaire: &'a str,
    pub respondent: Option<&'a str>,
    pub taken: Option<&'a str>,
    pub complete: bool,
    pub seed: Option<u64>,
    /// Leave unanswered items as `id = ` for a person to fill in (a template),
    /// rather than commented out (a partly finished quiz).
    pub fill_in: bool,
}

/// Renders an answers file. Every item appears in `order`, with its text as a
/// comment; items without an answer are left as comments to fill in.
pub fn render(
    questionnaire: &Questionnaire,
    header: &Header<'_>,
    responses: &Responses,
    skipped: &[String],
    order: &[usize],
) -> String {
    let mut out = String::new();
    let scale = &questionnaire.scale;
    let _ = writeln!(
        out,
        "# Answers to \"{}\" ({} {}).",
        questionnaire.title, questionnaire.id, questionnaire.version
    );
    let _ = writeln!(out, "# Score with: attune score THIS-FILE");
    let _ = writeln!(out, "format = {FORMAT}");
    let _ = writeln!(out, "questionnaire = {}", quote(header.questionnaire));
    let _ = writeln!(out, "version = {}", quote(&questionnaire.version));
    if let Some(respondent) = header.respondent {
        let _ = writeln!(out, "respondent = {}", quote(respondent));
    }
    if let Some(taken) = header.taken {
        let _ = writeln!(out, "taken = {taken}");
    }
    let _ = writeln!(out, "complete = {}", header.complete);
    if let Some(seed) = header.seed {
        let _ = writeln!(out, "seed = {seed}");
    }
    if !skipped.is_empty() {
        let list: Vec<String> = skipped.iter().map(|s| quote(s)).collect();
        let _ = writeln!(out, "skipped = [{}]", list.join(", "));
    }
    let _ = writeln!(out, "\n[answers]");
    let _ = writeln!(out, "# Scale:");
    for (offset, label) in scale.labels.iter().enumerate() {
        let _ = writeln!(out, "#   {} = {label}", scale.min + offset as i64);
    }
    if header.fill_in {
        let _ = writeln!(
            out,
            "# Write a number after each `=`; delete a line to leave that item unanswered."
        );
    }
    for &index in order {
        let item = &questionnaire.items[index];
        let _ = writeln!(out, "\n# {}", item.text);
        match responses.values[index] {
            Some(value) => {
                let _ = writeln!(out, "{} = {value}", item.id);
            }
            None if header.fill_in => {
                let _ = writeln!(out, "{} = ", item.id);
            }
            None => {
                let _ = writeln!(out, "# {} = ", item.id);
            }
        }
    }
    out
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}
