//! `atelier export --tracker [--group NAME|ID]`: the action tracker of one group or of the
//! whole folder, for a spreadsheet (csv) or to send (md, html).

use super::read_dir_choice;
use crate::i18n::{Lang, fill};
use crate::model::Id;
use crate::store::{GroupEntry, Store};
use std::path::PathBuf;
use std::process::ExitCode;

/// The groups a `--group` query names, most precise rule first: the id, the start of the
/// id, the name (accents and case aside), a part of the name. The first rule that matches
/// anything decides, so "Couturières" picks that group even if "Couturières de Fès" exists.
pub fn groups_named<'a>(groups: &'a [GroupEntry<'a>], query: &str) -> Vec<&'a GroupEntry<'a>> {
    let q = crate::trades::fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let rules: [&dyn Fn(&GroupEntry) -> bool; 4] = [
        &|g| g.latest.group_id.as_str() == query.trim(),
        &|g| g.latest.group_id.as_str().starts_with(query.trim()),
        &|g| crate::trades::fold(&g.latest.group_name) == q,
        &|g| crate::trades::fold(&g.latest.group_name).contains(&q),
    ];
    rules
        .iter()
        .map(|rule| groups.iter().filter(|g| rule(g)).collect::<Vec<_>>())
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// Writes the tracker to stdout or to `output` (whole or not at all). Exit 1 when the group
/// is not found or the file cannot be written, 2 when the folder cannot be chosen.
pub(super) fn export(
    dir: Option<PathBuf>,
    group: Option<&str>,
    format: crate::export::Format,
    output: Option<PathBuf>,
    lang: Lang,
) -> ExitCode {
    let strings = lang.strings();
    let t = strings.tracker;
    let dir = match read_dir_choice(dir, strings) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let store = Store::new(&dir);
    let listing = store.list();
    let groups = listing.groups();
    let chosen: Vec<&Id> = match group {
        None => groups.iter().map(|g| &g.latest.group_id).collect(),
        Some(query) => match groups_named(&groups, query).as_slice() {
            [] => {
                eprintln!("{}", fill(t.no_group, &[&query, &dir.display()]));
                return ExitCode::from(1);
            }
            [one] => vec![&one.latest.group_id],
            many => {
                let names: Vec<String> = many
                    .iter()
                    .map(|g| format!("{} ({})", g.latest.group_name, g.latest.group_id.short()))
                    .collect();
                eprintln!("{}", fill(t.many_groups, &[&query, &names.join(", ")]));
                return ExitCode::from(1);
            }
        },
    };
    // The folder's groups by name, so that a spreadsheet's rows come in a findable order.
    let mut sessions: Vec<Vec<crate::model::Session>> = chosen
        .into_iter()
        .map(|g| store.group_sessions(&listing, g))
        .collect();
    sessions.sort_by_cached_key(|ss| {
        ss.first()
            .map(|s| crate::trades::fold(&s.group.name))
            .unwrap_or_default()
    });
    let today = chrono::Local::now().date_naive();
    let tracked = crate::export::track(sessions, lang, today);
    let text = crate::export::tracker(&tracked, format, lang, today, group.is_none());
    super::export_out(&text, output, lang)
}
