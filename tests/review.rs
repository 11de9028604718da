//! The review browser and the session view, by message scripts: a real folder of sessions
//! (the tailors' three closed sessions, the bakers' one in progress, a broken file) listed
//! as the app lists it, then keys. What is checked is the rows shown, in order, and what
//! Enter, Esc and resume do; the screens are kept as insta snapshots at 80×24.

mod common;

use atelier::model::SessionState;
use atelier::sample;
use atelier::store;
use atelier::ui::{Home, ReviewColumn, RowKind, Screen};
use atelier::update::{Effect, Msg};
use common::{Folder, Harness, SEED, folder_of, t0};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// The harness on the home screen, its folder holding four sessions and a broken file.
fn folder() -> Folder {
    let mut sessions = sample::series(t0(), SEED);
    sessions.push(sample::bakers_session(t0(), SEED + 1));
    // Paths in the reasons differ from run to run: the snapshots show the file's name only.
    folder_of(sessions, |dir| {
        std::fs::write(dir.join("2026-01-01-abime-1-zzzz.ron"), "(pas une séance").unwrap();
    })
}

/// The group and number of each row shown, top to bottom: as `update` remembered them,
/// which must be what filtering and sorting every row again gives.
fn shown(h: &Harness) -> Vec<(String, u32)> {
    let Screen::Review(b) = &h.model.screen else {
        panic!("not the review browser");
    };
    let home = &h.model.home;
    let remembered = b.shown(&home.rows, home.generation);
    assert!(
        matches!(remembered.order, std::borrow::Cow::Borrowed(_)),
        "remembered by update"
    );
    assert!(
        std::ptr::eq(remembered.rows, &home.rows[..]),
        "the rows of the listing on screen"
    );
    assert_eq!(*remembered.order, b.visible(&home.rows)[..]);
    remembered
        .iter()
        .map(|r| (r.group.to_string(), r.number))
        .collect()
}

fn draw(h: &Harness) -> String {
    draw_at(h, 80, 24)
}

fn draw_at(h: &Harness, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| f.render_widget(&h.model, f.area()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A wide terminal widens the trade, region and advisor too, not only the group's blanks.
#[test]
fn a_wide_browser_shows_trades_and_advisors_whole() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let wide = draw_at(&h, 160, 24);
    for whole in [
        "Boulangerie-pâtisserie",
        "Samira Benjelloun",
        "Karima Lahlou",
    ] {
        assert!(wide.contains(whole), "{whole}:\n{wide}");
    }
    // At 80 columns the group's name keeps the most room of the text columns.
    let narrow = draw(&h);
    assert!(narrow.contains("Couturières d'Ou"), "{narrow}");
}

#[test]
fn r_opens_the_browser_newest_first_with_the_broken_file_apart() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let rows = shown(&h);
    assert_eq!(rows.len(), 4, "{rows:?}");
    // Newest first: the dates never go up.
    let dates: Vec<_> = {
        let Screen::Review(b) = &h.model.screen else {
            panic!()
        };
        b.visible(&h.model.home.rows)
            .into_iter()
            .map(|i| h.model.home.rows[i].date)
            .collect()
    };
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert_eq!(h.model.home.unreadable.len(), 1);
    insta::assert_snapshot!("browser", draw(&h));
    // In English too: the longer state words stay whole.
    h.model.lang = atelier::i18n::Lang::En;
    let en = draw(&h);
    assert!(en.contains("in progress"), "{en}");
    insta::assert_snapshot!("browser_en", en);
    h.model.lang = atelier::i18n::Lang::Fr;
    h.esc();
    assert!(matches!(h.model.screen, Screen::Home));
}

#[test]
fn typing_filters_and_backspace_widens_again() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let tailors = h
        .model
        .home
        .rows
        .iter()
        .find(|r| r.number == 2)
        .unwrap()
        .group
        .to_string();
    // Letters are text here: `q` and `j` do not quit nor move.
    let word: String = tailors.split_whitespace().next().unwrap().to_string();
    h.keys(&word.to_uppercase());
    let rows = shown(&h);
    assert_eq!(rows.len(), 3, "{word}: {rows:?}");
    assert!(rows.iter().all(|(g, _)| *g == tailors));
    // Two words must both be found: the group's name and a session number shown.
    h.keys(" 2");
    assert!(shown(&h).iter().any(|(_, n)| *n == 2));
    for _ in 0..word.chars().count() + 2 {
        h.code(KeyCode::Backspace);
    }
    assert_eq!(shown(&h).len(), 4);
    // A session saved meanwhile (the folder listed again) is among the rows shown.
    let mut more = sample::bakers_session(t0(), SEED + 7);
    more.number = 2;
    more.group.name = tailors.clone();
    h.write(&more);
    h.send(Msg::FolderChanged);
    assert_eq!(
        shown(&h).len(),
        5,
        "the listing changed, the filter did not"
    );
    h.keys(&word);
    assert_eq!(shown(&h).len(), 4, "the new session found");
    for _ in 0..word.chars().count() {
        h.code(KeyCode::Backspace);
    }
    // Nothing matches: no row, and Enter does nothing.
    h.keys("qjzzzz");
    assert!(shown(&h).is_empty());
    let before = h.effects.len();
    h.enter();
    assert!(
        h.effects[before..]
            .iter()
            .all(|e| !matches!(e, Effect::LoadForView(_)))
    );
    assert!(!h.quit);
}

#[test]
fn the_filter_matches_the_text_of_cards_causes_and_actions() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    // A word found only in one session's search text (not in its columns).
    let row = h
        .model
        .home
        .rows
        .iter()
        .find(|r| r.state == SessionState::InProgress)
        .unwrap()
        .clone();
    // The listing went through the folder's index, which keeps the texts: the filter
    // asks it.
    assert!(row.search.is_none());
    let text = atelier::store::search_text(&atelier::store::load(&row.path).unwrap());
    let line = text.lines().last().unwrap_or_default().to_string();
    assert!(!line.is_empty());
    h.paste(&line);
    assert!(shown(&h).contains(&(row.group.to_string(), row.number)));
}

#[test]
fn tab_changes_the_sort_column_and_f3_turns_it_around() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    // Tab twice: by session number, largest first.
    h.tab();
    h.tab();
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert_eq!(b.sort, ReviewColumn::Number);
    let numbers: Vec<u32> = shown(&h).into_iter().map(|(_, n)| n).collect();
    assert!(numbers.windows(2).all(|w| w[0] >= w[1]), "{numbers:?}");
    h.code(KeyCode::F(3));
    let numbers: Vec<u32> = shown(&h).into_iter().map(|(_, n)| n).collect();
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{numbers:?}");
    assert_eq!(numbers.len(), 4);
    // Back to the group (Shift-Tab), ascending: the groups in alphabetical order.
    h.back_tab();
    let groups: Vec<String> = shown(&h)
        .into_iter()
        .map(|(g, _)| g.to_lowercase())
        .collect();
    assert!(groups.windows(2).all(|w| w[0] <= w[1]), "{groups:?}");
}

#[test]
fn enter_opens_the_session_view_which_scrolls_and_esc_comes_back() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    // Oldest first, then the first row: the tailors' first session, closed.
    h.code(KeyCode::F(3));
    h.enter();
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    let v = b.view.as_ref().expect("the session view");
    assert_eq!(v.session.state, SessionState::Closed);
    // The same lines as `atelier show`.
    assert_eq!(
        v.lines,
        atelier::show::show(&v.session, h.model.lang, false)
    );
    insta::assert_snapshot!("session_view", draw(&h));
    h.code(KeyCode::PageDown);
    h.code(KeyCode::Down);
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert_eq!(b.view.as_ref().unwrap().scroll, 11);
    h.code(KeyCode::End);
    // End shows a full screen ending with the last line of `show`, wrapped, not cut.
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    let last = b.view.as_ref().unwrap().lines.last().unwrap().text.clone();
    let screen = draw(&h);
    for word in last.split_whitespace() {
        assert!(screen.contains(word), "{word} of {last:?} not on\n{screen}");
    }
    assert!(
        !screen.lines().nth(2).unwrap().trim().is_empty(),
        "{screen}"
    );
    // The screen knows where the end is: Down there does not go past it, and one Up
    // after End scrolls at once.
    h.code(KeyCode::Down);
    assert_eq!(draw(&h), screen);
    h.code(KeyCode::Up);
    assert_ne!(draw(&h), screen, "Up after End scrolls at once");
    h.code(KeyCode::Home);
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert_eq!(b.view.as_ref().unwrap().scroll, 0);
    // A closed session cannot be resumed.
    let before = h.effects.len();
    h.keys("r");
    assert!(
        h.effects[before..]
            .iter()
            .all(|e| !matches!(e, Effect::Open(_)))
    );
    // ...and the footer does not offer it.
    let resume = atelier::keymap::Action::Resume.label(h.strings());
    assert!(!draw(&h).contains(resume));
    // X exports its minutes, as from the session itself.
    h.keys("X");
    assert!(matches!(h.effects.last(), Some(Effect::Export { .. })));
    h.esc();
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert!(b.view.is_none());
    assert_eq!(shown(&h).len(), 4);
}

#[test]
fn a_session_in_progress_is_resumed_from_its_view() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let i =
        shown(&h)
            .iter()
            .position(|(g, n)| {
                h.model.home.rows.iter().any(|r| {
                    *r.group == **g && r.number == *n && r.state == SessionState::InProgress
                })
            })
            .unwrap();
    for _ in 0..i {
        h.code(KeyCode::Down);
    }
    h.enter();
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    let path = b.view.as_ref().unwrap().path.clone();
    let resume = atelier::keymap::Action::Resume.label(h.strings());
    assert!(draw(&h).contains(resume), "the footer offers to resume");
    h.keys("r");
    assert!(h.effects.contains(&Effect::Open(path.clone())));
    let ui = h.model.session().expect("the facilitation screen");
    assert_eq!(ui.path, path);
    assert!(!ui.read_only);
}

#[test]
fn resuming_an_older_copy_opens_the_newest_one() {
    let Folder { mut h, dir } = folder();
    // The bakers' session copied aside earlier (a folder merged twice): its older copy.
    let newest = h
        .model
        .home
        .rows
        .iter()
        .find(|r| r.state == SessionState::InProgress)
        .unwrap()
        .path
        .clone();
    let mut old = store::load(&newest).unwrap();
    old.saved -= chrono::TimeDelta::days(1);
    let old_path = dir.join("copie-boulangers.ron");
    store::save(&old_path, &old).unwrap();
    // `r` lists the folder again: the copy is in it.
    h.keys("r");
    assert_eq!(shown(&h).len(), 5);
    let row = h
        .model
        .home
        .rows
        .iter()
        .find(|r| r.path == old_path)
        .unwrap();
    assert!(row.shadowed);
    // Walk down to the older copy.
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    let i = b
        .visible(&h.model.home.rows)
        .into_iter()
        .position(|i| h.model.home.rows[i].path == old_path)
        .unwrap();
    for _ in 0..i {
        h.code(KeyCode::Down);
    }
    h.enter();
    h.keys("r");
    assert!(h.effects.contains(&Effect::Open(newest.clone())));
    assert!(!h.effects.contains(&Effect::Open(old_path)));
    assert_eq!(h.model.session().unwrap().path, newest);
}

#[test]
fn arrows_choose_the_row_enter_opens_and_a_vanished_file_is_said() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    // Sorted by date, oldest first: End is the newest, Home the oldest.
    h.code(KeyCode::F(3));
    h.code(KeyCode::End);
    h.code(KeyCode::PageUp);
    h.code(KeyCode::Down);
    let rows = {
        let Screen::Review(b) = &h.model.screen else {
            panic!()
        };
        assert_eq!(b.sel, 1);
        b.visible(&h.model.home.rows)
    };
    let path = h.model.home.rows[rows[1]].path.clone();
    h.enter();
    assert!(h.effects.contains(&Effect::LoadForView(path.clone())));
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert_eq!(b.view.as_ref().unwrap().path, path);
    // The file went away between the listing and Enter: the browser stays, and says so.
    h.esc();
    std::fs::remove_file(&path).unwrap();
    h.enter();
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert!(b.view.is_none());
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        h.flash().is_some_and(|f| f.contains(&name)),
        "{:?}",
        h.flash()
    );
}

fn buffer(h: &Harness, width: u16) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(&h.model, f.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn filter_text(h: &Harness) -> String {
    let Screen::Review(b) = &h.model.screen else {
        panic!("not the review browser");
    };
    b.filter.clone()
}

/// The column of the filter line's cursor: the one cell drawn reversed on that line.
fn cursor_column(buf: &ratatui::buffer::Buffer) -> Vec<u16> {
    let y = 1;
    (0..buf.area.width)
        .filter(|&x| {
            buf[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .collect()
}

#[test]
fn the_filter_shows_its_cursor_after_the_text_even_when_long() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let label = h.strings().review.filter.chars().count() as u16;
    // Empty: the cursor is where the first letter goes.
    assert_eq!(cursor_column(&buffer(&h, 80)), [label]);
    h.keys("tail");
    let buf = buffer(&h, 80);
    assert_eq!(cursor_column(&buf), [label + 4]);
    let line: String = (0..80).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    assert!(line.contains("tail"), "{line}");
    // Longer than the line: its end is shown, the cursor right after it, in sight.
    h.keys(&"x".repeat(90));
    h.keys("fin");
    let buf = buffer(&h, 80);
    let line: String = (0..80).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    assert!(line.contains("…xxx"), "{line}");
    // The kinds shown keep the end of the line (see `review_records.rs`): the filter ends
    // just before them, its cursor last.
    let (typed, kinds) = line.split_once("fin").expect("the end typed in sight");
    assert!(kinds.starts_with("  F2 "), "{line}");
    assert_eq!(cursor_column(&buf), [typed.chars().count() as u16 + 3]);
}

#[test]
fn ctrl_u_clears_the_filter_and_esc_clears_it_before_going_back() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    h.keys("tail");
    assert!(shown(&h).len() < 4);
    h.ctrl('u');
    assert_eq!(filter_text(&h), "");
    assert_eq!(shown(&h).len(), 4);
    // The key is in the footer's table for the browser.
    let clear = atelier::keymap::Action::ClearFilter.label(h.strings());
    let contexts = atelier::ui::active_contexts(&h.model);
    assert!(
        atelier::keymap::bindings_for(&contexts)
            .iter()
            .any(|b| b.action == atelier::keymap::Action::ClearFilter),
        "{clear}"
    );
    // Esc with a filter empties it and stays; Esc again goes back home.
    h.keys("boul");
    h.esc();
    assert_eq!(filter_text(&h), "");
    assert!(matches!(h.model.screen, Screen::Review(_)));
    assert_eq!(shown(&h).len(), 4);
    h.esc();
    assert!(matches!(h.model.screen, Screen::Home));
}

#[test]
fn the_session_view_offers_only_keys_that_work_there() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    h.enter();
    let contexts = atelier::ui::active_contexts(&h.model);
    let bindings = atelier::keymap::bindings_for(&contexts);
    for pane in [
        atelier::keymap::Action::NextPane,
        atelier::keymap::Action::PrevPane,
    ] {
        assert!(
            bindings.iter().all(|b| b.action != pane),
            "{pane:?} offered in the session view"
        );
    }
    let next_pane = atelier::keymap::Action::NextPane.label(h.strings());
    let screen = draw(&h);
    assert!(!screen.contains(next_pane), "{screen}");
    // Scrolling, help and quitting still work there.
    h.code(KeyCode::Down);
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert_eq!(b.view.as_ref().unwrap().scroll, 1);
    h.keys("j");
    h.tab();
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert_eq!(b.view.as_ref().unwrap().scroll, 2, "Tab does nothing");
    h.keys("?");
    assert!(matches!(
        h.overlay(),
        Some(atelier::ui::Overlay::Help { .. })
    ));
    h.esc();
    h.keys("q");
    assert!(h.quit);
}

#[test]
fn the_home_screen_counts_the_files_read_while_the_folder_is_listed() {
    use atelier::update::Msg;
    let mut h = common::Harness::new();
    // As at the start, before the listing thread has answered.
    h.model.home = Home::default();
    h.send(Msg::ListingProgress {
        done: 3412,
        total: 10_000,
    });
    let screen = draw(&h);
    assert!(
        screen.contains("Lecture des séances… 3\u{a0}412 / 10\u{a0}000"),
        "{screen}"
    );
    h.model.lang = atelier::i18n::Lang::En;
    assert!(draw(&h).contains("Reading sessions… 3,412 / 10,000"));
    h.model.lang = atelier::i18n::Lang::Fr;
    // The browser says the same while it waits (opened as `r` opens it; the harness
    // would answer its listing at once).
    h.model.screen = Screen::Review(Box::new(atelier::ui::Browser::new()));
    assert!(draw(&h).contains("3\u{a0}412 / 10\u{a0}000"));
    h.model.screen = Screen::Home;
    // The keys work meanwhile: n starts a new group.
    h.keys("n");
    assert!(matches!(h.model.screen, Screen::Setup(_)));
    // The lists come: the count goes, and one arriving late is not shown again.
    h.send(Msg::Listed(Home::default()));
    assert_eq!(h.model.home.progress, None);
    h.send(Msg::ListingProgress {
        done: 10_000,
        total: 10_000,
    });
    assert_eq!(h.model.home.progress, None);
    assert!(h.model.home.loaded);
}

#[test]
fn q_quits_while_the_folder_is_listed() {
    use atelier::update::Msg;
    let mut h = common::Harness::new();
    h.model.home = Home::default();
    h.send(Msg::ListingProgress {
        done: 50,
        total: 10_000,
    });
    h.keys("q");
    assert!(h.quit);
}

#[test]
fn a_long_list_draws_the_rows_in_sight_around_the_selection() {
    let Folder { mut h, .. } = folder();
    let first = h.model.home.rows[0].clone();
    // What the listing `r` asks for answers: 300 rows.
    let mut home = h.model.home.clone();
    home.rows = std::sync::Arc::new(
        (1..=300)
            .map(|n| {
                let mut r = first.clone();
                r.number = n;
                r
            })
            .collect(),
    );
    h.keys("r");
    h.send(Msg::Listed(home));
    // Sorted by number, largest first: 300 at the top, the selection on it.
    h.tab();
    h.tab();
    let screen = draw(&h);
    let marked = |screen: &str| {
        screen
            .lines()
            .find(|l| l.starts_with("▶"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    // The number column, three wide, after the group's cut name.
    let number = |n: u32| format!("… {n:<3} ");
    assert!(marked(&screen).contains(&number(300)), "{screen}");
    // End: the last row (number 1) is drawn, selected, at the bottom of the table.
    h.code(KeyCode::End);
    let screen = draw(&h);
    assert!(marked(&screen).contains(&number(1)), "{screen}");
    // Up twice: still in sight, selection two rows higher.
    h.code(KeyCode::Up);
    h.code(KeyCode::Up);
    assert!(marked(&draw(&h)).contains(&number(3)), "{}", draw(&h));
}

#[test]
fn the_filter_ignores_accents_and_case_both_ways_and_finds_iso_dates() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let tailors = |h: &Harness| {
        let rows = shown(h);
        !rows.is_empty() && rows.iter().all(|(g, _)| g.starts_with("Couturières"))
    };
    for typed in ["couturieres", "COUTURIÈRES", "CoUtUrIeReS"] {
        h.ctrl('u');
        h.paste(typed);
        assert!(tailors(&h), "{typed}: {:?}", shown(&h));
    }
    // ISO dates, whole or a month, match the sessions' dates.
    let dates: Vec<chrono::NaiveDate> = h.model.home.rows.iter().map(|r| r.date).collect();
    let day = dates[0];
    let month = |d: chrono::NaiveDate| d.format("%Y-%m").to_string();
    for (typed, whole_day) in [
        (day.format("%Y-%m-%d").to_string(), true),
        (month(day), false),
    ] {
        let keep = |d: chrono::NaiveDate| {
            if whole_day {
                d == day
            } else {
                month(d) == month(day)
            }
        };
        h.ctrl('u');
        h.paste(&typed);
        let Screen::Review(b) = &h.model.screen else {
            panic!("not the review browser");
        };
        let got: Vec<chrono::NaiveDate> = b
            .visible(&h.model.home.rows)
            .into_iter()
            .map(|i| h.model.home.rows[i].date)
            .collect();
        let want = dates.iter().filter(|d| keep(**d)).count();
        assert_eq!(got.len(), want, "{typed}");
        assert!(got.iter().all(|d| keep(*d)), "{typed}");
    }
}

/// The browser on screen, to lower its threshold as a folder of 100,000 sessions reaches it.
fn browser(h: &mut Harness) -> &mut atelier::ui::Browser {
    let Screen::Review(b) = &mut h.model.screen else {
        panic!("not the review browser");
    };
    b
}

/// The browser open on the folder, its rows shown, then filtered off the UI thread from
/// now on, as with 20,000 rows or more.
fn browsing_off_thread() -> (Harness, Vec<(String, u32)>) {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let all = shown(&h);
    browser(&mut h).off_thread_from = 0;
    (h, all)
}

/// Many rows are filtered off the UI thread (issue 14: at 100,000 rows a filter pass took
/// four frames): the same rows come back, through the runner, as typing them here gives.
#[test]
fn many_rows_are_filtered_off_the_ui_thread_to_the_same_rows() {
    let (mut h, at_once) = browsing_off_thread();
    let before = h.effects.len();
    h.keys("tail");
    let asked = h.effects[before..]
        .iter()
        .filter(|e| matches!(e, Effect::FilterRows(_)))
        .count();
    assert_eq!(asked, 4, "one question a key");
    let rows = shown(&h);
    assert!(!rows.is_empty() && rows.len() < at_once.len(), "{rows:?}");
    assert!(!browser(&mut h).filtering());
    // A sort changed is worked out there too.
    let before = h.effects.len();
    h.tab();
    assert!(
        h.effects[before..]
            .iter()
            .any(|e| matches!(e, Effect::FilterRows(_)))
    );
    let sorted = shown(&h);
    assert_eq!(sorted.len(), rows.len());
    // With nothing typed, a sort being worked out is said where the hint was.
    h.ctrl('u');
    atelier::update::update(
        &mut h.model,
        Msg::Key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::F(3),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )),
    );
    assert!(browser(&mut h).filtering());
    let screen = draw(&h);
    assert!(screen.contains("Filtre :   filtrage…"), "{screen}");
    assert!(!screen.contains("tapez pour filtrer"), "{screen}");
}

/// Until the filter thread answers, the rows of the last filter stay on screen and the
/// filter's line says « filtrage… »; an answer for what was typed before is dropped, and
/// one that comes while the timeline opened from the browser is on screen is kept for it.
#[test]
fn the_rows_shown_stay_until_the_newest_filter_is_answered() {
    use atelier::update::update;
    let (mut h, all) = browsing_off_thread();
    let key = |c: char| {
        Msg::Key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        ))
    };
    // `update` alone, so that the answers come when this test says.
    let asked = |effects: Vec<Effect>| -> Box<atelier::ui::Filtering> {
        let mut asked: Vec<_> = effects
            .into_iter()
            .filter_map(|e| match e {
                Effect::FilterRows(f) => Some(f),
                _ => None,
            })
            .collect();
        assert_eq!(asked.len(), 1);
        asked.pop().unwrap()
    };
    let first = asked(update(&mut h.model, key('t')));
    let second = asked(update(&mut h.model, key('a')));
    assert!(browser(&mut h).filtering());
    let Screen::Review(b) = &h.model.screen else {
        unreachable!()
    };
    let home = &h.model.home;
    assert_eq!(b.shown(&home.rows, home.generation).len(), all.len());
    let screen = draw(&h);
    assert!(screen.contains("Filtre : ta"), "{screen}");
    assert!(screen.contains("filtrage…"), "{screen}");
    // The answer to `t` comes late: not what is typed now.
    let late = first.run();
    update(
        &mut h.model,
        Msg::RowsFiltered {
            asked: first,
            shown: late,
        },
    );
    assert!(browser(&mut h).filtering(), "still waiting for « ta »");
    // The browser behind the timeline (F4) takes the answer for « ta ».
    h.code(KeyCode::F(4));
    assert!(matches!(h.model.screen, Screen::Timeline(_)));
    let rows = second.run();
    update(
        &mut h.model,
        Msg::RowsFiltered {
            asked: second,
            shown: rows.clone(),
        },
    );
    h.esc();
    let Screen::Review(b) = &h.model.screen else {
        panic!("back in the browser");
    };
    assert!(!b.filtering());
    let home = &h.model.home;
    assert_eq!(*b.shown(&home.rows, home.generation).order, rows[..]);
    assert_eq!(rows, b.visible(&home.rows));
    assert!(!draw(&h).contains("filtrage…"));
}

/// With many rows even the first ones are filtered off the UI thread: the browser shows at
/// once, « filtrage… » where its rows will be, and they come with the answer.
#[test]
fn the_first_rows_of_many_come_from_the_filter_thread() {
    use atelier::update::update;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let Folder { mut h, .. } = folder();
    let mut b = atelier::ui::Browser::new();
    b.off_thread_from = 0;
    h.model.screen = Screen::Review(Box::new(b));
    // `update` alone, so that the answer comes when this test says.
    let effects = update(
        &mut h.model,
        Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
    );
    let [Effect::FilterRows(asked)] = &effects[..] else {
        panic!("one question for the filter thread: {effects:?}");
    };
    let asked = asked.clone();
    assert!(browser(&mut h).filtering());
    let screen = draw(&h);
    let total = h.model.home.rows.len();
    assert!(screen.contains(&format!("(0 sur {total})")), "{screen}");
    assert!(
        screen.lines().skip(3).any(|l| l.contains("filtrage…")),
        "said where the rows will be: {screen}"
    );
    let order = asked.run();
    update(
        &mut h.model,
        Msg::RowsFiltered {
            asked,
            shown: order,
        },
    );
    assert!(!browser(&mut h).filtering());
    assert_eq!(shown(&h).len(), total);
    assert!(!draw(&h).contains("filtrage…"));
}

#[test]
fn rows_alike_hold_their_texts_once() {
    let Folder { h, .. } = folder();
    let rows: Vec<_> = h
        .model
        .home
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Session)
        .collect();
    let mut alike = 0;
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            for (x, y) in [
                (&a.group, &b.group),
                (&a.trade, &b.trade),
                (&a.region, &b.region),
                (&a.advisor, &b.advisor),
            ] {
                if x == y {
                    alike += 1;
                    assert!(std::sync::Arc::ptr_eq(x, y), "{x} held twice");
                }
            }
        }
    }
    assert!(alike > 0, "the folder has rows alike");
}

#[test]
fn the_home_screen_lets_go_of_the_rows_while_the_folder_is_listed_again() {
    let Folder { mut h, .. } = folder();
    let rows = h.model.home.rows.len();
    assert!(rows > 0);
    // In the browser its rows stay on screen.
    h.keys("r");
    h.send(Msg::Relisting);
    assert_eq!(h.model.home.rows.len(), rows);
    h.esc();
    // Home: they go until the listing comes; the browser opened meanwhile says the folder is
    // being read, not that it is empty.
    h.send(Msg::Relisting);
    assert!(h.model.home.rows.is_empty() && !h.model.home.loaded);
    h.model.screen = Screen::Review(Box::new(atelier::ui::Browser::new()));
    let text = common::screen::text(&common::screen::draw(&h.model, 100, 30));
    assert!(!text.contains(h.strings().review.no_sessions), "{text}");
    // Nor does its title count rows it does not have yet ("0 sur 0" said the folder was
    // empty): it names the browser alone.
    let title = h.strings().review.title_reading;
    assert!(text.lines().next().unwrap().contains(title), "{text}");
    assert!(!text.contains(&format!("{title} (")), "{text}");
    // The listing comes: rows again, counted.
    let home = Home::from_listing(
        store::Store::new(h.dir.path()).list(),
        atelier::i18n::Lang::Fr,
    );
    h.send(Msg::Listed(home));
    assert_eq!(h.model.home.rows.len(), rows);
    let text = common::screen::text(&common::screen::draw(&h.model, 100, 30));
    let counted = format!("{title} ({rows} sur {rows})");
    assert!(text.lines().next().unwrap().contains(&counted), "{text}");
}
