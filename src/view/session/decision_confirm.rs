//! The questions asked before a decision about the group that takes something back: a
//! member leaving (on the session's day or an earlier one), a role's term ended without
//! anyone elected, an objective or a planned activity taken off the plan.

use crate::dates;
use crate::i18n::{Strings, fill};
use crate::layout::text::{clip, one_line};
use crate::ui::member_form::leave_date;
use crate::ui::{Confirm, SessionUi};

/// The question of one of these confirmations; `None` for the others.
pub fn confirm_text(s: &Strings, ui: &SessionUi, c: &Confirm) -> Option<String> {
    let d = s.decisions;
    let ses = &ui.session;
    let g = &ses.group;
    let short = |text: &str| clip(&one_line(text), 80);
    Some(match c {
        Confirm::MemberLeaves(id) => {
            let name = g.member_name(id);
            let form = ui.life_form.as_ref().map(|lf| &lf.form);
            let reason = form
                .map(|f| crate::ui::member_form::read_leave(f).label(s.life))
                .unwrap_or_default();
            let day = form.map_or(ses.date, |f| leave_date(f, ses.date));
            match day == ses.date {
                true => fill(d.confirm_leave, &[&name, &reason]),
                false => fill(d.confirm_leave_on, &[&name, &dates::show(day), &reason]),
            }
        }
        Confirm::EndTerm(id) => {
            let term = g.roles.iter().find(|t| &t.id == id)?;
            let gender = g.member(&term.member).and_then(|m| m.gender);
            let role = term.role.label_for(s.life, gender);
            fill(d.confirm_end_term, &[&g.member_name(&term.member), &role])
        }
        Confirm::RemoveObjective(id) => {
            let o = (g.plans.iter())
                .flat_map(|p| &p.objectives)
                .find(|o| &o.id == id)?;
            fill(d.confirm_remove_objective, &[&short(&o.text)])
        }
        Confirm::RemovePlanned(id) => {
            let a = ses.planned_activity(id)?;
            fill(d.confirm_remove_planned, &[&short(&a.what)])
        }
        _ => return None,
    })
}
