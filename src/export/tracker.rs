//! The action tracker for others: every action of a group (or of every group in the folder)
//! with its session of origin, owners, due date, latest status with the session that gave it
//! and its comment, and whether it is overdue today. The columns are the timeline's actions
//! screen's, in its order. Built from the sessions cleaned by [`for_others`], so the one
//! privacy rule of the minutes holds here too (no private note, no check-in remark, phones
//! masked in every text).

use super::Format;
use super::privacy::for_others;
use crate::escape::{CSV_START, csv_line, html as html_escape, markdown_cell, markdown_heading};
use crate::i18n::{Lang, fill};
use crate::model::{ActionStatus, Group, Session};
use crate::timeline::{TrackedAction, action_tracker, attendance};
use chrono::NaiveDate;

/// One group's tracked actions, with the group as its latest session knows it plus every
/// former member (an action keeps its owner's name after they leave).
pub struct GroupTrack {
    pub group: Group,
    /// The language the group's sessions were written in (its latest session's).
    pub content_lang: Lang,
    pub actions: Vec<TrackedAction>,
}

/// Each group's sessions (one `Vec` per group, in any order) cleaned for others and tracked
/// against `today`; a group without a session is left out.
pub fn track(groups: Vec<Vec<Session>>, lang: Lang, today: NaiveDate) -> Vec<GroupTrack> {
    groups
        .into_iter()
        .filter_map(|sessions| {
            let clean: Vec<Session> = sessions.iter().map(|s| for_others(s, lang)).collect();
            let latest = clean.iter().max_by_key(|s| (s.number, s.date))?;
            let mut group = latest.group.clone();
            group.members = attendance(&clean)
                .members
                .into_iter()
                .map(|r| r.member)
                .collect();
            Some(GroupTrack {
                group,
                content_lang: latest.lang,
                actions: action_tracker(&clean, today),
            })
        })
        .collect()
}

/// One row, in the screen's column order; dates kept as dates for each format to write.
struct Row {
    group: String,
    session: u32,
    session_date: Option<NaiveDate>,
    what: String,
    owners: String,
    due: Option<NaiveDate>,
    status: &'static str,
    status_at: String,
    comment: String,
    overdue: bool,
    id: String,
}

/// The word for a latest status, as the timeline says it.
pub fn status_word(lang: Lang, status: Option<ActionStatus>) -> &'static str {
    let s = lang.strings();
    match status {
        None => s.status_unreviewed,
        Some(ActionStatus::Done) => s.status_done,
        Some(ActionStatus::InProgress) => s.status_in_progress,
        Some(ActionStatus::Blocked) => s.status_blocked,
        Some(ActionStatus::Dropped) => s.status_dropped,
    }
}

fn rows(g: &GroupTrack, lang: Lang) -> Vec<Row> {
    let s = lang.strings();
    g.actions
        .iter()
        .map(|t| {
            let review = t.status_review();
            Row {
                group: g.group.name.clone(),
                session: t.from_number,
                session_date: t.from_date,
                what: t.action.what.clone(),
                owners: t
                    .action
                    .owners
                    .iter()
                    .map(|o| o.label(s, &g.group))
                    .collect::<Vec<_>>()
                    .join(", "),
                due: t.action.due,
                status: status_word(lang, t.latest),
                status_at: review.map_or(String::new(), |r| {
                    fill(
                        s.tracker.session_on,
                        &[&r.number, &crate::dates::show(r.date)],
                    )
                }),
                comment: review.map_or(String::new(), |r| r.comment.clone()),
                overdue: t.overdue,
                id: t.action.id.as_str().to_string(),
            }
        })
        .collect()
}

/// The tracker as text (the CSV starts with its byte-order mark). `folder` says whether it
/// is the whole folder's (a group column, a title of its own) or one group's.
pub fn tracker(
    groups: &[GroupTrack],
    format: Format,
    lang: Lang,
    today: NaiveDate,
    folder: bool,
) -> String {
    let t = lang.strings().tracker;
    let title = match (folder, groups.first()) {
        (false, Some(g)) => fill(t.title_group, &[&g.group.name]),
        _ => t.title_folder.to_string(),
    };
    let all = groups.iter().map(|g| g.actions.len()).sum::<usize>();
    let late = groups
        .iter()
        .flat_map(|g| &g.actions)
        .filter(|a| a.overdue)
        .count();
    let subtitle = format!(
        "{} · {}",
        fill(t.as_of, &[&crate::dates::show(today)]),
        fill(t.counts, &[&all, &late])
    );
    match format {
        Format::Csv => csv(groups, lang),
        Format::Markdown => markdown(groups, lang, &title, &subtitle, folder),
        Format::Html => html(groups, lang, &title, &subtitle, folder),
    }
}

fn iso(d: Option<NaiveDate>) -> String {
    d.map(super::csv::csv_date).unwrap_or_default()
}

fn csv(groups: &[GroupTrack], lang: Lang) -> String {
    let t = lang.strings().tracker;
    let mut out = String::from(CSV_START);
    out.push_str(&csv_line(&[
        t.col_group,
        t.col_session,
        t.col_session_date,
        t.col_action,
        t.col_owners,
        t.col_due,
        t.col_status,
        t.col_status_at,
        t.col_comment,
        t.col_overdue,
        t.col_id,
    ]));
    for g in groups {
        for r in rows(g, lang) {
            out.push_str(&csv_line(&[
                r.group,
                r.session.to_string(),
                iso(r.session_date),
                r.what,
                r.owners,
                iso(r.due),
                r.status.to_string(),
                r.status_at,
                r.comment,
                if r.overdue { t.overdue } else { "" }.to_string(),
                r.id,
            ]));
        }
    }
    out
}

/// The columns of the Markdown and HTML tables (the group's name is the section's heading).
fn headers(lang: Lang) -> [&'static str; 9] {
    let t = lang.strings().tracker;
    [
        t.col_session,
        t.col_action,
        t.col_owners,
        t.col_due,
        t.col_status,
        t.col_status_at,
        t.col_comment,
        t.col_overdue,
        t.col_session_date,
    ]
}

fn show_date(d: Option<NaiveDate>) -> String {
    d.map(crate::dates::show).unwrap_or_default()
}

fn markdown(
    groups: &[GroupTrack],
    lang: Lang,
    title: &str,
    subtitle: &str,
    folder: bool,
) -> String {
    let t = lang.strings().tracker;
    let mut out = format!(
        "# {}\n\n{}\n",
        markdown_heading(title),
        markdown_cell(subtitle)
    );
    let h = headers(lang);
    for g in groups {
        if folder {
            out.push_str(&format!("\n## {}\n", markdown_heading(&g.group.name)));
        }
        if g.actions.is_empty() {
            out.push_str(&format!("\n*{}*\n", markdown_cell(t.none)));
            continue;
        }
        out.push_str(&format!(
            "\n| {} |\n|{}\n",
            h.join(" | "),
            "---|".repeat(h.len())
        ));
        for r in rows(g, lang) {
            let cells = [
                r.session.to_string(),
                markdown_cell(&r.what),
                markdown_cell(&r.owners),
                show_date(r.due),
                markdown_cell(r.status),
                markdown_cell(&r.status_at),
                markdown_cell(&r.comment),
                if r.overdue {
                    format!("**{}**", t.overdue)
                } else {
                    String::new()
                },
                show_date(r.session_date),
            ];
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    if groups.is_empty() {
        out.push_str(&format!("\n*{}*\n", markdown_cell(t.none)));
    }
    out.push_str(&format!("\n---\n\n*{}*\n", markdown_cell(t.footer)));
    out
}

/// The HTML class of a column of [`headers`]: dates never wrap ("01/12/2026" on one line),
/// the session number is narrow, the action and the comment wide enough to read.
fn column_class(i: usize) -> &'static str {
    match i {
        0 => " class=\"num\"",
        1 | 6 => " class=\"text\"",
        3 | 8 => " class=\"due\"",
        _ => "",
    }
}

fn html(groups: &[GroupTrack], lang: Lang, title: &str, subtitle: &str, folder: bool) -> String {
    let t = lang.strings().tracker;
    let text = |s: &str| {
        crate::bidi::isolate_rtl(s, html_escape, |run| {
            format!("<bdi>{}</bdi>", html_escape(run))
        })
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title dir=\"auto\">{}</title>\n<style>\n{}{}.late{{color:#a00;font-weight:600}}\n\
         @media (min-width:601px){{th.num,td.num{{min-width:3em;width:3em}}}}\ntd.text{{min-width:13em}}\n\
         @page{{size:A4 landscape}}\n\
         </style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p>{}</p>\n</header>\n",
        lang.code(),
        html_escape(title),
        super::html::CSS,
        super::html::page_css(lang),
        text(title),
        html_escape(subtitle),
    );
    let h = headers(lang);
    for g in groups {
        // User text in the group's own language, marked where it differs from the page's.
        let user = |s: &str| {
            let html = text(s).replace('\n', "<br>");
            if g.content_lang == lang || html.is_empty() {
                html
            } else {
                format!("<span lang=\"{}\">{html}</span>", g.content_lang.code())
            }
        };
        out.push_str("<section>\n");
        if folder {
            out.push_str(&format!("<h2>{}</h2>\n", text(&g.group.name)));
        }
        if g.actions.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n</section>\n",
                html_escape(t.none)
            ));
            continue;
        }
        out.push_str("<div class=\"table\">\n<table>\n<thead><tr>");
        for (i, c) in h.iter().enumerate() {
            let class = column_class(i);
            out.push_str(&format!("<th scope=\"col\"{class}>{}</th>", html_escape(c)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in rows(g, lang) {
            let late = if r.overdue {
                format!("<span class=\"late\">{}</span>", html_escape(t.overdue))
            } else {
                String::new()
            };
            let cells = [
                r.session.to_string(),
                user(&r.what),
                text(&r.owners),
                show_date(r.due),
                html_escape(r.status),
                html_escape(&r.status_at),
                user(&r.comment),
                late,
                show_date(r.session_date),
            ];
            out.push_str("<tr>");
            for (i, (label, cell)) in h.iter().zip(cells).enumerate() {
                let class = column_class(i);
                out.push_str(&format!(
                    "<td data-label=\"{}\"{class}>{cell}</td>",
                    html_escape(label)
                ));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }
    if groups.is_empty() {
        out.push_str(&format!("<p class=\"muted\">{}</p>\n", html_escape(t.none)));
    }
    out.push_str(&format!(
        "<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>\n",
        html_escape(t.footer)
    ));
    out
}
