//! The presenter view (F5), for a projector: snapshots of every phase kind at a laptop's
//! 80×24 and a projector's 200×50, in the two extremes of the themes (high contrast, and
//! `NO_COLOR`'s monochrome) with their styles; message scripts showing that toggling keeps
//! the selection and the text being typed, that items are still added in it, that the
//! private notes never open in it; and a search of every frame of full sessions for a phone
//! number or a word of the private notes.

mod common;

use atelier::method::PhaseKind;
use atelier::model::{Session, TextField};
use atelier::sample;
use atelier::theme::Theme;
use atelier::ui::{Model, Pane, Target};
use common::screen::{draw, styled, text};
use common::{Harness, SEED, t0};
use ratatui::crossterm::event::KeyCode;
use strum::VariantArray;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn themes() -> [(&'static str, Theme); 2] {
    [("hc", Theme::HIGH_CONTRAST), ("mono", Theme::MONO)]
}

/// The bakers' session 3 (every phase filled in) on screen in this phase, a few minutes
/// into its timer, in presenter view.
fn presenting(kind: PhaseKind) -> Harness {
    let mut session = sample::bakers_session(t0(), SEED);
    session.current_phase = session
        .method
        .index_of(kind)
        .expect("a phase of the method");
    let mut h = Harness::with_session(session, false);
    h.code(KeyCode::F(5));
    assert!(h.ui().presenter, "F5 turns the presenter view on");
    h.wait(4 * 60 + 12);
    h
}

fn focus(h: &mut Harness, pane: Pane) {
    while h.ui().pane() != pane {
        h.tab();
    }
}

fn short(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::CheckIn => "checkin",
        PhaseKind::FollowUp => "followup",
        PhaseKind::NeedEmergence => "needs",
        PhaseKind::ProblemReflection => "problem",
        PhaseKind::SolutionSearch => "solutions",
        PhaseKind::ActionPlan => "plan",
        PhaseKind::Closing => "closing",
    }
}

fn snap_all(name: &str, model: &mut Model) {
    for (theme_name, theme) in themes() {
        model.theme = theme;
        for (w, h) in SIZES {
            insta::assert_snapshot!(
                format!("{name}_{w}x{h}_{theme_name}"),
                styled(&draw(model, w, h))
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Snapshots

#[test]
fn every_phase_kind_at_both_sizes_in_both_extreme_themes() {
    for &kind in PhaseKind::VARIANTS {
        let mut h = presenting(kind);
        snap_all(short(kind), &mut h.model);
    }
}

/// While the group votes (the vote pane has the focus), the ranking with its bars.
#[test]
fn the_vote_ranking_while_voting() {
    let mut h = presenting(PhaseKind::NeedEmergence);
    focus(&mut h, Pane::Votes);
    snap_all("votes", &mut h.model);
}

/// A card being typed shows at the bottom, large, with who said it.
#[test]
fn the_field_being_typed_at_the_bottom() {
    let mut h = presenting(PhaseKind::NeedEmergence);
    focus(&mut h, Pane::Cards);
    h.keys("a");
    h.keys("Le four à bois consomme trop");
    h.model.theme = Theme::HIGH_CONTRAST;
    insta::assert_snapshot!("typing_80x24_hc", styled(&draw(&h.model, 80, 24)));
}

// ---------------------------------------------------------------------------------------
// Message scripts

/// F5 and back: the focus, the selection and the field being typed, with its text, are the
/// same; typing goes on in presenter view.
#[test]
fn toggling_keeps_the_selection_and_the_text_being_typed() {
    let mut session = sample::bakers_session(t0(), SEED);
    session.current_phase = session.method.index_of(PhaseKind::NeedEmergence).unwrap();
    let mut h = Harness::with_session(session, false);
    focus(&mut h, Pane::Themes);
    for _ in 0..3 {
        h.code(KeyCode::Down);
    }
    let selected = h.ui().selected_id(Pane::Themes);
    assert!(selected.is_some());
    h.code(KeyCode::F(5));
    assert!(h.ui().presenter);
    assert_eq!(h.ui().pane(), Pane::Themes);
    assert_eq!(h.ui().selected_id(Pane::Themes), selected);
    h.code(KeyCode::F(5));
    assert!(!h.ui().presenter);
    assert_eq!(h.ui().selected_id(Pane::Themes), selected);

    // Typing a card, F5 in the middle of it, typing on, F5 back: one text, still open.
    focus(&mut h, Pane::Cards);
    h.keys("a");
    h.keys("Pas de ");
    h.code(KeyCode::F(5));
    assert!(h.ui().presenter);
    assert_eq!(h.editor_text().as_deref(), Some("Pas de "));
    h.keys("livreur");
    let screen = text(&draw(&h.model, 80, 24));
    assert!(screen.contains("Pas de livreur"), "{screen}");
    h.code(KeyCode::F(5));
    assert!(!h.ui().presenter);
    assert_eq!(h.editor_text().as_deref(), Some("Pas de livreur"));
    assert_eq!(
        h.session()
            .drafts
            .get(&Target::New(Pane::Cards).draft_key()),
        Some(&"Pas de livreur".to_string()),
        "the draft follows the typing in both views"
    );
}

/// Cards, causes, ideas and actions are added in presenter view with the usual keys.
#[test]
fn adding_cards_causes_ideas_and_actions_in_presenter_view() {
    let mut h = presenting(PhaseKind::NeedEmergence);
    focus(&mut h, Pane::Cards);
    let cards = h.session().needs.cards.len();
    h.keys("a");
    h.keys("Les sacs de farine arrivent mouillés");
    h.enter();
    assert_eq!(h.session().needs.cards.len(), cards + 1);
    assert_eq!(
        h.session().needs.cards.last().unwrap().text,
        "Les sacs de farine arrivent mouillés"
    );
    assert!(h.ui().presenter, "still in presenter view");
    let screen = text(&draw(&h.model, 200, 50));
    assert!(
        screen.contains("Les sacs de farine arrivent mouillés"),
        "{screen}"
    );

    h.esc();
    h.code(KeyCode::Char(']'));
    focus(&mut h, Pane::Causes);
    let causes = h.session().problem.causes.len();
    h.keys("a");
    h.keys("Le camion n'est pas bâché");
    h.enter();
    assert_eq!(h.session().problem.causes.len(), causes + 1);

    h.esc();
    h.code(KeyCode::Char(']'));
    let ideas = h.session().solutions.ideas.len();
    h.keys("a");
    h.keys("Stocker la farine sur des palettes");
    h.enter();
    assert_eq!(h.session().solutions.ideas.len(), ideas + 1);

    h.esc();
    h.code(KeyCode::Char(']'));
    let actions = h.session().plan.actions.len();
    h.keys("a");
    h.keys("Acheter dix palettes");
    h.ctrl('s');
    assert!(h.ui().action_form.is_none(), "{:?}", h.flash());
    assert_eq!(h.session().plan.actions.len(), actions + 1);
    assert!(h.ui().presenter);
}

/// The private notes never open in presenter view: not with Enter, `a` or a paste, and the
/// message says how to leave it.
#[test]
fn private_notes_are_refused_in_presenter_view() {
    let mut h = presenting(PhaseKind::Closing);
    focus(&mut h, Pane::PrivateNotes);
    for open in [KeyCode::Enter, KeyCode::Char('e'), KeyCode::Char('a')] {
        h.code(open);
        assert!(h.ui().editor.is_none(), "{open:?} opened the private notes");
        let flash = h.flash().expect("a message says why");
        assert!(flash.contains("F5"), "{flash}");
        assert!(h.model.flash.as_ref().unwrap().error);
    }
    h.paste("secret");
    assert!(h.ui().editor.is_none());
    assert!(!h.session().closing.private_notes.contains("secret"));
    // Back on the advisor's screen they open as always.
    h.code(KeyCode::F(5));
    h.enter();
    assert_eq!(
        h.ui().editor.as_ref().map(|e| &e.target),
        Some(&Target::Text(TextField::PrivateNotes))
    );
}

/// F5 while typing the private notes puts them aside as a draft (nothing lost) and the
/// room does not see them; back on the advisor's screen, Enter brings the text back.
#[test]
fn private_notes_being_typed_are_put_aside_on_f5() {
    let mut session = sample::bakers_session(t0(), SEED);
    session.current_phase = session.method.index_of(PhaseKind::Closing).unwrap();
    let mut h = Harness::with_session(session, false);
    focus(&mut h, Pane::PrivateNotes);
    h.enter();
    h.keys(" Rappeler Karim mardi");
    let typed = h.editor_text().unwrap();
    h.code(KeyCode::F(5));
    assert!(h.ui().presenter);
    assert!(h.ui().editor.is_none());
    assert!(h.flash().unwrap().contains("F5"));
    let screen = text(&draw(&h.model, 200, 50));
    assert!(!screen.contains("Rappeler Karim"), "{screen}");
    h.code(KeyCode::F(5));
    h.enter();
    assert_eq!(h.editor_text(), Some(typed));
}

/// A session opened read-only (what `atelier follow` shows) draws in presenter view, and F5
/// still switches.
#[test]
fn a_read_only_session_in_presenter_view() {
    let mut session = sample::bakers_session(t0(), SEED);
    session.current_phase = session
        .method
        .index_of(PhaseKind::ProblemReflection)
        .unwrap();
    let mut h = Harness::with_session(session, true);
    h.model.session_mut().unwrap().presenter = true;
    let screen = text(&draw(&h.model, 80, 24));
    let question = &h.session().method.phases[h.session().current_phase].questions[0].fr;
    let start: String = question.chars().take(20).collect();
    assert!(
        screen.contains(&start),
        "the phase's question on screen:\n{screen}"
    );
    h.code(KeyCode::F(5));
    assert!(!h.ui().presenter);
}

// ---------------------------------------------------------------------------------------
// Privacy

/// Every phase, every pane focused, every row of the focused pane selected in turn, at
/// three sizes: no member's phone number and no words of the private notes (nor of their
/// draft) on any frame, for every sample session.
#[test]
fn no_phone_number_nor_private_note_in_any_presenter_frame() {
    let mut sessions: Vec<Session> = sample::series(t0(), SEED);
    let mut bakers = sample::bakers_session(t0(), SEED);
    bakers.drafts.insert(
        Target::Text(TextField::PrivateNotes).draft_key(),
        "Brouillon confidentiel : dettes de Karim".to_string(),
    );
    sessions.push(bakers);
    let mut frames = 0;
    for session in sessions {
        let phones: Vec<String> = session
            .group
            .members
            .iter()
            .map(|m| m.phone.clone())
            .filter(|p| !p.is_empty())
            .collect();
        assert!(
            !phones.is_empty(),
            "the sample has phone numbers to look for"
        );
        let mut secrets: Vec<String> = phones.clone();
        secrets.extend(
            session
                .closing
                .private_notes
                .split(['.', ':', ','])
                .map(|s| s.trim().to_string())
                .filter(|s| s.chars().count() >= 12)
                // A member's name alone is no secret: it is on the check-in screen.
                .filter(|s| !session.group.members.iter().any(|m| &m.name == s)),
        );
        secrets.push("dettes de Karim".into());
        assert!(secrets.len() > phones.len());
        let mut h = Harness::with_session(session.clone(), session.is_closed());
        h.model.session_mut().unwrap().presenter = true;
        for phase in 0..session.method.phases.len() {
            h.model.session_mut().unwrap().session.current_phase = phase;
            let kind = h.ui().phase();
            for (p, pane) in Pane::for_phase(kind).iter().enumerate() {
                let ui = h.model.session_mut().unwrap();
                ui.focus.insert(kind, p);
                let rows = ui.rows(*pane).len().max(1);
                for row in 0..rows {
                    h.model.session_mut().unwrap().selected.insert(*pane, row);
                    for (w, hh) in [(60, 16), (80, 24), (200, 50)] {
                        let screen = text(&draw(&h.model, w, hh));
                        // Text cut at a line's end still must not show a number: compare
                        // without spaces too.
                        let flat: String = screen.split_whitespace().collect();
                        for secret in &secrets {
                            let flat_secret: String = secret.split_whitespace().collect();
                            assert!(
                                !screen.contains(secret.as_str()) && !flat.contains(&flat_secret),
                                "{secret:?} on screen ({kind:?}, {pane:?}, {w}×{hh}):\n{screen}"
                            );
                        }
                        frames += 1;
                    }
                }
            }
        }
    }
    assert!(frames > 100, "only {frames} frames looked at");
}

/// A group's first session, just opened: every phase draws its question and says there is
/// nothing yet where the group has said nothing, at both sizes and the smallest one.
#[test]
fn a_first_session_with_nothing_yet() {
    let session = sample::bakers_first_session(t0(), SEED);
    let mut h = Harness::with_session(session, false);
    h.code(KeyCode::F(5));
    let s = h.strings();
    for (phase, kind) in PhaseKind::VARIANTS.iter().copied().enumerate() {
        h.model.session_mut().unwrap().session.current_phase = phase;
        assert_eq!(h.ui().phase(), kind);
        for (w, hh) in [(60, 16), (80, 24), (200, 50)] {
            let screen = text(&draw(&h.model, w, hh));
            let question = &h.session().method.phases[phase].questions[0].fr;
            let start: String = question.chars().take(12).collect();
            assert!(screen.contains(&start), "{kind:?} {w}×{hh}:\n{screen}");
            let empty = match kind {
                PhaseKind::CheckIn => "12",
                PhaseKind::FollowUp => s.empty_reviews_first,
                _ => s.presenter.nothing_yet,
            };
            let empty: String = empty.chars().take(20).collect();
            assert!(screen.contains(&empty), "{kind:?} {w}×{hh}:\n{screen}");
        }
    }
}

/// A phone number typed into a card (or any text) is not projected: its digits become
/// bullets on the projected screen, while the advisor's own screen keeps it.
#[test]
fn a_phone_typed_into_a_card_is_not_projected() {
    let mut h = presenting(PhaseKind::NeedEmergence);
    h.model.session_mut().unwrap().session.needs.cards[0].text =
        "Appeler Karim au 06 61 23 45 67 pour la farine".into();
    for (w, hh) in [(80, 24), (200, 50)] {
        let screen = text(&draw(&h.model, w, hh));
        assert!(screen.contains("Appeler Karim au"), "{screen}");
        assert!(!screen.contains("23 45 67"), "{screen}");
    }
    h.code(KeyCode::F(5));
    let own = text(&draw(&h.model, 200, 50));
    assert!(
        own.contains("06 61 23 45 67"),
        "the advisor's screen is not masked:\n{own}"
    );
}

/// On a second screen (read-only: `atelier follow`, or a session another atelier holds),
/// the card the advisor is typing shows once its draft is saved, without an author it
/// cannot know; the private notes' draft never does.
#[test]
fn a_second_screen_shows_the_card_being_typed_elsewhere() {
    let mut session = sample::bakers_session(t0(), SEED);
    session.current_phase = session.method.index_of(PhaseKind::NeedEmergence).unwrap();
    session.drafts.insert(
        Target::New(Pane::Cards).draft_key(),
        "Le four à bois consomme trop".into(),
    );
    session.drafts.insert(
        Target::Text(TextField::PrivateNotes).draft_key(),
        "Brouillon confidentiel".into(),
    );
    let mut h = Harness::with_session(session, true);
    h.model.session_mut().unwrap().presenter = true;
    let strings = h.strings();
    for (w, hh) in [(80, 24), (200, 50)] {
        let screen = text(&draw(&h.model, w, hh));
        assert!(screen.contains("Le four à bois consomme trop"), "{screen}");
        assert!(screen.contains(strings.presenter.typing), "{screen}");
        assert!(!screen.contains("Brouillon confidentiel"), "{screen}");
    }
    // On the advisor's own screen a draft set aside (Esc) is not shown as being typed:
    // only what their own editor holds is.
    let mut h = Harness::with_session(h.session().clone(), false);
    h.model.session_mut().unwrap().presenter = true;
    h.code(KeyCode::Esc);
    assert!(h.ui().editor.is_none());
    let screen = text(&draw(&h.model, 80, 24));
    assert!(!screen.contains(strings.presenter.typing), "{screen}");
}

/// A phone at the end of a theme's title is masked, and the count the board draws after it
/// stays a number: masking reads the title, not the drawn row.
#[test]
fn a_count_next_to_a_masked_phone_is_kept() {
    let mut h = presenting(PhaseKind::NeedEmergence);
    let ses = &mut h.model.session_mut().unwrap().session;
    ses.needs.themes[0].title = "Dettes de Karim 0612345678".into();
    let count = ses.needs.board().0[0].len();
    for (w, hh) in [(80, 24), (200, 50)] {
        let screen = text(&draw(&h.model, w, hh));
        assert!(!screen.contains("0612345678"), "{screen}");
        assert!(
            screen.contains(&format!("Dettes de Karim •••••••••• ({count})")),
            "the count stays:\n{screen}"
        );
    }
}

/// Editing a stored card (`e`) in presenter view shows its text being typed with the phone
/// masked, as the list masks it; what is typed next is masked too, and nothing is lost.
#[test]
fn a_card_being_edited_is_masked_in_its_box() {
    let mut h = presenting(PhaseKind::NeedEmergence);
    h.model.session_mut().unwrap().session.needs.cards[0].text =
        "Appeler Karim au 06 61 23 45 67".into();
    focus(&mut h, Pane::Cards);
    let row = h
        .ui()
        .rows(Pane::Cards)
        .iter()
        .position(|r| h.session().needs.cards[0].id == *r);
    h.model
        .session_mut()
        .unwrap()
        .selected
        .insert(Pane::Cards, row.expect("the card is listed"));
    h.keys("e");
    assert_eq!(
        h.editor_text().as_deref(),
        Some("Appeler Karim au 06 61 23 45 67")
    );
    h.keys(" ou 0522 11 22 33");
    for (w, hh) in [(80, 24), (200, 50)] {
        let screen = text(&draw(&h.model, w, hh));
        assert!(screen.contains(h.strings().presenter.typing), "{screen}");
        assert!(screen.contains("Appeler Karim au"), "{screen}");
        for digits in ["23 45 67", "0522", "11 22 33"] {
            assert!(!screen.contains(digits), "{digits} shown:\n{screen}");
        }
    }
    assert_eq!(
        h.editor_text().as_deref(),
        Some("Appeler Karim au 06 61 23 45 67 ou 0522 11 22 33"),
        "the text itself keeps its numbers"
    );
}

/// On a second screen the card half typed on the advisor's atelier shows without its
/// number; an action typed in the form in presenter view too.
#[test]
fn a_draft_and_an_action_form_are_masked_on_the_projector() {
    let mut session = sample::bakers_session(t0(), SEED);
    session.current_phase = session.method.index_of(PhaseKind::NeedEmergence).unwrap();
    session.drafts.insert(
        Target::New(Pane::Cards).draft_key(),
        "Appeler Karim au 06 61 23 45 67".into(),
    );
    let mut h = Harness::with_session(session, true);
    h.model.session_mut().unwrap().presenter = true;
    for (w, hh) in [(80, 24), (200, 50)] {
        let screen = text(&draw(&h.model, w, hh));
        assert!(screen.contains("Appeler Karim au"), "{screen}");
        assert!(!screen.contains("23 45 67"), "{screen}");
    }

    let mut h = presenting(PhaseKind::ActionPlan);
    h.keys("a");
    h.keys("Appeler la minoterie au 0539 12 34 56");
    assert!(h.ui().action_form.is_some());
    for (w, hh) in [(80, 24), (200, 50)] {
        let screen = text(&draw(&h.model, w, hh));
        assert!(screen.contains("Appeler la minoterie"), "{screen}");
        assert!(!screen.contains("12 34 56"), "{screen}");
    }
}

// ---------------------------------------------------------------------------------------
// Selection

/// What a cell shows: for a full block its ink, for a blank its ground, with the terminal's
/// own colours named and reversal applied.
fn look(c: &ratatui::buffer::Cell) -> String {
    use ratatui::style::{Color, Modifier};
    let name = |col: Color, default: &str| match col {
        Color::Reset => default.to_string(),
        other => format!("{other:?}"),
    };
    let (mut fg, mut bg) = (name(c.fg, "FG"), name(c.bg, "BG"));
    if c.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    match c.symbol() {
        "█" => fg,
        " " => bg,
        _ => format!("{fg} on {bg}"),
    }
}

/// The winning theme selected in the vote ranking, on the projector and on the advisor's
/// screen, in every theme, `NO_COLOR` included: its bar reads as a bar (its ink is neither
/// the screen's ground nor the blanks framing it) and every mark on the row shows (its ink
/// differs from its ground).
#[test]
fn selection_never_hides_a_bar_or_a_mark() {
    use atelier::theme::ThemeName;
    let themes = [
        ("dark", Theme::DARK),
        ("light", Theme::LIGHT),
        ("high contrast", Theme::HIGH_CONTRAST),
        ("NO_COLOR", Theme::MONO),
        (
            "high contrast, NO_COLOR",
            Theme::named(ThemeName::HighContrast, true),
        ),
    ];
    let mut h = presenting(PhaseKind::NeedEmergence);
    focus(&mut h, Pane::Votes);
    h.model
        .session_mut()
        .unwrap()
        .selected
        .insert(Pane::Votes, 0);
    for presenter in [true, false] {
        h.model.session_mut().unwrap().presenter = presenter;
        for (name, theme) in themes {
            h.model.theme = theme;
            for (w, hh) in [(80, 24), (200, 50)] {
                let buf = draw(&h.model, w, hh);
                // The screen's ground: a blank cell that is not reversed.
                let ground = buf
                    .content()
                    .iter()
                    .find(|c| {
                        c.symbol() == " "
                            && !c.modifier.contains(ratatui::style::Modifier::REVERSED)
                    })
                    .map(look)
                    .unwrap();
                let bars = |y: u16| (0..w).filter(|&x| buf[(x, y)].symbol() == "█").count();
                let selected = (0..hh)
                    .find(|&y| {
                        bars(y) > 0
                            && (0..w).any(|x| {
                                buf[(x, y)]
                                    .modifier
                                    .contains(ratatui::style::Modifier::REVERSED)
                            })
                    })
                    .unwrap_or_else(|| panic!("a selected row with a bar:\n{}", text(&buf)));
                let most = (0..hh).map(bars).max().unwrap();
                assert_eq!(bars(selected), most, "the winner is the selected row");
                let cells: Vec<u16> = (0..w)
                    .filter(|&x| buf[(x, selected)].symbol() == "█")
                    .collect();
                let (first, last) = (cells[0], *cells.last().unwrap());
                let framing = [
                    look(&buf[(first - 1, selected)]),
                    look(&buf[(last + 1, selected)]),
                ];
                let what = format!("{name} presenter={presenter} {w}×{hh}");
                for x in cells {
                    let ink = look(&buf[(x, selected)]);
                    assert_ne!(ink, ground, "{what}: the bar reads as the ground");
                    for f in &framing {
                        assert_ne!(&ink, f, "{what}: the bar melts into its frame");
                    }
                }
                for x in 0..w {
                    let c = &buf[(x, selected)];
                    if !matches!(c.symbol(), " " | "" | "█") {
                        let l = look(c);
                        let (ink, on) = l.split_once(" on ").unwrap();
                        assert_ne!(ink, on, "{what}: {:?} at {x} is invisible", c.symbol());
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Whole texts, a page at a time

/// The words of the selected item as drawn: its reversed cells, row after row, for each
/// place it is drawn (the matrix and the list beside it), keyed by the column it starts at.
fn selected_words(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    let lit = |x: u16, y: u16| {
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    };
    let reversed = |y: u16| (0..buf.area.width).any(|x| lit(x, y));
    // The banner (the question) at the top is reversed too: below it only.
    let mut start = (0..4).find(|&y| reversed(y)).unwrap_or(0);
    while reversed(start) {
        start += 1;
    }
    let mut places: std::collections::BTreeMap<u16, Vec<String>> = Default::default();
    for y in start..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            if !lit(x, y) {
                x += 1;
                continue;
            }
            let from = x;
            let mut run = String::new();
            while x < buf.area.width && lit(x, y) {
                run.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            let words = places.entry(from).or_default();
            words.extend(run.split_whitespace().map(str::to_string));
        }
    }
    places.into_values().map(|w| w.join(" ")).collect()
}

/// Every card on the projected board and every idea in the projected matrix, selected in
/// turn, shows whole (its words, none cut, no `…`), at 80×24 and 120×30: the page shown is
/// the one holding it, and says which.
#[test]
fn projected_cards_and_ideas_show_whole_on_the_selected_ones_page() {
    for (kind, pane) in [
        (PhaseKind::NeedEmergence, Pane::Cards),
        (PhaseKind::SolutionSearch, Pane::Ideas),
    ] {
        let mut h = presenting(kind);
        h.model.theme = Theme::MONO;
        focus(&mut h, pane);
        let rows = h.ui().rows(pane);
        let mut paged = false;
        for (i, id) in rows.iter().enumerate() {
            h.model.session_mut().unwrap().selected.insert(pane, i);
            let ses = h.session();
            let typed = match pane {
                Pane::Cards => ses
                    .needs
                    .cards
                    .iter()
                    .find(|c| &c.id == id)
                    .unwrap()
                    .text
                    .clone(),
                _ => ses
                    .solutions
                    .ideas
                    .iter()
                    .find(|x| &x.id == id)
                    .unwrap()
                    .text
                    .clone(),
            };
            let want: Vec<&str> = typed.split_whitespace().collect();
            let want = want.join(" ");
            for (w, hh) in [(80, 24), (120, 30)] {
                let buf = draw(&h.model, w, hh);
                let screen = text(&buf);
                assert!(
                    !screen.contains('…'),
                    "{kind:?} {w}×{hh}: a text is cut\n{screen}"
                );
                let shown = selected_words(&buf);
                assert!(
                    shown.iter().any(|s| s.ends_with(&want)),
                    "{kind:?} {w}×{hh}, row {i}: {want:?} is not whole in {shown:?}\n{screen}"
                );
                paged |= screen.contains(" 2/");
            }
        }
        assert!(paged, "{kind:?}: some item is on a second page");
    }
}
