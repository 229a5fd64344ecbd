//! Lighthouse for `cargo xtask bench` only: `bench/node_modules/` from `bench/package-lock.json`
//! with `npm ci`, apart from the root `node_modules/` that `cargo xtask test` installs, so the
//! tests never wait for it (it is about 110 MB and a minute to install).

use crate::cmd;
use crate::ui;
use std::path::Path;
use std::process::Command;

/// The Lighthouse the figures come from (PageSpeed Insights' engine at the time of issue 15).
pub const VERSION: &str = "12.2.3";

/// A copy of the lock file `bench/node_modules/` was last installed from.
const STAMP: &str = ".lectern-package-lock.json";

/// Runs `npm ci` in `bench/` when its `node_modules/` is missing, holds another Lighthouse or
/// was installed from another lock file.
pub fn ensure(root: &Path) -> Result<(), String> {
    let bench = root.join("bench");
    let lock_path = bench.join("package-lock.json");
    let lock = std::fs::read(&lock_path)
        .map_err(|err| format!("cannot read {}: {err}", lock_path.display()))?;
    let modules = bench.join("node_modules");
    let stamp = modules.join(STAMP);
    let installed = std::fs::read_to_string(modules.join("lighthouse").join("package.json"))
        .ok()
        .and_then(|json| package_version(&json));
    let reason = if installed.as_deref() != Some(VERSION) {
        "Lighthouse missing"
    } else if std::fs::read(&stamp).ok().as_deref() != Some(&lock[..]) {
        "bench/package-lock.json changed"
    } else {
        ui::info("bench", &format!("Lighthouse {VERSION}: already installed"));
        return Ok(());
    };
    if !cmd::on_path("npm") {
        return Err("npm not found: install Node.js and npm".into());
    }
    ui::info(
        "bench",
        &format!("Lighthouse {VERSION}: npm ci in bench/ ({reason}, about a minute)…"),
    );
    cmd::run(Command::new("npm").current_dir(&bench).args([
        "ci",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]))?;
    std::fs::write(&stamp, &lock).map_err(|err| format!("cannot write {}: {err}", stamp.display()))
}

/// The `"version"` of a package.json, read without a JSON parser (xtask is std only).
fn package_version(json: &str) -> Option<String> {
    let after = &json[json.find("\"version\"")? + "\"version\"".len()..];
    let start = after.find('"')? + 1;
    let len = after[start..].find('"')?;
    Some(after[start..start + len].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_package_version() {
        assert_eq!(
            package_version("{\n  \"name\": \"lighthouse\",\n  \"version\": \"12.2.3\",\n}")
                .as_deref(),
            Some("12.2.3")
        );
        assert_eq!(package_version("{}"), None);
    }

    #[test]
    fn the_bench_pins_this_lighthouse_exactly() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let package = std::fs::read_to_string(root.join("bench/package.json")).unwrap();
        assert!(
            package.contains(&format!("\"lighthouse\": \"{VERSION}\"")),
            "bench/package.json must pin lighthouse {VERSION} exactly:\n{package}"
        );
        let lock = std::fs::read_to_string(root.join("bench/package-lock.json")).unwrap();
        assert!(
            lock.contains(&format!(
                "\"node_modules/lighthouse\": {{\n      \"version\": \"{VERSION}\""
            )),
            "bench/package-lock.json must hold lighthouse {VERSION}"
        );
    }
}
