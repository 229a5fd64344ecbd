//! Pinned tools, installed once into a versioned cache outside the checkout:
//! `${XDG_CACHE_HOME:-$HOME/.cache}/lectern/tools/<name>-<version>/`.
//!
//! Each install goes to a temporary directory that is renamed into place only when it
//! is complete, so an interrupted install never looks installed. Nothing global is
//! touched: the tools reach the commands xtask runs through a prepended `PATH`.

use crate::cmd;
use crate::ui;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub const TRUNK_VERSION: &str = "0.21.14";
/// leptosfmt formats the `view!` bodies rustfmt leaves alone; 0.1.33 is the newest release and
/// reads Leptos 0.8's view syntax (`bind:`, `attr:`, `let(…)`). `cargo xtask test`'s fmt step
/// runs `leptosfmt --check`.
pub const LEPTOSFMT_VERSION: &str = "0.1.33";
/// binaryen from npm: its `wasm-opt` is what trunk runs for `data-wasm-opt`.
pub const BINARYEN_VERSION: &str = "132.0.0";
/// The route split's tool (`wasm-split-cli`, from `wasm_split_cli_support`, the library
/// cargo-leptos links for Leptos's `#[lazy]`): it cuts the student app's lazily loaded screens
/// out of its wasm (xtask/src/wasm_split.rs). Its binary needs the `build-binary` feature and has
/// no `--version`, so the version is the cache directory's name alone.
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// `${XDG_CACHE_HOME:-$HOME/.cache}/lectern/tools`.
pub fn cache_root() -> Result<PathBuf, String> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => {
            let home = std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .ok_or("neither XDG_CACHE_HOME nor HOME is set: cannot place the tool cache")?;
            PathBuf::from(home).join(".cache")
        }
    };
    Ok(base.join("lectern").join("tools"))
}

pub struct Tools {
    pub dir: PathBuf,
    pub wasm_bindgen_version: String,
}

impl Tools {
    pub fn new(dir: PathBuf, wasm_bindgen_version: &str) -> Tools {
        Tools {
            dir,
            wasm_bindgen_version: wasm_bindgen_version.to_string(),
        }
    }

    fn trunk_dir(&self) -> PathBuf {
        self.dir.join(format!("trunk-{TRUNK_VERSION}"))
    }

    fn wasm_bindgen_dir(&self) -> PathBuf {
        self.dir
            .join(format!("wasm-bindgen-cli-{}", self.wasm_bindgen_version))
    }

    fn wasm_split_dir(&self) -> PathBuf {
        self.dir
            .join(format!("wasm-split-cli-{WASM_SPLIT_VERSION}"))
    }

    pub fn wasm_split(&self) -> PathBuf {
        self.wasm_split_dir().join("bin").join("wasm-split-cli")
    }

    fn leptosfmt_dir(&self) -> PathBuf {
        self.dir.join(format!("leptosfmt-{LEPTOSFMT_VERSION}"))
    }

    fn binaryen_dir(&self) -> PathBuf {
        self.dir.join(format!("binaryen-{BINARYEN_VERSION}"))
    }

    pub fn trunk(&self) -> PathBuf {
        self.trunk_dir().join("bin").join("trunk")
    }

    pub fn leptosfmt(&self) -> PathBuf {
        self.leptosfmt_dir().join("bin").join("leptosfmt")
    }

    pub fn wasm_bindgen(&self) -> PathBuf {
        self.wasm_bindgen_dir().join("bin").join("wasm-bindgen")
    }

    pub fn test_runner(&self) -> PathBuf {
        self.wasm_bindgen_dir()
            .join("bin")
            .join("wasm-bindgen-test-runner")
    }

    pub fn wasm_opt(&self) -> PathBuf {
        self.binaryen_dir()
            .join("node_modules")
            .join(".bin")
            .join("wasm-opt")
    }

    /// `PATH` with the cached tool directories in front of the user's own.
    pub fn path_env(&self) -> OsString {
        let mut dirs = vec![
            self.trunk_dir().join("bin"),
            self.wasm_bindgen_dir().join("bin"),
            self.binaryen_dir().join("node_modules").join(".bin"),
        ];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        std::env::join_paths(dirs).expect("tool cache paths contain no path separator")
    }

    /// A command for `program` in `root` that sees the cached tools first on `PATH`.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>, root: &Path) -> Command {
        let mut command = Command::new(program);
        command.current_dir(root).env("PATH", self.path_env());
        command
    }

    /// The cached trunk, with the cached wasm-bindgen and wasm-opt on its `PATH`
    /// (trunk uses the ones on `PATH` when their versions fit and never downloads then).
    pub fn trunk_command(&self, root: &Path) -> Command {
        let mut command = self.command(self.trunk(), root);
        command.env("TRUNK_SKIP_VERSION_CHECK", "true");
        command
    }

    /// Installs whatever is missing: wasm32 target, trunk, wasm-bindgen-cli, leptosfmt,
    /// wasm-split-cli, binaryen.
    pub fn ensure(&self, root: &Path) -> Result<(), String> {
        ensure_wasm_target(root)?;
        crate::size_flags::ensure_rust_src(root)?;
        std::fs::create_dir_all(&self.dir)
            .map_err(|err| format!("cannot create {}: {err}", self.dir.display()))?;
        self.ensure_cargo_tool(
            "trunk",
            TRUNK_VERSION,
            &self.trunk_dir(),
            &[self.trunk()],
            Probe::Version,
            "about 20 minutes on 2 cores",
        )?;
        self.ensure_cargo_tool(
            "wasm-bindgen-cli",
            &self.wasm_bindgen_version,
            &self.wasm_bindgen_dir(),
            &[self.wasm_bindgen(), self.test_runner()],
            Probe::Version,
            "about 5 minutes on 2 cores",
        )?;
        self.ensure_cargo_tool(
            "leptosfmt",
            LEPTOSFMT_VERSION,
            &self.leptosfmt_dir(),
            &[self.leptosfmt()],
            Probe::Version,
            "about 8 minutes on 2 cores",
        )?;
        self.ensure_cargo_tool(
            "wasm_split_cli_support",
            WASM_SPLIT_VERSION,
            &self.wasm_split_dir(),
            &[self.wasm_split()],
            Probe::Help(&["build-binary"]),
            "about 3 minutes on 2 cores",
        )?;
        self.ensure_binaryen()
    }

    fn ensure_cargo_tool(
        &self,
        krate: &str,
        version: &str,
        dir: &Path,
        bins: &[PathBuf],
        probe: Probe,
        estimate: &str,
    ) -> Result<(), String> {
        let label = format!("{krate} {version}");
        if probe.complete(bins, version) {
            ui::info("tools", &format!("{label}: already installed"));
            return Ok(());
        }
        ui::info("tools", &format!("{label}: installing ({estimate})…"));
        let started = Instant::now();
        let tmp = self.temp_dir(dir)?;
        let install = |locked: bool| {
            let mut command = cmd::cargo(&self.dir);
            command
                .args(["install", krate, "--version", &format!("={version}")])
                .args(locked.then_some("--locked"))
                .args(
                    probe
                        .features()
                        .map(|f| format!("--features={}", f.join(","))),
                )
                .arg("--root")
                .arg(&tmp);
            cmd::run(&mut command)
        };
        if let Err(err) = install(true) {
            ui::info(
                "tools",
                &format!("{label}: `--locked` install failed ({err}); retrying without it"),
            );
            reset_dir(&tmp)?;
            install(false).inspect_err(|_| {
                let _ = std::fs::remove_dir_all(&tmp);
            })?;
        }
        let tmp_bins: Vec<PathBuf> = bins
            .iter()
            .map(|bin| {
                tmp.join(
                    bin.strip_prefix(dir)
                        .expect("tool binaries live in their dir"),
                )
            })
            .collect();
        if !probe.complete(&tmp_bins, version) {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(format!(
                "{label}: installed, but {}",
                probe.failure(version)
            ));
        }
        move_into_place(&tmp, dir)?;
        ui::info(
            "tools",
            &format!("{label}: installed in {}s", ui::seconds(started.elapsed())),
        );
        Ok(())
    }

    fn ensure_binaryen(&self) -> Result<(), String> {
        let label = format!("binaryen {BINARYEN_VERSION} (wasm-opt, npm)");
        let major = BINARYEN_VERSION
            .split('.')
            .next()
            .unwrap_or(BINARYEN_VERSION);
        if complete(&[self.wasm_opt()], major) {
            ui::info("tools", &format!("{label}: already installed"));
            return Ok(());
        }
        if !cmd::on_path("npm") {
            return Err(
                "npm is needed to install binaryen's wasm-opt: install Node.js and npm".into(),
            );
        }
        ui::info("tools", &format!("{label}: installing (under a minute)…"));
        let started = Instant::now();
        let dir = self.binaryen_dir();
        let tmp = self.temp_dir(&dir)?;
        let mut command = Command::new("npm");
        command
            .current_dir(&tmp)
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
            ])
            .arg(&tmp)
            .arg(format!("binaryen@{BINARYEN_VERSION}"));
        if let Err(err) = cmd::run(&mut command) {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(err);
        }
        let wasm_opt = tmp.join("node_modules").join(".bin").join("wasm-opt");
        if !complete(&[wasm_opt], major) {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(format!(
                "{label}: installed, but `wasm-opt --version` doesn't run or report {major}"
            ));
        }
        move_into_place(&tmp, &dir)?;
        ui::info(
            "tools",
            &format!("{label}: installed in {}s", ui::seconds(started.elapsed())),
        );
        Ok(())
    }

    /// A fresh `.tmp-<name>-<pid>` directory beside `dir`, on the same filesystem.
    /// Leftovers of interrupted installs (whose process is gone) are removed.
    fn temp_dir(&self, dir: &Path) -> Result<PathBuf, String> {
        let name = dir
            .file_name()
            .expect("tool dirs have a name")
            .to_string_lossy();
        let prefix = format!(".tmp-{name}-");
        let can_tell = Path::new("/proc/self").exists();
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let file_name = entry.file_name();
            let Some(pid) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
                continue;
            };
            if can_tell && !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let tmp = self.dir.join(format!(".tmp-{name}-{}", std::process::id()));
        reset_dir(&tmp)?;
        Ok(tmp)
    }
}

/// How an installed cargo tool shows it is complete.
#[derive(Clone, Copy)]
enum Probe {
    /// Its `--version` mentions the version.
    Version,
    /// Installed with these cargo features; it has no `--version`, so its `--help` must run (the
    /// version is the cache directory's, and an install only lands there whole).
    Help(&'static [&'static str]),
}

impl Probe {
    fn complete(self, bins: &[PathBuf], version: &str) -> bool {
        match self {
            Probe::Version => complete(bins, version),
            Probe::Help(_) => bins
                .iter()
                .all(|bin| bin.is_file() && cmd::output(Command::new(bin).arg("--help")).is_some()),
        }
    }

    /// What an install that fails [`Probe::complete`] lacks.
    fn failure(self, version: &str) -> String {
        match self {
            Probe::Version => format!("its binaries don't report {version}"),
            Probe::Help(_) => "its binaries don't run (`--help`)".to_string(),
        }
    }

    fn features(self) -> Option<&'static [&'static str]> {
        match self {
            Probe::Version => None,
            Probe::Help(features) => Some(features),
        }
    }
}

/// Every binary exists and its `--version` runs and mentions `version`.
fn complete(bins: &[PathBuf], version: &str) -> bool {
    bins.iter().all(|bin| {
        bin.is_file()
            && cmd::output(Command::new(bin).arg("--version"))
                .is_some_and(|out| out.contains(version))
    })
}

fn reset_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|err| format!("cannot remove {}: {err}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))
}

/// Replaces `dir` (absent or incomplete) with the finished install in `tmp`.
fn move_into_place(tmp: &Path, dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|err| format!("cannot remove the incomplete {}: {err}", dir.display()))?;
    }
    std::fs::rename(tmp, dir)
        .map_err(|err| format!("cannot move {} to {}: {err}", tmp.display(), dir.display()))
}

/// `rustup target add wasm32-unknown-unknown`, only if it isn't installed.
fn ensure_wasm_target(root: &Path) -> Result<(), String> {
    let mut list = Command::new("rustup");
    list.current_dir(root)
        .args(["target", "list", "--installed"]);
    let Some(installed) = cmd::output(&mut list) else {
        // No rustup: trust the toolchain, cargo will say if the target is missing.
        ui::info(
            "tools",
            &format!("{WASM_TARGET}: rustup not found, assuming it is installed"),
        );
        return Ok(());
    };
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        ui::info("tools", &format!("{WASM_TARGET} target: already installed"));
        return Ok(());
    }
    ui::info("tools", &format!("{WASM_TARGET} target: installing…"));
    cmd::run(
        Command::new("rustup")
            .current_dir(root)
            .args(["target", "add", WASM_TARGET]),
    )
}
