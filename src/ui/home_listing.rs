//! The home screen's lists, made from a listing of the sessions folder.

use super::{GroupEntry, Home, ReviewRow, SessionEntry, Unreadable};
use crate::i18n::Lang;
use crate::model::{Id, SessionState};
use crate::store::{Listing, SharedTexts, Summary};
use std::collections::HashMap;
use std::sync::Arc;

/// How many sessions the home screen's "recent" list shows.
const RECENT: usize = 50;

impl Home {
    /// The first screenful from the folder's index (see `store::index::FirstScreen`): its
    /// groups with their sessions counted in the whole folder, no review rows yet.
    pub fn first_screen(first: crate::store::index::FirstScreen, lang: Lang) -> Home {
        let mut home = Home::from_listing(first.listing, lang);
        // The recent sessions bring their groups too: only the first ones are wanted.
        home.groups.retain(|g| first.sessions.contains_key(&g.id));
        for g in &mut home.groups {
            if let Some(n) = first.sessions.get(&g.id) {
                g.sessions = *n;
            }
        }
        home.rows = Arc::default();
        home.partial = Some(first.groups);
        home
    }

    /// The lists of a listing, which they consume: at 100,000 sessions the review browser's
    /// rows take the summaries' texts rather than copy them, so that the two are never
    /// held whole at once (issue 14, point 5).
    pub fn from_listing(listing: Listing, lang: Lang) -> Home {
        let strings = lang.strings();
        let (groups, recent) = home_lists(&listing);
        let unreadable = listing
            .unreadable
            .iter()
            .map(|(path, e)| Unreadable {
                path: path.clone(),
                // A broken visit or activity is said as one, not as a broken session.
                reason: crate::store::broken::located(path, e, strings),
            })
            .collect();
        // The visits and activities among the rows, each with its group's latest session
        // (for the trade, region and advisor the filter finds): from the listing, no file
        // read. Made first, while the sessions are whole.
        let method = crate::method::Method::builtin();
        let by_group: HashMap<&Id, &Summary> = listing
            .groups()
            .into_iter()
            .map(|g| (&g.latest.group_id, g.latest))
            .collect();
        let records: Vec<ReviewRow> = listing
            .records
            .iter()
            .filter_map(|r| {
                let group = by_group.get(&r.group_id).copied();
                ReviewRow::from_record(r, group, lang, &method)
            })
            .collect();
        drop(by_group);
        let mut shared = SharedTexts::default();
        // Collected in place: the rows take the summaries' room (a row is smaller), so the
        // two vectors are never held at once (34 MB and 22 MB at 100,000 sessions).
        let mut rows: Vec<ReviewRow> = listing
            .sessions
            .into_iter()
            .map(|s| ReviewRow::from_summary(s, strings, &mut shared))
            .collect();
        rows.extend(records);
        rows.shrink_to_fit();
        Home {
            groups,
            rows: Arc::new(rows),
            recent,
            unreadable,
            ..Home::default()
        }
    }
}

/// The home screen's two lists: the groups, each with its latest and unfinished sessions,
/// and the sessions saved last.
fn home_lists(listing: &Listing) -> (Vec<GroupEntry>, Vec<SessionEntry>) {
    let entry = |s: &Summary| SessionEntry {
        path: s.path.clone(),
        id: s.id.clone(),
        group_id: s.group_id.clone(),
        group_name: s.group_name.to_string(),
        trade: s.trade.to_string(),
        number: s.number,
        date: s.date,
        state: s.state,
        saved: s.saved,
        shadowed: s.shadowed,
        conflict: s.is_conflict_copy(),
    };
    // Each group's unfinished session with the highest number, in one pass: asking each
    // group for its sessions was quadratic (100 ms for 10,000 sessions in 1,300 groups).
    let mut in_progress: HashMap<&Id, &Summary> = HashMap::new();
    for s in listing.in_use() {
        if s.state != SessionState::InProgress {
            continue;
        }
        let e = in_progress.entry(&s.group_id).or_insert(s);
        if (s.number, s.date, s.saved) > (e.number, e.date, e.saved) {
            *e = s;
        }
    }
    let groups = listing
        .groups()
        .iter()
        .map(|g| {
            let open = in_progress.get(&g.latest.group_id).map(|s| entry(s));
            GroupEntry {
                id: g.latest.group_id.clone(),
                name: g.latest.group_name.to_string(),
                trade: g.latest.trade.to_string(),
                region: g.latest.region.name().to_string(),
                sessions: g.sessions,
                last: entry(g.latest),
                open,
            }
        })
        .collect();
    // Older copies of a session are listed too, marked: the newer one is the one used.
    // The last ones chosen first: a list of every session was 30 MB at 100,000.
    // Ties in listing order, as a stable sort of them all would leave them.
    let key = |&(i, s): &(usize, &Summary)| (std::cmp::Reverse(s.saved), i);
    let mut recent: Vec<(usize, &Summary)> = listing.sessions.iter().enumerate().collect();
    if recent.len() > RECENT {
        recent.select_nth_unstable_by_key(RECENT - 1, key);
        recent.truncate(RECENT);
    }
    recent.sort_unstable_by_key(key);
    (groups, recent.into_iter().map(|(_, s)| entry(s)).collect())
}
