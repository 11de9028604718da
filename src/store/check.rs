//! What `atelier check` reports beyond unreadable files: links that lead nowhere in a session
//! that otherwise loads (a card author who is not a member, a cause whose parent is gone...).
//! atelier copes with all of them when it opens the file; they hint at a hand edit gone
//! wrong, or a bug, and are worth a look.

use crate::i18n::{Strings, fill};
use crate::model::life::{MAX_AMOUNT_MAD, MAX_RULE_COUNT, YEARS};
use crate::model::{Author, Group, Id, MAX_DOT_BUDGET, MAX_TALLY, Misfit, Number, Owner, Session};
use std::collections::{BTreeMap, BTreeSet};

/// One problem in a session, with what to search in its text to point at the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub message: String,
    /// Text whose first occurrence in the file is the place to look (usually `"<id>"`).
    pub anchor: String,
}

struct Checker {
    out: Vec<Warning>,
}

impl Checker {
    fn warn(&mut self, anchor: &Id, template: &str, args: &[&dyn std::fmt::Display]) {
        self.out.push(Warning {
            message: fill(template, args),
            anchor: format!("\"{anchor}\""),
        });
    }
}

/// Every dangling link, duplicate id and out-of-range score of a session, in file order.
pub fn check_session(session: &Session, strings: &Strings) -> Vec<Warning> {
    let labels = &strings.store.show;
    let t = &strings.store.check;
    let mut c = Checker { out: Vec::new() };
    let s = session;
    let members: BTreeSet<&Id> = s.group.members.iter().map(|m| &m.id).collect();
    let themes: BTreeSet<&Id> = s.needs.themes.iter().map(|t| &t.id).collect();
    let causes: BTreeSet<&Id> = s.problem.causes.iter().map(|c| &c.id).collect();
    let ideas: BTreeSet<&Id> = s.solutions.ideas.iter().map(|i| &i.id).collect();
    let is_stranger = |a: &Author| match a {
        Author::Member(id) if !members.contains(id) => Some(id.clone()),
        _ => None,
    };

    duplicate_ids(s, t.duplicate_id, &mut c);
    for id in s
        .checkin
        .attendance
        .keys()
        .filter(|id| !members.contains(id))
    {
        c.warn(id, t.member_ref, &[&labels.attendance, id]);
    }
    for card in &s.needs.cards {
        if let Some(id) = is_stranger(&card.author) {
            c.warn(&card.id, t.card_author, &[&card.text, &id]);
        }
        if let Some(theme) = card.theme.as_ref().filter(|x| !themes.contains(x)) {
            c.warn(&card.id, t.card_theme, &[&card.text, theme]);
        }
    }
    for (theme, dots) in &s.needs.dots {
        if !themes.contains(theme) {
            c.warn(theme, t.theme_ref, &[&labels.themes, theme]);
        }
        for m in dots.keys().filter(|m| !members.contains(m)) {
            c.warn(m, t.member_ref, &[&labels.themes, m]);
        }
    }
    for theme in s.needs.tally.keys().filter(|t| !themes.contains(t)) {
        c.warn(theme, t.theme_ref, &[&labels.themes, theme]);
    }
    if let Some(p) = &s.needs.priority
        && !themes.contains(p)
        && !s.needs.cards.iter().any(|card| &card.id == p)
    {
        c.warn(p, t.priority, &[p]);
    }
    let parents: BTreeMap<&Id, &Id> = s
        .problem
        .causes
        .iter()
        .filter_map(|c| c.parent.as_ref().map(|p| (&c.id, p)))
        .collect();
    for cause in &s.problem.causes {
        if let Some(p) = cause.parent.as_ref().filter(|p| !causes.contains(p)) {
            c.warn(&cause.id, t.cause_parent, &[&cause.text, p]);
        } else if in_cycle(&parents, &cause.id) {
            c.warn(&cause.id, t.cause_cycle, &[&cause.text]);
        }
    }
    for m in s.problem.concerned.iter().filter(|m| !members.contains(m)) {
        c.warn(m, t.member_ref, &[&labels.concerned, m]);
    }
    for idea in &s.solutions.ideas {
        if let Some(id) = is_stranger(&idea.proposer) {
            c.warn(&idea.id, t.idea_proposer, &[&idea.text, &id]);
        }
        if let Some(cause) = idea.cause.as_ref().filter(|x| !causes.contains(x)) {
            c.warn(&idea.id, t.idea_cause, &[&idea.text, cause]);
        }
        for score in [idea.impact, idea.effort].into_iter().flatten() {
            if !(1..=5).contains(&score) {
                c.warn(&idea.id, t.score_range, &[&idea.text, &score]);
            }
        }
    }
    for action in &s.plan.actions {
        for owner in &action.owners {
            if let Owner::Member(id) = owner
                && !members.contains(id)
            {
                c.warn(&action.id, t.action_owner, &[&action.what, id]);
            }
        }
        if let Some(idea) = action.idea.as_ref().filter(|i| !ideas.contains(i)) {
            c.warn(&action.id, t.action_idea, &[&action.what, idea]);
        }
    }
    for m in s
        .closing
        .commitments
        .keys()
        .filter(|m| !members.contains(m))
    {
        c.warn(m, t.member_ref, &[&labels.commitments, m]);
    }
    for (m, score) in &s.closing.usefulness {
        if !members.contains(m) {
            c.warn(m, t.member_ref, &[&labels.usefulness, m]);
        } else if !(1..=5).contains(score) {
            c.warn(m, t.score_range, &[&labels.usefulness, score]);
        }
    }

    if let Some(conflict) = &s.conflict {
        c.out.push(Warning {
            message: fill(
                t.conflict_copy,
                &[&conflict.of, &conflict.at.format("%d/%m/%Y %H:%M")],
            ),
            anchor: "conflict:".into(),
        });
    }
    life_numbers(&s.group, t, &mut c);
    if let Some(start) = &s.start {
        life_numbers(&start.group, t, &mut c);
    }
    numbers(s, t, &mut c);
    let phases = s.method.phases.len();
    if s.timers.len() != phases {
        c.out.push(Warning {
            message: t.timers.fill(s.timers.len(), &[&s.timers.len(), &phases]),
            anchor: "timers:".into(),
        });
    }
    if s.current_phase >= phases {
        c.out.push(Warning {
            message: fill(t.phase_index, &[&(s.current_phase + 1), &phases]),
            anchor: "current_phase:".into(),
        });
    }
    c.out
}

/// The vote's numbers out of their range (scores are checked with their idea or member).
fn numbers(s: &Session, t: &crate::i18n::CheckStrings, c: &mut Checker) {
    let n = &s.needs;
    let budget = u64::from(MAX_DOT_BUDGET);
    let mut out = |anchor: &str, number: Number, value: u32, min: u64, max: u64| {
        if !(min..=max).contains(&u64::from(value)) {
            c.out.push(Warning {
                message: fill(
                    t.number_range,
                    &[&number_name(number, t), &value, &min, &max],
                ),
                anchor: anchor.to_string(),
            });
        }
    };
    out("dot_budget:", Number::DotBudget, n.dot_budget, 1, budget);
    for (theme, per_member) in &n.dots {
        for dots in per_member.values() {
            out(&format!("\"{theme}\""), Number::Dots, *dots, 0, budget);
        }
    }
    for (theme, count) in &n.tally {
        let max = u64::from(MAX_TALLY);
        out(&format!("\"{theme}\""), Number::Tally, *count, 0, max);
    }
}

/// The numbers of the group's life out of their range: a year or month of a work plan, an
/// attendance rule's counts, an amount of a project. atelier never writes them; loading
/// brings them back into range (`bounds.rs`).
fn life_numbers(g: &Group, t: &crate::i18n::CheckStrings, c: &mut Checker) {
    let mut out = |anchor: String, number: Number, value: i128, min: u64, max: u64| {
        if !(i128::from(min)..=i128::from(max)).contains(&value) {
            c.out.push(Warning {
                message: fill(
                    t.number_range,
                    &[&number_name(number, t), &value, &min, &max],
                ),
                anchor,
            });
        }
    };
    let (first_year, last_year) = (*YEARS.start() as u64, *YEARS.end() as u64);
    let count = u64::from(MAX_RULE_COUNT);
    for p in &g.plans {
        let year = i128::from(p.year);
        out(
            format!("year: {year}"),
            Number::Year,
            year,
            first_year,
            last_year,
        );
        for a in &p.activities {
            let month = i128::from(a.month);
            out(format!("\"{}\"", a.id), Number::Month, month, 1, 12);
        }
    }
    for r in &g.rules {
        for rule in r.versions.iter().filter_map(|v| v.attendance) {
            let anchor = || format!("\"{}\"", r.id);
            out(anchor(), Number::RuleCount, rule.absences.into(), 1, count);
            out(anchor(), Number::RuleCount, rule.within.into(), 1, count);
        }
    }
    for p in &g.projects {
        let amounts = p
            .budget_mad
            .iter()
            .chain(p.funding.iter().map(|f| &f.amount_mad));
        for amount in amounts {
            let anchor = format!("\"{}\"", p.id);
            out(
                anchor,
                Number::Amount,
                i128::from(*amount),
                0,
                MAX_AMOUNT_MAD,
            );
        }
    }
}

fn number_name(number: Number, t: &crate::i18n::CheckStrings) -> &'static str {
    match number {
        Number::DotBudget => t.number_budget,
        Number::Dots => t.number_dots,
        Number::Tally => t.number_tally,
        Number::Rating => t.number_rating,
        Number::Usefulness => t.number_usefulness,
        Number::Year => t.number_year,
        Number::Month => t.number_month,
        Number::RuleCount => t.number_rule_count,
        Number::Amount => t.number_amount,
    }
}

/// Why an event does not fit its session, in words ("phase 9 does not exist...").
pub fn misfit_reason(misfit: &Misfit, strings: &Strings) -> String {
    let t = &strings.store.check;
    match *misfit {
        // Counted from 1 for people; u128, as the index read may be usize::MAX.
        Misfit::Phase { phase, phases } => fill(t.event_phase, &[&(phase as u128 + 1), &phases]),
        Misfit::OutOfRange {
            number,
            value,
            min,
            max,
        } => fill(
            t.event_number,
            &[&number_name(number, t), &value, &min, &max],
        ),
    }
}

/// Every event of the history that does not fit its session (a phase the method does not
/// have, a number out of range), with its place in `text`: atelier skips them, so the file
/// opens, but its replay would not be the session that happened.
pub fn check_history(
    session: &Session,
    text: &str,
    strings: &Strings,
) -> Vec<((usize, usize), String)> {
    let t = &strings.store.check;
    let phases = session.method.phases.len();
    let misfits: Vec<(usize, Misfit)> = session
        .history
        .iter()
        .enumerate()
        .filter_map(|(k, e)| e.change.misfit(phases).map(|m| (k, m)))
        .collect();
    if misfits.is_empty() {
        return Vec::new();
    }
    let places = super::history_places(text);
    misfits
        .into_iter()
        .map(|(k, misfit)| {
            let why = misfit_reason(&misfit, strings);
            let at = places.get(k).copied().unwrap_or((1, 1));
            (at, fill(t.event_misfit, &[&(k + 1), &why]))
        })
        .collect()
}

/// Two items of one session with the same id: links to them become ambiguous.
fn duplicate_ids(s: &Session, template: &str, c: &mut Checker) {
    let ids = s
        .group
        .members
        .iter()
        .map(|m| &m.id)
        .chain(s.checkin.guests.iter().map(|i| &i.id))
        .chain(s.needs.cards.iter().map(|i| &i.id))
        .chain(s.needs.themes.iter().map(|i| &i.id))
        .chain(s.problem.causes.iter().map(|i| &i.id))
        .chain(s.problem.effects.iter().map(|i| &i.id))
        .chain(s.solutions.ideas.iter().map(|i| &i.id))
        .chain(s.plan.actions.iter().map(|i| &i.id));
    let mut count: BTreeMap<&Id, usize> = BTreeMap::new();
    for id in ids {
        *count.entry(id).or_default() += 1;
    }
    for (id, _) in count.into_iter().filter(|(_, n)| *n > 1) {
        c.warn(id, template, &[id]);
    }
}

/// Whether following a cause's parents leads back to it (a loop can only come from a hand
/// edit: atelier refuses to move a cause under its own sub-cause).
fn in_cycle(parents: &BTreeMap<&Id, &Id>, start: &Id) -> bool {
    let mut cur = start;
    for _ in 0..parents.len() {
        match parents.get(cur) {
            Some(&p) if p == start => return true,
            Some(&p) => cur = p,
            None => return false,
        }
    }
    false
}
