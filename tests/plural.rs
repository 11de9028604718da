//! Wording agrees everywhere: every counted phrase goes through one plural function
//! (`i18n::Counted`, `i18n::is_plural`), swept here at 0, 1 and 2 in both languages, and the
//! words of the group form are the words of `atelier show` and the exports.

use atelier::i18n::{Counted, Lang, is_plural};
use atelier::model::LegalStatus;
use atelier::ui::FieldId;

/// Every counted phrase of a language, by path ("needs.moved"), read from the pretty `Debug`
/// form of its strings: a `Counted` added anywhere is swept without a list to keep.
fn counted_phrases(lang: Lang) -> Vec<(String, Counted)> {
    let debug = format!("{:#?}", lang.strings());
    let mut path: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<(String, Option<String>, Option<String>)> = None;
    for line in debug.lines().skip(1) {
        let depth = (line.len() - line.trim_start().len()) / 4;
        let rest = line.trim_start();
        if rest.starts_with('}') || rest.starts_with(']') {
            if let Some((name, Some(one), Some(many))) = current.take() {
                let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
                let c = match lang {
                    Lang::Fr => Counted::fr(leak(one), leak(many)),
                    Lang::En => Counted::en(leak(one), leak(many)),
                };
                out.push((name, c));
            }
            path.truncate(depth.saturating_sub(1));
            continue;
        }
        let Some((name, value)) = rest.split_once(": ") else {
            continue;
        };
        path.truncate(depth.saturating_sub(1));
        if value == "Counted {" {
            let mut key = path.clone();
            key.push(name.to_string());
            current = Some((key.join("."), None, None));
            path.push(name.to_string());
            continue;
        }
        if value.ends_with('{') || value.ends_with('[') {
            path.push(name.to_string());
            continue;
        }
        if let Some(c) = &mut current {
            let text = value.trim_end_matches(',');
            let text = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
            match (name, text) {
                ("one", Some(t)) => c.1 = Some(unescape(t)),
                ("many", Some(t)) => c.2 = Some(unescape(t)),
                _ => {}
            }
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let code: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                out.extend(char::from_u32(u32::from_str_radix(&code, 16).unwrap()));
            }
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Each counted phrase at 0, 1 and 2, every `{}` filled with the count.
#[test]
fn every_counted_phrase_at_0_1_and_2_in_both_languages() {
    let mut table = String::new();
    let mut problems = Vec::new();
    for lang in [Lang::Fr, Lang::En] {
        let phrases = counted_phrases(lang);
        assert!(
            phrases.len() > 30,
            "only {} counted phrases read",
            phrases.len()
        );
        for (name, c) in &phrases {
            let (one, many) = (c.one.matches("{}").count(), c.many.matches("{}").count());
            // The singular may leave out a trailing number ("and its sub-cause"); never more.
            if one > many || many - one > 1 || !c.many.contains("{}") {
                problems.push(format!("{lang:?} {name}: {one} and {many} placeholders"));
            }
            table.push_str(&format!("{lang:?} {name}\n"));
            for n in 0..3usize {
                let args: Vec<&dyn std::fmt::Display> = vec![&n; many];
                let text = c.fill(n, &args);
                let expected = if is_plural(lang, n as u64) {
                    c.many
                } else {
                    c.one
                };
                if c.form(n) != expected {
                    problems.push(format!("{lang:?} {name}: wrong form at {n}"));
                }
                table.push_str(&format!("  {n}: {text}\n"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    insta::assert_snapshot!("counted_phrases", table);
}

/// A "(s)" or "(e)" is a plural left to the reader: every string of both languages is free
/// of them (counted phrases choose their form).
#[test]
fn no_string_leaves_its_plural_to_the_reader() {
    for lang in [Lang::Fr, Lang::En] {
        let debug = format!("{:#?}", lang.strings());
        for line in debug.lines().filter(|l| l.contains('"')) {
            assert!(
                !line.contains("(s)") && !line.contains("(e)") && !line.contains("(es)"),
                "{lang:?}: {line}"
            );
        }
    }
}

/// The group form's words are the words of `atelier show`, of the minutes and of the
/// exports: a legal status and the host organisation are named one way.
#[test]
fn the_form_and_the_minutes_name_things_alike() {
    for lang in [Lang::Fr, Lang::En] {
        let s = lang.strings();
        let show = &s.store.show;
        let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
        for (status, shown) in [
            (LegalStatus::Informal, show.informal),
            (LegalStatus::AutoEntrepreneur, show.auto_entrepreneur),
            (LegalStatus::SoleTrader, show.sole_trader),
            (LegalStatus::Sarl, show.sarl),
            (LegalStatus::SarlAu, show.sarl_au),
            (LegalStatus::Cooperative, show.cooperative),
        ] {
            let form = status.label(s);
            assert!(same(form, shown), "{lang:?}: form {form:?}, show {shown:?}");
        }
        // "Other" is "autre statut" in a list of details: the same word, said in full.
        let other = LegalStatus::Other.label(s).to_lowercase();
        assert!(show.other_status.starts_with(&other), "{lang:?}");
        let host = FieldId::Host.label(s);
        assert!(
            same(host, show.host),
            "{lang:?}: {host:?} / {:?}",
            show.host
        );
        assert!(same(s.owner_host, show.the_host), "{lang:?}");
    }
}
