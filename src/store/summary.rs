//! A session as a list shows it: the few fields the home screen's lists and the review
//! browser's columns and filter need ([`Summary`]), made the same way from a whole session or
//! from the light reading of its file (`light.rs`). Kept in the folder's summary cache
//! (`cache.rs`); listing the folder (`listing.rs`) gathers them.

use crate::model::{Group, Id, Region, Session, SessionState, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

/// What a list of sessions needs to know about one file: the home screen's lists and the
/// review browser's columns and filter. Kept in the folder's summary cache (see `cache.rs`),
/// without the fields that belong to the file rather than to its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    #[serde(skip)]
    pub path: PathBuf,
    pub id: Id,
    pub group_id: Id,
    /// The group's texts, alike in all its sessions' summaries: held once for them all
    /// in a listing (see [`SharedTexts`]).
    pub group_name: Arc<str>,
    pub trade: Arc<str>,
    pub region: Region,
    pub city: Arc<str>,
    pub host: Arc<str>,
    pub advisor: Arc<str>,
    pub number: u32,
    pub date: NaiveDate,
    pub place: Arc<str>,
    pub state: SessionState,
    /// Index of the phase on screen when last saved, and the method's number of phases.
    pub current_phase: usize,
    pub phases: usize,
    pub cards: usize,
    pub actions: usize,
    pub members: usize,
    pub saved: Timestamp,
    /// What the review browser's filter matches: group, trade, region, city, advisor, then
    /// the text of cards, causes and actions, lowercased without accents
    /// ([`crate::trades::fold`]), one per line, cut at [`SEARCH_MAX`] bytes so that 10,000
    /// sessions stay light. Match it against `trades::fold(typed)`. Not serialized: the cache writes it apart, as plain text.
    /// Shared, not copied, by the review browser's rows: it is most of a listing's memory
    /// (40 MB for 10,000 sessions), and copying it was most of building the home lists.
    /// `None` in a listing made through the folder's index, which keeps the texts and
    /// answers the filter (`store::index`): 360 MB fewer in memory at 100,000 sessions.
    #[serde(skip)]
    pub search: Option<Arc<str>>,
    /// The file's modification time, to pick the newer of two copies saved at the same time.
    #[serde(skip)]
    pub modified: Option<SystemTime>,
    /// Another file holds the same session and is newer: this copy is listed, not used.
    #[serde(skip)]
    pub shadowed: bool,
}

/// The most bytes of [`Summary::search`]: a session of 40 cards, 20 causes and 8 actions
/// fits whole; a longer one loses its last texts to the filter, not to the lists.
pub const SEARCH_MAX: usize = 4096;

/// The text the review browser filters on, see [`Summary::search`].
pub fn search_text(session: &Session) -> String {
    parts(session).search()
}

/// What a summary is made of: a whole session's fields ([`Summary::of`]) or the few the light
/// path reads (`light.rs`), so that both make the same summary.
pub(super) struct Parts<'a, C, K, A> {
    pub id: &'a Id,
    pub group: &'a Group,
    pub number: u32,
    pub date: NaiveDate,
    pub place: &'a str,
    pub state: SessionState,
    pub current_phase: usize,
    pub phases: usize,
    pub saved: Timestamp,
    /// The texts of the need cards, of the causes and of the actions.
    pub cards: C,
    pub causes: K,
    pub actions: A,
}

fn parts(
    session: &Session,
) -> Parts<
    '_,
    impl ExactSizeIterator<Item = &str>,
    impl Iterator<Item = &str>,
    impl ExactSizeIterator<Item = &str>,
> {
    Parts {
        id: &session.id,
        group: &session.group,
        number: session.number,
        date: session.date,
        place: &session.place,
        state: session.state,
        current_phase: session.current_phase,
        phases: session.method.phases.len(),
        saved: session.saved,
        cards: session.needs.cards.iter().map(|c| c.text.as_str()),
        causes: session.problem.causes.iter().map(|c| c.text.as_str()),
        actions: session.plan.actions.iter().map(|a| a.what.as_str()),
    }
}

impl<'a, C, K, A> Parts<'a, C, K, A>
where
    C: ExactSizeIterator<Item = &'a str>,
    K: Iterator<Item = &'a str>,
    A: ExactSizeIterator<Item = &'a str>,
{
    pub fn summary(self, path: PathBuf, modified: Option<SystemTime>) -> Summary {
        let g = self.group;
        Summary {
            path,
            id: self.id.clone(),
            group_id: g.id.clone(),
            group_name: g.name.as_str().into(),
            trade: g.trade.as_str().into(),
            region: g.region.clone(),
            city: g.city.as_str().into(),
            host: g.host.as_str().into(),
            advisor: g.advisor.as_str().into(),
            number: self.number,
            date: self.date,
            place: self.place.into(),
            state: self.state,
            current_phase: self.current_phase,
            phases: self.phases,
            cards: self.cards.len(),
            actions: self.actions.len(),
            members: g.members.iter().filter(|m| m.left.is_none()).count(),
            saved: self.saved,
            // Last: it consumes the texts.
            search: Some(self.search().into()),
            modified,
            shadowed: false,
        }
    }

    /// See [`Summary::search`]: the group's name, trade, region, city and advisor, then the
    /// texts of cards, causes and actions.
    fn search(self) -> String {
        let g = self.group;
        let head = [
            g.name.as_str(),
            g.trade.as_str(),
            g.region.name(),
            g.city.as_str(),
            g.advisor.as_str(),
        ];
        let texts = head
            .into_iter()
            .chain(self.cards)
            .chain(self.causes)
            .chain(self.actions);
        let mut out = String::new();
        for text in texts.filter(|t| !t.trim().is_empty()) {
            if out.len() >= SEARCH_MAX {
                break;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            // One line per text, so that a filter never matches across two of them.
            // Lowercase without accents: the filter folds what is typed the same way.
            out.push_str(&crate::trades::fold(&text.replace('\n', " ")));
        }
        if out.len() > SEARCH_MAX {
            let mut end = SEARCH_MAX;
            while !out.is_char_boundary(end) {
                end -= 1;
            }
            out.truncate(end);
        }
        out.shrink_to_fit();
        out
    }
}

impl Summary {
    /// A conflict copy, atelier's (`NAME.conflict-YYYYMMDD-HHMMSS.ron`, see
    /// `store::conflict_path`) or a sync tool's (see `store::conflict_name`): told by its
    /// name, so a listing reads nothing more for it.
    pub fn is_conflict_copy(&self) -> bool {
        super::conflict_name(&self.path).is_some()
    }

    pub fn of(session: &Session, path: PathBuf, modified: Option<SystemTime>) -> Summary {
        parts(session).summary(path, modified)
    }
}

/// The texts many summaries have alike (a group's name, trade, city, host, advisor, a
/// place), held once: at 100,000 sessions in 13,000 groups they were 30 MB of copies.
#[derive(Default)]
pub struct SharedTexts(std::collections::HashSet<Arc<str>>);

impl SharedTexts {
    /// The text held for `text`, kept from now on if it is new.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(same) = self.0.get(text) {
            return Arc::clone(same);
        }
        let text: Arc<str> = Arc::from(text);
        self.0.insert(Arc::clone(&text));
        text
    }

    /// A summary's texts made the ones held.
    pub fn share(&mut self, s: &mut Summary) {
        for text in [
            &mut s.group_name,
            &mut s.trade,
            &mut s.city,
            &mut s.host,
            &mut s.advisor,
            &mut s.place,
        ] {
            *text = self.get(text);
        }
    }
}
