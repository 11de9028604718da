//! The programme screen's state: the figures of the whole sessions folder (`atelier report`'s)
//! for a period and a grouping the advisor steps through with keys. The folder's facts are
//! read once by the runner and kept here ([`Kept`]): another period or grouping is counted
//! again from them, off the screen's thread, without reading a file; the folder changing
//! reads them again (the report cache makes that cheap).

use crate::report::{By, Kept, Options, Report};
use chrono::{Datelike, Months, NaiveDate};
use std::sync::Arc;

/// The periods the screen steps through (`←`/`→`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Every session of the folder.
    All,
    /// The current month and the eleven before it, up to today.
    LastTwelveMonths,
    /// A calendar year (this year up to today).
    Year(i32),
}

/// The groupings the screen cycles through (Tab), none first: the report's `--by`.
pub const GROUPINGS: [Option<By>; 7] = [
    None,
    Some(By::Advisor),
    Some(By::Host),
    Some(By::Trade),
    Some(By::Region),
    Some(By::Group),
    Some(By::Month),
];

impl Period {
    /// The report's options for this period, seen from `today`, rows by `by`.
    pub fn options(self, by: Option<By>, today: NaiveDate) -> Options {
        let (from, to) = match self {
            Period::All => (None, None),
            Period::LastTwelveMonths => {
                let first = today.with_day(1).unwrap_or(today);
                (first.checked_sub_months(Months::new(11)), Some(today))
            }
            Period::Year(y) => {
                let end = if y == today.year() {
                    Some(today)
                } else {
                    NaiveDate::from_ymd_opt(y, 12, 31)
                };
                (NaiveDate::from_ymd_opt(y, 1, 1), end)
            }
        };
        Options {
            from,
            to,
            by: by.into_iter().collect(),
            today: Some(today),
        }
    }
}

pub struct ProgrammeUi {
    pub period: Period,
    pub by: Option<By>,
    /// The folder's facts, once the runner has read them.
    pub kept: Option<Arc<Kept>>,
    /// The figures last counted; shown while they are those of [`ProgrammeUi::wanted`].
    pub report: Option<Report>,
    /// The options of the figures last asked of the runner, not yet answered.
    pub asked: Option<Options>,
    /// Why the folder could not be read, said where the figures would be until a read
    /// succeeds (the folder changing, or the screen opened again).
    pub failed: Option<String>,
    /// The row of the table selected, and the first row it shows (kept by `update` as the
    /// selection moves, see `layout::scroll`).
    pub sel: usize,
    pub scroll: usize,
}

impl ProgrammeUi {
    pub fn new() -> ProgrammeUi {
        ProgrammeUi {
            period: Period::All,
            by: None,
            kept: None,
            report: None,
            asked: None,
            failed: None,
            sel: 0,
            scroll: 0,
        }
    }

    /// The options of the period and grouping chosen, seen from `today`.
    pub fn wanted(&self, today: NaiveDate) -> Options {
        self.period.options(self.by, today)
    }

    /// The figures of the period and grouping chosen, when they are counted.
    pub fn shown(&self, today: NaiveDate) -> Option<&Report> {
        self.report
            .as_ref()
            .filter(|r| r.options == self.wanted(today))
    }

    /// The periods to step through: all, the last twelve months, then this year, last year
    /// and every year of the folder, latest first.
    pub fn periods(&self, today: NaiveDate) -> Vec<Period> {
        let mut years = vec![today.year(), today.year() - 1];
        if let Some(kept) = &self.kept {
            years.extend(kept.years());
        }
        crate::sort::by(&mut years, |a, b| b.cmp(a));
        years.dedup();
        let mut out = vec![Period::All, Period::LastTwelveMonths];
        out.extend(years.into_iter().map(Period::Year));
        out
    }

    /// The rows of the table that scroll: one per row of the grouping (the whole period's
    /// stays above them).
    pub fn rows(&self, today: NaiveDate) -> usize {
        self.shown(today).map_or(0, |r| r.buckets.len())
    }
}

impl Default for ProgrammeUi {
    fn default() -> Self {
        ProgrammeUi::new()
    }
}
