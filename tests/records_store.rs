//! The folder's visits, activities and diagnoses in the rest of the store (issue 13, point
//! 10): listed beside the sessions and never as unreadable, kept in the summary cache, saved
//! with the sessions' guard against overwriting a file changed on disk, checked by `atelier
//! check`, printed by `atelier show` under one privacy rule, and never a control character on
//! a terminal.

mod common;

use atelier::i18n::Lang;
use atelier::model::dated::{ActivityKind, Answer, Kind, Record};
use atelier::model::{Attendance, Id, Session};
use atelier::store::{self, LoadError, Saved, Store, TrackedRecord};
use common::binary::Env;
use common::records::{activity, diagnosis, visit};
use common::t0;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

fn bakers() -> Session {
    atelier::sample::bakers_session(t0(), 7)
}

/// A visit, an activity and a diagnosis of the session's group, about its members.
fn records_of(s: &Session) -> [Record; 3] {
    let m = &s.group.members;
    let mut v = visit();
    v.group = s.group.id.clone();
    (v.member, v.member_name) = (m[0].id.clone(), m[0].name.clone());
    // A need category of the method, shown by its label; an id it does not have, as it is.
    v.topics = vec!["costs".into(), "pricing".into()];
    let mut a = activity();
    a.group = s.group.id.clone();
    a.participants = BTreeMap::from([
        (m[0].id.clone(), Attendance::Present),
        (m[1].id.clone(), Attendance::Excused),
    ]);
    a.notes = "Formateur joignable au 06 61 23 45 67".into();
    let mut d = diagnosis();
    d.group = s.group.id.clone();
    (d.member, d.member_name) = (m[2].id.clone(), m[2].name.clone());
    [
        Record::Visit(Box::new(v)),
        Record::Activity(Box::new(a)),
        Record::Diagnosis(Box::new(d)),
    ]
}

/// An hour ago plus `secs`: settled, so the summary cache keeps the file.
fn past(secs: u64) -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600) + Duration::from_secs(secs)
}

fn set_time(path: &Path, t: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

/// The first half of a file's text, cut on a character boundary: a copy stopped midway.
fn half(text: &str) -> &str {
    let mut end = text.len() / 2;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[..end]
}

fn save_record(dir: &Path, r: &Record) -> PathBuf {
    let path = Store::new(dir).path_for_record(r);
    store::save_record(&path, r).unwrap();
    path
}

/// A folder with the bakers' session and one record of each kind, all settled.
fn folder() -> (tempfile::TempDir, Session, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let s = bakers();
    let session = Store::new(dir.path()).path_for_new(&s);
    store::save(&session, &s).unwrap();
    let mut paths = vec![session];
    paths.extend(records_of(&s).iter().map(|r| save_record(dir.path(), r)));
    for (i, p) in paths.iter().enumerate() {
        set_time(p, past(i as u64));
    }
    (dir, s, paths)
}

/// The summary cache of the folder, removed when the test ends (it is in the OS cache
/// folder, not in the temporary one).
struct CacheFile(PathBuf);

impl CacheFile {
    fn of(dir: &Path) -> CacheFile {
        CacheFile(store::cache_path(dir).expect("an OS cache folder"))
    }
    fn text(&self) -> String {
        fs::read_to_string(&self.0).unwrap()
    }
}

impl Drop for CacheFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

#[test]
fn a_folder_with_sessions_and_records_lists_no_unreadable_file() {
    let (dir, s, paths) = folder();
    let _cache = CacheFile::of(dir.path());
    let store = Store::new(dir.path());
    let listing = store.list();
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    assert_eq!(listing.sessions.len(), 1);
    assert_eq!(listing.records.len(), 3);

    // Date order: the diagnosis at joining, the visit, then the activity.
    let of_group = listing.records_of_group(&s.group.id);
    let kinds: Vec<String> = of_group.iter().map(|r| format!("{:?}", r.kind)).collect();
    assert_eq!(kinds, ["Diagnosis", "Visit", "Activity"]);
    let visit = of_group[1];
    assert_eq!(visit.path, paths[1]);
    assert_eq!(visit.group_name, "Boulangers de Tanger");
    assert_eq!(
        visit.member,
        Some((
            s.group.members[0].id.clone(),
            s.group.members[0].name.clone()
        ))
    );
    assert_eq!(of_group[2].title, "Formation hygiène HACCP");
    assert!(of_group[2].member.is_none());
    assert!(listing.records_of_group(&Id::from("autre")).is_empty());

    // Loaded whole, in the same order.
    let mut expected = records_of(&s).to_vec();
    expected.rotate_right(1);
    assert_eq!(store.group_records(&listing, &s.group.id), expected);

    // The home screen counts what it counted without the records.
    let alone = tempfile::tempdir().unwrap();
    let _alone_cache = CacheFile::of(alone.path());
    fs::copy(&paths[0], alone.path().join(paths[0].file_name().unwrap())).unwrap();
    let without = Store::new(alone.path()).list();
    let counts = |l: &store::Listing| {
        let g: Vec<(Id, usize)> = l
            .groups()
            .iter()
            .map(|g| (g.latest.group_id.clone(), g.sessions))
            .collect();
        (g, l.sessions.len(), l.in_use().count(), l.unreadable.len())
    };
    assert_eq!(counts(&listing), counts(&without));

    // The same from the cache.
    let again = store.list();
    assert!(again.unreadable.is_empty());
    assert_eq!(again.records, listing.records);
    assert_eq!(counts(&again), counts(&without));
}

#[test]
fn an_unchanged_record_comes_from_the_cache_without_being_parsed() {
    let (dir, _, paths) = folder();
    let cache = CacheFile::of(dir.path());
    Store::new(dir.path()).without_index().list();
    let text = cache.text();
    assert_eq!(
        text.lines().count(),
        1 + paths.len(),
        "a line per file:\n{text}"
    );
    assert!(text.contains("format:5"), "{text}");
    // Believed while the file's size and time are the same: a title changed in the cache
    // alone is the one listed.
    assert!(text.contains("Formation hygiène HACCP"));
    fs::write(&cache.0, text.replace("hygiène HACCP", "hygiène HACCX")).unwrap();
    let listing = Store::new(dir.path()).without_index().list();
    assert!(
        listing
            .records
            .iter()
            .any(|r| r.title == "Formation hygiène HACCX")
    );
    // What the review browser's rows say comes from the cache too: a visit's topics, an
    // activity's kind and how many were present.
    let visit = listing.records.iter().find(|r| r.kind == Kind::Visit);
    assert_eq!(visit.unwrap().topics, ["costs", "pricing"]);
    let act = listing.records.iter().find(|r| r.kind == Kind::Activity);
    let act = act.unwrap();
    assert_eq!(
        (act.activity.clone(), act.present),
        (Some(ActivityKind::Training), 1)
    );

    // A cache of a format before (format 4: records without what the browser shows) is
    // rebuilt, not misread.
    let old = cache.text().replacen("format:5", "format:4", 1);
    fs::write(&cache.0, old).unwrap();
    let listing = Store::new(dir.path()).without_index().list();
    assert!(listing.unreadable.is_empty());
    assert!(
        listing
            .records
            .iter()
            .any(|r| r.title == "Formation hygiène HACCP")
    );
    assert!(cache.text().contains("format:5"));

    // A record file changed on disk is read again.
    let mut a = activity();
    a.title = "Formation hygiène, deuxième jour".into();
    store::save_record(&paths[2], &Record::Activity(Box::new(a))).unwrap();
    set_time(&paths[2], past(30));
    let listing = Store::new(dir.path()).without_index().list();
    let titles: Vec<&str> = listing.records.iter().map(|r| r.title.as_str()).collect();
    assert!(
        titles.contains(&"Formation hygiène, deuxième jour"),
        "{titles:?}"
    );
}

#[test]
fn a_broken_record_is_listed_unreadable_with_its_sentence_and_never_cached() {
    let (dir, _, paths) = folder();
    let _cache = CacheFile::of(dir.path());
    let text = fs::read_to_string(&paths[1]).unwrap();
    let cut = dir
        .path()
        .join("2026-12-03_boulangers-de-tanger_visit_coupee.ron");
    fs::write(&cut, half(&text)).unwrap();
    let mistyped = dir
        .path()
        .join("2026-12-04_boulangers-de-tanger_visit_date.ron");
    let bad = text.replacen("date: \"2026-12-02\"", "date: \"hier\"", 1);
    assert_ne!(bad, text);
    fs::write(&mistyped, bad).unwrap();
    for p in [&cut, &mistyped] {
        set_time(p, past(10));
    }
    for _ in 0..2 {
        let listing = Store::new(dir.path()).list();
        assert_eq!(listing.records.len(), 3);
        assert_eq!(listing.unreadable.len(), 2);
        let reason = |p: &Path| {
            let (_, e) = listing.unreadable.iter().find(|(q, _)| q == p).unwrap();
            e.clone()
        };
        assert!(matches!(reason(&cut), LoadError::Truncated { .. }));
        let e = reason(&mistyped);
        let (line, _) = e.position().expect("a place");
        assert_eq!(
            text.lines().nth(line - 1).map(str::trim_start),
            Some("date: \"2026-12-02\",")
        );
        let fr = e.located(&mistyped, Lang::Fr.strings());
        assert!(
            fr.contains(&format!("{}:{line}:", mistyped.display())),
            "{fr}"
        );
    }
}

#[test]
fn a_record_found_twice_counts_once_the_one_saved_last() {
    let (dir, s, paths) = folder();
    let _cache = CacheFile::of(dir.path());
    let mut newer = records_of(&s)[0].clone();
    if let Record::Visit(v) = &mut newer {
        v.seen = "Revu le lendemain".into();
        v.saved = t0() + chrono::TimeDelta::hours(20);
    }
    // A copy of the folder from a colleague: same record, another name, saved later.
    let copy = dir.path().join("copie-visite.ron");
    store::save_record(&copy, &newer).unwrap();
    set_time(&copy, past(20));
    let listing = Store::new(dir.path()).list();
    assert_eq!(listing.records.len(), 4);
    let of_group = listing.records_of_group(&s.group.id);
    assert_eq!(of_group.len(), 3);
    assert!(of_group.iter().any(|r| r.path == copy));
    assert!(listing.record_by_path(&paths[1]).unwrap().shadowed);
    let whole = Store::new(dir.path()).group_records(&listing, &s.group.id);
    assert!(whole.contains(&newer));
}

#[test]
fn a_record_changed_on_disk_while_open_is_saved_as_a_conflict_copy() {
    let dir = tempfile::tempdir().unwrap();
    let r = Record::Visit(Box::new(visit()));
    let path = save_record(dir.path(), &r);
    let (read, mut tracked, unknown) = TrackedRecord::open(&path).unwrap();
    assert_eq!(read, r);
    assert!(unknown.is_empty());

    // Nothing changed on disk: saved in place.
    let mut ours = visit();
    ours.seen.push_str(" — suite");
    let ours_r = Record::Visit(Box::new(ours.clone()));
    assert_eq!(tracked.save(&ours_r, t0()).unwrap(), Saved::InPlace);

    // A sync tool brings another version meanwhile.
    let mut theirs = visit();
    theirs.seen = "Version du collègue".into();
    let theirs_text = store::encode_record(&Record::Visit(Box::new(theirs))).unwrap();
    fs::write(&path, &theirs_text).unwrap();
    ours.private_notes.push_str(" Rappeler lundi.");
    let ours_r = Record::Visit(Box::new(ours));
    let now = t0() + chrono::TimeDelta::minutes(5);
    let Saved::AsConflictCopy { copy, conflict } = tracked.save(&ours_r, now).unwrap() else {
        panic!("the changed file was written over");
    };
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs_text,
        "theirs left as it is"
    );
    assert_eq!(store::load_record(&copy).unwrap(), ours_r);
    assert_eq!(conflict.of, path.file_name().unwrap().to_string_lossy());
    assert_eq!(store::conflict_of(&copy), Some(conflict));
    assert_eq!(tracked.path(), copy);
    // Saving goes on in the copy.
    assert_eq!(tracked.save(&ours_r, now).unwrap(), Saved::InPlace);

    // The function the runner calls with a stamp it keeps: none for a file never to be
    // written over.
    let other = dir.path().join("autre.ron");
    store::save_record(&other, &r).unwrap();
    let stamp = store::Stamp::of(&other);
    assert_eq!(
        store::save_record_tracked(&other, &r, stamp.as_ref(), now).unwrap(),
        Saved::InPlace
    );
    assert!(matches!(
        store::save_record_tracked(&other, &r, None, now).unwrap(),
        Saved::AsConflictCopy { .. }
    ));
}

#[test]
fn a_record_with_fields_atelier_does_not_know_is_never_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let r = Record::Activity(Box::new(activity()));
    let path = save_record(dir.path(), &r);
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "    place:",
        "    lieu_bis: \"ajouté à la main\",\n    place:",
        1,
    );
    fs::write(&path, &edited).unwrap();
    let (_, mut tracked, unknown) = TrackedRecord::open(&path).unwrap();
    assert_eq!(unknown, ["lieu_bis"]);
    let saved = tracked.save(&r, t0()).unwrap();
    assert!(matches!(saved, Saved::AsConflictCopy { .. }), "{saved:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn the_privacy_rule_keeps_visits_and_diagnoses_whole_and_masks_an_activity() {
    let s = bakers();
    let [v, a, d] = records_of(&s);
    assert_eq!(atelier::privacy::record_for_others(&v, Lang::Fr), None);
    assert_eq!(atelier::privacy::record_for_others(&d, Lang::Fr), None);
    let Some(Record::Activity(shown)) = atelier::privacy::record_for_others(&a, Lang::En) else {
        panic!("an activity is the group's own");
    };
    assert!(!shown.notes.contains("06 61"), "{}", shown.notes);
    assert!(shown.history.is_empty());
}

#[test]
fn the_report_counts_no_record_as_an_unreadable_session() {
    let (dir, _, _) = folder();
    let _cache = CacheFile(atelier::report::cache_path(dir.path()).unwrap());
    let cut = dir.path().join("coupee.ron");
    fs::write(&cut, "(\n    version: 2,\n    kind: Visit,\n    id: \"x").unwrap();
    for _ in 0..2 {
        let (facts, files, unreadable) = atelier::report::read_dir(dir.path()).unwrap();
        assert_eq!(
            (facts.len(), files, unreadable),
            (1, 2, 1),
            "the session and the cut file"
        );
    }
}

// --- atelier check -------------------------------------------------------------------------

/// The folder of the command-line tests: the session and the three records.
fn env_with_records() -> (Env, Session, Vec<PathBuf>) {
    let env = Env::new();
    let s = bakers();
    let mut paths = vec![env.save(&s)];
    paths.extend(records_of(&s).iter().map(|r| save_record(&env.dir, r)));
    (env, s, paths)
}

fn text(o: &[u8]) -> String {
    String::from_utf8(o.to_vec()).unwrap()
}

fn run(env: &Env, args: &[&str]) -> Output {
    env.cmd().args(args).output().unwrap()
}

#[test]
fn check_passes_a_folder_of_sessions_and_records() {
    let (env, _, _) = env_with_records();
    let out = run(&env, &["check", env.dir()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(text(&out.stdout), "4 fichiers vérifiés, tous lisibles.\n");
}

#[test]
fn check_names_a_bad_answer_a_cut_record_an_orphan_and_a_copy() {
    let (env, s, paths) = env_with_records();
    // A diagnosis whose answers do not fit: a text for a count, a count too large.
    let mut d = diagnosis();
    d.id = Id::from("dgbad0000000");
    d.group = s.group.id.clone();
    d.answers
        .insert("jobs_paid".into(), Answer::Text("deux".into()));
    d.answers
        .insert("apprentices".into(), Answer::Count(20_000));
    let bad = save_record(&env.dir, &Record::Diagnosis(Box::new(d)));
    // An activity of a group that has no session here, costing more than any budget.
    let mut a = activity();
    a.id = Id::from("acorphan0000");
    a.group = Id::from("groupeailleurs");
    a.group_name = "Menuisiers de Fès".into();
    a.cost_mad = Some(5_000_000_000);
    let orphan = save_record(&env.dir, &Record::Activity(Box::new(a)));
    // A visit cut short.
    let whole = fs::read_to_string(&paths[1]).unwrap();
    let cut = env
        .dir
        .join("2026-12-05_boulangers-de-tanger_visit_coupee.ron");
    fs::write(&cut, half(&whole)).unwrap();
    // The same visit twice, the copy saved later.
    let mut later = records_of(&s)[0].clone();
    if let Record::Visit(v) = &mut later {
        v.saved = t0() + chrono::TimeDelta::hours(1);
    }
    let twice = env.dir.join("visite-copiee.ron");
    store::save_record(&twice, &later).unwrap();
    let before: Vec<Vec<u8>> = [&bad, &orphan, &cut]
        .iter()
        .map(|p| fs::read(p).unwrap())
        .collect();

    let out = run(&env, &["check", env.dir()]);
    assert_eq!(out.status.code(), Some(1));
    let fr = text(&out.stdout);
    let line_of = |p: &Path, what: &str| -> String {
        fr.lines()
            .find(|l| l.starts_with(&format!("{}:", p.display())) && l.contains(what))
            .unwrap_or_else(|| panic!("no line of {} with {what:?} in:\n{fr}", p.display()))
            .to_string()
    };
    let place = |line: &str, p: &Path| -> (usize, usize) {
        let rest = &line[p.display().to_string().len() + 1..];
        let mut parts = rest.splitn(3, ':');
        let l = parts.next().unwrap().parse().unwrap();
        let c = parts.next().unwrap().parse().unwrap();
        (l, c)
    };
    let bad_text = String::from_utf8(before[0].clone()).unwrap();
    let misfit = line_of(&bad, "ne correspond pas à la question");
    assert!(misfit.contains("Text(\"deux\")"), "{misfit}");
    let (l, _) = place(&misfit, &bad);
    assert!(
        bad_text
            .lines()
            .nth(l - 1)
            .unwrap()
            .contains("\"jobs_paid\":"),
        "{misfit}"
    );
    let count = line_of(&bad, "20000");
    assert!(count.contains("10000"), "{count}");
    let (l, _) = place(&count, &bad);
    assert!(
        bad_text
            .lines()
            .nth(l - 1)
            .unwrap()
            .contains("\"apprentices\":")
    );
    let cost = line_of(&orphan, "5000000000");
    assert!(cost.contains("1000000000"), "{cost}");
    let no_group = line_of(&orphan, "aucune séance de ce groupe");
    assert!(no_group.contains("Menuisiers de Fès") && no_group.contains("Copiez ici"));
    let truncated = line_of(&cut, "s'arrête trop tôt");
    let last = half(&whole).trim_end();
    let expected_line = last.lines().count();
    assert_eq!(place(&truncated, &cut).0, expected_line, "{truncated}");
    let dup = line_of(&paths[1], "même fiche que");
    assert!(dup.contains("visite-copiee.ron"), "{dup}");
    assert!(fr.contains("1 illisible"), "{fr}");
    // Nothing written.
    for (p, b) in [&bad, &orphan, &cut].iter().zip(&before) {
        assert_eq!(&fs::read(p).unwrap(), b);
    }

    let en = text(&run(&env, &["check", "--lang", "en", env.dir()]).stdout);
    assert!(en.contains("does not fit the question"), "{en}");
    assert!(
        en.contains("no session of this group in this folder"),
        "{en}"
    );
    assert!(en.contains("same record as"), "{en}");

    // A record checked alone: its folder's sessions are looked up all the same.
    let alone = run(&env, &["check", paths[2].to_str().unwrap()]);
    assert!(alone.status.success(), "{}", text(&alone.stdout));
    let alone = run(&env, &["check", orphan.to_str().unwrap()]);
    assert!(text(&alone.stdout).contains("aucune séance de ce groupe"));
}

#[test]
fn check_names_an_unknown_field_of_a_record_and_a_conflict_copy() {
    let (env, _, paths) = env_with_records();
    let text_before = fs::read_to_string(&paths[2]).unwrap();
    let edited = text_before.replacen("    place:", "    lieu_bis: \"x\",\n    place:", 1);
    fs::write(&paths[2], &edited).unwrap();
    let copy = store::conflict_path(&paths[1], t0());
    fs::copy(&paths[1], &copy).unwrap();
    let out = text(&run(&env, &["check", env.dir()]).stdout);
    let unknown = out
        .lines()
        .find(|l| l.contains("lieu_bis"))
        .unwrap_or_else(|| panic!("{out}"));
    let line = 1 + edited[..edited.find("lieu_bis").unwrap()]
        .matches('\n')
        .count();
    assert!(
        unknown.contains(&format!(":{line}:5: avertissement")),
        "{unknown}"
    );
    let name = paths[1].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        out.lines()
            .any(|l| l.contains("copie en conflit de") && l.contains(&name)),
        "{out}"
    );
}

// --- atelier show --------------------------------------------------------------------------

#[test]
fn show_takes_each_kind_by_id_prefix_in_both_languages() {
    let (env, s, paths) = env_with_records();
    let member = &s.group.members[0].name;
    let third = &s.group.members[2].name;
    let cases = [
        (
            "v7k2",
            format!("Visite individuelle — {member}"),
            format!("Coaching visit — {member}"),
        ),
        (
            "ac3f",
            "Activité du groupe — Formation hygiène HACCP".into(),
            "Group activity — Formation hygiène HACCP".into(),
        ),
        (
            "dg5n",
            format!("Diagnostic — {third}"),
            format!("Diagnosis — {third}"),
        ),
    ];
    for (prefix, fr_title, en_title) in &cases {
        let fr = run(&env, &["--dir", env.dir(), "show", prefix, "--private"]);
        assert!(fr.status.success(), "{prefix}: {}", text(&fr.stderr));
        let fr = text(&fr.stdout);
        assert!(fr.starts_with(fr_title.as_str()), "{fr}");
        assert!(fr.contains("Groupe : Boulangers de Tanger"), "{fr}");
        let en = run(
            &env,
            &[
                "--dir",
                env.dir(),
                "--lang",
                "en",
                "show",
                prefix,
                "--private",
            ],
        );
        let en = text(&en.stdout);
        assert!(en.starts_with(en_title.as_str()), "{en}");
        assert!(en.contains("Group: Boulangers de Tanger"), "{en}");
    }

    // The visit in full, with --private: what was seen, agreed, the notes and their phone.
    let v = text(&run(&env, &["--dir", env.dir(), "show", "v7k2", "--private"]).stdout);
    for part in [
        "Sujets : Coûts, prix et rentabilité, pricing",
        "Constats : Le four",
        "Noter chaque jour",
        "Échéance : ",
        "Notes privées du conseiller",
        "06 61 22 33 44",
    ] {
        assert!(v.contains(part), "{part:?} missing:\n{v}");
    }
    // The diagnosis in words: choices by their label, yes and no, a list.
    let d = text(
        &run(
            &env,
            &[
                "--dir",
                env.dir(),
                "--lang",
                "en",
                "show",
                "dg5n",
                "--private",
            ],
        )
        .stdout,
    );
    assert!(d.contains(": no\n"), "{d}");
    assert!(d.contains("la farine ; le gaz"), "{d}");
    assert!(d.contains("(no answer)"), "{d}");

    // The activity without --private: who took part by name, the phone in its notes masked.
    let a = run(&env, &["--dir", env.dir(), "show", "ac3f"]);
    assert!(a.status.success());
    let a = text(&a.stdout);
    assert!(a.contains(&format!("Présents (1) : {member}")), "{a}");
    assert!(
        a.contains(&format!("Excusés (1) : {}", s.group.members[1].name)),
        "{a}"
    );
    assert!(!a.contains("06 61 23 45 67"), "{a}");
    assert!(a.contains("Coût : 1500 DH"), "{a}");

    // By its file, as for a session.
    let by_file = run(&env, &["show", paths[2].to_str().unwrap()]);
    assert_eq!(text(&by_file.stdout), a);
}

#[test]
fn show_refuses_a_visit_or_a_diagnosis_without_private_and_says_why() {
    let (env, _, paths) = env_with_records();
    for (target, fr_why, en_why) in [
        (
            "v7k2",
            "Une visite individuelle n'est jamais affichée sans --private",
            "A coaching visit is never printed without --private",
        ),
        (
            "dg5n",
            "Un diagnostic n'est affiché qu'avec --private",
            "A diagnosis is printed only with --private",
        ),
    ] {
        let out = run(&env, &["--dir", env.dir(), "show", target]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            out.stdout.is_empty(),
            "nothing printed: {}",
            text(&out.stdout)
        );
        let err = text(&out.stderr);
        assert!(err.contains(fr_why) && err.contains("loi 09-08"), "{err}");
        let out = run(&env, &["--dir", env.dir(), "--lang", "en", "show", target]);
        assert!(text(&out.stderr).contains(en_why));
    }
    let by_file = run(&env, &["show", paths[1].to_str().unwrap()]);
    assert_eq!(by_file.status.code(), Some(1));
    assert!(by_file.stdout.is_empty());
}

#[test]
fn hostile_text_in_a_record_never_reaches_the_terminal_raw() {
    let env = Env::new();
    let s = bakers();
    env.save(&s);
    let hostile = "Four \u{1b}]0;pwned\u{7} puis \u{1b}[2J et \u{202e}inversé";
    let [mut v, mut a, mut d] = records_of(&s);
    if let Record::Visit(x) = &mut v {
        x.seen = hostile.into();
        x.member_name = format!("Youssef {hostile}");
        x.private_notes = hostile.into();
    }
    if let Record::Activity(x) = &mut a {
        x.title = hostile.into();
        x.notes = hostile.into();
    }
    if let Record::Diagnosis(x) = &mut d {
        x.answers
            .insert("difficulties".into(), Answer::Texts(vec![hostile.into()]));
        x.answers
            .insert("jobs_paid".into(), Answer::Text(hostile.into()));
    }
    let paths: Vec<PathBuf> = [v, a, d].iter().map(|r| save_record(&env.dir, r)).collect();
    let forbidden = |text: &str| {
        text.chars()
            .find(|c| (c.is_control() && *c != '\n' && *c != '\t') || *c == '\u{202e}')
    };
    let mut runs: Vec<Vec<&str>> = vec![vec!["check", env.dir()]];
    for p in &paths {
        runs.push(vec!["show", p.to_str().unwrap(), "--private"]);
        runs.push(vec!["show", p.to_str().unwrap()]);
    }
    for args in runs {
        let out = run(&env, &args);
        for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let t = text(bytes);
            assert_eq!(forbidden(&t), None, "{args:?} {what}:\n{t}");
        }
        if args.len() == 3 {
            assert!(text(&out.stdout).contains('␛'), "{args:?} shows the escape");
        }
    }
}

/// The home screen's list of unreadable files says a broken visit is a visit, as `show` and
/// `check` do, not a broken session.
#[test]
fn the_home_screen_names_a_broken_record_as_what_it_was_meant_to_be() {
    let dir = tempfile::tempdir().unwrap();
    let v = Record::Visit(Box::new(visit()));
    let path = Store::new(dir.path()).path_for_record(&v);
    let text = store::encode_record(&v).unwrap();
    fs::write(&path, text.replacen("date:", "date: @@", 1)).unwrap();
    let h = common::Harness::in_dir(dir);
    let bad = &h.model.home.unreadable;
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0]
            .reason
            .contains("ce fichier devait contenir une visite individuelle"),
        "{}",
        bad[0].reason
    );
}
