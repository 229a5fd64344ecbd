//! The release build's pre-rendered pages: `xtask/prerender.mjs` runs the built app in Chromium
//! and writes each content page's HTML (the start page, each reading's contents, each section).
//! Called by `cargo xtask post-build` after the Content-Security-Policy is in index.html (every
//! page keeps index.html's head, policy included) and before the service worker's file list is
//! written (so the worker precaches the pages).

use crate::browser::CHROMIUM;
use crate::cmd;
use std::path::Path;
use std::process::Command;

/// Caps how many pages are written (the benchmark's generated readings have a thousand
/// sections; it measures only the first few).
pub const LIMIT_VAR: &str = "LECTERN_PRERENDER_LIMIT";

/// Writes the pages into `dir`, a build for `public_url`. Needs Node.js, the Playwright package
/// in `node_modules/` and Debian's Chromium, which `cargo xtask dist` and `test` install first.
pub fn run(root: &Path, dir: &Path, public_url: &str) -> Result<(), String> {
    if !root
        .join("node_modules")
        .join("@playwright")
        .join("test")
        .is_dir()
    {
        return Err(
            "node_modules/@playwright/test is missing: the pre-rendered pages need it \
             (`cargo xtask dist` installs it with npm ci)"
                .into(),
        );
    }
    if !Path::new(CHROMIUM).is_file() && std::env::var_os("LECTERN_CHROMIUM").is_none() {
        return Err(format!(
            "{CHROMIUM} is missing: the pre-rendered pages are drawn by Chromium \
             (`cargo xtask dist` installs it with apt-get when it runs as root)"
        ));
    }
    let mut command = Command::new("node");
    command
        .current_dir(root)
        .arg(root.join("xtask").join("prerender.mjs"))
        .arg("--dir")
        .arg(dir)
        .args(["--public-url", public_url]);
    if let Ok(limit) = std::env::var(LIMIT_VAR) {
        command.args(["--limit", &limit]);
    }
    cmd::run(&mut command)
}
