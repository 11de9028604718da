//! The CSV of the actions, for a spreadsheet: one row per planned action, `;`-separated,
//! CRLF line ends, a byte-order mark, dates as day/month/year, formulas defused.

use super::sections::{action_headers, action_rows};
use crate::i18n::Lang;
use crate::model::Session;

/// A field quoted when it holds the separator, a quote or a line break (RFC 4180 with `;`);
/// a leading `=`, `+`, `-` or `@` is kept as text by a leading quote mark inside the quotes,
/// so a spreadsheet does not run it as a formula.
fn csv_field(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r', ',']) || risky {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Day/month/year, as a French spreadsheet reads a date.
fn csv_date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

pub(super) fn csv(s: &Session, lang: Lang) -> String {
    let w = lang.strings().export;
    let h = action_headers(lang);
    let header = [
        w.col_session_date,
        w.col_group,
        w.col_session_number,
        h[0],
        h[1],
        h[2],
        h[3],
        h[4],
        h[5],
        w.col_status,
        w.col_id,
    ];
    let mut out = String::from("\u{feff}");
    let row = |out: &mut String, cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    row(
        &mut out,
        &header.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    );
    for (a, cells) in s.plan.actions.iter().zip(action_rows(s, lang)) {
        let [what, owners, _, means, indicator, idea] = cells;
        row(
            &mut out,
            &[
                csv_date(s.date),
                s.group.name.clone(),
                s.number.to_string(),
                what,
                owners,
                a.due.map(csv_date).unwrap_or_default(),
                means,
                indicator,
                idea,
                w.planned.to_string(),
                a.id.as_str().to_string(),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field("simple"), "simple");
    }
}
