//! Conflict copies told by their names: atelier's own (`NAME.conflict-YYYYMMDD-HHMMSS.ron`,
//! see `tracked.rs`) and the ones sync tools make when two machines changed a file before
//! they met: Syncthing's `NAME.sync-conflict-YYYYMMDD-HHMMSS-XXXXXXX.ron`, Dropbox's and
//! Nextcloud's `NAME (conflicted copy …).ron` or `NAME (… conflicted copy …).ron`, older
//! ownCloud and Nextcloud clients' `NAME_conflict-YYYYMMDD-HHMMSS.ron`. A copy holds the same
//! session (or record) id as its file, so the listing and the report count the two once,
//! the one saved last; its name lets the lists and `check` say what it is.

use std::path::Path;

/// Who made a conflict copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyMaker {
    Atelier,
    Syncthing,
    /// Dropbox, Nextcloud, ownCloud: their names do not tell them apart.
    SyncTool,
}

/// What a conflict copy's name says: the name of the file it is a copy of, and who made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictName {
    pub of: String,
    pub maker: CopyMaker,
}

/// The conflict copy a file's name says it is; `None` for any other name.
pub fn conflict_name(path: &Path) -> Option<ConflictName> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".ron")?;
    let found = |of: &str, maker| {
        (!of.is_empty()).then(|| ConflictName {
            of: format!("{of}.ron"),
            maker,
        })
    };
    if let Some((of, rest)) = stem.rsplit_once(".sync-conflict-")
        && syncthing_tail(rest)
    {
        return found(of, CopyMaker::Syncthing);
    }
    if let Some((of, rest)) = stem.rsplit_once(".conflict-")
        && stamped(rest)
    {
        return found(of, CopyMaker::Atelier);
    }
    if let Some((of, rest)) = stem.rsplit_once("_conflict-")
        && stamped(rest)
    {
        return found(of, CopyMaker::SyncTool);
    }
    if let Some(inside) = stem.strip_suffix(')')
        && let Some((of, words)) = inside.rsplit_once(" (")
        && words.contains("conflicted copy")
    {
        return found(of, CopyMaker::SyncTool);
    }
    None
}

/// `YYYYMMDD-HHMMSS`, then nothing or `-N` (atelier's second copy in the same second).
fn stamped(rest: &str) -> bool {
    let Some(when) = rest.get(..15) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let after = &rest[15..];
    digits(&when[..8])
        && when.as_bytes()[8] == b'-'
        && digits(&when[9..])
        && (after.is_empty() || after.strip_prefix('-').is_some_and(digits))
}

/// `YYYYMMDD-HHMMSS-XXXXXXX`: the time, then the first 7 characters of the device's id.
fn syncthing_tail(rest: &str) -> bool {
    let Some((when, device)) = rest.rsplit_once('-') else {
        return false;
    };
    stamped(when) && device.len() == 7 && device.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str) -> Option<(String, CopyMaker)> {
        conflict_name(Path::new(name)).map(|c| (c.of, c.maker))
    }

    #[test]
    fn each_tool_s_copies_are_told_by_their_names() {
        let file = "2026-11-24_boulangers_s03_k3f9x2";
        let cases = [
            (
                format!("{file}.conflict-20261206-093012.ron"),
                CopyMaker::Atelier,
            ),
            (
                format!("{file}.conflict-20261206-093012-2.ron"),
                CopyMaker::Atelier,
            ),
            (
                format!("{file}.sync-conflict-20261206-093012-ABCDEF7.ron"),
                CopyMaker::Syncthing,
            ),
            (
                format!("{file} (conflicted copy 2026-12-06 093012).ron"),
                CopyMaker::SyncTool,
            ),
            (
                format!("{file} (Karim's conflicted copy 2026-12-06).ron"),
                CopyMaker::SyncTool,
            ),
            (
                format!("{file}_conflict-20261206-093012.ron"),
                CopyMaker::SyncTool,
            ),
        ];
        for (name, maker) in cases {
            assert_eq!(of(&name), Some((format!("{file}.ron"), maker)), "{name}");
        }
        for other in [
            format!("{file}.ron"),
            format!("{file}.sync-conflict-20261206-093012-ABCDEF7.ron.tmp"),
            format!("{file}.sync-conflict-garbage.ron"),
            format!("{file}.conflict-garbage.ron"),
            format!("{file} (copy).ron"),
            ".sync-conflict-20261206-093012-ABCDEF7.ron".to_string(),
        ] {
            assert_eq!(of(&other), None, "{other}");
        }
    }
}
