//! RON read token by token, just enough to walk a file beside its type's shape: values are
//! skipped whole (strings, raw strings, characters and comments included, nested to any
//! depth), identifiers and map keys are read. Never fails: at the end of the text every
//! question answers "nothing here".

pub(super) struct Scan<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Scan<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Scan { text, at: 0 }
    }

    pub(super) fn mark(&self) -> usize {
        self.at
    }

    pub(super) fn reset(&mut self, at: usize) {
        self.at = at;
    }

    fn rest(&self) -> &'t str {
        &self.text[self.at..]
    }

    fn peek_byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn bump(&mut self) {
        self.at += self.rest().chars().next().map_or(0, char::len_utf8);
    }

    /// Whitespace and comments (`//` to the line's end, `/* */` nested).
    fn ws(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.at += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if trimmed.starts_with("/*") {
                let mut depth = 0usize;
                let bytes = trimmed.as_bytes();
                let mut i = 0;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                self.at += i;
            } else {
                return;
            }
        }
    }

    /// The inner attributes a file may open with (`#![enable(implicit_some)]`).
    pub(super) fn attributes(&mut self) {
        loop {
            self.ws();
            if !self.rest().starts_with("#!") {
                return;
            }
            self.at += 2;
            self.skip_value();
        }
    }

    /// Consumes `c` when it comes next.
    pub(super) fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let found = self.peek_byte() == Some(c);
        if found {
            self.at += 1;
        }
        found
    }

    /// Skips what is left before `c` at this depth, and `c`.
    pub(super) fn close(&mut self, c: u8) {
        loop {
            self.ws();
            match self.peek_byte() {
                None => return,
                Some(b) if b == c => {
                    self.at += 1;
                    return;
                }
                Some(b')' | b']' | b'}') => return,
                Some(_) => {
                    let at = self.at;
                    self.skip_value();
                    if self.at == at {
                        self.bump();
                    }
                }
            }
        }
    }

    /// An identifier (`needs`, `Some`, a raw `r#x.y`), consumed.
    pub(super) fn ident(&mut self) -> Option<&'t str> {
        self.ws();
        let rest = self.rest();
        if let Some(raw) = rest.strip_prefix("r#")
            && !raw.starts_with(['"', '#'])
        {
            let len = raw
                .find(|c: char| !(c.is_alphanumeric() || "_.+-".contains(c)))
                .unwrap_or(raw.len());
            self.at += 2 + len;
            return (len > 0).then(|| &raw[..len]);
        }
        let mut chars = rest.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_alphabetic() || c == '_' => {}
            _ => return None,
        }
        let len = chars
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        // `r"…"`, `b"…"`, `br#"…"#`, `b'x'`: strings, not names.
        if matches!(rest.as_bytes().get(len), Some(b'"' | b'#' | b'\'')) {
            return None;
        }
        self.at += len;
        Some(&rest[..len])
    }

    /// Whether a struct's field (`name:`) comes next, without consuming it.
    pub(super) fn field_follows(&mut self) -> bool {
        let at = self.at;
        let follows = self.ident().is_some() && self.eat(b':');
        self.at = at;
        follows
    }

    /// What a parenthesised group after a name holds, when there is one (`Done()`).
    pub(super) fn skip_group(&mut self) {
        if self.eat(b'(') {
            self.close(b')');
        }
    }

    /// One value of any kind, whole.
    pub(super) fn skip_value(&mut self) {
        self.ws();
        match self.peek_byte() {
            None => {}
            Some(open @ (b'(' | b'[' | b'{')) => {
                self.at += 1;
                self.close(match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                });
            }
            Some(b'"') => self.skip_string(),
            Some(b'\'') => self.character(),
            Some(_) => {
                if self.ident().is_some() {
                    self.skip_group();
                } else if !self.prefixed_string() {
                    self.number();
                }
            }
        }
    }

    /// A map's key as `serde_ignored` names it: a string's text, else the key as written.
    pub(super) fn key(&mut self) -> String {
        self.ws();
        if self.peek_byte() == Some(b'"') {
            return self.string();
        }
        let start = self.at;
        self.skip_value();
        self.text[start..self.at].trim().to_string()
    }

    /// A quoted string, its escapes read.
    fn string(&mut self) -> String {
        self.at += 1;
        let mut text = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at += i + 1;
                    return text;
                }
                '\\' => match chars.next() {
                    Some((_, 'n')) => text.push('\n'),
                    Some((_, 't')) => text.push('\t'),
                    Some((_, 'r')) => text.push('\r'),
                    Some((_, '0')) => text.push('\0'),
                    Some((_, other)) => text.push(other),
                    None => {}
                },
                c => text.push(c),
            }
        }
        self.at = self.text.len();
        text
    }

    /// A quoted string, passed over: its end is the first quote not escaped.
    fn skip_string(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = self.at + 1;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'"' => break,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        self.at = (i + 1).min(bytes.len());
    }

    /// `r"…"`, `r#"…"#`, `b"…"`, `br#"…"#`, `b'x'`.
    fn prefixed_string(&mut self) -> bool {
        let rest = self.rest();
        let after_b = rest.strip_prefix('b').unwrap_or(rest);
        if after_b.starts_with('\'') {
            self.at += rest.len() - after_b.len();
            self.character();
            return true;
        }
        if after_b.starts_with('"') {
            self.at += rest.len() - after_b.len();
            self.skip_string();
            return true;
        }
        let Some(raw) = after_b.strip_prefix('r') else {
            return false;
        };
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let Some(body) = raw[hashes..].strip_prefix('"') else {
            return false;
        };
        let end = format!("\"{}", "#".repeat(hashes));
        let len = body.find(&end).map_or(body.len(), |i| i + end.len());
        self.at = self.text.len() - body.len() + len;
        true
    }

    fn character(&mut self) {
        self.at += 1;
        if self.peek_byte() == Some(b'\\') {
            self.at += 1;
        }
        self.bump();
        // `'\u{…}'`: up to the closing quote.
        match self.rest().find('\'') {
            Some(i) => self.at += i + 1,
            None => self.at = self.text.len(),
        }
    }

    /// A number as RON writes it (`-3`, `1_000`, `0x1f`, `2.5e-3`, `1u8`), or one character
    /// this scan does not know, so that the walk always moves on.
    fn number(&mut self) {
        let rest = self.rest();
        let mut len = 0;
        let bytes = rest.as_bytes();
        while let Some(&b) = bytes.get(len) {
            let sign_of_exponent =
                matches!(b, b'+' | b'-') && (len == 0 || matches!(bytes[len - 1], b'e' | b'E'));
            if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.') || sign_of_exponent {
                len += 1;
            } else {
                break;
            }
        }
        if len == 0 {
            self.bump();
        } else {
            self.at += len;
        }
    }
}
