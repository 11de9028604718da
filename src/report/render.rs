//! The report as Markdown tables (to read, or paste into a document); the CSV is in
//! `render_csv.rs`, with the labels and numbers written here.

use super::{Bucket, By, Figures, NeedCount, Report, RowKey, TOP_PER_BUCKET, lines};
use crate::dates;
/// A Markdown table cell: escaped (a theme title is user text), on one line.
use crate::escape::markdown_cell as cell;
use crate::i18n::{Lang, ReportStrings, fill};
use crate::method::Method;
use crate::trades;

/// Labels of need categories, from the method; an id it does not know is shown as is.
pub(super) fn category_label<'a>(
    key: &'a Option<String>,
    method: &'a Method,
    lang: Lang,
) -> &'a str {
    let t = lang.strings().report;
    match key {
        None => t.no_category,
        Some(id) => method.need_category(id).map_or(id, |c| c.label.get(lang)),
    }
}

fn bucket_label(b: &Bucket, r: &Report, lang: Lang) -> String {
    let t = lang.strings().report;
    let unset = |s: &str, none: &str| {
        if s.is_empty() {
            none.to_string()
        } else {
            s.to_string()
        }
    };
    match b {
        Bucket::Trade(id) => trades::label(id, lang).to_string(),
        Bucket::Region(r) => r.name().to_string(),
        Bucket::RegionOther => t.region_other.to_string(),
        Bucket::RegionUnset => t.region_unset.to_string(),
        Bucket::Advisor(a) => unset(a, t.figures.advisor_unset),
        Bucket::Host(h) => unset(h, t.figures.host_unset),
        Bucket::Group(id) => r
            .group_names
            .get(id)
            .filter(|n| !n.is_empty())
            .cloned()
            .unwrap_or_else(|| format!("#{}", id.short())),
        Bucket::Month(y, m) => month((*y, *m)),
    }
}

/// A row's label: its keys' labels, joined.
pub(super) fn row_label(key: &RowKey, r: &Report, lang: Lang) -> String {
    key.iter()
        .map(|b| bucket_label(b, r, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What a `--by` is called, as a table's column and a section's title.
pub(super) fn by_name(by: By, t: &ReportStrings) -> &'static str {
    match by {
        By::Trade => t.trade,
        By::Region => t.region,
        By::Advisor => t.figures.advisor,
        By::Host => t.figures.host,
        By::Group => t.figures.group,
        By::Month => t.month,
    }
}

/// A share as a whole percentage ("67 %"); a dash when there is nothing to divide.
pub(super) fn percent(part: usize, whole: usize, t: &ReportStrings) -> String {
    if whole == 0 {
        return t.nothing.to_string();
    }
    let p = (part as f64 * 100.0 / whole as f64).round();
    fill(t.percent, &[&p])
}

/// A share with one decimal, in the language's notation, for CSV ("66,7"); empty when
/// there is nothing to divide.
pub(super) fn decimal(part: usize, whole: usize, t: &ReportStrings) -> String {
    if whole == 0 {
        return String::new();
    }
    format!("{:.1}", part as f64 * 100.0 / whole as f64).replace('.', t.decimal_separator)
}

/// « Période : … (séances du … au …) »: the report's first line, in every format.
pub(super) fn period_line(r: &Report, lang: Lang) -> String {
    let t = lang.strings().report;
    let mut line = format!(
        "{}{}{}",
        t.period,
        lang.strings().store.show.colon,
        period(r, t)
    );
    if let (Some(a), Some(b)) = (r.first, r.last) {
        let between = fill(t.sessions_between, &[&dates::show(a), &dates::show(b)]);
        line.push_str(&format!(" ({between})"));
    }
    line
}

pub(super) fn period(r: &Report, t: &ReportStrings) -> String {
    let o = &r.options;
    match (o.from, o.to) {
        (Some(f), Some(to)) => fill(t.period_range, &[&dates::show(f), &dates::show(to)]),
        (Some(f), None) => fill(t.period_from, &[&dates::show(f)]),
        (None, Some(to)) => fill(t.period_to, &[&dates::show(to)]),
        (None, None) => t.period_all.to_string(),
    }
}

pub(super) fn unreadable(r: &Report, t: &ReportStrings) -> Option<String> {
    (r.unreadable > 0).then(|| t.unreadable.n(r.unreadable))
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
    for row in rows {
        let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.push('\n');
}

/// The lines of the overview, as (indicator, value).
pub(super) fn overview(f: &Figures, t: &ReportStrings) -> Vec<Vec<String>> {
    let share = |n: usize, of: usize| fill(t.count_share, &[&n, &percent(n, of, t)]);
    vec![
        vec![t.sessions_held.into(), f.sessions.to_string()],
        vec![t.sessions_closed.into(), f.closed.to_string()],
        vec![t.groups.into(), f.groups.to_string()],
        vec![
            t.attendance_rate.into(),
            t.attendance_value.fill(
                f.present,
                &[
                    &percent(f.present, f.expected(), t),
                    &f.present,
                    &f.expected(),
                ],
            ),
        ],
        vec![t.excused.into(), share(f.excused, f.expected())],
        vec![t.absent.into(), share(f.absent, f.expected())],
        vec![
            t.active_members.into(),
            fill(
                t.active_value,
                &[&f.active, &f.members, &percent(f.active, f.members, t)],
            ),
        ],
        vec![t.actions_planned.into(), f.planned.to_string()],
        vec![t.actions_done.into(), share(f.done, f.planned)],
        vec![t.actions_dropped.into(), share(f.dropped, f.planned)],
        vec![t.actions_open.into(), share(f.open(), f.planned)],
    ]
}

pub(super) fn month(ym: (i32, u32)) -> String {
    format!("{:04}-{:02}", ym.0, ym.1)
}

/// The report as Markdown: a title, the period, the overview, sessions by month, needs by
/// category and by theme title, and the by-trade or by-region table when asked.
pub fn to_markdown(r: &Report, method: &Method, lang: Lang) -> String {
    let t = lang.strings().report;
    let mut out = format!("# {}\n\n", t.title);
    out.push_str(&period_line(r, lang));
    out.push_str("\n\n");
    if let Some(u) = unreadable(r, t) {
        out.push_str(&format!("> {u}\n\n"));
    }
    if r.total.sessions == 0 {
        out.push_str(t.no_sessions);
        out.push('\n');
        return out;
    }

    out.push_str(&format!("## {}\n\n", t.overview));
    table(&mut out, &[t.indicator, t.value], &overview(&r.total, t));
    out.push_str(&format!("_{}_\n\n", t.definitions));

    out.push_str(&format!("## {}\n\n", t.by_month));
    let rows: Vec<Vec<String>> = r
        .months
        .iter()
        .map(|(m, n)| vec![month(*m), n.to_string()])
        .collect();
    table(&mut out, &[t.month, t.sessions], &rows);

    out.push_str(&format!("## {}\n\n", t.needs_by_category));
    if r.total.categories.is_empty() {
        out.push_str(&format!("{}\n\n", t.no_needs));
    } else {
        let (categories, themes) = needs_tables(r, method, lang);
        table(&mut out, &[t.category, t.themes, t.groups], &categories);

        out.push_str(&format!("## {}\n\n", t.needs_by_theme));
        table(&mut out, &[t.theme, t.themes, t.groups], &themes);
    }

    if let Some((title, head, rows)) = by_table(r, method, lang) {
        out.push_str(&format!("## {title}\n\n"));
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        table(&mut out, &head, &rows);
    }
    indicators_md(&mut out, r, lang);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The rows of the two needs tables, for Markdown and HTML alike: each need category
/// (label, themes, groups), then each of the most frequent theme titles.
pub(super) fn needs_tables(
    r: &Report,
    method: &Method,
    lang: Lang,
) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let count = |label: String, themes: usize, groups: usize| {
        vec![label, themes.to_string(), groups.to_string()]
    };
    let categories = r
        .total
        .categories
        .iter()
        .map(|c| {
            count(
                category_label(&c.key, method, lang).to_string(),
                c.themes,
                c.groups,
            )
        })
        .collect();
    let themes = r
        .themes
        .iter()
        .map(|c| count(c.title.clone(), c.themes, c.groups))
        .collect();
    (categories, themes)
}

/// The table of `--by`'s rows: its title, its header and its rows (label, sessions, groups,
/// attendance, active members, actions done of planned, main needs); `None` without `--by`.
pub(super) fn by_table(
    r: &Report,
    method: &Method,
    lang: Lang,
) -> Option<(String, Vec<String>, Vec<Vec<String>>)> {
    if r.options.by.is_empty() {
        return None;
    }
    let t = lang.strings().report;
    let names: Vec<&str> = r.options.by.iter().map(|b| by_name(*b, t)).collect();
    let title = match r.options.by[..] {
        [By::Trade] => t.by_trade.to_string(),
        [By::Region] => t.by_region.to_string(),
        _ => fill(t.figures.by_these, &[&names.join(" × ")]),
    };
    let mut head = vec![names.join(" · ")];
    head.extend(
        [
            t.sessions,
            t.groups,
            t.attendance,
            t.active_members,
            t.actions_done_of,
            t.top_needs,
        ]
        .map(str::to_string),
    );
    let rows = r
        .buckets
        .iter()
        .map(|(b, f)| {
            vec![
                row_label(b, r, lang),
                f.sessions.to_string(),
                f.groups.to_string(),
                percent(f.present, f.expected(), t),
                fill(
                    t.active_value,
                    &[&f.active, &f.members, &percent(f.active, f.members, t)],
                ),
                format!("{} / {}", f.done, f.planned),
                top_needs(&f.categories, method, lang),
            ]
        })
        .collect();
    Some((title, head, rows))
}

/// The programme's indicators: a table for the whole period and one per row of `--by`,
/// each label with its footnote, then the footnotes, each saying what its figure counts.
fn indicators_md(out: &mut String, r: &Report, lang: Lang) {
    let t = lang.strings().report;
    let f = t.figures;
    let table = |out: &mut String, figures: &Figures| {
        out.push_str(&format!("| {} | {} |\n|---|---|\n", t.indicator, t.value));
        for l in lines::lines(figures, lang) {
            // The value is numbers and the report's own words: nothing to escape.
            out.push_str(&format!(
                "| {}[^{}] | {} |\n",
                cell(&l.label),
                l.key,
                l.value
            ));
        }
        out.push('\n');
    };
    out.push_str(&format!("## {}\n\n", f.section));
    table(out, &r.total);
    if !r.options.by.is_empty() {
        let names: Vec<&str> = r.options.by.iter().map(|b| by_name(*b, t)).collect();
        out.push_str(&format!(
            "## {}\n\n",
            fill(f.section_by, &[&names.join(" × ")])
        ));
        for (key, figures) in &r.buckets {
            out.push_str(&format!("### {}\n\n", cell(&row_label(key, r, lang))));
            table(out, figures);
        }
    }
    out.push_str(&format!("## {}\n\n", f.footnotes));
    for (key, def) in lines::definitions(f) {
        out.push_str(&format!("[^{key}]: {def}\n"));
    }
}

fn top_needs(categories: &[NeedCount], method: &Method, lang: Lang) -> String {
    if categories.is_empty() {
        return lang.strings().report.nothing.to_string();
    }
    categories
        .iter()
        .take(TOP_PER_BUCKET)
        .map(|c| format!("{} ({})", category_label(&c.key, method, lang), c.themes))
        .collect::<Vec<_>>()
        .join(", ")
}
