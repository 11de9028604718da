//! Dates as advisors type them: `2026-12-15`, `15/12/2026`, `15/12`, or a shortcut counted
//! from a base date (`+14` or `+14d` days, `+2w`, `+1m`; a month after 31 January is the last
//! day of February).

use chrono::{Datelike, Months, NaiveDate};

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

/// Parses a typed date. Empty text is no date (`Ok(None)`).
pub fn parse(text: &str, base: NaiveDate) -> Result<Option<NaiveDate>, BadDate> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = t.strip_prefix('+') {
        return shortcut(rest, base).map(Some).ok_or(BadDate);
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(Some(d));
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let num = |s: &str| s.trim().parse::<u32>().ok();
    let (day, month, year) = match parts.as_slice() {
        [d, m] => (num(d), num(m), Some(base.year_ce().1)),
        [d, m, y] => {
            let y = num(y).map(|y| if y < 100 { 2000 + y } else { y });
            (num(d), num(m), y)
        }
        _ => return Err(BadDate),
    };
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d)
            .map(Some)
            .ok_or(BadDate),
        _ => Err(BadDate),
    }
}

fn shortcut(rest: &str, base: NaiveDate) -> Option<NaiveDate> {
    let rest = rest.trim();
    // A number alone counts days: "+14" is a fortnight.
    if let Ok(n) = rest.parse::<u32>() {
        return base.checked_add_days(chrono::Days::new(u64::from(n)));
    }
    let unit = rest.chars().last()?;
    let n: u32 = rest[..rest.len() - unit.len_utf8()].trim().parse().ok()?;
    match unit.to_ascii_lowercase() {
        'd' | 'j' => base.checked_add_days(chrono::Days::new(u64::from(n))),
        'w' | 's' => base.checked_add_days(chrono::Days::new(u64::from(n) * 7)),
        // chrono clamps to the month's last day: 31 January + 1 month = 28 or 29 February.
        'm' => base.checked_add_months(Months::new(n)),
        _ => None,
    }
}

/// How a date is shown: day/month/year, as read in Morocco and France.
pub fn show(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn formats_and_shortcuts() {
        let base = d(2026, 1, 31);
        assert_eq!(parse("2026-03-05", base), Ok(Some(d(2026, 3, 5))));
        assert_eq!(parse("5/3/2026", base), Ok(Some(d(2026, 3, 5))));
        assert_eq!(parse("05.03.26", base), Ok(Some(d(2026, 3, 5))));
        assert_eq!(parse("5/3", base), Ok(Some(d(2026, 3, 5))));
        assert_eq!(parse("+7d", base), Ok(Some(d(2026, 2, 7))));
        assert_eq!(parse("+14", base), Ok(Some(d(2026, 2, 14))));
        assert_eq!(parse("+ 3", base), Ok(Some(d(2026, 2, 3))));
        assert_eq!(parse("+2w", base), Ok(Some(d(2026, 2, 14))));
        assert_eq!(parse("+1m", base), Ok(Some(d(2026, 2, 28))));
        assert_eq!(parse("+1m", d(2028, 1, 31)), Ok(Some(d(2028, 2, 29))));
        assert_eq!(parse("  ", base), Ok(None));
        assert_eq!(parse("31/02/2026", base), Err(BadDate));
        assert_eq!(parse("demain", base), Err(BadDate));
        assert_eq!(parse("+3x", base), Err(BadDate));
        assert_eq!(parse("+", base), Err(BadDate));
    }
}
