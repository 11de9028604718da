//! The programme report on a known fixture: the three sessions of the tailors of Oujda
//! (`sample::series`) and session 3 of the bakers of Tanger, written into a temporary folder
//! with one unreadable file. Every number below is worked out by hand from `src/sample.rs`:
//!
//! - attendance: tailors 7+7+8 present of 8+9+9 expected (1+1+1 excused, 0+1+0 absent);
//!   bakers 9 of 12 (2 excused, 1 absent): 31 of 38, 5 excused, 2 absent.
//! - active members: the 9 tailors at session 3 (each missed at most one of three, Amina
//!   joined at session 2 and came to both); the bakers' folder has only session 3, where 9
//!   of 12 came: 18 of 21.
//! - actions: tailors 4+3+3, bakers 4: 14 planned. Session 2 reviews session 1's (done, in
//!   progress, blocked, done); session 3 marks the photos done, the room dropped, and of
//!   session 2's: done, in progress, done. So 5 done, 1 dropped, 8 open.
//! - needs: tailors raw_materials, market_access, formalisation / digital, market_access,
//!   premises_equipment / financing, cash_stock, costs; bakers raw_materials, financing,
//!   formalisation, skills_staff, quality. The bakers' financing theme is renamed here
//!   "  financer des MACHINES " so that it counts with the tailors' "Financer des machines".

mod common;

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::model::Session;
use atelier::report::{self, Bucket, By, Facts, NeedCount, Options, Report};
use atelier::sample;
use atelier::store::{self, Store};
use chrono::{NaiveDate, TimeZone, Utc};
use common::binary::atelier;
use std::path::{Path, PathBuf};

fn fixture() -> Vec<Session> {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let mut sessions = sample::series(now, 3);
    let mut bakers = sample::bakers_session(now, 7);
    let financing = bakers
        .needs
        .themes
        .iter_mut()
        .find(|t| t.category.as_deref() == Some("financing"))
        .unwrap();
    financing.title = "  financer des MACHINES ".into();
    sessions.push(bakers);
    sessions
}

/// The fixture saved in a folder, plus one file that cannot be read.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    store::ensure_dir(&dir).unwrap();
    let st = Store::new(&dir);
    for s in fixture() {
        store::save(&st.path_for_new(&s), &s).unwrap();
    }
    std::fs::write(
        dir.join("2026-11-01_coupe_s01_zzzzzz.ron"),
        "(\n    version: 1,\n    id: \"",
    )
    .unwrap();
    (home, dir)
}

fn report(dir: &Path, opts: Options) -> Report {
    let (facts, files, unreadable) = report::read_dir(dir).unwrap();
    report::aggregate(facts, files, unreadable, opts)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn need(key: &str, themes: usize, groups: usize) -> NeedCount {
    NeedCount {
        key: Some(key.into()),
        themes,
        groups,
    }
}

#[test]
fn the_numbers_of_the_fixture() {
    let (_home, dir) = folder();
    let r = report(&dir, Options::default());
    assert_eq!((r.files, r.unreadable), (5, 1));
    let t = &r.total;
    assert_eq!((t.sessions, t.closed, t.groups), (4, 3, 2));
    assert_eq!(
        (t.present, t.excused, t.absent, t.expected()),
        (31, 5, 2, 38)
    );
    assert_eq!((t.active, t.members), (18, 21));
    assert_eq!((t.planned, t.done, t.dropped, t.open()), (14, 5, 1, 8));
    assert_eq!(r.months, vec![((2026, 10), 1), ((2026, 11), 3)]);
    assert_eq!(
        (r.first, r.last),
        (Some(date(2026, 10, 27)), Some(date(2026, 11, 24)))
    );
    assert_eq!(
        &t.categories[..5],
        &[
            need("financing", 2, 2),
            need("formalisation", 2, 2),
            need("raw_materials", 2, 2),
            need("market_access", 2, 1),
            need("cash_stock", 1, 1),
        ]
    );
    assert_eq!(t.categories.len(), 10);
    assert_eq!(t.categories.iter().map(|c| c.themes).sum::<usize>(), 14);
    // The two spellings of one title count as one, under the spelling... of the tailors
    // (a tie, broken alphabetically); the rest come once each, in alphabetical order.
    assert_eq!(r.themes[0].title, "Financer des machines");
    assert_eq!((r.themes[0].themes, r.themes[0].groups), (2, 2));
    assert_eq!(r.themes[1].title, "Avancer l'argent des tissus");
    assert_eq!(r.themes.len(), report::TOP_THEMES);
    assert!(r.buckets.is_empty());
}

#[test]
fn by_trade_and_by_region() {
    let (_home, dir) = folder();
    let r = report(
        &dir,
        Options {
            by: vec![By::Trade],
            ..Options::default()
        },
    );
    type Row<'a> = (&'a [Bucket], usize, usize, usize, usize, usize, usize);
    let rows: Vec<Row> = r
        .buckets
        .iter()
        .map(|(b, f)| {
            (
                &b[..],
                f.sessions,
                f.present,
                f.expected(),
                f.active,
                f.members,
                f.done,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (&[Bucket::Trade("tailoring".into())][..], 3, 22, 26, 9, 9, 5),
            (&[Bucket::Trade("bakery".into())][..], 1, 9, 12, 9, 12, 0),
        ]
    );
    assert_eq!(r.buckets[0].1.planned, 10);
    assert_eq!(r.buckets[1].1.planned, 4);
    assert_eq!(r.buckets[1].1.categories.len(), 5);

    let r = report(
        &dir,
        Options {
            by: vec![By::Region],
            ..Options::default()
        },
    );
    let rows: Vec<(&[Bucket], usize)> = r
        .buckets
        .iter()
        .map(|(b, f)| (&b[..], f.sessions))
        .collect();
    use atelier::model::Region;
    assert_eq!(
        rows,
        vec![
            (&[Bucket::Region(Region::Oriental)][..], 3),
            (&[Bucket::Region(Region::TangerTetouanAlHoceima)][..], 1),
        ]
    );
}

#[test]
fn from_and_to_filter_on_the_session_date() {
    let (_home, dir) = folder();
    // From the tailors' second session: their window of six months still reaches session 1.
    let r = report(
        &dir,
        Options {
            from: Some(date(2026, 11, 10)),
            ..Options::default()
        },
    );
    let t = &r.total;
    assert_eq!(
        (t.sessions, t.groups, t.present, t.expected()),
        (3, 2, 24, 30)
    );
    assert_eq!((t.active, t.members), (18, 21));
    assert_eq!((t.planned, t.done, t.dropped), (10, 2, 0));

    // Up to the tailors' second session: statuses as reviewed by then; Amina (joined at 2)
    // is active, the three who missed one of the two are not.
    let r = report(
        &dir,
        Options {
            to: Some(date(2026, 11, 10)),
            ..Options::default()
        },
    );
    let t = &r.total;
    assert_eq!(
        (t.sessions, t.groups, t.present, t.expected()),
        (2, 1, 14, 17)
    );
    assert_eq!((t.active, t.members), (6, 9));
    assert_eq!((t.planned, t.done, t.dropped, t.open()), (7, 2, 0, 5));

    let r = report(
        &dir,
        Options {
            from: Some(date(2027, 1, 1)),
            ..Options::default()
        },
    );
    assert_eq!(r.total.sessions, 0);
    let md = report::to_markdown(&r, &Method::builtin(), Lang::En);
    assert!(md.contains("No session in this period."), "{md}");
}

#[test]
fn a_session_copied_twice_counts_once() {
    let sessions = fixture();
    let mut facts: Vec<Facts> = sessions.iter().map(Facts::of).collect();
    facts.push(Facts::of(&sessions[0]));
    let r = report::aggregate(facts, 5, 0, Options::default());
    assert_eq!(r.total.sessions, 4);
    assert_eq!(r.total.expected(), 38);
}

#[test]
fn markdown_snapshot() {
    let (_home, dir) = folder();
    let r = report(
        &dir,
        Options {
            by: vec![By::Trade],
            // Overdue actions and ended groups are counted against a fixed day.
            today: Some(date(2026, 11, 24)),
            ..Options::default()
        },
    );
    insta::assert_snapshot!(
        "report_fr_by_trade",
        report::to_markdown(&r, &Method::builtin(), Lang::Fr)
    );
}

/// Every text of the fixture that must never show: people's names, businesses, phones,
/// the advisor's notes, commitments, comments and remarks, groups' names and advisors.
fn private_texts() -> Vec<String> {
    let mut texts = member_texts();
    for s in fixture() {
        let g = &s.group;
        texts.extend([g.name.clone(), g.advisor.clone(), g.host.clone()]);
    }
    texts.retain(|t| !t.trim().is_empty());
    texts
}

/// The texts of the fixture about members and what was said: never in the report, nor in
/// its cache (which keeps groups' names, hosts and advisors, the labels of `--by`).
fn member_texts() -> Vec<String> {
    let mut texts = Vec::new();
    for s in fixture() {
        let g = &s.group;
        for m in &g.members {
            texts.extend([m.name.clone(), m.business.clone(), m.phone.clone()]);
            if let Some(first) = m.name.split(' ').next().filter(|w| w.chars().count() >= 4) {
                texts.push(first.to_string());
            }
        }
        texts.push(s.closing.private_notes.clone());
        texts.push(s.closing.comments.clone());
        texts.push(s.checkin.remarks.clone());
        texts.extend(s.closing.commitments.values().cloned());
        texts.extend(s.followup.reviews.iter().map(|r| r.comment.clone()));
    }
    texts.retain(|t| !t.trim().is_empty());
    texts
}

fn assert_private(output: &str) {
    assert_none_of(output, private_texts());
}

fn assert_none_of(output: &str, texts: Vec<String>) {
    for t in texts {
        assert!(
            !output.contains(&t),
            "{t:?} appears in the report:\n{output}"
        );
    }
}

#[test]
fn no_name_phone_business_or_note_appears() {
    let (_home, dir) = folder();
    let method = Method::builtin();
    // Advisors, hosts and groups are named by their own rows only (`--by advisor|host|group`).
    for by in [
        vec![],
        vec![By::Trade],
        vec![By::Region],
        vec![By::Month],
        vec![By::Region, By::Month],
    ] {
        let r = report(
            &dir,
            Options {
                by,
                ..Options::default()
            },
        );
        for lang in [Lang::Fr, Lang::En] {
            assert_private(&report::to_markdown(&r, &method, lang));
            assert_private(&report::to_csv(&r, &method, lang));
        }
    }
}

/// A minimal reader for the report's CSV: `;`-separated, `"` quoting, CRLF rows.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    assert!(body.ends_with("\r\n"));
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {
                assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\n', false) => panic!("a bare LF"),
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_reads_back() {
    let (_home, dir) = folder();
    let r = report(
        &dir,
        Options {
            by: vec![By::Region],
            ..Options::default()
        },
    );
    let text = report::to_csv(&r, &Method::builtin(), Lang::Fr);
    let rows = read_csv(&text);
    assert_eq!(
        rows[0],
        [
            "Rubrique",
            "Regroupement",
            "Élément",
            "Nombre",
            "Sur",
            "Pourcentage",
            "Groupes",
            "Ce qui est compté"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 8), "every row has 8 fields");
    let find = |section: &str, breakdown: &str, item: &str| {
        rows.iter()
            .find(|r| r[0] == section && r[1] == breakdown && r[2] == item)
            .unwrap_or_else(|| panic!("no row {section};{breakdown};{item}"))
            .clone()
    };
    assert_eq!(
        find("Taux de présence", "Ensemble", "Présents")[3..6],
        ["31", "38", "81,6"]
    );
    assert_eq!(
        find("Membres actifs", "Oriental", "Membres actifs")[3..6],
        ["9", "9", "100,0"]
    );
    assert_eq!(
        find("Actions prévues", "Ensemble", "Actions faites")[3..5],
        ["5", "14"]
    );
    assert_eq!(
        find(
            "Besoins les plus fréquents, par catégorie",
            "Ensemble",
            "Financement et crédit"
        )[3],
        "2"
    );
    assert_eq!(
        find(
            "Besoins les plus fréquents, par intitulé de thème",
            "Ensemble",
            "Financer des machines"
        )[6],
        "2"
    );
    assert!(
        rows.iter().any(|r| r[2].contains("atelier check")),
        "the unreadable file is mentioned"
    );
}

// ---------------------------------------------------------------------------------------------
// The real binary
// ---------------------------------------------------------------------------------------------

#[test]
fn cli_prints_markdown_and_writes_csv() {
    let (home, dir) = folder();
    let d = dir.to_str().unwrap();
    let out = atelier(home.path())
        .args([
            "report",
            "--dir",
            d,
            "--lang",
            "en",
            "--by",
            "region",
            "--from",
            "10/11/2026",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Programme report\n"), "{md}");
    assert!(md.contains("| Sessions held | 3 |"), "{md}");
    assert!(md.contains("1 file could not be read"), "{md}");
    assert!(md.contains("| Oriental | 2 |"), "{md}");
    assert_private(&md);

    // ATELIER_DIR instead of --dir, to a file.
    let file = home.path().join("report.csv");
    let out = atelier(home.path())
        .env("ATELIER_DIR", &dir)
        .args(["report", "--format", "csv", "--to", "2026-11-10", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(&file).unwrap();
    let rows = read_csv(&csv);
    assert!(
        rows.iter().any(|r| r[2] == "Séances tenues" && r[3] == "2"),
        "{csv}"
    );
    assert_private(&csv);
}

#[test]
fn cli_refuses_a_bad_date() {
    let (home, dir) = folder();
    let out = atelier(home.path())
        .args(["report", "--lang", "fr", "--from", "demain"])
        .arg("--dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("« demain » n'est pas une date"), "{err}");

    let out = atelier(home.path())
        .args(["report", "--from", "2026-12-01", "--to", "2026-11-01"])
        .arg("--dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    for by in [
        &["--by", "month", "--by", "region", "--by", "trade"][..],
        &["--by", "month", "--by", "month"][..],
    ] {
        let out = atelier(home.path())
            .args(["report", "--lang", "en"])
            .args(by)
            .arg("--dir")
            .arg(&dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--by"), "{err}");
    }
}

#[test]
fn two_groupings_give_the_pairs() {
    use atelier::model::Region;
    let (_home, dir) = folder();
    let r = report(
        &dir,
        Options {
            by: vec![By::Region, By::Month],
            ..Options::default()
        },
    );
    let rows: Vec<(&[Bucket], usize, usize, usize)> = r
        .buckets
        .iter()
        .map(|(b, f)| (&b[..], f.sessions, f.members, f.planned))
        .collect();
    let oriental = || Bucket::Region(Region::Oriental);
    let tanger = || Bucket::Region(Region::TangerTetouanAlHoceima);
    assert_eq!(
        rows,
        vec![
            (&[oriental(), Bucket::Month(2026, 10)][..], 1, 8, 4),
            (&[oriental(), Bucket::Month(2026, 11)][..], 2, 9, 6),
            (&[tanger(), Bucket::Month(2026, 11)][..], 1, 12, 4),
        ]
    );
    let md = report::to_markdown(&r, &Method::builtin(), Lang::En);
    assert!(md.contains("## By Region × Month"), "{md}");
    assert!(md.contains("| Oriental · 2026-10 | 1 |"), "{md}");

    // By group: the row is labelled with the group's name.
    let r = report(
        &dir,
        Options {
            by: vec![By::Group],
            ..Options::default()
        },
    );
    let names: Vec<&String> = r.group_names.values().collect();
    assert_eq!(names.len(), 2);
    let md = report::to_markdown(&r, &Method::builtin(), Lang::Fr);
    for n in names {
        assert!(md.contains(&format!("| {n} |")), "{md}");
    }
}

/// An hour ago, plus `secs`: settled (a file saved seconds ago is never cached).
fn past(secs: u64) -> std::time::SystemTime {
    std::time::SystemTime::now() - std::time::Duration::from_secs(3600)
        + std::time::Duration::from_secs(secs)
}

fn set_time(path: &Path, t: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn settle(dir: &Path) {
    for (i, e) in std::fs::read_dir(dir).unwrap().enumerate() {
        set_time(&e.unwrap().path(), past(i as u64));
    }
}

#[test]
fn the_report_from_the_cache_is_the_report_from_the_files() {
    let (_home, dir) = folder();
    settle(&dir);
    let opts = Options {
        by: vec![By::Trade],
        ..Options::default()
    };
    let first = report::read_folder(&dir).unwrap();
    assert_eq!(first.read, 5, "no cache yet: every file read");
    // The cache holds no member's name, phone or note either.
    let cache = std::fs::read(report::cache_path(&dir).unwrap()).unwrap();
    assert_none_of(&String::from_utf8_lossy(&cache), member_texts());
    let second = report::read_folder(&dir).unwrap();
    assert_eq!(
        second.read, 1,
        "only the unreadable file, never cached, is read again"
    );
    assert_eq!(second.facts(), first.facts());
    assert_eq!((second.files, second.unreadable), (5, 1));
    let from_files = report::aggregate(first.facts(), first.files, first.unreadable, opts.clone());
    let from_cache = report::aggregate(
        second.facts(),
        second.files,
        second.unreadable,
        opts.clone(),
    );
    assert_eq!(from_cache, from_files);
    // ...and both are the fixture's numbers.
    assert_eq!(from_cache.total.sessions, 4);
    assert_eq!(from_cache.total.expected(), 38);
    assert_eq!(from_cache, report(&dir, opts));
}

#[test]
fn counting_reads_the_ids_only_when_files_are_to_be_read_or_the_cache_written() {
    let (_home, dir) = folder();
    std::fs::remove_file(dir.join("2026-11-01_coupe_s01_zzzzzz.ron")).unwrap();
    settle(&dir);
    let opts = Options {
        by: vec![By::Group],
        ..Options::default()
    };
    let counted = |dir: &Path| {
        let folder = report::read_folder_to_count(dir).unwrap();
        let ids: Vec<String> = folder
            .facts()
            .iter()
            .map(|f| f.id.as_str().to_string())
            .collect();
        (report::aggregate_folder(folder, opts.clone()), ids)
    };
    // No cache yet: every file read, their ids with them; the cache written.
    let (cold, ids) = counted(&dir);
    assert_eq!(cold.total.sessions, 4);
    assert!(ids.iter().all(|id| !id.is_empty()), "{ids:?}");
    // Every file in the cache as it is: counted from their numbers, the same report, and
    // the ids' texts never read (a session's facts come back without them).
    let (warm, ids) = counted(&dir);
    assert_eq!(warm, cold);
    assert_eq!(ids.len(), 4);
    assert!(ids.iter().all(String::is_empty), "{ids:?}");
    let whole = report::read_folder(&dir).unwrap();
    assert!(whole.facts().iter().all(|f| !f.id.as_str().is_empty()));
    assert_eq!(report::aggregate_folder(whole, opts.clone()), cold);
    // A session copied in: read with the ids, added to the facts read with theirs, the
    // cache written again; then counted from it as before.
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let other = sample::bakers_session(now, 99);
    let path = Store::new(&dir).path_for_new(&other);
    store::save(&path, &other).unwrap();
    set_time(&path, past(100));
    let (added, ids) = counted(&dir);
    assert_eq!(added.total.sessions, 5);
    assert!(ids.iter().all(|id| !id.is_empty()), "{ids:?}");
    assert!(ids.contains(&other.id.as_str().to_string()));
    let (again, ids) = counted(&dir);
    assert_eq!(again, added);
    assert!(ids.iter().all(String::is_empty));
    assert_eq!(again, report(&dir, opts.clone()));
    // A file changed: the same.
    let mut changed = other.clone();
    changed.number += 1;
    store::save(&path, &changed).unwrap();
    set_time(&path, past(200));
    let (after, ids) = counted(&dir);
    assert!(ids.iter().all(|id| !id.is_empty()));
    assert_eq!(after, report(&dir, opts));
}

#[test]
fn a_session_copied_in_after_the_cache_was_written_is_counted() {
    let (_home, dir) = folder();
    settle(&dir);
    let before = report(&dir, Options::default());
    assert_eq!(before.total.sessions, 4);
    // Another group's session, copied in with an old time (as a copy keeps it).
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let other = sample::bakers_session(now, 99);
    let path = Store::new(&dir).path_for_new(&other);
    store::save(&path, &other).unwrap();
    set_time(&path, past(100));
    let after = report::read_folder(&dir).unwrap();
    assert_eq!(after.read, 2, "the new file and the unreadable one");
    assert_eq!(after.files, 6);
    let r = report::aggregate(
        after.facts(),
        after.files,
        after.unreadable,
        Options::default(),
    );
    assert_eq!(r.total.sessions, 5);
    assert_eq!(r.total.expected(), before.total.expected() + 12);
}

#[test]
fn a_changed_or_removed_session_is_read_again() {
    let (_home, dir) = folder();
    settle(&dir);
    let before = report(&dir, Options::default());
    // The bakers' session gets a theme more; its file changes size and time.
    let st = Store::new(&dir);
    let listing = st.list();
    let bakers = listing
        .in_use()
        .find(|s| s.trade.to_lowercase().contains("boulang"))
        .expect("the bakers' session")
        .path
        .clone();
    let mut s = store::load(&bakers).unwrap();
    let mut theme = s.needs.themes[0].clone();
    theme.title = "Un thème de plus".into();
    s.needs.themes.push(theme);
    store::save(&bakers, &s).unwrap();
    set_time(&bakers, past(200));
    let after = report(&dir, Options::default());
    let themes = |r: &Report| r.total.categories.iter().map(|c| c.themes).sum::<usize>();
    assert_eq!(themes(&after), themes(&before) + 1);
    // A removed file no longer counts, though the cache still had it.
    std::fs::remove_file(&bakers).unwrap();
    let gone = report(&dir, Options::default());
    assert_eq!(gone.total.sessions, 3);
    assert_eq!(gone.files, 4);
}

/// Names that are not UTF-8 sort by their bytes in the folder and by their text (with `�`)
/// in the cache: found all the same, a name read alike by two files included.
#[cfg(unix)]
#[test]
fn files_named_out_of_order_are_found_in_the_cache() {
    use std::os::unix::ffi::OsStrExt;
    let (_home, dir) = folder();
    let first = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| store::load(p).is_ok())
        .unwrap();
    // By bytes: "\xf0a", "\xf5", "\xfe"; by text: "�.ron" twice, then "�a.ron".
    for name in [&b"\xf0a.ron"[..], b"\xf5.ron", b"\xfe.ron"] {
        let copy = dir.join(std::ffi::OsStr::from_bytes(name));
        std::fs::copy(&first, &copy).unwrap();
    }
    settle(&dir);
    let before = report::read_folder(&dir).unwrap();
    assert_eq!(before.read, 8);
    let again = report::read_folder(&dir).unwrap();
    assert_eq!(again.read, 1, "only the unreadable file is read again");
    assert_eq!(again.facts(), before.facts());
    // The first and last of them gone: the one left ("�.ron") is passed by while the one
    // gone ("�a.ron") is looked for, and found by its name.
    for name in [&b"\xf0a.ron"[..], b"\xfe.ron"] {
        std::fs::remove_file(dir.join(std::ffi::OsStr::from_bytes(name))).unwrap();
    }
    let after = report::read_folder(&dir).unwrap();
    assert_eq!(after.read, 1, "only the unreadable file is read again");
    assert_eq!((after.files, after.facts().len()), (6, 5));
}

#[test]
fn a_broken_cache_is_ignored_and_the_numbers_stay() {
    let (_home, dir) = folder();
    settle(&dir);
    let good = report(&dir, Options::default());
    let cache = report::cache_path(&dir).unwrap();
    let bytes = std::fs::read(&cache).unwrap();
    let whole = |d: &std::path::Path| report::read_folder(d).unwrap().read == 1;
    // Cut in the middle.
    std::fs::write(&cache, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(report(&dir, Options::default()), good);
    // Rebuilt whole: only the unreadable file is read again.
    assert!(whole(&dir));
    assert_eq!(std::fs::read(&cache).unwrap(), bytes);
    // Anything after its end, or any byte changed, and it is not used: never a panic, and
    // the report is the files' (numbers are checked before they index anything, and the
    // whole is checked against its sum).
    let mut longer = bytes.clone();
    longer.push(0);
    std::fs::write(&cache, &longer).unwrap();
    assert_eq!(report(&dir, Options::default()), good);
    assert_eq!(std::fs::read(&cache).unwrap(), bytes, "written again");
    for at in (0..bytes.len()).step_by(7) {
        let mut spoilt = bytes.clone();
        spoilt[at] ^= 0xff;
        std::fs::write(&cache, &spoilt).unwrap();
        assert_eq!(report(&dir, Options::default()), good, "byte {at}");
    }
    std::fs::write(&cache, "pas un cache").unwrap();
    assert_eq!(report(&dir, Options::default()), good);
}
