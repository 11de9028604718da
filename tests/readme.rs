//! The README's key table is the key table in code, word for word: `keymap::markdown_table`
//! generates it, and this test fails (printing the table to paste) the moment a key, an
//! action or a wording changes without the README following. With `UPDATE_README=1` it
//! writes the generated table into README.md instead of failing.

use atelier::i18n::Lang;
use atelier::keymap::markdown_table;

const START: &str = "<!-- keys:start -->";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_table_is_the_generated_one() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md at the crate root");
    let start = readme
        .find(START)
        .unwrap_or_else(|| panic!("README.md has no {START} marker"));
    let end = readme
        .find(END)
        .unwrap_or_else(|| panic!("README.md has no {END} marker"));
    assert!(start < end, "{START} must come before {END} in README.md");
    let found = readme[start + START.len()..end].trim();
    let expected = markdown_table(Lang::En);
    if found != expected.trim() && std::env::var_os("UPDATE_README").is_some() {
        let updated = format!(
            "{}\n{expected}{}",
            &readme[..start + START.len()],
            &readme[end..]
        );
        // Written aside then renamed: the other test reads README.md at the same time.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        std::fs::write(format!("{path}.new"), updated).unwrap();
        std::fs::rename(format!("{path}.new"), path).unwrap();
        return;
    }
    if found != expected.trim() {
        panic!(
            "README.md's key table differs from src/keymap.rs. Paste this between {START} and {END} \\
             (or run `UPDATE_README=1 cargo test --test readme`):\n\n{expected}"
        );
    }
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
