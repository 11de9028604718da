//! One key (move the selection down) → update → render of the whole screen into a 200×60
//! buffer, for each technique, on a large session (300 cards, 30 themes, 100 causes, 100
//! ideas, 50 actions). Run with `cargo bench`; prints the median and the 95th percentile.
//!
//! A plain harness rather than criterion: nothing to download or compile beyond atelier, and
//! the figure that matters (a median far under a millisecond) needs no statistics beyond that.

use atelier::i18n::Lang;
use atelier::method::{Method, PhaseKind};
use atelier::sample;
use atelier::ui::{Model, Pane, Screen, SessionUi};
use atelier::update::{Msg, update};
use chrono::{TimeZone, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const ROUNDS: usize = 400;

fn model_on(kind: PhaseKind, pane: Pane, alt_view: bool) -> Model {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let session = sample::large_session(now, 42, 300, 30, 100, 100, 50);
    let mut model = Model::new(Lang::Fr, Method::builtin(), PathBuf::from("/tmp"), now, 1);
    let mut ui = SessionUi::new(session, PathBuf::from("/tmp/bench.ron"), false);
    let phase = ui
        .session
        .method
        .index_of(kind)
        .expect("the built-in method has every phase");
    ui.session.current_phase = phase;
    let focus = Pane::for_phase(kind)
        .iter()
        .position(|p| *p == pane)
        .unwrap_or(0);
    ui.focus.insert(kind, focus);
    if alt_view {
        ui.tech.alt_view.insert(pane);
    }
    model.screen = Screen::Session(Box::new(ui));
    model
}

fn measure(name: &str, mut model: Model) -> Duration {
    let area = Rect::new(0, 0, 200, 60);
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    let home = KeyEvent::new(KeyCode::Home, KeyModifiers::NONE);
    let mut times = Vec::with_capacity(ROUNDS);
    let mut buf = Buffer::empty(area);
    for i in 0..ROUNDS {
        if i % 40 == 39 {
            // Back to the top now and then, outside the timing, so "down" always moves.
            update(&mut model, Msg::Key(home));
        }
        let start = Instant::now();
        update(&mut model, Msg::Key(down));
        buf.reset();
        (&model).render(area, &mut buf);
        times.push(start.elapsed());
        std::hint::black_box(&buf);
    }
    times.sort();
    let median = times[ROUNDS / 2];
    let p95 = times[ROUNDS * 95 / 100];
    println!(
        "{name:<18} median {:>8.3} ms   p95 {:>8.3} ms",
        ms(median),
        ms(p95)
    );
    median
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo test` also runs benches in test mode with `--bench` absent: keep that quick.
    if std::env::args().any(|a| a == "--test") || !std::env::args().any(|a| a == "--bench") {
        println!("techniques bench: run with `cargo bench`");
        return;
    }
    println!("key ↓ → update → render 200×60, large session, {ROUNDS} rounds");
    let cases = [
        (
            "card collection",
            PhaseKind::NeedEmergence,
            Pane::Cards,
            false,
        ),
        ("clustering", PhaseKind::NeedEmergence, Pane::Themes, false),
        ("voting", PhaseKind::NeedEmergence, Pane::Votes, false),
        (
            "cause tree",
            PhaseKind::ProblemReflection,
            Pane::Causes,
            false,
        ),
        ("matrix", PhaseKind::SolutionSearch, Pane::Ideas, true),
        ("action plan", PhaseKind::ActionPlan, Pane::Actions, false),
    ];
    let mut worst = Duration::ZERO;
    for (name, kind, pane, alt) in cases {
        worst = worst.max(measure(name, model_on(kind, pane, alt)));
    }
    println!("worst median: {:.3} ms (target: under 1 ms)", ms(worst));
}
