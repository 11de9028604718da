//! The programme's figures on a small hand-written folder: three groups, twelve sessions
//! (eleven in 2026, the period), visits, activities and diagnoses. Every expected number is
//! worked out by hand below, for the whole period and for each `--by`.
//!
//! The fixture (`tests/common/programme.rs`):
//!
//! - Boulangers (g1, advisor Samira, host Chambre Tanger, Tanger region, bakery): 10 members
//!   (4 women; 3 informal, 5 auto-entrepreneurs, 2 not given), m10 joined 2026-09-01, m11
//!   joined 2026-01-01 and left 2026-03-01 (moved). Sessions 2026-01-10, 02-10, 03-10,
//!   09-10, 10-10 with 9, 7, 10, 8, 6 present of 10.
//! - Couturières (g2, Samira, Chambre Oujda, Oriental, tailoring): 6 members, all women and
//!   informal, joined 2026-03-05; m7 joined then and left 2026-05-01 (no reason). Sessions
//!   2026-03-05, 04-05, 05-05 with 6, 5, 4 present of 6: ended (nothing after 05-05).
//! - Menuisiers (g3, Karim, Chambre Tanger, Tanger region, carpentry): 15 members (2 women,
//!   all sole traders) joined 2025-11-20; m16 left 2026-10-01 (stopped). Sessions
//!   2025-11-20 (before the period), 2026-09-20, 10-20, 11-20 with 15, 15, 12, 7 present.
//! - Actions: g1 s1 decides A1 (collective idea, done at s2: 31 days) and A2 (individual,
//!   dropped at s3); g1 s4 A3 (no idea, due 2026-12-01, open: overdue on 2027-01-15); g2 s1
//!   A4 (service request, in progress at s2, done at s3: 61 days) and A5 (lobbying, done at
//!   s2: 31 days); g3 s1 (2025) A6, not counted; g3 s2 A7 (collective, due 2026-10-01,
//!   blocked: overdue) and A8 (individual, due 2027-03-01, in progress).
//! - Usefulness: g1 s5 members present gave 5, 4, 4, 3, 5, 3 (and m7, absent, 1: not
//!   counted); g3 s4 seven 3s: 45 over 13.
//! - Projects at the latest sessions: g1 running and idea, g3 done.
//! - Records: visits to g1 m1 (2026-02-20, 09-15), g3 m2 (10-01), g2 m1 (2025-12-01, out);
//!   activities g1 2026-03-20 (8 present), g3 10-25 (12 present); diagnoses g1 m1 baseline
//!   2025-12-01 (informal, no CNSS, bank account, no credit, 1 paid job + 1 family) and
//!   follow-up 2026-11-01 (auto-entrepreneur, CNSS, bank, credit, 2 + 1 + 1 apprentice);
//!   g1 m2 baseline only; g3 m1 baseline 2025-11-20 (sole trader, bank no, 3 paid) and
//!   follow-up 2026-11-25 (CNSS, bank, 3 paid); g2 m1 follow-up 2026-05-05 without baseline.

mod common;

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::model::{Id, Region};
use atelier::report::{self, Bucket, By, Figures, Report};
use atelier::store::{self, Store};
use common::programme::*;

#[test]
fn every_figure_of_the_whole_period() {
    let (_home, dir) = folder();
    let r = report(&dir, &[]);
    assert_eq!((r.files, r.unreadable), (12, 0));
    let t = &r.total;
    // Groups: 3 active, g1 and g2 started in 2026, g2 ended; 6, 10 and 15 members.
    assert_eq!((t.groups, t.groups_started, t.groups_ended), (3, 2, 1));
    assert_eq!(t.size_bands, [1, 1, 1, 0]);
    // Members: 10 + 6 + 15; joined m10, m11 and g2's seven; left: one moved, one stopped,
    // one not said; 4 + 6 + 2 women; 9 informal, 5 auto-entrepreneurs, 15 sole traders, 2
    // not given.
    assert_eq!((t.members, t.active), (31, 23));
    assert_eq!(t.joined, 9);
    assert_eq!(t.left, [1, 1, 0, 0, 1]);
    assert_eq!(t.women, 12);
    assert_eq!(t.statuses, vec![9, 5, 15, 0, 0, 0, 0, 2]);
    // Meetings: 11 in the period, 3 groups × 12 months; 89 present of 113 expected (7
    // excused, 17 absent); 6 with fewer than 8 present; usefulness 45 over 13.
    assert_eq!((t.sessions, t.group_months), (11, 36));
    assert_eq!(
        (t.present, t.excused, t.absent, t.expected()),
        (89, 7, 17, 113)
    );
    assert_eq!(t.small_meetings, 6);
    assert_eq!((t.usefulness_sum, t.usefulness_count), (45, 13));
    // Actions: A1..A5, A7, A8; done A1, A4, A5; dropped A2; open A3, A7, A8, of which A3 and
    // A7 overdue; 31, 31 and 61 days.
    assert_eq!((t.planned, t.done, t.dropped, t.open()), (7, 3, 1, 3));
    assert_eq!(t.overdue, 2);
    assert_eq!(t.median_days(), Some(31.0));
    // Individual, collective, service request, lobbying, no type: (planned, done).
    assert_eq!(t.by_kind, [(2, 0), (2, 1), (1, 1), (1, 1), (1, 0)]);
    // Projects: idea, prepared, running, done, dropped.
    assert_eq!(t.projects, vec![1, 0, 1, 1, 0]);
    assert_eq!((t.activities, t.participants), (2, 20));
    assert_eq!((t.visits, t.visited), (3, 2));
    // Diagnosis: g1 m1 and g3 m1; formalised 1 → 2, CNSS 0 → 2, bank 1 → 2, credit 0 → 1,
    // jobs 2 + 3 → 4 + 3.
    assert_eq!(t.diagnosed, 2);
    assert_eq!(t.changes, [(1, 2), (0, 2), (1, 2), (0, 1)]);
    assert_eq!(t.jobs, (5, 7));
}

/// A row's main figures: sessions, groups, members, women, present, expected, planned, done,
/// visits, activities, members diagnosed twice.
type Row = (
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
);

fn row(f: &Figures) -> Row {
    (
        f.sessions,
        f.groups,
        f.members,
        f.women,
        f.present,
        f.expected(),
        f.planned,
        f.done,
        f.visits,
        f.activities,
        f.diagnosed,
    )
}

fn rows(r: &Report) -> Vec<(Vec<Bucket>, Row)> {
    r.buckets.iter().map(|(k, f)| (k.clone(), row(f))).collect()
}

const G1: Row = (5, 1, 10, 4, 40, 50, 3, 1, 2, 1, 1);
const G2: Row = (3, 1, 6, 6, 15, 18, 2, 2, 0, 0, 0);
const G3: Row = (3, 1, 15, 2, 34, 45, 2, 0, 1, 1, 1);
/// g1 and g3 together.
const G13: Row = (8, 2, 25, 6, 74, 95, 5, 1, 3, 2, 2);

#[test]
fn by_advisor_host_trade_region_and_group() {
    let (_home, dir) = folder();
    let one = |b: Bucket| vec![b];
    let r = report(&dir, &[By::Advisor]);
    assert_eq!(
        rows(&r),
        vec![
            (
                one(Bucket::Advisor("Samira".into())),
                (8, 2, 16, 10, 55, 68, 5, 3, 2, 1, 1)
            ),
            (one(Bucket::Advisor("Karim".into())), G3),
        ]
    );
    let r = report(&dir, &[By::Host]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Host("Chambre Tanger".into())), G13),
            (one(Bucket::Host("Chambre Oujda".into())), G2),
        ]
    );
    let r = report(&dir, &[By::Region]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Region(Region::TangerTetouanAlHoceima)), G13),
            (one(Bucket::Region(Region::Oriental)), G2),
        ]
    );
    let r = report(&dir, &[By::Trade]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Trade("bakery".into())), G1),
            (one(Bucket::Trade("tailoring".into())), G2),
            (one(Bucket::Trade("carpentry".into())), G3),
        ]
    );
    let r = report(&dir, &[By::Group]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Group(Id("g1".into()))), G1),
            (one(Bucket::Group(Id("g2".into()))), G2),
            (one(Bucket::Group(Id("g3".into()))), G3),
        ]
    );
    // The group-level figures of one row: g2 started and ended, 6 members in the <8 band,
    // 7 joined, one left without a reason, 3 small meetings of 3, 3 months × 1 group... of 12.
    let g2 = &r.buckets[1].1;
    assert_eq!((g2.groups_started, g2.groups_ended), (1, 1));
    assert_eq!(g2.size_bands, [1, 0, 0, 0]);
    assert_eq!((g2.joined, g2.left), (7, [0, 0, 0, 0, 1]));
    assert_eq!((g2.small_meetings, g2.group_months), (3, 12));
    assert_eq!(g2.by_kind, [(0, 0), (0, 0), (1, 1), (1, 1), (0, 0)]);
    assert_eq!(g2.median_days(), Some(46.0));
    let g1 = &r.buckets[0].1;
    assert_eq!(
        (g1.usefulness_sum, g1.usefulness_count, g1.overdue),
        (24, 6, 1)
    );
    assert_eq!(g1.projects, vec![1, 0, 1, 0, 0]);
    assert_eq!((g1.visits, g1.visited, g1.participants), (2, 1, 8));
    assert_eq!(
        (g1.changes, g1.jobs),
        ([(0, 1), (0, 1), (1, 1), (0, 1)], (2, 4))
    );
}

#[test]
fn by_month_and_by_two() {
    let (_home, dir) = folder();
    let month = |m: u32| vec![Bucket::Month(2026, m)];
    let r = report(&dir, &[By::Month]);
    assert_eq!(
        rows(&r),
        vec![
            (month(1), (1, 1, 10, 4, 9, 10, 2, 1, 0, 0, 0)),
            (month(2), (1, 1, 10, 4, 7, 10, 0, 0, 1, 0, 0)),
            (month(3), (2, 2, 16, 10, 16, 16, 2, 2, 0, 1, 0)),
            (month(4), (1, 1, 6, 6, 5, 6, 0, 0, 0, 0, 0)),
            (month(5), (1, 1, 6, 6, 4, 6, 0, 0, 0, 0, 0)),
            (month(9), (2, 2, 25, 6, 23, 25, 3, 0, 1, 0, 0)),
            (month(10), (2, 2, 25, 6, 18, 25, 0, 0, 1, 1, 0)),
            (month(11), (1, 1, 15, 2, 7, 15, 0, 0, 0, 0, 2)),
        ]
    );
    // March: g2's seven joined, g1's m11 left (moved); g1 and g2 each one group-month.
    let march = &r.buckets[2].1;
    assert_eq!((march.joined, march.left), (7, [1, 0, 0, 0, 0]));
    assert_eq!((march.group_months, march.groups_started), (2, 1));

    // The months the charts draw are these rows, whatever `--by` says.
    let by_month: Vec<(Vec<Bucket>, Figures)> = r
        .by_month
        .iter()
        .map(|((y, m), f)| (vec![Bucket::Month(*y, *m)], f.clone()))
        .collect();
    assert_eq!(by_month, r.buckets);
    for by in [vec![], vec![By::Region], vec![By::Group, By::Month]] {
        assert_eq!(report(&dir, &by).by_month, r.by_month, "--by {by:?}");
    }

    let r = report(&dir, &[By::Region, By::Month]);
    let tanger = Bucket::Region(Region::TangerTetouanAlHoceima);
    let keys: Vec<(Vec<Bucket>, usize)> = r
        .buckets
        .iter()
        .map(|(k, f)| (k.clone(), f.sessions))
        .collect();
    let pair = |b: &Bucket, m: u32| vec![b.clone(), Bucket::Month(2026, m)];
    let oriental = Bucket::Region(Region::Oriental);
    assert_eq!(
        keys,
        vec![
            (pair(&tanger, 1), 1),
            (pair(&tanger, 2), 1),
            (pair(&tanger, 3), 1),
            (pair(&tanger, 9), 2),
            (pair(&tanger, 10), 2),
            (pair(&tanger, 11), 1),
            (pair(&oriental, 3), 1),
            (pair(&oriental, 4), 1),
            (pair(&oriental, 5), 1),
        ]
    );
    assert_eq!(row(&r.buckets[5].1), (1, 1, 15, 2, 7, 15, 0, 0, 0, 0, 2));
}

#[test]
fn a_second_report_reads_no_record_again() {
    let (_home, dir) = folder();
    // Files written a while ago are cached (a file saved seconds ago is read every time).
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in std::fs::read_dir(&dir).unwrap() {
        let f = std::fs::File::options()
            .write(true)
            .open(e.unwrap().path())
            .unwrap();
        f.set_modified(past).unwrap();
    }
    let first = report::read_folder(&dir).unwrap();
    assert_eq!((first.read, first.records.len()), (24, 12));
    let second = report::read_folder(&dir).unwrap();
    assert_eq!(
        second.read, 0,
        "sessions and records all come from the cache"
    );
    assert_eq!(
        (second.facts(), second.records),
        (first.facts(), first.records)
    );
}

/// A minimal reader for the report's CSV: `;`-separated, `"` quoting, CRLF rows.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
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
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_reads_back_every_figure_with_what_it_counts() {
    let (_home, dir) = folder();
    for by in [
        vec![By::Advisor],
        vec![By::Host],
        vec![By::Trade],
        vec![By::Region],
        vec![By::Group],
        vec![By::Month],
        vec![By::Group, By::Month],
    ] {
        let r = report(&dir, &by);
        for lang in [Lang::Fr, Lang::En] {
            assert_private(&report::to_csv(&r, &Method::builtin(), lang));
            assert_private(&report::to_markdown(&r, &Method::builtin(), lang));
        }
    }
    let r = report(&dir, &[By::Advisor]);
    let rows = read_csv(&report::to_csv(&r, &Method::builtin(), Lang::En));
    assert_eq!(rows[0].len(), 8);
    assert_eq!(rows[0][7], "What is counted");
    assert!(rows.iter().all(|r| r.len() == 8), "every row has 8 fields");
    let cells = |row: &str, item: &str| -> (String, String, String, String) {
        let r = rows
            .iter()
            .find(|r| r[0] == "Programme indicators" && r[1] == row && r[2] == item)
            .unwrap_or_else(|| panic!("no row {row};{item}"));
        assert!(!r[7].is_empty(), "{item} says what it counts");
        (r[3].clone(), r[4].clone(), r[5].clone(), r[7].clone())
    };
    let n = |s: &str| s.to_string();
    let count = |row: &str, item: &str| cells(row, item).0;
    assert_eq!(count("All", "Active groups"), "3");
    assert_eq!(count("All", "Groups started"), "2");
    assert_eq!(count("All", "Groups ended"), "1");
    assert_eq!(count("All", "Groups of fewer than 8 members"), "1");
    assert_eq!(count("All", "Groups of 13 to 20 members"), "1");
    assert_eq!(count("All", "Members"), "31");
    assert_eq!(count("All", "Members who joined"), "9");
    assert_eq!(count("All", "Left: moved away"), "1");
    assert_eq!(count("All", "Left: stopped their business"), "1");
    assert_eq!(count("All", "Left: no reason given"), "1");
    let women = cells("All", "Women");
    assert_eq!((women.0, women.1, women.2), (n("12"), n("31"), n("38.7")));
    assert!(women.3.contains("women / members"), "{}", women.3);
    assert_eq!(cells("All", "Status: Sole trader").0, "15");
    assert_eq!(cells("All", "Status: not given").0, "2");
    assert_eq!(count("All", "Meetings held"), "11");
    let per = cells("All", "Meetings per group per month");
    assert_eq!((per.0, per.1, per.2), (n("11"), n("36"), n("0.31")));
    let att = cells("All", "Attendance rate");
    assert_eq!((att.0, att.1, att.2), (n("89"), n("113"), n("78.8")));
    assert_eq!(count("All", "Meetings with fewer than 8 present"), "6");
    let useful = cells("All", "Average usefulness (1 to 5)");
    assert_eq!((useful.0, useful.1, useful.2), (n("45"), n("13"), n("3.5")));
    assert_eq!(count("All", "Actions planned"), "7");
    assert_eq!(count("All", "Actions done"), "3");
    assert_eq!(count("All", "Actions dropped"), "1");
    assert_eq!(count("All", "Actions open"), "3");
    assert_eq!(count("All", "Actions overdue today"), "2");
    assert_eq!(count("All", "Median time from decision to done"), "31");
    let lobbying = cells("All", "Actions from \"Lobbying the authorities\" ideas");
    assert_eq!((lobbying.0, lobbying.1), (n("1"), n("1")));
    assert_eq!(count("All", "Actions from \"No type\" ideas"), "0");
    assert_eq!(count("All", "Joint projects: running"), "1");
    assert_eq!(count("All", "Activities"), "2");
    assert_eq!(count("All", "Activity participants"), "20");
    assert_eq!(count("All", "Coaching visits"), "3");
    assert_eq!(count("All", "Members visited"), "2");
    assert_eq!(count("All", "Members diagnosed twice"), "2");
    let cnss = cells(
        "All",
        "Affiliated to social security (CNSS) (at the follow-up)",
    );
    assert_eq!((cnss.0, cnss.1), (n("2"), n("2")));
    assert_eq!(count("All", "Formalised (at the baseline)"), "1",);
    assert_eq!(
        count(
            "All",
            "Jobs (paid, family helpers, apprentices) (at the follow-up)"
        ),
        "7"
    );
    // The rows, labelled by advisor.
    assert_eq!(count("Samira", "Meetings held"), "8");
    assert_eq!(count("Karim", "Members"), "15");
    assert_eq!(count("Karim", "Actions overdue today"), "1");
}

#[test]
fn markdown_has_a_footnote_per_figure() {
    let (_home, dir) = folder();
    let r = report(&dir, &[By::Group]);
    let md = report::to_markdown(&r, &Method::builtin(), Lang::Fr);
    assert!(md.contains("## Indicateurs par Groupe"), "{md}");
    assert!(md.contains("### Boulangers du Détroit"), "{md}");
    assert!(md.contains("| Femmes[^women] | 12 (39 %) |"), "{md}");
    assert!(
        md.contains("| Affiliés à la CNSS[^change] | 0 → 2 (sur 2) |"),
        "{md}"
    );
    assert!(
        md.contains("| Délai médian de la décision à la réalisation[^median] | 31 jours |"),
        "{md}"
    );
    // Every footnote used is defined once.
    let used: std::collections::BTreeSet<&str> = md
        .match_indices("[^")
        .filter(|(i, _)| !md[*i..].starts_with("[^") || md[i + 2..].find(']').is_some())
        .map(|(i, _)| {
            let rest = &md[i + 2..];
            &rest[..rest.find(']').unwrap()]
        })
        .collect();
    for key in &used {
        assert_eq!(
            md.matches(&format!("\n[^{key}]: ")).count(),
            1,
            "[^{key}] defined once"
        );
    }
    assert_eq!(used.len(), 30);
}

#[test]
fn a_phone_typed_into_a_label_is_masked() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    store::ensure_dir(&dir).unwrap();
    let [mut g, ..] = groups();
    g.advisor = "Karim +212 6 12 34 56 78";
    g.host = "Chambre (0612345678)";
    g.name = "Boulangers 06.12.34.56.78";
    let s = session(&g, 1, d(2026, 1, 10), 9, 0);
    store::save(&Store::new(&dir).path_for_new(&s), &s).unwrap();
    for by in [By::Advisor, By::Host, By::Group] {
        let r = report(&dir, &[by]);
        assert_eq!(r.buckets.len(), 1);
        for lang in [Lang::Fr, Lang::En] {
            for text in [
                report::to_markdown(&r, &Method::builtin(), lang),
                report::to_csv(&r, &Method::builtin(), lang),
            ] {
                for digits in ["34 56", "0612345678", "34.56", "6 12"] {
                    assert!(!text.contains(digits), "{digits} in:\n{text}");
                }
                assert!(
                    text.contains("Karim")
                        || text.contains("Chambre")
                        || text.contains("Boulangers")
                );
            }
        }
    }
}
