//! Where group setup puts its title, the group's form and the list of members (beside the
//! form when wide, below it when narrow). The view draws in these rectangles, and `update`
//! scrolls the members with them ([`members_rows`]).

use super::{form, frame};
use crate::ui::{Model, Screen, Setup};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

/// From this width of the body, the members sit beside the form.
const WIDE: u16 = 100;

/// Group setup's parts, the form and the members in their boxes (borders included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub head: Rect,
    pub form: Rect,
    pub members: Rect,
}

/// Group setup in `area` (the body of the frame).
pub fn areas(model: &Model, setup: &Setup, area: Rect) -> Areas {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let [form, members] = if body.width >= WIDE {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    } else {
        let h = form::height(model, &setup.form, true, body.width.saturating_sub(2)) + 2;
        Layout::vertical([
            Constraint::Length(h.min(body.height.saturating_sub(4))),
            Constraint::Min(3),
        ])
        .areas(body)
    };
    Areas {
        head,
        form,
        members,
    }
}

/// The lines the list of members shows inside its box, for the model's terminal size;
/// `None` on another screen or a terminal too small to draw.
pub fn members_rows(model: &Model) -> Option<usize> {
    let Screen::Setup(setup) = &model.screen else {
        return None;
    };
    let frame = frame::frame(model, frame::terminal(model))?;
    let members = areas(model, setup, frame.body).members;
    Some(usize::from(Block::bordered().inner(members).height))
}
