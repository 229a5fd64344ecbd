//! `cargo xtask bench`: builds the release (and the generated readings of the scaling runs),
//! builds the three references from the same essay (a static HTML page, the floor of Lectern's
//! own stack in `bench/floor/`, and a quizdown quiz),
//! measures all of them in headless Chromium with `bench/run.mjs`, prints one table with
//! Lectern's figures as ratios to each reference and writes `bench/results.json`.
//!
//! A command, not a test: timings depend on the machine and on what else runs on it. See
//! docs/performance.md for what each figure means.

mod content;
mod lighthouse;
mod report;
mod stats;

use crate::browser;
use crate::cmd;
use crate::npm;
use crate::size_flags;
use crate::split;
use crate::ui;
use crate::Ctx;
use std::path::{Path, PathBuf};
use std::process::Command;

/// quizdown from npm: the reference quiz library (its prebuilt browser bundle, nothing else).
pub const QUIZDOWN_VERSION: &str = "0.4.1";

const USAGE: &str = "\
usage: cargo xtask bench [--runs N] [--lighthouse N] [--sizes 10,100,1000] [--no-build]
                         [--out FILE]

  --runs N          page loads per figure (default 7)
  --lighthouse N    Lighthouse runs per page (default 3; 0 leaves Lighthouse out)
  --sizes LIST      sections of the generated readings for the scaling runs
                    (default 10,100,1000; `--sizes none` skips them)
  --no-build        reuse the builds in target/bench/ from an earlier run
  --out FILE        where to write the results (default bench/results.json)
";

struct Options {
    runs: usize,
    lighthouse: usize,
    sizes: Vec<usize>,
    build: bool,
    out: PathBuf,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        runs: 7,
        lighthouse: 3,
        sizes: vec![10, 100, 1000],
        build: true,
        out: PathBuf::from("bench/results.json"),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--runs" => {
                options.runs = value("--runs")?
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or("--runs needs a whole number above 0")?;
            }
            "--lighthouse" => {
                options.lighthouse = value("--lighthouse")?
                    .parse()
                    .map_err(|_| "--lighthouse needs a whole number (0 leaves it out)")?;
            }
            "--sizes" => {
                let list = value("--sizes")?;
                options.sizes = if list == "none" {
                    Vec::new()
                } else {
                    list.split(',')
                        .map(|n| n.trim().parse().ok().filter(|n| *n > 0))
                        .collect::<Option<Vec<usize>>>()
                        .ok_or("--sizes needs numbers of sections, like 10,100,1000")?
                };
            }
            "--no-build" => options.build = false,
            "--out" => options.out = PathBuf::from(value("--out")?),
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    Ok(options)
}

pub fn run(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    ctx.tools.ensure(&ctx.root)?;
    browser::ensure_chromium()?;
    npm::ensure_node_modules(&ctx.root)?;
    if options.lighthouse > 0 {
        lighthouse::ensure(&ctx.root)?;
    }
    let work = ctx.root.join("target").join("bench");
    let dists = work.join("dist");
    let quizdown = ensure_quizdown(ctx)?;

    if options.build {
        build(ctx, &dists.join("essay"), None)?;
        build_floor(ctx, &dists.join("floor"))?;
        for &sections in &options.sizes {
            let content = work.join("content").join(format!("sections-{sections}"));
            let _ = std::fs::remove_dir_all(&content);
            content::write(&content, sections)?;
            ui::info(
                "bench",
                &format!(
                    "building a generated reading of {sections} sections ({} questions)",
                    sections * content::QUESTIONS_PER_SECTION
                ),
            );
            build(
                ctx,
                &dists.join(format!("sections-{sections}")),
                Some(&content),
            )?;
        }
    }

    let samples_path = work.join("samples.tsv");
    let sizes: Vec<String> = options.sizes.iter().map(usize::to_string).collect();
    cmd::run(
        Command::new("node")
            .current_dir(&ctx.root)
            .arg("bench/run.mjs")
            .args(["--dists", &dists.to_string_lossy()])
            .args(["--quizdown", &quizdown.to_string_lossy()])
            .args(["--runs", &options.runs.to_string()])
            .args(["--lighthouse", &options.lighthouse.to_string()])
            .args(["--sizes", &sizes.join(",")])
            .args(["--out", &samples_path.to_string_lossy()]),
    )?;

    let text = std::fs::read_to_string(&samples_path)
        .map_err(|e| format!("cannot read {}: {e}", samples_path.display()))?;
    let samples = report::parse(&text)?;
    let table = report::table(&samples);
    println!("\n{table}");
    let out = ctx.root.join(&options.out);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, report::results_json(&samples, &table))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    ui::info("bench", &format!("results written to {}", out.display()));
    Ok(())
}

/// `trunk build --release` into `dist`, with the readings in `content` instead of `questions/`.
fn build(ctx: &Ctx, dist: &Path, content: Option<&Path>) -> Result<(), String> {
    let mut command = size_flags::trunk_release(ctx, &ctx.root)?;
    command
        .arg("--dist")
        .arg(dist)
        .env_remove("LECTERN_CONTENT_DIR")
        .env_remove(crate::prerender::LIMIT_VAR);
    if let Some(content) = content {
        command.env("LECTERN_CONTENT_DIR", content);
        // A generated reading of a thousand sections: the pages measured are the first few.
        command.env(crate::prerender::LIMIT_VAR, "4");
    }
    cmd::run(&mut command)
}

/// `trunk build --release` of `bench/floor/` (its own crate, outside the workspace) into
/// `dist`. It shares `target/` with the app, so the Leptos it shares is compiled once.
fn build_floor(ctx: &Ctx, dist: &Path) -> Result<(), String> {
    // The comparison is only fair with the same wasm-opt settings: refuse if the pages drift.
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let floor_page = ctx.root.join("bench").join("floor").join("index.html");
    if split::wasm_opt_args(&read(&floor_page)?)?
        != split::wasm_opt_args(&read(&ctx.root.join("index.html"))?)?
    {
        return Err(format!(
            "{} must give wasm-opt the settings index.html gives it",
            floor_page.display()
        ));
    }
    ui::info(
        "bench",
        "building the floor reference (bench/floor: Leptos, router, serde_json, one question)",
    );
    let mut command = size_flags::trunk_release(ctx, &ctx.root.join("bench").join("floor"))?;
    command
        .arg("--dist")
        .arg(dist)
        .env("CARGO_TARGET_DIR", ctx.root.join("target"))
        .env_remove("LECTERN_CONTENT_DIR");
    cmd::run(&mut command)
}

/// quizdown's prebuilt bundle, fetched once with `npm pack` (the npm client checks the
/// registry's integrity hash) into the tool cache: `quizdown-<version>/quizdown.js`.
fn ensure_quizdown(ctx: &Ctx) -> Result<PathBuf, String> {
    let dir = ctx.tools.dir.join(format!("quizdown-{QUIZDOWN_VERSION}"));
    let bundle = dir.join("quizdown.js");
    if bundle.is_file() {
        return Ok(bundle);
    }
    ui::info(
        "bench",
        &format!("fetching quizdown {QUIZDOWN_VERSION} from npm"),
    );
    let staging = ctx
        .tools
        .dir
        .join(format!(".quizdown-{QUIZDOWN_VERSION}.partial"));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)
        .map_err(|e| format!("cannot create {}: {e}", staging.display()))?;
    cmd::run(Command::new("npm").current_dir(&staging).args([
        "pack",
        "--silent",
        &format!("quizdown@{QUIZDOWN_VERSION}"),
    ]))?;
    cmd::run(Command::new("tar").current_dir(&staging).args([
        "xzf",
        &format!("quizdown-{QUIZDOWN_VERSION}.tgz"),
        "package/public/build/quizdown.js",
        "package/LICENSE",
    ]))?;
    for name in ["quizdown.js", "LICENSE"] {
        let from = if name == "LICENSE" {
            staging.join("package").join(name)
        } else {
            staging.join("package/public/build").join(name)
        };
        std::fs::rename(&from, staging.join(name))
            .map_err(|e| format!("cannot move {}: {e}", from.display()))?;
    }
    let _ = std::fs::remove_dir_all(staging.join("package"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&staging, &dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(bundle)
}
