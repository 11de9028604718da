//! Exports of a session for other people: Markdown and HTML minutes for the participants, a
//! CSV of the actions for a spreadsheet. Pure: each function takes a session and returns the
//! text; the command line and the TUI write it.
//!
//! What never leaves (law 09-08): the advisor's private notes, the members' phone numbers, and
//! any phone number typed into a free text (a run of nine digits or more is masked). The
//! minutes are built from [`crate::show::show`] without `private`, so they follow the same
//! order and wording as `atelier show`, and from a cleaned copy of the session
//! ([`for_others`]) so that nothing private is even in reach of the renderers.
//!
//! `--anonymize` ([`anonymize`]): member *n* of the group (in the group's order, which is
//! the order members were added and is kept from session to session) becomes "Membre A",
//! "Membre B"... and their business "Entreprise A"...; the same letter in every session of
//! the group. Their full names, business names, and first or last names alone are replaced
//! inside every free text too (case-insensitive, accents respected, any script). Guests
//! become "Invité 1"... keeping what follows the first comma (their role). The advisor's
//! name is replaced by the role (and its header line left out): training material travels beyond the host organisation, and
//! the advisor under review is not what trainees need to know.

use crate::i18n::{Lang, fill};
use crate::method::PhaseKind;
use crate::model::Session;
use crate::show::{LineKind, ShowLine};

/// The formats of `atelier export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

/// The export as text (the CSV starts with its byte-order mark).
pub fn export(session: &Session, format: Format, lang: Lang, anonymized: bool) -> String {
    let mut s = for_others(session, lang);
    if anonymized {
        anonymize(&mut s, lang);
    }
    match format {
        Format::Markdown => markdown(&s, lang, anonymized),
        Format::Html => html(&s, lang, anonymized),
        Format::Csv => csv(&s, lang),
    }
}

/// Writes an export whole or not at all (a temporary file renamed); the error is a
/// sentence about the export, not about saving a session.
pub fn write(path: &std::path::Path, text: &str, lang: Lang) -> Result<(), String> {
    use crate::store::SaveErrorKind as K;
    use std::io::Write;
    crate::store::write_atomic(path, text, |f, b| f.write_all(b)).map_err(|e| {
        let w = lang.strings().export;
        let p = path.display();
        match e.kind {
            K::Full => fill(w.write_full, &[&p]),
            K::ReadOnly | K::Denied => fill(w.write_denied, &[&p]),
            K::FolderGone => fill(w.write_no_folder, &[&p]),
            K::Encode | K::Other => fill(w.write_other, &[&p, &e.detail]),
        }
    })
}

/// A copy of the session with nothing private in it: no private notes, no phones, no drafts
/// or history (which hold the same texts), and phone numbers masked in every free text.
pub fn for_others(session: &Session, lang: Lang) -> Session {
    let mut s = session.clone();
    s.closing.private_notes.clear();
    s.drafts.clear();
    s.history.clear();
    for m in &mut s.group.members {
        m.phone.clear();
    }
    let hidden = lang.strings().export.phone_hidden;
    for_each_text(&mut s, &mut |t| mask_phones(t, hidden));
    s
}

/// Calls `f` on every free text of the session that an export may print.
fn for_each_text(s: &mut Session, f: &mut dyn FnMut(&mut String)) {
    f(&mut s.place);
    f(&mut s.group.name);
    f(&mut s.group.host);
    f(&mut s.group.city);
    let c = &mut s.checkin;
    c.guests.iter_mut().for_each(|g| f(&mut g.text));
    f(&mut c.objective);
    f(&mut c.remarks);
    for r in &mut s.followup.reviews {
        f(&mut r.action.what);
        f(&mut r.action.means);
        f(&mut r.action.indicator);
        f(&mut r.comment);
    }
    let n = &mut s.needs;
    n.cards.iter_mut().for_each(|c| f(&mut c.text));
    n.themes.iter_mut().for_each(|t| f(&mut t.title));
    n.backlog.iter_mut().for_each(|b| f(&mut b.title));
    let p = &mut s.problem;
    f(&mut p.statement);
    p.causes.iter_mut().for_each(|c| f(&mut c.text));
    p.effects.iter_mut().for_each(|e| f(&mut e.text));
    s.solutions.ideas.iter_mut().for_each(|i| f(&mut i.text));
    for a in &mut s.plan.actions {
        f(&mut a.what);
        f(&mut a.means);
        f(&mut a.indicator);
    }
    let c = &mut s.closing;
    for t in c.commitments.values_mut() {
        f(t);
    }
    f(&mut c.comments);
    f(&mut c.next.place);
    f(&mut c.next.topic);
}

/// Masks the phone numbers typed into a free text (`privacy::phone_runs`).
fn mask_phones(text: &mut String, hidden: &str) {
    let chars: Vec<char> = text.chars().collect();
    let runs = crate::privacy::phone_runs(&chars);
    if runs.is_empty() {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for run in runs {
        out.extend(&chars[from..run.start]);
        out.push_str(hidden);
        from = run.end;
    }
    out.extend(&chars[from..]);
    *text = out;
}

/// A, B... Z, AA, AB...: the letter of the member at `index` in the group.
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Words too common in names to stand for one person when alone.
const PARTICLES: [&str; 14] = [
    "el", "al", "ait", "aït", "ben", "bent", "ibn", "ou", "de", "du", "la", "le", "les", "des",
];

/// Replaces names with pseudonyms, in the members' records and in every free text.
pub fn anonymize(s: &mut Session, lang: Lang) {
    let w = lang.strings().export;
    // (pattern, replacement); whole names first, then first and last names alone.
    let mut whole: Vec<(String, String)> = Vec::new();
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    let add_parts = |name: &str, pseudonym: &str, parts: &mut Vec<(String, Vec<String>)>| {
        for token in name.split(|c: char| c.is_whitespace() || c == '-') {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            if token.chars().count() < 3 || PARTICLES.contains(&token.to_lowercase().as_str()) {
                continue;
            }
            let key = token.to_lowercase();
            match parts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, who)) if !who.iter().any(|p| p == pseudonym) => {
                    who.push(pseudonym.to_string())
                }
                Some(_) => {}
                None => parts.push((key, vec![pseudonym.to_string()])),
            }
        }
    };
    for (i, m) in s.group.members.iter_mut().enumerate() {
        let l = letter(i);
        let member = fill(w.member, &[&l]);
        let business = fill(w.business, &[&l]);
        if !m.name.trim().is_empty() {
            whole.push((m.name.trim().to_string(), member.clone()));
            add_parts(&m.name, &member, &mut parts);
        }
        if !m.business.trim().is_empty() {
            whole.push((m.business.trim().to_string(), business.clone()));
            m.business = business;
        }
        m.name = member;
    }
    if !s.group.advisor.trim().is_empty() {
        whole.push((s.group.advisor.trim().to_string(), w.advisor.to_string()));
        add_parts(&s.group.advisor.clone(), w.advisor, &mut parts);
        // The role is named where it acts (owners: "the advisor"); the name line goes.
        s.group.advisor.clear();
    }
    for (i, g) in s.checkin.guests.iter_mut().enumerate() {
        let pseudonym = fill(w.guest, &[&(i + 1)]);
        let (name, role) = match g.text.split_once(',') {
            Some((name, role)) => (name.trim().to_string(), Some(role.trim().to_string())),
            None => (g.text.trim().to_string(), None),
        };
        whole.push((name.clone(), pseudonym.clone()));
        add_parts(&name, &pseudonym, &mut parts);
        g.text = match role {
            Some(role) => format!("{pseudonym}, {role}"),
            None => pseudonym,
        };
    }
    let mut patterns: Vec<(Vec<char>, String)> = whole
        .into_iter()
        .map(|(k, v)| (k.chars().collect(), v))
        .chain(
            parts
                .into_iter()
                .map(|(k, who)| (k.chars().collect(), who.join(" / "))),
        )
        .collect();
    // Longest first, so "Fatima Zahra El Idrissi" wins over "Fatima".
    patterns.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    for_each_text(s, &mut |t| replace_names(t, &patterns));
}

fn same(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// Replaces each pattern found as a whole word (not inside a longer word), ignoring case.
fn replace_names(text: &mut String, patterns: &[(Vec<char>, String)]) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    'outer: while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if starts_word {
            for (pat, with) in patterns {
                let end = i + pat.len();
                if end <= chars.len()
                    && chars[i..end].iter().zip(pat).all(|(a, b)| same(*a, *b))
                    && chars.get(end).is_none_or(|c| !c.is_alphanumeric())
                {
                    out.push_str(with);
                    changed = true;
                    i = end;
                    continue 'outer;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    if changed {
        *text = out;
    }
}

/// The document's lines with the phase each belongs to (None for the header), without the
/// planned/actual minutes of each phase, which are for the advisor.
fn sections(s: &Session, lang: Lang) -> Vec<(Option<PhaseKind>, ShowLine)> {
    let mut out = Vec::new();
    let mut phase: Option<PhaseKind> = None;
    let mut index = 0;
    let mut after_heading = false;
    for line in crate::show::show(s, lang, false) {
        if line.kind == LineKind::Heading {
            phase = s.method.phases.get(index).map(|p| p.kind);
            index += 1;
            after_heading = true;
            out.push((phase, line));
            continue;
        }
        if after_heading && line.kind == LineKind::Muted {
            after_heading = false;
            continue;
        }
        after_heading = false;
        out.push((phase, line));
    }
    out
}

/// One row of the action table: action, owners, due date, means, indicator, linked idea.
fn action_rows(s: &Session, lang: Lang) -> Vec<[String; 6]> {
    s.plan
        .actions
        .iter()
        .map(|a| {
            let owners: Vec<String> = a
                .owners
                .iter()
                .map(|o| crate::show::owner_name(s, o, lang))
                .collect();
            let idea = a
                .idea
                .as_ref()
                .and_then(|i| s.solutions.ideas.iter().find(|x| &x.id == i))
                .map_or(String::new(), |i| i.text.clone());
            [
                a.what.clone(),
                owners.join(", "),
                a.due.map(crate::dates::show).unwrap_or_default(),
                a.means.clone(),
                a.indicator.clone(),
                idea,
            ]
        })
        .collect()
}

fn action_headers(lang: Lang) -> [&'static str; 6] {
    let (l, w) = (&lang.strings().store.show, lang.strings().export);
    [
        w.col_action,
        l.owners,
        l.due,
        l.means,
        l.indicator,
        l.from_idea,
    ]
}

fn footer(lang: Lang, anonymized: bool) -> Vec<&'static str> {
    let w = lang.strings().export;
    let mut v = vec![w.footer];
    if anonymized {
        v.push(w.footer_anonymized);
    }
    v
}

// ---------------------------------------------------------------------------------------
// Markdown

/// Backslash-escapes what Markdown would read as markup.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(s: &Session, lang: Lang, anonymized: bool) -> String {
    let colon = lang.strings().store.show.colon;
    let mut out = String::new();
    let mut ctx: u8 = 0;
    let mut in_list = false;
    let mut table_done = false;
    let block = |out: &mut String, in_list: &mut bool, list: bool| {
        if (*in_list != list || !list) && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        *in_list = list;
    };
    for (phase, line) in sections(s, lang) {
        if phase == Some(PhaseKind::ActionPlan) && !s.plan.actions.is_empty() {
            if line.kind == LineKind::Heading {
                block(&mut out, &mut in_list, false);
                out.push_str(&format!("## {}\n", md_escape(&line.text)));
            } else if !table_done {
                table_done = true;
                block(&mut out, &mut in_list, false);
                let h = action_headers(lang);
                out.push_str(&format!("| {} |\n", h.join(" | ")));
                out.push_str(&format!("|{}\n", "---|".repeat(h.len())));
                for row in action_rows(s, lang) {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| md_escape(c).replace('\n', "<br>"))
                        .collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
            }
            continue;
        }
        let text = md_escape(&line.text);
        match line.kind {
            LineKind::Title => {
                block(&mut out, &mut in_list, false);
                ctx = line.indent;
                out.push_str(&format!("# {text}\n"));
            }
            LineKind::Heading => {
                block(&mut out, &mut in_list, false);
                ctx = line.indent;
                out.push_str(&format!("## {text}\n"));
            }
            LineKind::Subheading => {
                block(&mut out, &mut in_list, false);
                ctx = line.indent;
                out.push_str(&format!("### {text}\n"));
            }
            kind => {
                let depth = usize::from(line.indent.saturating_sub(ctx + 1));
                let content = match kind {
                    LineKind::Field if !line.label.is_empty() => {
                        format!("**{}{}** {text}", md_escape(&line.label), colon.trim_end())
                    }
                    LineKind::Muted => format!("*{text}*"),
                    _ => text,
                };
                let list = kind == LineKind::Item || depth > 0;
                block(&mut out, &mut in_list, list);
                if list {
                    out.push_str(&"  ".repeat(depth));
                    out.push_str("- ");
                }
                out.push_str(content.trim_end());
                out.push('\n');
            }
        }
    }
    block(&mut out, &mut in_list, false);
    out.push_str("---\n\n");
    for f in footer(lang, anonymized) {
        out.push_str(&format!("*{}*\n\n", md_escape(f)));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------
// HTML

/// Escapes text for HTML content and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// User text for HTML: escaped, each right-to-left run isolated in `<bdi>` (see `bidi`).
fn html_text(text: &str) -> String {
    crate::bidi::isolate_rtl(text, html_escape, |run| {
        format!("<bdi>{}</bdi>", html_escape(run))
    })
}

const CSS: &str = "\
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',sans-serif;line-height:1.45;color:#1d1d1f;background:#fff;margin:0 auto;padding:1rem;max-width:48rem;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .5rem}
h2{font-size:1.2rem;border-bottom:2px solid #2b6a6e;color:#2b6a6e;padding-bottom:.2rem;margin:1.6rem 0 .6rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
ul{padding-inline-start:1.3rem;margin:.3rem 0}
li{margin:.15rem 0}
p{margin:.3rem 0}
.label{font-weight:600}
.muted{color:#666;font-style:italic}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #bbb;padding:.35rem .45rem;text-align:start;vertical-align:top}
th{background:#e8f1f1}
footer{margin-top:2rem;border-top:1px solid #ccc;color:#555;font-size:.85rem}
@media (max-width:600px){
 body{padding:.6rem}
 table,thead,tbody,tr,th,td{display:block}
 thead{position:absolute;left:-9999px}
 tr{border:1px solid #bbb;margin-bottom:.6rem}
 td{border:none;border-bottom:1px solid #eee}
 td::before{content:attr(data-label);display:block;font-weight:600;font-size:.8rem;color:#2b6a6e}
}
@page{size:A4;margin:18mm 16mm}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}
 h2{page-break-after:avoid;break-after:avoid}
 h3{page-break-after:avoid;break-after:avoid}
 section{page-break-inside:auto}
 tr,li{page-break-inside:avoid;break-inside:avoid}
 thead{display:table-header-group}
 .table{overflow:visible}
}
";

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

fn html(s: &Session, lang: Lang, anonymized: bool) -> String {
    let colon = lang.strings().store.show.colon;
    let code = match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let lines = sections(s, lang);
    let title = lines
        .iter()
        .find(|(_, l)| l.kind == LineKind::Title)
        .map_or(String::new(), |(_, l)| l.text.clone());
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title dir=\"auto\">{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        html_escape(&title)
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
                for c in h {
                    out.push_str(&format!("<th scope=\"col\">{}</th>", html_escape(c)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in action_rows(s, lang) {
                    out.push_str("<tr>");
                    for (label, cell) in h.iter().zip(row.iter()) {
                        out.push_str(&format!(
                            "<td data-label=\"{}\">{}</td>",
                            html_escape(label),
                            html_text(cell).replace('\n', "<br>")
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
                out.push_str(&format!("<header>\n<h1>{text}</h1>\n"));
                header_open = true;
                ctx = line.indent;
            }
            LineKind::Subheading => {
                close_lists(&mut out, &mut lists, None);
                out.push_str(&format!("<h3>{text}</h3>\n"));
                ctx = line.indent;
            }
            _ => {
                let content = match line.kind {
                    LineKind::Field if !line.label.is_empty() => format!(
                        "<span class=\"label\">{}{}</span> {text}",
                        html_escape(&line.label),
                        html_escape(colon.trim_end())
                    ),
                    LineKind::Muted => format!("<span class=\"muted\">{text}</span>"),
                    _ => text.clone(),
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
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------------------------------
// CSV

/// A field quoted when it holds the separator, a quote or a line break (RFC 4180 with `;`);
/// a leading `=`, `+`, `-` or `@` is kept as text by a leading quote mark inside the quotes,
/// so a spreadsheet does not run it as a formula.
fn csv_field(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r', ',']) || risky {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Day/month/year, as a French spreadsheet reads a date.
fn csv_date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn csv(s: &Session, lang: Lang) -> String {
    let w = lang.strings().export;
    let h = action_headers(lang);
    let header = [
        w.col_session_date,
        w.col_group,
        w.col_session_number,
        h[0],
        h[1],
        h[2],
        h[3],
        h[4],
        h[5],
        w.col_status,
        w.col_id,
    ];
    let mut out = String::from("\u{feff}");
    let row = |out: &mut String, cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    row(
        &mut out,
        &header.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    );
    for (a, cells) in s.plan.actions.iter().zip(action_rows(s, lang)) {
        let [what, owners, _, means, indicator, idea] = cells;
        row(
            &mut out,
            &[
                csv_date(s.date),
                s.group.name.clone(),
                s.number.to_string(),
                what,
                owners,
                a.due.map(csv_date).unwrap_or_default(),
                means,
                indicator,
                idea,
                w.planned.to_string(),
                a.id.as_str().to_string(),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_go_on_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
    }

    #[test]
    fn phones_are_masked_however_typed() {
        for phone in [
            "+212 6 61 23 45 67",
            "06 62 87 14 30",
            "0662871430",
            "06.62.87.14.30",
        ] {
            let mut t = format!("Appeler {phone} demain");
            mask_phones(&mut t, "[x]");
            assert_eq!(t, "Appeler [x] demain", "{phone}");
        }
        let mut t = "Le 12/03/2026, 1 500 000 DH et 3 fours".to_string();
        let before = t.clone();
        mask_phones(&mut t, "[x]");
        assert_eq!(t, before);
    }

    #[test]
    fn names_match_whole_words_ignoring_case_not_accents() {
        let pats = vec![
            ("fatima".chars().collect(), "Membre A".to_string()),
            ("محمد".chars().collect(), "Membre D".to_string()),
            ("épi".chars().collect(), "X".to_string()),
        ];
        let mut t = "FATIMA et Fatimaa, محمد. Épi, Epi".to_string();
        replace_names(&mut t, &pats);
        assert_eq!(t, "Membre A et Fatimaa, Membre D. X, Epi");
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field("simple"), "simple");
    }
}
