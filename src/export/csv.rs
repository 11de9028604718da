//! The CSV of the actions, for a spreadsheet: one row per planned action, `;`-separated,
//! CRLF line ends, a byte-order mark, dates in ISO 8601 (2026-12-01), formulas defused.

use super::sections::{action_headers, action_rows};
use crate::escape::{CSV_START, csv_line};
use crate::i18n::Lang;
use crate::model::Session;

/// ISO 8601 ("2026-12-01"), which every spreadsheet reads as a date in every locale: a
/// day/month/year is read month first by an en-US one, silently.
pub(super) fn csv_date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
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
    let mut out = String::from(CSV_START);
    let row = |out: &mut String, cells: &[String]| out.push_str(&csv_line(cells));
    out.push_str(&csv_line(&header));
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
