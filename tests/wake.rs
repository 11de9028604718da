//! When the loop wakes on its own (`update::next_wake`): never on the home screen or with a
//! paused timer and nothing to save, on each whole second of a running timer, at the moment
//! a save comes due (and no sooner than the retry after a failed one), at each replay step.
//! The harness's clock moves the same way (`Harness::wait_ms`), so every timing test of
//! the suite runs on these wake-ups too.

mod common;

use atelier::sample;
use atelier::update::next_wake;
use chrono::TimeDelta;
use common::{Harness, SEED, t0};

fn ms(n: i64) -> TimeDelta {
    TimeDelta::milliseconds(n)
}

#[test]
fn home_and_a_paused_session_with_nothing_to_save_never_wake() {
    let h = Harness::new();
    assert_eq!(next_wake(&h.model), None);
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.wait(2);
    assert!(!h.session().timer(0).is_running());
    assert_eq!(next_wake(&h.model), None);
}

#[test]
fn a_running_timer_wakes_on_each_whole_second_of_its_clock() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.wait(2);
    h.wait_ms(300);
    h.keys("t");
    let since = h.session().timer(0).running_since.unwrap();
    h.wait_ms(2_450);
    let due = next_wake(&h.model).unwrap();
    // The clock's next change: 3 whole seconds after the start, 550 ms from now.
    assert_eq!(due, since + ms(3_000));
    assert_eq!(h.session().timer(0).elapsed(h.now), 2);
    // Paused again: saved, then asleep.
    h.keys("t");
    h.wait(2);
    assert_eq!(next_wake(&h.model), None);
}

#[test]
fn typing_makes_a_save_due_and_the_save_comes_at_that_moment() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.wait(2);
    let saves = h.saves;
    h.keys("t");
    let changed = h.now;
    let due = next_wake(&h.model).unwrap();
    assert!(
        due > changed && due <= changed + ms(600),
        "{:?}",
        due - changed
    );
    h.wait_ms((due - h.now).num_milliseconds());
    assert_eq!(h.saves, saves + 1, "saved at the moment it was due");
}

#[test]
fn after_a_failed_save_the_next_attempt_waits_for_the_retry() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.wait(2);
    h.fail_saves = true;
    let saves = h.saves;
    h.keys("t");
    h.keys("t");
    h.wait(1);
    assert_eq!(h.saves, saves + 1, "one attempt, failed");
    let due = next_wake(&h.model).unwrap();
    assert!(
        due - h.now > ms(1_000),
        "not at every tick: {:?}",
        due - h.now
    );
    h.fail_saves = false;
    h.wait(3);
    assert_eq!(h.saves, saves + 2);
    assert_eq!(next_wake(&h.model), None);
}
