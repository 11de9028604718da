//! `--anonymize` ([`anonymize`]): member *n* of the group (in the group's order, which is
//! the order members were added and is kept from session to session) becomes "Membre A",
//! "Membre B"... and their business "Entreprise A"...; the same letter in every session of
//! the group. Their full names, business names, and first or last names alone are replaced
//! inside every free text too (case-insensitive, accents respected, any script). Guests
//! become "Invité 1"... keeping what follows the first comma (their role). The advisor's
//! name is replaced by the role (and its header line left out): training material travels beyond the host organisation, and
//! the advisor under review is not what trainees need to know.

use crate::i18n::{Lang, fill};
use crate::model::life::{GroupChange, LeaveReason, Role};
use crate::model::{Change, Session};
use crate::privacy::{NameReplacer, Pseudonyms, for_each_text};

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
pub(super) fn guest_parts(text: &str) -> (String, Option<String>) {
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
    let patterns = pseudonymize_records(s, lang);
    for_each_text(s, &mut |t| patterns.replace(t));
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
    for_each_text(s, &mut |t| patterns.replace(t));
    for d in s.drafts.values_mut() {
        patterns.replace(d);
    }
    let mut f = |t: &mut String| patterns.replace(t);
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
        Change::Group(g) => for_each_group_change_text(g, f),
        _ => {}
    }
}

/// Calls `f` on every free text a change of the group's life carries.
fn for_each_group_change_text(change: &mut GroupChange, f: &mut dyn FnMut(&mut String)) {
    match change {
        GroupChange::MemberLeft {
            reason: LeaveReason::Other(text),
            ..
        } => f(text),
        GroupChange::RoleAssigned { term } => {
            if let Role::Other(text) = &mut term.role {
                f(text);
            }
        }
        GroupChange::RuleAdopted { rule } => rule.versions.iter_mut().for_each(|v| f(&mut v.text)),
        GroupChange::RuleAmended { version, .. } => f(&mut version.text),
        GroupChange::WorkPlanAgreed { plan } => {
            plan.objectives.iter_mut().for_each(|o| f(&mut o.text));
            for a in &mut plan.activities {
                f(&mut a.what);
                f(&mut a.who);
                f(&mut a.comment);
            }
        }
        GroupChange::PlanObjectiveAdded { objective, .. } => f(&mut objective.text),
        GroupChange::PlanObjectiveEdited { text, .. } => f(text),
        GroupChange::PlannedActivityAdded { activity, .. }
        | GroupChange::PlannedActivityEdited { activity, .. } => {
            f(&mut activity.what);
            f(&mut activity.who);
            f(&mut activity.comment);
        }
        GroupChange::PlannedActivityReviewed { comment, .. } => f(comment),
        GroupChange::ProjectAdded { project } | GroupChange::ProjectEdited { project } => {
            f(&mut project.title);
            f(&mut project.aim);
            project.milestones.iter_mut().for_each(|m| f(&mut m.text));
            project.funding.iter_mut().for_each(|m| f(&mut m.payer));
        }
        GroupChange::MilestoneSet { milestone, .. } => f(&mut milestone.text),
        GroupChange::MemberLeft { .. }
        | GroupChange::RoleEnded { .. }
        | GroupChange::RuleWithdrawn { .. }
        | GroupChange::ProjectStatusSet { .. }
        | GroupChange::PlanObjectiveRemoved { .. }
        | GroupChange::PlannedActivityRemoved { .. }
        | GroupChange::MilestoneDone { .. } => {}
    }
}

/// Gives the members, their businesses, the advisor and the guests their pseudonyms in the
/// records; returns what to replace in the free texts, longest first.
fn pseudonymize_records(s: &mut Session, lang: Lang) -> NameReplacer {
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
    // The group the session started from (format 2) has the same members, by id: each
    // takes the pseudonym of their place in the group as saved.
    if let Some(start) = &mut s.start {
        for m in &mut start.group.members {
            let l = s
                .group
                .members
                .iter()
                .position(|g| g.id == m.id)
                .map_or_else(|| "?".to_string(), letter);
            if !m.business.trim().is_empty() {
                m.business = fill(w.business, &[&l]);
            }
            m.name = fill(w.member, &[&l]);
            m.phone.clear();
        }
        start.group.advisor.clear();
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
    names
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
