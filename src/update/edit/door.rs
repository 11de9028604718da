//! Text typed or pasted into atelier is cleaned at the door, before any field sees it: a
//! terminal's control sequences (a paste holding `ESC ] 0 ; … BEL` or `ESC [ 2 J`) must not
//! reach a card, the session file, or the next terminal that prints it.

/// `text` without Unicode control characters (general category Cc: C0, DEL, C1), except the
/// new line and the tab; `\r\n` and a lone `\r` are new lines. Format characters (Cf) stay:
/// the zero-width joiner and non-joiner belong to emoji and to Arabic writing.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn control_characters_go_and_new_lines_tabs_and_joiners_stay() {
        assert_eq!(clean("\u{1b}]0;pwned\u{7}a\u{1b}[2Jb"), "]0;pwneda[2Jb");
        assert_eq!(clean("a\r\nb\rc\nd\te"), "a\nb\nc\nd\te");
        assert_eq!(clean("x\u{0}\u{7f}\u{85}\u{9b}y"), "xy");
        // ZWJ in an emoji family, ZWNJ in Persian/Arabic writing, a bidi mark: kept.
        let kept = "👩\u{200d}👧 می\u{200c}خواهم \u{200f}مُ";
        assert_eq!(clean(kept), kept);
    }
}
