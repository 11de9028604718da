//! How user text is written into each output format, one function per format, used by every
//! output (the minutes, the report, the tracker): [`html`] for HTML content and attributes,
//! [`markdown`] for Markdown text, and [`csv_field`] / [`csv_line`] for the CSV files a
//! spreadsheet opens. What to mask (phones, names) is `crate::privacy`'s; this is only how
//! text that may be shown is written so that it is shown as text.

/// Text read from a file, made safe for a terminal or an export: each control character
/// other than a new line and a tab is shown as its visible symbol (ESC as `␛`, BEL as `␇`),
/// and the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) are dropped,
/// since one left open turns the rest of a line around. atelier cleans what is typed or
/// pasted at the door; this is for what older files or hand edits hold, and file names.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            // C0 controls have their own picture: U+2400 + code.
            c if (c as u32) < 0x20 => out.extend(char::from_u32(0x2400 + c as u32)),
            '\u{7f}' => out.push('␡'),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Escapes text for HTML content and attribute values.
pub fn html(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Backslash-escapes what CommonMark (and GitHub's tables) would read as markup, so that user
/// text is shown as typed: inline marks, HTML and entities anywhere, and at the start of each
/// line what would open a block (a list item `1. ` or `- `, a heading, a quote, a code
/// block: leading spaces are dropped, as Markdown would not show them anyway).
pub fn markdown(text: &str) -> String {
    escape_markdown(text, true)
}

/// [`markdown`] for text that follows a heading's `#` marks on its line, where no block can
/// open: "1. Accueil" stays as is.
pub fn markdown_heading(text: &str) -> String {
    escape_markdown(&text.replace(['\n', '\r'], " "), false)
}

fn escape_markdown(text: &str, blocks: bool) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let line = line.trim_start_matches([' ', '\t']);
        // "1. " or "1) " opening a line would make an ordered list: escape the mark.
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let ordered = blocks && (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']);
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let block_mark = blocks && i == 0 && matches!(c, '-' | '+' | '=');
            // "&" only where it would start an entity ("&lt;", "&#60;"); "Tazi & Fils" stays.
            let entity = c == '&'
                && chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .count()
                    > 0;
            if block_mark
                || entity
                || (ordered && i == digits)
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// User text for one Markdown table cell: escaped, on one line.
pub fn markdown_cell(text: &str) -> String {
    markdown(&text.replace("\r\n", "\n").replace(['\n', '\r'], " "))
}

/// The byte-order mark a CSV starts with, so that Excel reads it as UTF-8.
pub const CSV_START: &str = "\u{feff}";

/// One CSV field: quoted when it holds the separator, a comma, a quote or a line break
/// (RFC 4180 with `;`). A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return is kept as text by a leading `'` inside the quotes, so that no spreadsheet runs
/// it as a formula.
pub fn csv_field(text: &str) -> String {
    let text = visible(text);
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    if risky || text.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// One CSV line: the fields separated by `;`, ended by CRLF.
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(";");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field("\tx"), "\"'\tx\"");
        assert_eq!(csv_field("-2+3"), "\"'-2+3\"");
        assert_eq!(csv_field("simple"), "simple");
        assert_eq!(csv_line(&["a", "@SUM(1)"]), "a;\"'@SUM(1)\"\r\n");
    }

    #[test]
    fn markdown_block_marks_are_escaped_at_line_starts_only() {
        assert_eq!(markdown("1. pas une liste"), "1\\. pas une liste");
        assert_eq!(markdown("12) non"), "12\\) non");
        assert_eq!(markdown("le 1. et - et +"), "le 1. et - et +");
        assert_eq!(markdown("- a\n  + b"), "\\- a\n\\+ b");
        assert_eq!(markdown("<b>&amp; & x"), "\\<b\\>\\&amp; & x");
        assert_eq!(markdown_heading("1. Accueil"), "1. Accueil");
        assert_eq!(markdown_cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }
}
