//! `cargo xtask fuzz [--cases N]`: the property tests of every parser of outside input, with
//! many more cases than the few hundred each runs in `cargo xtask test`.
//!
//! Each target is a proptest suite that reads `PROPTEST_CASES`; a failure prints the smallest
//! input it found and proptest saves its seed under `proptest-regressions/`, so the next normal
//! test run tries it first.

use crate::cmd;
use crate::ui;
use crate::Ctx;

/// Cases per property when `--cases` is not given: a few minutes on two cores.
const DEFAULT_CASES: u32 = 20_000;

/// (what it checks, cargo test arguments)
const TARGETS: &[(&str, &[&str])] = &[
    (
        "content compiler (arbitrary and mutated TOML)",
        &["-p", "lectern-content", "--test", "properties"],
    ),
    (
        "backups, the highlights in them, and import limits (arbitrary bytes and JSON, anchors against changed text)",
        &[
            "-p",
            "lectern",
            "--lib",
            "--",
            "core::backup::properties",
            "core::limits::properties",
            "core::highlights::properties",
        ],
    ),
    (
        "assignment links, hand-in codes and result files (round trips, every truncation and changed character, arbitrary text)",
        &[
            "-p",
            "lectern",
            "--lib",
            "--",
            "core::codec::tests",
            "core::assignment::tests",
            "core::handin::tests",
        ],
    ),
    (
        "LMS files: CSV as Canvas gradebooks come (round trips, arbitrary text) and SCORM suspend data",
        &[
            "-p",
            "lectern",
            "--lib",
            "--",
            "core::csv::properties",
            "core::scorm::suspend::tests",
        ],
    ),
];

pub const USAGE: &str = "\
usage: cargo xtask fuzz [--cases N]
  --cases N   cases per property (default 20000; `cargo xtask test` runs 256)
";

pub fn run(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    let cases = parse_cases(args)?;
    for (what, cargo_args) in TARGETS {
        ui::info("fuzz", &format!("{what}: {cases} cases per property"));
        cmd::run(
            cmd::cargo(&ctx.root)
                // The test profile: release is tuned for a small wasm (LTO, opt-level z) and
                // would take longer to build than the cases take to run.
                .arg("test")
                .args(*cargo_args)
                .env("PROPTEST_CASES", cases.to_string()),
        )?;
    }
    Ok(())
}

fn parse_cases(args: &[String]) -> Result<u32, String> {
    match args {
        [] => Ok(DEFAULT_CASES),
        [flag, n] if flag == "--cases" => n
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("--cases needs a positive whole number, not `{n}`\n{USAGE}")),
        _ => Err(USAGE.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn cases_default_or_given() {
        assert_eq!(parse_cases(&[]), Ok(DEFAULT_CASES));
        assert_eq!(parse_cases(&args(&["--cases", "50"])), Ok(50));
        assert!(parse_cases(&args(&["--cases", "0"])).is_err());
        assert!(parse_cases(&args(&["--cases", "many"])).is_err());
        assert!(parse_cases(&args(&["--cases"])).is_err());
        assert!(parse_cases(&args(&["50"])).is_err());
    }
}
