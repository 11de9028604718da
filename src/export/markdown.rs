//! The Markdown minutes: headings, paragraphs and nested lists from the document's lines,
//! the action plan as a table, user text backslash-escaped.

use super::sections::{action_headers, action_rows, footer, sections};
use crate::i18n::Lang;
use crate::method::PhaseKind;
use crate::model::Session;
use crate::show::LineKind;

use crate::escape::{markdown as md_escape, markdown_heading as md_inline};

pub(super) fn markdown(s: &Session, lang: Lang, anonymized: bool) -> String {
    let colon = lang.strings().store.show.colon;
    let mut out = String::new();
    let mut ctx: u8 = 0;
    let mut in_list = false;
    let mut table_done = false;
    let block = |out: &mut String, in_list: &mut bool, list: bool| {
        if (*in_list != list || !list) && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        *in_list = list;
    };
    for (phase, line) in sections(s, lang) {
        if phase == Some(PhaseKind::ActionPlan) && !s.plan.actions.is_empty() {
            if line.kind == LineKind::Heading {
                block(&mut out, &mut in_list, false);
                out.push_str(&format!("## {}\n", md_inline(&line.text)));
            } else if !table_done {
                table_done = true;
                block(&mut out, &mut in_list, false);
                let h = action_headers(lang);
                out.push_str(&format!("| {} |\n", h.join(" | ")));
                out.push_str(&format!("|{}\n", "---|".repeat(h.len())));
                for row in action_rows(s, lang) {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| md_escape(c).replace('\n', "<br>"))
                        .collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
            }
            continue;
        }
        let text = match line.kind {
            LineKind::Title | LineKind::Heading | LineKind::Subheading => md_inline(&line.text),
            _ => md_escape(&line.text),
        };
        match line.kind {
            LineKind::Title => {
                block(&mut out, &mut in_list, false);
                ctx = line.indent;
                out.push_str(&format!("# {text}\n"));
            }
            LineKind::Heading => {
                block(&mut out, &mut in_list, false);
                ctx = line.indent;
                out.push_str(&format!("## {text}\n"));
            }
            LineKind::Subheading => {
                block(&mut out, &mut in_list, false);
                ctx = line.indent;
                out.push_str(&format!("### {text}\n"));
            }
            kind => {
                let depth = usize::from(line.indent.saturating_sub(ctx + 1));
                let content = match kind {
                    LineKind::Field if !line.label.is_empty() => {
                        format!("**{}{}** {text}", md_inline(&line.label), colon.trim_end())
                    }
                    LineKind::Muted => format!("*{text}*"),
                    _ => text,
                };
                let list = kind == LineKind::Item || depth > 0;
                block(&mut out, &mut in_list, list);
                if list {
                    out.push_str(&"  ".repeat(depth));
                    out.push_str("- ");
                }
                out.push_str(content.trim_end());
                out.push('\n');
            }
        }
    }
    block(&mut out, &mut in_list, false);
    out.push_str("---\n\n");
    for f in footer(lang, anonymized) {
        out.push_str(&format!("*{}*\n\n", md_inline(f)));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
