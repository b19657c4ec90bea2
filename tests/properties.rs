//! No input makes attune panic: arbitrary text and mutated built-in
//! questionnaires go through the loader, arbitrary and mutated answers through
//! reading, checking and scoring, and arbitrary bytes through the CSV reader.
//! Every outcome must be a value or a list of problems, and every problem must
//! render.

use attune::answers::{self, Responses};
use attune::catalog::BUILT_INS;
use attune::diagnostic::Source;
use attune::questionnaire::{self, Questionnaire};
use attune::responses_csv::CsvResponses;
use attune::scoring;
use proptest::prelude::*;

/// 256 cases keep the suite fast; set PROPTEST_CASES to search longer.
fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            256
        },
        failure_persistence: None,
        ..default
    }
}

/// One edit to a text: lines deleted, duplicated or replaced, or bytes changed.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    ReplaceLine(usize, String),
    SwapLines(usize, usize),
    ReplaceChar(usize, char),
    InsertText(usize, String),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Fragments that are likely to reach deep validation rather than fail parsing.
    let fragment = prop_oneof![
        any::<String>(),
        Just("min = 9".to_string()),
        Just("max = -3".to_string()),
        Just("below = 1e308".to_string()),
        Just("below = nan".to_string()),
        Just("below = -inf".to_string()),
        Just("labels = []".to_string()),
        Just("min_answered = 0.0".to_string()),
        Just("norms = { mean = 1.0, sd = 0.0 }".to_string()),
        Just("reverse = \"yes\"".to_string()),
        Just("[[items]]".to_string()),
        Just("[[bands]]".to_string()),
        Just("[[dimensions]]".to_string()),
        Just("[[profiles]]".to_string()),
        Just("when = { nope = [\"high\"] }".to_string()),
        Just("for = [\"*\", \"nope\"]".to_string()),
        Just("id = \"\"".to_string()),
        Just("id = \"é\"".to_string()),
        Just("minutes = 99999999999".to_string()),
        Just("max = 9223372036854775807".to_string()),
        Just("min = -9223372036854775808".to_string()),
        Just("x = 1".to_string()),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), fragment.clone()).prop_map(|(i, s)| Mutation::ReplaceLine(i, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mutation::ReplaceChar(i, c)),
        (any::<usize>(), fragment).prop_map(|(i, s)| Mutation::InsertText(i, s)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for m in mutations {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let n = lines.len();
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(i % n);
            }
            Mutation::DuplicateLine(i) => {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
            Mutation::ReplaceLine(i, s) => lines[i % n] = s.clone(),
            Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
            Mutation::ReplaceChar(i, c) => {
                let line = &mut lines[i % n];
                let chars: Vec<char> = line.chars().collect();
                if !chars.is_empty() {
                    let at = i % chars.len();
                    *line = chars[..at]
                        .iter()
                        .chain(std::iter::once(c))
                        .chain(&chars[at + 1..])
                        .collect();
                }
            }
            Mutation::InsertText(i, s) => {
                let line = &mut lines[i % n];
                let at = (0..=line.len())
                    .filter(|&b| line.is_char_boundary(b))
                    .nth(i % (line.chars().count() + 1))
                    .unwrap_or(0);
                line.insert_str(at, s);
            }
            Mutation::Truncate(i) => lines.truncate(i % n + 1),
        }
    }
    lines.join("\n")
}

/// Loads and, when it loads, scores a few patterns of answers, so a mutated
/// questionnaire that still validates is exercised by scoring too.
fn load_and_score(text: &str) {
    let source = Source::new("mutated.toml", text);
    match questionnaire::load(&source) {
        Ok(q) => {
            let _ = q.to_owned();
            for pattern in 0..3i64 {
                let values = (0..q.items.len())
                    .map(|i| match pattern {
                        0 => None,
                        1 => Some(q.scale.min),
                        _ => (i % 3 != 0).then_some(q.scale.max),
                    })
                    .collect();
                let report = scoring::score(
                    &q,
                    &Responses {
                        respondent: None,
                        values,
                    },
                );
                let _ = serde_json::to_string(&attune::report::json_report(&report));
                for format in [
                    attune::report::Format::Text,
                    attune::report::Format::Markdown,
                    attune::report::Format::Csv,
                ] {
                    let mut out = Vec::new();
                    let mut writer = attune::report::writer(format, false, false);
                    writer.write(&mut out, &report).unwrap();
                }
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "an error with no problem in it");
            let _ = problems.to_string();
        }
    }
}

fn built_in_text() -> impl Strategy<Value = &'static str> {
    prop::sample::select(BUILT_INS.iter().map(|(_, text)| *text).collect::<Vec<_>>())
}

fn quick_check() -> Questionnaire {
    attune::catalog::resolve("quick-check", None).unwrap()
}

/// Reads answers text and, if it reads, checks and scores it.
fn read_and_score(q: &Questionnaire, text: &str) {
    let source = Source::new("answers.toml", text);
    match answers::read(&source) {
        Ok(file) => {
            let _ = answers::version_warning(&file, q);
            match answers::responses(&source, &file, q) {
                Ok(responses) => {
                    let report = scoring::score(q, &responses);
                    for s in &report.dimensions {
                        if let Some(mean) = s.mean {
                            assert!(mean >= q.scale.min as f64 && mean <= q.scale.max as f64);
                        }
                    }
                }
                Err(problems) => {
                    let _ = problems.to_string();
                }
            }
        }
        Err(problems) => {
            let _ = problems.to_string();
        }
    }
}

const ANSWERS: &str = "format = 1\nquestionnaire = \"quick-check\"\nversion = \"1.0.0\"\n\
respondent = \"r\"\ntaken = 2026-11-22T10:00:00Z\ncomplete = false\nseed = 7\n\
skipped = [\"avo-4\"]\n\n[answers]\nsec-1 = 4\nanx-1 = 2\navo-1 = 3\nsec-2 = 5\n\
anx-2 = 1\navo-2 = 2\nsec-3 = 2\nanx-3 = 4\navo-3 = 4\nsec-4 = 5\nanx-4 = 1\n";

fn answers_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z]{3}-[0-9] = -?[0-9]{1,20}(\\.[0-9]{0,3})?",
        Just("sec-1 = 1e400".to_string()),
        Just("sec-1 = nan".to_string()),
        Just("sec-1 = -9223372036854775808".to_string()),
        Just("sec-1 = 9223372036854775807".to_string()),
        Just("sec-1 = 4.0".to_string()),
        Just("sec-1 =".to_string()),
        Just("seed = -1".to_string()),
        Just("format = 2".to_string()),
        Just("answers = 3".to_string()),
        Just("[answers.sec-1]".to_string()),
        Just("skipped = [\"nope\", 3]".to_string()),
        Just("taken = \"yesterday\"".to_string()),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics_the_questionnaire_loader(text in any::<String>()) {
        load_and_score(&text);
    }

    #[test]
    fn mutated_built_ins_never_panic_the_loader(
        text in built_in_text(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        load_and_score(&apply(text, &mutations));
    }

    #[test]
    fn arbitrary_answers_text_never_panics(text in any::<String>()) {
        read_and_score(&quick_check(), &text);
    }

    #[test]
    fn mutated_answers_never_panic(
        mutations in prop::collection::vec(
            prop_oneof![
                mutation(),
                (any::<usize>(), answers_fragment()).prop_map(|(i, s)| Mutation::ReplaceLine(i, s)),
            ],
            1..6,
        ),
    ) {
        read_and_score(&quick_check(), &apply(ANSWERS, &mutations));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_csv_reader(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..400),
            // A valid header followed by arbitrary rows reaches the cell checks.
            prop::collection::vec(any::<u8>(), 0..300).prop_map(|tail| {
                let mut b = b"respondent,sec-1,anx-1,avo-1,sec-2\n".to_vec();
                b.extend(tail);
                b
            }),
            "[ -~\n,]{0,200}".prop_map(|s| format!("sec-1,anx-1,avo-4\n{s}").into_bytes()),
        ],
        ignore in prop::collection::vec("[a-z-]{0,6}", 0..2),
    ) {
        let q = quick_check();
        match CsvResponses::new(&q, "table.csv", bytes.as_slice(), &ignore) {
            Ok(mut rows) => {
                let mut responses = Responses::empty(&q);
                let mut seen = 0;
                while let Some(row) = rows.next_into(&mut responses) {
                    match row {
                        Ok(()) => {
                            let _ = scoring::score(&q, &responses);
                        }
                        Err(problem) => {
                            let _ = problem.to_string();
                            break;
                        }
                    }
                    seen += 1;
                    prop_assert!(seen <= bytes.len() + 1, "more rows than bytes");
                }
            }
            Err(problem) => {
                let _ = problem.to_string();
            }
        }
    }
}
