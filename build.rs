//! Compiles the readings in `questions/` into checked static data (`$OUT_DIR/readings.rs`).
//!
//! A mistake in the content fails the build with the file, line, column and a plain message, so
//! nothing unchecked ever reaches a student. Item-quality warnings fail it too for a reading
//! marked `strict = true` (the bundled essay); another reading's warnings are shown.

use std::path::Path;

fn main() {
    // `LECTERN_CONTENT_DIR` builds the app with other readings instead of `questions/`: the
    // benchmark (`cargo xtask bench`) uses it for generated readings of 10 to 1,000 sections.
    println!("cargo:rerun-if-env-changed=LECTERN_CONTENT_DIR");
    let content_dir = std::env::var_os("LECTERN_CONTENT_DIR").filter(|dir| !dir.is_empty());
    let questions = content_dir
        .as_deref()
        .map_or_else(|| Path::new("questions"), Path::new);
    // A folder path makes cargo rerun this script when anything inside it changes.
    println!("cargo:rerun-if-changed={}", questions.display());

    let readings = match lectern_content::compiler::compile_all(questions) {
        Ok((readings, warnings)) => {
            show_warnings(&warnings);
            readings
        }
        Err(problems) => {
            eprintln!(
                "\nThe content in questions/ has {} problem(s):\n",
                problems.len()
            );
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            eprintln!("\nSee docs/authoring.md for what each message means.\n");
            std::process::exit(1);
        }
    };
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let generated = lectern_content::compiler::generate_rust(&readings);
    std::fs::write(Path::new(&out_dir).join("readings.rs"), generated)
        .expect("write the generated content");

    // For the tests only (never included by the app): the bundled readings plus the short test
    // reading, to show that the start page lists every reading when there are several.
    let fixture = Path::new("tests/content/base");
    println!("cargo:rerun-if-changed={}", fixture.display());
    let mut with_fixture = readings;
    match lectern_content::compiler::compile_reading(fixture) {
        Ok(compiled) => with_fixture.push(compiled.reading),
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            std::process::exit(1);
        }
    }
    let generated = lectern_content::compiler::generate_static("TEST_READINGS", &with_fixture);
    std::fs::write(Path::new(&out_dir).join("test_readings.rs"), generated)
        .expect("write the generated test content");

    // The test reading with markup and script-like text in it, to show it renders as text.
    let markup = Path::new("tests/content/markup");
    println!("cargo:rerun-if-changed={}", markup.display());
    match lectern_content::compiler::compile_reading(markup) {
        Ok(compiled) => {
            let generated =
                lectern_content::compiler::generate_static("MARKUP_READINGS", &[compiled.reading]);
            std::fs::write(Path::new(&out_dir).join("markup_readings.rs"), generated)
                .expect("write the generated markup test content");
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            std::process::exit(1);
        }
    }
}

/// The most warnings shown one by one; the rest are counted (`cargo xtask content-report` lists
/// them all).
const SHOWN_WARNINGS: usize = 20;

/// A reading that is not strict builds with its warnings, which cargo shows.
fn show_warnings(warnings: &[lectern_content::compiler::Diagnostic]) {
    for warning in warnings.iter().take(SHOWN_WARNINGS) {
        println!("cargo:warning={warning}");
    }
    if warnings.len() > SHOWN_WARNINGS {
        println!(
            "cargo:warning=… and {} more item-quality warning(s): `cargo xtask content-report` lists them",
            warnings.len() - SHOWN_WARNINGS
        );
    }
}
