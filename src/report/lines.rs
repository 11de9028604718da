//! The programme's indicators of one row as lines: a label, the value as Markdown shows it,
//! the CSV rows (item, count, of, percent) and the footnote that says what it counts.

use super::Figures;
use super::figures::{KINDS, LEAVINGS};
use super::read::Leaving;
use crate::i18n::{IndicatorStrings, Lang, fill};
use crate::model::life::ProjectStatus;
use crate::model::{IdeaKind, LegalStatus};
use strum::VariantArray;

pub(super) struct Line {
    /// The footnote's id: lines of one kind (size bands, statuses) share one.
    pub key: &'static str,
    pub label: String,
    pub value: String,
    /// Item, count, of, percent.
    pub csv: Vec<[String; 4]>,
}

/// Each footnote's id and text, in the order of the lines.
pub(super) fn definitions(t: &IndicatorStrings) -> Vec<(&'static str, &'static str)> {
    vec![
        ("groups", t.def_groups_active),
        ("started", t.def_groups_started),
        ("ended", t.def_groups_ended),
        ("size", t.def_size),
        ("members", t.def_members),
        ("active", t.def_active),
        ("joined", t.def_joined),
        ("left", t.def_left),
        ("women", t.def_women),
        ("status", t.def_status),
        ("meetings", t.def_meetings),
        ("per-month", t.def_per_group_month),
        ("attendance", t.def_attendance),
        ("small", t.def_small),
        ("usefulness", t.def_usefulness),
        ("planned", t.def_planned),
        ("done", t.def_done),
        ("dropped", t.def_dropped),
        ("open", t.def_open),
        ("overdue", t.def_overdue),
        ("median", t.def_median),
        ("kind", t.def_kind),
        ("projects", t.def_projects),
        ("activities", t.def_activities),
        ("participants", t.def_participants),
        ("visits", t.def_visits),
        ("visited", t.def_visited),
        ("diagnosed", t.def_diagnosed),
        ("change", t.def_change),
        ("jobs", t.def_jobs),
    ]
}

/// The definition of a footnote id.
pub(super) fn definition(t: &IndicatorStrings, key: &str) -> &'static str {
    definitions(t)
        .into_iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, d)| d)
}

/// `part / whole` with `places` decimals in the language's notation; empty for nothing.
pub(super) fn ratio(part: f64, whole: f64, places: usize, lang: Lang) -> String {
    if whole == 0.0 {
        return String::new();
    }
    let sep = lang.strings().report.decimal_separator;
    format!("{:.*}", places, part / whole).replace('.', sep)
}

pub(super) fn lines(f: &Figures, lang: Lang) -> Vec<Line> {
    let s = lang.strings();
    let r = s.report;
    let t = r.figures;
    let nothing = r.nothing;
    let mut out: Vec<Line> = Vec::new();
    let n = |v: usize| v.to_string();
    let plain = |out: &mut Vec<Line>, key, label: String, v: usize| {
        out.push(Line {
            key,
            csv: vec![[label.clone(), n(v), String::new(), String::new()]],
            label,
            value: n(v),
        });
    };
    plain(&mut out, "groups", t.groups_active.into(), f.groups);
    plain(
        &mut out,
        "started",
        t.groups_started.into(),
        f.groups_started,
    );
    plain(&mut out, "ended", t.groups_ended.into(), f.groups_ended);
    for (label, v) in [t.band_small, t.band_mid, t.band_large, t.band_over]
        .into_iter()
        .zip(f.size_bands)
    {
        plain(&mut out, "size", label.into(), v);
    }
    plain(&mut out, "members", t.members.into(), f.members);
    let share = |out: &mut Vec<Line>, key, label: String, part: usize, whole: usize| {
        let pct = ratio(part as f64 * 100.0, whole as f64, 1, lang);
        let shown = if whole == 0 {
            nothing.to_string()
        } else {
            fill(
                r.percent,
                &[&ratio(part as f64 * 100.0, whole as f64, 0, lang)],
            )
        };
        out.push(Line {
            key,
            value: fill(r.count_share, &[&part, &shown]),
            csv: vec![[label.clone(), n(part), n(whole), pct]],
            label,
        });
    };
    share(
        &mut out,
        "active",
        r.active_members.into(),
        f.active,
        f.members,
    );
    plain(&mut out, "joined", t.joined.into(), f.joined);
    for (why, v) in LEAVINGS.iter().zip(f.left) {
        let label = match why {
            Some(Leaving::Moved) => t.left_moved,
            Some(Leaving::Stopped) => t.left_stopped,
            Some(Leaving::Excluded) => t.left_excluded,
            Some(Leaving::Other) => t.left_other,
            None => t.left_unsaid,
        };
        plain(&mut out, "left", label.into(), v);
    }
    share(&mut out, "women", t.women.into(), f.women, f.members);
    for (i, v) in f.statuses.iter().enumerate() {
        let name = LegalStatus::VARIANTS
            .get(i)
            .map_or(t.status_unset, |st| st.label(s));
        share(&mut out, "status", fill(t.status, &[&name]), *v, f.members);
    }
    plain(&mut out, "meetings", t.meetings.into(), f.sessions);
    let per = ratio(f.sessions as f64, f.group_months as f64, 2, lang);
    out.push(Line {
        key: "per-month",
        label: t.per_group_month.into(),
        value: if per.is_empty() {
            nothing.into()
        } else {
            per.clone()
        },
        csv: vec![[
            t.per_group_month.into(),
            n(f.sessions),
            n(f.group_months),
            per,
        ]],
    });
    // A rate reads as one: "78 % (28 of 36)", not a count first.
    let expected = f.expected();
    out.push(Line {
        key: "attendance",
        label: t.attendance.into(),
        value: if expected == 0 {
            nothing.to_string()
        } else {
            let pct = ratio(f.present as f64 * 100.0, expected as f64, 0, lang);
            fill(
                t.rate_value,
                &[&fill(r.percent, &[&pct]), &f.present, &expected],
            )
        },
        csv: vec![[
            t.attendance.into(),
            n(f.present),
            n(expected),
            ratio(f.present as f64 * 100.0, expected as f64, 1, lang),
        ]],
    });
    share(
        &mut out,
        "small",
        t.small_meetings.into(),
        f.small_meetings,
        f.sessions,
    );
    let avg = ratio(f.usefulness_sum as f64, f.usefulness_count as f64, 1, lang);
    out.push(Line {
        key: "usefulness",
        label: t.usefulness.into(),
        value: if avg.is_empty() {
            nothing.into()
        } else {
            avg.clone()
        },
        csv: vec![[
            t.usefulness.into(),
            n(f.usefulness_sum),
            n(f.usefulness_count),
            avg,
        ]],
    });
    plain(&mut out, "planned", t.planned.into(), f.planned);
    share(&mut out, "done", t.done.into(), f.done, f.planned);
    share(&mut out, "dropped", t.dropped.into(), f.dropped, f.planned);
    share(&mut out, "open", t.open.into(), f.open(), f.planned);
    share(&mut out, "overdue", t.overdue.into(), f.overdue, f.planned);
    let median = f.median_days().map(|d| {
        let sep = r.decimal_separator;
        let text = if d.fract() == 0.0 {
            format!("{d:.0}")
        } else {
            format!("{d:.1}")
        };
        text.replace('.', sep)
    });
    out.push(Line {
        key: "median",
        label: t.median_days.into(),
        value: median
            .as_ref()
            .map_or(nothing.into(), |d| fill(t.days, &[d])),
        csv: vec![[
            t.median_days.into(),
            median.unwrap_or_default(),
            n(f.done_days.len()),
            String::new(),
        ]],
    });
    for (kind, (planned, done)) in KINDS.iter().zip(f.by_kind) {
        let name = IdeaKind::label(*kind, s);
        let label = fill(t.kind, &[&name]);
        out.push(Line {
            key: "kind",
            value: fill(t.done_of, &[&done, &planned]),
            csv: vec![[
                label.clone(),
                n(done),
                n(planned),
                ratio(done as f64 * 100.0, planned as f64, 1, lang),
            ]],
            label,
        });
    }
    for (st, v) in ProjectStatus::VARIANTS.iter().zip(&f.projects) {
        plain(
            &mut out,
            "projects",
            fill(t.projects, &[&st.label(s.life)]),
            *v,
        );
    }
    plain(&mut out, "activities", t.activities.into(), f.activities);
    plain(
        &mut out,
        "participants",
        t.participants.into(),
        f.participants,
    );
    plain(&mut out, "visits", t.visits.into(), f.visits);
    plain(&mut out, "visited", t.visited.into(), f.visited);
    plain(&mut out, "diagnosed", t.diagnosed.into(), f.diagnosed);
    for (label, (before, after)) in [t.formal, t.cnss, t.bank, t.credit]
        .into_iter()
        .zip(f.changes)
    {
        let whole = f.diagnosed;
        let row = |when: &str, v: usize| {
            [
                format!("{label} ({when})"),
                n(v),
                n(whole),
                ratio(v as f64 * 100.0, whole as f64, 1, lang),
            ]
        };
        out.push(Line {
            key: "change",
            label: label.into(),
            value: fill(t.change_value, &[&before, &after, &whole]),
            csv: vec![row(t.baseline, before), row(t.followup, after)],
        });
    }
    let (before, after) = f.jobs;
    out.push(Line {
        key: "jobs",
        label: t.jobs.into(),
        value: format!("{before} → {after}"),
        csv: vec![
            [
                format!("{} ({})", t.jobs, t.baseline),
                before.to_string(),
                n(f.diagnosed),
                String::new(),
            ],
            [
                format!("{} ({})", t.jobs, t.followup),
                after.to_string(),
                n(f.diagnosed),
                String::new(),
            ],
        ],
    });
    out
}

/// Each footnote's id, the name of its figure (of its lines, for lines of one kind) and
/// its definition, in the order of the lines: the README's table and the HTML footnotes.
pub(super) fn named_definitions(lang: Lang) -> Vec<(&'static str, String, &'static str)> {
    let t = lang.strings().report.figures;
    let lines = lines(&Figures::default(), lang);
    definitions(t)
        .into_iter()
        .map(|(key, def)| {
            let name = match key {
                "size" => t.name_size.to_string(),
                "left" => t.name_left.to_string(),
                "status" => t.name_status.to_string(),
                "kind" => t.name_kind.to_string(),
                "projects" => t.name_projects.to_string(),
                "change" => t.name_change.to_string(),
                _ => lines
                    .iter()
                    .find(|l| l.key == key)
                    .map_or_else(String::new, |l| l.label.clone()),
            };
            (key, name, def)
        })
        .collect()
}

/// The definitions as a Markdown table, one row per figure (lines of one kind together):
/// what the README shows, generated so that it never drifts from the report.
pub fn definitions_table(lang: Lang) -> String {
    let t = lang.strings().report.figures;
    let mut out = format!("| {} | {} |\n|---|---|\n", t.figure, t.counts);
    for (_, name, def) in named_definitions(lang) {
        out.push_str(&format!(
            "| {} | {} |\n",
            crate::escape::markdown_cell(&name),
            crate::escape::markdown_cell(def)
        ));
    }
    out
}
