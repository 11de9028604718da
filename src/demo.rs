//! `atelier demo`: the demo groups of `sessions/` in a throwaway copy, so a trainer can play
//! freely in front of a class. The files are built into the binary (an installed atelier has
//! no `sessions/` folder beside it); the copy is a temporary folder removed at exit, and the
//! advisor's own sessions folder is never chosen, read or written.

use crate::i18n::{Lang, fill};
use crate::method::Method;
use std::path::Path;
use std::process::ExitCode;

/// One shipped file (a session, or a visit, activity or diagnosis): its name in `sessions/`
/// and its text, deflated (by `build.rs`: 80 KB in the binary instead of 460).
pub struct DemoFile {
    pub name: &'static str,
    deflated: &'static [u8],
}

impl DemoFile {
    /// The file's text, as it is in `sessions/`.
    pub fn text(&self) -> String {
        let bytes = miniz_oxide::inflate::decompress_to_vec(self.deflated)
            .expect("build.rs deflated the shipped session");
        String::from_utf8(bytes).expect("a shipped session is UTF-8 text")
    }
}

macro_rules! shipped {
    ($($name:literal),* $(,)?) => {
        &[$(DemoFile {
            name: $name,
            deflated: include_bytes!(concat!(env!("OUT_DIR"), "/sessions/", $name)),
        }),*]
    };
}

/// Every file of `sessions/`, as it was when atelier was built. A test fails when a file
/// there is missing from this list.
pub const FILES: &[DemoFile] = shipped![
    "2026-10-27_boulangers-de-tanger_s01_kt42ez.ron",
    "2026-11-10_boulangers-de-tanger_s02_df5ebj.ron",
    "2026-11-24_boulangers-de-tanger_s03_7qtbba.ron",
    "2026-10-27_couturieres-d-oujda_s01_w01cgr.ron",
    "2026-11-10_couturieres-d-oujda_s02_4pttgv.ron",
    "2026-11-24_couturieres-d-oujda_s03_0cz1gj.ron",
    // What the groups lived between their meetings: trainings, visits, diagnoses.
    "2026-10-27_boulangers-de-tanger_diagnosis_fatima-zahra-el-idrissi_826kwy.ron",
    "2026-10-27_boulangers-de-tanger_diagnosis_r7fhg4.ron",
    "2026-10-27_couturieres-d-oujda_diagnosis_837429.ron",
    "2026-10-27_couturieres-d-oujda_diagnosis_naima-berrada_z9dvhs.ron",
    "2026-11-03_boulangers-de-tanger_activity_hygiene-et-autorisation_dre2sg.ron",
    "2026-11-03_couturieres-d-oujda_visit_rachida-bouzid_w8c4hf.ron",
    "2026-11-04_boulangers-de-tanger_visit_youssef-benali_5hqc36.ron",
    "2026-11-17_boulangers-de-tanger_activity_visite-du-moulin-de-teto_ek88tw.ron",
    "2026-11-17_couturieres-d-oujda_activity_whatsapp-business-catalo_j8jy06.ron",
    "2026-11-18_couturieres-d-oujda_visit_rachida-bouzid_sewf3d.ron",
    "2026-11-19_boulangers-de-tanger_visit_youssef-benali_yh6bcv.ron",
];

/// Writes the demo files into `dir` (an existing, empty folder).
pub fn write_to(dir: &Path) -> std::io::Result<()> {
    for f in FILES {
        std::fs::write(dir.join(f.name), f.text())?;
    }
    Ok(())
}

/// Runs atelier on a fresh copy of the demo groups; the copy goes when atelier ends (or
/// when this function returns early with an error).
pub fn run(
    lang: Lang,
    method: Method,
    prefs: crate::config::Prefs,
) -> crate::app::Fallible<ExitCode> {
    let strings = lang.strings();
    let copy = tempfile::Builder::new()
        .prefix("atelier-demo-")
        .tempdir()
        .and_then(|d| write_to(d.path()).map(|()| d));
    let copy = match copy {
        Ok(d) => d,
        Err(e) => {
            let tmp = std::env::temp_dir();
            eprintln!("{}", fill(strings.demo.copy_failed, &[&tmp.display(), &e]));
            return Ok(ExitCode::from(2));
        }
    };
    let options = crate::app::Options {
        dir: copy.path().to_path_buf(),
        lang,
        method,
        prefs,
    };
    // The copy is removed when atelier ends, whatever the outcome, a signal included.
    crate::app::run_demo(options, copy)?;
    Ok(ExitCode::SUCCESS)
}
