//! `cargo xtask test`: every check, in order, stopping at the first failure,
//! then a summary table (step, result, seconds).

use crate::browser::{self, CHROMEDRIVER};
use crate::cmd;
use crate::npm;
use crate::tasks;
use crate::tools::WASM_TARGET;
use crate::ui::{self, Outcome};
use crate::Ctx;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// (key for `--skip`, name in the summary, what it runs)
type Step = (&'static str, &'static str, fn(&Ctx) -> Result<(), String>);

const STEPS: &[Step] = &[
    ("tools", "tools", ensure_tools),
    ("fmt", "fmt", fmt),
    ("clippy", "clippy (host)", clippy_host),
    ("clippy-wasm", "clippy (wasm32)", clippy_wasm),
    ("host-tests", "host tests", host_tests),
    ("wasm-tests", "wasm tests (headless chromium)", wasm_tests),
    ("release", "release build (trunk)", release_build),
    ("npm", "npm dependencies", npm_dependencies),
    ("e2e", "end-to-end (playwright)", end_to_end),
];

pub const USAGE: &str = "\
usage: cargo xtask test [--skip STEP]... [--keep-going]
  --skip STEP    leave out a step (tools, fmt, clippy, clippy-wasm, host-tests,
                 wasm-tests, release, npm, e2e); repeatable
  --keep-going   run the remaining steps after a failure
";

pub fn test(ctx: &Ctx, args: &[String]) -> ExitCode {
    let mut skip: Vec<&str> = Vec::new();
    let mut keep_going = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--keep-going" => keep_going = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--skip" => match args.next() {
                Some(key) if STEPS.iter().any(|(k, _, _)| k == key) => skip.push(key),
                _ => {
                    eprint!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprint!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }

    let mut rows: Vec<(String, Outcome)> = Vec::new();
    let mut failures = Vec::new();
    for (index, (key, name, step)) in STEPS.iter().enumerate() {
        if skip.contains(key) || (!failures.is_empty() && !keep_going) {
            rows.push((name.to_string(), Outcome::Skipped));
            continue;
        }
        ui::banner(index + 1, STEPS.len(), name);
        let started = Instant::now();
        let result = step(ctx);
        let elapsed = started.elapsed();
        match result {
            Ok(()) => rows.push((name.to_string(), Outcome::Ok(elapsed))),
            Err(err) => {
                ui::error(&err);
                rows.push((name.to_string(), Outcome::Failed(elapsed)));
                failures.push((name, err));
            }
        }
    }
    ui::summary(&rows);
    println!();
    if failures.is_empty() {
        if skip.is_empty() {
            println!("all checks passed");
        } else {
            println!("all checks run passed (skipped: {})", skip.join(", "));
        }
        return ExitCode::SUCCESS;
    }
    for (name, err) in &failures {
        ui::error(&format!("step `{name}` failed: {err}"));
    }
    ExitCode::FAILURE
}

fn ensure_tools(ctx: &Ctx) -> Result<(), String> {
    ctx.tools.ensure(&ctx.root)?;
    browser::ensure_chromium()?;
    crate::lms::ensure_xmllint()?;
    browser::ensure_debian_command("pdftotext", "poppler-utils")
}

/// rustfmt, then leptosfmt for the `view!` bodies rustfmt skips (its defaults: rustfmt's
/// width and indentation).
fn fmt(ctx: &Ctx) -> Result<(), String> {
    cmd::run(cmd::cargo(&ctx.root).args(["fmt", "--all", "--check"]))?;
    cmd::run(
        Command::new(ctx.tools.leptosfmt())
            .current_dir(&ctx.root)
            .args(["--check", "src", "tests"]),
    )
}

fn clippy_host(ctx: &Ctx) -> Result<(), String> {
    cmd::run(cmd::cargo(&ctx.root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn clippy_wasm(ctx: &Ctx) -> Result<(), String> {
    cmd::run(cmd::cargo(&ctx.root).args([
        "clippy",
        "--target",
        WASM_TARGET,
        "--all-targets",
        "-p",
        "lectern",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The other bundles of a release build (xtask/src/split.rs): the student app, without the
    // teacher's pages or the LMS session and with its screens in chunks (`split`), and the SCORM
    // package's app, the student app with the session, must build as cleanly as the whole one.
    for features in [
        &["--no-default-features", "--features", "split"][..],
        &["--no-default-features", "--features", "scorm"],
    ] {
        cmd::run(
            cmd::cargo(&ctx.root)
                .args(["clippy", "--target", WASM_TARGET, "-p", "lectern"])
                .args(features)
                .args(["--", "-D", "warnings"]),
        )?;
    }
    Ok(())
}

fn host_tests(ctx: &Ctx) -> Result<(), String> {
    cmd::run(cmd::cargo(&ctx.root).args(["test", "--workspace"]))
}

/// `cargo test` on wasm32: wasm-bindgen-test-runner drives headless Chromium through
/// chromedriver, with the capabilities in webdriver.json. Chromedriver gives every
/// session a fresh profile under `TMPDIR`; it is killed before it can clean up, so
/// `TMPDIR` points to a directory of this run's own, removed afterwards.
fn wasm_tests(ctx: &Ctx) -> Result<(), String> {
    let tmp = ctx
        .root
        .join("target")
        .join("wasm-test-tmp")
        .join(std::process::id().to_string());
    std::fs::create_dir_all(&tmp)
        .map_err(|err| format!("cannot create {}: {err}", tmp.display()))?;
    let mut command = cmd::cargo(&ctx.root);
    command
        .args(["test", "--target", WASM_TARGET, "-p", "lectern"])
        .env("PATH", ctx.tools.path_env())
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            ctx.tools.test_runner(),
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            ctx.root.join("webdriver.json"),
        )
        // Test binaries without `wasm_bindgen_test_configure!` run in the browser
        // too (the default would be Node.js): this is a browser app.
        .env("WASM_BINDGEN_USE_BROWSER", "1")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        // A time zone east of UTC with daylight saving, so the tests of local dates and times
        // (tests/web_classroom.rs) would catch an offset taken the wrong way round.
        .env("TZ", "Europe/Paris")
        .env("TMPDIR", &tmp);
    let result = cmd::run(&mut command);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

fn release_build(ctx: &Ctx) -> Result<(), String> {
    tasks::build_release(ctx)
}

fn npm_dependencies(ctx: &Ctx) -> Result<(), String> {
    npm::ensure_node_modules(&ctx.root)
}

fn end_to_end(ctx: &Ctx) -> Result<(), String> {
    cmd::run(npm::playwright(&ctx.root).arg("test"))
}
