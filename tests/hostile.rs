//! Every output fed hostile text (issue #10): markup, formulas, a card that looks like a
//! list, phones typed as people type them, names of the group's people in a theme title, in
//! Latin and Arabic script, emoji. The minutes, the report and the tracker must show it as
//! text, defuse it, or mask it.

mod common;

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::model::Session;
use atelier::report::{self, Facts, Options};
use atelier::sample;
use chrono::{TimeZone, Utc};

const PHONES: [&str; 3] = ["0661234567", "06 61 23 45 67", "+212 661-234-567"];

/// Texts that a formula-minded spreadsheet or a markup-minded renderer would act on.
const HOSTILE: [&str; 9] = [
    "<script>alert(2)</script>",
    "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://evil\",\"clic\") thème",
    "+1+1",
    "@SUM(A1:A9)",
    "-2+3",
    "1. pas une liste",
    "\tcaché",
    "🧵 fil صوف",
];

/// The bakers' session with hostile text and phones in every free text, and the first two
/// members' names (one in Arabic script) in theme titles.
fn hostile() -> Session {
    let mut s = sample::bakers_session(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), 7);
    s.group.members[0].name = "Karim El Alaoui".into();
    s.group.members[1].name = "محمد الأمين".into();
    let mut n = 0;
    let mut next = move || {
        n += 1;
        format!(
            "{} {}",
            HOSTILE[n % HOSTILE.len()],
            PHONES[n % PHONES.len()]
        )
    };
    s.place = next();
    s.checkin.objective = next();
    s.checkin.remarks = next();
    s.checkin.guests.iter_mut().for_each(|g| g.text = next());
    s.followup
        .reviews
        .iter_mut()
        .for_each(|r| r.comment = next());
    s.needs.cards.iter_mut().for_each(|c| c.text = next());
    for (i, t) in s.needs.themes.iter_mut().enumerate() {
        t.title = match i {
            0 => "Karim El Alaoui: dettes 0661234567".into(),
            1 => "محمد الأمين : الديون 06 61 23 45 67".into(),
            2 => "=HYPERLINK(\"http://evil\",\"clic\") thème".into(),
            3 => "<script>alert(2)</script>".into(),
            4 => "1. pas une liste +212 661-234-567".into(),
            _ => next(),
        };
    }
    s.problem.statement = next();
    s.problem.causes.iter_mut().for_each(|c| c.text = next());
    s.problem.effects.iter_mut().for_each(|c| c.text = next());
    s.solutions.ideas.iter_mut().for_each(|c| c.text = next());
    for a in &mut s.plan.actions {
        a.what = next();
        a.means = next();
        a.indicator = next();
    }
    s.closing.comments = next();
    s.closing.commitments.values_mut().for_each(|c| *c = next());
    s
}

fn report_of(s: &Session) -> report::Report {
    report::aggregate(vec![Facts::of(s)], 1, 0, Options::default())
}

/// Every field of a `;`-separated CSV, read by a real CSV parser.
fn csv_fields(text: &str) -> Vec<String> {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    r.records()
        .flat_map(|rec| rec.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

fn assert_defused(name: &str, text: &str) {
    for f in csv_fields(text) {
        assert!(
            !f.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{name}: a spreadsheet would run {f:?}"
        );
    }
}

#[test]
fn every_csv_cell_that_a_spreadsheet_would_run_is_defused() {
    let s = hostile();
    for lang in [Lang::Fr, Lang::En] {
        let r = report::to_csv(&report_of(&s), &Method::builtin(), lang);
        assert!(r.contains("'=HYPERLINK"), "{r}");
        assert_defused("report", &r);
        for anon in [false, true] {
            let csv = atelier::export::export(&s, atelier::export::Format::Csv, lang, anon);
            assert_defused("minutes", &csv);
        }
    }
}

/// The HTML a CommonMark renderer makes of `md`: fails on raw HTML taken from the text,
/// and on any ordered list or list item opening with what a card said.
fn assert_commonmark_safe(name: &str, md: &str) {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut item_start = false;
    for event in Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match &event {
            Event::Html(h) | Event::InlineHtml(h) => {
                // The only HTML the minutes write: a line break inside a table cell.
                assert_eq!(h.as_ref(), "<br>", "{name}: raw HTML {h:?} in\n{md}");
            }
            Event::Start(Tag::List(Some(_))) => panic!("{name}: an ordered list in\n{md}"),
            Event::Start(Tag::Item) => item_start = true,
            Event::Text(t) if item_start => {
                assert!(
                    !t.starts_with("pas une liste"),
                    "{name}: a card made a list"
                );
                item_start = false;
            }
            _ => {}
        }
    }
    let html = {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, Parser::new(md));
        out
    };
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{name}: {html}"
    );
}

#[test]
fn markdown_outputs_show_markup_and_lists_as_text() {
    let s = hostile();
    for lang in [Lang::Fr, Lang::En] {
        let r = report::to_markdown(&report_of(&s), &Method::builtin(), lang);
        assert!(r.contains("script"), "the title is listed: {r}");
        assert_commonmark_safe("report", &r);
        for anon in [false, true] {
            let md = atelier::export::export(&s, atelier::export::Format::Markdown, lang, anon);
            assert_commonmark_safe("minutes", &md);
        }
    }
}
