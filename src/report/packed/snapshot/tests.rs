//! The report cache written and read back: whole, claimed file by file, shared member
//! lists, and refused when it is not whole and right.

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
    let back = open(&path, Ids::Texts)?.claim(|seen| {
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
    let mut facts: Vec<Facts> = crate::sample::shipped().iter().map(Facts::of).collect();
    assert!(facts.len() >= 4);
    // A place typed and none, beside the named regions (numbered, see `Packed::place`).
    facts[3].region = Region::Other("Tiznit ⵜⵉⵣⵏⵉⵜ".into());
    facts[1].region = Region::Unset;
    // Someone marked who is not among the session's members: kept by number.
    facts[3]
        .attendance
        .push((crate::model::Id("invite-1".into()), Attendance::Excused));
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
