//! The report cache: the folder's packed facts written out whole, in binary, beside the
//! name, size and time of the file each came from. A warm report reads it back into a
//! [`Packed`] as it was, strings already numbered, rather than numbering 100,000 sessions'
//! ids again (two thirds of a warm report when the cache was a line of text per file).
//!
//! Little-endian numbers; a text is its length in bytes then its UTF-8; a list its length
//! then its items. Dates are days from the first of January of year 1 (`i32::MIN`: none),
//! enumerations their place in their list plus one (`0`: none). Every number read is checked
//! before it indexes anything (a place in a list, an id's number, a date, a length against
//! what is left of the file), and the file ends with a checksum of all it holds (see
//! `Summed`): a file that fails a check or its sum, is cut, or has bytes after its end is not
//! used at all, and the cache is built again from the session files.

use super::{Action, GONE, Member, Packed, Session};
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

/// A file as the cache saw it, offered to the reader's `claim` (see [`Opened::claim`]).
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
        match &s.region {
            Region::Unset => o.u8(0)?,
            Region::Other(text) => {
                o.u8(255)?;
                o.text(text)?;
            }
            named => {
                let k = Region::NAMED
                    .iter()
                    .position(|n| n == named)
                    .map_or(0, |k| k + 1);
                o.u8(k as u8)?;
            }
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
            o.u32(*a)?;
            o.u8(place(*st, ActionStatus::VARIANTS))?;
        }
        for (title, category) in p.themes(k) {
            o.u32(*title)?;
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
                o.text(&ron::to_string(r).map_err(std::io::Error::other)?)?;
            }
        }
    }
    let sum = o.0.sum();
    o.0.inner.write_all(&sum.to_le_bytes())?;
    o.0.inner.flush()
}

/// The reading of a cache: its body a buffer at a time, summed as it comes.
struct In<R: Read> {
    r: R,
    buf: Vec<u8>,
    pos: usize,
    /// Bytes of the body not yet in `buf`.
    unread: u64,
    /// Bytes of the body not yet taken: no length read may ask for more.
    left: u64,
    sum: Summed<()>,
}

const BUFFER: usize = 1 << 16;

impl<R: Read> In<R> {
    fn new(r: R, body: u64) -> In<R> {
        In {
            r,
            buf: Vec::with_capacity(BUFFER),
            pos: 0,
            unread: body,
            left: body,
            sum: Summed::new(()),
        }
    }

    /// `n` more bytes of the body, read into `to`, summed.
    fn read_into(&mut self, to: &mut Vec<u8>, n: usize) -> Option<()> {
        let from = to.len();
        to.resize(from + n, 0);
        self.r.read_exact(&mut to[from..]).ok()?;
        self.sum.add(&to[from..]);
        self.unread -= n as u64;
        Some(())
    }

    /// Makes `n` bytes ready in `buf` (fewer at the end of the body).
    fn ready(&mut self, n: usize) -> Option<()> {
        if self.buf.len() - self.pos >= n {
            return Some(());
        }
        self.buf.drain(..self.pos);
        self.pos = 0;
        let more = (BUFFER.max(n) - self.buf.len()).min(self.unread as usize);
        let mut buf = std::mem::take(&mut self.buf);
        let read = self.read_into(&mut buf, more);
        self.buf = buf;
        read
    }

    fn bytes<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.ready(N)?;
        let b: [u8; N] = self.buf.get(self.pos..self.pos + N)?.try_into().ok()?;
        self.pos += N;
        self.left = self.left.checked_sub(N as u64)?;
        Some(b)
    }

    /// The next `n` bytes of the body, in one piece.
    fn slice(&mut self, n: usize) -> Option<&[u8]> {
        self.left = self.left.checked_sub(n as u64)?;
        self.ready(n)?;
        let piece = self.buf.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(piece)
    }

    /// A length of things of at least `size` bytes each, checked against what is left.
    fn len(&mut self, size: u64) -> Option<usize> {
        let n = self.u32()?;
        (u64::from(n) * size <= self.left).then_some(n as usize)
    }
    fn text(&mut self) -> Option<String> {
        let n = self.len(1)?;
        let buffered = (self.buf.len() - self.pos).min(n);
        let mut b = Vec::with_capacity(n);
        b.extend_from_slice(&self.buf[self.pos..self.pos + buffered]);
        self.pos += buffered;
        // A long text (the strings of 800,000 ids) is read straight into its place.
        self.read_into(&mut b, n - buffered)?;
        self.left -= n as u64;
        String::from_utf8(b).ok()
    }

    fn interner(&mut self) -> Option<Interner> {
        let text = self.text()?;
        let n = self.len(4)?;
        let ends = (0..n).map(|_| self.u32()).collect::<Option<Vec<u32>>>()?;
        Interner::from_parts(text, ends)
    }
}

/// A cache read up to its table of files: the facts of every session it holds, all
/// [`GONE`] until [`Opened::claim`] gives them their files.
pub(in crate::report) struct Opened {
    i: In<std::fs::File>,
    p: Packed,
}

/// The cache at `path`, read up to its table of files (which a reader may do while the
/// folder is being listed); `None` when there is none of this format and schema, or when it
/// cannot be read whole and right (see also [`Opened::claim`]).
pub(in crate::report) fn open(path: &Path) -> Option<Opened> {
    let file = std::fs::File::open(path).ok()?;
    let left = file.metadata().ok()?.len();
    // The checksum is not part of what it sums.
    let mut i = In::new(file, left.checked_sub(8)?);
    if &i.bytes::<8>()? != MAGIC || i.u32()? != FORMAT || i.u32()? != SCHEMA_VERSION {
        return None;
    }
    let mut p = Packed {
        ids: i.interner()?,
        groups: i.interner()?,
        member_ids: i.interner()?,
        action_ids: i.interner()?,
        labels: i.interner()?,
        ..Packed::default()
    };
    // Records name their group by id: the count looks them up.
    p.groups.index();
    p.last_members = vec![(0, 0); p.groups.len()];
    let n = i.len(40)?;
    p.sessions.reserve_exact(n);
    let mut totals = [0usize; 7];
    for (t, size) in totals.iter_mut().zip(SIZES) {
        // Room made once, for no more than what is left of the file can hold.
        *t = usize::try_from(i.u64()?).ok()?;
        if (*t as u64).checked_mul(size as u64)? > i.left {
            return None;
        }
    }
    p.members.reserve_exact(totals[0]);
    p.marked.reserve_exact(totals[1]);
    p.attendance.reserve_exact(totals[1]);
    p.reviews.reserve_exact(totals[2]);
    p.themes.reserve_exact(totals[3]);
    p.actions.reserve_exact(totals[4]);
    p.usefulness.reserve_exact(totals[5]);
    p.projects.reserve_exact(totals[6]);
    for _ in 0..n {
        read_session(&mut i, &mut p)?;
    }
    let [members, rest @ ..] = totals;
    if p.members.len() != members || p.ends().map(|e| e as usize) != rest {
        return None;
    }
    Some(Opened { i, p })
}

impl Opened {
    /// The rest of the cache: each file it names is offered to `claim`, which gives the
    /// file's place in the folder when it is unchanged; the facts of the others are left out
    /// (their sessions [`GONE`]). `None` when the rest cannot be read whole and right: no
    /// fact of the cache is then used.
    pub fn claim(self, mut claim: impl FnMut(Seen<'_>) -> Option<usize>) -> Option<Snapshot> {
        let Opened { mut i, mut p } = self;
        let n = p.sessions.len();
        let files = i.len(21)?;
        let mut claimed = vec![false; n];
        let mut records = Vec::new();
        let mut unclaimed = 0;
        let mut name = String::new();
        for _ in 0..files {
            let len = i.len(1)?;
            name.clear();
            name.push_str(std::str::from_utf8(i.slice(len)?).ok()?);
            let size = i.u64()?;
            let modified = (i.u64()?, i.u32()?);
            let place = claim(Seen {
                name: &name,
                size,
                modified,
            });
            unclaimed += usize::from(place.is_none());
            match i.u8()? {
                0 => {
                    let k = i.u32()? as usize;
                    // Each session is one file's, once.
                    if std::mem::replace(claimed.get_mut(k)?, true) {
                        return None;
                    }
                    if let Some(place) = place {
                        p.sessions[k].order = u32::try_from(place).ok()?;
                    }
                }
                1 => {
                    let len = i.len(1)?;
                    let text = std::str::from_utf8(i.slice(len)?).ok()?;
                    // A record's facts are read only for a file that is still there as it was.
                    if let Some(place) = place {
                        records.push((place, ron::from_str(text).ok()?));
                    }
                }
                _ => return None,
            }
        }
        let mut written = [0; 8];
        i.r.read_exact(&mut written).ok()?;
        // The whole body taken, its sum right, and nothing after it.
        if i.left != 0 || i.unread != 0 || u64::from_le_bytes(written) != i.sum.sum() {
            return None;
        }
        if i.r.read(&mut [0]).ok()? != 0 {
            return None;
        }
        Some(Snapshot {
            packed: p,
            records,
            unclaimed,
        })
    }
}

/// Bytes taken from the front of a session's piece of the cache.
struct Piece<'a>(&'a [u8]);

impl Take for Piece<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (first, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*first)
    }
}

impl<R: Read> Take for In<R> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.bytes()
    }
}

/// Numbers read from the front of the cache: little-endian, each checked as it is taken.
trait Take {
    /// The next `N` bytes; `None` past the end.
    fn take<const N: usize>(&mut self) -> Option<[u8; N]>;

    fn u8(&mut self) -> Option<u8> {
        Some(self.take::<1>()?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take()?))
    }
    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take()?))
    }
    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take()?))
    }
    /// A string's number, checked against how many there are.
    fn number(&mut self, of: &Interner) -> Option<u32> {
        self.u32().filter(|n| (*n as usize) < of.len())
    }
}

fn read_session<R: Read>(i: &mut In<R>, p: &mut Packed) -> Option<()> {
    let id = i.number(&p.ids)?;
    let group = i.number(&p.groups)?;
    let [group_name, host, advisor, trade] = [(); 4].map(|_| i.number(&p.labels));
    let number = i.u32()?;
    let saved = chrono::DateTime::from_timestamp(i.i64()?, i.u32()?)?;
    let date = of_days(i.i32()?)??;
    let closed = match i.u8()? {
        0 => false,
        1 => true,
        _ => return None,
    };
    let region = match i.u8()? {
        0 => Region::Unset,
        255 => Region::Other(i.text()?),
        k => Region::NAMED.get(usize::from(k) - 1)?.clone(),
    };
    let mut lens = [0usize; 7];
    let same = match i.u32()? {
        SAME => true,
        n => {
            lens[0] = n as usize;
            false
        }
    };
    for l in &mut lens[1..] {
        *l = i.len(1)?;
    }
    let at = p.ends();
    let start = p.members.len() as u32;
    // The session's lists are one piece of known length: taken at once, then parsed without
    // asking the reader for each number.
    let bytes = lens.iter().zip(SIZES).try_fold(0usize, |sum, (n, size)| {
        sum.checked_add(n.checked_mul(size)?)
    })?;
    let mut b = Piece(i.slice(bytes)?);
    for _ in 0..lens[0] {
        let m = Member {
            id: b.number(&p.member_ids)?,
            joined: of_days(b.i32()?)?,
            left: of_days(b.i32()?)?,
            reason: of_place(b.u8()?, &LEAVINGS)?,
            gender: of_place(b.u8()?, Gender::VARIANTS)?,
            status: of_place(b.u8()?, LegalStatus::VARIANTS)?,
        };
        p.members.push(m);
    }
    for _ in 0..lens[1] {
        let m = b.number(&p.member_ids)?;
        let a = of_place(b.u8()?, &ATTENDANCE)??;
        p.marked.push(m);
        p.attendance.push(a);
    }
    for _ in 0..lens[2] {
        let a = b.number(&p.action_ids)?;
        let st = of_place(b.u8()?, ActionStatus::VARIANTS)?;
        p.reviews.push((a, st));
    }
    for _ in 0..lens[3] {
        let title = b.number(&p.labels)?;
        let category = match b.u32()? {
            u32::MAX => None,
            c if (c as usize) < p.labels.len() => Some(c),
            _ => return None,
        };
        p.themes.push((title, category));
    }
    for _ in 0..lens[4] {
        let a = Action {
            id: b.number(&p.action_ids)?,
            due: of_days(b.i32()?)?,
            kind: of_place(b.u8()?, &KINDS)?,
        };
        p.actions.push(a);
    }
    for _ in 0..lens[5] {
        p.usefulness.push(b.u8()?);
    }
    for _ in 0..lens[6] {
        p.projects
            .push(of_place(b.u8()?, ProjectStatus::VARIANTS)??);
    }
    p.sessions.push(Session {
        id,
        saved,
        group,
        group_name: group_name?,
        host: host?,
        advisor: advisor?,
        trade: trade?,
        number,
        date,
        closed,
        region,
        order: GONE,
        members: if same {
            p.last_members[group as usize]
        } else {
            let place = (start, lens[0] as u32);
            p.last_members[group as usize] = place;
            place
        },
        at,
    });
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::read::Facts;

    fn written(p: &Packed, files: &[Filed<'_>]) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out, p, files).unwrap();
        out
    }

    type Offered = Vec<(String, u64, (u64, u32))>;

    /// The cache in `bytes` read back, the files it names claimed at their places in it
    /// when `claims` says so, and the files offered.
    fn read_claiming(bytes: &[u8], claims: impl Fn(&str) -> bool) -> Option<(Snapshot, Offered)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.bin");
        std::fs::write(&path, bytes).unwrap();
        let mut offered = Vec::new();
        let back = open(&path)?.claim(|seen| {
            offered.push((seen.name.to_string(), seen.size, seen.modified));
            claims(seen.name).then_some(offered.len() - 1)
        })?;
        Some((back, offered))
    }

    fn read_bytes(bytes: &[u8]) -> Option<Snapshot> {
        read_claiming(bytes, |_| true).map(|(back, _)| back)
    }

    #[test]
    fn the_sessions_files_name_come_back_whole_and_no_other() {
        let facts: Vec<Facts> = crate::sample::shipped().iter().map(Facts::of).collect();
        assert!(facts.len() >= 4);
        let p = Packed::of(&facts);
        let record = crate::report::RecordFacts::of(&crate::sample::shipped_records()[0]);
        // The files name sessions 3 and 1 (in that order) and a record; 0 and 2 are gone.
        let files = [
            Filed {
                name: "b.ron".into(),
                size: 10,
                modified: (1_700_000_000, 5),
                held: Held::Session(3),
            },
            Filed {
                name: "c é.ron".into(),
                size: 11,
                modified: (1_700_000_001, 0),
                held: Held::Record(&record),
            },
            Filed {
                name: "d.ron".into(),
                size: 12,
                modified: (1_700_000_002, 7),
                held: Held::Session(1),
            },
        ];
        let bytes = written(&p, &files);
        let (back, offered) = read_claiming(&bytes, |_| true).unwrap();
        assert_eq!(
            offered,
            [
                ("b.ron".to_string(), 10, (1_700_000_000, 5)),
                ("c é.ron".to_string(), 11, (1_700_000_001, 0)),
                ("d.ron".to_string(), 12, (1_700_000_002, 7))
            ]
        );
        assert_eq!(back.packed.sessions.len(), 2);
        assert_eq!(back.packed.facts(0), facts[3]);
        assert_eq!(back.packed.facts(1), facts[1]);
        // Each claimed file's session holds its place; its record comes with it.
        let orders: Vec<u32> = back.packed.sessions.iter().map(|s| s.order).collect();
        assert_eq!(orders, [0, 2]);
        assert_eq!(back.records, [(1, record.clone())]);
        assert_eq!(back.unclaimed, 0);
        // Files not claimed (changed or gone): their session and record left out.
        let (some, _) = read_claiming(&bytes, |name| name == "d.ron").unwrap();
        let orders: Vec<u32> = some.packed.sessions.iter().map(|s| s.order).collect();
        assert_eq!(orders, [GONE, 2]);
        assert!(some.records.is_empty());
        assert_eq!(some.unclaimed, 2);
        // Written again from what was read back: the same bytes.
        let mut again = back.packed.clone();
        again.sessions.iter_mut().for_each(|s| s.order = 0);
        let files_again = [
            Filed {
                held: Held::Session(0),
                ..files[0].clone()
            },
            Filed {
                held: Held::Record(&record),
                ..files[1].clone()
            },
            Filed {
                held: Held::Session(1),
                ..files[2].clone()
            },
        ];
        assert_eq!(written(&again, &files_again), bytes);
    }

    #[test]
    fn members_kept_once_are_written_once_and_read_back_shared() {
        let facts: Vec<Facts> = crate::sample::shipped().iter().map(Facts::of).collect();
        let with = facts.iter().find(|f| f.members.len() > 1).unwrap();
        let mut left = with.clone();
        left.members[0].left = Some(left.date);
        let all = [with.clone(), with.clone(), left.clone(), left, with.clone()];
        let p = Packed::of(&all);
        let names: Vec<String> = (0..all.len()).map(|k| format!("{k}.ron")).collect();
        let files: Vec<Filed> = names
            .iter()
            .enumerate()
            .map(|(k, name)| Filed {
                name: name.as_str().into(),
                size: 1,
                modified: (1, 1),
                held: Held::Session(k),
            })
            .collect();
        let bytes = written(&p, &files);
        let whole = {
            let mut apart = Packed::default();
            for f in &all {
                // Each list on its own: what the cache would hold without sharing.
                apart.push(f, 0);
                apart.last_members.clear();
            }
            written(&apart, &files)
        };
        let n = with.members.len();
        // Two lists fewer (the marker takes the place of their length).
        assert_eq!(whole.len() - bytes.len(), 2 * n * SIZES[0]);
        let back = read_bytes(&bytes).unwrap();
        for (k, f) in all.iter().enumerate() {
            assert_eq!(&back.packed.facts(k), f, "session {k}");
        }
        assert_eq!(back.packed.members.len(), 3 * n);
    }

    proptest::proptest! {
        /// The sum does not depend on how the bytes come (the writer's and the reader's
        /// buffers cut them differently), and tells apart what differs by a byte or a length.
        #[test]
        fn the_sum_is_the_bytes_whatever_their_pieces(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100),
            cuts in proptest::collection::vec(0usize..100, 0..6),
            flip in 0usize..100,
        ) {
            let mut whole = Summed::new(());
            whole.add(&bytes);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut pieces = Summed::new(());
            let mut from = 0;
            for c in cuts.into_iter().chain([bytes.len()]) {
                pieces.add(&bytes[from..c]);
                from = c;
            }
            proptest::prop_assert_eq!(pieces.sum(), whole.sum());
            if !bytes.is_empty() {
                let mut other = bytes.clone();
                other[flip % bytes.len()] ^= 1;
                let mut changed = Summed::new(());
                changed.add(&other);
                proptest::prop_assert_ne!(changed.sum(), whole.sum());
            }
            let mut longer = bytes.clone();
            longer.push(0);
            let mut padded = Summed::new(());
            padded.add(&longer);
            proptest::prop_assert_ne!(padded.sum(), whole.sum());
        }
    }

    #[test]
    fn a_cache_that_is_not_whole_and_right_is_not_read() {
        let facts: Vec<Facts> = crate::sample::shipped().iter().map(Facts::of).collect();
        let p = Packed::of(&facts);
        let files: Vec<Filed> = (0..facts.len())
            .map(|k| Filed {
                name: "x.ron".into(),
                size: 1,
                modified: (1, 1),
                held: Held::Session(k),
            })
            .collect();
        let bytes = written(&p, &files);
        assert!(read_bytes(&bytes).is_some());
        for cut in [
            0,
            7,
            8,
            20,
            bytes.len() / 2,
            bytes.len() - 8,
            bytes.len() - 1,
        ] {
            assert!(read_bytes(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.extend_from_slice(&[0; 8]);
        assert!(read_bytes(&longer).is_none());
        // Another format or schema.
        for at in [8, 12] {
            let mut other = bytes.clone();
            other[at] = other[at].wrapping_add(1);
            assert!(read_bytes(&other).is_none());
        }
        // A session named by two files.
        let twice = [
            Filed {
                held: Held::Session(0),
                ..files[0].clone()
            },
            Filed {
                held: Held::Session(0),
                ..files[1].clone()
            },
        ];
        let mut bytes = written(&p, &twice);
        // Written as sessions 0 and 1: make the second file claim the first session again,
        // with its sum made right, so that only the claim is wrong.
        let end = bytes.len() - 8;
        let claim = end - 4;
        assert_eq!(bytes[claim..end], 1u32.to_le_bytes());
        bytes[claim..end].copy_from_slice(&0u32.to_le_bytes());
        let mut sum = Summed::new(());
        sum.add(&bytes[..end]);
        bytes[end..].copy_from_slice(&sum.sum().to_le_bytes());
        assert!(read_bytes(&bytes).is_none());
    }
}
