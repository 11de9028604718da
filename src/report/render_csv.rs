//! The report as CSV for a spreadsheet: UTF-8 with a byte-order mark, `;` between fields and
//! CRLF line ends, so that a French-locale Excel opens it right, one row per figure.

use super::render::{category_label, decimal, month, period, row_label, unreadable};
use super::{Figures, Report, lines};
use crate::i18n::Lang;
use crate::method::Method;

/// Adds a CSV row: section, breakdown, item, count, of, percent, groups.
type AddRow<'a> = dyn FnMut(&str, &str, &str, String, String, String, String) + 'a;

/// The report as CSV, one figure per row: section; breakdown (a row of `--by`, or "all");
/// item; count; of (the whole it is counted in, when it is a share); percent; groups; what
/// the figure counts. The period and any unreadable files come first, as rows of their own;
/// the programme's indicators (see `lines.rs`) last, for the whole period then each row.
pub fn to_csv(r: &Report, method: &Method, lang: Lang) -> String {
    let t = lang.strings().report;
    let f = t.figures;
    let mut rows: Vec<[String; 8]> = Vec::new();
    let s = String::new;
    // What a figure of the first sections counts, told by its section.
    let def = |section: &str| -> &str {
        let key = match section {
            x if x == t.overview => "meetings",
            x if x == t.attendance_rate => "attendance",
            x if x == t.active_members => "active",
            x if x == t.actions_planned => "done",
            _ => return "",
        };
        lines::definition(f, key)
    };
    let mut row = |section: &str,
                   breakdown: &str,
                   item: &str,
                   n: String,
                   of: String,
                   p: String,
                   g: String| {
        let d = if section == t.needs_by_category || section == t.needs_by_theme {
            f.def_needs
        } else {
            def(section)
        };
        rows.push([
            section.into(),
            breakdown.into(),
            item.into(),
            n,
            of,
            p,
            g,
            d.into(),
        ]);
    };
    row(t.period, t.all, &period(r, t), s(), s(), s(), s());
    if let Some(u) = unreadable(r, t) {
        row(
            t.overview,
            t.all,
            &u,
            r.unreadable.to_string(),
            r.files.to_string(),
            s(),
            s(),
        );
    }
    let figures = |row: &mut AddRow, name: &str, f: &Figures| {
        let n = |v: usize| v.to_string();
        row(
            t.overview,
            name,
            t.sessions_held,
            n(f.sessions),
            s(),
            s(),
            n(f.groups),
        );
        row(
            t.overview,
            name,
            t.sessions_closed,
            n(f.closed),
            n(f.sessions),
            decimal(f.closed, f.sessions, t),
            s(),
        );
        row(t.overview, name, t.groups, n(f.groups), s(), s(), s());
        let e = f.expected();
        row(
            t.attendance_rate,
            name,
            t.present,
            n(f.present),
            n(e),
            decimal(f.present, e, t),
            s(),
        );
        row(
            t.attendance_rate,
            name,
            t.excused,
            n(f.excused),
            n(e),
            decimal(f.excused, e, t),
            s(),
        );
        row(
            t.attendance_rate,
            name,
            t.absent,
            n(f.absent),
            n(e),
            decimal(f.absent, e, t),
            s(),
        );
        row(
            t.active_members,
            name,
            t.active_members,
            n(f.active),
            n(f.members),
            decimal(f.active, f.members, t),
            s(),
        );
        row(
            t.actions_planned,
            name,
            t.actions_planned,
            n(f.planned),
            s(),
            s(),
            s(),
        );
        row(
            t.actions_planned,
            name,
            t.actions_done,
            n(f.done),
            n(f.planned),
            decimal(f.done, f.planned, t),
            s(),
        );
        row(
            t.actions_planned,
            name,
            t.actions_dropped,
            n(f.dropped),
            n(f.planned),
            decimal(f.dropped, f.planned, t),
            s(),
        );
        row(
            t.actions_planned,
            name,
            t.actions_open,
            n(f.open()),
            n(f.planned),
            decimal(f.open(), f.planned, t),
            s(),
        );
        let themes: usize = f.categories.iter().map(|c| c.themes).sum();
        for c in &f.categories {
            row(
                t.needs_by_category,
                name,
                category_label(&c.key, method, lang),
                n(c.themes),
                n(themes),
                decimal(c.themes, themes, t),
                n(c.groups),
            );
        }
    };
    figures(&mut row, t.all, &r.total);
    for (m, count) in &r.months {
        row(
            t.by_month,
            t.all,
            &month(*m),
            count.to_string(),
            s(),
            s(),
            s(),
        );
    }
    for c in &r.themes {
        row(
            t.needs_by_theme,
            t.all,
            &c.title,
            c.themes.to_string(),
            s(),
            s(),
            c.groups.to_string(),
        );
    }
    for (b, f) in &r.buckets {
        figures(&mut row, &row_label(b, r, lang), f);
    }
    let mut indicators = |name: &str, figures: &Figures| {
        for l in lines::lines(figures, lang) {
            for [item, n, of, p] in l.csv {
                rows.push([
                    f.section.into(),
                    name.into(),
                    item,
                    n,
                    of,
                    p,
                    s(),
                    lines::definition(f, l.key).into(),
                ]);
            }
        }
    };
    indicators(t.all, &r.total);
    for (b, figures) in &r.buckets {
        indicators(&row_label(b, r, lang), figures);
    }

    let mut out = String::from(crate::escape::CSV_START);
    let head = [
        t.csv_section,
        t.csv_row,
        t.csv_item,
        t.csv_count,
        t.csv_of,
        t.csv_percent,
        t.csv_groups,
        f.csv_definition,
    ];
    out.push_str(&crate::escape::csv_line(&head));
    for r in rows {
        out.push_str(&crate::escape::csv_line(&r));
    }
    out
}
