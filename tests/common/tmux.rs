//! The real binary in a real terminal for the end-to-end, demo and follow tests: a private
//! tmux server per test (its own socket in a temporary folder), atelier run with temporary
//! `HOME`, `XDG_*` and `TMPDIR` and whatever arguments the test gives, the screen read with
//! `capture-pane`. Waits poll the screen; the server and anything still running in it are
//! killed when the value drops.
//!
//! Needs tmux: without it `Term::available` says the test is skipped (a failure under CI).

#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_atelier");
/// What the shell around atelier prints when it ends, before the status and `]`.
pub const EXITED: &str = "[atelier exited: ";
pub const WAIT: Duration = Duration::from_secs(10);

pub fn available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").is_err(),
            "tmux is not installed: the real-terminal tests cannot run without it"
        );
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"SKIPPED: tmux is not installed (apt-get install tmux): a real-terminal test did not run\n",
        );
    }
    found
}

fn sh(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

pub struct Term {
    pub tmp: tempfile::TempDir,
    socket: String,
    size: (u16, u16),
    runs: u32,
    current: String,
}

impl Term {
    pub fn new(cols: u16, rows: u16) -> Term {
        let tmp = tempfile::tempdir().unwrap();
        for d in ["home", "data", "config", "tmux", "tmp"] {
            std::fs::create_dir(tmp.path().join(d)).unwrap();
        }
        std::fs::write(
            tmp.path().join("tmux.conf"),
            "set -g remain-on-exit on\nset -g history-limit 5000\n",
        )
        .unwrap();
        let socket = format!(
            "atelier-room-{}-{}",
            std::process::id(),
            tmp.path().file_name().unwrap().to_string_lossy()
        );
        Term {
            tmp,
            socket,
            size: (cols, rows),
            runs: 0,
            current: String::new(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// The temporary folder atelier is given (`TMPDIR`): where the demo makes its copy.
    pub fn tmpdir(&self) -> PathBuf {
        self.path("tmp")
    }

    fn tmux_output(&self, args: &[&str]) -> Output {
        let p = |n: &str| self.path(n);
        Command::new("tmux")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", p("home"))
            .env("TMUX_TMPDIR", p("tmux"))
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .args(["-u", "-L", &self.socket, "-f"])
            .arg(p("tmux.conf"))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("tmux runs")
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts `atelier ARGS` (French) from a shell that prints `[atelier exited: STATUS]`
    /// when it ends and stays; keys and screens go to this run from now on. Returns the
    /// run's name (the tmux session), for `switch_to`.
    pub fn start(&mut self, args: &[&str], env: &[(&str, &str)]) -> String {
        self.start_wrapped(&[], args, env)
    }

    /// [`Term::start`] with atelier run by `wrapper` (a command that ends by exec'ing its
    /// arguments, so that atelier is still the shell's child: see `pid`).
    pub fn start_wrapped(
        &mut self,
        wrapper: &[&str],
        args: &[&str],
        env: &[(&str, &str)],
    ) -> String {
        self.runs += 1;
        self.current = format!("run{}", self.runs);
        let p = |n: &str| self.path(n).to_string_lossy().into_owned();
        let mut vars = vec![
            ("HOME".to_string(), p("home")),
            ("XDG_DATA_HOME".to_string(), p("data")),
            ("XDG_CONFIG_HOME".to_string(), p("config")),
            ("TMPDIR".to_string(), p("tmp")),
            ("LANG".to_string(), "C.UTF-8".to_string()),
            ("LC_ALL".to_string(), "C.UTF-8".to_string()),
        ];
        for (k, v) in env {
            vars.push((k.to_string(), v.to_string()));
        }
        let vars: Vec<String> = vars.iter().map(|(k, v)| sh(&format!("{k}={v}"))).collect();
        let args: Vec<String> = args.iter().map(|a| sh(a)).collect();
        let wrapper: Vec<String> = wrapper.iter().map(|a| sh(a)).collect();
        // `env` execs atelier: the shell's child is atelier itself (see `pid`).
        let command = format!(
            "env {} {} {} {}; echo \"{EXITED}$?]\"; exec sleep 600",
            vars.join(" "),
            wrapper.join(" "),
            sh(BIN),
            args.join(" ")
        );
        let (cols, rows) = (self.size.0.to_string(), self.size.1.to_string());
        let target = self.current.clone();
        self.tmux(&[
            "new-session",
            "-d",
            "-s",
            &target,
            "-x",
            &cols,
            "-y",
            &rows,
            &command,
        ]);
        target
    }

    /// Closes the terminal window of the current run, as a person closing it would: what
    /// runs in it gets SIGHUP and its terminal goes away.
    pub fn close(&self) {
        self.tmux(&["kill-session", "-t", &self.current]);
    }

    /// Sends keys to, and reads, an earlier run that is still going.
    pub fn switch_to(&mut self, run: &str) {
        self.current = run.to_string();
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        let (cols, rows) = (cols.to_string(), rows.to_string());
        self.tmux(&[
            "resize-window",
            "-t",
            &self.current,
            "-x",
            &cols,
            "-y",
            &rows,
        ]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.current];
        args.extend(keys);
        self.tmux(&args);
    }

    /// Types text literally.
    pub fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.current, "-l", "--", text]);
    }

    /// Esc, then a person's pause: Esc followed quickly by a key reads as Alt+key.
    pub fn esc(&self) {
        self.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(150));
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.current])
    }

    /// The screen and everything that scrolled off it.
    pub fn history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-", "-t", &self.current])
    }

    /// A tmux format (`#{pane_pid}`...) read for the current run.
    pub fn format(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", &self.current, format])
            .trim()
            .to_string()
    }

    /// The pid of atelier itself (not the shell around it): the pane shell's child.
    #[track_caller]
    pub fn pid(&self) -> u32 {
        let shell = self.format("#{pane_pid}");
        let start = Instant::now();
        loop {
            if let Some(pid) = children(&shell).first() {
                let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
                if comm.trim() == "atelier" {
                    return pid.parse().unwrap();
                }
            }
            assert!(
                start.elapsed() < WAIT,
                "no atelier under the pane's shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    #[track_caller]
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > WAIT {
                panic!("waited {WAIT:?} for {text:?}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    #[track_caller]
    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while self.screen().contains(text) {
            if start.elapsed() > WAIT {
                panic!(
                    "{text:?} still on screen after {WAIT:?}:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Waits for atelier to end; its exit status (128 + signal when killed) as the shell
    /// reports it.
    #[track_caller]
    pub fn wait_exit(&self) -> i32 {
        let screen = self.wait_for(EXITED);
        let rest = &screen[screen.find(EXITED).unwrap() + EXITED.len()..];
        let status: String = rest.chars().take_while(char::is_ascii_digit).collect();
        status.parse().unwrap()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let panes = self.tmux_output(&["list-panes", "-a", "-F", "#{pane_pid}"]);
        let mut pids: Vec<String> = String::from_utf8_lossy(&panes.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let kids: Vec<String> = pids.iter().flat_map(|p| children(p)).collect();
        pids.extend(kids);
        let _ = self.tmux_output(&["kill-server"]);
        for pid in pids {
            let _ = Command::new("kill").args(["-9", &pid]).output();
        }
    }
}

/// The child processes of a process (Linux).
pub fn children(pid: &str) -> Vec<String> {
    let path = format!("/proc/{pid}/task/{pid}/children");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// A folder's files, each with its bytes and modification time: what "untouched" compares.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, Option<std::time::SystemTime>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            let bytes = if meta.is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            let name = e.file_name().to_string_lossy().into_owned();
            (name, bytes, meta.modified().ok())
        })
        .collect();
    out.sort();
    out
}
