//! Styles by meaning. Views ask for `theme.selected`, never for a colour, so a projector
//! theme or `NO_COLOR` changes every screen at once. Meaning never rests on colour alone:
//! selection is also reversed, overrun also says so in words, marks also have a symbol.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub muted: Style,
    pub selected: Style,
    pub focus_border: Style,
    pub border: Style,
    pub done: Style,
    pub current: Style,
    pub todo: Style,
    pub warning: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
    pub marked: Style,
    pub draft: Style,
}

impl Theme {
    pub const DARK: Theme = Theme {
        base: Style::new(),
        title: Style::new().add_modifier(Modifier::BOLD),
        muted: Style::new().fg(Color::DarkGray),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        focus_border: Style::new().fg(Color::Cyan),
        border: Style::new().fg(Color::DarkGray),
        done: Style::new().fg(Color::Green),
        current: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        todo: Style::new().fg(Color::DarkGray),
        warning: Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ok: Style::new().fg(Color::Green),
        key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        marked: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        draft: Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::ITALIC),
    };

    /// For `NO_COLOR`: only bold, reverse, italic and underline.
    pub const MONO: Theme = Theme {
        base: Style::new(),
        title: Style::new().add_modifier(Modifier::BOLD),
        muted: Style::new(),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        focus_border: Style::new().add_modifier(Modifier::BOLD),
        border: Style::new(),
        done: Style::new(),
        current: Style::new().add_modifier(Modifier::BOLD),
        todo: Style::new(),
        warning: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
        error: Style::new().add_modifier(Modifier::BOLD),
        ok: Style::new(),
        key: Style::new().add_modifier(Modifier::BOLD),
        marked: Style::new().add_modifier(Modifier::BOLD),
        draft: Style::new().add_modifier(Modifier::ITALIC),
    };

    /// `NO_COLOR` set to anything non-empty asks for no colour (no-color.org).
    pub fn from_env(no_color: Option<&str>) -> Theme {
        match no_color {
            Some(v) if !v.is_empty() => Theme::MONO,
            _ => Theme::DARK,
        }
    }
}
