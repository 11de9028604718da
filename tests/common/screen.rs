//! The screen as a test reads it: drawn into a buffer, then turned into text and into a
//! map of styles (one letter per cell) where meaning is carried by style.

use atelier::ui::Model;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

pub fn draw(model: &Model, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(model, f.area())).unwrap();
    terminal.backend().buffer().clone()
}
/// The cells of one row as text; the hidden cell after a wide character is skipped.
pub fn row_text(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        let symbol = buf[(x, y)].symbol();
        if skip > 0 {
            skip -= 1;
            continue;
        }
        out.push_str(symbol);
        skip = symbol.width().saturating_sub(1);
    }
    out
}
/// The screen as text, one line per row, trailing spaces cut.
pub fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
pub fn describe(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg {fg:?}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg {bg:?}"));
    }
    for (m, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::REVERSED, "reversed"),
        (Modifier::SLOW_BLINK, "blink"),
        (Modifier::DIM, "dim"),
    ] {
        if style.add_modifier.contains(m) {
            parts.push(name.to_string());
        }
    }
    parts.join(" ")
}
/// The screen as text, then each row again as a map of its styles: one letter per cell, a
/// letter per distinct style (the legend below), a blank for plain cells.
pub fn styled(buf: &Buffer) -> String {
    let mut legend: Vec<String> = Vec::new();
    let mut maps = Vec::new();
    for y in 0..buf.area.height {
        let mut map = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let d = describe(cell.style());
            let width = cell.symbol().width().max(1);
            skip = width - 1;
            let mark = if d.is_empty() {
                ' '
            } else {
                let i = legend.iter().position(|l| *l == d).unwrap_or_else(|| {
                    legend.push(d);
                    legend.len() - 1
                });
                (b'a' + i as u8) as char
            };
            map.extend(std::iter::repeat_n(mark, width));
        }
        maps.push(format!("{:>2} {}", y, map.trim_end()));
    }
    let legend: Vec<String> = legend
        .iter()
        .enumerate()
        .map(|(i, d)| format!("{} = {d}", (b'a' + i as u8) as char))
        .collect();
    format!(
        "{}\n\n--- styles ---\n{}\n\n{}",
        text(buf),
        maps.join("\n"),
        legend.join("\n")
    )
}
