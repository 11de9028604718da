//! The home screen's lists, made from a listing of the sessions folder.

use super::{GroupEntry, Home, ReviewRow, SessionEntry, Unreadable};
use crate::i18n::Lang;
use crate::store::{Listing, Summary};
use std::sync::Arc;

impl Home {
    /// The first screenful from the folder's index (see `store::index::FirstScreen`): its
    /// groups with their sessions counted in the whole folder, no review rows yet.
    pub fn first_screen(first: &crate::store::index::FirstScreen, lang: Lang) -> Home {
        let mut home = Home::from_listing(&first.listing, lang);
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

    pub fn from_listing(listing: &Listing, lang: Lang) -> Home {
        let strings = lang.strings();
        let entry = |s: &Summary| SessionEntry {
            path: s.path.clone(),
            id: s.id.clone(),
            group_id: s.group_id.clone(),
            group_name: s.group_name.clone(),
            trade: s.trade.clone(),
            number: s.number,
            date: s.date,
            state: s.state,
            saved: s.saved,
            shadowed: s.shadowed,
            conflict: s.is_conflict_copy(),
        };
        // Each group's unfinished session with the highest number, in one pass: asking each
        // group for its sessions was quadratic (100 ms for 10,000 sessions in 1,300 groups).
        let mut in_progress: std::collections::HashMap<&crate::model::Id, &Summary> =
            std::collections::HashMap::new();
        for s in listing.in_use() {
            if s.state != crate::model::SessionState::InProgress {
                continue;
            }
            let e = in_progress.entry(&s.group_id).or_insert(s);
            if (s.number, s.date, s.saved) > (e.number, e.date, e.saved) {
                *e = s;
            }
        }
        let latest = listing.groups();
        let groups = latest
            .iter()
            .map(|g| {
                let open = in_progress.get(&g.latest.group_id).map(|s| entry(s));
                GroupEntry {
                    id: g.latest.group_id.clone(),
                    name: g.latest.group_name.clone(),
                    trade: g.latest.trade.clone(),
                    region: g.latest.region.name().to_string(),
                    sessions: g.sessions,
                    last: entry(g.latest),
                    open,
                }
            })
            .collect();
        // Older copies of a session are listed too, marked: the newer one is the one used.
        let mut recent: Vec<SessionEntry> = listing.sessions.iter().map(entry).collect();
        recent.sort_by_key(|e| std::cmp::Reverse(e.saved));
        recent.truncate(50);
        let unreadable = listing
            .unreadable
            .iter()
            .map(|(path, e)| Unreadable {
                path: path.clone(),
                // A broken visit or activity is said as one, not as a broken session.
                reason: crate::store::broken::located(path, e, strings),
            })
            .collect();
        let mut rows: Vec<ReviewRow> = listing
            .sessions
            .iter()
            .map(|s| ReviewRow::from_summary(s, strings))
            .collect();
        // The visits and activities among them, each with its group's latest session (for
        // the trade, region and advisor the filter finds): from the listing, no file read.
        let by_group: std::collections::HashMap<&crate::model::Id, &Summary> = latest
            .iter()
            .map(|g| (&g.latest.group_id, g.latest))
            .collect();
        let method = crate::method::Method::builtin();
        rows.extend(listing.records.iter().filter_map(|r| {
            let group = by_group.get(&r.group_id).copied();
            ReviewRow::from_record(r, group, lang, &method)
        }));
        Home {
            groups,
            rows: Arc::new(rows),
            recent,
            unreadable,
            ..Home::default()
        }
    }
}
