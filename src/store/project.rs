//! Reading a RON struct the light way: the top-level fields wanted are kept, the others
//! skipped by matching brackets (strings, raw strings, chars and nested comments respected),
//! without building anything. Most of a session file is its history and its method, which
//! neither a listing nor a report needs: parsing only the rest is several times faster than
//! parsing the whole file (0.2 ms a file against 1.1 ms). Whatever is unusual returns `None`,
//! and the caller then parses the file the ordinary way.

use crate::model::SCHEMA_VERSION;
use serde::de::DeserializeOwned;

/// What of a value is kept: all of it, some fields of a struct, or each item of a list so.
pub(crate) enum Spec {
    All,
    Struct(&'static [(&'static str, Spec)]),
    List(&'static Spec),
}

/// A value reduced to what `spec` keeps; `None` when it is not shaped as expected.
pub(crate) fn project_value(text: &str, spec: &Spec) -> Option<String> {
    match spec {
        Spec::All => Some(text.to_string()),
        Spec::Struct(fields) => {
            let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
            project(text, &names, None, |name, v| {
                let spec = fields.iter().find(|(n, _)| *n == name).map(|f| &f.1)?;
                project_value(v, spec)
            })
            .map(|(p, _)| p)
        }
        Spec::List(item) => {
            let b = text.as_bytes();
            let mut i = skip_blank(b, 0)?;
            if b.get(i) != Some(&b'[') {
                return None;
            }
            i += 1;
            let mut out = String::from("[");
            loop {
                i = skip_blank(b, i)?;
                if b.get(i)? == &b']' {
                    break;
                }
                let start = i;
                i = skip_value(b, i)?;
                out.push_str(&project_value(text[start..i].trim_end(), item)?);
                out.push(',');
                i = skip_blank(b, i)?;
                match b.get(i)? {
                    b',' => i += 1,
                    b']' => break,
                    _ => return None,
                }
            }
            if skip_blank(b, i + 1)? != b.len() {
                return None;
            }
            out.push(']');
            Some(out)
        }
    }
}

/// A RON struct `( name: value, ... )` reduced to the fields in `keep` (each value passed
/// through `map`), and the names of all the fields it had. `None` when the text is not a
/// plain struct: the caller then parses it the ordinary way.
///
/// With `stop_after`, reading stops at the first field not kept once every field kept and
/// every field of `stop_after` have been met: what follows is neither kept nor checked,
/// except that the text must end with `)`. Without, the whole struct is read.
pub(crate) fn project<'a>(
    text: &'a str,
    keep: &[&str],
    stop_after: Option<&[&str]>,
    map: impl Fn(&str, &str) -> Option<String>,
) -> Option<(String, Vec<&'a str>)> {
    let b = text.as_bytes();
    let mut i = skip_blank(b, 0)?;
    if b.get(i) != Some(&b'(') {
        return None;
    }
    i += 1;
    let mut out = String::with_capacity(text.len() / 4);
    out.push('(');
    let mut names = Vec::new();
    loop {
        i = skip_blank(b, i)?;
        match b.get(i)? {
            b')' => break,
            c if c.is_ascii_alphabetic() || *c == b'_' => {}
            _ => return None,
        }
        let start = i;
        while b
            .get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        {
            i += 1;
        }
        let name = &text[start..i];
        i = skip_blank(b, i)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        names.push(name);
        let enough = |also: &[&str]| keep.iter().chain(also).all(|e| names.contains(e));
        if !keep.contains(&name) && stop_after.is_some_and(enough) {
            if !text.trim_end().ends_with(')') {
                return None;
            }
            break;
        }
        i = skip_blank(b, i + 1)?;
        let value_start = i;
        i = skip_value(b, i)?;
        if keep.contains(&name) {
            out.push_str(name);
            out.push(':');
            out.push_str(&map(name, text[value_start..i].trim_end())?);
            out.push(',');
        }
        i = skip_blank(b, i)?;
        match b.get(i)? {
            b',' => i += 1,
            b')' => {
                // Only blanks may follow the closing parenthesis.
                if skip_blank(b, i + 1)? != b.len() {
                    return None;
                }
                break;
            }
            _ => return None,
        }
    }
    out.push(')');
    Some((out, names))
}

/// A light reader's type for a session file (see [`project_session`]).
pub(crate) trait LightSession: DeserializeOwned {
    /// The file's `version`: a file written by a newer atelier goes the ordinary way.
    fn version(&self) -> u32;
}

/// A session file's content the light way, as `L`: the top-level fields `top` are kept (each
/// reduced by its spec in `specs`, whole if it has none) and the others skipped; reading stops
/// once all of them and `created` (required of a session, but not read) have been met, as the
/// history, half of a file, comes after them. Also gives the text (without its byte order
/// mark) for the caller's own checks. `None` for anything unusual: not UTF-8, not a plain
/// struct, no `created`, a field `L` does not take, a newer version.
pub(crate) fn project_session<'a, L: LightSession>(
    bytes: &'a [u8],
    top: &[&str],
    specs: &[(&str, Spec)],
) -> Option<(L, &'a str)> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    let (projected, present) = project(text, top, Some(&["created"]), |name, value| {
        let spec = specs
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&Spec::All, |s| &s.1);
        project_value(value, spec)
    })?;
    if !present.contains(&"created") {
        return None;
    }
    let light: L = ron::from_str(&projected).ok()?;
    (light.version() <= SCHEMA_VERSION).then_some((light, text))
}

/// Sample sessions with their saved text, for checking a light reader against the full parse:
/// a series, the bakers' session, and a session whose phase index is past the method's end
/// (brought back on load).
#[cfg(test)]
pub(crate) fn saved_samples() -> Vec<(crate::model::Session, String)> {
    use chrono::{TimeZone, Utc};
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let mut sessions = crate::sample::series(now, 3);
    sessions.push(crate::sample::bakers_session(now, 7));
    let mut far = sessions[0].clone();
    far.current_phase = 99;
    sessions.push(far);
    let mut english = sessions[1].clone();
    english.lang = crate::i18n::Lang::En;
    sessions.push(english);
    sessions
        .into_iter()
        .map(|s| {
            let text = super::encode(&s).unwrap();
            (s, text)
        })
        .collect()
}

/// Past whitespace and comments; `None` on a comment left open.
pub(crate) fn skip_blank(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match (b.get(i), b.get(i + 1)) {
            (Some(c), _) if c.is_ascii_whitespace() => i += 1,
            (Some(b'/'), Some(b'/')) => {
                while b.get(i).is_some_and(|c| *c != b'\n') {
                    i += 1;
                }
            }
            (Some(b'/'), Some(b'*')) => {
                // RON block comments nest.
                let mut depth = 0usize;
                loop {
                    match (b.get(i)?, b.get(i + 1)) {
                        (b'/', Some(b'*')) => {
                            depth += 1;
                            i += 2;
                        }
                        (b'*', Some(b'/')) => {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => i += 1,
                    }
                }
            }
            _ => return Some(i),
        }
    }
}

/// The end of the value starting at `i`: the `,` or closing bracket at its own level.
pub(crate) fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        let c = *b.get(i)?;
        match c {
            b'"' => i = skip_string(b, i + 1)?,
            b'\'' => {
                // A char literal: 'x', '\'' or '\u{..}'.
                i += 1;
                while *b.get(i)? != b'\'' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let mut hashes = 0;
                i += 1;
                while b.get(i) == Some(&b'#') {
                    hashes += 1;
                    i += 1;
                }
                if b.get(i) != Some(&b'"') {
                    return None;
                }
                i += 1;
                loop {
                    let closes = *b.get(i)? == b'"'
                        && b.get(i + 1..i + 1 + hashes)
                            .is_some_and(|h| h.iter().all(|c| *c == b'#'));
                    i += 1;
                    if closes {
                        i += hashes;
                        break;
                    }
                }
            }
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => i = skip_blank(b, i)?,
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
                i += 1;
            }
            b',' if depth == 0 => return Some(i),
            _ => i += 1,
        }
    }
}

/// Past the closing quote of a string whose content starts at `i`.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match *b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_respects_strings_comments_and_nesting() {
        let text = r##"// a comment (with a bracket
        ( a: "x ) , \" (", /* skip ( */ b: [1, (2, 3)], c: r#"raw ) "# , d: Some('('), )"##;
        let (p, names) = project(text, &["a", "c", "d"], None, |_, v| Some(v.to_string())).unwrap();
        assert_eq!(names, ["a", "b", "c", "d"]);
        assert_eq!(p, r##"(a:"x ) , \" (",c:r#"raw ) "#,d:Some('('),)"##);
        assert!(project("(a: (1, 2)", &["a"], None, |_, v| Some(v.to_string())).is_none());
        assert!(project("Session(a: 1)", &["a"], None, |_, v| Some(v.to_string())).is_none());
        // `a` and `b` met: the rest is not read, but a cut file is still refused.
        let (p, _) = project("(a: 1, b: 2, c: [(", &["a"], Some(&["b"]), |_, v| {
            Some(v.to_string())
        })
        .map_or((String::new(), vec![]), |x| x);
        assert_eq!(p, "");
        let (p, _) = project("(a: 1, b: [(, c: 3)", &["a"], Some(&["b"]), |_, v| {
            Some(v.to_string())
        })
        .unwrap();
        assert_eq!(p, "(a:1,)");
    }
}
