//! One line per row of each section of a group's page, most telling first so that a narrow
//! screen cuts the least useful part.

use super::super::common::{muted, styled};
use crate::dates;
use crate::i18n::fill;
use crate::model::dated::Record;
use crate::ui::{GroupSection, GroupUi, Model, PlanRow};
use ratatui::text::{Line, Span};

pub fn of(model: &Model, ui: &GroupUi, section: GroupSection) -> Vec<Line<'static>> {
    match section {
        GroupSection::Members => members(model, ui),
        GroupSection::Rules => rules(model, ui),
        GroupSection::Plan => plan(model, ui),
        GroupSection::Projects => projects(model, ui),
        GroupSection::Records => records(model, ui),
    }
}

fn members(model: &Model, ui: &GroupUi) -> Vec<Line<'static>> {
    let gs = model.strings().group_page;
    let life = model.strings().life;
    let t = &model.theme;
    ui.life
        .members
        .iter()
        .map(|m| {
            let row = &ui.life.attendance.members[m.row];
            let member = &row.member;
            let mut spans: Vec<Span> = vec![styled(member.name.clone(), t.base)];
            if !member.business.trim().is_empty() {
                spans.push(muted(model, format!(" — {}", member.business)));
            }
            let mut parts: Vec<String> = m
                .roles
                .iter()
                .map(|r| r.label_for(life, member.gender))
                .collect();
            if let Some(left) = member.left {
                let mut text = fill(gs.left, &[&dates::show(left)]);
                if let Some(reason) = &member.left_reason {
                    text.push_str(&format!(" ({})", reason.label(life)));
                }
                parts.push(text);
            }
            if let Some(rate) = row.rate() {
                let pct = format!("{} %", (rate * 100.0).round() as u32);
                parts.push(fill(gs.attendance, &[&pct]));
            }
            if let Some((date, _, _)) = &m.diagnosis {
                parts.push(fill(gs.diagnosed, &[&dates::show(*date)]));
            }
            if m.visits > 0 {
                parts.push(gs.visits.n(m.visits));
            }
            if let Some(g) = member.gender {
                parts.push(g.label(life).to_string());
            }
            if let Some(y) = member.business_since {
                parts.push(fill(gs.since, &[&y]));
            }
            if !parts.is_empty() {
                spans.push(muted(model, format!(" · {}", parts.join(" · "))));
            }
            Line::from(spans)
        })
        .collect()
}

fn rules(model: &Model, ui: &GroupUi) -> Vec<Line<'static>> {
    let gs = model.strings().group_page;
    let t = &model.theme;
    let g = &ui.life.group;
    let names = |ids: Vec<&crate::model::Id>| {
        ids.into_iter()
            .map(|id| g.member_name(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    ui.life
        .rules
        .iter()
        .map(|st| {
            let rule = &st.rule;
            // Who is past the rule or close to it first: what the group must talk about.
            let mut spans = Vec::new();
            let past: Vec<_> = st.past().collect();
            if !past.is_empty() {
                let text = fill(gs.rule_past, &[&names(past)]);
                spans.push(styled(format!("⚠ {text} · "), t.warning));
            }
            let close: Vec<_> = st.close().collect();
            if !close.is_empty() {
                let text = fill(gs.rule_close, &[&names(close)]);
                spans.push(styled(format!("{text} · "), t.warning));
            }
            let style = if rule.in_force() { t.base } else { t.muted };
            spans.push(styled(rule.current().text, style));
            let mut parts = Vec::new();
            if let Some(d) = rule.adopted() {
                parts.push(fill(gs.adopted, &[&dates::show(d)]));
            }
            if rule.versions.len() > 1 {
                parts.push(gs.amended.n(rule.versions.len() - 1));
            }
            if let Some(d) = rule.withdrawn {
                parts.push(fill(gs.withdrawn, &[&dates::show(d)]));
            }
            spans.push(muted(model, format!(" · {}", parts.join(" · "))));
            Line::from(spans)
        })
        .collect()
}

fn plan(model: &Model, ui: &GroupUi) -> Vec<Line<'static>> {
    let gs = model.strings().group_page;
    let life = model.strings().life;
    let t = &model.theme;
    let plans = &ui.life.group.plans;
    let session_number = |id: &Option<crate::model::Id>| {
        id.as_ref().and_then(|id| {
            ui.life
                .attendance
                .sessions
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.number)
        })
    };
    ui.plan_rows()
        .into_iter()
        .map(|row| match row {
            PlanRow::Year(y) => {
                let p = &plans[y];
                let mut spans = vec![styled(fill(gs.plan_year, &[&p.year]), t.title)];
                if let Some(n) = session_number(&p.session) {
                    spans.push(muted(model, format!(" · {}", fill(gs.agreed_in, &[&n]))));
                }
                Line::from(spans)
            }
            PlanRow::Objective(y, o) => Line::from(vec![
                muted(model, "  "),
                styled(
                    fill(gs.holder, &[&gs.objective, &plans[y].objectives[o].text]),
                    t.base,
                ),
            ]),
            PlanRow::Activity(y, a) => {
                let p = &plans[y];
                let act = &p.activities[a];
                let mut spans = vec![
                    muted(model, format!("  {:02}/{}  ", act.month, p.year)),
                    styled(act.what.clone(), t.base),
                ];
                if !act.who.trim().is_empty() {
                    spans.push(muted(model, format!(" — {}", act.who)));
                }
                spans.push(muted(model, format!(" [{}]", act.status.label(life))));
                Line::from(spans)
            }
        })
        .collect()
}

fn projects(model: &Model, ui: &GroupUi) -> Vec<Line<'static>> {
    let gs = model.strings().group_page;
    let life = model.strings().life;
    let t = &model.theme;
    ui.life
        .projects
        .iter()
        .map(|pl| {
            let p = &pl.project;
            let mut spans = vec![
                styled(p.title.clone(), t.base),
                muted(model, format!(" [{}]", p.status.label(life))),
            ];
            let mut parts = vec![gs.taking_part.n(p.members.len())];
            if let Some(b) = p.budget_mad {
                let mad = |v: u64| fill(gs.mad, &[&v]);
                parts.push(fill(gs.budget, &[&mad(b), &mad(p.funded_mad())]));
            }
            let next = p
                .milestones
                .iter()
                .filter(|m| m.done.is_none())
                .min_by_key(|m| m.due);
            if let Some(m) = next {
                let when = m.due.map(dates::show).unwrap_or_default();
                parts.push(fill(gs.next_milestone, &[&m.text, &when]));
            }
            spans.push(muted(model, format!(" · {}", parts.join(" · "))));
            Line::from(spans)
        })
        .collect()
}

fn records(model: &Model, ui: &GroupUi) -> Vec<Line<'static>> {
    let gs = model.strings().group_page;
    let life = model.strings().life;
    let t = &model.theme;
    let g = &ui.life.group;
    ui.life
        .records
        .iter()
        .map(|r| {
            let date = muted(model, format!("{}  ", dates::show(r.dated().date())));
            let (kind, text) = match r {
                Record::Visit(v) => {
                    let who = if v.member_name.is_empty() {
                        g.member_name(&v.member)
                    } else {
                        v.member_name.clone()
                    };
                    (fill(gs.visit_of, &[&who]), v.seen.clone())
                }
                Record::Activity(a) => (
                    a.activity.label(life),
                    format!("{} · {}", a.title, gs.present.n(a.present().count())),
                ),
                Record::Diagnosis(d) => {
                    let who = if d.member_name.is_empty() {
                        g.member_name(&d.member)
                    } else {
                        d.member_name.clone()
                    };
                    (d.occasion.label(life).to_string(), who)
                }
            };
            Line::from(vec![
                date,
                styled(kind, t.title),
                styled(fill(gs.holder, &[&"", &one_line(&text)]), t.base),
            ])
        })
        .collect()
}

/// A text of several lines on one row.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
