//! `atelier show` takes a session or a record (a visit, an activity, a diagnosis): when
//! nothing matches, or several do, its sentence says what was searched, and each id found
//! with what it is; a record too broken to read is named as what it was meant to be (told by
//! its `kind` field or its name), never as a broken session. `check` says the same.

mod common;

use atelier::model::Id;
use atelier::model::dated::Record;
use atelier::store::{self, Store};
use common::binary::Env;
use common::records::visit;
use common::t0;
use std::path::{Path, PathBuf};

fn run(env: &Env, args: &[&str]) -> (Option<i32>, String, String) {
    let out = env.cmd().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The bakers' session and a visit whose id starts as the session's does.
fn folder() -> (Env, Id, PathBuf) {
    let env = Env::new();
    let s = atelier::sample::bakers_session(t0(), 7);
    env.save(&s);
    let mut v = visit();
    v.group = s.group.id.clone();
    v.id = Id::from(format!("{}zzzzzzzz", &s.id.as_str()[..4]).as_str());
    let r = Record::Visit(Box::new(v));
    let path = Store::new(&env.dir).path_for_record(&r);
    store::save_record(&path, &r).unwrap();
    (env, s.id, path)
}

#[test]
fn show_says_no_session_nor_record_matches_and_names_what_each_match_is() {
    let (env, session, _) = folder();
    let (code, _, fr) = run(&env, &["--dir", env.dir(), "show", "qqqq"]);
    assert_eq!(code, Some(1));
    assert!(
        fr.starts_with(
            "Aucune séance ni fiche (visite, activité, diagnostic) ne correspond à « qqqq » dans "
        ),
        "{fr}"
    );
    let (_, _, en) = run(&env, &["--dir", env.dir(), "--lang", "en", "show", "qqqq"]);
    assert!(
        en.starts_with("No session or record (visit, activity, diagnosis) matches \"qqqq\" in "),
        "{en}"
    );

    let prefix = &session.as_str()[..4];
    let (code, _, fr) = run(&env, &["--dir", env.dir(), "show", prefix]);
    assert_eq!(code, Some(1));
    assert!(
        fr.contains(&format!(
            "« {prefix} » correspond à plusieurs séances ou fiches : "
        )),
        "{fr}"
    );
    assert!(fr.contains(&format!("{session} (une séance)")), "{fr}");
    assert!(
        fr.contains(&format!("{prefix}zzzzzzzz (une visite individuelle)")),
        "{fr}"
    );
    let (_, _, en) = run(&env, &["--dir", env.dir(), "--lang", "en", "show", prefix]);
    assert!(en.contains("matches several sessions or records: "), "{en}");
    assert!(en.contains("zzzzzzzz (a coaching visit)"), "{en}");

    // `export` takes sessions only: its sentence still says so.
    let (_, _, fr) = run(
        &env,
        &["--dir", env.dir(), "export", "qqqq", "--format", "md"],
    );
    assert!(fr.contains("identifiant de séance"), "{fr}");
}

/// Writes `text` over the file and returns what `show --private` and `check` say of it.
fn said(env: &Env, path: &Path, text: &str, lang: &str) -> (String, String) {
    std::fs::write(path, text).unwrap();
    let file = path.to_str().unwrap();
    let (code, _, shown) = run(env, &["--lang", lang, "show", file, "--private"]);
    assert_eq!(code, Some(1), "{shown}");
    let (_, checked, _) = run(env, &["--lang", lang, "check", file]);
    // The line about the file (the summary after it speaks of sessions in general).
    let line = checked.lines().next().unwrap_or_default().to_string();
    (shown, line)
}

#[test]
fn a_broken_record_is_named_as_what_it_was_meant_to_be() {
    let (env, _, path) = folder();
    let whole = std::fs::read_to_string(&path).unwrap();
    // Its kind is still written, a field it needs is gone: a broken visit.
    let no_member: String = whole
        .lines()
        .filter(|l| !l.trim_start().starts_with("member:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(no_member, whole);
    // Not even RON any more, its kind still written.
    let garbled = whole.replacen("date:", "date: @@", 1);
    // Nothing of it left but its name.
    let no_kind = garbled
        .lines()
        .filter(|l| !l.trim_start().starts_with("kind:"))
        .collect::<Vec<_>>()
        .join("\n");
    for (text, what) in [
        (no_member.as_str(), "no member"),
        (garbled.as_str(), "garbled"),
        (no_kind.as_str(), "no kind"),
    ] {
        let (shown, checked) = said(&env, &path, text, "fr");
        for out in [&shown, &checked] {
            assert!(
                out.contains(
                    "ce fichier devait contenir une visite individuelle, mais il n'est pas valide ("
                ),
                "{what}: {out}"
            );
            assert!(!out.contains("séance"), "{what}: {out}");
        }
        let (shown, _) = said(&env, &path, text, "en");
        assert!(
            shown.contains("this file should hold a coaching visit, but it is not valid ("),
            "{what}: {shown}"
        );
    }
    let (shown, checked) = said(&env, &path, "  \n", "fr");
    for out in [&shown, &checked] {
        assert!(
            out.contains("le fichier est vide : il devait contenir une visite individuelle."),
            "{out}"
        );
    }
    // A broken session is still said to be one.
    let session = std::fs::read_dir(&env.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("_s03_"))
        .unwrap();
    let text = std::fs::read_to_string(&session)
        .unwrap()
        .replacen("date:", "date: @@", 1);
    let (shown, _) = said(&env, &session, &text, "fr");
    assert!(
        shown.contains("ce n'est pas un fichier de séance valide"),
        "{shown}"
    );
}
