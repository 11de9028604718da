//! After each message, every list on screen scrolls to keep its selection in sight, from
//! where it was: it moves only when the selection would leave the rows in sight (see
//! `layout::scroll`), measured as the view will draw it. A resize is a message too: the
//! lists are measured again at the new size.

use crate::layout;
use crate::layout::scroll::{first_line, first_row};
use crate::ui::{Model, Screen, TimelinePane};

pub fn keep_in_sight(model: &mut Model) {
    session_lists(model);
    home(model);
    review(model);
    setup(model);
    timeline(model);
    group_page(model);
    decisions(model);
    programme(model);
}

/// The programme screen's table.
fn programme(model: &mut Model) {
    let Some(height) = layout::programme::table_rows(model) else {
        return;
    };
    let today = model.today;
    let Screen::Programme(ui) = &mut model.screen else {
        return;
    };
    let len = ui.rows(today);
    ui.scroll = first_line(ui.scroll, ui.sel, len, height);
}

/// The group's decisions over a session: their section's list, one line per row.
fn decisions(model: &mut Model) {
    let Some(height) = layout::decisions::list_rows(model) else {
        return;
    };
    let Some(ui) = model.session_mut() else {
        return;
    };
    let Some(d) = &ui.decisions else { return };
    let section = d.section;
    let n = crate::ui::decisions::rows(section, &ui.session).len();
    let selected = d.selection(section, n);
    let Some(d) = &mut ui.decisions else { return };
    let offset = d.scroll.get(&section).copied().unwrap_or(0);
    d.scroll
        .insert(section, first_line(offset, selected, n, height));
}

/// A group's page: its section's list, one line per row.
fn group_page(model: &mut Model) {
    let Some(height) = layout::group::list_rows(model) else {
        return;
    };
    let Screen::Group(ui) = &mut model.screen else {
        return;
    };
    let section = ui.section;
    let offset = ui.scroll.get(&section).copied().unwrap_or(0);
    let first = first_line(offset, ui.selection(section), ui.rows(section), height);
    ui.scroll.insert(section, first);
}

/// Each list pane of the session on screen.
fn session_lists(model: &mut Model) {
    let lists = layout::session::lists(model);
    let Some(ui) = model.session_mut() else {
        return;
    };
    for list in lists {
        let offset = ui.scroll.get(&list.pane).copied().unwrap_or(0);
        let first = first_row(
            offset,
            list.selected,
            &list.heights,
            usize::from(list.rows.height),
        );
        ui.scroll.insert(list.pane, first);
    }
}

/// The home screen's groups, recent sessions and unreadable files.
fn home(model: &mut Model) {
    for list in layout::home::lists(model) {
        let home = &mut model.home;
        let selected = home.selection(list.pane);
        let offset = home.scroll(list.pane);
        *home.scroll_mut(list.pane) = first_line(offset, selected, list.len, list.height);
    }
}

/// The review browser's table.
fn review(model: &mut Model) {
    let Some(height) = layout::review::table_rows(model) else {
        return;
    };
    let Screen::Review(browser) = &mut model.screen else {
        return;
    };
    let len = browser.shown(&model.home.rows, model.home.generation).len();
    browser.scroll = first_line(browser.scroll, browser.sel, len, height);
}

/// Group setup's list of members.
fn setup(model: &mut Model) {
    let Some(height) = layout::setup::members_rows(model) else {
        return;
    };
    let Screen::Setup(setup) = &mut model.screen else {
        return;
    };
    let len = setup.members.len();
    setup.member_scroll = first_line(setup.member_scroll, setup.member_sel, len, height);
}

/// The timeline's members (attendance) and actions (the tracker).
fn timeline(model: &mut Model) {
    let Some((pane, height)) = layout::timeline::list(model) else {
        return;
    };
    let Screen::Timeline(ui) = &mut model.screen else {
        return;
    };
    let (sel, scroll, len) = match pane {
        TimelinePane::Attendance => (
            ui.member_sel,
            &mut ui.member_scroll,
            ui.attendance.members.len(),
        ),
        TimelinePane::Actions => (ui.action_sel, &mut ui.action_scroll, ui.actions.len()),
        TimelinePane::Needs => return,
    };
    *scroll = first_line(*scroll, sel, len, height);
}
