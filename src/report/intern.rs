//! Strings numbered once: the ids and labels the report reads from a folder are kept as small
//! numbers, their text once. At 100,000 sessions there are about 800,000 member and action
//! ids; as `String`s, repeated in every session that names them, they were most of the
//! report's memory, and comparing them most of its count.
//!
//! The text is kept in one buffer; the table maps a string's hash to its number, and the
//! rare string whose hash another already has goes to a second, ordinary map. A number is
//! given out in order from 0, so tables indexed by it are plain vectors.

use super::fx::{Fx, FxMap};
use std::hash::{Hash, Hasher};

#[derive(Default, Clone, PartialEq)]
pub(super) struct Interner {
    text: String,
    /// Where each string ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    by_hash: FxMap<u64, u32>,
    /// Strings whose hash was already another's.
    collided: FxMap<Box<str>, u32>,
}

fn hash(s: &str) -> u64 {
    let mut h = Fx::default();
    s.hash(&mut h);
    h.finish()
}

impl Interner {
    /// The number of `s`, given it if it has none yet.
    pub fn number(&mut self, s: &str) -> u32 {
        let h = hash(s);
        if let Some(&n) = self.by_hash.get(&h) {
            if self.get(n) == s {
                return n;
            }
            if let Some(&n) = self.collided.get(s) {
                return n;
            }
            let n = self.push(s);
            self.collided.insert(s.into(), n);
            return n;
        }
        let n = self.push(s);
        self.by_hash.insert(h, n);
        n
    }

    /// The number of `s` if it has one.
    pub fn find(&self, s: &str) -> Option<u32> {
        let n = *self.by_hash.get(&hash(s))?;
        if self.get(n) == s {
            return Some(n);
        }
        self.collided.get(s).copied()
    }

    fn push(&mut self, s: &str) -> u32 {
        let n = self.ends.len() as u32;
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        n
    }

    /// The string numbered `n` (given by this interner).
    pub fn get(&self, n: u32) -> &str {
        let n = n as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.text[start..self.ends[n] as usize]
    }

    /// How many strings are numbered.
    pub fn len(&self) -> usize {
        self.ends.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Equal strings get one number, different ones different numbers, and each number
        /// gives its string back, whatever the strings (empty, Arabic, emoji).
        #[test]
        fn numbers_follow_equality(words in proptest::collection::vec("\\PC{0,4}", 0..60)) {
            let mut i = Interner::default();
            let numbers: Vec<u32> = words.iter().map(|w| i.number(w)).collect();
            for (a, na) in words.iter().zip(&numbers) {
                prop_assert_eq!(i.get(*na), a.as_str());
                prop_assert_eq!(i.find(a), Some(*na));
                for (b, nb) in words.iter().zip(&numbers) {
                    prop_assert_eq!(a == b, na == nb);
                }
            }
        }
    }

    #[test]
    fn a_string_whose_hash_is_taken_gets_its_own_number() {
        // As if "x" had the same hash as the id: put it under the id's hash.
        let mut i = Interner::default();
        let x = i.push("x");
        i.by_hash.insert(hash("q7y79by1nhtr"), x);
        let id = i.number("q7y79by1nhtr");
        assert_ne!(x, id);
        assert_eq!(i.get(id), "q7y79by1nhtr");
        assert_eq!(i.find("q7y79by1nhtr"), Some(id));
        assert_eq!(i.number("q7y79by1nhtr"), id);
        assert_eq!(i.find("absent"), None);
        assert_eq!(i.len(), 2);
    }
}
