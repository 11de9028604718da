//! The review browser's state: every session of the folder as rows, with the group's
//! activities and the advisor's visits among them (issue 13), the filter typed, the kinds
//! shown, the sort chosen, and the session opened read-only from it.

use crate::i18n::{Lang, Strings, fill};
use crate::method::Method;
use crate::model::dated::{ActivityKind, Kind};
use crate::model::{Id, Session, SessionState};
use crate::show::ShowLine;
use crate::store::{RecordSummary, SharedTexts, Summary};
use chrono::NaiveDate;
use std::cmp::Ordering;
use std::path::PathBuf;
use std::sync::Arc;
use strum::VariantArray;

mod filter;
mod shown;
use shown::Remembered;
pub use shown::{Filtering, RowsShown, ShownKey};

/// What a row of the browser is. A member's diagnosis is not listed: the browser is for
/// looking back at what the group did and what the advisor did with its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowKind {
    #[default]
    Session,
    Activity,
    Visit,
}

/// Which rows the browser shows, chosen with a key (round: all, sessions, activities,
/// visits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::VariantArray)]
pub enum Shown {
    #[default]
    All,
    Sessions,
    Activities,
    Visits,
}

impl Shown {
    /// The next choice, round.
    pub fn next(self) -> Shown {
        let n = Self::VARIANTS.len();
        let i = Self::VARIANTS.iter().position(|c| *c == self).unwrap_or(0);
        Self::VARIANTS[(i + 1) % n]
    }

    pub fn label(self, s: &Strings) -> &'static str {
        let r = s.review;
        match self {
            Shown::All => r.shown_all,
            Shown::Sessions => r.shown_sessions,
            Shown::Activities => r.shown_activities,
            Shown::Visits => r.shown_visits,
        }
    }

    fn keeps(self, kind: RowKind) -> bool {
        match self {
            Shown::All => true,
            Shown::Sessions => kind == RowKind::Session,
            Shown::Activities => kind == RowKind::Activity,
            Shown::Visits => kind == RowKind::Visit,
        }
    }
}

/// What the row of a visit or an activity says of it: from the listing's summary, so that
/// listing 10,000 sessions reads no record file again. Never what was seen, agreed or noted
/// privately at a visit.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow {
    /// The member visited, as the visit names them; empty for an activity.
    pub member: String,
    /// A visit's topics as written: need categories' ids, or the advisor's own words.
    pub topics: Vec<String>,
    /// An activity's title and kind, and how many members were present.
    pub title: String,
    pub activity: Option<ActivityKind>,
    pub present: usize,
    /// Its kind and summary as the row says them, for the filter.
    pub shown: String,
}

impl RecordRow {
    /// The short word that says what the row is: « visite », « activité : formation ».
    pub fn kind_label(&self, lang: Lang) -> String {
        let s = lang.strings();
        match &self.activity {
            Some(a) => fill(s.review.kind_activity, &[&a.label(s.life)]),
            None => s.review.kind_visit.to_string(),
        }
    }

    /// A visit: who was visited and the topics (by their label in `method`); an activity:
    /// how many were present, then its title (what a narrow screen cuts).
    pub fn summary(&self, lang: Lang, method: &Method) -> String {
        let r = lang.strings().review;
        if self.activity.is_some() {
            return fill(r.activity_row, &[&r.present.n(self.present), &self.title]);
        }
        let topics: Vec<&str> = self
            .topics
            .iter()
            .map(|t| match method.need_category(t) {
                Some(c) => c.label.get(lang),
                None => t.as_str(),
            })
            .collect();
        if topics.is_empty() {
            return self.member.clone();
        }
        fill(r.visit_row, &[&self.member, &topics.join(", ")])
    }
}

/// One session file as the browser lists it, or a visit's or an activity's.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub path: PathBuf,
    /// The session's id: two files can hold the same session (see `shadowed`).
    pub id: Id,
    /// The group the session belongs to: what its timeline is opened on.
    pub group_id: Id,
    pub date: NaiveDate,
    /// The group's name, trade, region and advisor: held once for all the rows that show
    /// the same (a group's sessions), not once a row.
    pub group: Arc<str>,
    pub number: u32,
    pub trade: Arc<str>,
    pub region: Arc<str>,
    pub advisor: Arc<str>,
    pub state: SessionState,
    pub cards: usize,
    pub actions: usize,
    /// A newer file holds the same session: listed, opened read-only like any other.
    pub shadowed: bool,
    /// A conflict copy (`Summary::is_conflict_copy`), said in the state column.
    pub conflict: bool,
    /// What the filter matches: the summary's search text (lowercase, shared with the
    /// listing rather than copied: 10,000 of them are 40 MB), `None` when the folder's index
    /// keeps it (see `filter.rs`) and for a record's row, which has none...
    pub search: Option<Arc<str>>,
    /// ...and the visible columns as shown (see `filter.rs`): the state as
    /// the state column says it.
    pub state_label: &'static str,
    pub kind: RowKind,
    /// What a visit's or an activity's row shows; `None` for a session.
    pub record: Option<Box<RecordRow>>,
}

impl ReviewRow {
    /// A session's row, taking the summary's texts (`shared` holds the group's texts once
    /// for all its rows).
    pub(in crate::ui) fn from_summary(
        s: Summary,
        strings: &Strings,
        shared: &mut SharedTexts,
    ) -> ReviewRow {
        let conflict = s.is_conflict_copy();
        let state_label = match s.state {
            _ if conflict => strings.state_conflict,
            SessionState::InProgress => strings.state_in_progress,
            SessionState::Closed => strings.state_closed,
        };
        ReviewRow {
            // Already held once by the listing (see `store::SharedTexts`); the region's name
            // is the row's own.
            region: shared.get(s.region.name()),
            group: s.group_name,
            trade: s.trade,
            advisor: s.advisor,
            path: s.path,
            id: s.id,
            group_id: s.group_id,
            date: s.date,
            number: s.number,
            state: s.state,
            cards: s.cards,
            actions: s.actions,
            shadowed: s.shadowed,
            conflict,
            search: s.search,
            state_label,
            kind: RowKind::Session,
            record: None,
        }
    }

    /// The row of a visit or an activity (`None` for a diagnosis). `group` is the group's
    /// latest session in the folder, for the trade, region and advisor the filter finds.
    pub fn from_record(
        r: &RecordSummary,
        group: Option<&Summary>,
        lang: Lang,
        method: &Method,
    ) -> Option<ReviewRow> {
        let kind = match r.kind {
            Kind::Visit => RowKind::Visit,
            Kind::Activity => RowKind::Activity,
            Kind::Session | Kind::Diagnosis => return None,
        };
        let record = RecordRow {
            member: r
                .member
                .as_ref()
                .map(|(_, n)| n.clone())
                .unwrap_or_default(),
            topics: r.topics.clone(),
            title: r.title.clone(),
            activity: match kind {
                RowKind::Activity => Some(
                    r.activity
                        .clone()
                        .unwrap_or(ActivityKind::Other(String::new())),
                ),
                _ => None,
            },
            present: r.present,
            shown: String::new(),
        };
        let (trade, region, advisor): (Arc<str>, Arc<str>, Arc<str>) = match group {
            Some(g) => (
                Arc::clone(&g.trade),
                g.region.name().into(),
                Arc::clone(&g.advisor),
            ),
            None => ("".into(), "".into(), "".into()),
        };
        let group_name: Arc<str> = match group {
            Some(g) => Arc::clone(&g.group_name),
            None => r.group_name.as_str().into(),
        };
        let shown = format!(
            "{}\n{}",
            record.kind_label(lang),
            record.summary(lang, method)
        );
        let record = RecordRow { shown, ..record };
        Some(ReviewRow {
            path: r.path.clone(),
            id: r.id.clone(),
            group_id: r.group_id.clone(),
            date: r.date,
            group: group_name,
            number: 0,
            trade,
            region,
            advisor,
            state: SessionState::Closed,
            cards: 0,
            actions: 0,
            shadowed: r.shadowed,
            conflict: r.is_conflict_copy(),
            search: None,
            state_label: "",
            kind,
            record: Some(Box::new(record)),
        })
    }

    /// The name of the row's file, as the folder's index keeps it.
    pub(super) fn file_name(&self) -> std::borrow::Cow<'_, str> {
        self.path
            .file_name()
            .map_or(std::borrow::Cow::Borrowed(""), |n| n.to_string_lossy())
    }

    /// A session whose search text the folder's index keeps.
    pub(super) fn text_in_index(&self) -> bool {
        self.kind == RowKind::Session && self.search.is_none()
    }
}

/// The columns of the browser, in the order they are shown and the sort key cycles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::VariantArray)]
pub enum ReviewColumn {
    #[default]
    Date,
    Group,
    Number,
    Trade,
    Region,
    Advisor,
    State,
    Cards,
    Actions,
}

impl ReviewColumn {
    fn index(self) -> usize {
        Self::VARIANTS.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// The next column (or the previous one, `back`), round.
    pub fn step(self, back: bool) -> ReviewColumn {
        let n = Self::VARIANTS.len();
        let i = self.index();
        Self::VARIANTS[if back { (i + n - 1) % n } else { (i + 1) % n }]
    }

    pub fn label(self, s: &Strings) -> &'static str {
        let r = s.review;
        match self {
            ReviewColumn::Date => r.col_date,
            ReviewColumn::Group => r.col_group,
            ReviewColumn::Number => r.col_number,
            ReviewColumn::Trade => r.col_trade,
            ReviewColumn::Region => r.col_region,
            ReviewColumn::Advisor => r.col_advisor,
            ReviewColumn::State => r.col_state,
            ReviewColumn::Cards => r.col_cards,
            ReviewColumn::Actions => r.col_actions,
        }
    }

    /// The text a text column sorts by (lowercase), `None` for the other columns.
    fn text_key(self, r: &ReviewRow) -> Option<String> {
        let text = match self {
            ReviewColumn::Group => &r.group,
            ReviewColumn::Trade => &r.trade,
            ReviewColumn::Region => &r.region,
            ReviewColumn::Advisor => &r.advisor,
            _ => return None,
        };
        Some(text.to_lowercase())
    }

    fn compare(self, a: &ReviewRow, b: &ReviewRow) -> Ordering {
        match self {
            ReviewColumn::Date => a.date.cmp(&b.date),
            ReviewColumn::Number => a.number.cmp(&b.number),
            ReviewColumn::State => {
                (a.state == SessionState::Closed).cmp(&(b.state == SessionState::Closed))
            }
            ReviewColumn::Cards => a.cards.cmp(&b.cards),
            ReviewColumn::Actions => a.actions.cmp(&b.actions),
            // Text columns compare their keys, made once per sort (see `visible`).
            _ => Ordering::Equal,
        }
    }
}

/// From how many rows the filter and the sort run off the UI thread: at 100,000 rows a
/// keystroke's filter takes 60 ms, four frames; 20,000 take about 14 ms, under one.
pub const OFF_THREAD_FROM: usize = 20_000;

/// The review browser on screen.
#[derive(Debug, Clone)]
pub struct Browser {
    /// What was typed: every word must be found in a row.
    pub filter: String,
    /// The kinds of rows shown.
    pub shown: Shown,
    /// The record Enter opened: its group's page, once read, selects it (see
    /// `update::review::opened`).
    pub opening: Option<Id>,
    pub sort: ReviewColumn,
    /// Largest first. The browser opens with the newest sessions on top.
    pub descending: bool,
    /// Position in the rows shown (filtered and sorted).
    pub sel: usize,
    /// The first of the rows shown that the table shows, kept by `update` as the selection
    /// moves (see `layout::scroll`): the table scrolls only when the selection would leave it.
    pub scroll: usize,
    /// A session opened read-only from the browser.
    pub view: Option<SessionView>,
    /// From how many rows a new filter or sort is worked out off the UI thread
    /// ([`OFF_THREAD_FROM`]; the tests lower it to see that path on a small folder).
    pub off_thread_from: usize,
    /// The rows shown as last filtered and sorted, what from, and the listing's rows they
    /// index: `update` keeps them (see [`Browser::remember`]) so that neither an arrow key
    /// nor a frame filters and sorts every row again (three passes a key, 8 ms at 10,000
    /// rows), and so that they can stay on screen, whole, while a new listing is filtered.
    remembered: Option<Remembered>,
    /// What the filter thread was asked and has not answered yet: until it does, the rows
    /// last remembered stay on screen.
    asked: Option<ShownKey>,
}

impl Default for Browser {
    fn default() -> Browser {
        Browser {
            filter: String::new(),
            shown: Shown::default(),
            opening: None,
            sort: ReviewColumn::default(),
            descending: false,
            sel: 0,
            scroll: 0,
            view: None,
            off_thread_from: OFF_THREAD_FROM,
            remembered: None,
            asked: None,
        }
    }
}

/// A session read-only: the lines of `atelier show`, scrolled.
#[derive(Debug, Clone)]
pub struct SessionView {
    pub path: PathBuf,
    pub session: Box<Session>,
    pub lines: Vec<ShowLine>,
    /// The first line on screen.
    pub scroll: usize,
}
