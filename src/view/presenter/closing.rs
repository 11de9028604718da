//! Closing for the room: the next meeting, what was decided (the plan's actions, in short),
//! each member's commitment, and how useful the group found the session. Never the
//! advisor's private notes.

use super::flow::{Item, at_most, flow, hanging};
use super::{focused_id, heading, top_lines};
use crate::dates;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::styled;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let p = &s.presenter;
    let t = &model.theme;
    let ses = &ui.session;
    let c = &ses.closing;
    let w = area.width as usize;
    let mut top = Vec::new();
    let next: Vec<String> = [
        c.next.date.map(dates::show),
        Some(c.next.place.trim().to_string()).filter(|x| !x.is_empty()),
        Some(c.next.topic.trim().to_string()).filter(|x| !x.is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !next.is_empty() {
        let prefix = vec![styled(
            format!("{}{} ", p.next_meeting, s.store.show.colon.trim_end()),
            t.key,
        )];
        let rows = hanging(prefix, &next.join(" · "), t.title, w);
        top.extend(at_most(rows, 3));
    }
    let scores: Vec<u8> = c.usefulness.values().copied().collect();
    if !scores.is_empty() {
        let avg =
            f64::from(scores.iter().map(|x| u32::from(*x)).sum::<u32>()) / scores.len() as f64;
        // As the advisor's screen writes it: a decimal comma in French.
        let avg = match model.lang {
            crate::i18n::Lang::Fr => format!("{avg:.1}").replace('.', ","),
            crate::i18n::Lang::En => format!("{avg:.1}"),
        };
        top.push(Line::from(styled(
            p.usefulness.fill(scores.len(), &[&avg, &scores.len()]),
            t.base,
        )));
    }
    let rest = top_lines(top, area, buf);
    let selected = focused_id(ui, Pane::ClosingMembers);
    let build = |w: usize| -> Vec<Item> {
        let mut items = Vec::new();
        if !ses.plan.actions.is_empty() {
            items.push(Item::heading(heading(model, p.decided.to_string())));
            for a in &ses.plan.actions {
                let mut text = a.what.clone();
                let who: Vec<String> = a.owners.iter().map(|o| o.label(s, &ses.group)).collect();
                if !who.is_empty() {
                    text.push_str(&format!(" — {}", who.join(", ")));
                }
                if let Some(d) = a.due {
                    text.push_str(&format!(" · {}", dates::show(d)));
                }
                items.push(Item::new(hanging(
                    vec![styled("✓ ", t.done)],
                    &text,
                    t.title,
                    w,
                )));
            }
        }
        let said: Vec<_> = ses
            .group
            .members
            .iter()
            .filter_map(|m| {
                let text = c.commitments.get(&m.id)?.trim();
                (!text.is_empty()).then_some((m, text))
            })
            .collect();
        if !said.is_empty() {
            items.push(Item::heading(heading(model, p.commitments.to_string())));
            for (m, text) in said {
                let prefix = vec![
                    styled("• ", t.key),
                    styled(
                        format!("{}{} ", m.name, s.store.show.colon.trim_end()),
                        t.title,
                    ),
                ];
                let item = Item::new(hanging(prefix, text, t.base, w));
                items.push(item.selected(selected.as_ref() == Some(&m.id)));
            }
        }
        if items.is_empty() {
            items.push(Item::new(hanging(
                vec![Span::raw("")],
                p.nothing_yet,
                t.base,
                w,
            )));
        }
        items
    };
    flow(model, rest, (40, u16::MAX), &build, buf);
}
