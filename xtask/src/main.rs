//! `cargo xtask <command>`: Lectern's build and test tasks.
//!
//! Its dependencies are `toml` and the content compiler (`lectern-content`, for
//! `content-report`), which the app's build script compiles anyway, so it compiles in seconds
//! on a fresh machine. The tools it needs
//! (wasm32 target, trunk, wasm-bindgen-cli, binaryen's wasm-opt) are installed once,
//! pinned, into `${XDG_CACHE_HOME:-~/.cache}/lectern/tools/<name>-<version>/` and put
//! on `PATH` only for the commands xtask runs; nothing global is touched.

mod bench;
mod browser;
mod build_files;
mod cmd;
mod content_report;
mod csp;
mod fuzz;
mod hash;
mod lms;
mod manifest;
mod npm;
mod post_build;
mod prerender;
mod size_flags;
mod split;
mod steps;
mod tasks;
mod tools;
mod ui;
mod wasm_split;
mod worker;

use std::path::PathBuf;
use std::process::ExitCode;

/// Everything a command needs: where the repository is and where its tools are.
pub struct Ctx {
    pub root: PathBuf,
    pub tools: tools::Tools,
}

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [trunk args]  install tools if needed, then `trunk serve` on http://127.0.0.1:8080/
                      (dev build in target/serve-dist/, so dist/ is left alone)
  dist [trunk args]   install tools if needed, then `trunk build --release` into dist/
                      (e.g. `--public-url /lectern/` to host under a sub-path)
  test                fmt, clippy, host tests, wasm tests in headless Chromium,
                      release build, Playwright end-to-end tests (stops at the first failure;
                      `cargo xtask test --help` for --skip STEP and --keep-going)
  screenshot          build dist/ if stale, serve it, save the home page (1280x800)
                      to docs/screenshot.png
  bench [--help]      build the release, measure it and three references (a static page,
                      the Leptos floor in bench/floor/, quizdown) in headless Chromium,
                      print the table, write
                      bench/results.json (see docs/performance.md)
  fuzz [--cases N]    the property tests of every parser of outside input (content
                      compiler, backups, import limits, assignment links, hand-in
                      codes, result files, CSV, SCORM suspend data) with N cases each
                      (default 20000)
  content-report [READING]
                      a reading's figures: questions by kind, skill and difficulty, the
                      answer patterns the item checks watch (true-or-false balance, longest
                      right option, recall share), questions per paragraph and the untested
                      ones, and every item-quality warning (READING: an id or folder under
                      questions/, or a folder's path; default: every reading)
  export-questions --format gift|moodle-xml [--reading ID] [--out FILE]
                      the questions in GIFT or Moodle XML, for a Moodle question bank
  scorm --assignment CODE --out FILE.zip [--dist DIR]
                      an assignment as a SCORM 1.2 package of the student app with the
                      LMS session (from the release build in dist/, built if stale),
                      for an LMS
  tools               only install the pinned tools (and show where they are)
  post-build [DIR]    add the Content-Security-Policy to DIR/index.html, then write the
                      build's file list and version into DIR/sw.js (trunk runs it after
                      every build, on $TRUNK_STAGING_DIR; a release build also gets the
                      student app and the SCORM package's app, see xtask/src/split.rs)
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(command) = args.next() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<String> = args.collect();

    let ctx = match context() {
        Ok(ctx) => ctx,
        Err(err) => {
            ui::error(&err);
            return ExitCode::FAILURE;
        }
    };

    let result = match command.as_str() {
        "serve" => tasks::serve(&ctx, &rest),
        "dist" => tasks::dist(&ctx, &rest),
        "test" => return steps::test(&ctx, &rest),
        "screenshot" => tasks::screenshot(&ctx),
        "tools" => tasks::tools(&ctx),
        "bench" => bench::run(&ctx, &rest),
        "fuzz" => fuzz::run(&ctx, &rest),
        "post-build" => post_build::run(&ctx, &rest),
        "content-report" => content_report::run(&ctx, &rest),
        "export-questions" => lms::export_questions(&ctx, &rest),
        "scorm" => lms::scorm(&ctx, &rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("unknown command `{other}`\n");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            ui::error(&err);
            ExitCode::FAILURE
        }
    }
}

fn context() -> Result<Ctx, String> {
    let root = repo_root()?;
    let wasm_bindgen = manifest::wasm_bindgen_version(&root.join("Cargo.toml"))?;
    let tools = tools::Tools::new(tools::cache_root()?, &wasm_bindgen);
    Ok(Ctx { root, tools })
}

/// The repository root: the parent of xtask/. Read at run time (`cargo run` sets
/// CARGO_MANIFEST_DIR), not baked in at compile time, so a moved or copied checkout
/// with a reused target/ still works on itself.
fn repo_root() -> Result<PathBuf, String> {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.join("Cargo.toml").is_file())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let root = manifest_dir
        .parent()
        .ok_or("xtask has no parent directory")?
        .to_path_buf();
    if root.join("Cargo.toml").is_file() {
        Ok(root)
    } else {
        Err(format!(
            "{} has no Cargo.toml: is this the Lectern checkout?",
            root.display()
        ))
    }
}
