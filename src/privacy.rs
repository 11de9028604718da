//! What others never see, as one set of rules for every output that is not `--private`
//! (exports, report, tracker, `show`, the read-only view, presenter, follow, replay).
//!
//! Phone numbers inside free text: members' phones live in their own field and are never
//! shown to others; but an advisor may type one into a card or a comment ("appelez Karim au
//! 06 61 23 45 67"): [`phone_runs`] finds them, [`mask_phones`] hides them in what is
//! printed, [`mask_phone_digits`] in what is projected (keeping every character's place).
//!
//! Names of the group's people inside free text (`--anonymize`, and theme titles in the
//! programme report): [`Pseudonyms`] replaces them.
//!
//! Visits, activities and diagnoses: [`record_for_others`] (in `privacy/records.rs`) is the
//! one rule every output that may take a record follows.

mod records;

pub use records::{activity_texts, record_for_others};

use crate::i18n::Lang;
use crate::model::Session;
use std::ops::Range;

/// The text with each digit of its phone numbers replaced by a bullet, everything else as
/// it was: the same characters in the same places, so a field being typed keeps its cursor
/// and a line its layout. What the presenter view projects goes through it before it is
/// drawn, so the numbers atelier draws itself (a count, a rank) are never taken for a phone.
pub fn mask_phone_digits(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for run in phone_runs(&chars) {
        for ch in &mut chars[run] {
            if ch.is_ascii_digit() {
                *ch = '•';
            }
        }
    }
    chars.into_iter().collect()
}

/// The runs of nine digits or more (spaces, dots, dashes, brackets and a leading `+`
/// allowed between them), as character index ranges from the first digit (or `+`) to the
/// last digit: a Moroccan phone number however it is typed. Dates ("01/12/2026") and
/// amounts ("30 000 dirhams") have fewer digits in a run and are left alone.
pub fn phone_runs(chars: &[char]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts {
            i += 1;
            continue;
        }
        // The longest run of digits and separators, ending on a digit.
        let (mut j, mut end, mut digits) = (i, i, 0);
        while j < chars.len() {
            let ch = chars[j];
            if ch.is_ascii_digit() {
                digits += 1;
                end = j + 1;
            } else if !(matches!(ch, ' ' | '.' | '-' | '(' | ')') || (ch == '+' && j == i)) {
                break;
            }
            j += 1;
        }
        if digits >= 9 {
            runs.push(i..end);
        }
        i = end.max(i + 1);
    }
    runs
}

/// The text with each phone number typed into it ([`phone_runs`]) replaced by `hidden`.
pub fn mask_phones(text: &str, hidden: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let runs = phone_runs(&chars);
    if runs.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for run in runs {
        out.extend(&chars[from..run.start]);
        out.push_str(hidden);
        from = run.end;
    }
    out.extend(&chars[from..]);
    out
}

/// Masks the phones typed into every free text of the session (see [`for_each_text`]),
/// with the words of `lang`.
pub fn mask_session_phones(s: &mut Session, lang: Lang) {
    let hidden = lang.strings().export.phone_hidden;
    for_each_text(s, &mut |t| *t = mask_phones(t, hidden));
}

/// Calls `f` on every free text of the session that others may see (the check-in remarks
/// and the private notes are the advisor's: not listed).
pub fn for_each_text(s: &mut Session, f: &mut dyn FnMut(&mut String)) {
    f(&mut s.place);
    group_texts(&mut s.group, f);
    // What the session started from (format 2): the same group and reviews, as they were.
    if let Some(start) = &mut s.start {
        group_texts(&mut start.group, f);
        for r in &mut start.reviews {
            f(&mut r.action.what);
            f(&mut r.action.means);
            f(&mut r.action.indicator);
            f(&mut r.comment);
        }
        start.backlog.iter_mut().for_each(|b| f(&mut b.title));
    }
    let c = &mut s.checkin;
    c.guests.iter_mut().for_each(|g| f(&mut g.text));
    f(&mut c.objective);
    for r in &mut s.followup.reviews {
        f(&mut r.action.what);
        f(&mut r.action.means);
        f(&mut r.action.indicator);
        f(&mut r.comment);
    }
    let n = &mut s.needs;
    n.cards.iter_mut().for_each(|c| f(&mut c.text));
    n.themes.iter_mut().for_each(|t| f(&mut t.title));
    n.backlog.iter_mut().for_each(|b| f(&mut b.title));
    let p = &mut s.problem;
    f(&mut p.statement);
    p.causes.iter_mut().for_each(|c| f(&mut c.text));
    p.effects.iter_mut().for_each(|e| f(&mut e.text));
    s.solutions.ideas.iter_mut().for_each(|i| f(&mut i.text));
    for a in &mut s.plan.actions {
        f(&mut a.what);
        f(&mut a.means);
        f(&mut a.indicator);
    }
    let c = &mut s.closing;
    for t in c.commitments.values_mut() {
        f(t);
    }
    f(&mut c.comments);
    f(&mut c.next.place);
    f(&mut c.next.topic);
}

/// The group's free texts: its name and place, and what it decided about itself (rules,
/// work plans, projects, roles of its own naming, reasons for leaving in its own words).
pub fn group_texts(g: &mut crate::model::Group, f: &mut dyn FnMut(&mut String)) {
    use crate::model::life::{LeaveReason, Role};
    f(&mut g.name);
    f(&mut g.host);
    f(&mut g.city);
    for m in &mut g.members {
        if let Some(LeaveReason::Other(text)) = &mut m.left_reason {
            f(text);
        }
    }
    for t in &mut g.roles {
        if let Role::Other(text) = &mut t.role {
            f(text);
        }
    }
    for r in &mut g.rules {
        r.versions.iter_mut().for_each(|v| f(&mut v.text));
    }
    for p in &mut g.plans {
        p.objectives.iter_mut().for_each(|o| f(&mut o.text));
        for a in &mut p.activities {
            f(&mut a.what);
            f(&mut a.who);
            f(&mut a.comment);
        }
    }
    for p in &mut g.projects {
        f(&mut p.title);
        f(&mut p.aim);
        p.milestones.iter_mut().for_each(|m| f(&mut m.text));
        p.funding.iter_mut().for_each(|m| f(&mut m.payer));
    }
}

/// Words too common in names to stand for one person when alone.
const PARTICLES: [&str; 14] = [
    "el", "al", "ait", "aït", "ben", "bent", "ibn", "ou", "de", "du", "la", "le", "les", "des",
];

/// Names and what replaces them in free text: a whole name ("Fatima Zahra El Idrissi"), and
/// each of its words of three letters or more that is not a particle ("Fatima", "Idrissi"),
/// found as whole words, ignoring case (accents respected, any script). A word shared by
/// two people is replaced by both pseudonyms ("Membre A / Membre C").
#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    whole: Vec<(String, String)>,
    parts: Vec<(String, Vec<String>)>,
}

impl Pseudonyms {
    /// A person's name (its words too) replaced by `pseudonym`.
    pub fn person(&mut self, name: &str, pseudonym: &str) {
        if name.trim().is_empty() {
            return;
        }
        self.whole(name, pseudonym);
        for token in name.split(|c: char| c.is_whitespace() || c == '-') {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            if token.chars().count() < 3 || PARTICLES.contains(&token.to_lowercase().as_str()) {
                continue;
            }
            let key = token.to_lowercase();
            match self.parts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, who)) if !who.iter().any(|p| p == pseudonym) => {
                    who.push(pseudonym.to_string())
                }
                Some(_) => {}
                None => self.parts.push((key, vec![pseudonym.to_string()])),
            }
        }
    }

    /// A name replaced only whole (a business name).
    pub fn whole(&mut self, name: &str, pseudonym: &str) {
        if !name.trim().is_empty() {
            self.whole
                .push((name.trim().to_string(), pseudonym.to_string()));
        }
    }

    /// The names with their pseudonyms, longest first, so that "Fatima Zahra El Idrissi"
    /// wins over "Fatima".
    pub fn replacer(self) -> NameReplacer {
        let mut patterns: Vec<(Vec<char>, String)> = self
            .whole
            .into_iter()
            .map(|(k, v)| (k.chars().collect(), v))
            .chain(
                self.parts
                    .into_iter()
                    .map(|(k, who)| (k.chars().collect(), who.join(" / "))),
            )
            .collect();
        crate::sort::by_key(&mut patterns, |(k, _)| std::cmp::Reverse(k.len()));
        NameReplacer { patterns }
    }
}

/// Replaces names in free text (see [`Pseudonyms`]).
#[derive(Debug, Clone, Default)]
pub struct NameReplacer {
    patterns: Vec<(Vec<char>, String)>,
}

impl NameReplacer {
    /// Replaces each name found as a whole word (not inside a longer word), ignoring case.
    pub fn replace(&self, text: &mut String) {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        let mut i = 0;
        'outer: while i < chars.len() {
            let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
            if starts_word {
                for (pat, with) in &self.patterns {
                    let end = i + pat.len();
                    if end <= chars.len()
                        && chars[i..end].iter().zip(pat).all(|(a, b)| same(*a, *b))
                        && chars.get(end).is_none_or(|c| !c.is_alphanumeric())
                    {
                        out.push_str(with);
                        changed = true;
                        i = end;
                        continue 'outer;
                    }
                }
            }
            out.push(chars[i]);
            i += 1;
        }
        if changed {
            *text = out;
        }
    }
}

fn same(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        phone_runs(&chars)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn phones_however_typed_and_nothing_else() {
        assert_eq!(runs("appelez au 06 61 23 45 67."), ["06 61 23 45 67"]);
        assert_eq!(
            runs("+212 661-234-567 ou 0661234567"),
            ["+212 661-234-567", "0661234567"]
        );
        assert!(runs("le 01/12/2026, 30 000 dirhams, 60 sacs").is_empty());
    }

    #[test]
    fn masking_keeps_every_character_in_its_place() {
        assert_eq!(
            mask_phone_digits("Karim 06 61 23 45 67 (dettes)"),
            "Karim •• •• •• •• •• (dettes)"
        );
        assert_eq!(mask_phone_digits("+212 661-234-567"), "+••• •••-•••-•••");
        let plain = "le 01/12/2026, 30 000 dirhams, 60 sacs";
        assert_eq!(mask_phone_digits(plain), plain);
    }

    #[test]
    fn phones_are_masked_however_typed() {
        for phone in [
            "+212 6 61 23 45 67",
            "06 62 87 14 30",
            "0662871430",
            "06.62.87.14.30",
        ] {
            let t = mask_phones(&format!("Appeler {phone} demain"), "[x]");
            assert_eq!(t, "Appeler [x] demain", "{phone}");
        }
        let t = "Le 12/03/2026, 1 500 000 DH et 3 fours";
        assert_eq!(mask_phones(t, "[x]"), t);
    }

    #[test]
    fn names_match_whole_words_ignoring_case_not_accents() {
        let mut p = Pseudonyms::default();
        p.person("Fatima", "Membre A");
        p.person("محمد", "Membre D");
        p.whole("épi", "X");
        let mut t = "FATIMA et Fatimaa, محمد. Épi, Epi".to_string();
        p.replacer().replace(&mut t);
        assert_eq!(t, "Membre A et Fatimaa, Membre D. X, Epi");
    }
}
