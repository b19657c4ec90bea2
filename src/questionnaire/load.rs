//! Reading a questionnaire file into located raw values: every unknown key, wrong
//! type and missing field is collected. `validate` then checks the meaning.

use crate::diagnostic::{Problems, Source};
use crate::toml_reader::{self, Located, Reader, Table};

use super::Questionnaire;

type Text = Option<Located<String>>;
type TextList = Option<Located<Vec<Located<String>>>>;

pub(super) struct RawQuestionnaire {
    pub format: Option<Located<i64>>,
    pub meta: Option<RawMeta>,
    pub meta_span: std::ops::Range<usize>,
    pub scale: Option<RawScale>,
    pub dimensions: Vec<RawDimension>,
    pub bands: Vec<RawBand>,
    pub items: Vec<RawItem>,
    pub profiles: Vec<RawProfile>,
    pub practices: Vec<RawPractice>,
    pub pair_practices: Vec<RawPairPractice>,
    pub conversation: Vec<RawConversation>,
}

pub(super) struct RawMeta {
    pub id: Text,
    pub title: Text,
    pub version: Text,
    pub description: Text,
    pub instructions: Text,
    pub language: Text,
    pub minutes: Option<Located<i64>>,
    pub shuffle: Option<Located<bool>>,
}

pub(super) struct RawScale {
    pub span: std::ops::Range<usize>,
    pub min: Option<Located<i64>>,
    pub max: Option<Located<i64>>,
    pub labels: TextList,
}

pub(super) struct RawDimension {
    pub span: std::ops::Range<usize>,
    pub id: Text,
    pub name: Text,
    pub summary: Text,
    pub description: Text,
    pub min_answered: Option<Located<f64>>,
    pub norms: Option<RawNorms>,
}

pub(super) struct RawNorms {
    pub mean: Option<Located<f64>>,
    pub sd: Option<Located<f64>>,
    pub n: Option<Located<i64>>,
    pub source: Text,
}

pub(super) struct RawBand {
    pub id: Text,
    pub label: Text,
    pub below: Option<Located<f64>>,
}

pub(super) struct RawItem {
    pub id: Text,
    pub dimension: Text,
    pub text: Text,
    pub reverse: Option<Located<bool>>,
}

pub(super) struct RawProfile {
    pub id: Text,
    pub name: Text,
    pub description: Text,
    pub when: Vec<(Located<String>, TextList)>,
}

pub(super) struct RawPractice {
    pub id: Text,
    pub targets: TextList,
    pub when: TextList,
    pub title: Text,
    pub text: Text,
}

pub(super) struct RawPairPractice {
    pub id: Text,
    pub pair: TextList,
    pub title: Text,
    pub text: Text,
}

pub(super) struct RawConversation {
    pub id: Text,
    pub targets: TextList,
    pub text: Text,
}

/// Loads and validates a questionnaire, returning every problem found.
pub fn load(source: &Source) -> Result<Questionnaire, Problems> {
    let document = toml_reader::parse(source)?;
    let mut reader = Reader::new(source);
    let root = reader.root(&document);
    let raw = read(&mut reader, &root);
    let questionnaire = super::validate::validate(&mut reader, raw);
    if reader.problems.is_empty() {
        questionnaire.ok_or_else(|| reader.problems.sorted())
    } else {
        Err(reader.problems.sorted())
    }
}

const TOP: &[&str] = &[
    "format",
    "questionnaire",
    "scale",
    "dimensions",
    "bands",
    "items",
    "profiles",
    "practices",
    "pair_practices",
    "conversation",
];

fn read(r: &mut Reader<'_>, root: &Table<'_, '_>) -> RawQuestionnaire {
    r.check_keys(root, TOP);
    let format = r.integer(root, "format", true);
    let meta_table = r.table(root, "questionnaire", true, "[questionnaire]");
    let meta_span = meta_table.as_ref().map_or(0..0, |t| t.span.clone());
    let meta = meta_table.map(|t| {
        r.check_keys(
            &t,
            &[
                "id",
                "title",
                "version",
                "description",
                "instructions",
                "language",
                "minutes",
                "shuffle",
            ],
        );
        RawMeta {
            id: r.string(&t, "id", true),
            title: r.string(&t, "title", true),
            version: r.string(&t, "version", true),
            description: r.string(&t, "description", false),
            instructions: r.string(&t, "instructions", false),
            language: r.string(&t, "language", false),
            minutes: r.integer(&t, "minutes", false),
            shuffle: r.boolean(&t, "shuffle", false),
        }
    });
    let scale = r.table(root, "scale", true, "[scale]").map(|t| {
        r.check_keys(&t, &["min", "max", "labels"]);
        RawScale {
            span: t.span.clone(),
            min: r.integer(&t, "min", true),
            max: r.integer(&t, "max", true),
            labels: r.string_list(&t, "labels", true),
        }
    });
    let dimensions = r
        .tables(root, "dimensions")
        .into_iter()
        .map(|t| {
            r.check_keys(
                &t,
                &[
                    "id",
                    "name",
                    "summary",
                    "description",
                    "min_answered",
                    "norms",
                ],
            );
            let norms = r
                .table(&t, "norms", false, &format!("`norms` of {}", t.name))
                .map(|n| {
                    r.check_keys(&n, &["mean", "sd", "n", "source"]);
                    RawNorms {
                        mean: r.number(&n, "mean", true),
                        sd: r.number(&n, "sd", true),
                        n: r.integer(&n, "n", false),
                        source: r.string(&n, "source", false),
                    }
                });
            RawDimension {
                span: t.span.clone(),
                id: r.string(&t, "id", true),
                name: r.string(&t, "name", true),
                summary: r.string(&t, "summary", false),
                description: r.string(&t, "description", false),
                min_answered: r.number(&t, "min_answered", false),
                norms,
            }
        })
        .collect();
    let bands = r
        .tables(root, "bands")
        .into_iter()
        .map(|t| {
            r.check_keys(&t, &["id", "label", "below"]);
            RawBand {
                id: r.string(&t, "id", true),
                label: r.string(&t, "label", false),
                below: r.number(&t, "below", false),
            }
        })
        .collect();
    let items = r
        .tables(root, "items")
        .into_iter()
        .map(|t| {
            r.check_keys(&t, &["id", "dimension", "text", "reverse"]);
            RawItem {
                id: r.string(&t, "id", true),
                dimension: r.string(&t, "dimension", true),
                text: r.string(&t, "text", true),
                reverse: r.boolean(&t, "reverse", false),
            }
        })
        .collect();
    let profiles = r
        .tables(root, "profiles")
        .into_iter()
        .map(|t| {
            r.check_keys(&t, &["id", "name", "when", "description"]);
            let when = match r.table(&t, "when", true, &format!("`when` of {}", t.name)) {
                Some(w) => r
                    .entries(&w)
                    .into_iter()
                    .map(|(key, _)| {
                        let list = r.string_list(&w, &key.value, true);
                        (key, list)
                    })
                    .collect(),
                None => Vec::new(),
            };
            RawProfile {
                id: r.string(&t, "id", true),
                name: r.string(&t, "name", true),
                description: r.string(&t, "description", false),
                when,
            }
        })
        .collect();
    let practices = r
        .tables(root, "practices")
        .into_iter()
        .map(|t| {
            r.check_keys(&t, &["id", "for", "when", "title", "text"]);
            RawPractice {
                id: r.string(&t, "id", true),
                targets: r.string_list(&t, "for", true),
                when: r.string_list(&t, "when", false),
                title: r.string(&t, "title", true),
                text: r.string(&t, "text", true),
            }
        })
        .collect();
    let pair_practices = r
        .tables(root, "pair_practices")
        .into_iter()
        .map(|t| {
            r.check_keys(&t, &["id", "pair", "title", "text"]);
            RawPairPractice {
                id: r.string(&t, "id", true),
                pair: r.string_list(&t, "pair", true),
                title: r.string(&t, "title", true),
                text: r.string(&t, "text", true),
            }
        })
        .collect();
    let conversation = r
        .tables(root, "conversation")
        .into_iter()
        .map(|t| {
            r.check_keys(&t, &["id", "for", "text"]);
            RawConversation {
                id: r.string(&t, "id", true),
                targets: r.string_list(&t, "for", true),
                text: r.string(&t, "text", true),
            }
        })
        .collect();
    RawQuestionnaire {
        format,
        meta,
        meta_span,
        scale,
        dimensions,
        bands,
        items,
        profiles,
        practices,
        pair_practices,
        conversation,
    }
}
