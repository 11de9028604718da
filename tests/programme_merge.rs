//! Two advisors' folders merged as a sync tool merges them (issue 14, "how it is shown"): the
//! bakers' advisor and the tailors' advisor each keep their sessions, visits, activities and
//! diagnoses; the programme's folder holds both, plus what syncing leaves behind — a
//! Syncthing conflict copy of a session and the same session under a second name. The report
//! over the union is the report over the parts with the duplicates removed: counts compared
//! as sums, rates recomputed from the summed numerators and denominators.

use atelier::report::{self, Figures, Options};
use std::fs;
use std::path::{Path, PathBuf};

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

/// The shipped files of one group (sessions and records), by the slug in their names.
fn files_of(slug: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(shipped())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".ron") && name.contains(slug)
        })
        .collect();
    v.sort();
    v
}

fn folder_with(files: &[PathBuf]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        fs::copy(f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    dir
}

fn report_of(dir: &Path) -> report::Report {
    // The cache goes to the OS cache folder: each test process its own.
    let folder = report::read_folder(dir).unwrap();
    report::aggregate_folder(
        folder,
        Options {
            today: Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()),
            ..Options::default()
        },
    )
}

/// Every count of the figures, by name: what adds up across two folders of other groups.
fn counts(f: &Figures) -> Vec<(&'static str, u64)> {
    let u = |v: usize| v as u64;
    let mut v = vec![
        ("sessions", u(f.sessions)),
        ("closed", u(f.closed)),
        ("groups", u(f.groups)),
        ("present", u(f.present)),
        ("excused", u(f.excused)),
        ("absent", u(f.absent)),
        ("members", u(f.members)),
        ("active", u(f.active)),
        ("planned", u(f.planned)),
        ("done", u(f.done)),
        ("dropped", u(f.dropped)),
        ("groups_started", u(f.groups_started)),
        ("groups_ended", u(f.groups_ended)),
        ("joined", u(f.joined)),
        ("women", u(f.women)),
        ("group_months", u(f.group_months)),
        ("small_meetings", u(f.small_meetings)),
        ("usefulness_sum", u(f.usefulness_sum)),
        ("usefulness_count", u(f.usefulness_count)),
        ("overdue", u(f.overdue)),
        ("activities", u(f.activities)),
        ("participants", u(f.participants)),
        ("visits", u(f.visits)),
        ("visited", u(f.visited)),
        ("diagnosed", u(f.diagnosed)),
        ("jobs_before", f.jobs.0),
        ("jobs_after", f.jobs.1),
    ];
    for (i, b) in f.size_bands.iter().enumerate() {
        v.push((["band<8", "band8-12", "band13-20", "band>20"][i], u(*b)));
    }
    for (i, l) in f.left.iter().enumerate() {
        v.push((["left0", "left1", "left2", "left3", "left4"][i], u(*l)));
    }
    for (i, (done, planned)) in f.by_kind.iter().enumerate() {
        v.push((["kind0", "kind1", "kind2", "kind3", "kind4"][i], u(*done)));
        v.push((["of0", "of1", "of2", "of3", "of4"][i], u(*planned)));
    }
    v
}

fn sum(a: &[(&'static str, u64)], b: &[(&'static str, u64)]) -> Vec<(&'static str, u64)> {
    a.iter()
        .zip(b)
        .map(|((k, x), (k2, y))| {
            assert_eq!(k, k2);
            (*k, x + y)
        })
        .collect()
}

#[test]
fn the_programmes_folder_reports_what_its_advisors_folders_report_together() {
    let bakers = files_of("_boulangers-de-tanger_");
    let tailors = files_of("_couturieres-d-oujda_");
    assert!(bakers.len() > 3 && tailors.len() > 3);
    let a = folder_with(&bakers);
    let b = folder_with(&tailors);
    // The programme's folder: both, and what syncing left behind.
    let union = folder_with(&[bakers.clone(), tailors.clone()].concat());
    let session = bakers
        .iter()
        .find(|p| p.to_string_lossy().contains("_s02_"))
        .unwrap();
    let stem = session.file_stem().unwrap().to_string_lossy().into_owned();
    fs::copy(
        session,
        union
            .path()
            .join(format!("{stem}.sync-conflict-20261125-101500-ABCDEFG.ron")),
    )
    .unwrap();
    let other = tailors
        .iter()
        .find(|p| p.to_string_lossy().contains("_s01_"))
        .unwrap();
    fs::copy(other, union.path().join("seance copiee a la main.ron")).unwrap();

    let (ra, rb, ru) = (
        report_of(a.path()),
        report_of(b.path()),
        report_of(union.path()),
    );
    assert_eq!(ru.unreadable, 0);
    assert_eq!(
        ru.files,
        ra.files + rb.files + 2,
        "both extra files are read"
    );
    // Counts add up, the two extra files counted once.
    assert_eq!(
        counts(&ru.total),
        sum(&counts(&ra.total), &counts(&rb.total))
    );
    assert_eq!(ru.total.sessions, 6);
    assert!(ru.total.visits >= 4 && ru.total.activities >= 3);
    // Rates from the summed numerators and denominators: attendance, usefulness.
    let rate = |f: &Figures| f.present as f64 / f.expected() as f64;
    let summed = (ra.total.present + rb.total.present) as f64
        / (ra.total.expected() + rb.total.expected()) as f64;
    assert!((rate(&ru.total) - summed).abs() < 1e-12);
    // The median of the times to done: over both parts' actions together.
    let mut days: Vec<u32> = ra.total.done_days.iter().collect();
    days.extend(rb.total.done_days.iter());
    days.sort();
    let union_days: Vec<u32> = ru.total.done_days.iter().collect();
    assert_eq!(union_days, days);
    // Needs by category: each category's themes and groups the sum of the parts'.
    let needs = |r: &report::Report| {
        r.total
            .categories
            .iter()
            .map(|c| (c.key.clone(), (c.themes, c.groups)))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let (na, nb, nu) = (needs(&ra), needs(&rb), needs(&ru));
    assert!(!nu.is_empty());
    for (key, (themes, groups)) in &nu {
        let (ta, ga) = na.get(key).copied().unwrap_or((0, 0));
        let (tb, gb) = nb.get(key).copied().unwrap_or((0, 0));
        assert_eq!((*themes, *groups), (ta + tb, ga + gb), "{key:?}");
    }
    // By group: each part's row is the union's row of that group.
    let by = |dir: &Path| {
        let folder = report::read_folder(dir).unwrap();
        report::aggregate_folder(
            folder,
            Options {
                by: vec![report::By::Group],
                today: Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()),
                ..Options::default()
            },
        )
    };
    let (ga, gb, gu) = (by(a.path()), by(b.path()), by(union.path()));
    assert_eq!(gu.buckets.len(), 2);
    for part in [&ga, &gb] {
        assert_eq!(part.buckets.len(), 1);
        let (key, figures) = &part.buckets[0];
        let (_, in_union) = gu
            .buckets
            .iter()
            .find(|(k, _)| k == key)
            .expect("the group's row in the union");
        assert_eq!(counts(in_union), counts(figures));
    }
}
