//! Where things are in a session file's text, for `file:line:column` messages: the parser
//! gives no place for a value that parsed well, so the text is scanned again.

/// The 1-based line and column of the first occurrence of `needle`, or 1:1.
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle).map_or((1, 1), |at| position(text, at))
}

/// The 1-based line and column of a byte offset (a char boundary) of `text`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}

/// The place of the first field named `name` (the name, then `:`), or 1:1.
pub fn locate_key(text: &str, name: &str) -> (usize, usize) {
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].trim_start();
        if before.is_none_or(|c| !c.is_alphanumeric() && c != '_') && after.starts_with(':') {
            return position(text, at);
        }
        from = at + name.len();
    }
    (1, 1)
}

/// A cursor over the text that knows its line and column.
struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    /// Skips a quoted string or char whose opening `quote` was just read.
    fn skip_quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                c if c == quote => return,
                _ => {}
            }
        }
    }

    /// Skips a raw string `r#…#"…"#…#` whose `r` was just read.
    fn skip_raw(&mut self) {
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.peek() != Some('"') {
            return;
        }
        self.bump();
        'body: while let Some(c) = self.bump() {
            if c == '"' {
                for _ in 0..hashes {
                    if self.peek() != Some('#') {
                        continue 'body;
                    }
                    self.bump();
                }
                return;
            }
        }
    }

    fn skip_comment(&mut self) -> bool {
        match self.peek() {
            Some('/') => {
                while self.peek().is_some_and(|c| c != '\n') {
                    self.bump();
                }
                true
            }
            Some('*') => {
                self.bump();
                let mut last = ' ';
                while let Some(c) = self.bump() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                true
            }
            _ => false,
        }
    }
}

/// The place of each event of the session's `history` list, in order: where the text of
/// event *k* starts. Strings, raw strings and comments are skipped, so a `[` or a `,` typed
/// in a card does not count. Empty when the file has no history at its top level.
pub fn history_places(text: &str) -> Vec<(usize, usize)> {
    let mut cur = Cursor {
        chars: text.chars().peekable(),
        line: 1,
        col: 1,
    };
    let mut places = Vec::new();
    let mut depth = 0usize;
    // Inside the history list: its depth, and whether the next token starts an event.
    let mut list: Option<usize> = None;
    let mut expecting = false;
    let mut history_key = false;
    loop {
        let (line, col) = (cur.line, cur.col);
        let Some(c) = cur.bump() else { break };
        if c.is_whitespace() {
            continue;
        }
        if c == '/' && cur.skip_comment() {
            continue;
        }
        let at_list_level = list == Some(depth);
        if at_list_level && expecting && c != ',' && c != ']' {
            places.push((line, col));
            expecting = false;
        }
        match c {
            '"' => cur.skip_quoted('"'),
            '\'' => cur.skip_quoted('\''),
            'r' if matches!(cur.peek(), Some('#' | '"')) => cur.skip_raw(),
            '(' | '{' => depth += 1,
            '[' => {
                depth += 1;
                if history_key && depth == 2 && list.is_none() {
                    list = Some(depth);
                    expecting = true;
                }
            }
            ')' | ']' | '}' => {
                if c == ']' && at_list_level {
                    return places;
                }
                depth = depth.saturating_sub(1);
            }
            ',' if at_list_level => expecting = true,
            c if c.is_alphabetic() || c == '_' => {
                let mut word = String::from(c);
                while cur.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    word.extend(cur.bump());
                }
                if depth == 1 {
                    history_key = word == "history";
                }
            }
            _ => {}
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_event_of_the_history_is_found_past_strings_and_comments() {
        let text = r##"(
    version: 1,
    needs: (cards: [(text: "history: [ (", id: "a")]),
    // history: [ (fake) ]
    history: [
        (at: "x", change: CardAdded(card: (text: "a, b ] c"))),
        (
            at: "y", change: TextSet(field: Objective, text: r#"he said "]", then )"#),
        ),
        /* a comment, */ (at: "z", change: SessionClosed),
    ],
    drafts: {},
)"##;
        assert_eq!(history_places(text), vec![(6, 9), (7, 9), (10, 26)]);
    }

    #[test]
    fn no_history_no_place() {
        assert!(history_places("(version: 1, history: [])").is_empty());
        assert!(history_places("(version: 1)").is_empty());
        assert!(history_places("").is_empty());
    }
}
