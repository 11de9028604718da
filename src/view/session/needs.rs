//! Need emergence: the cards as the group calls them out, the board where they are sorted
//! into themes, the vote, and the priority on top. On a narrow screen the pane that has the
//! focus fills the phase and its border names the others (Tab); on a larger one the cards sit
//! beside the board while they come in, and the board sits above the vote after.

mod board;
pub(crate) mod votes;

use super::panes::{self, author_name, counted};
use crate::i18n::fill;
use crate::keymap::{self, Action, Ctx};
use crate::layout;
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::model::{Author, Id, Session};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, fit, muted, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::collections::BTreeMap;

/// From this width on, the cards show the theme each one is in.
const THEME_COLUMN: u16 = 90;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let place = layout::session::needs(ui, area);
    priority_line(model, ui, place.priority, buf);
    let focus = ui.pane();
    for (pane, rect) in &place.panes {
        let title_w = match pane {
            Pane::Cards => cards(model, ui, *rect, buf),
            Pane::Themes => board::render(model, ui, *rect, buf),
            _ => votes::render(model, ui, *rect, buf),
        };
        if *pane == focus {
            other_panes(model, ui, *rect, title_w, buf);
        }
    }
}

/// The priority chosen so far, on the phase's first line.
fn priority_line(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let n = &ui.session.needs;
    let priority = n.priority.as_ref().and_then(|id| {
        n.themes
            .iter()
            .find(|th| &th.id == id)
            .map(|th| th.title.clone())
            .or_else(|| n.cards.iter().find(|c| &c.id == id).map(|c| c.text.clone()))
    });
    let line = match priority {
        Some(p) => Line::from(vec![
            styled(
                format!(" ★ {}{}", s.priority_label, s.store.show.colon),
                t.marked,
            ),
            Span::raw(one_line(&p)),
        ]),
        None => {
            let star = key_label(Ctx::Themes, Action::TogglePriority);
            Line::from(muted(
                model,
                format!(" ☆ {}", fill(s.needs.priority_none, &[&star])),
            ))
        }
    };
    fit(line, area.width as usize).render(area, buf);
}

/// The first key of an action in a context, as the key table writes it.
pub(super) fn key_label(ctx: Ctx, action: Action) -> String {
    keymap::TABLE
        .iter()
        .find(|b| b.ctx == ctx && b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
        .unwrap_or_default()
}

/// A pane's name as the other panes' borders give it.
fn pane_label(model: &Model, ses: &Session, pane: Pane) -> String {
    let s = model.strings();
    match pane {
        Pane::Cards => counted(s.pane_cards, ses.needs.cards.len()),
        Pane::Themes => counted(s.needs.pane_themes, ses.needs.themes.len()),
        _ => s.needs.pane_votes.to_string(),
    }
}

/// On the right of the focused pane's top border: the other panes of the phase, reached with
/// Tab. Left out when the pane's own title needs the room.
fn other_panes(model: &Model, ui: &SessionUi, area: Rect, title_w: usize, buf: &mut Buffer) {
    let s = model.strings();
    let focus = ui.pane();
    let others: Vec<String> = Pane::for_phase(ui.phase())
        .iter()
        .filter(|p| **p != focus)
        .map(|p| pane_label(model, &ui.session, *p))
        .collect();
    let tab = key_label(Ctx::Navigation, Action::NextPane);
    let text = format!(
        " {} ",
        fill(s.needs.other_panes, &[&tab, &others.join(" · ")])
    );
    let w = display_width(&text);
    let room = (area.width as usize).saturating_sub(2);
    if title_w + w + 2 > room || area.height < 2 {
        return;
    }
    let x = area.right() - 1 - w as u16;
    Line::from(muted(model, text)).render(Rect::new(x, area.y, w as u16, 1), buf);
}

/// Short names for the count of cards per author: first names, made longer where two
/// members share one (three Fatimas are "Fatima E.", "Fatima B."...).
pub(super) fn short_names(ses: &Session) -> BTreeMap<Id, String> {
    let members = &ses.group.members;
    let first = |name: &str| name.split_whitespace().next().unwrap_or(name).to_string();
    let initial = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        match (words.first(), words.last()) {
            (Some(f), Some(l)) if words.len() > 1 => {
                let i: String = l.chars().take(1).collect();
                format!("{f} {i}.")
            }
            _ => name.to_string(),
        }
    };
    let mut out = BTreeMap::new();
    for m in members {
        let f = first(&m.name);
        let short = if members.iter().filter(|o| first(&o.name) == f).count() == 1 {
            f
        } else {
            let i = initial(&m.name);
            if members.iter().filter(|o| initial(&o.name) == i).count() == 1 {
                i
            } else {
                m.name.clone()
            }
        };
        out.insert(m.id.clone(), short);
    }
    out
}

/// The present members who have not given a card yet, then the cards per author, most
/// first: what the advisor looks at to bring in the quiet ones.
fn by_author(model: &Model, ses: &Session) -> Option<String> {
    let s = model.strings();
    let n = &ses.needs;
    if n.cards.is_empty() {
        return None;
    }
    let short = short_names(ses);
    let mut counts: BTreeMap<&Author, usize> = BTreeMap::new();
    for c in &n.cards {
        *counts.entry(&c.author).or_default() += 1;
    }
    let name = |a: &Author| match a {
        Author::Anonymous => s.author_anonymous.to_string(),
        Author::WholeGroup => s.author_group.to_string(),
        Author::Member(id) => short
            .get(id)
            .cloned()
            .unwrap_or_else(|| ses.group.member_name(id)),
    };
    let spoke: std::collections::BTreeSet<&Id> = counts
        .keys()
        .filter_map(|a| match a {
            Author::Member(id) => Some(id),
            _ => None,
        })
        .collect();
    let mut list: Vec<(String, usize)> = counts.iter().map(|(a, k)| (name(a), *k)).collect();
    crate::sort::by(&mut list, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let authors = list
        .iter()
        .map(|(who, k)| format!("{who} {k}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let silent: Vec<String> = ses
        .present_members()
        .filter(|m| !spoke.contains(&m.id))
        .map(|m| short.get(&m.id).cloned().unwrap_or_else(|| m.name.clone()))
        .collect();
    // Who has not spoken comes first: on a narrow screen the end of the line is cut.
    let text = if silent.is_empty() {
        fill(s.needs.by_author, &[&authors])
    } else {
        fill(s.needs.no_card_yet, &[&silent.join(", "), &authors])
    };
    Some(text)
}

/// The cards, in the order they were called out: marked ones with ●, the priority with ★,
/// who said it, the text, and on a wide pane the theme it went into. Returns the width of
/// the title.
fn cards(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) -> usize {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let n = &ses.needs;
    let inner_w = area.width.saturating_sub(4) as usize;
    let name_w = (inner_w / 4).clamp(8, 24);
    let theme_w = if area.width >= THEME_COLUMN {
        (inner_w / 5).min(28)
    } else {
        0
    };
    // Only the rows that can be in sight are built: the list scrolls to the selection from
    // the top, so they lie within a screen of it. The others stay empty lines.
    let sel = ui.selection(Pane::Cards);
    let near = sel.saturating_sub(area.height as usize)..sel + area.height as usize;
    let rows: Vec<Line> = n
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if !near.contains(&i) {
                return Line::default();
            }
            let mark = if ui.tech.marked.contains(&c.id) {
                styled("●", t.marked)
            } else {
                Span::raw(" ")
            };
            let star = if n.priority.as_ref() == Some(&c.id) {
                styled("★ ", t.marked)
            } else {
                Span::raw("  ")
            };
            let mut spans = vec![
                mark,
                star,
                muted(model, column(&author_name(model, ui, &c.author), name_w)),
            ];
            let text_w = inner_w.saturating_sub(3 + name_w + 1 + theme_w);
            if theme_w > 0 {
                let theme = c
                    .theme
                    .as_ref()
                    .and_then(|id| n.themes.iter().find(|th| &th.id == id))
                    .map(|th| th.title.clone())
                    .unwrap_or_default();
                spans.push(Span::raw(column(&one_line(&c.text), text_w)));
                spans.push(muted(model, column(&theme, theme_w.saturating_sub(1))));
            } else {
                spans.push(Span::raw(one_line(&c.text)));
            }
            Line::from(spans)
        })
        .collect();
    // Anonymous cards are nobody's: "Anonyme" is not an author.
    let authors = n
        .cards
        .iter()
        .map(|c| &c.author)
        .filter(|a| **a != Author::Anonymous)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let mut title = counted(s.pane_cards, rows.len());
    if authors > 0 {
        title = format!("{title} · {}", s.needs.authors.n(authors));
    }
    if let Some(m) = marked_label(model, ui) {
        title = format!("{title} · {m}");
    }
    let title_w = display_width(&title);
    panes::list(
        model,
        ui,
        Pane::Cards,
        title,
        rows,
        s.empty_cards,
        area,
        buf,
    );
    if let Some(line) = by_author(model, ses)
        && area.height >= 3
        && area.width > 6
    {
        let w = area.width as usize - 4;
        let line = fit(Line::from(muted(model, format!(" {line} "))), w);
        line.render(Rect::new(area.x + 2, area.bottom() - 1, w as u16, 1), buf);
    }
    title_w
}

/// "3 marked", when cards are marked.
pub(super) fn marked_label(model: &Model, ui: &SessionUi) -> Option<String> {
    let s = model.strings();
    let k = ui
        .session
        .needs
        .cards
        .iter()
        .filter(|c| ui.tech.marked.contains(&c.id))
        .count();
    (k > 0).then(|| s.needs.marked.n(k))
}
