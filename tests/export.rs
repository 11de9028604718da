//! `atelier export`: goldens of each format, proofs that nothing private (private notes,
//! phones) and, anonymized, no name leaves; the HTML read by an HTML5 parser, the CSV read
//! back by a CSV parser; the command through the real binary.

mod common;

use atelier::export::{Format, export, section_id};
use atelier::i18n::Lang;
use atelier::model::Session;
use atelier::sample;
use chrono::{NaiveDate, TimeZone, Utc};
use common::binary::Env;
use scraper::{Html, Selector};

/// The date of issue the HTML minutes print: a fixed day, so goldens are stable.
fn issued() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

fn bakers() -> Session {
    sample::bakers_session(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), 7)
}

const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Csv];

/// Every export of a session: each format, each language, plain and anonymized.
fn every_export(s: &Session) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for format in ALL {
        for lang in [Lang::Fr, Lang::En] {
            for anon in [false, true] {
                let name = format!("{format:?} {lang:?} anonymized={anon}");
                out.push((name, export(s, format, lang, anon, issued())));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Goldens

#[test]
fn golden_markdown_fr() {
    insta::assert_snapshot!(export(
        &bakers(),
        Format::Markdown,
        Lang::Fr,
        false,
        issued()
    ));
}

#[test]
fn golden_markdown_fr_anonymized() {
    insta::assert_snapshot!(export(
        &bakers(),
        Format::Markdown,
        Lang::Fr,
        true,
        issued()
    ));
}

#[test]
fn golden_markdown_en() {
    insta::assert_snapshot!(export(
        &bakers(),
        Format::Markdown,
        Lang::En,
        false,
        issued()
    ));
}

#[test]
fn golden_markdown_en_anonymized() {
    insta::assert_snapshot!(export(
        &bakers(),
        Format::Markdown,
        Lang::En,
        true,
        issued()
    ));
}

#[test]
fn golden_html_fr() {
    insta::assert_snapshot!(export(&bakers(), Format::Html, Lang::Fr, false, issued()));
}

#[test]
fn golden_html_fr_anonymized() {
    insta::assert_snapshot!(export(&bakers(), Format::Html, Lang::Fr, true, issued()));
}

#[test]
fn golden_csv_fr() {
    // The BOM and CRLF are part of the format: shown escaped so the golden is readable.
    let csv = export(&bakers(), Format::Csv, Lang::Fr, false, issued());
    insta::assert_snapshot!(csv.replace('\u{feff}', "<BOM>").replace("\r\n", "<CRLF>\n"));
}

#[test]
fn golden_csv_fr_anonymized() {
    let csv = export(&bakers(), Format::Csv, Lang::Fr, true, issued());
    insta::assert_snapshot!(csv.replace('\u{feff}', "<BOM>").replace("\r\n", "<CRLF>\n"));
}

// ---------------------------------------------------------------------------------------
// Nothing private, no name when anonymized

/// The bakers' session with a phone typed into a card and a comment, so masking is tested
/// on free text, not only on the members' phone field.
fn bakers_with_phones_in_text() -> Session {
    let mut s = bakers();
    s.needs.cards[0]
        .text
        .push_str(" — appelez-moi au 06 62 87 14 30");
    s.closing
        .comments
        .push_str(" Contact : +212 6 61 23 45 67.");
    s
}

/// Pieces of the private notes found nowhere else in the session (a note names members,
/// whose names are rightly elsewhere): their presence could only come from the notes.
fn private_fragments(s: &Session) -> Vec<String> {
    let notes = &s.closing.private_notes;
    assert!(!notes.trim().is_empty(), "the sample has private notes");
    let mut public = s.clone();
    public.closing.private_notes.clear();
    let public = atelier::show::to_text(&atelier::show::show(&public, Lang::Fr, true), Lang::Fr);
    notes
        .split(['.', ':', ';', ',', '\n'])
        .map(str::trim)
        .filter(|f| f.chars().count() >= 12 && !public.contains(f))
        .map(str::to_string)
        .collect()
}

#[test]
fn no_export_holds_a_private_note_or_a_phone_number() {
    let s = bakers_with_phones_in_text();
    let fragments = private_fragments(&s);
    assert!(!fragments.is_empty());
    let phones: Vec<&str> = s
        .group
        .members
        .iter()
        .map(|m| m.phone.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    assert!(phones.len() >= 5);
    for (name, text) in every_export(&s) {
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for f in &fragments {
            assert!(!text.contains(f.as_str()), "{name}: private note {f:?}");
        }
        for p in &phones {
            let digits: String = p.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(!text.contains(p), "{name}: phone {p}");
            assert!(!squeezed.contains(&digits), "{name}: phone {digits}");
        }
        for p in ["06 62 87 14 30", "+212 6 61 23 45 67"] {
            assert!(!text.contains(p), "{name}: phone typed in a text {p}");
        }
    }
}

#[test]
fn anonymized_exports_hold_no_member_business_guest_or_advisor_name() {
    let mut s = bakers();
    // A first name in a free text the minutes print (the check-in remarks, which name one
    // in the sample, are the advisor's and stay out).
    s.checkin.objective.push_str(" Youssef arrivé en retard.");
    let mut names: Vec<String> = Vec::new();
    for m in &s.group.members {
        names.push(m.name.clone());
        names.push(m.business.clone());
        // First and last names alone too, Arabic ones included.
        for part in m.name.split_whitespace() {
            if part.chars().count() >= 4 {
                names.push(part.to_string());
            }
        }
    }
    names.push(s.group.advisor.clone());
    names.push("Omar Kettani".into());
    // Sanity: the plain export does hold them, so the check below means something.
    let plain = export(&s, Format::Markdown, Lang::Fr, false, issued());
    assert!(plain.contains("محمد الأمين") && plain.contains("Youssef"));
    assert!(
        plain.contains("Youssef arrivé"),
        "a first name inside free text"
    );
    for (name, text) in every_export(&s)
        .into_iter()
        .filter(|(n, _)| n.ends_with("=true"))
    {
        for n in names.iter().filter(|n| !n.trim().is_empty()) {
            let found = text.to_lowercase().contains(&n.to_lowercase());
            assert!(!found, "{name}: {n:?} is still there");
        }
    }
}

#[test]
fn pseudonyms_are_stable_across_the_sessions_of_a_group() {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let series = sample::series(now, 7);
    // The letter is the member's place in the group, which each session carries the same.
    let mut letters: std::collections::BTreeMap<String, String> = Default::default();
    for s in &series {
        let md = export(s, Format::Markdown, Lang::Fr, true, issued());
        for (i, m) in s.group.members.iter().enumerate() {
            let letter = atelier::export::letter(i);
            let known = letters
                .entry(m.id.as_str().to_string())
                .or_insert(letter.clone());
            assert_eq!(*known, letter, "{} in session {}", m.name, s.number);
            let line = format!("- Membre {letter} — Entreprise {letter}");
            assert!(md.contains(&line), "{line}");
        }
    }
}

#[test]
fn english_pseudonyms() {
    let md = export(&bakers(), Format::Markdown, Lang::En, true, issued());
    assert!(md.contains("Member A") && md.contains("Business A"));
    assert!(!md.contains("Membre"));
}

// ---------------------------------------------------------------------------------------
// HTML read by an HTML5 parser

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn html_has_a_section_per_phase_and_the_action_table() {
    let s = bakers();
    for lang in [Lang::Fr, Lang::En] {
        let page = export(&s, Format::Html, lang, false, issued());
        let doc = Html::parse_document(&page);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        let html = doc.select(&sel("html")).next().unwrap();
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        assert_eq!(html.value().attr("lang"), Some(code));
        assert!(doc.select(&sel("meta[name=viewport]")).next().is_some());
        let style: String = doc.select(&sel("style")).flat_map(|e| e.text()).collect();
        assert!(style.contains("@page") && style.contains("size:A4"));
        assert!(style.contains("@media print") && style.contains("break-after:avoid"));
        // Self-contained: nothing loaded from elsewhere, no script.
        for bad in ["script", "link", "img", "iframe"] {
            assert!(doc.select(&sel(bad)).next().is_none(), "{bad}");
        }
        let ids: Vec<&str> = doc
            .select(&sel("section[id]"))
            .map(|e| e.value().attr("id").unwrap())
            .collect();
        // A section per phase, then the attendance sheet.
        let mut expected: Vec<&str> = s.method.phases.iter().map(|p| section_id(p.kind)).collect();
        expected.push("attendance-sheet");
        assert_eq!(ids, expected);
        for (section, phase) in doc.select(&sel("section")).zip(&s.method.phases) {
            let h2: String = section.select(&sel("h2")).next().unwrap().text().collect();
            assert!(h2.contains(phase.title.get(lang)), "{h2}");
        }
        let rows: Vec<_> = doc.select(&sel("section#actions table tbody tr")).collect();
        assert_eq!(rows.len(), s.plan.actions.len());
        for (row, action) in rows.iter().zip(&s.plan.actions) {
            let first: String = row.select(&sel("td")).next().unwrap().text().collect();
            assert_eq!(first, action.what);
        }
        assert_eq!(doc.select(&sel("section#actions thead th")).count(), 6);
        // Each Arabic run is isolated in <bdi>, name and business together, the French
        // fields after it left out: a browser then keeps the line in reading order.
        let runs: Vec<String> = doc
            .select(&sel("bdi"))
            .map(|e| e.text().collect())
            .collect();
        assert!(
            runs.iter().any(|r| r == "محمد الأمين — مخبزة النور 🥖"),
            "{runs:?}"
        );
        assert!(runs.iter().all(|r| !r.contains("Boulangerie")), "{runs:?}");
    }
}

#[test]
fn html_escapes_names_with_markup_characters() {
    let mut s = bakers();
    let tricky = "Nadia \"La Reine\" <Chraibi> & Fils 'Co'";
    s.group.members[6].name = tricky.into();
    s.plan.actions[0].what = "<script>alert(1)</script> & co".into();
    let page = export(&s, Format::Html, Lang::Fr, false, issued());
    assert!(!page.contains("<script>"));
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert!(doc.select(&sel("script")).next().is_none());
    let text: String = doc.root_element().text().collect();
    assert!(text.contains(tricky));
    assert!(text.contains("<script>alert(1)</script> & co"));
    // Markdown escapes them too, and the CSV quotes a field with quotes.
    let md = export(&s, Format::Markdown, Lang::Fr, false, issued());
    assert!(md.contains("\\<Chraibi\\>"));
}

// ---------------------------------------------------------------------------------------
// Minutes a chamber can send under its name: letterhead, date of issue, numbered pages, an
// attendance sheet to sign

fn text_of(e: scraper::ElementRef) -> String {
    e.text().collect()
}

#[test]
fn html_is_headed_by_the_host_and_city_with_the_date_of_issue() {
    let s = bakers();
    assert!(!s.group.host.is_empty() && !s.group.city.is_empty());
    for (lang, issued_text) in [
        (Lang::Fr, "Émis le 06/12/2026"),
        (Lang::En, "Issued on 06/12/2026"),
    ] {
        let page = export(&s, Format::Html, lang, false, issued());
        let doc = Html::parse_document(&page);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        // In the header, in this order: the letterhead, the title, the date of issue.
        let header: Vec<_> = doc.select(&sel("header > *")).collect();
        assert_eq!(header[0].value().attr("class"), Some("letterhead"));
        let letterhead = text_of(header[0]);
        assert!(letterhead.contains(&s.group.host), "{letterhead}");
        assert!(letterhead.contains(&s.group.city), "{letterhead}");
        assert_eq!(header[1].value().name(), "h1");
        assert_eq!(header[2].value().attr("class"), Some("issued"));
        assert_eq!(text_of(header[2]), issued_text);
        let time = doc.select(&sel("header .issued time")).next().unwrap();
        assert_eq!(time.value().attr("datetime"), Some("2026-12-06"));
        // Given to the function, not read from the clock: another day, another line.
        let later = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        assert!(export(&s, Format::Html, lang, false, later).contains("15/01/2027"));
    }
}

#[test]
fn printed_pages_are_numbered_page_n_of_m() {
    for lang in [Lang::Fr, Lang::En] {
        let page = export(&bakers(), Format::Html, lang, false, issued());
        let doc = Html::parse_document(&page);
        let style: String = doc.select(&sel("style")).flat_map(|e| e.text()).collect();
        let at_page = &style[style.find("@page").expect("an @page rule")..];
        assert!(at_page.contains("@bottom-center{"), "{at_page}");
        assert!(
            at_page.contains(r#"content:"page " counter(page) " / " counter(pages)"#),
            "{at_page}"
        );
    }
}

/// The attendance sheet of an HTML export, and the page it is in.
fn sheet(page: &str) -> Html {
    let doc = Html::parse_document(page);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    doc
}

/// The text of each row's cells, in a table of the sheet that follows the heading `h3`.
fn sheet_rows(doc: &Html, h3_starts: &str) -> Vec<Vec<String>> {
    let section = doc.select(&sel("section#attendance-sheet")).next().unwrap();
    let mut children = section.children().filter_map(scraper::ElementRef::wrap);
    children
        .find(|e| e.value().name() == "h3" && text_of(*e).starts_with(h3_starts))
        .unwrap_or_else(|| panic!("a heading {h3_starts:?}"));
    let table = children.next().expect("a table after the heading");
    table
        .select(&sel("tbody tr"))
        .map(|tr| tr.select(&sel("td")).map(text_of).collect())
        .collect()
}

#[test]
fn the_attendance_sheet_lists_who_was_there_with_a_cell_to_sign() {
    let s = bakers();
    let page = export(&s, Format::Html, Lang::Fr, false, issued());
    let doc = sheet(&page);
    let section = doc.select(&sel("section#attendance-sheet")).next().unwrap();
    assert_eq!(section.value().attr("class"), Some("sheet"));
    let style: String = doc.select(&sel("style")).flat_map(|e| e.text()).collect();
    assert!(
        style.contains(".sheet{break-before:page"),
        "a page of its own when printed"
    );
    let h2 = text_of(section.select(&sel("h2")).next().unwrap());
    assert_eq!(h2, "Feuille de présence");
    let text = text_of(section);
    for part in [&s.group.name, &s.place, &"24/11/2026".to_string()] {
        assert!(text.contains(part.as_str()), "{part}");
    }
    // Every member present, in the group's order, with their business; nobody else.
    let present: Vec<_> = s.present_members().collect();
    assert_eq!(present.len(), 9);
    let rows = sheet_rows(&doc, "Membres présents");
    assert_eq!(rows.len(), present.len());
    for (row, m) in rows.iter().zip(&present) {
        assert_eq!(row, &[m.name.clone(), m.business.clone(), String::new()]);
    }
    let away: Vec<_> = s
        .group
        .members
        .iter()
        .filter(|m| !present.iter().any(|p| p.id == m.id))
        .collect();
    assert_eq!(away.len(), 3, "two excused, one absent");
    for m in away {
        assert!(!text.contains(&m.name), "{} was not there", m.name);
    }
    // The guests, then the advisor, each with a cell to sign.
    assert_eq!(
        sheet_rows(&doc, "Invités"),
        [[
            "Omar Kettani".to_string(),
            "chargé de clientèle TPE d'une agence bancaire de Tanger".into(),
            String::new()
        ]]
    );
    assert_eq!(
        sheet_rows(&doc, "Conseiller"),
        [[s.group.advisor.clone(), String::new()]]
    );
    let heads: Vec<String> = section.select(&sel("thead th.sign")).map(text_of).collect();
    assert_eq!(heads, ["Signature"; 3]);
    let cells = section.select(&sel("td.sign")).count();
    assert_eq!(cells, present.len() + 1 + 1);
    // The sheet's headings follow the title's levels: h2, then h3s.
    let levels: Vec<&str> = section
        .select(&sel("h1, h2, h3, h4"))
        .map(|h| h.value().name())
        .collect();
    assert_eq!(levels, ["h2", "h3", "h3", "h3"]);
}

#[test]
fn the_attendance_sheet_holds_no_phone_number() {
    let mut s = bakers_with_phones_in_text();
    // A phone typed beside a guest's name too.
    s.checkin.guests[0].text = "Omar Kettani, banque, 0661234567".into();
    let phones: Vec<String> = s
        .group
        .members
        .iter()
        .map(|m| m.phone.chars().filter(char::is_ascii_digit).collect())
        .filter(|p: &String| !p.is_empty())
        .collect();
    assert!(phones.len() >= 5);
    for lang in [Lang::Fr, Lang::En] {
        let page = export(&s, Format::Html, lang, false, issued());
        let doc = sheet(&page);
        let section = doc.select(&sel("section#attendance-sheet")).next().unwrap();
        let digits: String = text_of(section)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        for p in phones.iter().chain([&"0661234567".to_string()]) {
            assert!(!digits.contains(p.as_str()), "{lang:?}: phone {p}");
        }
    }
}

#[test]
fn the_attendance_sheet_in_english_marks_french_names_as_french() {
    let s = bakers();
    assert_eq!(s.lang, Lang::Fr);
    let page = export(&s, Format::Html, Lang::En, false, issued());
    let doc = sheet(&page);
    let section = doc.select(&sel("section#attendance-sheet")).next().unwrap();
    assert_eq!(
        text_of(section.select(&sel("h2")).next().unwrap()),
        "Attendance sheet"
    );
    let h3: Vec<String> = section.select(&sel("h3")).map(text_of).collect();
    assert_eq!(h3, ["Members present (9)", "Guests (1)", "Advisor"]);
    let heads: Vec<String> = section.select(&sel("thead th")).map(text_of).collect();
    assert_eq!(
        heads,
        [
            "Name",
            "Business",
            "Signature",
            "Name",
            "Role",
            "Signature",
            "Name",
            "Signature"
        ]
    );
    let text = text_of(section);
    assert!(text.contains("Group:") && text.contains("Place:") && text.contains("Date:"));
    // Names typed in a French session, in an English page: marked as French.
    let marked: Vec<String> = section.select(&sel("td [lang=fr]")).map(text_of).collect();
    assert!(
        marked.contains(&"Fatima Zahra El Idrissi".to_string()),
        "{marked:?}"
    );
    assert!(marked.contains(&s.group.advisor), "{marked:?}");
}

#[test]
fn an_attendance_sheet_with_nobody_present_says_so_and_leaves_out_the_guests_it_has_not() {
    let mut s = bakers();
    for a in s.checkin.attendance.values_mut() {
        *a = atelier::model::Attendance::Absent;
    }
    s.checkin.guests.clear();
    let page = export(&s, Format::Html, Lang::Fr, false, issued());
    let doc = sheet(&page);
    let section = doc.select(&sel("section#attendance-sheet")).next().unwrap();
    let h3: Vec<String> = section.select(&sel("h3")).map(text_of).collect();
    assert_eq!(h3, ["Membres présents (0)", "Conseiller"]);
    let muted: Vec<String> = section.select(&sel("p.muted")).map(text_of).collect();
    assert_eq!(muted, ["Aucun membre noté présent."]);
    // The advisor still signs.
    assert_eq!(section.select(&sel("td.sign")).count(), 1);
}

#[test]
fn anonymized_minutes_have_no_attendance_sheet() {
    // Pseudonyms are for training, where nobody signs (see src/export/sheet.rs).
    for lang in [Lang::Fr, Lang::En] {
        let page = export(&bakers(), Format::Html, lang, true, issued());
        let doc = sheet(&page);
        assert!(
            doc.select(&sel("#attendance-sheet, .sheet"))
                .next()
                .is_none()
        );
        assert!(!page.contains("Signature"));
        // The letterhead and the date of issue stay: the host is an organisation.
        assert!(doc.select(&sel("header .letterhead")).next().is_some());
        assert!(doc.select(&sel("header .issued")).next().is_some());
    }
}

// ---------------------------------------------------------------------------------------
// CSV read back

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM first");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_reads_back_with_every_action_and_its_fields() {
    let mut s = bakers();
    // A field with the separator, quotes and a line break.
    s.plan.actions[1].means = "Devis; \"prix\" de groupe\nsur deux lignes".into();
    let text = export(&s, Format::Csv, Lang::Fr, false, issued());
    assert!(text.starts_with('\u{feff}'));
    let without_quoted: Vec<&str> = text.split("\r\n").collect();
    assert!(
        without_quoted.len() > s.plan.actions.len(),
        "CRLF line ends"
    );
    let rows = read_csv(&text);
    assert_eq!(rows.len(), s.plan.actions.len() + 1);
    assert_eq!(rows[0][0], "Date de la séance");
    assert_eq!(rows[0].len(), 11);
    for (row, a) in rows[1..].iter().zip(&s.plan.actions) {
        assert_eq!(row.len(), 11);
        assert_eq!(row[0], "2026-11-24", "ISO 8601: a date in every locale");
        assert_eq!(row[1], s.group.name);
        assert_eq!(row[2], s.number.to_string());
        assert_eq!(row[3], a.what);
        assert_eq!(
            row[5],
            a.due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        );
        assert_eq!(row[6], a.means);
        assert_eq!(row[7], a.indicator);
        assert_eq!(row[9], "prévue");
        assert_eq!(row[10], a.id.as_str());
    }
    // Owners by name, Arabic included.
    assert!(rows[2][4].contains("محمد الأمين"));
    let en = read_csv(&export(&s, Format::Csv, Lang::En, false, issued()));
    assert_eq!(en[0][0], "Session date");
    assert_eq!(en[1][9], "planned");
}

// ---------------------------------------------------------------------------------------
// The command, through the real binary

/// The binary's exit code, stdout and stderr.
fn run(env: &Env, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = env.cmd().args(args).output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    (code, out.stdout, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn cli_exports_by_id_and_by_file_to_stdout_or_a_file() {
    let env = Env::new();
    let s = bakers();
    let path = env.save(&s);
    let dir = env.dir.to_str().unwrap();
    let id = &s.id.as_str()[..6];
    let (code, out, err) = run(&env, &["--dir", dir, "export", id, "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        export(&s, Format::Markdown, Lang::Fr, false, issued())
    );
    let file = env.home.path().join("minutes.html");
    // The binary prints today's date of issue: read before and after, in case midnight
    // passes between.
    let before = chrono::Local::now().date_naive();
    let (code, out, err) = run(
        &env,
        &[
            "--lang",
            "en",
            "export",
            path.to_str().unwrap(),
            "--format",
            "html",
            "-o",
            file.to_str().unwrap(),
            "--anonymize",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("minutes.html"), "{err}");
    let after = chrono::Local::now().date_naive();
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(
        [before, after]
            .iter()
            .any(|d| page == export(&s, Format::Html, Lang::En, true, *d)),
        "the file is the export, dated the day it was made"
    );
    let (code, out, _) = run(&env, &["--dir", dir, "export", id, "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("\u{feff}".as_bytes()));
}

#[test]
fn cli_errors_are_sentences_with_a_non_zero_exit() {
    let env = Env::new();
    let dir = env.dir.to_str().unwrap();
    let s = bakers();
    env.save(&s);
    // Unknown id.
    let (code, _, err) = run(&env, &["--dir", dir, "export", "zzzzzz", "--format", "md"]);
    assert_eq!(code, 1);
    assert!(err.contains("zzzzzz"), "{err}");
    // Unknown format.
    let (code, _, err) = run(&env, &["--dir", dir, "export", "x", "--format", "pdf"]);
    assert_ne!(code, 0);
    assert!(err.contains("pdf"), "{err}");
    // An unreadable file: file:line:column.
    let bad = env.dir.join("bad.ron");
    std::fs::write(&bad, "(version: 1, id: ").unwrap();
    let (code, _, err) = run(&env, &["export", bad.to_str().unwrap(), "--format", "md"]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{}:", bad.display())), "{err}");
    assert!(
        err.split(':')
            .nth(1)
            .is_some_and(|l| l.parse::<u32>().is_ok()),
        "{err}"
    );
    // A folder that cannot be written.
    let target = env.home.path().join("missing").join("out.md");
    let (code, _, err) = run(
        &env,
        &[
            "--dir",
            dir,
            "export",
            s.id.as_str(),
            "--format",
            "md",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("out.md"), "{err}");
    assert!(
        err.contains("n'existe pas"),
        "a sentence about the export's folder: {err}"
    );
}

#[test]
fn cli_ambiguous_prefix_names_the_candidates() {
    let env = Env::new();
    let dir = env.dir.to_str().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let series = sample::series(now, 7);
    for s in &series {
        env.save(s);
    }
    // The shortest prefix two ids share.
    let ids: Vec<&str> = series.iter().map(|s| s.id.as_str()).collect();
    let shared = ids
        .iter()
        .flat_map(|a| ids.iter().filter(move |b| *b != a).map(move |b| (a, b)))
        .map(|(a, b)| {
            let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            &a[..n]
        })
        .filter(|p| !p.is_empty())
        .max_by_key(|p| p.len());
    let Some(prefix) = shared else {
        return; // no two ids share a first letter with this seed: nothing to test
    };
    let (code, _, err) = run(&env, &["--dir", dir, "export", prefix, "--format", "md"]);
    assert_eq!(code, 1);
    let candidates = ids.iter().filter(|i| i.starts_with(prefix)).count();
    assert!(candidates >= 2);
    for id in ids.iter().filter(|i| i.starts_with(prefix)) {
        assert!(err.contains(id), "{err}");
    }
}

// ---------------------------------------------------------------------------------------
// From the TUI: `X` in any phase asks for the export; its outcome is a flash

#[test]
fn x_in_every_phase_asks_for_an_export_and_changes_nothing() {
    use atelier::update::{Effect, Msg};
    for read_only in [false, true] {
        let mut session = sample::bakers_session(common::t0(), common::SEED);
        session.settle_after_load();
        let mut h = common::Harness::with_session(session, read_only);
        let history = h.session().history.len();
        let phases = h.session().method.phases.len();
        for phase in 0..phases {
            while h.session().current_phase < phase {
                h.keys("]");
            }
            // Every pane of the phase, Themes included (where `x` takes a card out).
            for _ in 0..4 {
                let from = h.effects.len();
                h.keys("X");
                assert!(
                    h.effects[from..]
                        .iter()
                        .any(|e| matches!(e, Effect::Export { .. })),
                    "phase {phase}"
                );
                h.code(ratatui::crossterm::event::KeyCode::Tab);
            }
        }
        assert_eq!(h.session().history.len(), history);
        let dir = std::path::PathBuf::from("/tmp/sessions/exports");
        h.send(Msg::Exported(Ok(dir)));
        assert!(
            h.flash()
                .is_some_and(|f| f.contains("/tmp/sessions/exports"))
        );
        h.send(Msg::Exported(Err("disque plein".into())));
        assert_eq!(h.flash(), Some("disque plein"));
    }
}
