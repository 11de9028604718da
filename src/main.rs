//! The `atelier` binary: the error report first (so a panic prints readably after the
//! terminal is restored), then the command line.

fn main() -> color_eyre::Result<std::process::ExitCode> {
    color_eyre::install()?;
    atelier::cli::run(atelier::cli::parse())
}
