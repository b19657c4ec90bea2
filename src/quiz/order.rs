//! The order items are asked in. A shuffled order comes from a seed alone, and
//! the seed is stored in the answers file, so a resumed quiz asks the remaining
//! items in the same order. The shuffle is written here (Fisher–Yates over
//! ChaCha8, whose output is fixed by its specification) rather than taken from a
//! library whose algorithm may change between versions and reorder old files.

use std::time::{SystemTime, UNIX_EPOCH};

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

/// Item indices `0..count` in the questionnaire's own order.
pub fn natural(count: usize) -> Vec<usize> {
    (0..count).collect()
}

/// Item indices `0..count` in an order that depends only on `seed`.
pub fn shuffled(count: usize, seed: u64) -> Vec<usize> {
    let mut order = natural(count);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for i in (1..order.len()).rev() {
        let j = below(&mut rng, i as u64 + 1) as usize;
        order.swap(i, j);
    }
    order
}

/// The order for a quiz: shuffled when there is a seed, else natural.
pub fn for_seed(count: usize, seed: Option<u64>) -> Vec<usize> {
    match seed {
        Some(seed) => shuffled(count, seed),
        None => natural(count),
    }
}

/// A seed when the person asked for a shuffle without choosing one.
pub fn seed_from_clock() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // Fold the 128-bit count and the process id so two runs in the same instant differ.
    (nanos as u64) ^ ((nanos >> 64) as u64) ^ (u64::from(std::process::id()) << 32)
}

/// A uniform number below `n` (n > 0), by rejection so no value is favoured.
fn below(rng: &mut ChaCha8Rng, n: u64) -> u64 {
    let limit = u64::MAX - u64::MAX % n;
    loop {
        let x = rng.next_u64();
        if x < limit {
            return x % n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_order() {
        assert_eq!(shuffled(30, 42), shuffled(30, 42));
    }

    #[test]
    fn a_shuffle_is_a_permutation_that_moves_items() {
        let order = shuffled(30, 7);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, natural(30));
        assert_ne!(order, natural(30));
        assert_ne!(order, shuffled(30, 8), "another seed gives another order");
    }

    #[test]
    fn no_seed_keeps_the_questionnaire_order() {
        assert_eq!(for_seed(4, None), vec![0, 1, 2, 3]);
        assert_eq!(for_seed(0, Some(3)), Vec::<usize>::new());
        assert_eq!(for_seed(1, Some(3)), vec![0]);
    }
}
