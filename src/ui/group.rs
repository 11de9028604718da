//! The group page's state (issue 13, point 9): the group over its life (see [`crate::life`]),
//! computed once when its sessions and records are loaded, and how the advisor is looking at
//! it: the section on screen, the row selected in each, the item open in full.

use super::{RecordDraft, RecordForm, Screen};
use crate::i18n::Lang;
use crate::life::GroupLife;
use crate::model::Session;
use crate::model::dated::Record;
use std::collections::BTreeMap;
use strum::VariantArray;

/// The page's sections, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, strum::VariantArray)]
pub enum GroupSection {
    #[default]
    Members,
    Rules,
    Plan,
    Projects,
    Records,
}

impl GroupSection {
    /// The next section (or the previous one, `back`), round.
    pub fn step(self, back: bool) -> GroupSection {
        let n = Self::VARIANTS.len();
        let i = Self::VARIANTS.iter().position(|s| *s == self).unwrap_or(0);
        Self::VARIANTS[if back { (i + n - 1) % n } else { (i + 1) % n }]
    }
}

/// One row of the plan section: a year's heading, an objective, a planned activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanRow {
    Year(usize),
    Objective(usize, usize),
    Activity(usize, usize),
}

pub struct GroupUi {
    /// The screen the page was opened from: Esc goes back to it as it was.
    pub back: Box<Screen>,
    /// The group's life as the page shows it: the advisor's own, or (projected, F5) as
    /// others may see it.
    pub life: GroupLife,
    /// The other of the two: as others may see it while the advisor's is shown, the
    /// advisor's while projected. F5 swaps them.
    pub other: Box<GroupLife>,
    /// The page is on a projector: built from what the privacy rule lets others see (no
    /// visit, no diagnosis, no phone), and it takes no record.
    pub presenting: bool,
    /// Files of the group that could not be read when it was loaded.
    pub skipped: usize,
    pub section: GroupSection,
    pub selected: BTreeMap<GroupSection, usize>,
    /// The first row shown of each section's list (kept by `update`, see `layout::scroll`).
    pub scroll: BTreeMap<GroupSection, usize>,
    /// The selected row is open in full (its record, rule, project...), from this line.
    pub detail: Option<u16>,
    /// A new visit, activity or diagnosis being typed.
    pub form: Option<RecordForm>,
    /// The form's draft as last written, so that an unchanged one is not written again.
    pub written: Option<RecordDraft>,
}

impl GroupUi {
    pub fn new(
        back: Screen,
        sessions: &[Session],
        records: Vec<Record>,
        skipped: usize,
        lang: Lang,
    ) -> GroupUi {
        // The one privacy rule of every output, applied to what the page is built from.
        let public_sessions: Vec<Session> = sessions
            .iter()
            .map(|s| crate::export::for_others(s, lang))
            .collect();
        let public_records = records
            .iter()
            .filter_map(|r| crate::privacy::record_for_others(r, lang))
            .collect();
        GroupUi {
            back: Box::new(back),
            life: GroupLife::of(sessions, records),
            other: Box::new(GroupLife::of(&public_sessions, public_records)),
            presenting: false,
            skipped,
            section: GroupSection::default(),
            selected: BTreeMap::new(),
            scroll: BTreeMap::new(),
            detail: None,
            form: None,
            written: None,
        }
    }

    /// Projected, or back to the advisor's own view.
    pub fn toggle_presenting(&mut self) {
        std::mem::swap(&mut self.life, &mut self.other);
        self.presenting = !self.presenting;
        self.detail = None;
    }

    /// The group's life with everything in it, whichever is shown: what a record's form
    /// starts from and is checked against.
    pub fn own_life(&self) -> &GroupLife {
        if self.presenting {
            &self.other
        } else {
            &self.life
        }
    }

    /// How many rows a section lists.
    pub fn rows(&self, section: GroupSection) -> usize {
        let l = &self.life;
        match section {
            GroupSection::Members => l.members.len(),
            GroupSection::Rules => l.group.rules.len(),
            GroupSection::Plan => self.plan_rows().len(),
            GroupSection::Projects => l.projects.len(),
            GroupSection::Records => l.records.len(),
        }
    }

    /// The selected row of a section, within its rows.
    pub fn selection(&self, section: GroupSection) -> usize {
        let n = self.rows(section);
        self.selected
            .get(&section)
            .copied()
            .unwrap_or(0)
            .min(n.saturating_sub(1))
    }

    /// The plan section's rows: each year's heading, its objectives, its activities by month.
    pub fn plan_rows(&self) -> Vec<PlanRow> {
        let mut rows = Vec::new();
        for (y, plan) in self.life.group.plans.iter().enumerate().rev() {
            rows.push(PlanRow::Year(y));
            rows.extend((0..plan.objectives.len()).map(|o| PlanRow::Objective(y, o)));
            let mut acts: Vec<usize> = (0..plan.activities.len()).collect();
            crate::sort::by_key(&mut acts, |&a| plan.activities[a].month);
            rows.extend(acts.into_iter().map(|a| PlanRow::Activity(y, a)));
        }
        rows
    }
}
