//! What the Markdown, HTML and CSV exports share: the document's lines tagged with their
//! phase, the action table's rows and headers, and the footer.

use crate::i18n::Lang;
use crate::method::PhaseKind;
use crate::model::Session;
use crate::show::{LineKind, ShowLine};

/// The document's lines with the phase each belongs to (None for the header), without the
/// planned/actual minutes of each phase, which are for the advisor.
pub(super) fn sections(s: &Session, lang: Lang) -> Vec<(Option<PhaseKind>, ShowLine)> {
    let mut out = Vec::new();
    let mut phase: Option<PhaseKind> = None;
    let mut index = 0;
    let mut after_heading = false;
    for line in crate::show::show(s, lang, false) {
        if line.kind == LineKind::Heading {
            phase = s.method.phases.get(index).map(|p| p.kind);
            index += 1;
            after_heading = true;
            out.push((phase, line));
            continue;
        }
        if after_heading && line.kind == LineKind::Muted {
            after_heading = false;
            continue;
        }
        after_heading = false;
        out.push((phase, line));
    }
    out
}

/// One row of the action table: action, owners, due date, means, indicator, linked idea.
pub(super) fn action_rows(s: &Session, lang: Lang) -> Vec<[String; 6]> {
    s.plan
        .actions
        .iter()
        .map(|a| {
            let owners: Vec<String> = a
                .owners
                .iter()
                .map(|o| crate::show::owner_name(s, o, lang))
                .collect();
            let idea = a
                .idea
                .as_ref()
                .and_then(|i| s.solutions.ideas.iter().find(|x| &x.id == i))
                .map_or(String::new(), |i| i.text.clone());
            [
                a.what.clone(),
                owners.join(", "),
                a.due.map(crate::dates::show).unwrap_or_default(),
                a.means.clone(),
                a.indicator.clone(),
                idea,
            ]
        })
        .collect()
}

pub(super) fn action_headers(lang: Lang) -> [&'static str; 6] {
    let (l, w) = (&lang.strings().store.show, lang.strings().export);
    [
        w.col_action,
        l.owners,
        l.due,
        l.means,
        l.indicator,
        l.from_idea,
    ]
}

pub(super) fn footer(lang: Lang, anonymized: bool) -> Vec<&'static str> {
    let w = lang.strings().export;
    let mut v = vec![w.footer];
    if anonymized {
        v.push(w.footer_anonymized);
    }
    v
}
