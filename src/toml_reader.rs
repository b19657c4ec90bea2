//! Reads a TOML document by hand from its spanned tree instead of through serde,
//! so that one pass reports *every* unknown key, wrong type and missing field with
//! its position, rather than stopping at the first as `deny_unknown_fields` does.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Problems, Source, did_you_mean};

/// A value read from the file together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Located<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Located { value, span }
    }
}

/// A table of the document and a human name for it (`[scale]`, `[[items]] #3`).
pub struct Table<'a, 'i> {
    pub entries: &'a DeTable<'i>,
    pub span: Range<usize>,
    pub name: String,
}

/// Walks a parsed document, collecting problems instead of stopping at the first.
pub struct Reader<'s> {
    pub source: &'s Source,
    pub problems: Problems,
}

/// Parses a document, reporting every syntax error the parser can recover from.
pub fn parse(source: &Source) -> Result<Spanned<DeTable<'_>>, Problems> {
    let (document, errors) = DeTable::parse_recoverable(&source.text);
    if errors.is_empty() {
        return Ok(document);
    }
    let mut problems = Problems::default();
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let message = error.message().trim().to_string();
        problems.push(source.problem(
            span,
            format!("invalid TOML: {message}"),
            "fix the TOML syntax here (strings need quotes, tables need [brackets])",
        ));
    }
    Err(problems)
}

/// The TOML type name a user would recognise.
pub fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) if integer_value(value).is_none() => "an integer too large to store",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(f) if !f.as_str().parse::<f64>().is_ok_and(f64::is_finite) => {
            "an infinite or NaN value"
        }
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The value of a TOML integer, if it fits an `i64`.
pub fn integer_value(value: &DeValue<'_>) -> Option<i64> {
    let integer = value.as_integer()?;
    i64::from_str_radix(integer.as_str(), integer.radix()).ok()
}

/// The value of a TOML integer or float as `f64` (NaN and infinities excluded).
pub fn number_value(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(_) => integer_value(value).map(|i| i as f64),
        DeValue::Float(f) => f.as_str().parse::<f64>().ok().filter(|x| x.is_finite()),
        _ => None,
    }
}

impl<'s> Reader<'s> {
    pub fn new(source: &'s Source) -> Self {
        Reader {
            source,
            problems: Problems::default(),
        }
    }

    pub fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let problem = self.source.problem(span, message, help);
        self.problems.push(problem);
    }

    /// The root table of the document.
    pub fn root<'a, 'i>(&self, document: &'a Spanned<DeTable<'i>>) -> Table<'a, 'i> {
        Table {
            entries: document.get_ref(),
            span: 0..0,
            name: "the top level".to_string(),
        }
    }

    /// Reports keys that are not in `allowed`, suggesting the closest allowed one.
    pub fn check_keys(&mut self, table: &Table<'_, '_>, allowed: &[&str]) {
        for (key, _) in table.entries.iter() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let help = match did_you_mean(name, allowed.iter().copied()) {
                Some(close) => format!(
                    "did you mean `{close}`? Allowed here: {}",
                    allowed.join(", ")
                ),
                None => format!("remove it; allowed here: {}", allowed.join(", ")),
            };
            self.error(
                key.span(),
                format!("unknown key `{name}` in {}", table.name),
                help,
            );
        }
    }

    fn lookup<'a, 'i>(&self, table: &Table<'a, 'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        table
            .entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    fn missing(&mut self, table: &Table<'_, '_>, key: &str, what: &str) {
        self.error(
            table.span.clone(),
            format!("missing `{key}` in {}", table.name),
            format!("add `{key} = ` followed by {what}"),
        );
    }

    fn wrong_type(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        what: &str,
    ) {
        self.error(
            value.span(),
            format!(
                "`{key}` in {} must be {what}, not {}",
                table.name,
                type_name(value.get_ref())
            ),
            format!("write `{key}` as {what}"),
        );
    }

    /// Reads a value with `convert`, reporting a missing required key or a wrong type.
    fn read<T>(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
        what: &str,
        convert: impl FnOnce(&DeValue<'_>) -> Option<T>,
    ) -> Option<Located<T>> {
        let Some(value) = self.lookup(table, key) else {
            if required {
                self.missing(table, key, what);
            }
            return None;
        };
        match convert(value.get_ref()) {
            Some(converted) => Some(Located::new(converted, value.span())),
            None => {
                self.wrong_type(table, key, value, what);
                None
            }
        }
    }

    pub fn string(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<Located<String>> {
        self.read(table, key, required, "a \"quoted string\"", |v| {
            v.as_str().map(str::to_string)
        })
    }

    pub fn integer(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<Located<i64>> {
        self.read(table, key, required, "a whole number", integer_value)
    }

    pub fn number(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<Located<f64>> {
        self.read(table, key, required, "a number", number_value)
    }

    pub fn boolean(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<Located<bool>> {
        self.read(table, key, required, "true or false", |v| v.as_bool())
    }

    /// A date-time or a string holding one, kept as written.
    pub fn datetime(&mut self, table: &Table<'_, '_>, key: &str) -> Option<Located<String>> {
        self.read(
            table,
            key,
            false,
            "a date-time such as 2026-11-22T10:00:00Z",
            |v| match v {
                DeValue::Datetime(d) => Some(d.to_string()),
                DeValue::String(s) => Some(s.to_string()),
                _ => None,
            },
        )
    }

    /// An array of strings; each element is checked and located on its own.
    pub fn string_list(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<Located<Vec<Located<String>>>> {
        let value = self.lookup(table, key);
        let Some(value) = value else {
            if required {
                self.missing(table, key, "a list of \"strings\" in [brackets]");
            }
            return None;
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(table, key, value, "a list of \"strings\" in [brackets]");
            return None;
        };
        let mut list = Vec::new();
        for element in array.iter() {
            match element.get_ref().as_str() {
                Some(s) => list.push(Located::new(s.to_string(), element.span())),
                None => self.error(
                    element.span(),
                    format!(
                        "`{key}` in {} must hold only strings, not {}",
                        table.name,
                        type_name(element.get_ref())
                    ),
                    "put the value in \"quotes\"",
                ),
            }
        }
        Some(Located::new(list, value.span()))
    }

    /// A sub-table (`[scale]` or an inline `{ ... }`).
    pub fn table<'a, 'i>(
        &mut self,
        parent: &Table<'a, 'i>,
        key: &str,
        required: bool,
        name: &str,
    ) -> Option<Table<'a, 'i>> {
        let value = self.lookup(parent, key);
        let Some(value) = value else {
            if required {
                self.error(
                    parent.span.clone(),
                    format!("missing {name}"),
                    format!("add a {name} table"),
                );
            }
            return None;
        };
        match value.get_ref().as_table() {
            Some(entries) => Some(Table {
                entries,
                span: value.span(),
                name: name.to_string(),
            }),
            None => {
                self.wrong_type(parent, key, value, "a table");
                None
            }
        }
    }

    /// The entries of an array of tables (`[[items]]`), each named `[[items]] #n`.
    pub fn tables<'a, 'i>(&mut self, parent: &Table<'a, 'i>, key: &str) -> Vec<Table<'a, 'i>> {
        let Some(value) = self.lookup(parent, key) else {
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(
                parent,
                key,
                value,
                &format!("an array of tables written [[{key}]]"),
            );
            return Vec::new();
        };
        let mut tables = Vec::new();
        for (index, element) in array.iter().enumerate() {
            match element.get_ref().as_table() {
                Some(entries) => tables.push(Table {
                    entries,
                    span: element.span(),
                    name: format!("[[{key}]] #{}", index + 1),
                }),
                None => self.error(
                    element.span(),
                    format!(
                        "each entry of `{key}` must be a table, not {}",
                        type_name(element.get_ref())
                    ),
                    format!("write each entry as a [[{key}]] section"),
                ),
            }
        }
        tables
    }

    /// Every key of a table with its value, for maps such as `[answers]`.
    pub fn entries<'a, 'i>(
        &self,
        table: &Table<'a, 'i>,
    ) -> Vec<(Located<String>, &'a Spanned<DeValue<'i>>)> {
        table
            .entries
            .iter()
            .map(|(k, v)| (Located::new(k.get_ref().to_string(), k.span()), v))
            .collect()
    }
}
