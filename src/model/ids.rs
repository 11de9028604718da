//! Stable identifiers for groups, members, sessions and every item a session records.
//!
//! Ids must stay unique when the folders of several advisors are merged by copying, so they
//! are random-looking, not sequential. `update` stays pure: the generator is a seeded value
//! (the app seeds it from the clock and process id; tests seed it with a constant).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An opaque identifier, stored as a short lowercase string (`"k3f9x2m7q1ab"`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first six characters: enough to tell sessions apart in a file name or a command.
    pub fn short(&self) -> &str {
        let end = self
            .0
            .char_indices()
            .nth(6)
            .map_or(self.0.len(), |(i, _)| i);
        &self.0[..end]
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_string())
    }
}

/// A deterministic generator of 12-character ids (60 bits): splitmix64 over a seed and a counter.
#[derive(Debug, Clone)]
pub struct IdGen {
    seed: u64,
    counter: u64,
}

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

impl IdGen {
    pub fn new(seed: u64) -> Self {
        IdGen { seed, counter: 0 }
    }

    pub fn next_id(&mut self) -> Id {
        self.counter += 1;
        let mut z = self
            .seed
            .wrapping_add(self.counter.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let mut s = String::with_capacity(12);
        for i in 0..12 {
            s.push(ALPHABET[((z >> (i * 5)) & 31) as usize] as char);
        }
        Id(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_and_reproducible() {
        let mut a = IdGen::new(42);
        let mut b = IdGen::new(42);
        let ids: Vec<Id> = (0..1000).map(|_| a.next_id()).collect();
        let mut sorted = ids.clone();
        crate::sort::sort(&mut sorted);
        sorted.dedup();
        assert_eq!(sorted.len(), 1000);
        assert_eq!(ids[0], b.next_id());
        assert_eq!(ids[0].as_str().len(), 12);
        assert_eq!(ids[0].short().len(), 6);
    }
}
