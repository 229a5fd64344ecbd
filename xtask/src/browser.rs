//! Debian's Chromium and ChromeDriver, which the wasm tests and Playwright drive.

use crate::cmd;
use crate::ui;
use std::path::Path;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's chromium and chromium-driver, for the wasm and end-to-end tests.
/// Installed with apt-get when missing and we are root; otherwise a clear error.
pub fn ensure_chromium() -> Result<(), String> {
    let missing = || {
        [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")]
            .into_iter()
            .filter(|(path, _)| !Path::new(path).is_file())
            .collect::<Vec<_>>()
    };
    let absent = missing();
    if !absent.is_empty() {
        let packages: Vec<&str> = absent.iter().map(|(_, package)| *package).collect();
        let paths: Vec<&str> = absent.iter().map(|(path, _)| *path).collect();
        if !(is_root() && cmd::on_path("apt-get")) {
            return Err(format!(
                "{} missing: install the Debian packages `chromium` and `chromium-driver` \
                 (as root: apt-get install -y chromium chromium-driver), then rerun",
                paths.join(" and ")
            ));
        }
        ui::info(
            "tools",
            &format!(
                "{} missing: installing {} with apt-get…",
                paths.join(", "),
                packages.join(", ")
            ),
        );
        apt_install(&["chromium", "chromium-driver"])?;
        if !missing().is_empty() {
            return Err(format!(
                "apt-get finished but {} is still missing",
                paths.join(" and ")
            ));
        }
    }
    let version = cmd::output(Command::new(CHROMEDRIVER).arg("--version"))
        .and_then(|out| out.split_whitespace().nth(1).map(str::to_string))
        .unwrap_or_else(|| "version unknown".into());
    ui::info(
        "tools",
        &format!("chromium + chromedriver {version}: {CHROMIUM}, {CHROMEDRIVER}"),
    );
    Ok(())
}

/// `apt-get update`, then `apt-get install -y` of `packages`, non-interactively.
pub fn apt_install(packages: &[&str]) -> Result<(), String> {
    cmd::run(
        Command::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

pub fn is_root() -> bool {
    // Effective uid from /proc (Linux); `id -u` elsewhere.
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(line) = status.lines().find(|line| line.starts_with("Uid:")) {
            return line.split_whitespace().nth(2) == Some("0");
        }
    }
    cmd::output(Command::new("id").arg("-u")).is_some_and(|out| out.trim() == "0")
}

/// A command from a Debian package that the end-to-end tests run (`pdftotext` from
/// `poppler-utils`, which reads the printed worksheet's PDF page by page). Installed with
/// apt-get when missing and we are root, as Chromium is; otherwise a clear error.
pub fn ensure_debian_command(command: &str, package: &str) -> Result<(), String> {
    if cmd::on_path(command) {
        ui::info("tools", &format!("{command}: on PATH"));
        return Ok(());
    }
    if !(is_root() && cmd::on_path("apt-get")) {
        return Err(format!(
            "{command} missing: install the Debian package `{package}` \
             (as root: apt-get install -y {package}), then rerun"
        ));
    }
    ui::info(
        "tools",
        &format!("{command} missing: installing {package} with apt-get…"),
    );
    apt_install(&[package])?;
    if cmd::on_path(command) {
        Ok(())
    } else {
        Err(format!("apt-get finished but {command} is still missing"))
    }
}
