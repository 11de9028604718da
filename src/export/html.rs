//! The HTML minutes: one self-contained page (its CSS inline, readable on a phone and
//! printable on A4), a `<section>` per phase with a stable id, the action plan as a table,
//! and each right-to-left run of user text isolated in `<bdi>` (see `crate::bidi`).
//!
//! A chamber sends them under its name: the host organisation and its city head the page
//! above the title, with the date of issue under it; printed pages are numbered "page 2 / 6"
//! in the bottom margin; the attendance sheet (`sheet.rs`) is the last page.

use super::markup::{html_escape, html_text, in_session_lang};
use super::sections::{action_headers, action_rows, footer, sections};
use crate::i18n::{Lang, fill};
use crate::method::PhaseKind;
use crate::model::Session;
use crate::show::LineKind;
use chrono::NaiveDate;

pub(crate) const CSS: &str = "\
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',sans-serif;line-height:1.45;color:#1d1d1f;background:#fff;margin:0 auto;padding:1rem;max-width:48rem;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .5rem}
h2{font-size:1.2rem;border-bottom:2px solid #2b6a6e;color:#2b6a6e;padding-bottom:.2rem;margin:1.6rem 0 .6rem}
h3,header h2{font-size:1rem;margin:1rem 0 .3rem}
header h2{border:none;color:inherit;padding:0}
ul{padding-inline-start:1.3rem;margin:.3rem 0}
li{margin:.15rem 0}
p{margin:.3rem 0}
.label{font-weight:600}
.muted{color:#666;font-style:italic}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #bbb;padding:.35rem .45rem;text-align:start;vertical-align:top}
th{background:#e8f1f1}
.due{white-space:nowrap;min-width:6.5em}
th,td{min-width:5em;overflow-wrap:break-word}
footer{margin-top:2rem;border-top:1px solid #ccc;color:#555;font-size:.85rem}
.letterhead{margin:0 0 .4rem;color:#2b6a6e;font-weight:600}
.issued{margin:0 0 .8rem;color:#555}
.sheet{margin-top:3rem;padding-top:1rem;border-top:4px double #2b6a6e}
.sheet td.sign{height:3.2rem;width:35%}
.sheet th:first-child{width:30%}
@media (max-width:600px){
 body{padding:.6rem}
 table,thead,tbody,tr,th,td{display:block}
 thead{position:absolute;left:-9999px}
 tr{border:1px solid #bbb;margin-bottom:.6rem}
 td{border:none;border-bottom:1px solid #eee}
 td::before{content:attr(data-label);display:block;font-weight:600;font-size:.8rem;color:#2b6a6e}
 .sheet td.sign{width:auto}
}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}
 h2{page-break-after:avoid;break-after:avoid}
 h3{page-break-after:avoid;break-after:avoid}
 section{page-break-inside:auto}
 tr,li{page-break-inside:avoid;break-inside:avoid}
 thead{display:table-header-group}
 .table{overflow:visible}
 .sheet{break-before:page;page-break-before:always;margin:0;padding:0;border:none}
 .sheet h2{margin-top:0}
}
";

/// The printed page: A4, numbered "page 2 / 6" in the bottom margin (a page margin box,
/// which Chromium prints from version 131; a browser without them prints no number).
pub(crate) fn page_css(lang: Lang) -> String {
    let word = lang.strings().export.page;
    format!(
        "@page{{size:A4;margin:18mm 16mm;\
         @bottom-center{{content:\"{word} \" counter(page) \" / \" counter(pages);\
         font-family:system-ui,sans-serif;font-size:9pt;color:#555}}}}\n"
    )
}

/// The `id` of each phase's section, stable whatever the language.
pub fn section_id(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::CheckIn => "checkin",
        PhaseKind::FollowUp => "followup",
        PhaseKind::NeedEmergence => "needs",
        PhaseKind::ProblemReflection => "problem",
        PhaseKind::SolutionSearch => "solutions",
        PhaseKind::ActionPlan => "actions",
        PhaseKind::Closing => "closing",
    }
}

/// The minutes as one HTML page, `issued` the date of issue printed under the title (the
/// day of the export: the caller passes it, so the page is the same for the same day).
pub(super) fn html(s: &Session, lang: Lang, anonymized: bool, issued: NaiveDate) -> String {
    let show = &lang.strings().store.show;
    let colon = show.colon;
    let code = lang.code();
    // User text in the session's own language, marked where it differs from the page's.
    let user = |html: String| in_session_lang(s, lang, html);
    let lines = sections(s, lang);
    let title = lines
        .iter()
        .find(|(_, l)| l.kind == LineKind::Title)
        .map_or(String::new(), |(_, l)| l.text.clone());
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title dir=\"auto\">{}</title>\n<style>\n{CSS}{}</style>\n</head>\n<body>\n",
        html_escape(&title),
        page_css(lang),
    ));
    // Open lists, as the indent of their items, innermost last.
    let mut lists: Vec<u8> = Vec::new();
    let close_lists = |out: &mut String, lists: &mut Vec<u8>, down_to: Option<u8>| {
        while let Some(&top) = lists.last() {
            if down_to.is_some_and(|d| top <= d) {
                break;
            }
            out.push_str("</li></ul>\n");
            lists.pop();
        }
    };
    let mut in_section = false;
    let mut header_open = false;
    let mut table_done = false;
    let mut ctx: u8 = 0;
    for (phase, line) in &lines {
        let text = html_text(&line.text);
        if line.kind == LineKind::Heading {
            close_lists(&mut out, &mut lists, None);
            if header_open {
                out.push_str("</header>\n");
                header_open = false;
            }
            if in_section {
                out.push_str("</section>\n");
            }
            let id = phase.map_or("phase", section_id);
            out.push_str(&format!("<section id=\"{id}\">\n<h2>{text}</h2>\n"));
            in_section = true;
            ctx = line.indent;
            continue;
        }
        if *phase == Some(PhaseKind::ActionPlan) && !s.plan.actions.is_empty() {
            if !table_done {
                table_done = true;
                let h = action_headers(lang);
                out.push_str("<div class=\"table\">\n<table>\n<thead><tr>");
                for (i, c) in h.iter().enumerate() {
                    let class = if i == 2 { " class=\"due\"" } else { "" };
                    out.push_str(&format!("<th scope=\"col\"{class}>{}</th>", html_escape(c)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in action_rows(s, lang) {
                    out.push_str("<tr>");
                    for (i, (label, cell)) in h.iter().zip(row.iter()).enumerate() {
                        let cell = html_text(cell).replace('\n', "<br>");
                        // Owners and due date are names and a date; the rest was typed.
                        let cell = if matches!(i, 1 | 2) { cell } else { user(cell) };
                        // The due date never wraps ("01/12/2026" on one line).
                        let class = if i == 2 { " class=\"due\"" } else { "" };
                        out.push_str(&format!(
                            "<td data-label=\"{}\"{class}>{cell}</td>",
                            html_escape(label),
                        ));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n</div>\n");
            }
            continue;
        }
        match line.kind {
            LineKind::Title => {
                out.push_str("<header>\n");
                out.push_str(&letterhead(s, lang));
                out.push_str(&format!("<h1>{text}</h1>\n"));
                out.push_str(&issued_line(lang, issued));
                header_open = true;
                ctx = line.indent;
            }
            // The host and the city head the page already (the letterhead).
            LineKind::Field
                if phase.is_none() && [show.host, show.city].contains(&line.label.as_str()) => {}
            LineKind::Subheading => {
                close_lists(&mut out, &mut lists, None);
                // Under the title (the group's members) a second level, in a phase a third:
                // headings never skip a level.
                let level = if in_section { 3 } else { 2 };
                out.push_str(&format!("<h{level}>{text}</h{level}>\n"));
                ctx = line.indent;
            }
            _ => {
                let content = match line.kind {
                    LineKind::Field if !line.label.is_empty() => format!(
                        "<span class=\"label\">{}{}</span> {}",
                        html_escape(&line.label),
                        html_escape(colon.trim_end()),
                        user(text.clone())
                    ),
                    LineKind::Muted => format!("<span class=\"muted\">{text}</span>"),
                    _ => user(text.clone()),
                };
                let depth_zero = line.indent <= ctx + 1;
                if line.kind != LineKind::Item && depth_zero {
                    close_lists(&mut out, &mut lists, None);
                    out.push_str(&format!("<p>{content}</p>\n"));
                    continue;
                }
                // An item (or a detail under one) at this indent.
                close_lists(&mut out, &mut lists, Some(line.indent));
                match lists.last() {
                    Some(&top) if top == line.indent => out.push_str("</li>\n<li>"),
                    _ => {
                        out.push_str("\n<ul>\n<li>");
                        lists.push(line.indent);
                    }
                }
                out.push_str(&content);
            }
        }
    }
    close_lists(&mut out, &mut lists, None);
    if header_open {
        out.push_str("</header>\n");
    }
    if in_section {
        out.push_str("</section>\n");
    }
    out.push_str("<footer>\n");
    for f in footer(lang, anonymized) {
        out.push_str(&format!("<p>{}</p>\n", html_escape(f)));
    }
    out.push_str("</footer>\n");
    // After the minutes' footer, as an annex on its own page. A training copy names no
    // one: there is nobody to sign it (see `sheet.rs`).
    if !anonymized {
        out.push_str(&super::sheet::sheet(s, lang));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The host organisation and its city, above the title; nothing when neither was given.
fn letterhead(s: &Session, lang: Lang) -> String {
    let g = &s.group;
    let parts: Vec<String> = [&g.host, &g.city]
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| in_session_lang(s, lang, html_text(t.trim())))
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    format!("<p class=\"letterhead\">{}</p>\n", parts.join(" · "))
}

/// "Émis le 06/12/2026", the date as the rest of the minutes writes dates.
fn issued_line(lang: Lang, issued: NaiveDate) -> String {
    let date = format!(
        "<time datetime=\"{}\">{}</time>",
        issued.format("%Y-%m-%d"),
        crate::dates::show(issued)
    );
    let text = fill(&html_escape(lang.strings().export.issued), &[&date]);
    format!("<p class=\"issued\">{text}</p>\n")
}
