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
    for (i, g) in s.checkin.guests.iter_mut().enumerate() {
        g.text = format!("Nadia Chraibi{i}, banquière {}", PHONES[i % 3]);
    }
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
            let csv = atelier::export::export(&s, atelier::export::Format::Csv, lang, anon, s.date);
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
            let md =
                atelier::export::export(&s, atelier::export::Format::Markdown, lang, anon, s.date);
            assert_commonmark_safe("minutes", &md);
        }
    }
}

/// The names of the hostile session's people (whole and each word of four letters or more)
/// and its phones, as typed: none may be in the report.
fn people_and_phones(s: &Session) -> Vec<String> {
    let mut texts: Vec<String> = PHONES.iter().map(|p| p.to_string()).collect();
    let mut names: Vec<&str> = s.group.members.iter().map(|m| m.name.as_str()).collect();
    names.push(&s.group.advisor);
    names.extend(
        s.checkin
            .guests
            .iter()
            .filter_map(|g| g.text.split(',').next()),
    );
    for name in names {
        texts.push(name.to_string());
        texts.extend(
            name.split_whitespace()
                .filter(|w| w.chars().count() >= 4)
                .map(str::to_string),
        );
    }
    texts
}

#[test]
fn the_report_prints_no_name_and_no_phone_even_in_a_theme_title() {
    let mut s = hostile();
    // People's names planted in the titles, besides the two members' above.
    let (advisor, guest) = (s.group.advisor.clone(), s.checkin.guests[0].text.clone());
    s.needs.themes[2]
        .title
        .push_str(&format!(" conseil de {advisor}"));
    s.needs.themes[3]
        .title
        .push_str(&format!(" retour de {guest}"));
    for lang_of_session in [Lang::Fr, Lang::En] {
        s.lang = lang_of_session;
        let text = atelier::store::encode(&s).unwrap();
        let light = report::facts_of_bytes(text.as_bytes()).unwrap();
        assert_eq!(
            light,
            Facts::of(&s),
            "the light path masks as the full parse"
        );
        let r = report::aggregate(vec![light], 1, 0, Options::default());
        for lang in [Lang::Fr, Lang::En] {
            let md = report::to_markdown(&r, &Method::builtin(), lang);
            let csv = report::to_csv(&r, &Method::builtin(), lang);
            for out in [&md, &csv] {
                for t in people_and_phones(&s) {
                    assert!(!out.contains(&t), "{t:?} in the report:\n{out}");
                }
            }
            let member = if lang_of_session == Lang::Fr {
                "Membre"
            } else {
                "Member"
            };
            assert!(md.contains(&format!("{member} A: dettes")), "{md}");
            assert!(md.contains(&format!("{member} B : الديون")), "{md}");
        }
    }
}

/// Whether any of the phones, as typed, is in `text`.
fn phone_in(text: &str) -> Option<&'static str> {
    PHONES.iter().copied().find(|p| text.contains(p))
}

#[test]
fn show_without_private_and_the_minutes_mask_phones_and_leave_the_remarks_out() {
    let mut s = hostile();
    s.checkin.remarks = "Tension entre deux membres, à suivre 0661234567".into();
    let remarks = "Tension entre deux membres";
    for lang in [Lang::Fr, Lang::En] {
        let public = atelier::show::to_text(&atelier::show::show(&s, lang, false), lang);
        assert_eq!(phone_in(&public), None, "{public}");
        assert!(!public.contains(remarks), "the remarks are the advisor's");
        let private = atelier::show::to_text(&atelier::show::show(&s, lang, true), lang);
        assert!(private.contains(remarks) && phone_in(&private).is_some());
        for format in [
            atelier::export::Format::Markdown,
            atelier::export::Format::Html,
            atelier::export::Format::Csv,
        ] {
            for anon in [false, true] {
                let out = atelier::export::export(&s, format, lang, anon, s.date);
                assert_eq!(phone_in(&out), None, "{format:?}: {out}");
                assert!(!out.contains(remarks), "{format:?}: the remarks");
            }
        }
    }
}

#[test]
fn replay_masks_phones_typed_in_the_session_and_in_the_events_words() {
    use atelier::model::{Change, TextField};
    let mut s = sample::bakers_session(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), 7);
    let at = s.saved;
    for (field, phone) in [TextField::Objective, TextField::ClosingComments]
        .into_iter()
        .zip(PHONES)
    {
        let text = format!("appelez Karim au {phone}");
        s.record(at, Change::TextSet { field, text });
    }
    let card = s.needs.cards[0].id.clone();
    let text = format!("rappeler le fournisseur {}", PHONES[2]);
    s.record(at, Change::CardEdited { id: card, text });
    assert!(phone_in(&s.checkin.objective).is_some());
    for lang in [Lang::Fr, Lang::En] {
        let mut ui = atelier::ui::ReplayUi::new(&s, "x.ron".into(), None, lang);
        let n = ui.replay.len();
        ui.replay.go_to(n);
        ui.refresh();
        let shown =
            atelier::show::to_text(&atelier::show::show(&ui.view.session, lang, true), lang);
        assert_eq!(phone_in(&shown), None, "{shown}");
        for i in 0..n {
            let words = ui.replay.describe(i, lang);
            assert_eq!(phone_in(&words), None, "{words}");
        }
    }
}

/// The levels of the HTML's headings, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("h1, h2, h3, h4, h5, h6").unwrap();
    doc.select(&sel)
        .map(|h| h.value().name()[1..].parse().unwrap())
        .collect()
}

#[test]
fn html_headings_never_skip_a_level_and_user_text_carries_its_language() {
    let mut s = hostile();
    for session_lang in [Lang::Fr, Lang::En] {
        s.lang = session_lang;
        for lang in [Lang::Fr, Lang::En] {
            for anon in [false, true] {
                let html =
                    atelier::export::export(&s, atelier::export::Format::Html, lang, anon, s.date);
                let levels = heading_levels(&html);
                assert_eq!(levels.first(), Some(&1));
                for w in levels.windows(2) {
                    assert!(w[1] <= w[0] + 1, "h{} after h{}", w[1], w[0]);
                }
                let doc = scraper::Html::parse_document(&html);
                let marked = scraper::Selector::parse("body [lang]").unwrap();
                let marks: Vec<&str> = doc
                    .select(&marked)
                    .filter_map(|e| e.value().attr("lang"))
                    .collect();
                if session_lang == lang {
                    assert!(marks.is_empty(), "{marks:?}");
                } else {
                    assert!(marks.len() > 5, "user texts marked {session_lang:?}");
                    assert!(marks.iter().all(|m| *m == session_lang.code()));
                    // A card's text is inside an element of the session's language.
                    let card = s.needs.cards[0].text.split(' ').next().unwrap().to_string();
                    let inside = doc
                        .select(&marked)
                        .any(|e| e.text().collect::<String>().contains(&card));
                    assert!(inside, "{card}");
                }
            }
        }
    }
}

#[test]
fn html_shows_no_element_the_user_typed() {
    let s = hostile();
    for lang in [Lang::Fr, Lang::En] {
        for anon in [false, true] {
            let html =
                atelier::export::export(&s, atelier::export::Format::Html, lang, anon, s.date);
            let doc = scraper::Html::parse_document(&html);
            for tag in ["script", "img"] {
                let sel = scraper::Selector::parse(tag).unwrap();
                assert_eq!(doc.select(&sel).count(), 0, "a <{tag}> from user text");
            }
            assert!(html.contains("&lt;script&gt;"));
        }
    }
}

#[test]
fn the_due_date_column_never_wraps() {
    let s = hostile();
    let html = atelier::export::export(&s, atelier::export::Format::Html, Lang::Fr, false, s.date);
    assert!(html.contains(".due{white-space:nowrap"), "the style");
    let doc = scraper::Html::parse_document(&html);
    // The action table's (the attendance sheet has tables of its own).
    let th = scraper::Selector::parse("section#actions thead th").unwrap();
    let due = Lang::Fr.strings().store.show.due;
    let heads: Vec<_> = doc.select(&th).collect();
    let i = heads
        .iter()
        .position(|h| h.text().collect::<String>() == due)
        .unwrap();
    assert_eq!(heads[i].value().attr("class"), Some("due"));
    let rows = scraper::Selector::parse("section#actions tbody tr").unwrap();
    let td = scraper::Selector::parse("td").unwrap();
    for row in doc.select(&rows) {
        let cell = row.select(&td).nth(i).unwrap();
        assert_eq!(cell.value().attr("class"), Some("due"));
    }
}

#[test]
fn csv_dates_are_iso_8601() {
    let s = hostile();
    let csv = atelier::export::export(&s, atelier::export::Format::Csv, Lang::En, false, s.date);
    let iso = s.date.format("%Y-%m-%d").to_string();
    assert!(
        csv.contains(&format!("\r\n{iso};")),
        "the session date first: {csv}"
    );
    for a in &s.plan.actions {
        if let Some(due) = a.due {
            assert!(csv.contains(&due.format(";%Y-%m-%d;").to_string()), "{csv}");
        }
    }
    assert!(!csv.contains(&s.date.format("%d/%m/%Y").to_string()));
}
