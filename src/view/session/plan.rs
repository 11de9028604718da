//! Action plan: who does what, by when, with what, and how we will know.

use super::panes::{self, counted};
use crate::dates;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{muted, one_line, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};

/// Each action on two lines: what, then who, by when, with what and how we will know. The
/// owner and the date are what the group checks next time: they never hide behind a long text.
pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let colon = s.store.show.colon;
    let rows: Vec<Text> = ses
        .plan
        .actions
        .iter()
        .map(|a| {
            let owners: Vec<String> = a
                .owners
                .iter()
                .map(|o| s.owner_label(o, &ses.group))
                .collect();
            let who = if owners.is_empty() {
                styled(format!("⚠ {}", s.no_owner), t.error)
            } else {
                Span::styled(owners.join(", "), t.title)
            };
            let due = match a.due {
                Some(d) => Span::raw(dates::show(d)),
                None => styled(format!("⚠ {}", s.no_date), t.error),
            };
            let mut details = vec![Span::raw("  "), due, muted(model, " · "), who];
            if !a.means.is_empty() {
                details.push(muted(
                    model,
                    format!(" · {}{colon}{}", s.means_short, one_line(&a.means)),
                ));
            }
            if !a.indicator.is_empty() {
                details.push(muted(
                    model,
                    format!(" · {}{colon}{}", s.indicator_short, one_line(&a.indicator)),
                ));
            }
            Text::from(vec![Line::from(one_line(&a.what)), Line::from(details)])
        })
        .collect();
    panes::list(
        model,
        ui,
        Pane::Actions,
        counted(s.pane_actions, rows.len()),
        rows,
        s.empty_actions,
        area,
        buf,
    );
}
