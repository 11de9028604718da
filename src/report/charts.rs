//! The HTML report's charts: SVG drawn by `plotters` (its SVG backend, into a string), then
//! given a text alternative by one pass that only adds to plotters' output: `role="img"`,
//! `aria-labelledby`, a `<title>` and a `<desc>` saying the data in words.
//!
//! Read in black and white: values are written beside their bars and points (over a long
//! period, beside some of them: the table by month has them all), the one chart with two
//! series tells them apart by fill against outline and names them in its legend, and the
//! only colour is a dark teal that prints as a dark grey. The drawing is in `plot.rs`.

use super::Report;
use super::lines::ratio;
use super::plot::{Bar, actions, attendance, bars_height, draw, hbars};
use super::render::category_label;
use crate::escape;
use crate::i18n::{Lang, fill};
use crate::method::Method;
use crate::model::LegalStatus;
use strum::VariantArray;

/// A chart of the page, or what is said in its place.
pub(super) enum Chart {
    Drawn {
        /// The figure's id in the page (its title and desc ids derive from it).
        id: &'static str,
        /// The SVG, with its text alternative.
        svg: String,
        /// What it counts (the report's definitions).
        caption: String,
    },
    /// Nothing to draw: a sentence instead of an empty chart.
    Nothing(&'static str),
}

/// The charts of a report with sessions: attendance by month, actions done against planned
/// by month, needs by category, members by gender and by legal status.
pub(super) fn charts(r: &Report, method: &Method, lang: Lang) -> Vec<Chart> {
    let s = lang.strings();
    let t = s.report.html;
    let month = |(y, m): (i32, u32)| t.month(y, m);
    let percent = |part: usize, whole: usize| {
        let p = ratio(part as f64 * 100.0, whole as f64, 0, lang);
        fill(s.report.percent, &[&p])
    };
    let mut out = Vec::new();

    // Every calendar month from the first to the last of the period's: a month with no
    // session nor record is a gap, not a month less.
    let months = calendar(r);
    let figures = |m: &(i32, u32)| r.by_month.iter().find(|(k, _)| k == m).map(|(_, x)| x);

    // Attendance: a point where attendance was taken.
    let rates: Vec<Option<(f64, String)>> = months
        .iter()
        .map(|m| {
            let x = figures(m).filter(|x| x.expected() > 0)?;
            let rate = x.present as f64 * 100.0 / x.expected() as f64;
            Some((rate, percent(x.present, x.expected())))
        })
        .collect();
    if rates.iter().all(Option::is_none) {
        out.push(Chart::Nothing(t.no_attendance));
    } else {
        let words: Vec<String> = months
            .iter()
            .zip(&rates)
            .filter_map(|(m, r)| {
                r.as_ref()
                    .map(|(_, p)| fill(t.attendance_item, &[&month(*m), p]))
            })
            .collect();
        let svg = draw(290, |root| attendance(root, &months, &rates, lang));
        out.push(drawn(
            "chart-attendance",
            t.attendance_title,
            &words,
            svg,
            &what_counts(&["attendance"], lang),
            lang,
        ));
    }

    // Actions, by the month they were decided in.
    if r.by_month.iter().all(|(_, x)| x.planned == 0) {
        out.push(Chart::Nothing(t.no_actions));
    } else {
        let counts: Vec<Option<(usize, usize)>> = months
            .iter()
            .map(|m| figures(m).map(|x| (x.planned, x.done)))
            .collect();
        let words: Vec<String> = r
            .by_month
            .iter()
            .map(|(m, x)| fill(t.actions_item, &[&month(*m), &x.done, &x.planned]))
            .collect();
        let svg = draw(300, |root| actions(root, &months, &counts, lang));
        let caption = what_counts(&["planned", "done"], lang);
        out.push(drawn(
            "chart-actions",
            t.actions_title,
            &words,
            svg,
            &caption,
            lang,
        ));
    }

    // Needs: every category, most frequent first (as the table).
    let total = &r.total;
    if !total.categories.is_empty() {
        let bars: Vec<Bar> = total
            .categories
            .iter()
            .map(|c| Bar {
                name: escape::visible(category_label(&c.key, method, lang)).into_owned(),
                count: c.themes,
                shown: c.themes.to_string(),
            })
            .collect();
        let words: Vec<String> = bars
            .iter()
            .map(|b| fill(t.needs_item, &[&b.name, &b.shown]))
            .collect();
        let svg = draw(bars_height(bars.len()), |root| {
            hbars(root, t.needs_title, t.needs_axis, &bars)
        });
        out.push(drawn(
            "chart-needs",
            t.needs_title,
            &words,
            svg,
            &needs_note(lang),
            lang,
        ));
    }

    // Members: by gender, by legal status (the statuses nobody has are left out).
    if total.members == 0 {
        out.push(Chart::Nothing(t.no_members));
        return out;
    }
    let bar = |name: &str, count: usize| Bar {
        name: name.to_string(),
        count,
        shown: fill(
            s.report.count_share,
            &[&count, &percent(count, total.members)],
        ),
    };
    let gender = [
        bar(t.women, total.women),
        bar(t.others, total.members - total.women),
    ];
    let statuses: Vec<Bar> = total
        .statuses
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| {
            let name = LegalStatus::VARIANTS
                .get(i)
                .map_or(t.status_unset, |st| st.label(s));
            bar(name, *n)
        })
        .collect();
    for (id, title, bars, def) in [
        ("chart-gender", t.gender_title, &gender[..], "women"),
        ("chart-status", t.status_title, &statuses[..], "status"),
    ] {
        let words: Vec<String> = bars
            .iter()
            .map(|b| {
                fill(
                    t.members_item,
                    &[&b.name, &b.count, &percent(b.count, total.members)],
                )
            })
            .collect();
        let svg = draw(bars_height(bars.len()), |root| {
            hbars(root, title, t.members_axis, bars)
        });
        out.push(drawn(
            id,
            title,
            &words,
            svg,
            &what_counts(&[def], lang),
            lang,
        ));
    }
    out
}

/// The calendar months from the report's first month to its last, gaps included.
fn calendar(r: &Report) -> Vec<(i32, u32)> {
    let (Some(first), Some(last)) = (r.by_month.first(), r.by_month.last()) else {
        return Vec::new();
    };
    let mut out = vec![first.0];
    while let Some(&(y, m)) = out.last().filter(|m| **m < last.0) {
        out.push(if m == 12 { (y + 1, 1) } else { (y, m + 1) });
    }
    out
}

/// What the figures of a chart count: each one's name and definition, as the report's notes
/// say them.
fn what_counts(keys: &[&str], lang: Lang) -> String {
    let colon = lang.strings().store.show.colon;
    super::lines::named_definitions(lang)
        .into_iter()
        .filter(|(k, _, _)| keys.contains(k))
        .map(|(_, name, def)| format!("{name}{colon}{def}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the needs' figures count (the Markdown report gives it in its CSV only).
pub(super) fn needs_note(lang: Lang) -> String {
    let r = lang.strings().report;
    let colon = lang.strings().store.show.colon;
    format!("{}{colon}{}", r.themes, r.figures.def_needs)
}

/// A drawn chart with its text alternative. Should plotters fail (it writes to a string, so
/// it does not), the data in words stands in its place.
fn drawn(
    id: &'static str,
    title: &str,
    words: &[String],
    svg: Option<String>,
    caption: &str,
    lang: Lang,
) -> Chart {
    let t = lang.strings().report.html;
    let desc = fill(t.data, &[&words.join(t.separator)]);
    let svg = match svg {
        Some(svg) => accessible(&svg, id, title, &desc),
        None => format!("<p>{}</p>", escape::html(&desc)),
    };
    Chart::Drawn {
        id,
        svg,
        caption: caption.to_string(),
    }
}

/// Plotters' SVG with a text alternative: `role="img"` and `aria-labelledby` added to the
/// `<svg>` tag, a `<title>` and a `<desc>` added as its first children. Nothing else of it
/// is changed.
pub(super) fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else {
        return svg.to_string();
    };
    format!(
        "{} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{}",
        &svg[..end],
        escape::html(title),
        escape::html(desc),
        &svg[end + 1..],
    )
}
