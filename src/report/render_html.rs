//! The report as one HTML page (`--format html`): self-contained (its CSS inline, its charts
//! inline SVG, no script and no link out of the page), printable on A4 with the session
//! export's look, in the UI's language. The same tables as the Markdown report, with their
//! words and numbers from `render.rs` and `lines.rs`, then the charts of `charts.rs`; every
//! figure of the indicators' tables points to the footnote that says what it counts.

use super::charts::{Chart, charts};
use super::render::{
    by_table, month, needs_tables, overview, percent, period_line, row_label, unreadable,
};
use super::{Figures, Report, lines};
use crate::export::{CSS, html_text, page_css};
use crate::i18n::{Lang, fill};
use crate::method::Method;

/// What the report adds to the session export's style: charts as wide as the column, and
/// no table or chart cut across two printed pages.
const REPORT_CSS: &str = "\
figure{margin:1rem 0}
figure svg{display:block;width:100%;height:auto;max-width:680px}
figcaption{color:#555;font-size:.85rem;margin-top:.2rem}
td.n{white-space:nowrap}
sup a{text-decoration:none}
.notes li{margin:.2rem 0}
@media print{
 figure,table{break-inside:avoid;page-break-inside:avoid}
 h2+p,h3+p{break-before:avoid}
}
";

/// A table: a header row, then rows whose first cell is a row header. Every cell is
/// escaped (row labels may be group names, hosts, advisors or theme titles).
fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    out.push_str("<div class=\"table\">\n<table>\n<thead><tr>");
    for h in head {
        out.push_str(&format!("<th scope=\"col\">{}</th>", html_text(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, (h, c)) in head.iter().zip(row).enumerate() {
            let (tag, scope) = if i == 0 {
                ("th", " scope=\"row\"")
            } else {
                ("td", "")
            };
            out.push_str(&format!(
                "<{tag}{scope} data-label=\"{}\">{}</{tag}>",
                html_text(h),
                html_text(c)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn h2(out: &mut String, id: &str, text: &str) {
    out.push_str(&format!(
        "<section id=\"{id}\">\n<h2>{}</h2>\n",
        html_text(text)
    ));
}

fn p(out: &mut String, text: &str) {
    out.push_str(&format!("<p>{}</p>\n", html_text(text)));
}

/// The report as one HTML page: a title, the period, the overview, the charts, the figures
/// by month, the needs, the `--by` table and the programme's indicators with their notes.
pub fn to_html(r: &Report, method: &Method, lang: Lang) -> String {
    let t = lang.strings().report;
    let h = t.html;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}{REPORT_CSS}{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        lang.code(),
        html_text(t.title),
        page_css(lang),
        html_text(t.title),
    );
    p(&mut out, &period_line(r, lang));
    if let Some(u) = unreadable(r, t) {
        p(&mut out, &u);
    }
    out.push_str("</header>\n");
    if r.total.sessions == 0 {
        p(&mut out, t.no_sessions);
        out.push_str("</body>\n</html>\n");
        return out;
    }

    h2(&mut out, "overview", t.overview);
    table(&mut out, &[t.indicator, t.value], &overview(&r.total, t));
    out.push_str(&format!(
        "<p class=\"muted\">{}</p>\n</section>\n",
        html_text(t.definitions)
    ));

    h2(&mut out, "charts", h.charts);
    for chart in charts(r, method, lang) {
        match chart {
            Chart::Drawn { id, svg, caption } => out.push_str(&format!(
                "<figure id=\"{id}\">\n{svg}<figcaption>{}</figcaption>\n</figure>\n",
                html_text(&caption)
            )),
            Chart::Nothing(sentence) => p(&mut out, sentence),
        }
    }
    out.push_str("</section>\n");

    // Every month of the period with a session or a record: what the charts draw.
    h2(&mut out, "months", h.months_table);
    let rows: Vec<Vec<String>> = r
        .by_month
        .iter()
        .map(|(m, x)| {
            vec![
                month(*m),
                x.sessions.to_string(),
                percent(x.present, x.expected(), t),
                format!("{} / {}", x.done, x.planned),
            ]
        })
        .collect();
    table(
        &mut out,
        &[t.month, t.sessions, t.attendance, t.actions_done_of],
        &rows,
    );
    out.push_str("</section>\n");

    h2(&mut out, "needs", t.needs_by_category);
    if r.total.categories.is_empty() {
        p(&mut out, t.no_needs);
        out.push_str("</section>\n");
    } else {
        let (categories, themes) = needs_tables(r, method, lang);
        table(&mut out, &[t.category, t.themes, t.groups], &categories);
        p(&mut out, &super::charts::needs_note(lang));
        out.push_str("</section>\n");
        h2(&mut out, "themes", t.needs_by_theme);
        table(&mut out, &[t.theme, t.themes, t.groups], &themes);
        out.push_str("</section>\n");
    }

    if let Some((title, head, rows)) = by_table(r, method, lang) {
        h2(&mut out, "by", &title);
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        table(&mut out, &head, &rows);
        out.push_str("</section>\n");
    }
    indicators(&mut out, r, lang);
    out.push_str("</body>\n</html>\n");
    out
}

/// The programme's indicators: a table for the whole period and one per row of `--by`,
/// each figure's name with a link to its note, then the notes, each saying what its figure
/// counts (the Markdown report's footnotes).
fn indicators(out: &mut String, r: &Report, lang: Lang) {
    let t = lang.strings().report;
    let f = t.figures;
    let notes = lines::named_definitions(lang);
    let number = |key: &str| {
        notes
            .iter()
            .position(|(k, _, _)| *k == key)
            .map_or(0, |i| i + 1)
    };
    let table = |out: &mut String, figures: &Figures| {
        out.push_str("<div class=\"table\">\n<table>\n<thead><tr>");
        for h in [t.indicator, t.value] {
            out.push_str(&format!("<th scope=\"col\">{}</th>", html_text(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for l in lines::lines(figures, lang) {
            out.push_str(&format!(
                "<tr><th scope=\"row\" data-label=\"{}\">{}<sup><a href=\"#note-{}\">{}</a></sup></th>\
                 <td class=\"n\" data-label=\"{}\">{}</td></tr>\n",
                html_text(t.indicator),
                html_text(&l.label),
                l.key,
                number(l.key),
                html_text(t.value),
                html_text(&l.value),
            ));
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    };
    h2(out, "indicators", f.section);
    table(out, &r.total);
    out.push_str("</section>\n");
    if !r.options.by.is_empty() {
        let names: Vec<&str> = r
            .options
            .by
            .iter()
            .map(|b| super::render::by_name(*b, t))
            .collect();
        h2(
            out,
            "indicators-by",
            &fill(f.section_by, &[&names.join(" × ")]),
        );
        for (key, figures) in &r.buckets {
            out.push_str(&format!(
                "<h3>{}</h3>\n",
                html_text(&row_label(key, r, lang))
            ));
            table(out, figures);
        }
        out.push_str("</section>\n");
    }
    h2(out, "notes", f.footnotes);
    out.push_str("<ol class=\"notes\">\n");
    for (key, name, def) in &notes {
        out.push_str(&format!(
            "<li id=\"note-{key}\"><span class=\"label\">{}</span>{} {}</li>\n",
            html_text(name),
            html_text(lang.strings().store.show.colon.trim_end()),
            html_text(def),
        ));
    }
    out.push_str("</ol>\n</section>\n");
}
