//! The charts drawn by `plotters` with its SVG backend, into a string: the attendance line,
//! the actions' bars by month and horizontal bars (needs, members). Titles, axes with their
//! units and every value written beside its bar or point; text in a sans-serif font, which
//! the page's reader draws (no font is read here).

use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The charts' width in SVG units (the printed A4 column is about 680 px wide).
const WIDTH: u32 = 680;
const FONT: &str = "sans-serif";
/// The teal of the session export's headings: a dark grey once printed in black and white.
const TEAL: RGBColor = RGBColor(43, 106, 110);

pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub(super) type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Draws a chart of `height` into a string; `None` if plotters fails.
pub(super) fn draw(height: u32, f: impl FnOnce(&Area) -> Drawn) -> Option<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        f(&root).ok()?;
        root.present().ok()?;
    }
    Some(svg)
}

/// Font sizes as plotters takes them: it writes `size / 1.24` into the SVG, so each is a
/// number of pixels times 1.24 whose quotient is short ("17", not "16.935483870967744": a
/// long run of digits is what a phone number looks like to the privacy sweep).
const TITLE: f64 = 21.08; // 17 px
const AXIS: f64 = 15.81; // 12.75 px
const TICK: f64 = 14.88; // 12 px
const VALUE: f64 = 14.26; // 11.5 px

fn text(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().color(&BLACK)
}

/// "2026-03": a month as the tables write it.
fn month_tick(months: &[(i32, u32)], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    months
        .get(i as usize)
        .map_or_else(String::new, |m| super::render::month(*m))
}

/// The attendance rate by month: a line through the months where attendance was taken
/// (broken where a month has none), each point with its rate written above it.
pub(super) fn attendance(
    root: &Area,
    months: &[(i32, u32)],
    rates: &[Option<(f64, String)>],
    lang: Lang,
) -> Drawn {
    let t = lang.strings().report.html;
    let n = months.len();
    let mut chart = ChartBuilder::on(root)
        .caption(t.attendance_title, text(TITLE))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), 0.0..112.0)?;
    let ticks = |x: &f64| month_tick(months, *x);
    let percent = |y: &f64| format!("{y:.0}");
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n.min(12))
        .x_label_formatter(&ticks)
        .y_labels(7)
        .y_label_formatter(&percent)
        .x_desc(t.month_axis)
        .y_desc(t.attendance_axis)
        .label_style(text(TICK))
        .axis_desc_style(text(AXIS))
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(215, 215, 215))
        .draw()?;
    // Each run of consecutive months with a rate is one line.
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, r) in rates.iter().enumerate() {
        match r {
            Some((rate, _)) => run.push((i as f64, *rate)),
            None => {
                chart.draw_series([PathElement::new(
                    std::mem::take(&mut run),
                    TEAL.stroke_width(2),
                )])?;
            }
        }
    }
    chart.draw_series([PathElement::new(run, TEAL.stroke_width(2))])?;
    // A label over every point while they fit; beyond 18 months, every other one.
    let step = if n > 18 { n.div_ceil(18) } else { 1 };
    chart.draw_series(rates.iter().enumerate().filter_map(|(i, r)| {
        let (rate, shown) = r.as_ref()?;
        let label = if i % step == 0 {
            shown.clone()
        } else {
            String::new()
        };
        Some(
            EmptyElement::at((i as f64, *rate))
                + Circle::new((0, 0), 4, TEAL.filled())
                + Text::new(
                    label,
                    (0, -8),
                    text(TICK).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ),
        )
    }))?;
    root.present()?;
    Ok(())
}

/// Actions done (filled bars) and planned (outlined bars) by month, "done/planned" written
/// over each pair.
pub(super) fn actions(
    root: &Area,
    months: &[(i32, u32)],
    counts: &[Option<(usize, usize)>],
    lang: Lang,
) -> Drawn {
    let t = lang.strings().report.html;
    let n = months.len();
    let top = counts
        .iter()
        .flatten()
        .map(|c| c.0)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut chart = ChartBuilder::on(root)
        .caption(t.actions_title, text(TITLE))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), 0.0..(top * 1.5).max(top + 1.5))?;
    let ticks = |x: &f64| month_tick(months, *x);
    let whole = |y: &f64| {
        if y.fract() == 0.0 {
            format!("{y:.0}")
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n.min(12))
        .x_label_formatter(&ticks)
        .y_labels((top as usize + 1).min(8))
        .y_label_formatter(&whole)
        .x_desc(t.month_axis)
        .y_desc(t.actions_axis)
        .label_style(text(TICK))
        .axis_desc_style(text(AXIS))
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(215, 215, 215))
        .draw()?;
    // Done (filled) on the left, planned (outlined) on the right, as "done/planned" reads.
    let width = 0.36;
    let bar = |i: usize, left: bool, v: usize| {
        let x = i as f64 + if left { -width - 0.02 } else { 0.02 };
        [(x, 0.0), (x + width, v as f64)]
    };
    chart
        .draw_series(
            counts.iter().enumerate().filter_map(|(i, c)| {
                Some(Rectangle::new(bar(i, true, c.as_ref()?.1), TEAL.filled()))
            }),
        )?
        .label(t.done)
        .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], TEAL.filled()));
    chart
        .draw_series(counts.iter().enumerate().filter_map(|(i, c)| {
            Some(Rectangle::new(
                bar(i, false, c.as_ref()?.0),
                BLACK.stroke_width(1),
            ))
        }))?
        .label(t.planned)
        .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], BLACK.stroke_width(1)));
    // "done/planned" over each month's pair that has actions (two counts over two narrow bars
    // would run into one number); beyond 12 months, over every other month or fewer: the
    // table by month has them all.
    let every = n.div_ceil(12).max(1);
    let label = text(VALUE).pos(Pos::new(HPos::Center, VPos::Bottom));
    chart.draw_series(
        counts
            .iter()
            .enumerate()
            .filter(|(i, _)| i % every == 0)
            .filter_map(|(i, c)| {
                let (p, d) = c.filter(|c| c.0 > 0)?;
                Some(Text::new(
                    format!("{d}/{p}"),
                    (i as f64, p as f64),
                    label.clone(),
                ))
            }),
    )?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(text(TICK))
        .background_style(WHITE)
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

/// One horizontal bar: its name (written above it), its length, and the value written at
/// its end.
pub(super) struct Bar {
    pub name: String,
    pub count: usize,
    pub shown: String,
}

/// Room for the caption, the axis and a row of 46 units per bar.
pub(super) fn bars_height(bars: usize) -> u32 {
    110 + 46 * bars as u32
}

/// Horizontal bars, one per row, its name above it and its value at its end: names as long
/// as a need category's fit the width, which a label area beside the axis would cut.
pub(super) fn hbars(root: &Area, title: &str, axis: &str, bars: &[Bar]) -> Drawn {
    let n = bars.len();
    let top = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let mut chart = ChartBuilder::on(root)
        .caption(title, text(TITLE))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(12)
        .build_cartesian_2d(0.0..top * 1.25, 0.0..n as f64)?;
    let whole = |x: &f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels((top as usize + 1).min(10))
        .x_label_formatter(&whole)
        .x_desc(axis)
        .label_style(text(TICK))
        .axis_desc_style(text(AXIS))
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(215, 215, 215))
        .draw()?;
    // Row i from the top: its name at the top of the row, its bar right under it, the gap
    // to the next row's name below.
    let row = |i: usize| (n - 1 - i) as f64;
    chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
        Rectangle::new(
            [(0.0, row(i) + 0.2), (b.count as f64, row(i) + 0.56)],
            TEAL.filled(),
        )
    }))?;
    let name = text(TICK).pos(Pos::new(HPos::Left, VPos::Top));
    let value = text(TICK).pos(Pos::new(HPos::Left, VPos::Center));
    chart.draw_series(bars.iter().enumerate().flat_map(|(i, b)| {
        [
            Text::new(b.name.clone(), (0.0, row(i) + 0.96), name.clone()),
            Text::new(
                format!(" {}", b.shown),
                (b.count as f64, row(i) + 0.38),
                value.clone(),
            ),
        ]
    }))?;
    root.present()?;
    Ok(())
}
