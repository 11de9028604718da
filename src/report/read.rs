//! Reading a folder for the report: every file is loaded, reduced to the few facts the report
//! counts ([`Facts`]) and dropped, on as many threads as the machine has cores. No session
//! file is ever written (the facts are kept in the folder's report cache, see `cache.rs`).
//!
//! Most of a session file is its history and its method, which the report does not count.
//! A file is first read the light way (`light.rs`): the top-level fields the report does not need are
//! skipped by matching brackets (strings and comments respected) and the rest is parsed into
//! small types that ignore what they do not name. Anything unusual (a parse error, a newer
//! version, RON extensions) sends the file down the ordinary path, [`crate::store::parse_raw`], which
//! either reads it or says it is unreadable, as `atelier check` would. A file broken only
//! inside a part the report skips is counted: `atelier check` still names it.

use crate::model::life::{Gender, LeaveReason, ProjectStatus};
use crate::model::{
    ActionStatus, Attendance, Id, IdeaKind, LegalStatus, Region, Session, SessionState,
};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What the report needs to know about one session: no names, no free text but theme titles,
/// and those with names and phones masked.
/// Kept in the folder's report cache (see `cache.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub id: Id,
    pub saved: chrono::DateTime<chrono::Utc>,
    pub group: Id,
    /// The group's name, host and advisor at this session, with phone numbers masked: the
    /// row labels of `--by group`, `--by host` and `--by advisor`.
    pub group_name: String,
    pub host: String,
    pub advisor: String,
    pub number: u32,
    pub date: NaiveDate,
    pub closed: bool,
    /// The group's trade as typed, and its region, at this session.
    pub trade: String,
    pub region: Region,
    /// Every member of the group's list, those who left included.
    pub members: Vec<MemberFacts>,
    pub attendance: Vec<(Id, Attendance)>,
    /// Actions of earlier sessions reviewed here, with the status given (if any).
    pub reviews: Vec<(Id, Option<ActionStatus>)>,
    /// The themes of the need phase: title (names and phones masked) and need category.
    pub themes: Vec<(String, Option<String>)>,
    /// The actions decided here.
    pub actions: Vec<ActionFacts>,
    /// The usefulness scores (1 to 5) given by members present.
    pub usefulness: Vec<u8>,
    /// The status of each of the group's joint projects at this session.
    pub projects: Vec<ProjectStatus>,
}

/// What the report counts of a member: no name, no phone, no free text.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberFacts {
    pub id: Id,
    pub joined: Option<NaiveDate>,
    pub left: Option<NaiveDate>,
    pub reason: Option<Leaving>,
    pub gender: Option<Gender>,
    pub status: Option<LegalStatus>,
}

impl MemberFacts {
    /// Still in the group (the rule of active members: no date of leaving).
    pub fn stays(&self) -> bool {
        self.left.is_none()
    }
}

/// Why a member left, without the words of "other".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Leaving {
    Moved,
    Stopped,
    Excluded,
    Other,
}

impl Leaving {
    pub(super) fn of(r: &LeaveReason) -> Leaving {
        match r {
            LeaveReason::Moved => Leaving::Moved,
            LeaveReason::Stopped => Leaving::Stopped,
            LeaveReason::Excluded => Leaving::Excluded,
            LeaveReason::Other(_) => Leaving::Other,
        }
    }
}

/// An action decided at a session: its due date and the type of the idea it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionFacts {
    pub id: Id,
    pub due: Option<NaiveDate>,
    pub kind: Option<IdeaKind>,
}

/// The actions of a plan with the type of their idea, looked up among the session's ideas.
pub(super) fn actions_of<'a>(
    actions: impl Iterator<Item = (&'a Id, Option<NaiveDate>, Option<&'a Id>)>,
    ideas: &[(&Id, Option<IdeaKind>)],
) -> Vec<ActionFacts> {
    actions
        .map(|(id, due, idea)| ActionFacts {
            id: id.clone(),
            due,
            kind: idea.and_then(|i| ideas.iter().find(|(x, _)| *x == i)?.1),
        })
        .collect()
}

/// The scores of members present, kept when they are 1 to 5.
pub(super) fn scores<'a>(
    usefulness: impl Iterator<Item = (&'a Id, &'a u8)>,
    attendance: &BTreeMap<Id, Attendance>,
) -> Vec<u8> {
    usefulness
        .filter(|(m, n)| {
            (1..=5).contains(*n) && attendance.get(*m).is_none_or(|a| *a == Attendance::Present)
        })
        .map(|(_, n)| *n)
        .collect()
}

impl Facts {
    pub fn of(s: &Session) -> Facts {
        Facts {
            id: s.id.clone(),
            saved: s.saved,
            group: s.group.id.clone(),
            group_name: label(&s.group.name, s.lang),
            host: label(&s.group.host, s.lang),
            advisor: label(&s.group.advisor, s.lang),
            number: s.number,
            date: s.date,
            closed: s.state == SessionState::Closed,
            trade: s.group.trade.clone(),
            region: s.group.region.clone(),
            members: s
                .group
                .members
                .iter()
                .map(|m| MemberFacts {
                    id: m.id.clone(),
                    joined: m.joined,
                    left: m.left,
                    reason: m.left_reason.as_ref().map(Leaving::of),
                    gender: m.gender,
                    status: m.legal_status,
                })
                .collect(),
            attendance: s
                .checkin
                .attendance
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            reviews: s
                .followup
                .reviews
                .iter()
                .map(|r| (r.action.id.clone(), r.status))
                .collect(),
            themes: masked_themes(
                s.needs.themes.iter().map(|t| (&t.title, &t.category)),
                crate::export::people(
                    s.group
                        .members
                        .iter()
                        .map(|m| (m.name.as_str(), m.business.as_str())),
                    &s.group.advisor,
                    s.checkin.guests.iter().map(|g| g.text.as_str()),
                    s.lang,
                ),
                s.lang,
            ),
            actions: actions_of(
                s.plan
                    .actions
                    .iter()
                    .map(|a| (&a.id, a.due, a.idea.as_ref())),
                &s.solutions
                    .ideas
                    .iter()
                    .map(|i| (&i.id, i.kind))
                    .collect::<Vec<_>>(),
            ),
            usefulness: scores(s.closing.usefulness.iter(), &s.checkin.attendance),
            projects: s.group.projects.iter().map(|p| p.status).collect(),
        }
    }
}

/// A row label (a group's name, a host, an advisor): trimmed, phone numbers masked.
pub(super) fn label(text: &str, lang: crate::i18n::Lang) -> String {
    crate::privacy::mask_phones(text.trim(), lang.strings().export.phone_hidden)
}

/// Theme titles as the report may print them: the names of the group's people replaced as
/// `--anonymize` does, phone numbers masked (in the session's language, the titles' own).
pub(super) fn masked_themes<'a>(
    themes: impl Iterator<Item = (&'a String, &'a Option<String>)>,
    people: crate::privacy::Pseudonyms,
    lang: crate::i18n::Lang,
) -> Vec<(String, Option<String>)> {
    let names = people.replacer();
    let hidden = lang.strings().export.phone_hidden;
    themes
        .map(|(title, category)| {
            let mut title = crate::privacy::mask_phones(title, hidden);
            names.replace(&mut title);
            (title, category.clone())
        })
        .collect()
}
