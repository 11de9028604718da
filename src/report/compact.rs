//! How the report cache writes a session's members and attendance: one string each, a
//! member or a member's attendance per `;`-separated item, its fields apart by a space
//! (`274z3eabyxhm 2024-01-08 . . Woman SoleTrader`, `274z3eabyxhm P`), `.` for a field not
//! given, enumerations by their names in the session files. They are most of a session's
//! facts (20 members: 2.7 KB of RON structures out of 3.7 KB), and reading the cache was
//! most of a warm report: read as RON structures, 100,000 sessions' facts took 5 s.
//!
//! In an id, `%`, space and `;` are written `%25`, `%20` and `%3B`, so any id a file holds
//! comes back whole. What cannot be read (an unknown name, a bad date, a field missing) makes
//! the line unreadable, and the cache is then rebuilt from the files, as for any line.

use super::read::{Leaving, MemberFacts};
use crate::model::life::Gender;
use crate::model::{Attendance, Id, LegalStatus};
use chrono::{Datelike, NaiveDate};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::Write as _;
use std::sync::OnceLock;
use strum::VariantArray;

/// The name of each value of an enumeration, as its session files write it.
fn names<T: Serialize + Copy + 'static>(all: &[T]) -> Vec<(String, T)> {
    all.iter()
        .filter_map(|v| Some((ron::to_string(v).ok()?, *v)))
        .collect()
}

fn genders() -> &'static [(String, Gender)] {
    static NAMES: OnceLock<Vec<(String, Gender)>> = OnceLock::new();
    NAMES.get_or_init(|| names(Gender::VARIANTS))
}

fn statuses() -> &'static [(String, LegalStatus)] {
    static NAMES: OnceLock<Vec<(String, LegalStatus)>> = OnceLock::new();
    NAMES.get_or_init(|| names(LegalStatus::VARIANTS))
}

fn leavings() -> &'static [(String, Leaving)] {
    static NAMES: OnceLock<Vec<(String, Leaving)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        names(&[
            Leaving::Moved,
            Leaving::Stopped,
            Leaving::Excluded,
            Leaving::Other,
        ])
    })
}

fn write_name<T: PartialEq + Copy>(v: Option<T>, table: &[(String, T)], out: &mut String) {
    match v.and_then(|v| table.iter().find(|(_, x)| *x == v)) {
        Some((name, _)) => out.push_str(name),
        None => out.push('.'),
    }
}

/// `None` for `.`; `Some(None)` for what is not a name of the table.
fn read_name<T: Copy>(token: &str, table: &[(String, T)]) -> Option<Option<T>> {
    if token == "." {
        return Some(None);
    }
    table
        .iter()
        .find(|(name, _)| name == token)
        .map(|(_, v)| Some(*v))
}

fn write_date(d: Option<NaiveDate>, out: &mut String) {
    match d {
        Some(d) => {
            let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        }
        None => out.push('.'),
    }
}

fn read_date(token: &str) -> Option<Option<NaiveDate>> {
    if token == "." {
        return Some(None);
    }
    let mut parts = token.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d).map(Some)
}

fn write_id(id: &Id, out: &mut String) {
    for c in id.as_str().chars() {
        match c {
            '%' => out.push_str("%25"),
            ' ' => out.push_str("%20"),
            ';' => out.push_str("%3B"),
            c => out.push(c),
        }
    }
}

fn read_id(token: &str) -> Option<Id> {
    if !token.contains('%') {
        return Some(Id(token.to_string()));
    }
    let mut out = String::with_capacity(token.len());
    let mut rest = token;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 3)?;
        out.push(match code {
            "25" => '%',
            "20" => ' ',
            "3B" => ';',
            _ => return None,
        });
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    Some(Id(out))
}

/// The items of a compact string: none for an empty one.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').filter(|_| !text.is_empty())
}

/// `#[serde(with = "compact::members")]`
pub(super) mod members {
    use super::*;

    pub fn serialize<S: Serializer>(members: &[MemberFacts], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_text(members))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<MemberFacts>, D::Error> {
        let text = String::deserialize(d)?;
        from_text(&text).ok_or_else(|| D::Error::custom("members unreadable"))
    }

    pub(in crate::report) fn to_text(members: &[MemberFacts]) -> String {
        let mut out = String::with_capacity(members.len() * 48);
        for (k, m) in members.iter().enumerate() {
            if k > 0 {
                out.push(';');
            }
            write_id(&m.id, &mut out);
            out.push(' ');
            write_date(m.joined, &mut out);
            out.push(' ');
            write_date(m.left, &mut out);
            out.push(' ');
            write_name(m.reason, leavings(), &mut out);
            out.push(' ');
            write_name(m.gender, genders(), &mut out);
            out.push(' ');
            write_name(m.status, statuses(), &mut out);
        }
        out
    }

    pub(in crate::report) fn from_text(text: &str) -> Option<Vec<MemberFacts>> {
        items(text)
            .map(|item| {
                let mut f = item.split(' ');
                let member = MemberFacts {
                    id: read_id(f.next()?)?,
                    joined: read_date(f.next()?)?,
                    left: read_date(f.next()?)?,
                    reason: read_name(f.next()?, leavings())?,
                    gender: read_name(f.next()?, genders())?,
                    status: read_name(f.next()?, statuses())?,
                };
                f.next().is_none().then_some(member)
            })
            .collect()
    }
}

/// `#[serde(with = "compact::attendance")]`
pub(super) mod attendance {
    use super::*;

    pub fn serialize<S: Serializer>(rows: &[(Id, Attendance)], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_text(rows))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(Id, Attendance)>, D::Error> {
        let text = String::deserialize(d)?;
        from_text(&text).ok_or_else(|| D::Error::custom("attendance unreadable"))
    }

    pub(in crate::report) fn to_text(rows: &[(Id, Attendance)]) -> String {
        let mut out = String::with_capacity(rows.len() * 16);
        for (k, (id, a)) in rows.iter().enumerate() {
            if k > 0 {
                out.push(';');
            }
            write_id(id, &mut out);
            out.push_str(match a {
                Attendance::Present => " P",
                Attendance::Excused => " E",
                Attendance::Absent => " A",
            });
        }
        out
    }

    pub(in crate::report) fn from_text(text: &str) -> Option<Vec<(Id, Attendance)>> {
        items(text)
            .map(|item| {
                let (id, a) = item.split_once(' ')?;
                let a = match a {
                    "P" => Attendance::Present,
                    "E" => Attendance::Excused,
                    "A" => Attendance::Absent,
                    _ => return None,
                };
                Some((read_id(id)?, a))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        prop::option::of((1900i32..2200, 1u32..13, 1u32..29))
            .prop_map(|d| d.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
    }

    fn member() -> impl Strategy<Value = MemberFacts> {
        (
            // Any text a hand-edited file may give as an id, separators and escapes included.
            "[a-z0-9 ;%.éم🙂]{0,14}",
            date(),
            date(),
            prop::option::of(prop::sample::select(vec![
                Leaving::Moved,
                Leaving::Stopped,
                Leaving::Excluded,
                Leaving::Other,
            ])),
            prop::option::of(prop::sample::select(Gender::VARIANTS.to_vec())),
            prop::option::of(prop::sample::select(LegalStatus::VARIANTS.to_vec())),
        )
            .prop_map(|(id, joined, left, reason, gender, status)| MemberFacts {
                id: Id(id),
                joined,
                left,
                reason,
                gender,
                status,
            })
    }

    proptest! {
        #[test]
        fn members_come_back_as_written(ms in prop::collection::vec(member(), 0..25)) {
            let text = members::to_text(&ms);
            prop_assert_eq!(members::from_text(&text), Some(ms));
        }

        #[test]
        fn attendance_comes_back_as_written(
            rows in prop::collection::vec(("[a-z0-9 ;%.]{0,12}", 0u8..3), 0..25)
        ) {
            let rows: Vec<(Id, Attendance)> = rows
                .into_iter()
                .map(|(id, a)| (Id(id), [Attendance::Present, Attendance::Excused, Attendance::Absent][usize::from(a)]))
                .collect();
            let text = attendance::to_text(&rows);
            prop_assert_eq!(attendance::from_text(&text), Some(rows));
        }
    }

    #[test]
    fn the_form_is_short_and_what_it_cannot_be_is_refused() {
        let m = MemberFacts {
            id: Id("274z3eabyxhm".into()),
            joined: NaiveDate::from_ymd_opt(2024, 1, 8),
            left: None,
            reason: None,
            gender: Some(Gender::Woman),
            status: Some(LegalStatus::SoleTrader),
        };
        assert_eq!(
            members::to_text(&[m]),
            "274z3eabyxhm 2024-01-08 . . Woman SoleTrader"
        );
        for bad in [
            "274z3eabyxhm 2024-01-08 . . Woman",
            "274z3eabyxhm 2024-13-08 . . Woman SoleTrader",
            "274z3eabyxhm 2024-01-08 . . Femme SoleTrader",
            "274z3eabyxhm 2024-01-08 . . Woman SoleTrader extra",
            "id%2 2024-01-08 . . . .",
        ] {
            assert_eq!(members::from_text(bad), None, "{bad}");
        }
        assert_eq!(attendance::from_text("a P;b X"), None);
        assert_eq!(attendance::from_text(""), Some(Vec::new()));
        assert_eq!(members::from_text(""), Some(Vec::new()));
    }
}
