//! The action tracker export (`atelier export --tracker`): the timeline's columns, overdue
//! against today, the one privacy rule of the minutes, hostile text defused in every format,
//! and the command through the real binary (one group by name or id, or the whole folder).

mod common;

use atelier::export::{Format, GroupTrack, track, tracker};
use atelier::i18n::Lang;
use atelier::model::{ActionStatus, Session};
use chrono::NaiveDate;
use common::binary::Env;
use scraper::{Html, Selector};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The shipped sessions, one `Vec` per group (bakers first, then tailors).
fn shipped() -> Vec<Vec<Session>> {
    let mut by_group: Vec<Vec<Session>> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir("sessions")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| atelier::store::kind_of(p) == Some(atelier::model::dated::Kind::Session))
        .collect();
    files.sort();
    for path in files {
        let s = atelier::store::load(&path).unwrap();
        match by_group.iter_mut().find(|g| g[0].group.id == s.group.id) {
            Some(g) => g.push(s),
            None => by_group.push(vec![s]),
        }
    }
    by_group.sort_by_key(|g| g[0].group.name.clone());
    by_group
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM first");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn csv_of(groups: &[GroupTrack], today: NaiveDate) -> Vec<Vec<String>> {
    read_csv(&tracker(groups, Format::Csv, Lang::Fr, today, true))
}

#[test]
fn every_action_of_every_group_with_its_latest_status_and_where_it_was_given() {
    let today = d(2026, 12, 6);
    let groups = track(shipped(), Lang::Fr, today);
    let rows = csv_of(&groups, today);
    assert_eq!(
        rows[0],
        [
            "Groupe",
            "Séance n°",
            "Date de la séance",
            "Action",
            "Qui",
            "Échéance",
            "Statut",
            "Statut donné à",
            "Commentaire",
            "En retard",
            "Identifiant"
        ]
    );
    let decided: usize = shipped()
        .iter()
        .flat_map(|g| g.iter())
        .map(|s| s.plan.actions.len())
        .sum();
    assert_eq!(rows.len() - 1, decided, "one row per action ever decided");
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert!(names.contains(&"Boulangers de Tanger") && names.contains(&"Couturières d'Oujda"));
    // The bakers' first action, blocked at session 3 with a comment, due 10 November.
    let cahier = rows
        .iter()
        .find(|r| r[3].starts_with("Tenir un cahier des ventes"))
        .unwrap();
    assert_eq!(&cahier[1..3], ["1", "2026-10-27"]);
    assert_eq!(cahier[5], "2026-11-10");
    assert_eq!(cahier[6], "bloquée");
    assert_eq!(cahier[7], "séance 3 du 24/11/2026");
    assert!(cahier[8].starts_with("Seuls quatre membres"));
    assert_eq!(cahier[9], "en retard");
    // Owners by name, Arabic script included.
    assert!(rows.iter().any(|r| r[4].contains("محمد الأمين")));
}

#[test]
fn overdue_is_against_the_day_of_the_export() {
    let sessions = shipped();
    // Each row's overdue cell, recomputed here from its due date and status words.
    let late_at = |today: NaiveDate| -> Vec<String> {
        let groups = track(sessions.clone(), Lang::Fr, today);
        let rows = csv_of(&groups, today);
        for r in &rows[1..] {
            let due = NaiveDate::parse_from_str(&r[5], "%Y-%m-%d").ok();
            let closed = ["faite", "abandonnée"].contains(&r[6].as_str());
            let expected = due.is_some_and(|d| d < today) && !closed;
            assert_eq!(r[9] == "en retard", expected, "{r:?} on {today}");
        }
        rows[1..]
            .iter()
            .filter(|r| r[9] == "en retard")
            .map(|r| r[10].clone())
            .collect()
    };
    // Right after the last sessions (24 November) fewer actions are late than two weeks
    // later, with no session in between: the date that counts is the export's.
    let then = late_at(d(2026, 11, 25));
    let now = late_at(d(2026, 12, 6));
    assert!(then.len() < now.len(), "{then:?} {now:?}");
    assert!(then.iter().all(|id| now.contains(id)));
    assert!(late_at(d(2026, 10, 1)).is_empty());
    // The heading says the date and the count.
    let md = tracker(
        &track(sessions, Lang::Fr, d(2026, 12, 6)),
        Format::Markdown,
        Lang::Fr,
        d(2026, 12, 6),
        true,
    );
    assert!(
        md.contains(&format!(
            "Au 06/12/2026 · 19 actions, dont {} en retard",
            now.len()
        )),
        "{md}"
    );
}

/// The bakers' sessions with phones, hostile text and private notes planted in the texts a
/// tracker prints (action, review comment) and in those it must not (notes, remarks).
fn planted() -> Vec<Vec<Session>> {
    let mut groups = shipped();
    let bakers = &mut groups[0];
    bakers.sort_by_key(|s| s.number);
    // An action's text as every session that copies it (its review copies) has it.
    let mut set_what = |n: usize, what: &str| {
        let id = bakers[0].plan.actions[n].id.clone();
        for s in bakers.iter_mut() {
            let copies = s.plan.actions.iter_mut();
            let reviewed = s.followup.reviews.iter_mut().map(|r| &mut r.action);
            for a in copies.chain(reviewed).filter(|a| a.id == id) {
                a.what = what.into();
            }
        }
    };
    set_what(
        0,
        "=HYPERLINK(\"http://evil\",\"clic\") appeler le 0661234567",
    );
    set_what(1, "1. <script>alert(2)</script> +212 661-234-567");
    bakers[0].closing.private_notes = "Note privée : Rachid est surendetté".into();
    bakers[1].checkin.remarks = "Remarque du conseiller : Khadija pleure".into();
    let review = &mut bakers[2].followup.reviews[0];
    review.comment = "@SUM(A1:A9) <img src=x onerror=alert(1)> 06 61 23 45 67".into();
    review.status = Some(ActionStatus::Blocked);
    groups
}

#[test]
fn nothing_private_and_nothing_hostile_in_any_format() {
    let today = d(2026, 12, 6);
    for lang in [Lang::Fr, Lang::En] {
        let groups = track(planted(), lang, today);
        for format in [Format::Csv, Format::Markdown, Format::Html] {
            let text = tracker(&groups, format, lang, today, true);
            let squeezed: String = text.chars().filter(char::is_ascii_digit).collect();
            for digits in ["0661234567", "212661234567"] {
                assert!(!squeezed.contains(digits), "{format:?} {lang:?}: phone");
            }
            for private in ["surendetté", "pleure"] {
                assert!(!text.contains(private), "{format:?} {lang:?}: {private}");
            }
            let phones = ["0661234567", "06 61 23 45 67", "+212 661-234-567"];
            assert!(phones.iter().all(|p| !text.contains(p)));
        }
        // CSV: every cell a formula would start is kept as text.
        let rows = read_csv(&tracker(&groups, Format::Csv, lang, today, true));
        for cell in rows.iter().flatten() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
        assert!(rows.iter().flatten().any(|c| c.starts_with("'=HYPERLINK")));
        assert!(rows.iter().flatten().any(|c| c.starts_with("'@SUM")));
        // HTML: the text is there, as text; no element the user typed.
        let page = Html::parse_document(&tracker(&groups, Format::Html, lang, today, true));
        for tag in ["script", "img"] {
            let sel = Selector::parse(tag).unwrap();
            assert_eq!(page.select(&sel).count(), 0, "{tag}");
        }
        let body: String = page.root_element().text().collect();
        assert!(body.contains("<script>alert(2)</script>"));
        // Markdown: no raw HTML from user text, no list made from an action.
        let md = tracker(&groups, Format::Markdown, lang, today, true);
        let html = {
            let mut out = String::new();
            let opts = pulldown_cmark::Options::ENABLE_TABLES;
            pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new_ext(&md, opts));
            out
        };
        assert!(
            !html.contains("<script>") && !html.contains("<img"),
            "{html}"
        );
        assert!(!html.contains("<ol>") && !html.contains("<li>"));
        let cells = html.matches("<td>").count() + html.matches("<td ").count();
        assert_eq!(cells, 19 * 9, "every action a row of nine cells");
    }
}

#[test]
fn html_marks_dates_unbreakable_and_user_text_in_its_own_language() {
    let today = d(2026, 12, 6);
    let groups = track(shipped(), Lang::En, today);
    let text = tracker(&groups, Format::Html, Lang::En, today, true);
    let page = Html::parse_document(&text);
    let sel = |s: &str| Selector::parse(s).unwrap();
    assert_eq!(page.select(&sel("html[lang=en]")).count(), 1);
    assert_eq!(page.select(&sel("h1")).count(), 1);
    assert_eq!(page.select(&sel("h2")).count(), 2, "one section per group");
    assert_eq!(page.select(&sel("table")).count(), 2);
    // The sessions are in French: the actions say so to a screen reader and a translator.
    assert!(page.select(&sel("td span[lang=fr]")).count() >= 19);
    // The due date and the session date never wrap.
    for row in page.select(&sel("tbody tr")) {
        assert_eq!(row.select(&sel("td.due")).count(), 2);
    }
    assert!(text.contains(".due{white-space:nowrap"));
    // Printed: numbered A4 pages in landscape (nine columns), the texts given room.
    assert!(text.contains("counter(page)") && text.contains("@page{size:A4 landscape}"));
    assert_eq!(
        page.select(&sel("td.text")).count(),
        2 * page.select(&sel("tbody tr")).count()
    );
}

fn run(env: &Env, args: &[&str]) -> (i32, String, String) {
    let out = env.cmd().args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap_or(-1),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn the_command_tracks_one_group_by_name_or_id_or_the_whole_folder() {
    let env = Env::new();
    for group in shipped() {
        for s in &group {
            env.save(s);
        }
    }
    let dir = env.dir();
    // One group, named without its accent and capital.
    let (code, out, err) = run(
        &env,
        &[
            "--dir",
            dir,
            "export",
            "--tracker",
            "--group",
            "couturieres",
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let rows = read_csv(&out);
    assert!(rows.len() > 1);
    assert!(rows[1..].iter().all(|r| r[0] == "Couturières d'Oujda"));
    // The same group by the start of its id.
    let id = shipped()[1][0].group.id.as_str()[..5].to_string();
    let (code, by_id, _) = run(
        &env,
        &[
            "--dir",
            dir,
            "export",
            "--tracker",
            "--group",
            &id,
            "--format",
            "csv",
        ],
    );
    assert_eq!((code, &by_id), (0, &out));
    // The whole folder: both groups.
    let (code, all, _) = run(
        &env,
        &["--dir", dir, "export", "--tracker", "--format", "md"],
    );
    assert_eq!(code, 0);
    assert!(all.contains("## Boulangers de Tanger") && all.contains("## Couturières d'Oujda"));
    // In English, to a file.
    let file = env.home.path().join("tracker.html");
    let (code, out, err) = run(
        &env,
        &[
            "--lang",
            "en",
            "--dir",
            dir,
            "export",
            "--tracker",
            "--group",
            "Boulangers",
            "--format",
            "html",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty() && err.contains("tracker.html"));
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(
        page.contains("<h1>Action tracker — Boulangers de Tanger</h1>"),
        "{page}"
    );
}

#[test]
fn a_group_not_found_or_a_mixed_request_is_a_sentence() {
    let env = Env::new();
    for group in shipped() {
        for s in &group {
            env.save(s);
        }
    }
    let dir = env.dir();
    let (code, out, err) = run(
        &env,
        &[
            "--dir",
            dir,
            "export",
            "--tracker",
            "--group",
            "menuisiers",
            "--format",
            "md",
        ],
    );
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.starts_with("Aucun groupe ne correspond à « menuisiers »"),
        "{err}"
    );
    // "de" is in both names: the candidates are named.
    let (code, _, err) = run(
        &env,
        &[
            "--dir",
            dir,
            "export",
            "--tracker",
            "--group",
            "d",
            "--format",
            "md",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("Boulangers de Tanger") && err.contains("Couturières d'Oujda"),
        "{err}"
    );
    // A session and --tracker, --anonymize with --tracker, --group without --tracker.
    let s = &shipped()[0][0];
    for args in [
        vec!["export", s.id.as_str(), "--tracker", "--format", "md"],
        vec!["export", "--tracker", "--anonymize", "--format", "md"],
        vec!["export", s.id.as_str(), "--group", "x", "--format", "md"],
    ] {
        let mut all = vec!["--dir", dir];
        all.extend(args);
        let (code, out, err) = run(&env, &all);
        assert_eq!(code, 2, "{all:?}");
        assert!(out.is_empty() && err.starts_with("erreur"), "{err}");
    }
    // Nothing was written in the folder.
    let files = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(files, 6);
}

#[test]
fn x_in_the_timeline_writes_the_groups_tracker_in_three_formats_in_a_private_folder() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("exports");
    let today = d(2026, 12, 6);
    let bakers = shipped().remove(0);
    let written =
        atelier::export::write_tracker_files(&dir, bakers.clone(), Lang::Fr, today).unwrap();
    assert_eq!(written, dir);
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    let groups = track(vec![bakers], Lang::Fr, today);
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let path = dir.join(format!(
            "actions_boulangers-de-tanger.{}",
            format.extension()
        ));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, tracker(&groups, format, Lang::Fr, today, false));
    }
    // A folder that cannot be made is a sentence, not a panic.
    let blocked = home.path().join("file");
    std::fs::write(&blocked, "").unwrap();
    let err = atelier::export::write_tracker_files(
        &blocked.join("x"),
        shipped().remove(0),
        Lang::Fr,
        today,
    )
    .unwrap_err();
    assert!(err.starts_with("Impossible d'écrire"), "{err}");
}
