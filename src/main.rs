//! The `atelier` binary: the panic hook first (so a panic prints readably after the terminal
//! is restored, and ends as an unwinding panic would), then the command line. An error that
//! reaches here is said in one line, its control characters made visible.

use std::process::ExitCode;

fn main() -> ExitCode {
    exit_on_panic();
    match atelier::cli::run(atelier::cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("atelier: {}", atelier::escape::visible(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

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
