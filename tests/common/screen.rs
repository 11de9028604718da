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

/// The sizes every screen of a sweep is drawn at, and the seed they were drawn with (for the
/// failure message). `ATELIER_SWEEP=full` gives `edges` and the whole of `full`, as a step of
/// CI does; otherwise `edges` and `sample` sizes of `full` drawn at random, from the seed in
/// `ATELIER_SEED` or a fixed one: the same sizes on every run, another sample with another
/// seed, and a size that fails is one of the full sweep's.
pub fn sweep_sizes(
    edges: &[(u16, u16)],
    mut full: Vec<(u16, u16)>,
    sample: usize,
) -> (Vec<(u16, u16)>, u64) {
    let seed = std::env::var("ATELIER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261206);
    let mut sizes = edges.to_vec();
    if std::env::var("ATELIER_SWEEP").is_ok_and(|v| v == "full") {
        sizes.extend(full);
        return (sizes, seed);
    }
    // splitmix64, then the first `sample` places of a Fisher–Yates shuffle.
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let n = sample.min(full.len());
    for i in 0..n {
        let j = i + (next() % (full.len() - i) as u64) as usize;
        full.swap(i, j);
    }
    sizes.extend_from_slice(&full[..n]);
    (sizes, seed)
}

/// What a sweep's failure says besides the size: how to draw the same sizes again, or all.
pub fn sweep_hint(seed: u64) -> String {
    format!(
        "sweep seed {seed}: ATELIER_SEED={seed} draws the same sizes again, ATELIER_SWEEP=full \
         every size of the sweep"
    )
}

/// [`draw`] in a sweep: a panic fails with the size and how to draw the same sizes again.
pub fn draw_in_sweep(model: &Model, width: u16, height: u16, seed: u64) -> Buffer {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(model, width, height)))
        .unwrap_or_else(|_| panic!("a panic at {width}×{height} ({})", sweep_hint(seed)))
}
