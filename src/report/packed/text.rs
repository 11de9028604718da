//! How the report cache writes a session's packed facts: one line of text, read straight
//! back into a [`Packed`] without a `Facts` in between. Read as RON structures, 100,000
//! sessions' facts took 3 s of a 5 s report; read this way, a tenth of that.
//!
//! Fields are apart by tabs, in the order of [`Session`]'s; a list's items by `;`, an item's
//! fields by a space; `.` is a field not given. Attendance names a member of the session's
//! list by their place there (`@3`), anyone else by their id (`=id`): most ids are then
//! numbered once per session, not twice. Dates are days from the first of January of
//! year 1, times seconds and nanoseconds since 1970, enumerations their names in the session
//! files. In any text (ids, labels, theme titles), `%`, tab, line breaks, space and `;` are
//! written `%25`, `%09`, `%0A`, `%0D`, `%20` and `%3B`, so any text a file holds comes back
//! whole. What cannot be read (an unknown name, a bad number, a field missing or extra)
//! makes the line unreadable: its file is read again and the cache rewritten.

use super::{Action, Member, Packed, Session};
use crate::model::life::{Gender, ProjectStatus};
use crate::model::{ActionStatus, Attendance, IdeaKind, LegalStatus, Region};
use crate::report::read::Leaving;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::OnceLock;
use strum::VariantArray;

/// The name of each value of an enumeration, as its session files write it.
fn names<T: Serialize + Copy + 'static>(all: &[T]) -> Vec<(String, T)> {
    all.iter()
        .filter_map(|v| Some((ron::to_string(v).ok()?, *v)))
        .collect()
}

macro_rules! table {
    ($f:ident, $t:ty, $all:expr) => {
        fn $f() -> &'static [(String, $t)] {
            static NAMES: OnceLock<Vec<(String, $t)>> = OnceLock::new();
            NAMES.get_or_init(|| names($all))
        }
    };
}

table!(genders, Gender, Gender::VARIANTS);
table!(statuses, LegalStatus, LegalStatus::VARIANTS);
table!(action_statuses, ActionStatus, ActionStatus::VARIANTS);
table!(projects, ProjectStatus, ProjectStatus::VARIANTS);
table!(
    kinds,
    IdeaKind,
    &[
        IdeaKind::Individual,
        IdeaKind::Collective,
        IdeaKind::Lobbying,
        IdeaKind::ServiceRequest,
    ]
);

fn leavings() -> &'static [(String, Leaving)] {
    static NAMES: OnceLock<Vec<(String, Leaving)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        [
            ("Moved", Leaving::Moved),
            ("Stopped", Leaving::Stopped),
            ("Excluded", Leaving::Excluded),
            ("Other", Leaving::Other),
        ]
        .map(|(n, l)| (n.to_string(), l))
        .to_vec()
    })
}

fn write_name<T: PartialEq + Copy>(v: Option<T>, table: &[(String, T)], out: &mut String) {
    match v.and_then(|v| table.iter().find(|(_, x)| *x == v)) {
        Some((name, _)) => out.push_str(name),
        None => out.push('.'),
    }
}

/// `Some(None)` for `.`; `None` for what is not a name of the table.
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
            let _ = write!(out, "{}", d.num_days_from_ce());
        }
        None => out.push('.'),
    }
}

fn read_date(token: &str) -> Option<Option<NaiveDate>> {
    if token == "." {
        return Some(None);
    }
    NaiveDate::from_num_days_from_ce_opt(token.parse().ok()?).map(Some)
}

fn needs_escape(b: u8) -> bool {
    matches!(b, b'%' | b'\t' | b'\n' | b'\r' | b' ' | b';')
}

pub(in crate::report) fn write_text(s: &str, out: &mut String) {
    if !s.bytes().any(needs_escape) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\t' => out.push_str("%09"),
            '\n' => out.push_str("%0A"),
            '\r' => out.push_str("%0D"),
            ' ' => out.push_str("%20"),
            ';' => out.push_str("%3B"),
            c => out.push(c),
        }
    }
}

pub(in crate::report) fn read_text(token: &str) -> Option<Cow<'_, str>> {
    if !token.contains('%') {
        return Some(Cow::Borrowed(token));
    }
    let mut out = String::with_capacity(token.len());
    let mut rest = token;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        out.push(match rest.get(at + 1..at + 3)? {
            "25" => '%',
            "09" => '\t',
            "0A" => '\n',
            "0D" => '\r',
            "20" => ' ',
            "3B" => ';',
            _ => return None,
        });
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// The parts of `text` apart by the ASCII byte `sep`. `str::split` looks for a `char`, which
/// costs more than the short parts it finds here (a sixth of reading 100,000 sessions).
fn parts(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.bytes().position(|b| b == sep) {
            // An ASCII byte is a whole character: both sides are text.
            Some(at) => {
                rest = Some(&t[at + 1..]);
                Some(&t[..at])
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

/// The items of a list: none for an empty field.
fn items(field: &str) -> impl Iterator<Item = &str> {
    parts(field, b';').filter(|_| !field.is_empty())
}

/// Writes a list, `item` writing each.
fn write_list<T>(all: &[T], out: &mut String, mut item: impl FnMut(&T, &mut String)) {
    for (k, x) in all.iter().enumerate() {
        if k > 0 {
            out.push(';');
        }
        item(x, out);
    }
}

/// The parts of `text` apart by `sep`: exactly `N` of them.
fn split<const N: usize>(text: &str, sep: u8) -> Option<[&str; N]> {
    let mut parts = parts(text, sep);
    let mut out = [""; N];
    for slot in &mut out {
        *slot = parts.next()?;
    }
    parts.next().is_none().then_some(out)
}

/// An item's fields, exactly `N` of them.
fn fields<const N: usize>(item: &str) -> Option<[&str; N]> {
    split(item, b' ')
}

fn write_region(r: &Region, out: &mut String) {
    match r {
        Region::Unset => out.push('u'),
        Region::Other(text) => {
            out.push('o');
            write_text(text, out);
        }
        named => match Region::NAMED.iter().position(|n| n == named) {
            Some(i) => {
                let _ = write!(out, "{i}");
            }
            None => out.push('u'),
        },
    }
}

fn read_region(token: &str) -> Option<Region> {
    match token.split_at_checked(1)? {
        ("u", "") => Some(Region::Unset),
        ("o", text) => Some(Region::Other(read_text(text)?.into_owned())),
        _ => Region::NAMED.get(token.parse::<usize>().ok()?).cloned(),
    }
}

const FIELDS: usize = 19;

impl Packed {
    /// The session `i`'s facts as one line of the report cache.
    pub fn write_text(&self, i: usize, out: &mut String) {
        let s = &self.sessions[i];
        let label = |n: u32, out: &mut String| write_text(self.labels.get(n), out);
        write_text(self.ids.get(s.id), out);
        let _ = write!(
            out,
            "\t{}\t{}\t",
            s.saved.timestamp(),
            s.saved.timestamp_subsec_nanos()
        );
        write_text(self.groups.get(s.group), out);
        for n in [s.group_name, s.host, s.advisor] {
            out.push('\t');
            label(n, out);
        }
        let _ = write!(out, "\t{}\t", s.number);
        write_date(Some(s.date), out);
        out.push_str(if s.closed { "\t1\t" } else { "\t0\t" });
        label(s.trade, out);
        out.push('\t');
        write_region(&s.region, out);
        out.push('\t');
        write_list(self.members(i), out, |m, out| {
            write_text(self.member_ids.get(m.id), out);
            out.push(' ');
            write_date(m.joined, out);
            out.push(' ');
            write_date(m.left, out);
            out.push(' ');
            write_name(m.reason, leavings(), out);
            out.push(' ');
            write_name(m.gender, genders(), out);
            out.push(' ');
            write_name(m.status, statuses(), out);
        });
        out.push('\t');
        let members = self.members(i);
        write_list(self.attendance(i), out, |(m, a), out| {
            // A member of the list by their place there; anyone else by their id.
            match members.iter().position(|x| x.id == *m) {
                Some(k) => {
                    let _ = write!(out, "@{k}");
                }
                None => {
                    out.push('=');
                    write_text(self.member_ids.get(*m), out);
                }
            }
            out.push_str(match a {
                Attendance::Present => " P",
                Attendance::Excused => " E",
                Attendance::Absent => " A",
            });
        });
        out.push('\t');
        write_list(self.reviews(i), out, |(a, st), out| {
            write_text(self.action_ids.get(*a), out);
            out.push(' ');
            write_name(*st, action_statuses(), out);
        });
        out.push('\t');
        write_list(self.themes(i), out, |(title, category), out| {
            label(*title, out);
            match category {
                Some(c) => {
                    out.push_str(" +");
                    label(*c, out);
                }
                None => out.push_str(" ."),
            }
        });
        out.push('\t');
        write_list(self.actions(i), out, |a, out| {
            write_text(self.action_ids.get(a.id), out);
            out.push(' ');
            write_date(a.due, out);
            out.push(' ');
            write_name(a.kind, kinds(), out);
        });
        out.push('\t');
        write_list(self.usefulness(i), out, |n, out| {
            let _ = write!(out, "{n}");
        });
        out.push('\t');
        write_list(self.projects(i), out, |p, out| {
            write_name(Some(*p), projects(), out)
        });
    }

    /// Adds the session of a line written by [`Packed::write_text`], its file's place being
    /// `order`; `false` (and nothing added) if the line cannot be read.
    pub fn push_text(&mut self, line: &str, order: usize) -> bool {
        let at = self.ends();
        let read = self.read_text(line, order, at);
        if read.is_none() {
            self.truncate(at);
        }
        read.is_some()
    }

    fn ends(&self) -> [u32; 7] {
        [
            self.members.len(),
            self.attendance.len(),
            self.reviews.len(),
            self.themes.len(),
            self.actions.len(),
            self.usefulness.len(),
            self.projects.len(),
        ]
        .map(|n| n as u32)
    }

    fn truncate(&mut self, at: [u32; 7]) {
        let at = at.map(|n| n as usize);
        self.members.truncate(at[0]);
        self.attendance.truncate(at[1]);
        self.reviews.truncate(at[2]);
        self.themes.truncate(at[3]);
        self.actions.truncate(at[4]);
        self.usefulness.truncate(at[5]);
        self.projects.truncate(at[6]);
    }

    fn read_text(&mut self, line: &str, order: usize, at: [u32; 7]) -> Option<()> {
        let [
            id,
            secs,
            nanos,
            group,
            group_name,
            host,
            advisor,
            number,
            date,
            closed,
            trade,
            region,
            members,
            attendance,
            reviews,
            themes,
            actions,
            usefulness,
            projects_,
        ] = split::<FIELDS>(line, b'\t')?;
        let saved = chrono::DateTime::from_timestamp(secs.parse().ok()?, nanos.parse().ok()?)?;
        let closed = match closed {
            "1" => true,
            "0" => false,
            _ => return None,
        };
        let date = read_date(date)??;
        let region = read_region(region)?;
        let number = number.parse().ok()?;
        for item in items(members) {
            let [id, joined, left, reason, gender, status] = fields(item)?;
            let member = Member {
                id: self.member_ids.number(&read_text(id)?),
                joined: read_date(joined)?,
                left: read_date(left)?,
                reason: read_name(reason, leavings())?,
                gender: read_name(gender, genders())?,
                status: read_name(status, statuses())?,
            };
            self.members.push(member);
        }
        for item in items(attendance) {
            let [id, a] = fields(item)?;
            let a = match a {
                "P" => Attendance::Present,
                "E" => Attendance::Excused,
                "A" => Attendance::Absent,
                _ => return None,
            };
            let id = match id.split_at_checked(1)? {
                ("@", k) => {
                    self.members[at[0] as usize..]
                        .get(k.parse::<usize>().ok()?)?
                        .id
                }
                ("=", id) => self.member_ids.number(&read_text(id)?),
                _ => return None,
            };
            self.attendance.push((id, a));
        }
        for item in items(reviews) {
            let [id, st] = fields(item)?;
            let st = read_name(st, action_statuses())?;
            let id = self.action_ids.number(&read_text(id)?);
            self.reviews.push((id, st));
        }
        for item in items(themes) {
            let [title, category] = fields(item)?;
            let category = match category.strip_prefix('+') {
                Some(c) => Some(self.labels.number(&read_text(c)?)),
                None if category == "." => None,
                None => return None,
            };
            let title = self.labels.number(&read_text(title)?);
            self.themes.push((title, category));
        }
        for item in items(actions) {
            let [id, due, kind] = fields(item)?;
            let action = Action {
                id: self.action_ids.number(&read_text(id)?),
                due: read_date(due)?,
                kind: read_name(kind, kinds())?,
            };
            self.actions.push(action);
        }
        for item in items(usefulness) {
            self.usefulness.push(item.parse().ok()?);
        }
        for item in items(projects_) {
            self.projects.push(read_name(item, projects())??);
        }
        let session = Session {
            id: self.ids.number(&read_text(id)?),
            saved,
            group: self.groups.number(&read_text(group)?),
            group_name: self.labels.number(&read_text(group_name)?),
            host: self.labels.number(&read_text(host)?),
            advisor: self.labels.number(&read_text(advisor)?),
            trade: self.labels.number(&read_text(trade)?),
            number,
            date,
            closed,
            region,
            order: order as u32,
            at,
        };
        self.sessions.push(session);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;
    use crate::report::read::{ActionFacts, Facts, MemberFacts};
    use proptest::prelude::*;

    /// Any text a hand-edited file may hold: separators, escapes, line breaks, Arabic, emoji.
    const TEXT: &str = "[a-z0-9 ;%.+\t\n\réم🙂]{0,10}";

    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        prop::option::of((1i32..9000, 1u32..13, 1u32..29))
            .prop_map(|d| d.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
    }

    fn pick<T: Clone + std::fmt::Debug + 'static>(all: &[T]) -> impl Strategy<Value = Option<T>> {
        prop::option::of(prop::sample::select(all.to_vec()))
    }

    fn member() -> impl Strategy<Value = MemberFacts> {
        (
            TEXT,
            date(),
            date(),
            pick(&[
                Leaving::Moved,
                Leaving::Stopped,
                Leaving::Excluded,
                Leaving::Other,
            ]),
            pick(Gender::VARIANTS),
            pick(LegalStatus::VARIANTS),
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

    fn region() -> impl Strategy<Value = Region> {
        prop_oneof![
            Just(Region::Unset),
            TEXT.prop_map(Region::Other),
            prop::sample::select(Region::NAMED.to_vec()),
        ]
    }

    fn facts() -> impl Strategy<Value = Facts> {
        let own = (
            (TEXT, 0i64..4_000_000_000, 0u32..1_000_000_000, TEXT),
            (TEXT, TEXT, TEXT, TEXT),
            (any::<u32>(), date(), any::<bool>(), region()),
        );
        let many = (
            prop::collection::vec(member(), 0..5),
            prop::collection::vec((TEXT, 0usize..3, any::<bool>()), 0..5),
            prop::collection::vec((TEXT, pick(ActionStatus::VARIANTS)), 0..4),
            prop::collection::vec((TEXT, prop::option::of(TEXT)), 0..4),
            prop::collection::vec(
                (
                    TEXT,
                    date(),
                    pick(&[IdeaKind::Individual, IdeaKind::Lobbying]),
                ),
                0..4,
            ),
            prop::collection::vec(any::<u8>(), 0..6),
            prop::collection::vec(prop::sample::select(ProjectStatus::VARIANTS.to_vec()), 0..3),
        );
        (own, many).prop_map(|(own, many)| {
            let (
                (id, secs, nanos, group),
                (group_name, host, advisor, trade),
                (number, day, closed, region),
            ) = own;
            let (members, attendance, reviews, themes, actions, usefulness, projects) = many;
            // Most attend as members of the list, some not.
            let attendance = attendance
                .into_iter()
                .enumerate()
                .map(|(k, (id, a, listed))| {
                    let id = match members.get(k) {
                        Some(m) if listed => m.id.clone(),
                        _ => Id(id),
                    };
                    let a = [Attendance::Present, Attendance::Excused, Attendance::Absent][a];
                    (id, a)
                })
                .collect();
            Facts {
                id: Id(id),
                saved: chrono::DateTime::from_timestamp(secs, nanos).unwrap(),
                group: Id(group),
                group_name,
                host,
                advisor,
                number,
                date: day.unwrap_or_default(),
                closed,
                trade,
                region,
                members,
                attendance,
                reviews: reviews.into_iter().map(|(id, st)| (Id(id), st)).collect(),
                themes,
                actions: actions
                    .into_iter()
                    .map(|(id, due, kind)| ActionFacts {
                        id: Id(id),
                        due,
                        kind,
                    })
                    .collect(),
                usefulness,
                projects,
            }
        })
    }

    proptest! {
        /// Whatever a session's facts, its line is one line of 19 fields and gives them back
        /// whole, read into packed facts that already hold others.
        #[test]
        fn a_sessions_line_gives_its_facts_back(all in prop::collection::vec(facts(), 1..4)) {
            let packed = super::super::Packed::of(&all);
            let mut again = super::super::Packed::default();
            for i in 0..all.len() {
                let mut line = String::new();
                packed.write_text(i, &mut line);
                prop_assert!(!line.contains(['\n', '\r']));
                prop_assert_eq!(line.split('\t').count(), FIELDS);
                prop_assert!(again.push_text(&line, i));
            }
            for (i, f) in all.iter().enumerate() {
                prop_assert_eq!(&again.facts(i), f);
            }
        }
    }

    #[test]
    fn a_line_that_cannot_be_read_adds_nothing() {
        let f = crate::sample::shipped()
            .iter()
            .map(Facts::of)
            .find(|f| !f.members.is_empty() && !f.actions.is_empty() && !f.themes.is_empty())
            .unwrap();
        let packed = super::super::Packed::of([&f]);
        let mut line = String::new();
        packed.write_text(0, &mut line);
        let fields: Vec<&str> = line.split('\t').collect();
        let mut bad: Vec<String> = vec![fields[..FIELDS - 1].join("\t"), format!("{line}\textra")];
        // Each field spoilt in turn: an escape unknown, a name unknown, a number not one,
        // an item's fields one too many (texts may hold anything but an unknown escape).
        for (k, field) in fields.iter().enumerate() {
            let text = matches!(k, 0 | 3..=6 | 10);
            for spoilt in [format!("{field}%zz"), format!("{field} x"), "x".to_string()] {
                if text && !spoilt.contains("%zz") {
                    continue;
                }
                let mut f = fields.clone();
                f[k] = &spoilt;
                bad.push(f.join("\t"));
            }
        }
        for b in &bad {
            let mut p = super::super::Packed::of([&f]);
            let before = p.clone();
            assert!(!p.push_text(b, 1), "{b:?}");
            assert_eq!(p.sessions, before.sessions);
            assert_eq!(p.facts(0), f);
            assert!(p.push_text(&line, 1));
            assert_eq!(p.facts(1), f, "nothing of the bad line is left: {b:?}");
        }
    }
}
