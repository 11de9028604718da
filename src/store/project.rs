//! Reading a RON struct the light way: the top-level fields wanted are kept, the others
//! skipped by matching brackets (strings, raw strings, chars and nested comments respected),
//! without building anything. Most of a session file is its history and its method, which
//! neither a listing nor a report needs: parsing only the rest is several times faster than
//! parsing the whole file (0.2 ms a file against 1.1 ms). Whatever is unusual returns `None`,
//! and the caller then parses the file the ordinary way.

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
            project(text, &names, &[], |name, v| {
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
/// With `enough`, reading stops at the first field not kept once all of those have been
/// met: what follows is neither kept nor checked, except that the text must end with `)`.
pub(crate) fn project<'a>(
    text: &'a str,
    keep: &[&str],
    enough: &[&str],
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
        if !keep.contains(&name) && !enough.is_empty() && enough.iter().all(|e| names.contains(e)) {
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
        let (p, names) = project(text, &["a", "c", "d"], &[], |_, v| Some(v.to_string())).unwrap();
        assert_eq!(names, ["a", "b", "c", "d"]);
        assert_eq!(p, r##"(a:"x ) , \" (",c:r#"raw ) "#,d:Some('('),)"##);
        assert!(project("(a: (1, 2)", &["a"], &[], |_, v| Some(v.to_string())).is_none());
        assert!(project("Session(a: 1)", &["a"], &[], |_, v| Some(v.to_string())).is_none());
        // Enough met: the rest is not read, but a cut file is still refused.
        let (p, _) = project("(a: 1, b: 2, c: [(", &["a"], &["a", "b"], |_, v| {
            Some(v.to_string())
        })
        .map_or((String::new(), vec![]), |x| x);
        assert_eq!(p, "");
        let (p, _) = project("(a: 1, b: [(, c: 3)", &["a"], &["a", "b"], |_, v| {
            Some(v.to_string())
        })
        .unwrap();
        assert_eq!(p, "(a:1,)");
    }
}
