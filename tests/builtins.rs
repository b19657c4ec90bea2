//! The built-in questionnaires keep the shape the project promises: each passes
//! `attune check`, and each has the dimensions, item counts, reverse keying,
//! bands, profiles and practices its description says.

use assert_cmd::Command;
use attune::catalog;
use attune::questionnaire::{Questionnaire, Target};

fn built_in(id: &str) -> Questionnaire {
    catalog::resolve(id, None).expect("a built-in loads")
}

fn items_of(q: &Questionnaire, dimension: &str) -> (usize, usize) {
    let d = q.dimension_index(dimension).expect("the dimension exists");
    let items = &q.dimensions[d].items;
    let reverse = items.iter().filter(|&&i| q.items[i].reverse).count();
    (items.len(), reverse)
}

fn has_practice_for(q: &Questionnaire, target: Target) -> bool {
    q.practices.iter().any(|p| p.targets.contains(&target))
}

#[test]
fn every_built_in_passes_check() {
    let output = Command::cargo_bin("attune")
        .unwrap()
        .args([
            "check",
            "connection-styles",
            "close-relationships",
            "quick-check",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 3);
}

#[test]
fn connection_styles_is_the_default_with_three_keyed_dimensions() {
    let q = built_in(catalog::DEFAULT);
    assert_eq!(q.id, "connection-styles");
    assert_eq!((q.scale.min, q.scale.max), (1, 7));
    for dimension in ["secure", "anxious", "avoidant"] {
        let (items, reverse) = items_of(&q, dimension);
        assert!(items >= 10, "{dimension} has {items} items");
        assert!(reverse >= 1, "{dimension} has no reverse-keyed item");
        let d = q.dimension_index(dimension).unwrap();
        assert!(
            !q.dimensions[d].description.is_empty(),
            "{dimension} has a description"
        );
        assert!(
            has_practice_for(&q, Target::Dimension(d)),
            "{dimension} has practices"
        );
    }
    assert!(has_practice_for(&q, Target::Everyone));
    assert!(
        q.profiles.is_empty(),
        "the primary style is the highest dimension"
    );
}

#[test]
fn close_relationships_crosses_two_dimensions_at_the_midpoint() {
    let q = built_in("close-relationships");
    for dimension in ["anxiety", "avoidance"] {
        let (items, reverse) = items_of(&q, dimension);
        assert_eq!(items, 18, "{dimension}");
        assert!(reverse >= 1, "{dimension}");
    }
    let profiles: Vec<&str> = q.profiles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(profiles, ["secure", "preoccupied", "dismissing", "fearful"]);
    // The midpoint of 1-7 is 4: below it is the lower band, 4 itself the higher.
    assert_eq!(q.bands[q.band_for(3.99)].id, "low");
    assert_eq!(q.bands[q.band_for(4.0)].id, "high");
}

#[test]
fn quick_check_is_a_two_minute_check_in() {
    let q = built_in("quick-check");
    assert!((9..=12).contains(&q.items.len()), "{} items", q.items.len());
    assert!(q.minutes <= 3);
}

#[test]
fn every_built_in_has_pair_practices_and_conversation_questions() {
    for (id, _) in catalog::BUILT_INS {
        let q = built_in(id);
        assert!(q.pair_practices.len() >= 3, "{id}");
        assert!(q.conversation.len() >= 3, "{id}");
        assert!(
            q.conversation
                .iter()
                .any(|c| c.targets.contains(&Target::Everyone)),
            "{id} has questions for every pair"
        );
    }
}
