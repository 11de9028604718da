//! The README's key table is the key table in code, word for word: `keymap::markdown_table`
//! generates it, and this test fails (printing the table to paste) the moment a key, an
//! action or a wording changes without the README following. With `UPDATE_README=1` it
//! writes the generated table into README.md instead of failing.

use atelier::i18n::Lang;
use atelier::keymap::markdown_table;

const START: &str = "<!-- keys:start -->";
const END: &str = "<!-- keys:end -->";
const HELP_START: &str = "<!-- help:start -->";
const HELP_END: &str = "<!-- help:end -->";

/// Checks that the README holds `expected` between two markers; with `UPDATE_README` set,
/// writes it there instead of failing.
fn generated_section(start_marker: &str, end_marker: &str, expected: &str, what: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md at the crate root");
    let start = readme
        .find(start_marker)
        .unwrap_or_else(|| panic!("README.md has no {start_marker} marker"));
    let end = readme
        .find(end_marker)
        .unwrap_or_else(|| panic!("README.md has no {end_marker} marker"));
    assert!(start < end, "{start_marker} must come before {end_marker}");
    let found = readme[start + start_marker.len()..end].trim();
    if found == expected.trim() {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!(
            "{}\n{}\n{}",
            &readme[..start + start_marker.len()],
            expected.trim(),
            &readme[end..]
        );
        // Written aside then renamed: the other tests read README.md at the same time.
        let aside = format!("{path}.{}.new", std::process::id() ^ what.len() as u32);
        std::fs::write(&aside, updated).unwrap();
        std::fs::rename(&aside, path).unwrap();
        return;
    }
    panic!(
        "README.md's {what} differs from the code. Paste this between {start_marker} and \
         {end_marker} (or run `UPDATE_README=1 cargo test --test readme`):\n\n{expected}"
    );
}

#[test]
fn readme_key_table_is_the_generated_one() {
    generated_section(START, END, &markdown_table(Lang::En), "key table");
}

/// The help printed by `atelier --lang en --help`, at a fixed width so it doesn't depend on
/// the terminal the test runs in.
#[test]
fn readme_help_is_the_program_help() {
    let help = atelier::cli::command(Lang::En)
        .term_width(100)
        .render_help()
        .to_string();
    let block = format!("```text\n{}\n```", help.trim_end());
    generated_section(HELP_START, HELP_END, &block, "`--help` output");
}

/// The definitions of the report's indicators, as the report's footnotes say them.
#[test]
fn readme_report_definitions_are_the_reports() {
    generated_section(
        "<!-- report-definitions:start -->",
        "<!-- report-definitions:end -->",
        &atelier::report::definitions_table(Lang::En),
        "report definitions",
    );
}

#[test]
fn readme_names_the_commands_ci_runs() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    for command in [
        "cargo test",
        "cargo fmt --check",
        "cargo clippy --all-targets -- -D warnings",
    ] {
        assert!(
            readme.contains(command),
            "README.md does not mention `{command}`"
        );
        assert!(ci.contains(command), ".ci/run does not run `{command}`");
    }
    assert!(
        readme.contains("cargo run --release"),
        "README.md lost its run command"
    );
}
