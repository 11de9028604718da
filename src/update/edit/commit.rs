//! Validating the open editor: what its text becomes as a `Change` of the session (a new
//! card, cause, idea, theme or list item; an edit; a text field, the next date, a comment),
//! and which change deletes an item.
//!
//! Separate from `editor.rs` because this is the mapping from a target and its text to the
//! session's history, not the handling of keys in a field; the deletion confirmation
//! (`confirm.rs`) uses the same mapping.

use crate::dates;
use crate::model::{Author, Card, Cause, Change, Id, Idea, Item};
use crate::ui::{Editor, Model, Pane, Target};
use crate::update::Effect;
use crate::update::journal::touched;
use crate::update::open::{item_list, item_text};

/// Validates the open editor: its text becomes part of the session.
pub(super) fn commit(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    let strings = model.strings();
    let mut ids = model.ids.clone();
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let Some(ed) = s.editor.clone() else {
        return Vec::new();
    };
    if matches!(ed.target, Target::Budget | Target::Tally(_)) {
        return crate::update::needs::commit_number(model);
    }
    let text = ed.text().trim().to_string();
    let key = ed.target.draft_key();
    let mut keep_open = false;
    let change: Option<Change> = match &ed.target {
        Target::Text(field) => (text != s.session.text(*field)).then(|| Change::TextSet {
            field: *field,
            text: text.clone(),
        }),
        Target::NextDate => match dates::parse(&text, s.session.date) {
            Ok(date) => {
                (date != s.session.closing.next.date).then_some(Change::NextDateSet { date })
            }
            Err(_) => {
                if let Some(e) = &mut s.editor {
                    e.error = Some(strings.field_bad_date.to_string());
                }
                return Vec::new();
            }
        },
        Target::New(pane) => {
            if text.is_empty() {
                None
            } else {
                keep_open = true;
                let id = ids.next_id();
                new_item(*pane, id, text.clone(), ed.author.clone(), now)
            }
        }
        Target::SubCause(parent) => (!text.is_empty()).then(|| Change::CauseAdded {
            cause: Cause {
                id: ids.next_id(),
                text: text.clone(),
                parent: Some(parent.clone()),
                category: None,
                root: false,
                created: now,
            },
        }),
        Target::Item(pane, id) => {
            if text.is_empty() {
                if let Some(e) = &mut s.editor {
                    e.error = Some(strings.field_empty_use_delete.to_string());
                }
                return Vec::new();
            }
            let (old, old_author) = item_text(s, *pane, id);
            if *pane == Pane::Cards && old_author != ed.author {
                s.session.record(
                    now,
                    Change::CardAuthorSet {
                        id: id.clone(),
                        author: ed.author.clone(),
                    },
                );
            }
            if *pane == Pane::Ideas && old_author != ed.author {
                s.session.record(
                    now,
                    Change::IdeaProposerSet {
                        id: id.clone(),
                        proposer: ed.author.clone(),
                    },
                );
            }
            (old != text).then(|| edit_change(&s.session, *pane, id.clone(), text.clone()))
        }
        Target::ReviewComment(id) => Some(Change::ReviewCommented {
            action: id.clone(),
            comment: text.clone(),
        }),
        // The comment goes with the status the activity has, as the review records both.
        Target::PlanComment(id) => s.session.planned_activity(id).map(|a| {
            Change::Group(crate::model::life::GroupChange::PlannedActivityReviewed {
                id: id.clone(),
                status: a.status,
                comment: text.clone(),
            })
        }),
        Target::Commitment(id) => Some(Change::CommitmentSet {
            member: id.clone(),
            text: text.clone(),
        }),
        // Numbers of the vote: checked and recorded by the needs technique (below).
        Target::Budget | Target::Tally(_) => None,
    };
    model.ids = ids;
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    crate::ui::drafts::remove(&mut s.session.drafts, &key);
    // A new sub-cause gets the selection, so the next "why?" goes one level deeper.
    let new_sub_cause = match &change {
        Some(Change::CauseAdded { cause }) if cause.parent.is_some() => Some(cause.id.clone()),
        _ => None,
    };
    // A new theme gets the selection: on the board it is not the last row.
    let new_theme = match &change {
        Some(Change::ThemeAdded { theme }) => Some(theme.id.clone()),
        _ => None,
    };
    if let Some(change) = change {
        s.session.record(now, change);
    }
    if let Some(id) = new_sub_cause {
        crate::update::problem::reveal(s, &id);
    }
    touched(s, now);
    if let Target::New(pane @ (Pane::Cards | Pane::Ideas)) = ed.target {
        s.last_author.insert(pane, ed.author.clone());
    }
    if keep_open {
        // Ready for the next card: the list grows, the field empties.
        let pane = ed.target.pane();
        let rows = s.rows(pane);
        let row = new_theme
            .and_then(|id| rows.iter().position(|r| *r == id))
            .unwrap_or(rows.len().saturating_sub(1));
        s.selected.insert(pane, row);
        let mut next = Editor::new(ed.target.clone(), "", "", ed.author.clone());
        next.author = ed.author;
        s.editor = Some(next);
    } else {
        s.editor = None;
    }
    Vec::new()
}

fn new_item(
    pane: Pane,
    id: Id,
    text: String,
    author: Author,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Change> {
    Some(match pane {
        Pane::Cards => Change::CardAdded {
            card: Card {
                id,
                text,
                author,
                theme: None,
                created: now,
            },
        },
        Pane::Causes => Change::CauseAdded {
            cause: Cause {
                id,
                text,
                parent: None,
                category: None,
                root: false,
                created: now,
            },
        },
        Pane::Ideas => Change::IdeaAdded {
            idea: Idea {
                id,
                text,
                proposer: author,
                cause: None,
                kind: None,
                impact: None,
                effort: None,
                chosen: false,
                project: None,
                created: now,
            },
        },
        Pane::Themes => Change::ThemeAdded {
            theme: crate::model::Theme {
                id,
                title: text,
                category: None,
                created: now,
            },
        },
        Pane::Guests | Pane::Effects => Change::ItemAdded {
            list: item_list(pane),
            item: Item {
                id,
                text,
                created: now,
            },
        },
        _ => return None,
    })
}

fn is_theme(ses: &crate::model::Session, id: &Id) -> bool {
    ses.needs.themes.iter().any(|t| &t.id == id)
}

fn edit_change(ses: &crate::model::Session, pane: Pane, id: Id, text: String) -> Change {
    match pane {
        Pane::Themes | Pane::Votes if is_theme(ses, &id) => {
            Change::ThemeRenamed { id, title: text }
        }
        Pane::Cards | Pane::Themes => Change::CardEdited { id, text },
        Pane::Causes => Change::CauseEdited { id, text },
        Pane::Ideas => Change::IdeaEdited { id, text },
        p => Change::ItemEdited {
            list: item_list(p),
            id,
            text,
        },
    }
}

pub(super) fn delete_change(ses: &crate::model::Session, pane: Pane, id: Id) -> Option<Change> {
    Some(match pane {
        Pane::Themes if is_theme(ses, &id) => Change::ThemeDeleted { id },
        Pane::Themes if ses.needs.backlog.iter().any(|b| b.id == id) => {
            Change::BacklogDropped { item: id }
        }
        Pane::Cards | Pane::Themes => Change::CardDeleted { id },
        Pane::Causes => Change::CauseDeleted { id },
        Pane::Ideas => Change::IdeaDeleted { id },
        Pane::Actions => Change::ActionDeleted { id },
        Pane::Guests | Pane::Effects => Change::ItemDeleted {
            list: item_list(pane),
            id,
        },
        _ => return None,
    })
}
