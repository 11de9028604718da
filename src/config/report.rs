//! `atelier config`: where the file is looked for, and each setting with where it comes from.

use super::{FileState, Source, Startup};
use crate::i18n::{Lang, Strings, fill};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// `atelier config`: where the file is looked for, then each setting with its value and
/// where it comes from; `--path` the path alone, `--example` a commented file to copy.
/// Exit 1 when something was ignored (said on stderr), so a script can check a file.
pub fn report(startup: &Startup, path_only: bool, example: bool) -> ExitCode {
    let s = startup.settings.lang.value.strings();
    let c = s.config;
    let mut out = String::new();
    if example {
        out.push_str(c.example);
        print(&out);
        return ExitCode::SUCCESS;
    }
    let Some(loc) = &startup.location else {
        eprintln!("{}", c.no_file_place);
        return ExitCode::from(2);
    };
    if path_only {
        out.push_str(&format!("{}\n", loc.path.display()));
        print(&out);
        return ExitCode::SUCCESS;
    }
    let mut state = match &startup.file {
        FileState::Absent => c.file_absent.to_string(),
        FileState::Read => c.file_read.to_string(),
        FileState::Ignored(_) => c.file_ignored.to_string(),
    };
    if loc.from != Source::Default {
        state = format!(
            "{state}, {}",
            fill(c.file_named_by, &[&source(s, loc.from)])
        );
    }
    out.push_str(&fill(c.file_line, &[&loc.path.display(), &state]));
    out.push('\n');
    let lines = lines(startup, s);
    let label_w = lines.iter().map(|(l, _, _)| l.width()).max().unwrap_or(0);
    // Sources in a column, unless a value (a long folder) would push it too far.
    let value_w = lines
        .iter()
        .map(|(_, v, _)| v.width())
        .filter(|w| *w <= 24)
        .max()
        .unwrap_or(0);
    for (label, value, from) in lines {
        let pad = |text: &str, w: usize| " ".repeat(w.saturating_sub(text.width()));
        out.push_str(&format!("  {label}{}  {value}", pad(label, label_w)));
        if let Some(from) = from {
            out.push_str(&format!("{}  ({})", pad(&value, value_w), source(s, from)));
        }
        out.push('\n');
    }
    print(&out);
    let problems = startup.problems();
    for p in &problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Each setting as (label, value, source); the colours have no source but `NO_COLOR`.
fn lines(startup: &Startup, s: &Strings) -> Vec<(&'static str, String, Option<Source>)> {
    let c = s.config;
    let set = &startup.settings;
    let lang = set.lang.value;
    let code = match set.lang.value {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let colours = if set.no_color {
        c.colours_off
    } else {
        c.colours_on
    };
    let dir = match &set.sessions_dir.value {
        Some(d) => d.display().to_string(),
        None => match crate::store::choose_dir(None, None) {
            Ok(d) => fill(c.dir_os, &[&d.display()]),
            Err(e) => e.message(s),
        },
    };
    let core = crate::model::dated::CORE_QUESTIONS.len();
    let questions = match &startup.diagnosis {
        Ok(q) => fill(c.questions_count, &[&core, &(q.len().saturating_sub(core))]),
        Err(_) => fill(c.questions_count, &[&core, &0]),
    };
    let questions = match &set.diagnosis_questions.value {
        Some(p) => format!("{questions} ({})", p.display()),
        None => questions,
    };
    let advisor = if set.advisor.value.is_empty() {
        c.advisor_none.to_string()
    } else {
        set.advisor.value.clone()
    };
    vec![
        (c.label_lang, code.to_string(), Some(set.lang.from)),
        (
            c.label_theme,
            set.theme.value.label(lang).to_string(),
            Some(set.theme.from),
        ),
        (c.label_colours, colours.to_string(), None),
        (
            c.label_budget,
            set.dot_budget.value.to_string(),
            Some(set.dot_budget.from),
        ),
        // The OS's folder says where it comes from in its value.
        (
            c.label_dir,
            dir,
            set.sessions_dir
                .value
                .as_ref()
                .map(|_| set.sessions_dir.from),
        ),
        (c.label_advisor, advisor, Some(set.advisor.from)),
        (
            c.label_questions,
            questions,
            Some(set.diagnosis_questions.from),
        ),
    ]
}

fn source(s: &Strings, from: Source) -> String {
    let c = s.config;
    match from {
        Source::Flag(name) => fill(c.from_flag, &[&format!("--{name}")]),
        Source::Env(var) => fill(c.from_env, &[&var]),
        Source::File => c.from_file.to_string(),
        Source::Default => c.from_default.to_string(),
    }
}

/// To stdout, ignoring a closed pipe (`atelier config | head`).
fn print(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
