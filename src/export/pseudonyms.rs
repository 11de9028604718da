//! `--anonymize` ([`anonymize`]): member *n* of the group (in the group's order, which is
//! the order members were added and is kept from session to session) becomes "Membre A",
//! "Membre B"... and their business "Entreprise A"...; the same letter in every session of
//! the group. Their full names, business names, and first or last names alone are replaced
//! inside every free text too (case-insensitive, accents respected, any script). Guests
//! become "Invité 1"... keeping what follows the first comma (their role). The advisor's
//! name is replaced by the role (and its header line left out): training material travels beyond the host organisation, and
//! the advisor under review is not what trainees need to know.

use super::privacy::for_each_text;
use crate::i18n::{Lang, fill};
use crate::model::{Change, Session};

/// A, B... Z, AA, AB...: the letter of the member at `index` in the group.
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Words too common in names to stand for one person when alone.
const PARTICLES: [&str; 14] = [
    "el", "al", "ait", "aït", "ben", "bent", "ibn", "ou", "de", "du", "la", "le", "les", "des",
];

/// Replaces names with pseudonyms, in the members' records and in every free text.
pub fn anonymize(s: &mut Session, lang: Lang) {
    let patterns = pseudonymize_records(s, lang);
    for_each_text(s, &mut |t| replace_names(t, &patterns));
}

/// [`anonymize`], and the history too, event by event, so that a replay of the session
/// (`atelier replay --anonymize`) shows the pseudonyms the exports use at every step: a
/// member added or edited takes the pseudonym of their place in the group, and every text
/// an event carries has the names replaced by the same rule.
pub fn anonymize_with_history(s: &mut Session, lang: Lang) {
    let w = lang.strings().export;
    let members: Vec<(crate::model::Id, String, String)> = s
        .group
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let l = letter(i);
            (m.id.clone(), fill(w.member, &[&l]), fill(w.business, &[&l]))
        })
        .collect();
    let patterns = pseudonymize_records(s, lang);
    for_each_text(s, &mut |t| replace_names(t, &patterns));
    for d in s.drafts.values_mut() {
        replace_names(d, &patterns);
    }
    let mut f = |t: &mut String| replace_names(t, &patterns);
    for e in &mut s.history {
        match &mut e.change {
            Change::MemberAdded { member } | Change::MemberEdited { member } => {
                match members.iter().find(|(id, ..)| *id == member.id) {
                    Some((_, name, business)) => {
                        member.name = name.clone();
                        if !member.business.trim().is_empty() {
                            member.business = business.clone();
                        }
                    }
                    None => {
                        f(&mut member.name);
                        f(&mut member.business);
                    }
                }
                member.phone.clear();
            }
            change => for_each_change_text(change, &mut f),
        }
    }
}

/// Calls `f` on every free text an event carries (members aside: see above).
fn for_each_change_text(change: &mut Change, f: &mut dyn FnMut(&mut String)) {
    match change {
        Change::TextSet { text, .. }
        | Change::ItemEdited { text, .. }
        | Change::CardEdited { text, .. }
        | Change::CauseEdited { text, .. }
        | Change::IdeaEdited { text, .. }
        | Change::CommitmentSet { text, .. }
        | Change::ThemeRenamed { title: text, .. }
        | Change::ReviewCommented { comment: text, .. } => f(text),
        Change::ItemAdded { item, .. } => f(&mut item.text),
        Change::CardAdded { card } => f(&mut card.text),
        Change::ThemeAdded { theme } | Change::BacklogTakenUp { theme, .. } => {
            f(&mut theme.title);
            if let Some(c) = &mut theme.category {
                f(c);
            }
        }
        Change::ThemeCategorySet {
            category: Some(c), ..
        }
        | Change::CauseCategorySet {
            category: Some(c), ..
        } => f(c),
        Change::CauseAdded { cause } => f(&mut cause.text),
        Change::IdeaAdded { idea } => f(&mut idea.text),
        Change::ActionAdded { action } | Change::ActionEdited { action } => {
            f(&mut action.what);
            f(&mut action.means);
            f(&mut action.indicator);
        }
        _ => {}
    }
}

/// Gives the members, their businesses, the advisor and the guests their pseudonyms in the
/// records; returns what to replace in the free texts, longest first.
fn pseudonymize_records(s: &mut Session, lang: Lang) -> Vec<(Vec<char>, String)> {
    let w = lang.strings().export;
    // (pattern, replacement); whole names first, then first and last names alone.
    let mut whole: Vec<(String, String)> = Vec::new();
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    let add_parts = |name: &str, pseudonym: &str, parts: &mut Vec<(String, Vec<String>)>| {
        for token in name.split(|c: char| c.is_whitespace() || c == '-') {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            if token.chars().count() < 3 || PARTICLES.contains(&token.to_lowercase().as_str()) {
                continue;
            }
            let key = token.to_lowercase();
            match parts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, who)) if !who.iter().any(|p| p == pseudonym) => {
                    who.push(pseudonym.to_string())
                }
                Some(_) => {}
                None => parts.push((key, vec![pseudonym.to_string()])),
            }
        }
    };
    for (i, m) in s.group.members.iter_mut().enumerate() {
        let l = letter(i);
        let member = fill(w.member, &[&l]);
        let business = fill(w.business, &[&l]);
        if !m.name.trim().is_empty() {
            whole.push((m.name.trim().to_string(), member.clone()));
            add_parts(&m.name, &member, &mut parts);
        }
        if !m.business.trim().is_empty() {
            whole.push((m.business.trim().to_string(), business.clone()));
            m.business = business;
        }
        m.name = member;
    }
    if !s.group.advisor.trim().is_empty() {
        whole.push((s.group.advisor.trim().to_string(), w.advisor.to_string()));
        add_parts(&s.group.advisor.clone(), w.advisor, &mut parts);
        // The role is named where it acts (owners: "the advisor"); the name line goes.
        s.group.advisor.clear();
    }
    for (i, g) in s.checkin.guests.iter_mut().enumerate() {
        let pseudonym = fill(w.guest, &[&(i + 1)]);
        let (name, role) = match g.text.split_once(',') {
            Some((name, role)) => (name.trim().to_string(), Some(role.trim().to_string())),
            None => (g.text.trim().to_string(), None),
        };
        whole.push((name.clone(), pseudonym.clone()));
        add_parts(&name, &pseudonym, &mut parts);
        g.text = match role {
            Some(role) => format!("{pseudonym}, {role}"),
            None => pseudonym,
        };
    }
    let mut patterns: Vec<(Vec<char>, String)> = whole
        .into_iter()
        .map(|(k, v)| (k.chars().collect(), v))
        .chain(
            parts
                .into_iter()
                .map(|(k, who)| (k.chars().collect(), who.join(" / "))),
        )
        .collect();
    // Longest first, so "Fatima Zahra El Idrissi" wins over "Fatima".
    patterns.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    patterns
}

fn same(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// Replaces each pattern found as a whole word (not inside a longer word), ignoring case.
fn replace_names(text: &mut String, patterns: &[(Vec<char>, String)]) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    'outer: while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if starts_word {
            for (pat, with) in patterns {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_go_on_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
    }

    #[test]
    fn names_match_whole_words_ignoring_case_not_accents() {
        let pats = vec![
            ("fatima".chars().collect(), "Membre A".to_string()),
            ("محمد".chars().collect(), "Membre D".to_string()),
            ("épi".chars().collect(), "X".to_string()),
        ];
        let mut t = "FATIMA et Fatimaa, محمد. Épi, Epi".to_string();
        replace_names(&mut t, &pats);
        assert_eq!(t, "Membre A et Fatimaa, Membre D. X, Epi");
    }
}
