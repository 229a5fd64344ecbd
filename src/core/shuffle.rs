//! Reproducible shuffling: the same seed always gives the same order, so a student sees the same
//! option order after a reload, and a teacher can reproduce any student's order from the seed.

/// A 64-bit seed from text (FNV-1a), e.g. a question id, or an assignment code plus a name.
pub fn seed_from(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SplitMix64: tiny, fast and well distributed; plenty for ordering options.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (bound > 0), with negligible bias for the small bounds used here.
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// A permutation of `0..len` (Fisher–Yates) determined by `seed`.
pub fn permutation(len: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut rng = SplitMix64(seed);
    for i in (1..len).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order
}

/// Like [`permutation`], but never the identity when `len > 1`: an ordering question must not
/// start out already solved.
pub fn derangement_of_order(len: usize, seed: u64) -> Vec<usize> {
    let mut order = permutation(len, seed);
    if len > 1 && order.iter().enumerate().all(|(i, &v)| i == v) {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_order_and_every_index_once() {
        let a = permutation(10, seed_from("q-bases"));
        assert_eq!(a, permutation(10, seed_from("q-bases")));
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn different_seeds_usually_differ() {
        let orders: std::collections::HashSet<Vec<usize>> = (0..50)
            .map(|i| permutation(6, seed_from(&format!("q{i}"))))
            .collect();
        assert!(orders.len() > 40, "only {} distinct orders", orders.len());
    }

    #[test]
    fn ordering_never_starts_solved() {
        for i in 0..500 {
            for len in 2..6 {
                let order = derangement_of_order(len, seed_from(&format!("{i}")));
                assert!(order.iter().enumerate().any(|(i, &v)| i != v), "{order:?}");
            }
        }
    }
}
