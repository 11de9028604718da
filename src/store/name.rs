//! Readable, unique file names: `2026-11-24_boulangers-de-tanger_s03_k3f9x2.ron`. The date
//! and number sort a group's sessions; the short id keeps files apart when the folders of
//! several advisors are merged by copying.

use crate::model::Session;
use crate::model::dated::Record;

const SLUG_MAX: usize = 40;
const SLUG_FALLBACK: &str = "groupe";

/// The file name of a session, with `id` being the short id (or the whole id on a clash).
pub fn file_name(session: &Session, id: &str) -> String {
    format!(
        "{}_{}_s{:02}_{}.ron",
        session.date.format("%Y-%m-%d"),
        slug(&session.group.name),
        session.number,
        slug_id(id),
    )
}

/// The file name of a visit, activity or diagnosis: its date, group, kind, who or what it
/// is about when that has a Latin spelling, and the short id
/// (`2026-11-18_boulangers-de-tanger_visit_youssef-benali_k3f9x2.ron`).
pub fn record_file_name(record: &Record, id: &str) -> String {
    let d = record.dated();
    let (group, about) = match record {
        Record::Visit(v) => (&v.group_name, v.member_name.as_str()),
        Record::Activity(a) => (&a.group_name, a.title.as_str()),
        Record::Diagnosis(x) => (&x.group_name, x.member_name.as_str()),
    };
    let about = slug(about);
    let about = if about == SLUG_FALLBACK || about.is_empty() {
        String::new()
    } else {
        // Short enough to leave the name readable; cut at a dash when there is one.
        let cut: String = about.chars().take(24).collect();
        format!("_{}", cut.trim_end_matches('-'))
    };
    format!(
        "{}_{}_{}{about}_{}.ron",
        d.date().format("%Y-%m-%d"),
        slug(group),
        d.kind().file_word(),
        slug_id(id),
    )
}

/// Lowercase ASCII, accents folded (é→e, œ→oe), other characters (Arabic, emoji) dropped,
/// every run of anything else turned into one `-`, at most 40 characters; `groupe` if
/// nothing is left. Portable on every file system and safe to type in a shell.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len().min(SLUG_MAX));
    let mut pending_dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            continue; // a decomposed accent: its letter is already in
        }
        let mut buf = [0u8; 4];
        let folded = if c.is_ascii_alphanumeric() {
            &*c.encode_utf8(&mut buf)
        } else {
            fold(c)
        };
        if folded.is_empty() {
            pending_dash = true;
            continue;
        }
        for f in folded.chars() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(f);
        }
        if out.len() >= SLUG_MAX {
            break;
        }
    }
    out.truncate(SLUG_MAX);
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        SLUG_FALLBACK.to_string()
    } else {
        trimmed.to_string()
    }
}

/// Ids are made of `[0-9a-z]`, but a hand-edited file could hold anything: keep the name safe.
fn slug_id(id: &str) -> String {
    let s: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if s.is_empty() { "x".to_string() } else { s }
}

/// Lowercase, accents folded (é→e), letters and digits only: what typing a letter to find
/// a value compares ("Fès" is found by `f`, then `fe`).
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && (c.is_ascii() || fold(c).is_empty()) {
            out.push(c);
        } else {
            out.push_str(fold(c));
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// The ASCII spelling of a lowercase accented letter, or "" for a separator or a character
/// with no ASCII spelling (Arabic, emoji), which is dropped.
fn fold(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_fold_accents_and_drop_the_rest() {
        assert_eq!(slug("Boulangers de Tanger"), "boulangers-de-tanger");
        assert_eq!(
            slug("Cœur de Fès — Pâtissières"),
            "coeur-de-fes-patissieres"
        );
        assert_eq!(slug("Garçons coiffeurs (Salé)"), "garcons-coiffeurs-sale");
        assert_eq!(slug("Coope\u{301}rative"), "cooperative");
        assert_eq!(slug("الأمل"), "groupe");
        assert_eq!(slug("Femmes الأمل 🎂 Agadir"), "femmes-agadir");
        assert_eq!(slug("  --  "), "groupe");
        assert_eq!(slug(""), "groupe");
        let long = slug(&"Menuisiers ".repeat(10));
        assert!(long.len() <= 40 && !long.ends_with('-'), "{long}");
        assert_eq!(slug("ÉÇÀ"), "eca");
    }
}
