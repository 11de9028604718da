//! A form drawn as rows of "label: value", the focused field editable, each problem written
//! next to its field.

use super::common::{fit, styled};
use crate::layout::form::label_width;
use crate::layout::text::clip;
use crate::layout::text::display_width;
use crate::ui::{Field, FieldKind, Form, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub use crate::layout::form::height;

pub fn render(model: &Model, form: &Form, focused: bool, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let side = label_width(model, form, area.width);
    let per = if side.is_some() { 1 } else { 2 };
    let label_w = side.unwrap_or(area.width);
    // On a short screen the form scrolls so that the field being typed in is in sight:
    // its rows, and the options below it for a multiple choice.
    let focus_rows = per
        + form
            .focused_field()
            .filter(|_| focused)
            .map_or(0, |f| match f.kind {
                FieldKind::Multi(_) => f.options().len().min(8),
                _ => 0,
            });
    let first = if focused {
        (form.focus * per + focus_rows)
            .saturating_sub(area.height as usize)
            .div_ceil(per)
    } else {
        0
    };
    let mut y = area.y;
    for (i, field) in form.fields.iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let has_focus = focused && i == form.focus;
        let star = if field.required { "*" } else { "" };
        let label = clip(
            &format!("{}{star}", field.label(s)),
            (label_w as usize).saturating_sub(1),
        );
        let label_style = if has_focus {
            t.title.patch(t.focus_border)
        } else {
            t.base
        };
        let marker = if has_focus { "▶" } else { " " };
        Line::from(vec![
            styled(marker, t.focus_border),
            styled(label, label_style),
        ])
        .render(Rect::new(area.x, y, label_w, 1), buf);
        // Beside the label, or on the row below it, indented, when labels go above.
        if side.is_none() {
            y += 1;
            if y >= area.bottom() {
                break;
            }
        }
        let value_x = if side.is_some() {
            label_w
        } else {
            2.min(area.width)
        };
        let value_area = Rect::new(area.x + value_x, y, area.width.saturating_sub(value_x), 1);
        let error = field.error.map(|e| e.text(s));
        // The message takes what the value leaves, the value keeping at least a third.
        let value_w = (display_width(&field.value()) as u16 + 2).max(value_area.width / 3);
        let err_w = error
            .map_or(0, |e| display_width(e) as u16 + 3)
            .min(value_area.width.saturating_sub(value_w));
        let input = Rect::new(value_area.x, y, value_area.width - err_w, 1);
        render_value(model, field, has_focus, input, buf);
        if let Some(e) = error {
            fit(
                Line::from(styled(format!(" ⚠ {e}"), t.error)),
                err_w as usize,
            )
            .render(Rect::new(input.right(), y, err_w, 1), buf);
        }
        y += 1;
        if has_focus && let FieldKind::Multi(options) = &field.kind {
            // Up to eight options, fewer when the fields below would be pushed out.
            let below = form.fields.len() - i - 1;
            let room = (area.bottom().saturating_sub(y) as usize).saturating_sub(below);
            let shown = options.len().min(8).min(room.max(1));
            let start = field.cursor.saturating_sub(shown.saturating_sub(1));
            for (j, opt) in options.iter().enumerate().skip(start).take(shown) {
                if y >= area.bottom() {
                    break;
                }
                let mark = if field.marks.get(j).copied().unwrap_or(false) {
                    "[✓]"
                } else {
                    "[ ]"
                };
                let style = if j == field.cursor {
                    t.selected
                } else {
                    t.base
                };
                fit(
                    Line::from(styled(format!("{mark} {opt}"), style)),
                    value_area.width as usize,
                )
                .render(Rect::new(value_area.x, y, value_area.width, 1), buf);
                y += 1;
            }
        }
    }
}

fn render_value(model: &Model, field: &Field, focused: bool, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let w = area.width as usize;
    match &field.kind {
        FieldKind::Choice(options) => {
            let v = options.get(field.choice).map(String::as_str).unwrap_or("");
            let text = if focused {
                format!("◀ {v} ▶")
            } else {
                v.to_string()
            };
            let style = if focused { t.selected } else { t.base };
            fit(Line::from(styled(text, style)), w).render(area, buf);
        }
        FieldKind::Multi(options) => {
            let chosen: Vec<&str> = options
                .iter()
                .zip(&field.marks)
                .filter(|(_, m)| **m)
                .map(|(o, _)| o.as_str())
                .collect();
            let text = if chosen.is_empty() {
                model.strings().choice_none.to_string()
            } else {
                chosen.join(", ")
            };
            fit(Line::from(styled(text, t.base)), w).render(area, buf);
        }
        FieldKind::Date if focused && field.error.is_none() => {
            // What a date takes, beside what is typed, before any mistake.
            let typed = (display_width(&field.value()) as u16 + 2)
                .max(12)
                .min(area.width);
            let text = Rect {
                width: typed,
                ..area
            };
            let hint = Rect::new(area.x + typed, area.y, area.width - typed, 1);
            let mut plain = field.clone();
            plain.kind = FieldKind::Text;
            render_value(model, &plain, true, text, buf);
            let forms = format!(" {}", model.strings().date_forms);
            fit(Line::from(styled(forms, t.muted)), hint.width as usize).render(hint, buf);
        }
        _ if focused => {
            let mut ta = field.area.clone();
            ta.set_cursor_line_style(
                ratatui::style::Style::new().add_modifier(Modifier::UNDERLINED),
            );
            ta.set_cursor_style(t.selected);
            ta.render(area, buf);
        }
        _ => {
            let v = field.value();
            fit(Line::from(Span::styled(v, t.base)), w).render(area, buf);
        }
    }
}
