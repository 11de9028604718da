//! Both languages are complete: every string of the interface is there, non-empty, in French
//! and in English, with the same `{}` placeholders; every table from a list of cases (keys,
//! fields, errors, legal statuses...) answers for every case; and no view writes text of its
//! own instead of asking the strings.
//!
//! The messages about files and the command line (`StoreStrings`) have their own test in
//! `tests/store.rs`.

use atelier::i18n::{Lang, Strings};
use atelier::keymap::{Action, Ctx};
use atelier::model::LegalStatus;
use atelier::ui::{FieldError, FieldId, Pane};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use strum::VariantArray;

/// The `&'static str` fields of a value, by path ("needs.picker_title"), read from its
/// pretty `Debug` form. The strings are written out field by field in each language, so
/// this sees every field there is without a list to keep up to date, the words of each case
/// of an enum (`actions.quit`, `field_labels.city`) included; subtrees named in `skip` are
/// left out.
fn text_fields(value: &impl std::fmt::Debug, skip: &[&str]) -> BTreeMap<String, String> {
    let debug = format!("{value:#?}");
    let mut fields = BTreeMap::new();
    // The names of the structs we are inside, outermost first.
    let mut path: Vec<String> = Vec::new();
    for line in debug.lines().skip(1) {
        let depth = (line.len() - line.trim_start().len()) / 4;
        let rest = line.trim_start();
        if rest.starts_with('}') || rest.starts_with(']') {
            path.truncate(depth.saturating_sub(1));
            continue;
        }
        let Some((name, value)) = rest.split_once(": ") else {
            continue;
        };
        path.truncate(depth.saturating_sub(1));
        if value.ends_with('{') || value.ends_with('[') {
            path.push(name.to_string());
            continue;
        }
        if path
            .iter()
            .chain([&name.to_string()])
            .any(|p| skip.contains(&p.as_str()))
        {
            continue;
        }
        let value = value.strip_suffix(',').unwrap_or(value);
        if let Some(quoted) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            let mut key = path.join(".");
            if !key.is_empty() {
                key.push('.');
            }
            key.push_str(name);
            fields.insert(key, unescape(quoted));
        }
    }
    fields
}

/// Every string of the interface outside the store's messages (tested in `tests/store.rs`).
fn ui_strings(lang: Lang) -> BTreeMap<String, String> {
    text_fields(lang.strings(), &["store"])
}

/// Undoes what `Debug` does to a string: enough for counting placeholders and emptiness.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn placeholders(s: &str) -> usize {
    s.matches("{}").count()
}

#[test]
fn every_string_is_there_in_both_languages() {
    let fr = ui_strings(Lang::Fr);
    let en = ui_strings(Lang::En);
    // The reading above must see the strings at all: there are well over a hundred.
    assert!(fr.len() > 100, "only {} strings read", fr.len());
    assert_eq!(
        fr.keys().collect::<Vec<_>>(),
        en.keys().collect::<Vec<_>>(),
        "both languages have the same fields"
    );
    let mut problems = Vec::new();
    for (name, f) in &fr {
        let e = &en[name];
        if f.trim().is_empty() {
            problems.push(format!("{name} is empty in French"));
        }
        if e.trim().is_empty() {
            problems.push(format!("{name} is empty in English"));
        }
        if placeholders(f) != placeholders(e) {
            problems.push(format!(
                "{name}: {} placeholder(s) in French, {} in English",
                placeholders(f),
                placeholders(e)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_debug_reading_sees_known_strings() {
    let fr = ui_strings(Lang::Fr);
    assert_eq!(fr["app_name"], "atelier");
    assert_eq!(placeholders(&fr["too_small"]), 4);
    assert!(fr.contains_key("confirm_quit_unsaved"));
    // The techniques' strings are read inside their own structs.
    assert!(
        fr.contains_key("needs.picker_title"),
        "{:?}",
        fr.keys().collect::<Vec<_>>()
    );
    // The words of each case of an enum are read in their own struct, and the store's
    // messages are left to their own test.
    assert_eq!(fr["actions.quit"], "quitter");
    assert!(!fr.keys().any(|k| k.starts_with("store")));
    // What the store's own test reads, this reader would read too.
    let store = text_fields(Lang::En.strings(), &[]);
    assert!(store.keys().any(|k| k.starts_with("store.check.")));
}

/// Checks a table from cases to text in both languages: non-empty everywhere, and the two
/// languages differ somewhere (a table copied from the other language would not).
fn check_table<T: Copy + std::fmt::Debug>(
    name: &str,
    all: &[T],
    text: impl Fn(&Strings, T) -> &'static str,
) {
    let mut problems = Vec::new();
    let mut differ = false;
    for &case in all {
        let f = text(Lang::Fr.strings(), case);
        let e = text(Lang::En.strings(), case);
        for (lang, t) in [("French", f), ("English", e)] {
            if t.trim().is_empty() {
                problems.push(format!("{name}({case:?}) is empty in {lang}"));
            }
        }
        if placeholders(f) != placeholders(e) {
            problems.push(format!("{name}({case:?}): placeholders differ"));
        }
        differ |= f != e;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(differ, "{name}: French and English are the same everywhere");
}

#[test]
fn every_table_answers_for_every_case() {
    check_table("field_label", FieldId::VARIANTS, |s, f| f.label(s));
    check_table("field_error", FieldError::VARIANTS, |s, e| e.text(s));
    check_table("legal_status", LegalStatus::VARIANTS, |s, l| l.label(s));
    check_table("new_item", Pane::VARIANTS, |s, p| p.new_item_title(s));
    check_table("action", Action::VARIANTS, |s, a| a.label(s));
    check_table("context_name", Ctx::VARIANTS, |s, c| c.name(s));
}

// ---------------------------------------------------------------------------------------
// No literal text in views

/// String literals that are allowed to hold letters in views, each with its reason.
const ALLOWED: &[(&str, &str)] = &[];

/// The string literals of a Rust source, comments left out, escapes undone.
fn string_literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            // A char literal ('"' among them), not a lifetime ('a).
            '\'' => {
                if next == Some('\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            'r' if (next == Some('"') || next == Some('#'))
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_') =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                j += 1;
                let start = j;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                        break;
                    }
                    j += 1;
                }
                out.push(chars[start..j.min(chars.len())].iter().collect());
                i = j + 1 + hashes;
            }
            '"' => {
                let mut j = i + 1;
                let mut lit = String::new();
                while j < chars.len() && chars[j] != '"' {
                    if chars[j] == '\\' {
                        j += 1;
                        match chars.get(j) {
                            Some('n') => lit.push('\n'),
                            Some('t') => lit.push('\t'),
                            Some('u') => {
                                // \u{...}
                                let close =
                                    (j..chars.len()).find(|k| chars[*k] == '}').unwrap_or(j);
                                let hex: String = chars[j + 2..close].iter().collect();
                                if let Some(ch) =
                                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                                {
                                    lit.push(ch);
                                }
                                j = close;
                            }
                            Some(other) => lit.push(*other),
                            None => {}
                        }
                    } else {
                        lit.push(chars[j]);
                    }
                    j += 1;
                }
                out.push(lit);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A literal's text once format placeholders (`{}`, `{name}`, `{:<w$}`) are taken out.
fn without_placeholders(lit: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut chars = lit.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if depth == 0 && chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn views_write_no_text_of_their_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/view");
    let files = rust_files(&root);
    assert!(files.len() >= 10, "the views are found");
    let mut found = Vec::new();
    for file in files {
        let src = std::fs::read_to_string(&file).unwrap();
        for lit in string_literals(&src) {
            let text = without_placeholders(&lit);
            if text.chars().any(char::is_alphabetic)
                && !ALLOWED.iter().any(|(allowed, _)| *allowed == lit)
            {
                found.push(format!(
                    "{}: {lit:?}",
                    file.strip_prefix(&root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "text written in views instead of the strings (i18n):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_literal_finder_finds_literals() {
    let src = r##"
        // "not this" in a comment
        let a = "Bonjour {name}"; /* "nor this" */
        let b = '"'; let c = r#"raw "text""#; let d = "{}\u{2026}";
        fn f<'a>(x: &'a str) -> &'a str { "après" }
    "##;
    let lits = string_literals(src);
    assert_eq!(lits, ["Bonjour {name}", "raw \"text\"", "{}…", "après"]);
    assert_eq!(
        without_placeholders("{} · {title} ({n:>3}) {{x}}"),
        " ·  () {x}"
    );
}
