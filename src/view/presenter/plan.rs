//! The action plan for the room: what, who, by when, one action after the other, in the
//! order the advisor chose. A missing owner or date asks its question ("who?") in the
//! warning style, with a sign: the group fills it in before moving on.

use super::flow::{Item, flow, hanging, wrap};
use super::{focused_id, heading, top_lines};
use crate::dates;
use crate::layout::text::display_width;
use crate::model::Action;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// From this width on, who and when are columns beside what.
const TABLE_MIN: usize = 90;
const DATE_W: usize = 11;
const WHAT_MAX: usize = 72;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let p = &s.presenter;
    let t = &model.theme;
    let ses = &ui.session;
    let order: Vec<&Action> = ui
        .rows(Pane::Actions)
        .iter()
        .filter_map(|id| ses.plan.actions.iter().find(|a| &a.id == id))
        .collect();
    let w = area.width as usize;
    let mut top = vec![heading(model, p.plan.n(order.len()))];
    if order.is_empty() {
        top.extend(hanging(Vec::new(), p.nothing_yet, t.base, w));
        top_lines(top, area, buf);
        return;
    }
    let who = |a: &Action| -> Option<String> {
        (!a.owners.is_empty()).then(|| {
            a.owners
                .iter()
                .map(|o| o.label(s, &ses.group))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let num_w = order.len().to_string().len() + 2;
    let who_w = order
        .iter()
        .filter_map(|a| who(a))
        .map(|w| display_width(&w))
        .max()
        .unwrap_or(0)
        .max(display_width(p.col_who))
        .clamp(8, 30);
    let table = w >= TABLE_MIN;
    // Lines no longer than the eye takes in at once: who and when stay close to what.
    let what_w = w.saturating_sub(num_w + who_w + DATE_W + 4).min(WHAT_MAX);
    if table {
        top.push(Line::from(vec![
            Span::raw(" ".repeat(num_w)),
            styled(column(p.col_what, what_w + 1), t.key),
            styled(column(p.col_who, who_w + 1), t.key),
            styled(p.col_when.to_string(), t.key),
        ]));
    }
    let rest = top_lines(top, area, buf);
    let selected = focused_id(ui, Pane::Actions);
    let when_span = |a: &Action| match a.due {
        Some(d) => styled(dates::show(d), t.title),
        None => styled(format!("⚠ {}", p.no_date), t.warning),
    };
    let who_span = |a: &Action, width: usize| match who(a) {
        Some(names) => wrap(&names, width)
            .into_iter()
            .map(|l| styled(l, t.base))
            .collect::<Vec<_>>(),
        None => vec![styled(format!("⚠ {}", p.no_owner), t.warning)],
    };
    let build = |w: usize| -> Vec<Item> {
        order
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let num = styled(format!("{:>n$}. ", i + 1, n = num_w - 2), t.key);
                let lines = if table {
                    let whats = wrap(&a.what, what_w);
                    let whos = who_span(a, who_w);
                    let rows = whats.len().max(whos.len());
                    (0..rows)
                        .map(|r| {
                            let lead = if r == 0 {
                                num.clone()
                            } else {
                                Span::raw(" ".repeat(num_w))
                            };
                            let what = whats.get(r).map_or("", String::as_str);
                            let mut spans = vec![lead, styled(column(what, what_w + 1), t.title)];
                            match whos.get(r) {
                                Some(span) => {
                                    let text = column(&span.content, who_w + 1);
                                    spans.push(styled(text, span.style));
                                }
                                None => spans.push(Span::raw(" ".repeat(who_w + 2))),
                            }
                            if r == 0 {
                                spans.push(when_span(a));
                            }
                            Line::from(spans)
                        })
                        .collect()
                } else {
                    let mut lines = hanging(vec![num.clone()], &a.what, t.title, w);
                    let mut details = vec![Span::raw(" ".repeat(num_w))];
                    details.extend(who_span(a, usize::MAX / 4).into_iter().take(1));
                    details.push(styled(" · ", t.base));
                    details.push(when_span(a));
                    lines.push(Line::from(details));
                    lines
                };
                Item::new(lines).selected(selected.as_ref() == Some(&a.id))
            })
            .collect()
    };
    // The table's columns are measured on the whole width: one column of items.
    let min = if table { rest.width } else { 30 };
    flow(model, rest, (min, u16::MAX), &build, buf);
}
