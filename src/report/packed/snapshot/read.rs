//! Reading the report cache back: its body a buffer at a time, summed as it comes, every
//! number checked before it indexes anything; the files it names offered one by one to the
//! caller, who claims those unchanged.

use super::*;

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

    /// An interner's strings passed over, summed but not kept: only how many.
    fn numbered(&mut self) -> Option<Interner> {
        let text = self.len(1)?;
        self.pass(text)?;
        let n = self.len(4)?;
        self.pass(n * 4)?;
        Some(Interner::numbered(u32::try_from(n).ok()?))
    }

    /// The next `n` bytes of the body passed over (summed), a buffer at a time.
    fn pass(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            let k = n.min(BUFFER);
            self.slice(k)?;
            n -= k;
        }
        Some(())
    }
}

/// Whether the sessions', members' and actions' ids are read with their texts, or only
/// numbered: counting compares their numbers, and at 100,000 sessions their texts are
/// 14 MB at the programme screen's peak. Without them, no session can be added to the facts
/// read, nor the cache written from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::report) enum Ids {
    Texts,
    Numbers,
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
pub(in crate::report) fn open(path: &Path, ids: Ids) -> Option<Opened> {
    let file = std::fs::File::open(path).ok()?;
    let left = file.metadata().ok()?.len();
    // The checksum is not part of what it sums.
    let mut i = In::new(file, left.checked_sub(8)?);
    if &i.bytes::<8>()? != MAGIC || i.u32()? != FORMAT || i.u32()? != SCHEMA_VERSION {
        return None;
    }
    let id_numbers = |i: &mut In<std::fs::File>| match ids {
        Ids::Texts => i.interner(),
        Ids::Numbers => i.numbered(),
    };
    let mut p = Packed {
        ids: id_numbers(&mut i)?,
        groups: i.interner()?,
        member_ids: id_numbers(&mut i)?,
        action_ids: id_numbers(&mut i)?,
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
    let mut marks = Vec::new();
    p.attendance.reserve_exact(totals[1]);
    p.reviewed.reserve_exact(totals[2]);
    p.reviews.reserve_exact(totals[2]);
    p.themes.reserve_exact(totals[3]);
    p.actions.reserve_exact(totals[4]);
    p.kinds.reserve_exact(totals[4]);
    p.usefulness.reserve_exact(totals[5]);
    p.projects.reserve_exact(totals[6]);
    for _ in 0..n {
        read_session(&mut i, &mut p, &mut marks)?;
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

/// A session of the cache into `p`; `marks` holds its marks while its members are placed.
fn read_session<R: Read>(
    i: &mut In<R>,
    p: &mut Packed,
    marks: &mut Vec<(u32, Attendance)>,
) -> Option<()> {
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
    let members = if same {
        p.last_members[group as usize]
    } else {
        let place = (start, lens[0] as u32);
        p.last_members[group as usize] = place;
        place
    };
    marks.clear();
    for _ in 0..lens[1] {
        let m = b.number(&p.member_ids)?;
        let a = of_place(b.u8()?, &ATTENDANCE)??;
        marks.push((m, a));
    }
    p.push_marks(p.sessions.len(), members, marks);
    for _ in 0..lens[2] {
        let a = b.number(&p.action_ids)?;
        let st = of_place(b.u8()?, ActionStatus::VARIANTS)?;
        p.push_review(a, st);
    }
    for _ in 0..lens[3] {
        let title = b.number(&p.labels)?;
        let category = match b.u32()? {
            u32::MAX => None,
            c if (c as usize) < p.labels.len() => Some(c),
            _ => return None,
        };
        p.push_theme(title, category);
    }
    for _ in 0..lens[4] {
        let a = Action {
            id: b.number(&p.action_ids)?,
            due: of_days(b.i32()?)?,
            kind: of_place(b.u8()?, &KINDS)?,
        };
        p.push_action(a);
    }
    for _ in 0..lens[5] {
        p.usefulness.push(b.u8()?);
    }
    for _ in 0..lens[6] {
        p.projects
            .push(of_place(b.u8()?, ProjectStatus::VARIANTS)??);
    }
    let region = p.region_number(&region);
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
        members,
        at,
    });
    Some(())
}
