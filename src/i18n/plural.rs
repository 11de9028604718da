//! Counted phrases ("1 carte", "2 cartes", "0 carte"): every phrase that counts something is
//! a [`Counted`], its singular and plural forms in one language, and the form is chosen by
//! one function, [`is_plural`], with each language's rule. A sweep renders every counted
//! phrase at 0, 1 and 2 in both languages (`tests/plural.rs`).

use super::{Lang, fill};
use serde::Serialize;
use std::fmt::Display;

/// Whether `n` takes the plural in `lang`. French: 0 and 1 are singular ("0 carte",
/// "1 carte"), 2 and more plural. English: only 1 is singular ("0 cards", "1 card").
pub fn is_plural(lang: Lang, n: u64) -> bool {
    match lang {
        Lang::Fr => n >= 2,
        Lang::En => n != 1,
    }
}

/// A phrase that counts something, in one language: `one` for the singular, `many` for the
/// plural. Both are templates for [`fill`] with the same `{}` in the same order; the
/// singular may leave out a last one, the number, when it is only ever said of one ("and
/// its sub-cause").
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Counted {
    #[serde(skip)]
    pub lang: Lang,
    pub one: &'static str,
    pub many: &'static str,
}

impl Counted {
    pub const fn fr(one: &'static str, many: &'static str) -> Counted {
        Counted {
            lang: Lang::Fr,
            one,
            many,
        }
    }

    pub const fn en(one: &'static str, many: &'static str) -> Counted {
        Counted {
            lang: Lang::En,
            one,
            many,
        }
    }

    /// The form `n` takes.
    pub fn form(&self, n: usize) -> &'static str {
        if is_plural(self.lang, n as u64) {
            self.many
        } else {
            self.one
        }
    }

    /// The phrase for `n`, when its only `{}` is the number: "3 cartes".
    pub fn n(&self, n: usize) -> String {
        fill(self.form(n), &[&n])
    }

    /// The form for `n`, its `{}` filled with `args` in order (the number among them where
    /// the phrase says it): "3 cartes rangées dans « Prix »".
    pub fn fill(&self, n: usize, args: &[&dyn Display]) -> String {
        fill(self.form(n), args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_zero_and_one_are_singular_english_only_one() {
        let fr: Vec<bool> = (0..4).map(|n| is_plural(Lang::Fr, n)).collect();
        let en: Vec<bool> = (0..4).map(|n| is_plural(Lang::En, n)).collect();
        assert_eq!(fr, [false, false, true, true]);
        assert_eq!(en, [true, false, true, true]);
        let c = Counted::fr("{} carte", "{} cartes");
        assert_eq!([c.n(0), c.n(1), c.n(2)], ["0 carte", "1 carte", "2 cartes"]);
        let c = Counted::en("{} card put into “{}”", "{} cards put into “{}”");
        assert_eq!(c.fill(0, &[&0, &"Prix"]), "0 cards put into “Prix”");
    }
}
