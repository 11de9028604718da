//! A session file's [`Summary`] the light way, for listing a folder without its summary cache
//! (the first start on a copied folder): only the fields a summary shows are parsed; the
//! history, the method's phases (but their number), the solutions, the timers... are skipped
//! unparsed (see `project.rs`). 10,000 files list in about 2 s on 2 cores instead of 10.
//!
//! Anything unusual (a parse error, a newer version, a field written another way) gives
//! `None`, and the file is parsed whole by [`super::parse`], which reads it or says why not.
//! What this path does not check is the content of the parts it skips: a file whose history
//! is broken but whose brackets still match is listed, and opening it says what is wrong
//! (`atelier check` names it too). A truncated or mangled file is caught, its brackets no
//! longer matching.

use super::project::{LightSession, Spec, project_session};
use super::summary::{Parts, Summary};
use crate::model::{Group, Id, SessionState, Timestamp};
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::SystemTime;

/// The top-level fields a summary reads. Once they are met nothing more is read: the
/// history, half of a file, comes after the method.
const TOP: &[&str] = &[
    "version",
    "id",
    "number",
    "date",
    "place",
    "state",
    "saved",
    "group",
    "current_phase",
    "needs",
    "problem",
    "plan",
    "method",
];

const CARD: Spec = Spec::Struct(&[("text", Spec::All)]);
const ACTION: Spec = Spec::Struct(&[("what", Spec::All)]);
/// A phase of the method is kept as `()`: only their number is wanted.
const PHASE: Spec = Spec::Struct(&[]);

const TOP_SPEC: &[(&str, Spec)] = &[
    ("needs", Spec::Struct(&[("cards", Spec::List(&CARD))])),
    ("problem", Spec::Struct(&[("causes", Spec::List(&CARD))])),
    ("plan", Spec::Struct(&[("actions", Spec::List(&ACTION))])),
    ("method", Spec::Struct(&[("phases", Spec::List(&PHASE))])),
];

/// The fields of `Session` a summary needs, with the same types and defaults; the group
/// is parsed whole, as its own type.
#[derive(Deserialize)]
struct Light {
    version: u32,
    id: Id,
    number: u32,
    date: NaiveDate,
    #[serde(default)]
    place: String,
    #[serde(default)]
    state: SessionState,
    saved: Timestamp,
    group: Group,
    #[serde(default)]
    current_phase: usize,
    #[serde(default)]
    needs: Needs,
    #[serde(default)]
    problem: Problem,
    #[serde(default)]
    plan: Plan,
    method: Method,
}

impl LightSession for Light {
    fn version(&self) -> u32 {
        self.version
    }
}

#[derive(Deserialize, Default)]
struct Needs {
    #[serde(default)]
    cards: Vec<Text>,
}

#[derive(Deserialize, Default)]
struct Problem {
    #[serde(default)]
    causes: Vec<Text>,
}

#[derive(Deserialize, Default)]
struct Plan {
    #[serde(default)]
    actions: Vec<What>,
}

#[derive(Deserialize)]
struct Text {
    text: String,
}

#[derive(Deserialize)]
struct What {
    what: String,
}

#[derive(Deserialize)]
struct Method {
    phases: Vec<Phase>,
}

#[derive(Deserialize)]
struct Phase {}

/// The summary of a session file's content, or `None` to parse it the ordinary way.
pub(super) fn summary(
    bytes: &[u8],
    path: PathBuf,
    modified: Option<SystemTime>,
) -> Option<Summary> {
    let (s, _): (Light, _) = project_session(bytes, TOP, TOP_SPEC)?;
    let phases = s.method.phases.len();
    let parts = Parts {
        id: &s.id,
        group: &s.group,
        number: s.number,
        date: s.date,
        place: &s.place,
        state: s.state,
        // As `Session::settle_after_load` does: a phase past the method's last is its last.
        current_phase: s.current_phase.min(phases.saturating_sub(1)),
        phases,
        saved: s.saved,
        cards: s.needs.cards.iter().map(|c| c.text.as_str()),
        causes: s.problem.causes.iter().map(|c| c.text.as_str()),
        actions: s.plan.actions.iter().map(|a| a.what.as_str()),
    };
    Some(parts.summary(path, modified))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SCHEMA_VERSION;
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_light_summary_is_the_full_parse_summary() {
        // A phase index past the method's end is brought back, as on load.
        for (_, text) in super::super::project::saved_samples() {
            let path = PathBuf::from("x.ron");
            let light = summary(text.as_bytes(), path.clone(), None)
                .expect("the light path reads a saved session");
            let full = super::super::parse(text.as_bytes()).unwrap();
            // `Summary`'s equality takes in the search text.
            assert_eq!(light, Summary::of(&full, path, None));
        }
    }

    #[test]
    fn anything_unusual_goes_the_ordinary_way() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let s = crate::sample::bakers_session(now, 7);
        let text = super::super::encode(&s).unwrap();
        let light = |t: &str| summary(t.as_bytes(), PathBuf::new(), None);
        assert!(light(&text).is_some());
        // Cut in the history: its brackets no longer match.
        let cut = &text[..text.len() - 200];
        assert!(light(cut).is_none());
        // Written by a newer atelier.
        let newer = text.replacen(
            &format!("version: {SCHEMA_VERSION},"),
            &format!("version: {},", SCHEMA_VERSION + 1),
            1,
        );
        assert!(light(&newer).is_none());
        // Without its method, or without its creation time, it is no session.
        let no_created = text.replacen("    created:", "    made:", 1);
        assert!(light(&no_created).is_none());
        let no_method = text.replacen("    method: (", "    methode: (", 1);
        assert!(light(&no_method).is_none());
        assert!(light("(pas une séance").is_none());
        assert!(light("").is_none());
    }
}
