//! What `atelier check` reports across a record and its group, and inside the group's life
//! as its latest session carries it: a visit or a diagnosis about someone who is not a
//! member of the group (former members count: leaving is an event, not a deletion), an
//! activity's participant who is not one, an activity linked to a project the group does not
//! have; a role held by an unknown member, an action, an idea or a planned activity linked to
//! an unknown project, a project member who is unknown. atelier copes with each (a name shows
//! as `#id`, a link leads nowhere), but they hint at a hand edit or a copy gone wrong.

use super::check::Warning;
use crate::i18n::{Strings, fill};
use crate::model::dated::Record;
use crate::model::{Group, Id, Session};
use std::collections::BTreeSet;

/// The links of a record to its group, as `latest` (the file of the group's latest session,
/// named in the sentences) carries the group.
pub fn record_links(
    record: &Record,
    group: &Group,
    latest: &str,
    strings: &Strings,
) -> Vec<Warning> {
    let t = &strings.store.check;
    let members: BTreeSet<&Id> = group.members.iter().map(|m| &m.id).collect();
    let mut out = Vec::new();
    let about = |member: &Id, written: &str, out: &mut Vec<Warning>| {
        if members.contains(member) {
            return;
        }
        let what = capitalized(super::record_check::kind_word(
            record.dated().kind(),
            strings,
        ));
        let name = if written.trim().is_empty() {
            format!("#{}", member.short())
        } else {
            written.to_string()
        };
        out.push(Warning {
            message: fill(
                t.record_member_unknown,
                &[&what, &name, member, &group.name, &latest],
            ),
            anchor: "member:".into(),
        });
    };
    match record {
        Record::Visit(v) => about(&v.member, &v.member_name, &mut out),
        Record::Diagnosis(d) => about(&d.member, &d.member_name, &mut out),
        Record::Activity(a) => {
            for id in a.participants.keys().filter(|id| !members.contains(id)) {
                out.push(Warning {
                    message: fill(t.participant_unknown, &[id, &group.name, &latest]),
                    anchor: format!("\"{id}\""),
                });
            }
            if let Some(p) = a
                .project
                .as_ref()
                .filter(|p| !group.projects.iter().any(|x| &x.id == *p))
            {
                out.push(Warning {
                    message: fill(t.activity_project_unknown, &[p, &group.name, &latest]),
                    anchor: "project:".into(),
                });
            }
        }
    }
    out
}

/// The links inside the group's life as `session` carries it (check it on the group's
/// latest session: an older one's were carried forward into it).
pub fn life_links(session: &Session, strings: &Strings) -> Vec<Warning> {
    let t = &strings.store.check;
    let g = &session.group;
    let members: BTreeSet<&Id> = g.members.iter().map(|m| &m.id).collect();
    let projects: BTreeSet<&Id> = g.projects.iter().map(|p| &p.id).collect();
    let mut out = Vec::new();
    let mut warn = |anchor: &Id, template: &str, args: &[&dyn std::fmt::Display]| {
        out.push(Warning {
            message: fill(template, args),
            anchor: format!("\"{anchor}\""),
        });
    };
    for term in g.roles.iter().filter(|r| !members.contains(&r.member)) {
        let role = term.role.label_for(strings.life, None);
        warn(&term.id, t.role_member_unknown, &[&role, &term.member]);
    }
    for p in &g.projects {
        for m in p.members.iter().filter(|m| !members.contains(m)) {
            warn(&p.id, t.project_member_unknown, &[&p.title, m]);
        }
    }
    let unknown = |p: &Option<Id>| p.as_ref().filter(|p| !projects.contains(p)).cloned();
    for a in &session.plan.actions {
        if let Some(p) = unknown(&a.project) {
            warn(&a.id, t.action_project_unknown, &[&a.what, &p]);
        }
    }
    for i in &session.solutions.ideas {
        if let Some(p) = unknown(&i.project) {
            warn(&i.id, t.idea_project_unknown, &[&i.text, &p]);
        }
    }
    for plan in &g.plans {
        for a in &plan.activities {
            if let Some(p) = unknown(&a.project) {
                warn(&a.id, t.planned_project_unknown, &[&a.what, &p]);
            }
        }
    }
    out
}

/// A sentence starts with it.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
