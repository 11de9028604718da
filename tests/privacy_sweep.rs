//! The privacy sweep (issue 11): phone numbers typed as people type them planted in every
//! free text of a session, in the members' phone field, in the check-in remarks and in the
//! private notes; then every output that is not `--private` — `show`, the minutes in each
//! format (plain and anonymized), the programme report, the presenter view of every phase
//! and replay — is searched: no phone and no private text shows in any.

mod common;

use atelier::i18n::Lang;
use atelier::model::Session;
use common::Harness;
use common::screen::{draw, text};
use ratatui::crossterm::event::KeyCode;

const PHONES: [&str; 3] = ["0661234567", "06 61 23 45 67", "+212 661-234-567"];
const NOTE: &str = "NOTE-PRIVEE";
const REMARK: &str = "REMARQUE-DU-CONSEILLER";

fn planted() -> Session {
    let mut s = atelier::sample::bakers_session(common::t0(), 7);
    let mut k = 0;
    atelier::privacy::for_each_text(&mut s, &mut |t| {
        t.push_str(&format!(" appeler le {}", PHONES[k % PHONES.len()]));
        k += 1;
    });
    for (i, m) in s.group.members.iter_mut().enumerate() {
        m.phone = PHONES[i % PHONES.len()].to_string();
    }
    s.checkin.remarks = format!("{REMARK} {}", PHONES[0]);
    s.closing.private_notes = format!("{NOTE} {}", PHONES[2]);
    assert!(k > 40, "{k} free texts planted");
    s
}

/// What is wrong with an output: a phone number or a private text in it.
#[track_caller]
fn clean(what: &str, out: &str) {
    let chars: Vec<char> = out.chars().collect();
    let runs = atelier::privacy::phone_runs(&chars);
    if let Some(r) = runs.first() {
        let phone: String = chars[r.clone()].iter().collect();
        panic!("{what}: a phone number shows ({phone}):\n{out}");
    }
    for private in [NOTE, REMARK] {
        assert!(!out.contains(private), "{what}: {private} shows:\n{out}");
    }
}

#[test]
fn no_output_for_others_shows_a_phone_or_a_private_text() {
    let s = planted();
    for lang in [Lang::Fr, Lang::En] {
        let lines = atelier::show::show(&s, lang, false);
        clean("show", &atelier::show::to_text(&lines, lang));
        for format in [
            atelier::export::Format::Markdown,
            atelier::export::Format::Html,
            atelier::export::Format::Csv,
        ] {
            for anonymized in [false, true] {
                let out = atelier::export::export(&s, format, lang, anonymized, s.date);
                clean(&format!("export {format:?} {lang:?} {anonymized}"), &out);
            }
        }
        let bytes = atelier::store::encode(&s).unwrap();
        let facts = atelier::report::facts_of_bytes(bytes.as_bytes()).expect("facts");
        let report = atelier::report::aggregate(vec![facts], 1, 0, Default::default());
        let method = atelier::method::Method::builtin();
        clean(
            "report md",
            &atelier::report::to_markdown(&report, &method, lang),
        );
        clean(
            "report csv",
            &atelier::report::to_csv(&report, &method, lang),
        );
        clean(
            "report html",
            &atelier::report::to_html(&report, &method, lang),
        );
    }
}

#[test]
fn no_projected_or_replayed_screen_shows_a_phone_or_a_private_text() {
    let s = planted();
    let mut h = Harness::with_session(s.clone(), false);
    h.code(KeyCode::F(5));
    for phase in 0..s.method.phases.len() {
        for (w, ht) in [(80, 24), (200, 50)] {
            // Every pane of the phase, and a few rows down each.
            for _pane in 0..4 {
                for _row in 0..3 {
                    clean(
                        &format!("presenter, phase {phase}, {w}x{ht}"),
                        &text(&draw(&h.model, w, ht)),
                    );
                    h.code(KeyCode::Down);
                }
                h.code(KeyCode::Tab);
            }
        }
        h.keys("]");
    }

    // What replay shows comes from the history: the phones go in through events too.
    let mut s = s;
    let at = s.saved;
    s.record(
        at,
        atelier::model::Change::TextSet {
            field: atelier::model::TextField::Remarks,
            text: format!("au conseiller : {}", PHONES[1]),
        },
    );
    s.record(
        at,
        atelier::model::Change::TextSet {
            field: atelier::model::TextField::PrivateNotes,
            text: format!("{NOTE} {}", PHONES[0]),
        },
    );
    let mut h = Harness::new();
    h.send(atelier::update::Msg::Replay {
        session: Box::new(s.clone()),
        path: common::fake_path(&s.id),
        pseudonyms: false,
    });
    for step in 0..=s.history.len() {
        if step % 5 == 0 || step == s.history.len() {
            clean(
                &format!("replay step {step}"),
                &text(&draw(&h.model, 100, 30)),
            );
        }
        h.code(KeyCode::Right);
    }
    // The state replay draws from, the remarks (on the check-in screen) included.
    let atelier::ui::Screen::Replay(ui) = &h.model.screen else {
        panic!("not a replay");
    };
    clean("replay's remarks", &ui.view.session.checkin.remarks);
    // The last state, phase by phase.
    h.code(KeyCode::Home);
    for phase in 0..s.method.phases.len() {
        h.keys("}");
        clean(
            &format!("replay, end of phase {phase}"),
            &text(&draw(&h.model, 100, 30)),
        );
    }
}
