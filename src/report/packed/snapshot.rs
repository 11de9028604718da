//! The report cache: the folder's packed facts written out whole, in binary, beside the
//! name, size and time of the file each came from. A warm report reads it back into a
//! [`Packed`] as it was, strings already numbered, rather than numbering 100,000 sessions'
//! ids again (two thirds of a warm report when the cache was a line of text per file).
//!
//! Little-endian numbers; a text is its length in bytes then its UTF-8; a list its length
//! then its items. Dates are days from the first of January of year 1 (`i32::MIN`: none),
//! enumerations their place in their list plus one (`0`: none). After the strings, the number
//! of sessions and how many members, marks, reviews, themes, actions, scores and projects they
//! hold in all (the reader makes room once); a session whose members are those of its
//! group's session written before it gives [`SAME`] in place of their number and lists none.
//! Every number read is checked
//! before it indexes anything (a place in a list, an id's number, a date, a length against
//! what is left of the file), and the file ends with a checksum of all it holds (see
//! `Summed`): a file that fails a check or its sum, is cut, or has bytes after its end is not
//! used at all, and the cache is built again from the session files.

use super::{Action, GONE, Member, Packed, Place, Session};
use crate::model::life::{Gender, ProjectStatus};
use crate::model::{ActionStatus, Attendance, IdeaKind, LegalStatus, Region, SCHEMA_VERSION};
use crate::report::fx::Fx;
use crate::report::intern::Interner;
use crate::report::read::Leaving;
use crate::report::records::RecordFacts;
use chrono::{Datelike, NaiveDate};
use std::hash::Hasher;
use std::io::{Read, Write};
use std::path::Path;
use strum::VariantArray;

mod read;
pub(in crate::report) use read::{Ids, Opened, open};

const MAGIC: &[u8; 8] = b"atelierR";
/// Bumped whenever what is written, or the facts and the way they are computed, change.
const FORMAT: u32 = 9;

const KINDS: [IdeaKind; 4] = [
    IdeaKind::Individual,
    IdeaKind::Collective,
    IdeaKind::Lobbying,
    IdeaKind::ServiceRequest,
];
const LEAVINGS: [Leaving; 4] = [
    Leaving::Moved,
    Leaving::Stopped,
    Leaving::Excluded,
    Leaving::Other,
];
const ATTENDANCE: [Attendance; 3] = [Attendance::Present, Attendance::Excused, Attendance::Absent];
const NO_DATE: i32 = i32::MIN;
/// In place of a session's number of members: the same members as its group's session
/// before it in the cache.
const SAME: u32 = u32::MAX;

/// A file of the folder as the cache saw it, and what it held.
#[derive(Clone)]
pub(in crate::report) struct Filed<'a> {
    pub name: std::borrow::Cow<'a, str>,
    pub size: u64,
    /// Seconds and nanoseconds since 1970.
    pub modified: (u64, u32),
    pub held: Held<'a>,
}

#[derive(Clone, Copy)]
pub(in crate::report) enum Held<'a> {
    /// The session at this place of the packed facts.
    Session(usize),
    Record(&'a RecordFacts),
}

/// A file as the cache saw it, offered to the reader's `claim` (see [`read::Opened::claim`]).
pub(in crate::report) struct Seen<'a> {
    pub name: &'a str,
    pub size: u64,
    /// Seconds and nanoseconds since 1970.
    pub modified: (u64, u32),
}

/// A cache read back: the facts, every session [`GONE`] but those of the files claimed,
/// which hold their file's place; the records of the files claimed, with their places; and
/// how many files of the cache were not claimed (changed or gone since).
pub(in crate::report) struct Snapshot {
    pub packed: Packed,
    pub records: Vec<(usize, RecordFacts)>,
    pub unclaimed: usize,
}

/// How many bytes one member, attendance, review, theme, action, score and project take.
const SIZES: [usize; 7] = [15, 5, 5, 8, 9, 1, 1];

fn place<T: PartialEq>(v: Option<T>, all: &[T]) -> u8 {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .map_or(0, |i| i as u8 + 1)
}

fn of_place<T: Copy>(b: u8, all: &[T]) -> Option<Option<T>> {
    match b {
        0 => Some(None),
        k => all.get(usize::from(k) - 1).map(|v| Some(*v)),
    }
}

fn days(d: Option<NaiveDate>) -> i32 {
    d.map_or(NO_DATE, |d| d.num_days_from_ce())
}

fn of_days(n: i32) -> Option<Option<NaiveDate>> {
    match n {
        NO_DATE => Some(None),
        n => NaiveDate::from_num_days_from_ce_opt(n).map(Some),
    }
}

/// A checksum of everything written or read through it: the report's [`Fx`] hash over its
/// bytes 8 at a time, the last ones padded with zeros, then the length. FNV one byte at a
/// time took a tenth of a warm report.
struct Summed<T> {
    inner: T,
    fx: Fx,
    /// Bytes of a word not yet whole.
    pending: [u8; 8],
    npending: usize,
    len: u64,
}

impl<T> Summed<T> {
    fn new(inner: T) -> Summed<T> {
        Summed {
            inner,
            fx: Fx::default(),
            pending: [0; 8],
            npending: 0,
            len: 0,
        }
    }

    fn add(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.npending > 0 {
            let take = (8 - self.npending).min(bytes.len());
            self.pending[self.npending..self.npending + take].copy_from_slice(&bytes[..take]);
            self.npending += take;
            bytes = &bytes[take..];
            if self.npending < 8 {
                return;
            }
            self.fx.write_u64(u64::from_le_bytes(self.pending));
            self.npending = 0;
        }
        let whole = bytes.len() / 8 * 8;
        // Whole words, as the hash takes them; the rest waits for the next bytes.
        self.fx.write(&bytes[..whole]);
        let rest = &bytes[whole..];
        self.pending[..rest.len()].copy_from_slice(rest);
        self.npending = rest.len();
    }

    fn sum(&self) -> u64 {
        let mut fx = self.fx;
        if self.npending > 0 {
            let mut word = [0; 8];
            word[..self.npending].copy_from_slice(&self.pending[..self.npending]);
            fx.write_u64(u64::from_le_bytes(word));
        }
        fx.write_u64(self.len);
        fx.finish()
    }
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.add(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

struct Out<W: Write>(W);

impl<W: Write> Out<W> {
    fn bytes(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.0.write_all(b)
    }
    fn u8(&mut self, n: u8) -> std::io::Result<()> {
        self.bytes(&[n])
    }
    fn u32(&mut self, n: u32) -> std::io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }
    fn i32(&mut self, n: i32) -> std::io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }
    fn u64(&mut self, n: u64) -> std::io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }
    fn i64(&mut self, n: i64) -> std::io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }
    fn len(&mut self, n: usize) -> std::io::Result<()> {
        self.u32(u32::try_from(n).map_err(std::io::Error::other)?)
    }
    fn text(&mut self, s: &str) -> std::io::Result<()> {
        self.len(s.len())?;
        self.bytes(s.as_bytes())
    }
    fn interner(&mut self, i: &Interner) -> std::io::Result<()> {
        let (text, ends) = i.parts();
        self.text(text)?;
        self.len(ends.len())?;
        ends.iter().try_for_each(|e| self.u32(*e))
    }
}

/// Writes the cache: the sessions the files name (in the files' order, those of files gone
/// left out) and the strings they are numbered by.
pub(in crate::report) fn write(
    out: impl Write,
    p: &Packed,
    files: &[Filed<'_>],
) -> std::io::Result<()> {
    let mut o = Out(Summed::new(out));
    o.bytes(MAGIC)?;
    o.u32(FORMAT)?;
    o.u32(SCHEMA_VERSION)?;
    for i in [&p.ids, &p.groups, &p.member_ids, &p.action_ids, &p.labels] {
        o.interner(i)?;
    }
    let sessions: Vec<usize> = files
        .iter()
        .filter_map(|f| match f.held {
            Held::Session(k) => Some(k),
            Held::Record(_) => None,
        })
        .collect();
    o.len(sessions.len())?;
    // A session with the same members as its group's session written before it says so
    // rather than listing them again.
    let mut last: Vec<Option<(u32, u32)>> = vec![None; p.groups.len()];
    let same: Vec<bool> = sessions
        .iter()
        .map(|&k| {
            let s = &p.sessions[k];
            last[s.group as usize].replace(s.members) == Some(s.members)
        })
        .collect();
    let lens = |k: usize| {
        [
            p.members(k).len(),
            p.attendance(k).len(),
            p.reviews(k).len(),
            p.themes(k).len(),
            p.actions(k).len(),
            p.usefulness(k).len(),
            p.projects(k).len(),
        ]
    };
    // How many of each the sessions hold in all: the reader makes room for them once.
    let mut totals = [0u64; 7];
    for (&k, same) in sessions.iter().zip(&same) {
        for (t, n) in totals.iter_mut().zip(lens(k)).skip(usize::from(*same)) {
            *t += n as u64;
        }
    }
    totals.iter().try_for_each(|t| o.u64(*t))?;
    for (&k, same) in sessions.iter().zip(same) {
        let s = &p.sessions[k];
        for n in [
            s.id,
            s.group,
            s.group_name,
            s.host,
            s.advisor,
            s.trade,
            s.number,
        ] {
            o.u32(n)?;
        }
        o.i64(s.saved.timestamp())?;
        o.u32(s.saved.timestamp_subsec_nanos())?;
        o.i32(days(Some(s.date)))?;
        o.u8(u8::from(s.closed))?;
        match p.place(s) {
            Place::Unset => o.u8(0)?,
            Place::Other(text) => {
                o.u8(255)?;
                o.text(text)?;
            }
            Place::Named(k) => o.u8(k as u8 + 1)?,
        }
        let [members, rest @ ..] = lens(k);
        if same {
            o.u32(SAME)?;
        } else {
            o.len(members)?;
        }
        rest.iter().try_for_each(|n| o.len(*n))?;
        for m in p.members(k).iter().filter(|_| !same) {
            o.u32(m.id)?;
            o.i32(days(m.joined))?;
            o.i32(days(m.left))?;
            o.u8(place(m.reason, &LEAVINGS))?;
            o.u8(place(m.gender, Gender::VARIANTS))?;
            o.u8(place(m.status, LegalStatus::VARIANTS))?;
        }
        for (m, a) in p.attendance(k) {
            o.u32(m)?;
            o.u8(place(Some(a), &ATTENDANCE))?;
        }
        for (a, st) in p.reviews(k) {
            o.u32(a)?;
            o.u8(place(st, ActionStatus::VARIANTS))?;
        }
        for (title, category) in p.themes(k) {
            o.u32(title)?;
            o.u32(category.map_or(u32::MAX, |c| c))?;
        }
        for a in p.actions(k) {
            o.u32(a.id)?;
            o.i32(days(a.due))?;
            o.u8(place(a.kind, &KINDS))?;
        }
        o.bytes(p.usefulness(k))?;
        for s in p.projects(k) {
            o.u8(place(Some(*s), ProjectStatus::VARIANTS))?;
        }
    }
    o.len(files.len())?;
    let mut written = 0u32;
    for f in files {
        o.text(&f.name)?;
        o.u64(f.size)?;
        o.u64(f.modified.0)?;
        o.u32(f.modified.1)?;
        match f.held {
            Held::Session(_) => {
                o.u8(0)?;
                o.u32(written)?;
                written += 1;
            }
            Held::Record(r) => {
                o.u8(1)?;
                o.text(&crate::ron_text::to_string(r).map_err(std::io::Error::other)?)?;
            }
        }
    }
    let sum = o.0.sum();
    o.0.inner.write_all(&sum.to_le_bytes())?;
    o.0.inner.flush()
}

#[cfg(test)]
mod tests;
