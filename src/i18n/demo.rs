//! Strings of `atelier demo` (the demo groups in a throwaway copy), `atelier follow` (a
//! second screen that follows a session another atelier is running) and of a sessions
//! folder atelier may only read.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DemoStrings {
    /// The line at the top of every screen of `atelier demo`.
    pub banner: &'static str,
    /// `atelier follow`, while the file is missing or cannot be read: the last good state
    /// stays on screen. `{}` is the reason.
    pub waiting: &'static str,
    /// The throwaway copy could not be made: `{}` is the folder, then the system's reason.
    pub copy_failed: &'static str,
    /// `atelier follow` without a session: `{}` is the folder.
    pub nothing_to_follow: &'static str,
    /// `atelier follow` could not read the folder: `{}` is the folder, then the reason.
    pub folder_unreadable: &'static str,
    /// The status line of a session in the demo, in place of "Saved": `{}` is the file
    /// in the throwaway copy.
    pub saved_in_copy: &'static str,
    /// The exports of the demo were written: `{}` is the folder, outside the copy.
    pub exported: &'static str,
    /// The line at the top of every screen when the sessions folder is read-only.
    pub read_only_banner: &'static str,
    /// A session of a read-only folder, opened: the status line and edits refused.
    pub read_only_session: &'static str,
    /// A new group or next session asked in a read-only folder: why, and what to do.
    pub read_only_refused: &'static str,
    /// Exports of a read-only folder's session were written: `{}` is the folder they went
    /// to, outside the sessions folder.
    pub read_only_exported: &'static str,
    pub help_demo: &'static str,
    pub help_follow: &'static str,
    pub help_follow_target: &'static str,
}

pub const FR: DemoStrings = DemoStrings {
    banner: "DÉMO — rien n'est enregistré dans vos séances",
    waiting: "En attente du fichier… ({}) : le dernier état lisible reste affiché.",
    copy_failed: "Impossible de préparer la copie de démonstration dans {} : {}. Libérez de \
                  la place ou choisissez un autre dossier temporaire (variable TMPDIR).",
    nothing_to_follow: "Aucune séance à suivre dans {}. Donnez un fichier ou un identifiant \
                        de séance, ou le dossier partagé avec --dir.",
    folder_unreadable: "Impossible de lire le dossier {} : {}. Vérifiez qu'il existe et que \
                        vous avez le droit de le lire, ou donnez-en un autre avec --dir.",
    saved_in_copy: "Copie de démonstration, effacée en quittant : {}",
    exported: "Exporté, gardé après la démo : {}",
    read_only_banner: "LECTURE SEULE — dossier des séances non modifiable",
    read_only_session: "Dossier en lecture seule : séance consultable et exportable, non modifiable.",
    read_only_refused: "Lecture seule : rien n'est créé ici. Relancez avec --dir CHEMIN modifiable.",
    read_only_exported: "Exporté ailleurs (lecture seule) : {}",
    help_demo: "Ouvrir les groupes de démonstration dans une copie jetable (vos séances ne sont \
                pas touchées)",
    help_follow: "Suivre une séance en lecture seule, en vue projection, redessinée à chaque \
                  enregistrement (second écran)",
    help_follow_target: "Le fichier ou l'identifiant de la séance (ou son début) ; par défaut \
                         la dernière enregistrée du dossier",
};

pub const EN: DemoStrings = DemoStrings {
    banner: "DEMO — your sessions are not touched",
    waiting: "Waiting for the file… ({}): the last readable state stays on screen.",
    copy_failed: "Could not prepare the demo copy in {}: {}. Free some space or choose \
                  another temporary folder (TMPDIR variable).",
    nothing_to_follow: "No session to follow in {}. Give a session file or id, or the shared \
                        folder with --dir.",
    folder_unreadable: "Could not read the folder {}: {}. Check that it exists and that you \
                        may read it, or give another one with --dir.",
    saved_in_copy: "Demo copy, removed on quitting: {}",
    exported: "Exported, kept after the demo: {}",
    read_only_banner: "READ-ONLY — this sessions folder cannot be changed",
    read_only_session: "Read-only folder: this session can be read and exported, not changed.",
    read_only_refused: "Read-only: no new session here. Start again with a writable --dir PATH.",
    read_only_exported: "Exported elsewhere (read-only folder): {}",
    help_demo: "Open the demo groups in a throwaway copy (your sessions are not touched)",
    help_follow: "Follow a session read-only in presenter view, redrawn whenever it is saved \
                  (a second screen)",
    help_follow_target: "The session's file or id (or its start); by default the folder's \
                         most recently saved one",
};
