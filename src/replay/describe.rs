//! Each event in words, for the person watching a replay: "Carte ajoutée par Fatima :
//! « Le prix de la farine… »". What an event names by id (a card moved, a theme merged) is
//! read from the state just before it, when it still exists: [`context`].

use super::Context;
use crate::i18n::{Lang, fill};
use crate::method::Method;
use crate::model::{
    ActionStatus, Attendance, Author, Change, Event, Group, Id, IdeaKind, ItemList, Session,
    TextField, VoteMode,
};
use crate::timer::format_clock;

/// The texts an event refers to, from the state before it.
pub fn context(before: &Session, change: &Change) -> Context {
    let card = |id: &Id| find(&before.needs.cards, id, |c| (&c.id, &c.text));
    let theme = |id: &Id| find(&before.needs.themes, id, |t| (&t.id, &t.title));
    let cause = |id: &Id| find(&before.problem.causes, id, |c| (&c.id, &c.text));
    let idea = |id: &Id| find(&before.solutions.ideas, id, |i| (&i.id, &i.text));
    let opt = |id: &Option<Id>, f: &dyn Fn(&Id) -> String| id.as_ref().map(f).unwrap_or_default();
    let (subject, target) = match change {
        Change::ItemEdited { list, id, .. } | Change::ItemDeleted { list, id } => (
            find(before.items(*list), id, |i| (&i.id, &i.text)),
            String::new(),
        ),
        Change::ReviewStatusSet { action, .. } | Change::ReviewCommented { action, .. } => (
            find(&before.followup.reviews, action, |r| {
                (&r.action.id, &r.action.what)
            }),
            String::new(),
        ),
        Change::CardEdited { id, .. }
        | Change::CardAuthorSet { id, .. }
        | Change::CardDeleted { id } => (card(id), String::new()),
        Change::CardMoved { id, theme: to } => (card(id), opt(to, &theme)),
        Change::ThemeRenamed { id, .. }
        | Change::ThemeCategorySet { id, .. }
        | Change::ThemeDeleted { id } => (theme(id), String::new()),
        Change::ThemesMerged { from, into } => (theme(from), theme(into)),
        Change::DotsSet { theme: id, .. } | Change::TallySet { theme: id, .. } => {
            (theme(id), String::new())
        }
        // The priority is a card or a theme.
        Change::PrioritySet { id: Some(id) } => {
            let c = card(id);
            (if c.is_empty() { theme(id) } else { c }, String::new())
        }
        Change::BacklogDropped { item } => (
            find(&before.needs.backlog, item, |b| (&b.id, &b.title)),
            String::new(),
        ),
        Change::CauseAdded { cause: c } => (c.text.clone(), opt(&c.parent, &cause)),
        Change::CauseEdited { id, .. }
        | Change::CauseCategorySet { id, .. }
        | Change::CauseRootSet { id, .. }
        | Change::CauseDeleted { id } => (cause(id), String::new()),
        Change::CauseMoved { id, parent } => (cause(id), opt(parent, &cause)),
        Change::IdeaEdited { id, .. }
        | Change::IdeaProposerSet { id, .. }
        | Change::IdeaKindSet { id, .. }
        | Change::IdeaRated { id, .. }
        | Change::IdeaChosen { id, .. }
        | Change::IdeaDeleted { id } => (idea(id), String::new()),
        Change::IdeaCauseSet { id, cause: c } => (idea(id), opt(c, &cause)),
        Change::ActionDeleted { id } => (
            find(&before.plan.actions, id, |a| (&a.id, &a.what)),
            String::new(),
        ),
        Change::ActionProjectSet { id, project } => (
            find(&before.plan.actions, id, |a| (&a.id, &a.what)),
            opt(project, &|p| super::life::project_title(before, p)),
        ),
        Change::IdeaProjectSet { id, project } => (
            idea(id),
            opt(project, &|p| super::life::project_title(before, p)),
        ),
        Change::Group(g) => return super::life::context(before, g),
        _ => (String::new(), String::new()),
    };
    Context { subject, target }
}

fn find<T>(items: &[T], id: &Id, key: impl Fn(&T) -> (&Id, &String)) -> String {
    items
        .iter()
        .map(key)
        .find(|(i, _)| *i == id)
        .map(|(_, t)| t.clone())
        .unwrap_or_default()
}

/// One event in words, in `lang`. `group` names the members (the saved group: it has every
/// member the history mentions), `method` the phases and categories.
pub fn describe(
    event: &Event,
    ctx: &Context,
    group: &Group,
    method: &Method,
    lang: Lang,
) -> String {
    let s = lang.strings();
    let r = s.replay;
    let name = |id: &Id| group.member_name(id);
    let author = |a: &Author| match a {
        Author::Member(id) => Some(name(id)),
        // Inside a sentence ("by the whole group"), not the picker's label ("Whole group").
        Author::WholeGroup => Some(s.store.show.whole_group.to_string()),
        Author::Anonymous => None,
    };
    let phase = |i: usize| {
        method
            .phases
            .get(i)
            .map_or_else(|| (i + 1).to_string(), |p| p.title.get(lang).to_string())
    };
    let subject = ctx.subject.as_str();
    let target = ctx.target.as_str();
    let rating = |v: &Option<u8>| v.map_or_else(|| r.unrated.to_string(), |v| v.to_string());
    if let Some(misfit) = event.change.misfit(method.phases.len()) {
        return fill(r.not_applied, &[&crate::store::misfit_reason(&misfit, s)]);
    }
    match &event.change {
        Change::PhaseEntered { phase: i } => fill(r.phase_entered, &[&(i + 1), &phase(*i)]),
        Change::TimerStarted { phase: i } => fill(r.timer_started, &[&phase(*i)]),
        Change::TimerPaused {
            phase: i,
            elapsed_secs,
        } => fill(
            r.timer_paused,
            &[&phase(*i), &format_clock(i64::from(*elapsed_secs))],
        ),
        Change::PlannedChanged {
            phase: i,
            planned_secs,
        } => fill(r.planned_changed, &[&phase(*i), &(planned_secs / 60)]),
        Change::TextSet { field, text } => {
            let label = match field {
                TextField::Objective => r.field_objective,
                TextField::Remarks => r.field_remarks,
                TextField::ProblemStatement => r.field_statement,
                TextField::ClosingComments => r.field_comments,
                TextField::NextPlace => r.field_next_place,
                TextField::NextTopic => r.field_next_topic,
                // Never shown: replay is for showing a class.
                TextField::PrivateNotes => return r.private_notes_set.to_string(),
            };
            fill(r.text_set, &[&label, text])
        }
        Change::ItemAdded { list, item } => {
            let t = match list {
                ItemList::Guests => r.guest_added,
                ItemList::Effects => r.effect_added,
            };
            fill(t, &[&item.text])
        }
        Change::ItemEdited { list, text, .. } => {
            let t = match list {
                ItemList::Guests => r.guest_edited,
                ItemList::Effects => r.effect_edited,
            };
            fill(t, &[text])
        }
        Change::ItemDeleted { list, .. } => {
            let t = match list {
                ItemList::Guests => r.guest_deleted,
                ItemList::Effects => r.effect_deleted,
            };
            fill(t, &[&subject])
        }
        Change::AttendanceSet { member, attendance } => {
            let a = match attendance {
                Attendance::Present => s.present,
                Attendance::Excused => s.excused,
                Attendance::Absent => s.absent,
            };
            fill(r.attendance, &[&name(member), &a])
        }
        Change::MemberAdded { member } => fill(r.member_added, &[&member.name]),
        Change::MemberEdited { member } => fill(r.member_edited, &[&member.name]),
        Change::ReviewStatusSet { status, .. } => {
            let st = match status {
                None => s.status_unreviewed,
                Some(ActionStatus::Done) => s.status_done,
                Some(ActionStatus::InProgress) => s.status_in_progress,
                Some(ActionStatus::Blocked) => s.status_blocked,
                Some(ActionStatus::Dropped) => s.status_dropped,
            };
            fill(r.review_status, &[&subject, &st])
        }
        Change::ReviewCommented { comment, .. } => fill(r.review_comment, &[&subject, comment]),
        Change::CardAdded { card } => match author(&card.author) {
            Some(who) => fill(r.card_added, &[&who, &card.text]),
            None => fill(r.card_added_anonymous, &[&card.text]),
        },
        Change::CardEdited { text, .. } => fill(r.card_edited, &[text]),
        Change::CardAuthorSet { author: a, .. } => {
            let who = author(a).unwrap_or_else(|| s.author_anonymous.to_string());
            fill(r.card_author, &[&subject, &who])
        }
        Change::CardDeleted { .. } => fill(r.card_deleted, &[&subject]),
        Change::CardMoved { theme: Some(_), .. } => fill(r.card_moved, &[&subject, &target]),
        Change::CardMoved { theme: None, .. } => fill(r.card_taken_out, &[&subject]),
        Change::ThemeAdded { theme } => fill(r.theme_added, &[&theme.title]),
        Change::ThemeRenamed { title, .. } => fill(r.theme_renamed, &[&subject, title]),
        Change::ThemeCategorySet { category, .. } => match category {
            Some(c) => {
                let label = method
                    .need_category(c)
                    .map_or(c.as_str(), |c| c.label.get(lang));
                fill(r.theme_category, &[&subject, &label])
            }
            None => fill(r.theme_no_category, &[&subject]),
        },
        Change::ThemesMerged { .. } => fill(r.themes_merged, &[&subject, &target]),
        Change::ThemeDeleted { .. } => fill(r.theme_deleted, &[&subject]),
        Change::DotBudgetSet { budget } => r.budget_set.n(*budget as usize),
        Change::VoteModeSet { mode } => match mode {
            VoteMode::Dots => r.vote_dots.to_string(),
            VoteMode::ShowOfHands => r.vote_hands.to_string(),
        },
        Change::DotsSet { member, dots, .. } => match dots {
            0 => fill(r.dots_none, &[&name(member), &subject]),
            n => r.dots.fill(*n as usize, &[n, &name(member), &subject]),
        },
        Change::TallySet { count, .. } => r.tally_set.fill(*count as usize, &[&subject, count]),
        Change::PrioritySet { id: Some(_) } => fill(r.priority_set, &[&subject]),
        Change::PrioritySet { id: None } => r.priority_none.to_string(),
        Change::BacklogTakenUp { theme, .. } => fill(r.backlog_taken_up, &[&theme.title]),
        Change::BacklogDropped { .. } => fill(r.backlog_dropped, &[&subject]),
        Change::CauseAdded { cause } => match cause.parent {
            Some(_) => fill(r.cause_added, &[&cause.text, &target]),
            None => fill(r.cause_added_top, &[&cause.text]),
        },
        Change::CauseEdited { text, .. } => fill(r.cause_edited, &[text]),
        Change::CauseMoved {
            parent: Some(_), ..
        } => fill(r.cause_moved, &[&subject, &target]),
        Change::CauseMoved { parent: None, .. } => fill(r.cause_moved_top, &[&subject]),
        Change::CauseCategorySet { category, .. } => match category {
            Some(c) => {
                let label = method
                    .cause_category(c)
                    .map_or(c.as_str(), |c| c.label.get(lang));
                fill(r.cause_category, &[&subject, &label])
            }
            None => fill(r.cause_no_category, &[&subject]),
        },
        Change::CauseRootSet { root: true, .. } => fill(r.cause_root, &[&subject]),
        Change::CauseRootSet { root: false, .. } => fill(r.cause_not_root, &[&subject]),
        Change::CauseDeleted { .. } => fill(r.cause_deleted, &[&subject]),
        Change::ConcernedSet { member, concerned } => {
            let t = if *concerned {
                r.concerned
            } else {
                r.not_concerned
            };
            fill(t, &[&name(member)])
        }
        Change::IdeaAdded { idea } => match author(&idea.proposer) {
            Some(who) => fill(r.idea_added, &[&who, &idea.text]),
            None => fill(r.idea_added_anonymous, &[&idea.text]),
        },
        Change::IdeaEdited { text, .. } => fill(r.idea_edited, &[text]),
        Change::IdeaProposerSet { proposer, .. } => {
            let who = author(proposer).unwrap_or_else(|| s.author_anonymous.to_string());
            fill(r.idea_proposer, &[&subject, &who])
        }
        Change::IdeaCauseSet { cause: Some(_), .. } => fill(r.idea_cause, &[&subject, &target]),
        Change::IdeaCauseSet { cause: None, .. } => fill(r.idea_no_cause, &[&subject]),
        Change::IdeaKindSet { kind, .. } => {
            fill(r.idea_kind, &[&subject, &IdeaKind::label(*kind, s)])
        }
        Change::IdeaRated { impact, effort, .. } => {
            fill(r.idea_rated, &[&subject, &rating(impact), &rating(effort)])
        }
        Change::IdeaChosen { chosen: true, .. } => fill(r.idea_chosen, &[&subject]),
        Change::IdeaChosen { chosen: false, .. } => fill(r.idea_unchosen, &[&subject]),
        Change::IdeaDeleted { .. } => fill(r.idea_deleted, &[&subject]),
        Change::ActionAdded { action } => fill(r.action_added, &[&action.what]),
        Change::ActionEdited { action } => fill(r.action_edited, &[&action.what]),
        Change::ActionDeleted { .. } => fill(r.action_deleted, &[&subject]),
        Change::CommitmentSet { member, text } if text.is_empty() => {
            fill(r.commitment_removed, &[&name(member)])
        }
        Change::CommitmentSet { member, text } => fill(r.commitment_set, &[&name(member), text]),
        Change::UsefulnessSet {
            member,
            score: Some(n),
        } => fill(r.usefulness_set, &[&name(member), n]),
        Change::UsefulnessSet {
            member,
            score: None,
        } => fill(r.usefulness_removed, &[&name(member)]),
        Change::NextDateSet { date: Some(d) } => fill(r.next_date_set, &[&crate::dates::show(*d)]),
        Change::NextDateSet { date: None } => r.next_date_removed.to_string(),
        Change::SessionClosed => r.closed.to_string(),
        Change::SessionReopened => r.reopened.to_string(),
        Change::Group(g) => super::life::describe(g, ctx, group, s),
        Change::ActionProjectSet {
            project: Some(_), ..
        }
        | Change::IdeaProjectSet {
            project: Some(_), ..
        } => fill(s.life.replay_linked, &[&subject, &target]),
        Change::ActionProjectSet { project: None, .. }
        | Change::IdeaProjectSet { project: None, .. } => fill(s.life.replay_unlinked, &[&subject]),
    }
}
