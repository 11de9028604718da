//! A phase's countdown as a value: planned time, time run so far, and when it was started if
//! it runs now. No clock inside: every question takes `now`, so tests fix the time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Timer {
    /// Planned duration, changed with `+` and `-`.
    pub planned_secs: u32,
    /// Running time accumulated before the current run (the phase's actual time when paused).
    #[serde(default)]
    pub elapsed_secs: u32,
    /// Set while the timer runs.
    #[serde(default)]
    pub running_since: Option<DateTime<Utc>>,
}

impl Timer {
    pub fn new(planned_minutes: u32) -> Self {
        Timer {
            planned_secs: planned_minutes.saturating_mul(60),
            elapsed_secs: 0,
            running_since: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Running time up to `now`, in whole seconds.
    pub fn elapsed(&self, now: DateTime<Utc>) -> u32 {
        let run = self
            .running_since
            .map(|since| (now - since).num_seconds().max(0))
            .unwrap_or(0);
        self.elapsed_secs
            .saturating_add(u32::try_from(run).unwrap_or(u32::MAX))
    }

    /// Seconds left; negative once the phase runs over.
    pub fn remaining(&self, now: DateTime<Utc>) -> i64 {
        i64::from(self.planned_secs) - i64::from(self.elapsed(now))
    }

    pub fn overrun(&self, now: DateTime<Utc>) -> bool {
        self.remaining(now) < 0
    }

    pub fn start(&mut self, now: DateTime<Utc>) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn pause(&mut self, now: DateTime<Utc>) {
        self.elapsed_secs = self.elapsed(now);
        self.running_since = None;
    }

    /// Adds (or removes, with a negative count) whole minutes to the planned time, never below 0.
    pub fn adjust_planned(&mut self, minutes: i32) {
        let secs = i64::from(self.planned_secs) + i64::from(minutes) * 60;
        self.planned_secs = u32::try_from(secs.max(0)).unwrap_or(u32::MAX);
    }

    /// Actual minutes, rounded to the nearest.
    pub fn actual_minutes(&self, now: DateTime<Utc>) -> u32 {
        self.elapsed(now).saturating_add(30) / 60
    }
}

/// `mm:ss`, or `h:mm:ss` past an hour; a leading `+` for overrun time.
pub fn format_clock(secs: i64) -> String {
    let sign = if secs < 0 { "+" } else { "" };
    let s = secs.unsigned_abs();
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{sign}{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_800_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn runs_pauses_and_overruns() {
        let mut t = Timer::new(1);
        t.start(at(0));
        assert_eq!(t.remaining(at(20)), 40);
        t.pause(at(30));
        assert_eq!(t.elapsed(at(500)), 30);
        t.start(at(100));
        assert!(t.overrun(at(131)));
        assert_eq!(format_clock(t.remaining(at(135))), "+00:05");
        t.adjust_planned(2);
        assert!(!t.overrun(at(135)));
        t.adjust_planned(-10);
        assert_eq!(t.planned_secs, 0);
        assert_eq!(format_clock(3725), "1:02:05");
    }
}
