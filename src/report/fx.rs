//! A fast hash for the report's maps (rustc's "Fx" hash: a rotate, a xor and a multiply per
//! word). The maps are keyed by ids and titles read from the folder; SipHash, std's default,
//! guards against keys chosen to collide, which costs a fifth of counting 100,000 sessions
//! and protects nothing here: a folder crafted that way only makes its own report slow.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub(super) struct Fx(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the [`Fx`] hash.
pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A `HashSet` with the [`Fx`] hash.
pub(super) type FxSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fx>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash(s: &str) -> u64 {
        let mut h = Fx::default();
        s.hash(&mut h);
        h.finish()
    }

    #[test]
    fn different_ids_hash_apart_and_the_same_alike() {
        assert_eq!(hash("q7y79by1nhtr"), hash("q7y79by1nhtr"));
        let ids = [
            "q7y79by1nhtr",
            "q7y79by1nhts",
            "a",
            "b",
            "",
            "ab",
            "ba",
            "مخبزة",
        ];
        let mut hashes: Vec<u64> = ids.iter().map(|s| hash(s)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), ids.len());
    }
}
