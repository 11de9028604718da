//! The ranges a session's numbers live in, checked before a number read from a file is used.
//! A file may have been edited by hand, damaged, or written by someone who means harm: a phase
//! index past the method's phases made a replay grow its timers without end, and a dot count
//! of four billion would be drawn as four billion dots. atelier itself never writes such
//! values, so an event that holds one is not applied (and `atelier check` names it), and a
//! value of the saved data out of its range is brought back into it when the file is loaded.

use super::life::{MAX_AMOUNT_MAD, MAX_RULE_COUNT, YEARS};
use super::{Change, Group, MAX_DOT_BUDGET, Session};

/// The largest show-of-hands count a theme can get (a group is 8 to 20 people).
pub const MAX_TALLY: u32 = 999;
/// Ratings (impact, effort) and usefulness scores run from 1 to 5.
pub const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// Which number of an event is out of its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    DotBudget,
    Dots,
    Tally,
    Rating,
    Usefulness,
    /// Of the group's life (work plans, rules, projects).
    Year,
    Month,
    RuleCount,
    Amount,
}

/// Why an event read from a file cannot be applied to its session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// A phase index, counted from 0, past the method's `phases`.
    Phase { phase: usize, phases: usize },
    /// A number outside `min..=max`.
    OutOfRange {
        number: Number,
        value: u64,
        min: u64,
        max: u64,
    },
}

fn out_of_range(number: Number, value: u64, min: u64, max: u64) -> Option<Misfit> {
    (!(min..=max).contains(&value)).then_some(Misfit::OutOfRange {
        number,
        value,
        min,
        max,
    })
}

fn score(number: Number, value: Option<u8>) -> Option<Misfit> {
    let v = value?;
    out_of_range(
        number,
        u64::from(v),
        u64::from(*SCORES.start()),
        u64::from(*SCORES.end()),
    )
}

impl Change {
    /// Why this change cannot apply to a session whose method has `phases` phases, if it
    /// cannot. Unknown ids are not misfits: a change naming one does nothing.
    pub fn misfit(&self, phases: usize) -> Option<Misfit> {
        let budget = u64::from(MAX_DOT_BUDGET);
        match self {
            Change::PhaseEntered { phase }
            | Change::TimerStarted { phase }
            | Change::TimerPaused { phase, .. }
            | Change::PlannedChanged { phase, .. } => (*phase >= phases).then_some(Misfit::Phase {
                phase: *phase,
                phases,
            }),
            Change::DotBudgetSet { budget: b } => {
                out_of_range(Number::DotBudget, u64::from(*b), 1, budget)
            }
            Change::DotsSet { dots, .. } => out_of_range(Number::Dots, u64::from(*dots), 0, budget),
            Change::TallySet { count, .. } => {
                out_of_range(Number::Tally, u64::from(*count), 0, u64::from(MAX_TALLY))
            }
            Change::IdeaRated { impact, effort, .. } => {
                score(Number::Rating, *impact).or(score(Number::Rating, *effort))
            }
            Change::UsefulnessSet { score: s, .. } => score(Number::Usefulness, *s),
            Change::Group(g) => g.out_of_range().map(|(what, value, min, max)| {
                let number = match what {
                    "year" => Number::Year,
                    "month" => Number::Month,
                    "amount" => Number::Amount,
                    _ => Number::RuleCount,
                };
                Misfit::OutOfRange {
                    number,
                    value,
                    min,
                    max,
                }
            }),
            _ => None,
        }
    }
}

impl Session {
    /// Brings every number of the saved data into its range: what a hand edit or a damaged
    /// file put out of it. `atelier check` reads the file as written and names them.
    pub(super) fn bound_numbers(&mut self) {
        let n = &mut self.needs;
        n.dot_budget = n.dot_budget.clamp(1, MAX_DOT_BUDGET);
        for per_member in n.dots.values_mut() {
            for dots in per_member.values_mut() {
                *dots = (*dots).min(MAX_DOT_BUDGET);
            }
        }
        for count in n.tally.values_mut() {
            *count = (*count).min(MAX_TALLY);
        }
        for idea in &mut self.solutions.ideas {
            for rating in [&mut idea.impact, &mut idea.effort] {
                if rating.is_some_and(|r| !SCORES.contains(&r)) {
                    *rating = None;
                }
            }
        }
        self.closing.usefulness.retain(|_, s| SCORES.contains(s));
        self.group.bound_numbers();
        if let Some(start) = &mut self.start {
            start.group.bound_numbers();
        }
    }
}

impl Group {
    /// The numbers of the group's life brought into their range: a work plan's year and
    /// months, an attendance rule's counts, a project's amounts (what a change holding one
    /// out of range could not do: see [`super::life::GroupChange::out_of_range`]).
    fn bound_numbers(&mut self) {
        for p in &mut self.plans {
            p.year = p.year.clamp(*YEARS.start(), *YEARS.end());
            for a in &mut p.activities {
                a.month = a.month.clamp(1, 12);
            }
        }
        for r in &mut self.rules {
            for v in &mut r.versions {
                if let Some(a) = &mut v.attendance {
                    a.absences = a.absences.clamp(1, MAX_RULE_COUNT);
                    a.within = a.within.clamp(1, MAX_RULE_COUNT);
                }
            }
        }
        for p in &mut self.projects {
            let amounts = p
                .budget_mad
                .iter_mut()
                .chain(p.funding.iter_mut().map(|f| &mut f.amount_mad));
            for amount in amounts {
                *amount = (*amount).min(MAX_AMOUNT_MAD);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn a_phase_past_the_method_and_numbers_out_of_range_are_misfits() {
        let phase = Change::TimerPaused {
            phase: usize::MAX,
            elapsed_secs: 3,
        };
        assert_eq!(
            phase.misfit(7),
            Some(Misfit::Phase {
                phase: usize::MAX,
                phases: 7
            })
        );
        assert_eq!(Change::TimerStarted { phase: 6 }.misfit(7), None);
        let dots = Change::DotsSet {
            theme: Id::from("t"),
            member: Id::from("m"),
            dots: u32::MAX,
        };
        assert!(matches!(
            dots.misfit(7),
            Some(Misfit::OutOfRange {
                number: Number::Dots,
                ..
            })
        ));
        let rated = Change::IdeaRated {
            id: Id::from("i"),
            impact: Some(3),
            effort: Some(0),
        };
        assert!(rated.misfit(7).is_some());
        assert_eq!(Change::DotBudgetSet { budget: 99 }.misfit(7), None);
        assert!(Change::DotBudgetSet { budget: 0 }.misfit(7).is_some());
    }
}
