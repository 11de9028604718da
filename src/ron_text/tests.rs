use proptest::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// ron's own text for `value`, in the three forms atelier writes.
fn rons<T: Serialize>(value: &T) -> [String; 3] {
    let pretty = ron::ser::PrettyConfig::default();
    [
        ron::to_string(value).unwrap(),
        ron::ser::to_string_pretty(value, pretty.clone()).unwrap(),
        ron::ser::to_string_pretty(value, pretty.escape_strings(false)).unwrap(),
    ]
}

fn ours<T: Serialize>(value: &T) -> [String; 3] {
    [
        super::to_string(value).unwrap(),
        super::to_string_pretty(value, true).unwrap(),
        super::to_string_pretty(value, false).unwrap(),
    ]
}

#[derive(Debug, Clone, Serialize)]
struct Unit;

#[derive(Debug, Clone, Serialize)]
struct Wrapper(String);

#[derive(Debug, Clone, Serialize)]
struct Pair(i32, String);

#[derive(Debug, Clone, Serialize)]
struct Empty {}

#[derive(Debug, Clone, Serialize)]
struct Record {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    maybe: Option<u8>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    list: Vec<Thing>,
}

#[derive(Debug, Clone, Serialize)]
enum Thing {
    Plain,
    Text(String),
    Char(char),
    Number(i64, u64),
    Float(f64, f32),
    Flag(bool),
    Bytes(#[serde(with = "bytes")] Vec<u8>),
    Nested(Option<Option<Box<Thing>>>),
    Fields {
        a: Vec<String>,
        b: BTreeMap<String, Thing>,
        c: (u8, char),
    },
    Record(Record),
    Unit(Unit),
    Wrapper(Wrapper),
    Pair(Pair),
    Empty(Empty),
    Nothing(()),
    Many(Vec<Thing>),
    NoFields {},
}

mod bytes {
    pub fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }
}

fn text() -> impl Strategy<Value = String> {
    "[a-z \"\\\\#'\n\t\u{7}éخ😀\u{200f}]{0,12}"
}

fn thing() -> impl Strategy<Value = Thing> {
    let leaf = prop_oneof![
        Just(Thing::Plain),
        text().prop_map(Thing::Text),
        any::<char>().prop_map(Thing::Char),
        (any::<i64>(), any::<u64>()).prop_map(|(a, b)| Thing::Number(a, b)),
        (any::<f64>(), any::<f32>()).prop_map(|(a, b)| Thing::Float(a, b)),
        any::<bool>().prop_map(Thing::Flag),
        proptest::collection::vec(any::<u8>(), 0..6).prop_map(Thing::Bytes),
        Just(Thing::Unit(Unit)),
        text().prop_map(|t| Thing::Wrapper(Wrapper(t))),
        (any::<i32>(), text()).prop_map(|(n, t)| Thing::Pair(Pair(n, t))),
        Just(Thing::Empty(Empty {})),
        Just(Thing::Nothing(())),
        Just(Thing::NoFields {}),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            proptest::option::of(proptest::option::of(inner.clone().prop_map(Box::new)))
                .prop_map(Thing::Nested),
            (
                proptest::collection::vec(text(), 0..3),
                proptest::collection::btree_map(text(), inner.clone(), 0..3),
                (any::<u8>(), any::<char>()),
            )
                .prop_map(|(a, b, c)| Thing::Fields { a, b, c }),
            (
                text(),
                proptest::option::of(any::<u8>()),
                proptest::collection::vec(inner.clone(), 0..3)
            )
                .prop_map(|(text, maybe, list)| Thing::Record(Record {
                    text,
                    maybe,
                    list
                })),
            proptest::collection::vec(inner, 0..4).prop_map(Thing::Many),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Any shape a serde type can have, strings with quotes, backslashes, hashes, line
    /// breaks, control and right-to-left characters: ron's text, byte for byte.
    #[test]
    fn writes_what_ron_writes(things in proptest::collection::vec(thing(), 0..4)) {
        prop_assert_eq!(ours(&things), rons(&things));
    }
}

/// The folder's real files: every sample session and record, written as ron writes them.
#[test]
fn the_sample_sessions_and_records_are_written_as_ron_writes_them() {
    let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 24, 9, 0, 0).unwrap();
    let mut sessions = crate::sample::shipped();
    sessions.extend(crate::sample::series(now, 7));
    for session in &sessions {
        assert_eq!(ours(session), rons(session), "{}", session.id);
    }
    for record in crate::sample::shipped_records() {
        match &record {
            crate::model::dated::Record::Visit(v) => assert_eq!(ours(v), rons(v)),
            crate::model::dated::Record::Activity(a) => assert_eq!(ours(a), rons(a)),
            crate::model::dated::Record::Diagnosis(d) => assert_eq!(ours(d), rons(d)),
        }
    }
}

#[test]
fn too_deep_a_value_is_refused_as_ron_refuses_it() {
    let mut deep = Thing::Plain;
    for _ in 0..200 {
        deep = Thing::Many(vec![deep]);
    }
    assert!(ron::to_string(&deep).is_err());
    assert!(super::to_string(&deep).is_err());
    assert!(super::to_string_pretty(&deep, false).is_err());
}
