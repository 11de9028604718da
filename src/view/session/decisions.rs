//! The group's decisions over a session (`D`): its roles, rules, work plan and joint
//! projects, a section at a time, the selected row in full below. Nothing private here: the
//! presenter view draws it the same way.

use super::super::common::{fit, muted, pane_block, styled};
use crate::dates;
use crate::i18n::{Strings, fill};
use crate::layout;
use crate::layout::text::one_line;
use crate::model::life::Role;
use crate::model::{Group, Session};
use crate::ui::decisions::{plan_years, rows, term_of};
use crate::ui::{DecisionRow, DecisionSection, DecisionsUi, Model, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use strum::VariantArray;

pub fn section_name(s: &Strings, section: DecisionSection) -> &'static str {
    let d = s.decisions;
    match section {
        DecisionSection::Roles => d.section_roles,
        DecisionSection::Rules => d.section_rules,
        DecisionSection::Plan => d.section_plan,
        DecisionSection::Projects => d.section_projects,
    }
}

/// The decisions in `body`, the session's screen below its header and stepper (or the
/// presenter view's body). The list starts from the first row `update` keeps for the
/// section, moved only as far as the selection needs where the presenter view is smaller.
pub fn render(model: &Model, ui: &SessionUi, d: &DecisionsUi, body: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let place = layout::decisions::areas(body);
    // The tabs: every section, the one shown marked.
    let mut tabs = vec![styled(format!(" {} ", s.decisions.title), t.title)];
    for &section in DecisionSection::VARIANTS {
        let name = section_name(s, section);
        tabs.push(match section == d.section {
            true => styled(format!(" ▶{name} "), t.selected),
            false => muted(model, format!("  {name} ")),
        });
    }
    fit(Line::from(tabs), place.tabs.width as usize).render(place.tabs, buf);

    let ses = &ui.session;
    let list = rows(d.section, ses);
    let block = pane_block(model, section_name(s, d.section), true);
    let inner = block.inner(place.list);
    block.render(place.list, buf);
    if list.is_empty() {
        let [this, next] = plan_years(ses);
        let empty = match d.section {
            DecisionSection::Rules => s.decisions.no_rules.to_string(),
            DecisionSection::Plan => fill(s.decisions.no_plan, &[&this, &next]),
            _ => s.decisions.no_projects.to_string(),
        };
        Paragraph::new(empty)
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(inner, buf);
    } else {
        let selected = d.selection(d.section, list.len());
        let height = inner.height as usize;
        let kept = d.scroll.get(&d.section).copied().unwrap_or(0);
        let first = layout::scroll::first_row(kept, selected, &vec![1; list.len()], height);
        let width = inner.width.saturating_sub(2) as usize;
        for (i, row) in list.iter().enumerate().skip(first).take(height) {
            let y = inner.y + (i - first) as u16;
            let mut line = row_line(model, ses, row);
            let mark = if i == selected { "▶ " } else { "  " };
            line.spans.insert(0, styled(mark, t.focus_border));
            if i == selected {
                line = line.patch_style(t.selected);
            }
            fit(line, width + 2).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
    if place.detail.height > 0
        && let Some(row) = d.selected_row(ses)
    {
        let block = pane_block(model, "", false);
        let inner = block.inner(place.detail);
        block.render(place.detail, buf);
        Paragraph::new(detail(model, ses, &row))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}

/// The role as said of its holder (French agrees it with a woman or a man).
fn role_label(s: &Strings, g: &Group, role: &Role, holder: Option<&crate::model::Id>) -> String {
    let gender = holder.and_then(|m| g.member(m)).and_then(|m| m.gender);
    role.label_for(s.life, gender)
}

fn row_line(model: &Model, ses: &Session, row: &DecisionRow) -> Line<'static> {
    let s = model.strings();
    let t = &model.theme;
    let d = s.decisions;
    let g = &ses.group;
    let today = |session: &Option<crate::model::Id>| {
        (session.as_ref() == Some(&ses.id)).then(|| styled(format!(" · {}", d.today), t.done))
    };
    match row {
        DecisionRow::Role(role) => {
            let term = term_of(ses, role);
            let label = role_label(s, g, role, term.map(|x| &x.member));
            let mut spans = vec![styled(fill(s.group_page.holder, &[&label, &""]), t.title)];
            match term {
                Some(x) => {
                    spans.push(Span::raw(g.member_name(&x.member)));
                    let since = fill(d.since, &[&dates::show(x.from)]);
                    spans.push(muted(model, format!(" · {since}")));
                    spans.extend(today(&x.session));
                }
                None => spans.push(muted(model, d.vacant)),
            }
            Line::from(spans)
        }
        DecisionRow::Rule(id) => {
            let Some(rule) = g.rules.iter().find(|r| &r.id == id) else {
                return Line::default();
            };
            let v = rule.current();
            let mut spans = vec![Span::raw(one_line(&v.text))];
            if let Some(a) = v.attendance {
                spans.push(muted(model, format!(" · {}", a.label(s.life))));
            }
            match rule.withdrawn {
                Some(w) => {
                    let when = fill(d.withdrawn, &[&dates::show(w)]);
                    spans.push(styled(format!(" · {when}"), t.warning));
                    return Line::from(spans).patch_style(t.muted);
                }
                None => spans.extend(today(&v.session)),
            }
            Line::from(spans)
        }
        DecisionRow::Objective(year, id) => {
            let text = (g.plans.iter().filter(|p| p.year == *year))
                .flat_map(|p| p.objectives.iter())
                .find(|o| &o.id == id)
                .map(|o| one_line(&o.text))
                .unwrap_or_default();
            Line::from(vec![
                styled(
                    fill(
                        s.group_page.holder,
                        &[&format!("{year} · {}", d.objective), &""],
                    ),
                    t.title,
                ),
                Span::raw(text),
            ])
        }
        DecisionRow::Activity(year, id) => {
            let Some(a) = (g.plans.iter().filter(|p| p.year == *year))
                .flat_map(|p| p.activities.iter())
                .find(|a| &a.id == id)
            else {
                return Line::default();
            };
            let mut spans = vec![
                styled(format!("{:02}/{year} ", a.month), t.title),
                Span::raw(one_line(&a.what)),
            ];
            if !a.who.is_empty() {
                spans.push(muted(model, format!(" — {}", one_line(&a.who))));
            }
            spans.push(muted(model, format!(" · {}", a.status.label(s.life))));
            Line::from(spans)
        }
        DecisionRow::Project(id) => {
            let Some(p) = g.projects.iter().find(|p| &p.id == id) else {
                return Line::default();
            };
            let mut spans = vec![
                Span::raw(one_line(&p.title)),
                muted(model, format!(" — {}", p.status.label(s.life))),
            ];
            if let Some(b) = p.budget_mad {
                let mad = |v: u64| fill(s.group_page.mad, &[&v]);
                let budget = fill(s.group_page.budget, &[&mad(b), &mad(p.funded_mad())]);
                spans.push(muted(model, format!(" · {budget}")));
            }
            spans.extend(today(&p.session));
            Line::from(spans)
        }
        // Under its project: ✓ once reached, its date to come otherwise.
        DecisionRow::Milestone(project, id) => {
            let Some(m) = (g.projects.iter())
                .filter(|p| &p.id == project)
                .flat_map(|p| &p.milestones)
                .find(|m| &m.id == id)
            else {
                return Line::default();
            };
            let mut spans = vec![Span::raw(format!(
                "  {} {}",
                if m.done.is_some() { "✓" } else { "○" },
                one_line(&m.text)
            ))];
            match (m.done, m.due) {
                (Some(done), _) => {
                    let when = fill(d.reached, &[&dates::show(done)]);
                    spans.push(styled(format!(" · {when}"), t.done));
                }
                (None, Some(due)) => {
                    spans.push(muted(
                        model,
                        format!(" · {}", fill(d.due, &[&dates::show(due)])),
                    ));
                }
                (None, None) => {}
            }
            Line::from(spans)
        }
    }
}

/// The selected row in full: a role's holders over time, a rule's wordings, an activity's
/// review, a project's aim, milestones and what this session linked to it.
fn detail(model: &Model, ses: &Session, row: &DecisionRow) -> Vec<Line<'static>> {
    let s = model.strings();
    let gp = s.group_page;
    let g = &ses.group;
    let label = |l: &str| styled(fill(gp.holder, &[&l, &""]), model.theme.title);
    let mut out = Vec::new();
    match row {
        DecisionRow::Role(role) => {
            for x in g.roles.iter().filter(|x| &x.role == role) {
                let to = x.to.map(dates::show).unwrap_or_default();
                let name = role_label(s, g, role, Some(&x.member));
                let who = g.member_name(&x.member);
                let when = format!("{} – {to}", dates::show(x.from));
                out.push(Line::from(vec![
                    label(&name),
                    Span::raw(format!("{who}  {when}")),
                ]));
            }
        }
        DecisionRow::Rule(id) => {
            if let Some(rule) = g.rules.iter().find(|r| &r.id == id) {
                out.push(Line::from(label(gp.label_versions)));
                for v in &rule.versions {
                    let mut text = format!("{} — {}", dates::show(v.date), v.text);
                    if let Some(a) = v.attendance {
                        text.push_str(&format!(" ({})", a.label(s.life)));
                    }
                    out.push(Line::from(format!("• {text}")));
                }
            }
        }
        DecisionRow::Objective(year, id) => {
            let text = (g.plans.iter().filter(|p| p.year == *year))
                .flat_map(|p| p.objectives.iter())
                .find(|o| &o.id == id)
                .map(|o| o.text.clone());
            out.extend(text.map(Line::from));
        }
        DecisionRow::Activity(_, id) => {
            let found = (g.plans.iter())
                .flat_map(|p| p.activities.iter())
                .find(|a| &a.id == id);
            if let Some(a) = found {
                out.push(Line::from(a.what.clone()));
                if !a.who.is_empty() {
                    out.push(Line::from(vec![
                        label(gp.label_who),
                        Span::raw(a.who.clone()),
                    ]));
                }
                let status = a.status.label(s.life).to_string();
                out.push(Line::from(vec![
                    label(gp.label_status_of),
                    Span::raw(status),
                ]));
                if !a.comment.is_empty() {
                    let comment = a.comment.clone();
                    out.push(Line::from(vec![
                        label(gp.label_comment),
                        Span::raw(comment),
                    ]));
                }
                let project = (g.projects.iter()).find(|p| Some(&p.id) == a.project.as_ref());
                if let Some(p) = project {
                    let title = p.title.clone();
                    out.push(Line::from(vec![label(gp.label_project), Span::raw(title)]));
                }
            }
        }
        DecisionRow::Milestone(project, id) => {
            let Some(p) = g.projects.iter().find(|p| &p.id == project) else {
                return out;
            };
            out.push(Line::from(vec![
                label(gp.label_project),
                Span::raw(p.title.clone()),
            ]));
            if let Some(m) = p.milestones.iter().find(|m| &m.id == id) {
                out.push(Line::from(m.text.clone()));
                if let Some(due) = m.due {
                    out.push(Line::from(fill(s.decisions.due, &[&dates::show(due)])));
                }
                if let Some(done) = m.done {
                    out.push(Line::from(fill(s.decisions.reached, &[&dates::show(done)])));
                }
            }
        }
        DecisionRow::Project(id) => {
            let Some(p) = g.projects.iter().find(|p| &p.id == id) else {
                return out;
            };
            if !p.aim.is_empty() {
                out.push(Line::from(vec![
                    label(gp.label_aim),
                    Span::raw(p.aim.clone()),
                ]));
            }
            if !p.members.is_empty() {
                let names: Vec<String> = p.members.iter().map(|m| g.member_name(m)).collect();
                out.push(Line::from(vec![
                    label(gp.label_members),
                    Span::raw(names.join(", ")),
                ]));
            }
            let mad = |v: u64| fill(gp.mad, &[&v]);
            let mut funding: Vec<String> = (p.funding.iter())
                .map(|f| fill(s.decisions.funding_line, &[&f.payer, &mad(f.amount_mad)]))
                .collect();
            if let Some(b) = p.budget_mad {
                funding.insert(0, fill(gp.budget, &[&mad(b), &mad(p.funded_mad())]));
            }
            if !funding.is_empty() {
                out.push(Line::from(vec![
                    label(gp.label_funding),
                    Span::raw(funding.join(s.decisions.funding_joiner)),
                ]));
            }
            out.push(Line::from(label(gp.label_milestones)));
            if p.milestones.is_empty() {
                out.push(Line::from(muted(model, s.decisions.no_milestones)));
            }
            for m in &p.milestones {
                let mut text = format!("• {}", m.text);
                if let Some(due) = m.due {
                    text.push_str(&format!(
                        " · {}",
                        fill(s.decisions.due, &[&dates::show(due)])
                    ));
                }
                if m.done.is_some() {
                    text.push_str(" ✓");
                }
                out.push(Line::from(text));
            }
            let here = Some(&p.id);
            let actions = (ses.plan.actions.iter()).filter(|a| a.project.as_ref() == here);
            let ideas = (ses.solutions.ideas.iter()).filter(|i| i.project.as_ref() == here);
            let linked: Vec<String> = actions
                .map(|a| fill(gp.linked_action, &[&ses.number, &one_line(&a.what)]))
                .chain(ideas.map(|i| fill(gp.linked_idea, &[&ses.number, &one_line(&i.text)])))
                .collect();
            if !linked.is_empty() {
                out.push(Line::from(label(gp.label_linked)));
                out.extend(linked.into_iter().map(|l| Line::from(format!("• {l}"))));
            }
        }
    }
    out
}
