//! User text made HTML, as the minutes (`html.rs`) and their attendance sheet (`sheet.rs`)
//! both write it: escaped, right-to-left runs isolated, marked in the session's language.

use crate::i18n::Lang;
use crate::model::Session;

pub use crate::escape::html as html_escape;

/// User text for HTML: escaped, each right-to-left run isolated in `<bdi>` (see `bidi`).
pub(crate) fn html_text(text: &str) -> String {
    crate::bidi::isolate_rtl(text, html_escape, |run| {
        format!("<bdi>{}</bdi>", html_escape(run))
    })
}

/// User text (already made HTML) in the session's own language, marked where it differs
/// from the page's.
pub(super) fn in_session_lang(s: &Session, lang: Lang, html: String) -> String {
    if s.lang == lang || html.is_empty() {
        html
    } else {
        format!("<span lang=\"{}\">{html}</span>", s.lang.code())
    }
}
