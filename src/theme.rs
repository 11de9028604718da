//! Styles by meaning. Views ask for `theme.selected`, never for a colour, so a projector
//! theme or `NO_COLOR` changes every screen at once. Meaning never rests on colour alone:
//! selection is also reversed, overrun also says so in words, marks also have a symbol.
//!
//! Three themes to choose from ([`ThemeName`]): dark (for a dark terminal, the default),
//! light (for a terminal with a white background: no yellow or cyan text, which vanish on
//! white) and high contrast (for a projector: bright white on black, bold, no greys that a
//! projector washes out, one bright yellow for what must be seen from the back of the room).
//! `NO_COLOR` removes every colour and keeps the modifiers (bold, reverse, underline).

use crate::i18n::Lang;
use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

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

/// The themes a user can ask for (`--theme`, `ATELIER_THEME`, the configuration file).
/// In the configuration file: `theme: Dark`, `Light` or `HighContrast` (also accepted in
/// lower case or as on the command line, `high-contrast`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    clap::ValueEnum,
    strum::VariantArray,
)]
pub enum ThemeName {
    #[default]
    #[serde(alias = "dark")]
    Dark,
    #[serde(alias = "light")]
    Light,
    #[serde(alias = "high_contrast", alias = "high-contrast")]
    HighContrast,
}

impl ThemeName {
    /// The name on the command line and in `ATELIER_THEME`.
    pub fn code(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    /// `dark`, `light`, `high-contrast` (also `high_contrast`, `HighContrast`, any case).
    pub fn parse(text: &str) -> Option<ThemeName> {
        let t: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        match t.as_str() {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "highcontrast" => Some(ThemeName::HighContrast),
            _ => None,
        }
    }

    /// What the user reads: "sombre", "high contrast"...
    pub fn label(self, lang: Lang) -> &'static str {
        let c = lang.strings().config;
        match self {
            ThemeName::Dark => c.theme_dark,
            ThemeName::Light => c.theme_light,
            ThemeName::HighContrast => c.theme_high_contrast,
        }
    }
}

/// Gives the terminal its own background back (OSC 111), after [`Theme::terminal_background`].
pub const TERMINAL_BACKGROUND_RESET: &str = "\x1b]111\x1b\\";

/// Bold and reversed together: what must be seen from the back of a room.
const LOUD: Modifier = Modifier::REVERSED.union(Modifier::BOLD);

impl Theme {
    /// For a dark terminal: cyan for what the keyboard reaches (focus, keys), yellow for
    /// what is happening now (the current step, a draft).
    pub const DARK: Theme = Theme::ordinary(Color::Cyan, Color::Yellow);

    /// For a terminal with a light background: the terminal's own text colour for text,
    /// dark colours for accents (blue, green, red, magenta: readable on white), yellow only
    /// as a background behind black text.
    pub const LIGHT: Theme = Theme::ordinary(Color::Blue, Color::Blue);

    /// Dark and light are one theme but for their two accents, which a light background
    /// needs darker: `reach` for the focused border and the keys, `now` for the current
    /// step and drafts. Everything else (greys, green, red, the warning's black on yellow)
    /// reads on either background.
    const fn ordinary(reach: Color, now: Color) -> Theme {
        Theme {
            base: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            focus_border: Style::new().fg(reach),
            border: Style::new().fg(Color::DarkGray),
            done: Style::new().fg(Color::Green),
            current: Style::new().fg(now).add_modifier(Modifier::BOLD),
            todo: Style::new().fg(Color::DarkGray),
            warning: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            key: Style::new().fg(reach).add_modifier(Modifier::BOLD),
            marked: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            draft: Style::new().fg(now).add_modifier(Modifier::ITALIC),
        }
    }

    /// For a projector: bright white on black everywhere (the background is set, so a
    /// light terminal projects the same), bold for anything that matters, no grey at all.
    /// Selection is reversed and bold; warnings (the timer's overrun) are reversed, bold
    /// and bright yellow; errors bold and underlined. Every colour is on top of a modifier,
    /// so [`Theme::without_colour`] keeps all the emphasis for `NO_COLOR`.
    pub const HIGH_CONTRAST: Theme = Theme {
        base: Style::new().fg(Color::White).bg(Color::Black),
        title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
        muted: Style::new().fg(Color::White),
        selected: Style::new().add_modifier(LOUD),
        focus_border: Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        border: Style::new().fg(Color::White),
        done: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
        current: Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        todo: Style::new().fg(Color::White),
        // Reversed: yellow on black becomes black on bright yellow, and without colour
        // still black on white.
        warning: Style::new()
            .fg(Color::LightYellow)
            .bg(Color::Black)
            .add_modifier(LOUD),
        error: Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        ok: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
        key: Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        marked: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
        draft: Style::new()
            .fg(Color::White)
            .add_modifier(Modifier::ITALIC.union(Modifier::UNDERLINED)),
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
        warning: Style::new().add_modifier(LOUD),
        error: Style::new().add_modifier(Modifier::BOLD),
        ok: Style::new(),
        key: Style::new().add_modifier(Modifier::BOLD),
        marked: Style::new().add_modifier(Modifier::BOLD),
        draft: Style::new().add_modifier(Modifier::ITALIC),
    };

    /// The theme asked for, without colour when `no_color`: dark and light become
    /// [`Theme::MONO`]; high contrast keeps its bold, reverse and underline, which is
    /// what a projector needs most.
    pub fn named(name: ThemeName, no_color: bool) -> Theme {
        match (name, no_color) {
            (ThemeName::Dark, false) => Theme::DARK,
            (ThemeName::Light, false) => Theme::LIGHT,
            (ThemeName::HighContrast, false) => Theme::HIGH_CONTRAST,
            (ThemeName::HighContrast, true) => Theme::HIGH_CONTRAST.without_colour(),
            (_, true) => Theme::MONO,
        }
    }

    /// `NO_COLOR` set to anything non-empty asks for no colour (no-color.org).
    pub fn no_color(value: Option<&str>) -> bool {
        value.is_some_and(|v| !v.is_empty())
    }

    /// The dark theme, or no colour if `NO_COLOR` says so.
    pub fn from_env(no_color: Option<&str>) -> Theme {
        Theme::named(ThemeName::Dark, Theme::no_color(no_color))
    }

    /// The same theme with every colour taken out and every modifier kept.
    pub fn without_colour(self) -> Theme {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            ..s
        };
        Theme {
            base: strip(self.base),
            title: strip(self.title),
            muted: strip(self.muted),
            selected: strip(self.selected),
            focus_border: strip(self.focus_border),
            border: strip(self.border),
            done: strip(self.done),
            current: strip(self.current),
            todo: strip(self.todo),
            warning: strip(self.warning),
            error: strip(self.error),
            ok: strip(self.ok),
            key: strip(self.key),
            marked: strip(self.marked),
            draft: strip(self.draft),
        }
    }

    /// The escape sequence (OSC 11) that gives the terminal itself this theme's background,
    /// for a theme that sets one. Every cell is painted, but a terminal's margins around
    /// the cells, and the moment between a resize and the next frame, show the terminal's
    /// own background: white in a light profile, around a projected black screen. None for
    /// a theme that leaves the terminal's colours alone.
    pub fn terminal_background(&self) -> Option<String> {
        let (r, g, b) = match self.base.bg? {
            Color::Black => (0, 0, 0),
            Color::White => (255, 255, 255),
            Color::Rgb(r, g, b) => (r, g, b),
            _ => return None,
        };
        Some(format!("\x1b]11;rgb:{r:02x}/{g:02x}/{b:02x}\x1b\\"))
    }

    /// Every style of the theme, named: for tests that check a property of all of them.
    pub fn styles(&self) -> [(&'static str, Style); 15] {
        [
            ("base", self.base),
            ("title", self.title),
            ("muted", self.muted),
            ("selected", self.selected),
            ("focus_border", self.focus_border),
            ("border", self.border),
            ("done", self.done),
            ("current", self.current),
            ("todo", self.todo),
            ("warning", self.warning),
            ("error", self.error),
            ("ok", self.ok),
            ("key", self.key),
            ("marked", self.marked),
            ("draft", self.draft),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    fn colours(t: &Theme) -> Vec<Color> {
        t.styles()
            .iter()
            .flat_map(|(_, s)| [s.fg, s.bg])
            .flatten()
            .collect()
    }

    #[test]
    fn no_color_wins_over_every_theme() {
        for &name in ThemeName::VARIANTS {
            let t = Theme::named(name, true);
            assert!(colours(&t).is_empty(), "{name:?} keeps a colour: {t:?}");
            // Selection and warnings stay visible without colour.
            assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
            assert!(t.warning.add_modifier.contains(Modifier::REVERSED));
        }
        assert_eq!(Theme::named(ThemeName::Dark, true), Theme::MONO);
        assert_eq!(Theme::from_env(Some("1")), Theme::MONO);
        assert_eq!(Theme::from_env(Some("")), Theme::DARK);
        assert_eq!(Theme::from_env(None), Theme::DARK);
    }

    #[test]
    fn high_contrast_without_colour_keeps_its_emphasis() {
        let t = Theme::named(ThemeName::HighContrast, true);
        assert_ne!(t, Theme::MONO);
        assert!(t.selected.add_modifier.contains(LOUD));
        assert!(t.warning.add_modifier.contains(LOUD));
        assert!(t.error.add_modifier.contains(Modifier::UNDERLINED));
        assert!(t.current.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn high_contrast_has_no_grey() {
        let greys = [Color::DarkGray, Color::Gray];
        for (name, s) in Theme::HIGH_CONTRAST.styles() {
            assert!(
                !s.fg.is_some_and(|c| greys.contains(&c)),
                "{name} is grey in high contrast"
            );
        }
        // Everything that marks a state is bold at least.
        let t = Theme::HIGH_CONTRAST;
        for s in [
            t.title, t.selected, t.done, t.current, t.warning, t.error, t.key,
        ] {
            assert!(s.add_modifier.contains(Modifier::BOLD), "{s:?}");
        }
    }

    #[test]
    fn light_has_no_text_that_vanishes_on_white() {
        let pale = [
            Color::Yellow,
            Color::LightYellow,
            Color::Cyan,
            Color::LightCyan,
        ];
        for (name, s) in Theme::LIGHT.styles() {
            let fg_pale = s.fg.is_some_and(|c| pale.contains(&c) || c == Color::White);
            assert!(!fg_pale, "{name} is pale text in the light theme");
        }
    }

    #[test]
    fn every_theme_marks_selection_and_warning_with_a_modifier() {
        for t in [Theme::DARK, Theme::LIGHT, Theme::HIGH_CONTRAST, Theme::MONO] {
            assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
            assert!(t.warning.add_modifier.contains(Modifier::BOLD));
            assert!(t.title.add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn a_theme_with_a_background_gives_it_to_the_terminal() {
        assert_eq!(
            Theme::HIGH_CONTRAST.terminal_background().as_deref(),
            Some("\x1b]11;rgb:00/00/00\x1b\\")
        );
        for t in [
            Theme::DARK,
            Theme::LIGHT,
            Theme::MONO,
            Theme::named(ThemeName::HighContrast, true),
        ] {
            assert_eq!(t.terminal_background(), None);
        }
    }

    #[test]
    fn names_parse_as_typed() {
        for &name in ThemeName::VARIANTS {
            assert_eq!(ThemeName::parse(name.code()), Some(name));
            assert!(!name.label(Lang::Fr).is_empty());
            assert!(!name.label(Lang::En).is_empty());
        }
        assert_eq!(
            ThemeName::parse("High_Contrast"),
            Some(ThemeName::HighContrast)
        );
        assert_eq!(ThemeName::parse("blue"), None);
    }
}
