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

#[derive(Clone)]
pub(super) struct Interner {
    text: String,
    /// Where each string ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    by_hash: FxMap<u64, u32>,
    /// Strings whose hash was already another's.
    collided: FxMap<Box<str>, u32>,
    /// `by_hash` and `collided` hold every string: false for strings read back
    /// ([`Interner::from_parts`]) until one is numbered or looked for.
    indexed: bool,
    /// How many strings were numbered before their texts were let go
    /// ([`Interner::forget_texts`]): their numbers stay, their texts read as empty.
    forgotten: u32,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            text: String::new(),
            ends: Vec::new(),
            by_hash: FxMap::default(),
            collided: FxMap::default(),
            indexed: true,
            forgotten: 0,
        }
    }
}

fn hash(s: &str) -> u64 {
    let mut h = Fx::default();
    s.hash(&mut h);
    h.finish()
}

/// Two interners are equal when they number the same strings the same.
impl PartialEq for Interner {
    fn eq(&self, other: &Interner) -> bool {
        self.text == other.text && self.ends == other.ends && self.forgotten == other.forgotten
    }
}

impl Interner {
    /// Strings written out as [`Interner::parts`] gave them; `None` if they cannot be
    /// (an end before the one before it, beyond the text, or inside a character). They are
    /// numbered as they were; the table is made when first needed.
    pub fn from_parts(text: String, ends: Vec<u32>) -> Option<Interner> {
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end < start || !text.is_char_boundary(end) {
                return None;
            }
            start = end;
        }
        Some(Interner {
            text,
            ends,
            by_hash: FxMap::default(),
            collided: FxMap::default(),
            indexed: false,
            forgotten: 0,
        })
    }

    /// `n` strings numbered whose texts are not kept (see [`Interner::forget_texts`]).
    pub fn numbered(n: u32) -> Interner {
        Interner {
            forgotten: n,
            ..Interner::default()
        }
    }

    /// Lets go of the texts numbered so far, keeping their numbers: what only counts by
    /// number (the programme screen's kept facts) need not hold 800,000 ids at 100,000
    /// sessions (14 MB). A string numbered afterwards gets a number after theirs; one of
    /// theirs numbered again would get a new one, so this is for facts no longer added to.
    pub fn forget_texts(&mut self) {
        self.forgotten = self.len() as u32;
        self.text = String::new();
        self.ends = Vec::new();
        self.by_hash = FxMap::default();
        self.collided = FxMap::default();
        self.indexed = true;
    }

    /// The text and where each string ends in it.
    pub fn parts(&self) -> (&str, &[u32]) {
        (&self.text, &self.ends)
    }

    /// Makes the table of strings read back, once.
    pub fn index(&mut self) {
        if self.indexed {
            return;
        }
        self.indexed = true;
        self.by_hash.reserve(self.ends.len());
        for n in self.forgotten..self.len() as u32 {
            let s = self.get(n);
            let h = hash(s);
            match self.by_hash.get(&h) {
                // A string read back twice keeps its first number.
                Some(&m) if self.get(m) == s => {}
                Some(_) => {
                    let s: Box<str> = s.into();
                    self.collided.entry(s).or_insert(n);
                }
                None => {
                    self.by_hash.insert(h, n);
                }
            }
        }
    }

    /// The number of `s`, given it if it has none yet.
    pub fn number(&mut self, s: &str) -> u32 {
        self.index();
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

    /// The number of `s` if it has one (looked for string by string before the table is
    /// made: see [`Interner::index`]).
    pub fn find(&self, s: &str) -> Option<u32> {
        if !self.indexed {
            return (self.forgotten..self.len() as u32).find(|&n| self.get(n) == s);
        }
        let n = *self.by_hash.get(&hash(s))?;
        if self.get(n) == s {
            return Some(n);
        }
        self.collided.get(s).copied()
    }

    fn push(&mut self, s: &str) -> u32 {
        let n = self.len() as u32;
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        n
    }

    /// The string numbered `n` (given by this interner); empty if its text was let go
    /// ([`Interner::forget_texts`]) or if this interner never gave `n`.
    pub fn get(&self, n: u32) -> &str {
        let Some(n) = n.checked_sub(self.forgotten).map(|n| n as usize) else {
            return "";
        };
        let start = match n.checked_sub(1) {
            None => 0,
            Some(before) => self.ends.get(before).map_or(0, |&e| e as usize),
        };
        self.ends
            .get(n)
            .and_then(|&end| self.text.get(start..end as usize))
            .unwrap_or("")
    }

    /// How many strings are numbered.
    pub fn len(&self) -> usize {
        self.forgotten as usize + self.ends.len()
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

    #[test]
    fn texts_let_go_keep_their_numbers() {
        let mut i = Interner::default();
        let a = i.number("a1");
        let b = i.number("b2");
        i.forget_texts();
        assert_eq!(i.len(), 2);
        assert_eq!((i.get(a), i.get(b)), ("", ""));
        assert!(i.parts().0.is_empty());
        // Numbered afterwards: a number after theirs, its text kept.
        let c = i.number("c3");
        assert_eq!(c, 2);
        assert_eq!(i.get(c), "c3");
        assert_eq!(i.find("c3"), Some(c));
        assert_eq!(i.find("a1"), None);
        assert_eq!(i.len(), 3);
        // A number never given reads as empty rather than failing.
        assert_eq!(i.get(7), "");
    }
}
