//! The selected row of a group's page open in full: a member with their profile, roles,
//! attendance and diagnoses; a rule with every wording it had and where members stand; a
//! planned activity; a project with everything linked to it in time order; a visit, an
//! activity or a diagnosis as recorded. Scrolled by the moving keys from `from`.

use super::super::common::{muted, styled};
use crate::dates;
use crate::i18n::{Strings, fill};
use crate::layout::wrap::wrap;
use crate::life::Linked;
use crate::model::dated::{Answer, AnswerKind, Diagnosis, Record};
use crate::model::{Attendance, Group};
use crate::ui::{GroupSection, GroupUi, Model, PlanRow};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Lines of text, each wrapped to the width as it is added.
struct Page<'m> {
    model: &'m Model,
    width: usize,
    lines: Vec<Line<'static>>,
}

impl Page<'_> {
    fn heading(&mut self, text: &str) {
        if !self.lines.is_empty() {
            self.lines.push(Line::default());
        }
        let style = self.model.theme.title;
        self.text(text, style, "");
    }

    fn text(&mut self, text: &str, style: Style, indent: &str) {
        let room = self.width.saturating_sub(indent.chars().count()).max(1);
        for part in text.split('\n') {
            for l in wrap(part, room) {
                self.lines
                    .push(Line::from(styled(format!("{indent}{l}"), style)));
            }
        }
    }

    fn item(&mut self, text: &str) {
        self.text(&format!("• {text}"), self.model.theme.base, "  ");
    }

    fn field(&mut self, label: &str, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        self.lines
            .push(Line::from(muted(self.model, format!("  {label}"))));
        self.text(value, self.model.theme.base, "    ");
    }
}

pub fn render(model: &Model, ui: &GroupUi, from: u16, area: Rect, buf: &mut Buffer) {
    let mut page = Page {
        model,
        width: (area.width as usize).saturating_sub(2).max(1),
        lines: Vec::new(),
    };
    fill_page(&mut page, ui);
    let max = page.lines.len().saturating_sub(area.height as usize);
    let from = usize::from(from).min(max);
    let lines: Vec<Line> = page
        .lines
        .into_iter()
        .skip(from)
        .map(|l| {
            let mut spans = vec![ratatui::text::Span::raw(" ")];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}

fn fill_page(page: &mut Page, ui: &GroupUi) {
    let sel = ui.selection(ui.section);
    let s = page.model.strings();
    let g = &ui.life.group;
    match ui.section {
        GroupSection::Members => {
            if let Some(m) = ui.life.members.get(sel) {
                member(page, ui, m);
            }
        }
        GroupSection::Rules => {
            if let Some(st) = ui.life.rules.get(sel) {
                let gs = s.group_page;
                page.heading(&st.rule.current().text);
                page.heading(gs.label_versions);
                for v in &st.rule.versions {
                    let mut text = format!("{} — {}", dates::show(v.date), v.text);
                    if let Some(a) = v.attendance {
                        text.push_str(&format!(" ({})", a.label(s.life)));
                    }
                    page.item(&text);
                }
                if let Some(d) = st.rule.withdrawn {
                    page.item(&fill(gs.withdrawn, &[&dates::show(d)]));
                }
                if !st.counts.is_empty() {
                    page.heading(gs.label_standing);
                    for (id, c) in &st.counts {
                        let mark = if c.reached() { "⚠ " } else { "" };
                        let text = format!(
                            "{mark}{} — {}",
                            g.member_name(id),
                            fill(s.life.attendance_rule, &[&c.absences, &c.rule.within])
                        );
                        page.item(&text);
                    }
                }
            }
        }
        GroupSection::Plan => match ui.plan_rows().get(sel) {
            Some(PlanRow::Year(y)) | Some(PlanRow::Objective(y, _)) => {
                let p = &g.plans[*y];
                page.heading(&fill(s.group_page.plan_year, &[&p.year]));
                for o in &p.objectives {
                    page.item(&o.text);
                }
            }
            Some(PlanRow::Activity(y, a)) => {
                let p = &g.plans[*y];
                let act = &p.activities[*a];
                let gs = s.group_page;
                page.heading(&format!("{:02}/{} — {}", act.month, p.year, act.what));
                page.field(gs.label_who, &act.who);
                page.field(gs.label_status_of, act.status.label(s.life));
                page.field(gs.label_comment, &act.comment);
                if let Some(pr) = act
                    .project
                    .as_ref()
                    .and_then(|id| g.projects.iter().find(|p| &p.id == id))
                {
                    page.field(gs.label_project, &pr.title);
                }
            }
            None => {}
        },
        GroupSection::Projects => {
            if let Some(pl) = ui.life.projects.get(sel) {
                project(page, pl, g, s);
            }
        }
        GroupSection::Records => {
            if let Some(r) = ui.life.records.get(sel) {
                record(page, r, g, ui, s);
            }
        }
    }
}

fn member(page: &mut Page, ui: &GroupUi, m: &crate::life::MemberLife) {
    let s = page.model.strings();
    let gs = s.group_page;
    let row = &ui.life.attendance.members[m.row];
    let mem = &row.member;
    page.heading(&mem.name);
    page.field(gs.label_business, &mem.business);
    page.field(gs.label_trade, &mem.trade);
    if let Some(st) = mem.legal_status {
        page.field(gs.label_status, st.label(s));
    }
    if let Some(g) = mem.gender {
        page.field(gs.label_gender, g.label(s.life));
    }
    let mut joined = mem.joined.map(dates::show).unwrap_or_default();
    if let Some(y) = mem.business_since {
        joined = [joined, fill(gs.since, &[&y])].join(" · ");
    }
    if let Some(left) = mem.left {
        let mut text = fill(gs.left, &[&dates::show(left)]);
        if let Some(reason) = &mem.left_reason {
            text.push_str(&format!(" ({})", reason.label(s.life)));
        }
        joined = [joined, text].join(" · ");
    }
    page.field(gs.label_joined, joined.trim_start_matches(" · "));
    let roles: Vec<String> = ui
        .life
        .group
        .roles
        .iter()
        .filter(|t| t.member == mem.id)
        .map(|t| {
            let to = t.to.map(dates::show).unwrap_or_default();
            format!(
                "{} ({} – {to})",
                t.role.label_for(s.life, mem.gender),
                dates::show(t.from)
            )
        })
        .collect();
    page.field(gs.label_roles, &roles.join("\n"));
    let text = fill(
        gs.label_attendance,
        &[&row.present, &row.excused, &row.absent, &row.sessions],
    );
    page.field(&text, " ");
    page.lines.pop();
    page.lines.pop();
    page.lines
        .push(Line::from(muted(page.model, format!("  {text}"))));
    let diagnoses: Vec<&Diagnosis> = ui
        .life
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Diagnosis(d) if d.member == mem.id => Some(&**d),
            _ => None,
        })
        .collect();
    if let Some(latest) = diagnoses.first() {
        page.heading(gs.label_diagnoses);
        for d in &diagnoses {
            page.item(&format!(
                "{} — {}",
                dates::show(d.date),
                d.occasion.label(s.life)
            ));
        }
        answers(page, latest);
    }
}

fn answers(page: &mut Page, d: &Diagnosis) {
    let s = page.model.strings();
    let gs = s.group_page;
    let lang = page.model.lang;
    page.heading(&format!("{} — {}", gs.label_answers, dates::show(d.date)));
    for q in &d.questions {
        let text = match d.answer(&q.id) {
            None => gs.unanswered.to_string(),
            Some(Answer::YesNo(true)) => gs.yes.to_string(),
            Some(Answer::YesNo(false)) => gs.no.to_string(),
            Some(Answer::Count(n)) => n.to_string(),
            Some(Answer::Text(t)) => t.clone(),
            Some(Answer::Texts(t)) => t.join(" ; "),
            Some(Answer::Choice(c)) => match &q.answer {
                AnswerKind::Choice(options) => options
                    .iter()
                    .find(|o| &o.id == c)
                    .map_or_else(|| c.clone(), |o| o.label.get(lang).to_string()),
                _ => c.clone(),
            },
        };
        page.field(q.label.get(lang), &text);
    }
}

fn project(page: &mut Page, pl: &crate::life::ProjectLife, g: &Group, s: &Strings) {
    let gs = s.group_page;
    let p = &pl.project;
    page.heading(&format!("{} [{}]", p.title, p.status.label(s.life)));
    page.field(gs.label_aim, &p.aim);
    let names: Vec<String> = p.members.iter().map(|m| g.member_name(m)).collect();
    page.field(gs.label_members, &names.join(", "));
    let mad = |v: u64| fill(gs.mad, &[&v]);
    let mut funding: Vec<String> = p
        .funding
        .iter()
        .map(|f| fill(gs.holder, &[&f.payer, &mad(f.amount_mad)]))
        .collect();
    if let Some(b) = p.budget_mad {
        funding.insert(0, fill(gs.budget, &[&mad(b), &mad(p.funded_mad())]));
    }
    page.field(gs.label_funding, &funding.join("\n"));
    page.heading(gs.label_linked);
    if pl.linked.is_empty() {
        page.text(gs.nothing_linked, page.model.theme.muted, "  ");
    }
    for (date, l) in &pl.linked {
        let when = date.map(dates::show).unwrap_or_default();
        let text = match l {
            Linked::Action { session, what } => fill(gs.linked_action, &[session, what]),
            Linked::Idea { session, text } => fill(gs.linked_idea, &[session, text]),
            Linked::Activity { title } => fill(gs.linked_activity, &[title]),
            Linked::PlannedActivity { what, status } => {
                fill(gs.linked_planned, &[what, &status.label(s.life)])
            }
            Linked::Milestone { text, done: true } => fill(gs.linked_milestone_done, &[text]),
            Linked::Milestone { text, done: false } => fill(gs.linked_milestone, &[text]),
        };
        page.item(format!("{when} {text}").trim_start());
    }
}

fn record(page: &mut Page, r: &Record, g: &Group, ui: &GroupUi, s: &Strings) {
    let gs = s.group_page;
    let method = &ui.life.method;
    let lang = page.model.lang;
    let name = |id, kept: &str| {
        if kept.is_empty() {
            g.member_name(id)
        } else {
            kept.to_string()
        }
    };
    match r {
        Record::Visit(v) => {
            page.heading(&format!(
                "{} — {}",
                dates::show(v.date),
                fill(gs.visit_of, &[&name(&v.member, &v.member_name)])
            ));
            let topics: Vec<String> = v
                .topics
                .iter()
                .map(|t| {
                    method
                        .need_category(t)
                        .map_or_else(|| t.clone(), |c| c.label.get(lang).to_string())
                })
                .collect();
            page.field(gs.label_topics, &topics.join(", "));
            page.field(gs.label_seen, &v.seen);
            let agreed: Vec<String> = v
                .agreed
                .iter()
                .map(|a| match a.due {
                    Some(d) => format!("{} ({})", a.what, fill(gs.due, &[&dates::show(d)])),
                    None => a.what.clone(),
                })
                .collect();
            page.field(gs.label_agreed, &agreed.join("\n"));
            let reviewed: Vec<String> = v
                .reviews
                .iter()
                .map(|r| {
                    let status = r.status.map(|st| st.label(s)).unwrap_or("…");
                    format!("{} — {status} {}", r.action.what, r.comment)
                        .trim_end()
                        .to_string()
                })
                .collect();
            page.field(gs.label_reviewed, &reviewed.join("\n"));
            page.field(gs.label_private, &v.private_notes);
        }
        Record::Activity(a) => {
            let what = fill(gs.holder, &[&a.activity.label(s.life), &a.title]);
            page.heading(&format!("{} — {what}", dates::show(a.date)));
            page.field(gs.label_place, &a.place);
            let who: Vec<String> = a
                .participants
                .iter()
                .map(|(id, att)| {
                    let mark = match att {
                        Attendance::Present => "✓",
                        Attendance::Excused => "~",
                        Attendance::Absent => "✗",
                    };
                    format!("{mark} {}", g.member_name(id))
                })
                .collect();
            page.field(gs.label_participants, &who.join("\n"));
            if let Some(c) = a.cost_mad {
                page.field(gs.label_cost, &fill(gs.mad, &[&c]));
            }
            page.field(gs.label_notes, &a.notes);
            if let Some(pr) = a
                .project
                .as_ref()
                .and_then(|id| g.projects.iter().find(|p| &p.id == id))
            {
                page.field(gs.label_project, &pr.title);
            }
        }
        Record::Diagnosis(d) => {
            let what = fill(
                gs.holder,
                &[&d.occasion.label(s.life), &name(&d.member, &d.member_name)],
            );
            page.heading(&format!("{} — {what}", dates::show(d.date)));
            answers(page, d);
        }
    }
}
