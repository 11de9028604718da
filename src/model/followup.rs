//! What a group's next session follows up: every action decided in any earlier session that
//! is not yet done or dropped, and the themes the group raised but did not choose yet. Pure:
//! it reads sessions, the caller loads them.

use super::{ActionStatus, BacklogItem, Id, Review, Session};

/// The open actions of a group's earlier sessions, as reviews for its next session: each
/// with its latest reviewed status in `previous`, ordered by the number of the session that
/// decided it, then by its place in that session's plan. Sessions may be given in any order.
///
/// An action whose own session is missing (a file lost or unreadable) is still carried, from
/// the copy a later review kept of it: an action leaves the list only when marked done or
/// dropped.
pub fn open_reviews(earlier: &[Session]) -> Vec<Review> {
    let mut sessions: Vec<&Session> = earlier.iter().collect();
    crate::sort::by_key(&mut sessions, |s| (s.number, s.date));

    // In the order first met, which the final stable sort keeps within one origin session.
    let mut open: Vec<Review> = Vec::new();
    let position = |open: &[Review], id: &Id| open.iter().position(|r| &r.action.id == id);
    for s in sessions {
        // This session's reviews are of actions decided before it, so they come first.
        for review in &s.followup.reviews {
            let i = match position(&open, &review.action.id) {
                Some(i) => i,
                None => {
                    open.push(Review {
                        previous: review.previous,
                        ..fresh(
                            review.action.clone(),
                            &review.from_session,
                            review.from_number,
                        )
                    });
                    open.len() - 1
                }
            };
            if let Some(status) = review.status {
                open[i].previous = Some(status);
            }
        }
        for action in &s.plan.actions {
            match position(&open, &action.id) {
                // Already carried (a session listed twice): keep the first copy.
                Some(_) => {}
                None => open.push(fresh(action.clone(), &s.id, s.number)),
            }
        }
    }
    open.retain(|r| !r.previous.is_some_and(ActionStatus::is_closed));
    crate::sort::by_key(&mut open, |r| r.from_number);
    open
}

fn fresh(action: crate::model::Action, from: &Id, number: u32) -> Review {
    Review {
        action,
        from_session: from.clone(),
        from_number: number,
        previous: None,
        status: None,
        comment: String::new(),
    }
}

/// The group's backlog for its next session: the themes of its latest session that had
/// themes (or a backlog) other than the one chosen as priority, most voted first, then what
/// that session left of its own backlog. Sessions may be given in any order.
///
/// Only the latest such session counts: its backlog already carries the older items it did
/// not take up, and an item it dropped must not come back from an older file.
pub fn backlog(earlier: &[Session]) -> Vec<BacklogItem> {
    let mut sessions: Vec<&Session> = earlier.iter().collect();
    crate::sort::by_key(&mut sessions, |s| (s.number, s.date));
    let Some(s) = sessions
        .into_iter()
        .rev()
        .find(|s| !s.needs.themes.is_empty() || !s.needs.backlog.is_empty())
    else {
        return Vec::new();
    };
    let n = &s.needs;
    // A card chosen as the priority chooses the theme it is in.
    let chosen = n.priority.as_ref().map(|p| {
        n.cards
            .iter()
            .find(|c| &c.id == p)
            .and_then(|c| c.theme.as_ref())
            .unwrap_or(p)
    });
    let mut out: Vec<BacklogItem> = n
        .ranking()
        .into_iter()
        .filter(|(id, _)| Some(id) != chosen)
        .filter_map(|(id, votes)| {
            let t = n.themes.iter().find(|t| t.id == id)?;
            Some(BacklogItem {
                id,
                title: t.title.clone(),
                category: t.category.clone(),
                votes,
                from_session: s.id.clone(),
                from_number: s.number,
            })
        })
        .collect();
    for item in &n.backlog {
        if !out.iter().any(|o| o.id == item.id) {
            out.push(item.clone());
        }
    }
    out
}
