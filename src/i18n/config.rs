//! Strings of the themes and of the configuration file: its errors, `atelier config`, the
//! `--theme` and `--config` options.

#[derive(Debug)]
pub struct ConfigStrings {
    pub theme_dark: &'static str,
    pub theme_light: &'static str,
    pub theme_high_contrast: &'static str,

    // Why the file is ignored: `ignored` for stderr (`{}` the place `file:line:column`, then
    // the problem), `flash` for the first screen (the file's name and place, the problem:
    // what matters first, as a narrow screen cuts the end).
    pub ignored: &'static str,
    pub flash: &'static str,
    pub not_found: &'static str,
    /// `{}`: the system's reason.
    pub unreadable: &'static str,
    /// `{}`: the field found, then the fields there are.
    pub unknown_field: &'static str,
    pub unknown_theme: &'static str,
    pub unknown_lang: &'static str,
    /// `{}`: the number found, then the largest allowed.
    pub budget_range: &'static str,
    pub duplicate: &'static str,
    /// `{}`: `theme` or `lang`, written as a string instead of a bare name.
    pub quoted: &'static str,
    pub no_parens: &'static str,
    /// `{}`: the RON parser's own words.
    pub syntax: &'static str,
    /// `{}`: the variable, its value, the values it can take.
    pub env_ignored: &'static str,
    /// The programme's diagnosis questions left aside: `{}` the file (and place), the problem.
    pub questions_ignored: &'static str,
    /// `{}`: the id used twice.
    pub questions_duplicate: &'static str,
    pub questions_incomplete: &'static str,
    /// `{}`: the question's id.
    pub questions_no_choices: &'static str,

    // `atelier config`
    /// `{}`: the file's path, then what became of it.
    pub file_line: &'static str,
    pub file_absent: &'static str,
    pub file_read: &'static str,
    pub file_ignored: &'static str,
    /// `{}`: the option or variable that named the file.
    pub file_named_by: &'static str,
    pub no_file_place: &'static str,
    pub label_lang: &'static str,
    pub label_theme: &'static str,
    pub label_colours: &'static str,
    pub label_budget: &'static str,
    pub label_dir: &'static str,
    pub label_advisor: &'static str,
    pub label_questions: &'static str,
    /// `{}`: how many the core has, then how many the programme adds.
    pub questions_count: &'static str,
    pub colours_on: &'static str,
    pub colours_off: &'static str,
    pub advisor_none: &'static str,
    /// The sessions folder when nothing sets one: `{}` is the OS data folder.
    pub dir_os: &'static str,
    /// `{}`: `--lang`, `--theme`...
    pub from_flag: &'static str,
    /// `{}`: the variable's name.
    pub from_env: &'static str,
    pub from_file: &'static str,
    pub from_default: &'static str,
    /// A commented example file, printed by `atelier config --example`.
    pub example: &'static str,

    // Command-line help
    pub help_theme: &'static str,
    pub help_config: &'static str,
    pub help_config_cmd: &'static str,
    pub help_config_path: &'static str,
    pub help_config_example: &'static str,
}

pub const FR: ConfigStrings = ConfigStrings {
    theme_dark: "sombre",
    theme_light: "clair",
    theme_high_contrast: "contraste élevé",

    ignored: "{} : fichier de configuration ignoré : {}. atelier démarre avec les réglages par défaut ; corrigez le fichier (« atelier config --example » en montre un modèle).",
    flash: "{} : {} — configuration ignorée, réglages par défaut (voir atelier config)",
    not_found: "fichier introuvable (désigné par --config ou ATELIER_CONFIG)",
    unreadable: "illisible ({})",
    unknown_field: "champ inconnu « {} » (champs possibles : {})",
    unknown_theme: "thème inconnu « {} » (possibles : Dark, Light, HighContrast)",
    unknown_lang: "langue inconnue « {} » (possibles : Fr, En)",
    budget_range: "dot_budget vaut {} : il faut un nombre de 1 à {}",
    duplicate: "le champ « {} » est donné deux fois",
    quoted: "{} s'écrit sans guillemets, par exemple theme: HighContrast ou lang: Fr",
    no_parens: "les réglages s'écrivent entre parenthèses : (lang: Fr, theme: Dark)",
    syntax: "valeur ou syntaxe incorrecte ({})",
    env_ignored: "{}={} ignoré : valeurs possibles {}.",
    questions_ignored: "{} : questions de diagnostic du programme laissées de côté : {}. Les nouveaux diagnostics posent les questions de base seules ; corrigez le fichier.",
    questions_duplicate: "l'identifiant « {} » est déjà pris (par une question de base ou une autre du fichier) : une question du programme ne peut ni retirer ni changer une question de base",
    questions_incomplete: "une question n'a pas d'identifiant ou pas de libellé en français et en anglais",
    questions_no_choices: "la question « {} » est un choix sans aucune réponse possible",

    file_line: "Fichier de configuration : {} ({})",
    file_absent: "absent : les valeurs par défaut s'appliquent",
    file_read: "lu",
    file_ignored: "ignoré, voir ci-dessous",
    file_named_by: "désigné par {}",
    no_file_place: "Fichier de configuration : aucun dossier personnel où le chercher (HOME n'est pas défini).",
    label_lang: "langue",
    label_theme: "thème",
    label_colours: "couleurs",
    label_budget: "gommettes par membre",
    label_dir: "dossier des séances",
    label_advisor: "conseiller",
    label_questions: "questions de diagnostic",
    questions_count: "{} de base + {} du programme",
    colours_on: "oui",
    colours_off: "non (NO_COLOR)",
    advisor_none: "(aucun)",
    dir_os: "{} (dossier de données du système)",
    from_flag: "option {}",
    from_env: "variable {}",
    from_file: "fichier de configuration",
    from_default: "par défaut",
    example: "// Configuration d'atelier. Chaque champ est facultatif ; les options de la ligne de\n// commande et les variables d'environnement passent avant ce fichier.\n(\n    // Langue de l'interface : Fr ou En.\n    lang: Fr,\n    // Thème : Dark (sombre), Light (terminal clair) ou HighContrast (vidéoprojecteur).\n    theme: Dark,\n    // Gommettes par membre pour le vote des nouvelles séances (1 à 99).\n    dot_budget: 3,\n    // Dossier des séances ; ~/ est le dossier personnel.\n    sessions_dir: \"~/atelier/seances\",\n    // Conseiller prérempli pour les nouveaux groupes.\n    advisor: \"Samira Benjelloun\",\n    // Questions de diagnostic propres au programme, ajoutées aux questions de base\n    // (un fichier RON, voir le README) ; sans ce champ, les questions de base seules.\n    // diagnosis_questions: \"~/atelier/questions-programme.ron\",\n)\n",

    help_theme: "Thème : dark (sombre), light (terminal clair) ou high-contrast (vidéoprojecteur) ; par défaut : ATELIER_THEME, sinon le fichier de configuration",
    help_config: "Lire ce fichier de configuration au lieu de config.ron du dossier de configuration (ou de ATELIER_CONFIG)",
    help_config_cmd: "Afficher où est cherché le fichier de configuration et les réglages en vigueur, avec leur origine",
    help_config_path: "Afficher seulement le chemin du fichier de configuration",
    help_config_example: "Afficher un fichier de configuration commenté, à copier",
};

pub const EN: ConfigStrings = ConfigStrings {
    theme_dark: "dark",
    theme_light: "light",
    theme_high_contrast: "high contrast",

    ignored: "{}: configuration file ignored: {}. atelier starts with the default settings; fix the file (`atelier config --example` shows a model).",
    flash: "{}: {} — configuration ignored, default settings (see atelier config)",
    not_found: "file not found (named by --config or ATELIER_CONFIG)",
    unreadable: "cannot be read ({})",
    unknown_field: "unknown field `{}` (fields: {})",
    unknown_theme: "unknown theme `{}` (one of: Dark, Light, HighContrast)",
    unknown_lang: "unknown language `{}` (one of: Fr, En)",
    budget_range: "dot_budget is {}: it must be a number from 1 to {}",
    duplicate: "the field `{}` is given twice",
    quoted: "{} is written without quotes, for example theme: HighContrast or lang: En",
    no_parens: "the settings go between parentheses: (lang: En, theme: Dark)",
    syntax: "wrong value or syntax ({})",
    env_ignored: "{}={} ignored: possible values are {}.",
    questions_ignored: "{}: the programme's diagnosis questions left aside: {}. New diagnoses ask the core questions alone; fix the file.",
    questions_duplicate: "the id `{}` is taken (by a core question or another of the file): a programme's question can neither remove nor change a core one",
    questions_incomplete: "a question has no id, or no label in French and in English",
    questions_no_choices: "the question `{}` is a choice with no answer to choose",

    file_line: "Configuration file: {} ({})",
    file_absent: "absent: the defaults apply",
    file_read: "read",
    file_ignored: "ignored, see below",
    file_named_by: "named by {}",
    no_file_place: "Configuration file: no home folder to look in (HOME is not set).",
    label_lang: "language",
    label_theme: "theme",
    label_colours: "colours",
    label_budget: "dots per member",
    label_dir: "sessions folder",
    label_advisor: "advisor",
    label_questions: "diagnosis questions",
    questions_count: "{} core + {} of the programme",
    colours_on: "yes",
    colours_off: "no (NO_COLOR)",
    advisor_none: "(none)",
    dir_os: "{} (the system's data folder)",
    from_flag: "option {}",
    from_env: "variable {}",
    from_file: "configuration file",
    from_default: "default",
    example: "// atelier's configuration. Every field is optional; command-line options and\n// environment variables come before this file.\n(\n    // Language of the interface: Fr or En.\n    lang: En,\n    // Theme: Dark, Light (light terminal) or HighContrast (projector).\n    theme: Dark,\n    // Dots per member for the vote in new sessions (1 to 99).\n    dot_budget: 3,\n    // Sessions folder; ~/ is the home folder.\n    sessions_dir: \"~/atelier/sessions\",\n    // Advisor prefilled for new groups.\n    advisor: \"Samira Benjelloun\",\n    // The programme's own diagnosis questions, added after the core ones (a RON file, see\n    // the README); without this field, the core questions alone.\n    // diagnosis_questions: \"~/atelier/programme-questions.ron\",\n)\n",

    help_theme: "Theme: dark, light (light terminal) or high-contrast (projector); default: ATELIER_THEME, else the configuration file",
    help_config: "Read this configuration file instead of config.ron in the config folder (or ATELIER_CONFIG)",
    help_config_cmd: "Print where the configuration file is looked for and the settings in force, with where each comes from",
    help_config_path: "Print only the configuration file's path",
    help_config_example: "Print a commented configuration file, to copy",
};
