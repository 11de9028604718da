//! Strings of `atelier demo` (the demo groups in a throwaway copy) and `atelier follow` (a
//! second screen that follows a session another atelier is running).

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
    help_demo: "Open the demo groups in a throwaway copy (your sessions are not touched)",
    help_follow: "Follow a session read-only in presenter view, redrawn whenever it is saved \
                  (a second screen)",
    help_follow_target: "The session's file or id (or its start); by default the folder's \
                         most recently saved one",
};
