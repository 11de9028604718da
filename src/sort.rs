//! Stable sorting for the program's short lists (a group's plans, a session's timeline, the
//! rows of a help screen, a check's problems), through one compiled sort.
//!
//! `slice::sort_by` is compiled again for every comparison it is given: about 8 KB each, and
//! the program had some fifty. Here the sort is compiled once, on positions, the comparison
//! reached through a trait object; the items are then put in that order. The lists that can
//! be long (the folder's sessions, the browser's rows, the report's facts, the filter's
//! hits) keep `slice`'s sorts where they are, for their speed.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items, as `slice::sort_by` does.
pub fn by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key each gives, keeping the order of equal keys, as
/// `slice::sort_by_key` does.
pub fn by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// The one sort compiled: positions, compared through `compare`.
#[inline(never)]
fn positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Puts at each place `k` the item that was at `order[k]`, following each cycle of the
/// permutation once (`order` is spent marking the places done).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut k = start;
        while order[k] != DONE {
            let from = order[k];
            order[k] = DONE;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sorts, equal keys included.
        #[test]
        fn sorts_as_the_standard_sorts_do(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..80)) {
            let mut ours = items.clone();
            super::by_key(&mut ours, |(k, _)| *k);
            let mut theirs = items.clone();
            theirs.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(&ours, &theirs);

            let mut ours = items.clone();
            super::by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut theirs = items.clone();
            theirs.sort_by_key(|b| std::cmp::Reverse(b.0));
            prop_assert_eq!(&ours, &theirs);

            let mut ours = items.clone();
            super::sort(&mut ours);
            let mut theirs = items;
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
