//! The attendance sheet of the HTML minutes: on a page of its own when printed (on screen,
//! after the minutes, set apart), the group, date, place and host, then a table of the
//! members present with a blank cell for each to sign, the guests, and the advisor.
//!
//! It is built from the same cleaned session as the rest of the minutes
//! ([`super::for_others`]): no phone is in reach. An anonymized export has no sheet: its
//! pseudonyms ("Membre A") are for training, where nobody signs, and a sheet would invite
//! real signatures beside the pseudonyms of a document made to name no one.

use super::markup::{html_escape, html_text, in_session_lang};
use crate::i18n::{Lang, fill};
use crate::model::Session;

/// The sheet as a `<section>` (its heading one level under the title, as a phase's).
pub(super) fn sheet(s: &Session, lang: Lang) -> String {
    let (show, w) = (&lang.strings().store.show, lang.strings().export);
    let user = |text: &str| in_session_lang(s, lang, html_text(text));
    let mut out = String::from("<section id=\"attendance-sheet\" class=\"sheet\">\n");
    out.push_str(&format!("<h2>{}</h2>\n", html_escape(w.sheet_title)));
    let group = fill(show.title, &[&s.group.name, &s.number]);
    let date = crate::dates::show(s.date);
    for (label, value, typed) in [
        (w.col_group, group.as_str(), true),
        (show.date, date.as_str(), false),
        (show.place, s.place.as_str(), true),
        (show.host, s.group.host.as_str(), true),
    ] {
        if value.trim().is_empty() {
            continue;
        }
        let value = if typed { user(value) } else { html_text(value) };
        out.push_str(&format!(
            "<p><span class=\"label\">{}{}</span> {value}</p>\n",
            html_escape(label),
            html_escape(show.colon.trim_end()),
        ));
    }

    let present: Vec<[String; 2]> = s
        .present_members()
        .map(|m| [m.name.clone(), m.business.clone()])
        .collect();
    let heading = format!("{} ({})", w.sheet_members, present.len());
    out.push_str(&format!("<h3>{}</h3>\n", html_escape(&heading)));
    if present.is_empty() {
        out.push_str(&format!(
            "<p class=\"muted\">{}</p>\n",
            html_escape(w.sheet_no_member)
        ));
    } else {
        table(&mut out, &[w.col_name, w.col_business], &present, &user, w);
    }

    if !s.checkin.guests.is_empty() {
        let guests: Vec<[String; 2]> = s
            .checkin
            .guests
            .iter()
            .map(|g| {
                let (name, role) = super::pseudonyms::guest_parts(&g.text);
                [name, role.unwrap_or_default()]
            })
            .collect();
        let heading = format!("{} ({})", show.guests, guests.len());
        out.push_str(&format!("<h3>{}</h3>\n", html_escape(&heading)));
        table(&mut out, &[w.col_name, w.col_role], &guests, &user, w);
    }

    out.push_str(&format!("<h3>{}</h3>\n", html_escape(show.advisor)));
    table(
        &mut out,
        &[w.col_name],
        &[[s.group.advisor.clone()]],
        &user,
        w,
    );
    out.push_str("</section>\n");
    out
}

/// A table of people, one row each, with a last column left blank to sign in.
fn table<const N: usize>(
    out: &mut String,
    headers: &[&str; N],
    rows: &[[String; N]],
    user: &dyn Fn(&str) -> String,
    w: &crate::i18n::ExportStrings,
) {
    out.push_str("<div class=\"table\">\n<table>\n<thead><tr>");
    for h in headers {
        out.push_str(&format!("<th scope=\"col\">{}</th>", html_escape(h)));
    }
    out.push_str(&format!(
        "<th scope=\"col\" class=\"sign\">{}</th></tr></thead>\n<tbody>\n",
        html_escape(w.col_signature)
    ));
    for row in rows {
        out.push_str("<tr>");
        for (h, cell) in headers.iter().zip(row) {
            out.push_str(&format!(
                "<td data-label=\"{}\">{}</td>",
                html_escape(h),
                user(cell)
            ));
        }
        out.push_str(&format!(
            "<td data-label=\"{}\" class=\"sign\"></td></tr>\n",
            html_escape(w.col_signature)
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}
