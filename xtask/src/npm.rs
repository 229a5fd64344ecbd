//! `node_modules/` for the Playwright tests, from `package-lock.json` with `npm ci`.

use crate::cmd;
use crate::ui;
use std::path::Path;
use std::process::Command;

/// A copy of the lock file `node_modules/` was last installed from.
const STAMP: &str = ".lectern-package-lock.json";

/// Runs `npm ci` when `node_modules/` is missing or `package-lock.json` changed since.
pub fn ensure_node_modules(root: &Path) -> Result<(), String> {
    let lock_path = root.join("package-lock.json");
    let lock = std::fs::read(&lock_path)
        .map_err(|err| format!("cannot read {}: {err}", lock_path.display()))?;
    let modules = root.join("node_modules");
    let stamp = modules.join(STAMP);
    let reason = if !modules.join(".bin").join("playwright").is_file() {
        "node_modules missing"
    } else if std::fs::read(&stamp).ok().as_deref() != Some(&lock[..]) {
        "package-lock.json changed"
    } else {
        ui::info("npm", "node_modules up to date");
        return Ok(());
    };
    if !cmd::on_path("npm") {
        return Err("npm not found: install Node.js and npm".into());
    }
    ui::info("npm", &format!("npm ci ({reason})…"));
    cmd::run(
        Command::new("npm")
            .current_dir(root)
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            // Playwright drives Debian's /usr/bin/chromium: never download browsers.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    std::fs::write(&stamp, &lock).map_err(|err| format!("cannot write {}: {err}", stamp.display()))
}

/// `npx playwright …` from the local node_modules (never fetches, never installs browsers).
pub fn playwright(root: &Path) -> Command {
    let mut command = Command::new("npx");
    command
        .current_dir(root)
        .args(["--no", "playwright"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    command
}
