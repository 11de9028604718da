//! The `atelier` binary: the panic hook first (so a panic prints readably after the terminal
//! is restored, and ends as an unwinding panic would), then the command line. An error that
//! reaches here is said in one line, its control characters made visible.

use std::process::ExitCode;

fn main() -> ExitCode {
    give_freed_memory_back();
    exit_on_panic();
    match atelier::cli::run(atelier::cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("atelier: {}", atelier::escape::visible(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// glibc keeps the memory a thread's heap frees for its next allocations, up to a threshold
/// that rises with the largest block freed (to 64 MB): at 100,000 sessions the TUI kept the
/// review browser's rows, let go for the programme screen's facts, beside those facts, and
/// the facts beside the rows listed again on coming home: 120 MB at its peak, 92 MB with a
/// fixed threshold (glibc's first, 128 KB), at no cost measured (`atelier report` on
/// 100,000 sessions 0.26–0.28 s either way). A fixed threshold also keeps the mmap
/// threshold where it starts, so large vectors freed go back at once.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_freed_memory_back() {
    // SAFETY: `mallopt` only sets a parameter of glibc's allocator, and this runs first in
    // `main`, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_freed_memory_back() {}

/// The release build aborts on a panic rather than unwinding (`panic = "abort"` in
/// Cargo.toml: a smaller binary). The panic hooks still run first, so the terminal is
/// restored and the report printed; then, rather than let the process die of SIGABRT (with
/// a core dump where the system keeps them, and the sessions' names and notes in it), it ends
/// as an unwinding panic would: status 101, no core.
fn exit_on_panic() {
    #[cfg(panic = "abort")]
    {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            report(info);
            std::process::exit(101);
        }));
    }
}
