//! The quiz as a state machine: intro, one item at a time (answer, skip, go
//! back), a review with the choice to revisit any item, and the finish. It talks
//! to the person only through `Prompter`, and saves through `Session` after
//! every answer, so a test can drive it with a script and read the file.

use std::io;

use crate::error::{Error, Result};
use crate::report::REFLECTION_NOTE;

use super::prompter::{Choice, Prompter, Screen};
use super::session::{Answer, Session};

/// How a quiz ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The person asked for their results; the file is saved with `complete = true`.
    Finished,
    /// The person pressed Ctrl-C; the file holds every answer so far.
    Interrupted,
}

/// The visible choice that goes back to the previous item.
pub const BACK: &str = "← Back";
/// The choice that leaves an item unanswered (stored in `skipped`, never as a value).
pub const SKIP: &str = "Prefer not to answer";
pub const SEE_RESULTS: &str = "See my results";
pub const REVISIT: &str = "Revisit a statement";
const BACK_TO_REVIEW: &str = "← Back to the review";
const BACK_TO_LIST: &str = "← Back to the list";
/// Item text in the revisit list is cut to keep each choice on one line.
const LIST_TEXT_CHARS: usize = 52;

enum Step {
    Intro,
    Item(usize),
    Review,
    Revisit,
}

/// What happened when an item was asked.
enum Asked {
    Answered,
    Back,
    Interrupted,
}

/// Runs the quiz from where the session stands (a new quiz, or a resumed one).
pub fn run(session: &mut Session<'_>, prompter: &mut dyn Prompter) -> Result<Outcome> {
    let count = session.len();
    let mut step = Step::Intro;
    loop {
        step = match step {
            Step::Intro => match select(
                prompter,
                &intro_text(session),
                "Ready?",
                &[begin_label(session)],
                0,
                &[],
            )? {
                Choice::Picked(_) => match session.first_open() {
                    Some(position) => Step::Item(position),
                    None => Step::Review,
                },
                Choice::Back => Step::Intro,
                Choice::Interrupted => return Ok(Outcome::Interrupted),
            },
            Step::Item(position) => {
                let back = (position > 0).then_some(BACK);
                match ask_item(session, prompter, position, back)? {
                    Asked::Answered if position + 1 < count => Step::Item(position + 1),
                    Asked::Answered => Step::Review,
                    Asked::Back => Step::Item(position.saturating_sub(1)),
                    Asked::Interrupted => return Ok(Outcome::Interrupted),
                }
            }
            Step::Review => {
                let items = [SEE_RESULTS.to_string(), REVISIT.to_string()];
                match select(
                    prompter,
                    &review_text(session),
                    "What next?",
                    &items,
                    0,
                    &[],
                )? {
                    Choice::Picked(0) => {
                        session.finish()?;
                        return Ok(Outcome::Finished);
                    }
                    Choice::Picked(_) => Step::Revisit,
                    Choice::Back if count > 0 => Step::Item(count - 1),
                    Choice::Back => Step::Review,
                    Choice::Interrupted => return Ok(Outcome::Interrupted),
                }
            }
            Step::Revisit => {
                let mut items: Vec<String> = (0..count).map(|p| list_line(session, p)).collect();
                items.push(BACK_TO_REVIEW.to_string());
                let text = "Pick a statement to answer again.";
                match select(prompter, text, "Revisit", &items, 0, &[])? {
                    Choice::Picked(position) if position < count => {
                        match ask_item(session, prompter, position, Some(BACK_TO_LIST))? {
                            Asked::Answered => Step::Review,
                            Asked::Back => Step::Revisit,
                            Asked::Interrupted => return Ok(Outcome::Interrupted),
                        }
                    }
                    Choice::Picked(_) | Choice::Back => Step::Review,
                    Choice::Interrupted => return Ok(Outcome::Interrupted),
                }
            }
        };
    }
}

fn select(
    prompter: &mut dyn Prompter,
    text: &str,
    prompt: &str,
    items: &[String],
    default: usize,
    shortcuts: &[(char, usize)],
) -> Result<Choice> {
    let screen = Screen {
        text,
        prompt,
        items,
        default,
        shortcuts,
    };
    prompter.select(&screen).map_err(terminal_error)
}

fn terminal_error(e: io::Error) -> Error {
    Error::io("<terminal>", e)
}

/// Asks the item at `position`; `back` is the label of a visible way back, if any.
/// An answer (or a skip) is saved before this returns.
fn ask_item(
    session: &mut Session<'_>,
    prompter: &mut dyn Prompter,
    position: usize,
    back: Option<&str>,
) -> Result<Asked> {
    let questionnaire = session.questionnaire();
    let scale = &questionnaire.scale;
    let item = &questionnaire.items[session.order()[position]];
    let count = session.len();
    let mut items: Vec<String> = scale
        .labels
        .iter()
        .enumerate()
        .map(|(offset, label)| format!("{}  {label}", scale.min + offset as i64))
        .collect();
    let skip_index = items.len();
    items.push(SKIP.to_string());
    if let Some(back) = back {
        items.push(back.to_string());
    }
    let default = match session.answer_at(position) {
        Some(Answer::Value(value)) => usize::try_from(value - scale.min).unwrap_or(0),
        Some(Answer::Skipped) => skip_index,
        None => 0,
    };
    let percent = ((position + 1) * 100 + count / 2) / count.max(1);
    let text = format!("[{}/{count}] {percent}%\n\n{}", position + 1, item.text);
    let shortcuts = number_keys(scale);
    match select(prompter, &text, "Your answer", &items, default, &shortcuts)? {
        Choice::Picked(index) if index < skip_index => {
            session.set_at(position, Answer::Value(scale.min + index as i64))?;
            Ok(Asked::Answered)
        }
        Choice::Picked(index) if index == skip_index => {
            session.set_at(position, Answer::Skipped)?;
            Ok(Asked::Answered)
        }
        Choice::Picked(_) | Choice::Back => Ok(Asked::Back),
        Choice::Interrupted => Ok(Asked::Interrupted),
    }
}

/// Number keys for the scale points, when every point is a single digit (a
/// 1-7 or 0-4 scale): pressing `5` answers 5 at once. A scale with a point
/// outside 0-9 gets none, rather than some points with keys and some without.
fn number_keys(scale: &crate::questionnaire::Scale) -> Vec<(char, usize)> {
    let keys: Vec<(char, usize)> = (scale.min..=scale.max)
        .enumerate()
        .filter_map(|(index, value)| {
            let digit = u32::try_from(value).ok()?;
            Some((char::from_digit(digit, 10)?, index))
        })
        .collect();
    if keys.len() == scale.labels.len() {
        keys
    } else {
        Vec::new()
    }
}

fn begin_label(session: &Session<'_>) -> String {
    let (answered, skipped, _) = session.counts();
    if answered + skipped == 0 {
        "Begin".to_string()
    } else {
        "Continue".to_string()
    }
}

/// The intro: what the questionnaire is, how long it takes, how to answer, that
/// it is a reflection aid, and the keys.
fn intro_text(session: &Session<'_>) -> String {
    let q = session.questionnaire();
    let mut text = format!("{}\n", q.title);
    if !q.description.is_empty() {
        text.push_str(&format!("\n{}\n", q.description));
    }
    text.push_str(&format!(
        "\n{} statements, about {} minutes.\n",
        session.len(),
        q.minutes
    ));
    if !q.instructions.is_empty() {
        text.push_str(&format!("\n{}\n", q.instructions));
    }
    text.push_str(&format!("\n{REFLECTION_NOTE}\n"));
    let numbers = if number_keys(&q.scale).is_empty() {
        ""
    } else {
        ", or press a number to answer at once"
    };
    text.push_str(&format!(
        "\nKeys: Up/Down (or k/j) to move, Enter to choose{numbers}. Esc or q goes back to \
         the previous statement. \"Prefer not to answer\" leaves a statement out. Ctrl-C stops; \
         every answer is saved as you go, and you can resume later."
    ));
    let (answered, skipped, _) = session.counts();
    if answered + skipped > 0 {
        let resume_at = session.first_open().map_or(session.len(), |p| p + 1);
        text.push_str(&format!(
            "\n\nWelcome back: {} of {} statements are done; you continue at statement {}.",
            answered + skipped,
            session.len(),
            resume_at.min(session.len())
        ));
    }
    text
}

fn review_text(session: &Session<'_>) -> String {
    let (answered, skipped, open) = session.counts();
    let mut text = format!(
        "Review\n\nYou answered {answered} of {} statements",
        session.len()
    );
    if skipped > 0 {
        text.push_str(&format!(" and chose not to answer {skipped}"));
    }
    text.push('.');
    if open > 0 {
        text.push_str(&format!(" {open} not answered yet."));
    }
    if skipped + open > 0 {
        text.push_str(
            " Statements left out count as missing, never as a score; a style needs enough \
             answers to be scored.",
        );
    }
    text.push_str("\n\nSee your results now, or revisit any statement first.");
    text
}

/// One line of the revisit list: position, id, the start of the text, the answer.
fn list_line(session: &Session<'_>, position: usize) -> String {
    let q = session.questionnaire();
    let item = &q.items[session.order()[position]];
    let mut text: String = item.text.chars().take(LIST_TEXT_CHARS).collect();
    if item.text.chars().count() > LIST_TEXT_CHARS {
        text.push_str("...");
    }
    let answer = match session.answer_at(position) {
        Some(Answer::Value(v)) => format!("{v} {}", q.scale.label(v).unwrap_or("")),
        Some(Answer::Skipped) => "skipped".to_string(),
        None => "not answered".to_string(),
    };
    format!("{:>2}. {}  {text}  [{answer}]", position + 1, item.id)
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::catalog;
    use crate::questionnaire::Questionnaire;

    /// What the scripted prompter saw at one prompt, with the answers file as it
    /// was on disk at that moment.
    #[derive(Debug)]
    struct Seen {
        text: String,
        items: Vec<String>,
        default: usize,
        file: String,
    }

    struct Scripted {
        script: VecDeque<Choice>,
        path: PathBuf,
        seen: Vec<Seen>,
    }

    impl Scripted {
        fn new(path: &Path, script: &[Choice]) -> Self {
            Scripted {
                script: script.iter().copied().collect(),
                path: path.to_path_buf(),
                seen: Vec::new(),
            }
        }
    }

    impl Prompter for Scripted {
        fn select(&mut self, screen: &Screen<'_>) -> io::Result<Choice> {
            self.seen.push(Seen {
                text: screen.text.to_string(),
                items: screen.items.to_vec(),
                default: screen.default,
                file: std::fs::read_to_string(&self.path).unwrap_or_default(),
            });
            Ok(self
                .script
                .pop_front()
                .expect("the flow asked more than the script answers"))
        }
    }

    use Choice::{Back, Interrupted, Picked};

    fn quick_check() -> Questionnaire {
        catalog::resolve("quick-check", None).unwrap()
    }

    fn start<'q>(q: &'q Questionnaire, dir: &Path) -> Session<'q> {
        let path = dir.join("answers.toml");
        Session::start(q, q.id.clone(), path, None, None)
    }

    /// The answer lines of a saved file, e.g. `["sec-1 = 4", "anx-1 = 2"]`.
    fn answer_lines(file: &str) -> Vec<&str> {
        let answers = file.split("[answers]").nth(1).unwrap_or("");
        answers
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains(" = "))
            .collect()
    }

    #[test]
    fn answering_every_item_saves_each_answer_and_finishes_complete() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let mut script = vec![Picked(0)];
        script.extend((0..12).map(|i| Picked(i % 5)));
        script.push(Picked(0)); // review: see my results
        let mut prompter = Scripted::new(session.path(), &script);
        assert_eq!(run(&mut session, &mut prompter).unwrap(), Outcome::Finished);

        // The third item's screen: two answers saved so far, not complete.
        let third = &prompter.seen[3];
        assert!(third.text.starts_with("[3/12] 25%"), "{}", third.text);
        assert_eq!(answer_lines(&third.file), ["sec-1 = 1", "anx-1 = 2"]);
        assert!(third.file.contains("complete = false"));
        assert_eq!(third.items[0], "1  Strongly disagree");
        assert_eq!(third.items[5], SKIP);
        assert_eq!(third.items[6], BACK);
        assert!(
            !prompter.seen[1].items.contains(&BACK.to_string()),
            "no way back from the first item"
        );

        let saved = std::fs::read_to_string(session.path()).unwrap();
        assert!(saved.contains("complete = true"));
        assert_eq!(answer_lines(&saved).len(), 12);
        assert!(answer_lines(&saved).contains(&"avo-4 = 2"));
        assert!(prompter.seen[13].text.contains("You answered 12 of 12"));
    }

    #[test]
    fn going_back_several_items_preselects_and_changes_earlier_answers() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let script = [
            Picked(0), // intro
            Picked(3), // sec-1 = 4
            Picked(1), // anx-1 = 2
            Picked(4), // avo-1 = 5
            Back,      // Esc on sec-2: back to avo-1
            Picked(6), // the visible "Back" choice on avo-1: back to anx-1
            Picked(0), // anx-1 = 1
            Picked(2), // avo-1 = 3
            Interrupted,
        ];
        let mut prompter = Scripted::new(session.path(), &script);
        assert_eq!(
            run(&mut session, &mut prompter).unwrap(),
            Outcome::Interrupted
        );
        assert!(prompter.seen[5].text.contains(&q.items[2].text));
        assert_eq!(
            prompter.seen[5].default, 4,
            "avo-1's earlier answer is preselected"
        );
        assert!(prompter.seen[6].text.starts_with("[2/12]"));
        assert_eq!(
            prompter.seen[6].default, 1,
            "anx-1's earlier answer is preselected"
        );
        assert_eq!(prompter.seen[7].default, 4);
        let saved = std::fs::read_to_string(session.path()).unwrap();
        assert_eq!(
            answer_lines(&saved),
            ["sec-1 = 4", "anx-1 = 1", "avo-1 = 3"]
        );
        assert!(saved.contains("complete = false"));
    }

    #[test]
    fn esc_on_the_first_item_stays_there() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let mut prompter = Scripted::new(session.path(), &[Picked(0), Back, Interrupted]);
        run(&mut session, &mut prompter).unwrap();
        assert!(prompter.seen[2].text.starts_with("[1/12]"));
    }

    #[test]
    fn prefer_not_to_answer_is_stored_as_skipped_never_as_a_value() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let script = [Picked(0), Picked(5), Picked(2), Back, Back, Interrupted];
        let mut prompter = Scripted::new(session.path(), &script);
        run(&mut session, &mut prompter).unwrap();
        // Back from avo-1, then from anx-1: sec-1 shows "Prefer not to answer" selected.
        assert_eq!(prompter.seen[5].default, 5);
        let saved = std::fs::read_to_string(session.path()).unwrap();
        assert!(saved.contains("skipped = [\"sec-1\"]"), "{saved}");
        assert_eq!(answer_lines(&saved), ["anx-1 = 3"]);
        assert!(saved.contains("# sec-1 = "));
        assert_eq!(session.responses().values[0], None);
    }

    #[test]
    fn the_review_counts_skips_and_revisiting_changes_one_answer() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let mut script = vec![Picked(0), Picked(5)];
        script.extend((1..12).map(|_| Picked(3)));
        script.extend([
            Picked(1),  // review: revisit
            Picked(1),  // the list: anx-1
            Picked(0),  // anx-1 = 1
            Picked(1),  // review: revisit
            Picked(0),  // the list: sec-1
            Picked(6),  // "Back to the list" leaves sec-1 skipped
            Picked(12), // "Back to the review"
            Picked(0),  // see my results
        ]);
        let mut prompter = Scripted::new(session.path(), &script);
        assert_eq!(run(&mut session, &mut prompter).unwrap(), Outcome::Finished);
        let review = &prompter.seen[13];
        assert!(
            review
                .text
                .contains("You answered 11 of 12 statements and chose not to answer 1."),
            "{}",
            review.text
        );
        assert_eq!(review.items, [SEE_RESULTS, REVISIT]);
        let list = &prompter.seen[14];
        assert_eq!(list.items.len(), 13);
        assert!(
            list.items[0].contains("sec-1") && list.items[0].ends_with("[skipped]"),
            "{}",
            list.items[0]
        );
        assert!(list.items[1].ends_with("[4 Agree]"), "{}", list.items[1]);
        assert_eq!(
            prompter.seen[15].default, 3,
            "the current answer is preselected"
        );
        assert!(prompter.seen[18].text.contains(&q.items[0].text));
        assert_eq!(prompter.seen[18].items[6], BACK_TO_LIST);
        let saved = std::fs::read_to_string(session.path()).unwrap();
        assert!(answer_lines(&saved).contains(&"anx-1 = 1"));
        assert!(saved.contains("skipped = [\"sec-1\"]"));
        assert!(saved.contains("complete = true"));
    }

    #[test]
    fn esc_on_the_review_returns_to_the_last_item() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let mut script = vec![Picked(0)];
        script.extend((0..12).map(|_| Picked(1)));
        script.extend([Back, Picked(4), Picked(0)]);
        let mut prompter = Scripted::new(session.path(), &script);
        assert_eq!(run(&mut session, &mut prompter).unwrap(), Outcome::Finished);
        assert!(prompter.seen[14].text.starts_with("[12/12] 100%"));
        assert_eq!(prompter.seen[14].default, 1);
        let saved = std::fs::read_to_string(session.path()).unwrap();
        assert!(answer_lines(&saved).contains(&"avo-4 = 5"));
    }

    #[test]
    fn an_interrupt_keeps_the_answers_given_and_leaves_the_file_incomplete() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let script = [Picked(0), Picked(0), Picked(1), Picked(2), Interrupted];
        let mut prompter = Scripted::new(session.path(), &script);
        assert_eq!(
            run(&mut session, &mut prompter).unwrap(),
            Outcome::Interrupted
        );
        let saved = std::fs::read_to_string(session.path()).unwrap();
        assert_eq!(
            answer_lines(&saved),
            ["sec-1 = 1", "anx-1 = 2", "avo-1 = 3"]
        );
        assert!(saved.contains("complete = false"));
        assert_eq!(session.first_open(), Some(3));
    }

    #[test]
    fn the_intro_says_what_it_measures_and_how_long_it_takes() {
        let dir = tempfile::tempdir().unwrap();
        let q = quick_check();
        let mut session = start(&q, dir.path());
        let mut prompter = Scripted::new(session.path(), &[Interrupted]);
        run(&mut session, &mut prompter).unwrap();
        let intro = &prompter.seen[0];
        assert!(intro.text.starts_with("Quick Check"));
        assert!(intro.text.contains("12 statements, about 2 minutes."));
        assert!(intro.text.contains("not a diagnosis"));
        assert!(intro.text.contains("Esc or q goes back"));
        assert_eq!(intro.items, ["Begin"]);
    }

    #[test]
    fn number_keys_cover_single_digit_scales_only() {
        let scale = |min: i64, max: i64| crate::questionnaire::Scale {
            min,
            max,
            labels: (min..=max).map(|v| v.to_string()).collect(),
        };
        assert_eq!(
            number_keys(&scale(1, 5)),
            [('1', 0), ('2', 1), ('3', 2), ('4', 3), ('5', 4)]
        );
        assert_eq!(number_keys(&scale(0, 2)), [('0', 0), ('1', 1), ('2', 2)]);
        // 10 has no single key, so no point gets one.
        assert!(number_keys(&scale(1, 10)).is_empty());
        assert!(number_keys(&scale(-2, 2)).is_empty());
    }
}
