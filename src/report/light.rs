//! Reading session files for the report, on every core, the light way first: the top-level
//! fields the report does not need are skipped by matching brackets (strings and comments
//! respected) and the rest is parsed into small types that ignore what they do not name;
//! anything unusual goes the ordinary way (see `read.rs`).

use super::read::{Facts, Leaving, MemberFacts, actions_of, label, masked_themes, scores};
use crate::model::life::{Gender, LeaveReason, ProjectStatus};
use crate::model::{ActionStatus, Attendance, Id, IdeaKind, LegalStatus, Region, SessionState};
use crate::store;
use crate::store::project::{LightSession, Spec, project_session};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Reads files on every core: their facts, and how many could not be read.
pub fn read_files(files: &[PathBuf]) -> (Vec<Facts>, usize) {
    let read = read_each(files);
    let unreadable = read.iter().filter(|f| f.is_none()).count();
    (read.into_iter().flatten().collect(), unreadable)
}

/// Each file's facts, in the order of `files` (`None`: unreadable), on every core, each
/// thread a contiguous share of the list.
pub(super) fn read_each(files: &[PathBuf]) -> Vec<Option<Facts>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                let handle = scope.spawn(move || part.iter().map(|p| read_one(p)).collect());
                (part.len(), handle)
            })
            .collect();
        handles
            .into_iter()
            // A thread that panicked read nothing: its files count as unreadable.
            .flat_map(|(n, h)| h.join().unwrap_or_else(|_| vec![None; n]))
            .collect()
    })
}

fn read_one(path: &Path) -> Option<Facts> {
    let bytes = std::fs::read(path).ok()?;
    facts_of_bytes(&bytes)
}

/// The facts of a session file's content, or `None` when it is not a readable session.
pub fn facts_of_bytes(bytes: &[u8]) -> Option<Facts> {
    light(bytes).or_else(|| store::parse_raw(bytes).ok().map(|s| Facts::of(&s)))
}

/// The light path: `None` for anything it does not expect.
pub(super) fn light(bytes: &[u8]) -> Option<Facts> {
    let (s, text): (Light, _) = project_session(bytes, TOP, TOP_SPEC)?;
    // Required by `Session` but skipped here: a file without it is not a session. The
    // method comes after every field read, so it is only looked for, as the pretty form
    // writes it; written otherwise, the file goes the ordinary way.
    if !text.contains(METHOD_FIELD) {
        return None;
    }
    // The language is written only when it is not French, and near the top, as the pretty
    // form writes it; written otherwise, the file goes the ordinary way.
    let lang = if text.contains(LANG_EN) {
        crate::i18n::Lang::En
    } else if text.contains("\n    lang:") {
        return None;
    } else {
        crate::i18n::Lang::Fr
    };
    Some(Facts {
        id: s.id,
        saved: s.saved,
        group_name: label(&s.group.name, lang),
        host: label(&s.group.host, lang),
        advisor: label(&s.group.advisor, lang),
        group: s.group.id,
        number: s.number,
        date: s.date,
        closed: s.state == SessionState::Closed,
        trade: s.group.trade,
        region: s.group.region,
        members: s
            .group
            .members
            .iter()
            .map(|m| MemberFacts {
                id: m.id.clone(),
                joined: m.joined,
                left: m.left,
                reason: m.left_reason.as_ref().map(Leaving::of),
                gender: m.gender,
                status: m.legal_status,
            })
            .collect(),
        usefulness: scores(s.closing.usefulness.iter(), &s.checkin.attendance),
        projects: s.group.projects.iter().map(|p| p.status).collect(),
        attendance: s.checkin.attendance.clone().into_iter().collect(),
        reviews: s
            .followup
            .reviews
            .into_iter()
            .map(|r| (r.action.id, r.status))
            .collect(),
        themes: masked_themes(
            s.needs.themes.iter().map(|t| (&t.title, &t.category)),
            crate::export::people(
                s.group
                    .members
                    .iter()
                    .map(|m| (m.name.as_str(), m.business.as_str())),
                &s.group.advisor,
                s.checkin.guests.iter().map(|g| g.text.as_str()),
                lang,
            ),
            lang,
        ),
        actions: actions_of(
            s.plan
                .actions
                .iter()
                .map(|a| (&a.id, a.due, a.idea.as_ref())),
            &s.solutions
                .ideas
                .iter()
                .map(|i| (&i.id, i.kind))
                .collect::<Vec<_>>(),
        ),
    })
}

/// The top-level fields the report reads; the others are skipped. Once they (and `created`)
/// are met, nothing more is needed (the history, most of a file, comes after). Fields in
/// another order only make the scan longer.
const TOP: &[&str] = &[
    "version",
    "id",
    "number",
    "date",
    "state",
    "saved",
    "group",
    "checkin",
    "followup",
    "needs",
    "solutions",
    "plan",
    "closing",
];
const METHOD_FIELD: &str = "\n    method: (";
const LANG_EN: &str = "\n    lang: En,\n";

const ID: Spec = Spec::Struct(&[("id", Spec::All)]);
/// Within the top-level fields kept, only what the light types read: names, phones, texts
/// and comments are skipped unparsed.
const TOP_SPEC: &[(&str, Spec)] = &[
    (
        "group",
        Spec::Struct(&[
            ("id", Spec::All),
            ("name", Spec::All),
            ("trade", Spec::All),
            ("region", Spec::All),
            ("host", Spec::All),
            ("advisor", Spec::All),
            (
                "members",
                Spec::List(&Spec::Struct(&[
                    ("id", Spec::All),
                    ("name", Spec::All),
                    ("business", Spec::All),
                    ("joined", Spec::All),
                    ("left", Spec::All),
                    ("left_reason", Spec::All),
                    ("gender", Spec::All),
                    ("legal_status", Spec::All),
                ])),
            ),
            (
                "projects",
                Spec::List(&Spec::Struct(&[("status", Spec::All)])),
            ),
        ]),
    ),
    (
        "checkin",
        Spec::Struct(&[
            ("attendance", Spec::All),
            ("guests", Spec::List(&Spec::Struct(&[("text", Spec::All)]))),
        ]),
    ),
    (
        "followup",
        Spec::Struct(&[(
            "reviews",
            Spec::List(&Spec::Struct(&[("action", ID), ("status", Spec::All)])),
        )]),
    ),
    (
        "needs",
        Spec::Struct(&[(
            "themes",
            Spec::List(&Spec::Struct(&[
                ("title", Spec::All),
                ("category", Spec::All),
            ])),
        )]),
    ),
    (
        "solutions",
        Spec::Struct(&[(
            "ideas",
            Spec::List(&Spec::Struct(&[("id", Spec::All), ("kind", Spec::All)])),
        )]),
    ),
    (
        "plan",
        Spec::Struct(&[(
            "actions",
            Spec::List(&Spec::Struct(&[
                ("id", Spec::All),
                ("due", Spec::All),
                ("idea", Spec::All),
            ])),
        )]),
    ),
    ("closing", Spec::Struct(&[("usefulness", Spec::All)])),
];

#[derive(Deserialize)]
struct Light {
    version: u32,
    id: Id,
    number: u32,
    date: NaiveDate,
    #[serde(default)]
    state: SessionState,
    saved: chrono::DateTime<chrono::Utc>,
    group: LightGroup,
    #[serde(default)]
    checkin: LightCheckIn,
    #[serde(default)]
    followup: LightFollowUp,
    #[serde(default)]
    needs: LightNeeds,
    #[serde(default)]
    solutions: LightSolutions,
    #[serde(default)]
    plan: LightPlan,
    #[serde(default)]
    closing: LightClosing,
}

impl LightSession for Light {
    fn version(&self) -> u32 {
        self.version
    }
}

#[derive(Deserialize)]
struct LightGroup {
    id: Id,
    name: String,
    trade: String,
    #[serde(default)]
    region: Region,
    #[serde(default)]
    host: String,
    #[serde(default)]
    advisor: String,
    #[serde(default)]
    members: Vec<LightMember>,
    #[serde(default)]
    projects: Vec<LightProject>,
}

#[derive(Deserialize)]
struct LightProject {
    status: ProjectStatus,
}

#[derive(Deserialize)]
struct LightMember {
    id: Id,
    name: String,
    #[serde(default)]
    business: String,
    #[serde(default)]
    joined: Option<NaiveDate>,
    #[serde(default)]
    left: Option<NaiveDate>,
    #[serde(default)]
    left_reason: Option<LeaveReason>,
    #[serde(default)]
    gender: Option<Gender>,
    #[serde(default)]
    legal_status: Option<LegalStatus>,
}

#[derive(Deserialize, Default)]
struct LightCheckIn {
    #[serde(default)]
    attendance: BTreeMap<Id, Attendance>,
    #[serde(default)]
    guests: Vec<LightGuest>,
}

#[derive(Deserialize)]
struct LightGuest {
    text: String,
}

#[derive(Deserialize, Default)]
struct LightFollowUp {
    #[serde(default)]
    reviews: Vec<LightReview>,
}

#[derive(Deserialize)]
struct LightReview {
    action: LightAction,
    #[serde(default)]
    status: Option<ActionStatus>,
}

#[derive(Deserialize)]
struct LightAction {
    id: Id,
}

#[derive(Deserialize, Default)]
struct LightNeeds {
    #[serde(default)]
    themes: Vec<LightTheme>,
}

#[derive(Deserialize)]
struct LightTheme {
    title: String,
    #[serde(default)]
    category: Option<String>,
}

#[derive(Deserialize, Default)]
struct LightPlan {
    #[serde(default)]
    actions: Vec<LightPlanned>,
}

#[derive(Deserialize)]
struct LightPlanned {
    id: Id,
    #[serde(default)]
    due: Option<NaiveDate>,
    #[serde(default)]
    idea: Option<Id>,
}

#[derive(Deserialize, Default)]
struct LightSolutions {
    #[serde(default)]
    ideas: Vec<LightIdea>,
}

#[derive(Deserialize)]
struct LightIdea {
    id: Id,
    #[serde(default)]
    kind: Option<IdeaKind>,
}

#[derive(Deserialize, Default)]
struct LightClosing {
    #[serde(default)]
    usefulness: BTreeMap<Id, u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_path_reads_what_the_full_parse_reads() {
        for (s, text) in store::project::saved_samples() {
            let light = light(text.as_bytes()).expect("the light path reads a saved session");
            assert_eq!(light, Facts::of(&s));
        }
    }
}
