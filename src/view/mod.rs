//! Drawing: `impl Widget for &Model`. Pure: it reads the model and writes cells, with no IO
//! and no clock (the time on screen is the model's last tick). One file per screen and per
//! phase kind; the footer and the help overlay come from the key table.

mod common;
mod form;
mod group;
mod help;
mod home;
mod marks;
mod popup;
mod presenter;
mod programme;
mod replay;
mod review;
mod selection;
mod session;
mod session_view;
mod setup;
mod timeline;

pub use crate::layout::frame::{MIN_HEIGHT, MIN_WIDTH};

use crate::layout;
use crate::ui::{Model, Overlay, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

impl Widget for &Model {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let whole = area;
        buf.set_style(area, self.theme.base);
        let Some(frame) = layout::frame::frame(self, area) else {
            common::too_small(self, area, buf);
            return;
        };
        // The demo's mark and follow's waiting line, above whatever screen is up.
        marks::render(self, frame.marks, buf);
        let (area, body, status, keys) = (frame.screen, frame.body, frame.status, frame.keys);
        // The presenter view takes the whole screen: it has its own bottom line.
        let presenter = matches!(&self.screen, Screen::Session(s) if s.presenter);
        match &self.screen {
            Screen::Home => home::render(self, body, buf),
            Screen::Session(s) if presenter => presenter::render(self, s, area, buf),
            Screen::Setup(setup) => setup::render(self, setup, body, buf),
            Screen::Session(s) => session::render(self, s, body, buf),
            Screen::Review(b) => match &b.view {
                Some(v) => session_view::render(self, v, body, buf),
                None => review::render(self, b, body, buf),
            },
            Screen::Timeline(ui) => timeline::render(self, ui, body, buf),
            Screen::Replay(ui) => replay::render(self, ui, body, buf),
            Screen::Group(ui) => group::render(self, ui, body, buf),
            Screen::Programme(ui) => programme::render(self, ui, body, buf),
        }
        if !presenter {
            common::status_line(self, status, buf);
            common::footer(self, keys, buf);
        }
        match &self.overlay {
            Some(Overlay::Help { scroll }) => help::render(self, *scroll, body, buf),
            Some(Overlay::Confirm(c)) => popup::confirm(self, c, body, buf),
            Some(Overlay::Picker(p)) => popup::picker(self, p, body, buf),
            None => {}
        }
        no_bidi_controls(whole, buf);
    }
}

/// The bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) are format
/// characters, not controls, so the buffer keeps them; one read from a file (a hand edit, a
/// hostile copy) would turn the rest of a terminal line around. Every screen's cells go
/// through this, the rule `escape::visible` applies to `show` and the exports.
fn no_bidi_controls(area: Rect, buf: &mut Buffer) {
    let bidi =
        |c: char| ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y))
                && cell.symbol().chars().any(bidi)
            {
                let kept: String = cell.symbol().chars().filter(|c| !bidi(*c)).collect();
                cell.set_symbol(if kept.is_empty() { " " } else { &kept });
            }
        }
    }
}
