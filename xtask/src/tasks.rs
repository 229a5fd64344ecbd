//! `serve`, `dist`, `screenshot` and `tools`.

use crate::browser;
use crate::cmd;
use crate::npm;
use crate::size_flags;
use crate::ui;
use crate::Ctx;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

pub fn tools(ctx: &Ctx) -> Result<(), String> {
    ctx.tools.ensure(&ctx.root)?;
    ui::info("tools", &format!("cache: {}", ctx.tools.dir.display()));
    Ok(())
}

/// `trunk serve` with the cached tools; Trunk.toml sets 127.0.0.1:8080.
pub fn serve(ctx: &Ctx, extra: &[String]) -> Result<(), String> {
    ctx.tools.ensure(&ctx.root)?;
    let port = extra
        .iter()
        .position(|arg| arg == "--port")
        .and_then(|i| extra.get(i + 1))
        .map_or("8080", String::as_str);
    ui::info(
        "serve",
        &format!("http://127.0.0.1:{port}/ (rebuilds on change; the first build takes a while)"),
    );
    let mut command = ctx.tools.trunk_command(&ctx.root);
    command.arg("serve");
    if !extra
        .iter()
        .any(|arg| arg == "--dist" || arg.starts_with("--dist="))
    {
        // A dev build of its own: dist/ keeps the release build the e2e tests serve.
        command.args(["--dist", "target/serve-dist"]);
    }
    command.args(extra);
    println!("$ {}", cmd::display(&command));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Become trunk, so Ctrl-C and kill reach it directly.
        let err = command.exec();
        Err(format!("could not start trunk: {err}"))
    }
    #[cfg(not(unix))]
    cmd::run(&mut command)
}

/// `cargo xtask dist [trunk build args]`, e.g. `--public-url /lectern/` for a sub-path.
pub fn dist(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    ctx.tools.ensure(&ctx.root)?;
    ensure_prerender_tools(ctx)?;
    cmd::run(size_flags::trunk_release(ctx, &ctx.root)?.args(args))?;
    ui::info("dist", &format!("{}", ctx.root.join("dist").display()));
    Ok(())
}

/// `trunk build --release` into dist/ (wasm-opt from the cached binaryen).
pub fn build_release(ctx: &Ctx) -> Result<(), String> {
    ensure_prerender_tools(ctx)?;
    cmd::run(&mut size_flags::trunk_release(ctx, &ctx.root)?)
}

/// What a release build's pre-rendered pages are drawn with (xtask/src/prerender.rs): Chromium
/// and the Playwright package.
pub fn ensure_prerender_tools(ctx: &Ctx) -> Result<(), String> {
    browser::ensure_chromium()?;
    npm::ensure_node_modules(&ctx.root)
}

/// Builds dist/ if it is missing or older than the sources, serves it and saves
/// the home page at 1280x800 to docs/screenshot.png.
pub fn screenshot(ctx: &Ctx) -> Result<(), String> {
    ctx.tools.ensure(&ctx.root)?;
    browser::ensure_chromium()?;
    if dist_is_stale(&ctx.root) {
        ui::info(
            "screenshot",
            "dist/ is missing or older than the sources: building it",
        );
        build_release(ctx)?;
    } else {
        ui::info("screenshot", "dist/ is up to date");
    }
    npm::ensure_node_modules(&ctx.root)?;
    cmd::run(Command::new("node").current_dir(&ctx.root).args([
        "tests/e2e/screenshot.mjs",
        "--dir",
        "dist",
        "--out",
        "docs/screenshot.png",
    ]))
}

pub fn dist_is_stale(root: &Path) -> bool {
    let Some(built) = modified(&root.join("dist").join("index.html")) else {
        return true;
    };
    let sources = [
        "src",
        "style",
        "questions",
        "crates",
        "index.html",
        "Trunk.toml",
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
    ];
    sources
        .iter()
        .filter_map(|source| newest(&root.join(source)))
        .any(|time| time > built)
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

/// The newest modification time of a file, or of any file under a directory.
fn newest(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| newest(&entry.path()))
        .max()
}
