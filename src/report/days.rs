//! The days from the session that decided an action to the one whose review said it was done,
//! kept as how many actions took each number of days: the median needs no more. As a list
//! they were 25 MB at 100,000 sessions (a million actions done, each counted in the total,
//! its row and its month).

use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoneDays {
    /// Actions by the days they took.
    by_days: BTreeMap<u32, usize>,
    /// How many actions in all.
    count: usize,
}

impl DoneDays {
    /// An action done `days` after it was decided (a review dated before its decision, by a
    /// mistyped date, counts as the same day).
    pub fn push(&mut self, days: i64) {
        let days = u32::try_from(days.max(0)).unwrap_or(u32::MAX);
        *self.by_days.entry(days).or_default() += 1;
        self.count += 1;
    }

    /// How many actions were done.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The days of every action, fewest first.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.by_days
            .iter()
            .flat_map(|(&days, &n)| std::iter::repeat_n(days, n))
    }

    /// The median, `None` when no action was done: the middle action's days, or the mean
    /// of the two middle ones.
    pub fn median(&self) -> Option<f64> {
        let n = self.count;
        if n == 0 {
            return None;
        }
        let at = |rank: usize| {
            let mut seen = 0;
            for (&days, &k) in &self.by_days {
                seen += k;
                if rank < seen {
                    return f64::from(days);
                }
            }
            0.0
        };
        if n % 2 == 1 {
            Some(at(n / 2))
        } else {
            Some((at(n / 2 - 1) + at(n / 2)) / 2.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The median and the days are those of the list the days were pushed as.
        #[test]
        fn as_the_list_of_days(days in proptest::collection::vec(-3i64..400, 0..60)) {
            let mut d = DoneDays::default();
            for &k in &days {
                d.push(k);
            }
            let mut list: Vec<u32> = days.iter().map(|&k| k.max(0) as u32).collect();
            list.sort_unstable();
            prop_assert_eq!(d.len(), list.len());
            prop_assert_eq!(d.iter().collect::<Vec<_>>(), list.clone());
            let n = list.len();
            let median = match n {
                0 => None,
                _ if n % 2 == 1 => Some(f64::from(list[n / 2])),
                _ => Some(f64::from(list[n / 2 - 1] + list[n / 2]) / 2.0),
            };
            prop_assert_eq!(d.median(), median);
        }
    }

    #[test]
    fn an_even_count_gives_the_mean_of_the_middle_two() {
        let mut d = DoneDays::default();
        for k in [10, 3, 7, 7, 1, 20] {
            d.push(k);
        }
        assert_eq!(d.median(), Some(7.0));
        d.push(30);
        d.push(30);
        // 1 3 7 7 | 10 20 30 30
        assert_eq!(d.median(), Some(8.5));
        assert_eq!(DoneDays::default().median(), None);
    }
}
