//! A group's page: a header (the group, its members, who holds its roles), the method's
//! advice on its size when it is outside it, tabs, and one section — members, rules, work
//! plan, projects, activities and visits — or the selected row open in full (`detail.rs`).
//! Every mark is said in words: meaning never rests on colour alone.

mod detail;
mod rows;

use super::common::{fit, muted, popup_area, popup_frame, styled};
use crate::i18n::fill;
use crate::layout::wrap::wrap;
use crate::model::dated::Kind;
use crate::model::life::Role;
use crate::ui::RecordForm;
use crate::ui::{GroupSection, GroupUi, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget};
use strum::VariantArray;

/// Room for the selection mark before each row.
const MARK: usize = 2;

pub fn render(model: &Model, ui: &GroupUi, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let a = crate::layout::group::areas(model, ui, area);
    header(model, ui, a.name, a.about, buf);
    let warnings: Vec<Line> = crate::layout::group::warnings(model, ui, area.width as usize)
        .into_iter()
        .map(|l| Line::from(styled(l, t.warning)))
        .collect();
    Paragraph::new(warnings).render(a.warnings, buf);
    tab_line(model, ui, a.tabs, buf);
    if ui.skipped > 0 {
        let text = model.strings().group_page.skipped.n(ui.skipped);
        fit(Line::from(styled(text, t.warning)), area.width as usize).render(a.skipped, buf);
    }
    match ui.detail {
        Some(from) => detail::render(model, ui, from, a.body, buf),
        None => section(model, ui, a.body, buf),
    }
    if let Some(f) = &ui.form {
        record_form(model, f, area, buf);
    }
}

/// A new record's form over the page, as the member form is over the group setup.
fn record_form(model: &Model, f: &RecordForm, area: Rect, buf: &mut Buffer) {
    let gs = model.strings().group_page;
    let title = match (f.kind, f.editing.is_some()) {
        (Kind::Activity, false) => gs.form_activity,
        (Kind::Diagnosis, false) => gs.form_diagnosis,
        (Kind::Visit | Kind::Session, false) => gs.form_visit,
        (Kind::Activity, true) => gs.edit_activity,
        (Kind::Diagnosis, true) => gs.edit_diagnosis,
        (Kind::Visit | Kind::Session, true) => gs.edit_visit,
    };
    let w = area.width.saturating_sub(2).min(90);
    let h = super::form::height(model, &f.form, true, w.saturating_sub(2)) + 4;
    let popup = popup_area(area, w, h.min(area.height));
    let inner = popup_frame(model, popup, title, buf);
    let [fields, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    super::form::render(model, &f.form, true, fields, buf);
    super::common::footer(model, hint, buf);
}

fn header(model: &Model, ui: &GroupUi, name: Rect, about: Rect, buf: &mut Buffer) {
    let gs = model.strings().group_page;
    let t = &model.theme;
    let g = &ui.life.group;
    let mut spans = vec![
        styled(format!(" {} ", gs.title), t.key),
        styled(g.name.clone(), t.title),
    ];
    if ui.presenting {
        spans.push(styled(format!("  ▣ {}", gs.presenting), t.warning));
    }
    let line = Line::from(spans);
    fit(line, name.width as usize).render(name, buf);
    let current = g.members.iter().filter(|m| m.left.is_none()).count();
    let mut parts = vec![gs.members.n(current)];
    // Who holds the coordinator's role first: the person the advisor calls.
    let life = model.strings().life;
    let today = ui.life.attendance.sessions.last().map(|s| s.date);
    for role in [Role::Coordinator, Role::Deputy] {
        let holder = g
            .roles
            .iter()
            .find(|r| r.role == role && today.is_some_and(|d| r.goes_on_after(d)));
        if let Some(h) = holder {
            let gender = g.member(&h.member).and_then(|m| m.gender);
            let role = role.label_for(life, gender);
            parts.push(fill(gs.holder, &[&role, &g.member_name(&h.member)]));
        }
    }
    parts.extend(
        [g.city.as_str(), g.trade.as_str()]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .map(str::to_string),
    );
    let line = Line::from(muted(model, format!(" {}", parts.join(" · "))));
    fit(line, about.width as usize).render(about, buf);
}

/// The sections by name with their counts, the one shown reversed and in brackets.
fn tab_line(model: &Model, ui: &GroupUi, area: Rect, buf: &mut Buffer) {
    let gs = model.strings().group_page;
    let t = &model.theme;
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    for &s in GroupSection::VARIANTS {
        let n = match s {
            GroupSection::Plan => ui.life.group.plans.iter().map(|p| p.activities.len()).sum(),
            s => ui.rows(s),
        };
        let label = match s {
            GroupSection::Members => fill(gs.section_members, &[&n]),
            GroupSection::Rules => fill(gs.section_rules, &[&n]),
            GroupSection::Plan => fill(gs.section_plan, &[&n]),
            GroupSection::Projects => fill(gs.section_projects, &[&n]),
            GroupSection::Records if ui.presenting => fill(gs.section_activities, &[&n]),
            GroupSection::Records => fill(gs.section_records, &[&n]),
        };
        if s == ui.section {
            spans.push(styled(format!("[{label}]"), t.selected.patch(t.title)));
        } else {
            spans.push(muted(model, format!(" {label} ")));
        }
    }
    fit(Line::from(spans), area.width as usize).render(area, buf);
}

/// The section on screen: its rows, the selection marked, scrolled to show it.
fn section(model: &Model, ui: &GroupUi, area: Rect, buf: &mut Buffer) {
    let gs = model.strings().group_page;
    let rows = rows::of(model, ui, ui.section);
    if rows.is_empty() {
        let empty = match ui.section {
            GroupSection::Members => gs.no_members,
            GroupSection::Rules => gs.no_rules,
            GroupSection::Plan => gs.no_plan,
            GroupSection::Projects => gs.no_projects,
            GroupSection::Records => gs.no_records,
        };
        let lines: Vec<Line> = wrap(empty, (area.width as usize).saturating_sub(2).max(1))
            .into_iter()
            .map(|l| Line::from(muted(model, format!("  {l}"))))
            .collect();
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let w = (area.width as usize).saturating_sub(MARK);
    let sel = ui.selection(ui.section);
    let first = ui.scroll.get(&ui.section).copied().unwrap_or(0);
    let items: Vec<ListItem> = rows.into_iter().map(|l| ListItem::new(fit(l, w))).collect();
    let mut state = ListState::default()
        .with_offset(first)
        .with_selected(Some(sel));
    StatefulWidget::render(
        List::new(items)
            .highlight_style(model.theme.selected)
            .highlight_symbol("▶ "),
        area,
        buf,
        &mut state,
    );
}
