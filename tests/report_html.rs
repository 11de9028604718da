//! The programme report as one HTML page (`atelier report --format html`), on the
//! hand-written folder of `tests/report_figures.rs` (`tests/common/programme.rs`), parsed
//! as a browser parses it: one `<svg>` per chart, each with a title, a description saying
//! its data and `role="img"`; nothing outside the page (no script, no link out); the tables'
//! figures those of the report; no member's name, phone or note; French and English.

mod common;

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::report::{self, By, Report};
use atelier::store::{self, Store};
use common::binary::atelier;
use common::programme::*;
use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn page(r: &Report, lang: Lang) -> (String, Html) {
    let html = report::to_html(r, &Method::builtin(), lang);
    let doc = Html::parse_document(&html);
    (html, doc)
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>().trim().to_string()
}

/// The charts: id of their figure, their title and their description.
fn charts(doc: &Html) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for fig in doc.select(&sel("figure")) {
        let svgs: Vec<ElementRef> = fig.select(&sel("svg")).collect();
        assert_eq!(svgs.len(), 1, "one chart per figure");
        let svg = svgs[0];
        assert_eq!(svg.value().attr("role"), Some("img"));
        let title = svg.select(&sel("title")).next().expect("a <title>");
        let desc = svg.select(&sel("desc")).next().expect("a <desc>");
        // The chart is labelled by its own title and description.
        let ids = [title.value().id(), desc.value().id()].map(|i| i.expect("an id").to_string());
        assert_eq!(
            svg.value().attr("aria-labelledby"),
            Some(ids.join(" ").as_str())
        );
        assert!(!text(title).is_empty() && !text(desc).is_empty());
        // What it counts is said under it.
        let caption = fig.select(&sel("figcaption")).next().expect("a caption");
        assert!(!text(caption).is_empty());
        // Drawn by plotters: axes and bars or points, text in a sans-serif font.
        let inner = svg.html();
        assert!(inner.contains("font-family=\"sans-serif\""), "{inner}");
        let id = fig.value().id().unwrap_or_default().to_string();
        out.push((id, text(title), text(desc)));
    }
    out
}

#[test]
fn a_chart_per_figure_each_with_its_title_and_its_data_in_words() {
    let (_home, dir) = folder();
    let r = report(&dir, &[]);
    for (lang, titles) in [
        (
            Lang::En,
            [
                "Attendance rate by month",
                "Actions done and planned, by month decided",
                "Needs by category",
                "Members by gender",
                "Members by legal status",
            ],
        ),
        (
            Lang::Fr,
            [
                "Taux de présence par mois",
                "Actions faites et prévues, par mois de décision",
                "Besoins par catégorie",
                "Membres par genre",
                "Membres par statut juridique",
            ],
        ),
    ] {
        let (html, doc) = page(&r, lang);
        assert_eq!(doc.select(&sel("svg")).count(), 5, "{html}");
        let charts = charts(&doc);
        let found: Vec<&str> = charts.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(found, titles);
        let html_el = doc.select(&sel("html")).next().unwrap();
        assert_eq!(html_el.value().attr("lang"), Some(lang.code()));
    }

    // The attendance chart says each month's rate: 9 of 10 in January, ..., 7 of 15 in
    // November; the actions chart each month's done and planned.
    let (_, doc) = page(&r, Lang::En);
    let charts = charts(&doc);
    let desc = |id: &str| charts.iter().find(|c| c.0 == id).unwrap().2.clone();
    assert_eq!(
        desc("chart-attendance"),
        "Data: January 2026: 90%; February 2026: 70%; March 2026: 100%; April 2026: 83%; \
         May 2026: 67%; September 2026: 92%; October 2026: 72%; November 2026: 47%."
    );
    let actions = desc("chart-actions");
    assert!(
        actions.contains("January 2026: 1 done of 2 planned; February 2026: 0 done of 0"),
        "{actions}"
    );
    assert!(
        actions.contains("March 2026: 2 done of 2 planned")
            && actions.contains("September 2026: 0 done of 3 planned"),
        "{actions}"
    );
    // Members: 12 women of 31; 9 informal, 5 auto-entrepreneurs, 15 sole traders, 2 not given.
    assert_eq!(
        desc("chart-gender"),
        "Data: Women: 12 (39%); Men or gender not said: 19 (61%)."
    );
    assert_eq!(
        desc("chart-status"),
        "Data: Informal: 9 (29%); Auto-entrepreneur: 5 (16%); Sole trader: 15 (48%); \
         Not given: 2 (6%)."
    );
    let (_, doc) = page(&r, Lang::Fr);
    let charts_fr = self::charts(&doc);
    let fr = &charts_fr
        .iter()
        .find(|c| c.0 == "chart-attendance")
        .unwrap()
        .2;
    assert!(
        fr.starts_with("Données : janvier 2026 : 90 % ; février 2026 : 70 %"),
        "{fr}"
    );
}

#[test]
fn nothing_outside_the_page_and_no_script() {
    let (_home, dir) = folder();
    for by in [vec![], vec![By::Group], vec![By::Advisor, By::Month]] {
        let r = report(&dir, &by);
        for lang in [Lang::Fr, Lang::En] {
            let (html, doc) = page(&r, lang);
            assert_eq!(doc.select(&sel("script")).count(), 0);
            assert!(!html.to_lowercase().contains("<script"));
            assert_eq!(
                doc.select(&sel("[src], link, iframe, img, object")).count(),
                0
            );
            // Links go to the page's own notes, each of which is there.
            for a in doc.select(&sel("[href]")) {
                let href = a.value().attr("href").unwrap();
                let id = href.strip_prefix('#').unwrap_or_else(|| panic!("{href}"));
                let target = format!("[id=\"{id}\"]");
                assert_eq!(doc.select(&sel(&target)).count(), 1, "{href}");
            }
            let style: String = doc.select(&sel("style")).map(text).collect();
            assert!(style.contains("@page{size:A4"), "{style}");
            assert!(style.contains("break-inside:avoid"), "{style}");
            assert!(!style.contains("url(") && !style.contains("@import"));
            // xmlns is a name, not a resource: no other address anywhere.
            let addresses = html.matches("http").count();
            assert_eq!(
                addresses,
                html.matches("http://www.w3.org/2000/svg").count()
            );
        }
    }
}

/// The cells of the table under the heading `h2`, row by row.
fn table(doc: &Html, h2: &str) -> Vec<Vec<String>> {
    let section = doc
        .select(&sel("section"))
        .find(|s| s.select(&sel("h2")).next().map(text).as_deref() == Some(h2))
        .unwrap_or_else(|| panic!("no section {h2}"));
    section
        .select(&sel("tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text).collect())
        .collect()
}

#[test]
fn the_tables_hold_the_reports_figures() {
    let (_home, dir) = folder();
    let r = report(&dir, &[By::Advisor]);
    let (_, doc) = page(&r, Lang::En);
    let overview = table(&doc, "Overview");
    assert!(overview.contains(&vec!["Sessions held".into(), "11".into()]));
    assert!(overview.contains(&vec![
        "Attendance rate".into(),
        "79% (89 present of 113 expected)".into()
    ]));
    assert!(overview.contains(&vec!["Actions done".into(), "3 (43%)".into()]));
    // By month: sessions, attendance, actions done of planned (those decided that month).
    let months = table(&doc, "By month");
    let expected = [
        ("2026-01", "1", "90%", "1 / 2"),
        ("2026-02", "1", "70%", "0 / 0"),
        ("2026-03", "2", "100%", "2 / 2"),
        ("2026-04", "1", "83%", "0 / 0"),
        ("2026-05", "1", "67%", "0 / 0"),
        ("2026-09", "2", "92%", "0 / 3"),
        ("2026-10", "2", "72%", "0 / 0"),
        ("2026-11", "1", "47%", "0 / 0"),
    ];
    let expected: Vec<Vec<String>> = expected
        .iter()
        .map(|(a, b, c, d)| vec![a.to_string(), b.to_string(), c.to_string(), d.to_string()])
        .collect();
    assert_eq!(months, expected);
    // The same rows as the report's months.
    assert_eq!(months.len(), r.by_month.len());
    for (row, (_, f)) in months.iter().zip(&r.by_month) {
        assert_eq!(row[1], f.sessions.to_string());
        assert_eq!(row[3], format!("{} / {}", f.done, f.planned));
    }
    // The rows of --by advisor, and each advisor's indicators with their notes.
    let by = table(&doc, "By Advisor");
    assert_eq!(by.len(), 2);
    assert_eq!(by[0][..4], ["Samira", "8", "2", "81%"]);
    assert_eq!(by[1][..4], ["Karim", "3", "1", "76%"]);
    let indicators = table(&doc, "Programme indicators");
    // A figure's name, then the number of its note (the 9th).
    assert!(indicators.contains(&vec!["Women9".into(), "12 (39%)".into()]));
    let notes: Vec<String> = doc.select(&sel("#notes li")).map(text).collect();
    assert_eq!(notes.len(), 30);
    assert!(
        notes[8].starts_with("Women: women among the members"),
        "{}",
        notes[8]
    );
    // Every figure's name points to its note.
    let marks: Vec<&str> = doc
        .select(&sel("#indicators th sup a"))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert!(marks.contains(&"#note-women") && marks.contains(&"#note-attendance"));
}

#[test]
fn no_name_phone_or_note_of_a_member() {
    let (_home, dir) = folder();
    for by in [
        vec![],
        vec![By::Advisor],
        vec![By::Host],
        vec![By::Trade],
        vec![By::Region],
        vec![By::Group],
        vec![By::Group, By::Month],
    ] {
        let r = report(&dir, &by);
        for lang in [Lang::Fr, Lang::En] {
            assert_private(&page(&r, lang).0);
        }
    }
}

#[test]
fn a_period_without_sessions_has_a_sentence_and_no_empty_chart() {
    let (_home, dir) = folder();
    let mut opts = options(&[]);
    opts.from = Some(d(2030, 1, 1));
    opts.to = Some(d(2030, 12, 31));
    let r = report::aggregate_folder(report::read_folder(&dir).unwrap(), opts);
    for (lang, sentence) in [
        (Lang::En, "No session in this period."),
        (Lang::Fr, "Aucune séance dans cette période."),
    ] {
        let (html, doc) = page(&r, lang);
        assert_eq!(doc.select(&sel("svg, figure, table")).count(), 0, "{html}");
        assert!(doc.select(&sel("p")).any(|p| text(p) == sentence), "{html}");
    }
}

#[test]
fn a_theme_title_is_shown_as_text_without_its_control_characters() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    store::ensure_dir(&dir).unwrap();
    let mut s = sessions().remove(1);
    s.needs.themes[0].title = "<b>Crédit</b> \u{1b}[31m rouge\u{202e} & <script>x</script>".into();
    store::save(&Store::new(&dir).path_for_new(&s), &s).unwrap();
    let r = report(&dir, &[By::Group]);
    let (html, doc) = page(&r, Lang::Fr);
    assert_eq!(doc.select(&sel("b, script")).count(), 0, "{html}");
    assert!(html.contains("&lt;b&gt;Crédit&lt;/b&gt;"), "{html}");
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
    assert!(
        !html
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
}

#[test]
fn the_command_writes_the_page_in_the_ui_language() {
    let (home, dir) = folder();
    let file = home.path().join("report.html");
    let out = atelier(home.path())
        .args([
            "--lang", "en", "report", "--format", "html", "--by", "region", "-o",
        ])
        .arg(&file)
        .arg("--dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&file).unwrap();
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang"),
        Some("en")
    );
    assert!(doc.select(&sel("svg")).count() >= 4);
    assert_private(&html);

    // In French, to standard output; the help names the format.
    let out = atelier(home.path())
        .args(["report", "--format", "html", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
        "{html}"
    );
    for (lang, words) in [
        ("fr", "html (une page avec graphiques"),
        ("en", "html (a page with charts"),
    ] {
        let out = atelier(home.path())
            .args(["--lang", lang, "report", "--help"])
            .output()
            .unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains(words), "{help}");
        assert!(help.contains("--format <md|csv|html>"), "{help}");
    }
}
