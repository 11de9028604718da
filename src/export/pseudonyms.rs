//! `--anonymize` ([`anonymize`]): member *n* of the group (in the group's order, which is
//! the order members were added and is kept from session to session) becomes "Membre A",
//! "Membre B"... and their business "Entreprise A"...; the same letter in every session of
//! the group. Their full names, business names, and first or last names alone are replaced
//! inside every free text too (case-insensitive, accents respected, any script). Guests
//! become "Invité 1"... keeping what follows the first comma (their role). The advisor's
//! name is replaced by the role (and its header line left out): training material travels beyond the host organisation, and
//! the advisor under review is not what trainees need to know.

use crate::i18n::{Lang, fill};
use crate::model::Session;
use crate::privacy::Pseudonyms;
use crate::privacy::for_each_text;

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

/// A guest's text split into their name and, after the first comma, their role.
fn guest_parts(text: &str) -> (String, Option<String>) {
    match text.split_once(',') {
        Some((name, role)) => (name.trim().to_string(), Some(role.trim().to_string())),
        None => (text.trim().to_string(), None),
    }
}

/// The pseudonyms of a group's people, as `--anonymize` gives them: members (and their
/// businesses, whole) by letter in the group's order, the advisor by the role, guests by
/// number. The programme report uses it for the names typed into theme titles.
pub fn people<'a>(
    members: impl IntoIterator<Item = (&'a str, &'a str)>,
    advisor: &str,
    guests: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) -> Pseudonyms {
    let w = lang.strings().export;
    let mut p = Pseudonyms::default();
    for (i, (name, business)) in members.into_iter().enumerate() {
        let l = letter(i);
        p.person(name, &fill(w.member, &[&l]));
        p.whole(business, &fill(w.business, &[&l]));
    }
    p.person(advisor, w.advisor);
    for (i, g) in guests.into_iter().enumerate() {
        p.person(&guest_parts(g).0, &fill(w.guest, &[&(i + 1)]));
    }
    p
}

/// Replaces names with pseudonyms, in the members' records and in every free text.
pub fn anonymize(s: &mut Session, lang: Lang) {
    let w = lang.strings().export;
    let names = people(
        s.group
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.business.as_str())),
        &s.group.advisor,
        s.checkin.guests.iter().map(|g| g.text.as_str()),
        lang,
    )
    .replacer();
    for (i, m) in s.group.members.iter_mut().enumerate() {
        let l = letter(i);
        if !m.business.trim().is_empty() {
            m.business = fill(w.business, &[&l]);
        }
        m.name = fill(w.member, &[&l]);
    }
    // The role is named where it acts (owners: "the advisor"); the name line goes.
    s.group.advisor.clear();
    for (i, g) in s.checkin.guests.iter_mut().enumerate() {
        let pseudonym = fill(w.guest, &[&(i + 1)]);
        g.text = match guest_parts(&g.text).1 {
            Some(role) => format!("{pseudonym}, {role}"),
            None => pseudonym,
        };
    }
    for_each_text(s, &mut |t| names.replace(t));
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
}
