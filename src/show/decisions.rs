//! What the group decided about itself at this session (issue 13): members who left, roles
//! elected, rules adopted, amended or withdrawn, a work plan agreed, a joint project started.
//! Read from the group as the session leaves it — each record names the session that
//! decided it — not from the history, so the minutes (which drop the history) have them too.

use super::{Doc, LineKind};
use crate::i18n::fill;
use crate::model::Id;

impl Doc<'_> {
    pub(super) fn decisions(&mut self) {
        let s = self.s;
        let g = &s.group;
        let strings = self.lang.strings();
        let t = strings.life;
        let here = |x: &Option<Id>| x.as_ref() == Some(&s.id);
        let mut lines = Vec::new();
        // Who left at this session: on its day, or on an earlier one it recorded (still a
        // member in the group it started from).
        let member_before = |id| s.start.as_ref().and_then(|st| st.group.member(id));
        for m in &g.members {
            let recorded_here = member_before(&m.id).is_some_and(|b| b.left.is_none());
            let Some(left) = m.left.filter(|d| *d == s.date || recorded_here) else {
                continue;
            };
            let reason = m
                .left_reason
                .as_ref()
                .map_or_else(|| t.left_other.to_string(), |r| r.label(t));
            lines.push(match left == s.date {
                true => fill(t.replay_member_left, &[&m.name, &reason]),
                false => fill(
                    t.replay_member_left_on,
                    &[&m.name, &crate::dates::show(left), &reason],
                ),
            });
        }
        for r in g.roles.iter().filter(|r| here(&r.session)) {
            let gender = g.member(&r.member).and_then(|m| m.gender);
            let role = r.role.label_for(t, gender);
            lines.push(fill(
                t.replay_role_assigned,
                &[&g.member_name(&r.member), &role],
            ));
        }
        for rule in &g.rules {
            for (i, v) in rule.versions.iter().enumerate() {
                if here(&v.session) {
                    let sentence = if i == 0 {
                        t.replay_rule_adopted
                    } else {
                        t.replay_rule_amended
                    };
                    let mut text = v.text.clone();
                    if let Some(a) = v.attendance {
                        text.push_str(&format!(" ({})", a.label(t)));
                    }
                    lines.push(fill(sentence, &[&text]));
                }
            }
            if rule.withdrawn == Some(s.date) {
                lines.push(fill(t.replay_rule_withdrawn, &[&rule.current().text]));
            }
        }
        for p in g.plans.iter().filter(|p| here(&p.session)) {
            lines.push(fill(t.replay_plan_agreed, &[&p.year]));
        }
        for p in g.projects.iter().filter(|p| here(&p.session)) {
            let text = format!("{} ({})", p.title, p.status.label(t));
            lines.push(fill(t.replay_project_added, &[&text]));
        }
        if lines.is_empty() {
            return;
        }
        self.sub(1, t.decisions);
        for line in lines {
            self.push(2, LineKind::Item, line);
        }
    }
}
