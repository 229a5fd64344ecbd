//! The release wasm's size flags: std rebuilt from source for size, panics that trap at once
//! and no source locations. They take 21 KB brotli (7.6 %) off a student's wasm
//! (docs/performance.md, "The release build's size flags").
//!
//! They are unstable rustc and cargo options. Lectern builds on stable Rust, so they are turned
//! on with `RUSTC_BOOTSTRAP=1` through the environment, for the wasm release builds only: the
//! whole app that trunk builds and the student app that `split.rs` builds. Never for host
//! builds, clippy, the tests or `cargo xtask serve`, and never in Cargo.toml or
//! .cargo/config.toml, which every build reads. docs/performance.md says why this and not a
//! pinned nightly.
//!
//! The rustflags go in `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS`, which cargo merges with
//! `[target.wasm32-unknown-unknown] rustflags` in .cargo/config.toml (so `--cfg
//! erase_components` stays); `RUSTFLAGS` or `CARGO_ENCODED_RUSTFLAGS` would replace it.
//!
//! Trunk runs cargo twice in a release build: its own `cargo build --target=wasm32-…` and,
//! through the `post_build` hook, `cargo xtask post-build`. The hook's cargo must not see the
//! flags: with `RUSTC_BOOTSTRAP=1` and `build-std` set, cargo would build std for the host
//! (minutes) and rebuild xtask against it. So trunk gets a `cargo` first on its `PATH` that
//! sets the environment only for a build of the wasm target ([`shim`]).

use crate::tools::WASM_TARGET;
use crate::ui;
use crate::Ctx;
use std::path::{Path, PathBuf};
use std::process::Command;

/// std and the panic runtime, rebuilt with the flags below.
pub const BUILD_STD: &str = "std,panic_abort";
/// std's own feature: smaller algorithms (sorting, formatting, searching) where std has both.
pub const BUILD_STD_FEATURES: &str = "optimize_for_size";
/// For the wasm target only, on top of .cargo/config.toml's.
pub const RUSTFLAGS: &[&str] = &[
    // A panic traps at once: no message is formatted, no hook runs.
    "-Zunstable-options",
    "-Cpanic=immediate-abort",
    // No file, line and column stored for each panic and `#[track_caller]`.
    "-Zlocation-detail=none",
    // Not `-Zfmt-debug=none`: it saves 0.1 KB brotli, and would print serde's quoted values in
    // the messages a student sees as nothing (docs/performance.md).
];

/// The oldest rustc these flags are known to work on. `-Cpanic=immediate-abort` is newer than
/// the old `panic_immediate_abort` std feature, which is a compile error on this version.
pub const MIN_RUSTC: (u32, u32) = (1, 95);

/// The environment that turns the flags on for one cargo build of the wasm target.
pub fn env() -> Vec<(&'static str, String)> {
    vec![
        ("RUSTC_BOOTSTRAP", "1".to_string()),
        ("CARGO_UNSTABLE_BUILD_STD", BUILD_STD.to_string()),
        (
            "CARGO_UNSTABLE_BUILD_STD_FEATURES",
            BUILD_STD_FEATURES.to_string(),
        ),
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            RUSTFLAGS.join(" "),
        ),
    ]
}

/// Whether `rustc --version` output names a rustc these flags work on.
pub fn supported(rustc_version: &str) -> bool {
    let Some(version) = rustc_version.split_whitespace().nth(1) else {
        return false;
    };
    let mut parts = version.split(['.', '-']).map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(major), Some(minor)) => (major, minor) >= MIN_RUSTC,
        _ => false,
    }
}

/// Whether the toolchain that builds this checkout takes the flags; says so when it does not.
fn toolchain_supported(root: &Path) -> bool {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let version = crate::cmd::output(Command::new(rustc).current_dir(root).arg("--version"))
        .unwrap_or_default();
    let ok = supported(&version);
    if !ok {
        ui::info(
            "size",
            &format!(
                "`{}` is older than {}.{}: building the wasm without the size flags (about 21 KB \
                 brotli larger)",
                version.trim(),
                MIN_RUSTC.0,
                MIN_RUSTC.1
            ),
        );
    }
    ok
}

/// Adds the flags to a `cargo build --release --target wasm32-unknown-unknown` command.
pub fn apply(root: &Path, cargo_build: &mut Command) {
    if toolchain_supported(root) {
        for (name, value) in env() {
            cargo_build.env(name, value);
        }
    }
}

/// `trunk build --release` in `dir`, with the cached tools and the size flags for its wasm.
pub fn trunk_release(ctx: &Ctx, dir: &Path) -> Result<Command, String> {
    let mut command = ctx.tools.trunk_command(dir);
    command.args(["build", "--release"]);
    if cfg!(unix) && toolchain_supported(&ctx.root) {
        let shim_dir = target_dir(&ctx.root).join("size-flags");
        write_shim(&shim_dir, &real_cargo()?)?;
        let mut path = vec![shim_dir];
        path.extend(std::env::split_paths(&ctx.tools.path_env()));
        let path = std::env::join_paths(path)
            .map_err(|e| format!("cannot put the cargo shim on PATH: {e}"))?;
        command.env("PATH", path);
    } else if !cfg!(unix) {
        ui::info(
            "size",
            "not a Unix system: trunk builds the whole app without the size flags",
        );
    }
    Ok(command)
}

/// The `cargo` trunk gets first on its `PATH`: the real cargo, with [`env`] set when it builds
/// the wasm target and nothing changed otherwise (the hook's `cargo xtask post-build`, `cargo
/// metadata`). A POSIX shell script.
pub fn shim(real_cargo: &str) -> String {
    let exports: Vec<String> = env()
        .into_iter()
        .map(|(name, value)| format!("    export {name}={}", shell_quote(&value)))
        .collect();
    format!(
        "#!/bin/sh
# Written by `cargo xtask` (xtask/src/size_flags.rs) for a release build by trunk: the size
# flags for trunk's build of the wasm, nothing for any other cargo command.
case \" $* \" in
  *\" --target={WASM_TARGET} \"* | *\" --target {WASM_TARGET} \"*)
{}
    ;;
esac
exec {} \"$@\"
",
        exports.join("\n"),
        shell_quote(real_cargo)
    )
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(unix)]
fn write_shim(dir: &Path, real_cargo: &str) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join("cargo");
    std::fs::write(&path, shim(real_cargo))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot make {} executable: {e}", path.display()))
}

#[cfg(not(unix))]
fn write_shim(_: &Path, _: &str) -> Result<(), String> {
    Ok(())
}

/// The cargo that runs xtask (`$CARGO`), or the first `cargo` on `PATH`: never the shim.
fn real_cargo() -> Result<String, String> {
    if let Some(cargo) = std::env::var_os("CARGO") {
        return Ok(cargo.to_string_lossy().into_owned());
    }
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join("cargo"))
                .find(|cargo| cargo.is_file())
        })
        .map(|cargo| cargo.to_string_lossy().into_owned())
        .ok_or_else(|| "cargo not found on PATH".to_string())
}

/// `$CARGO_TARGET_DIR`, or `target/` in the checkout.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// `rustup component add rust-src` (std's source, which `build-std` compiles), only if missing.
pub fn ensure_rust_src(root: &Path) -> Result<(), String> {
    let mut list = Command::new("rustup");
    list.current_dir(root)
        .args(["component", "list", "--installed"]);
    let Some(installed) = crate::cmd::output(&mut list) else {
        ui::info(
            "tools",
            "rust-src: rustup not found, assuming std's source is installed",
        );
        return Ok(());
    };
    if installed
        .lines()
        .any(|line| line.trim().starts_with("rust-src"))
    {
        ui::info("tools", "rust-src: already installed");
        return Ok(());
    }
    ui::info(
        "tools",
        "rust-src: installing (std's source, for the release wasm)…",
    );
    crate::cmd::run(
        Command::new("rustup")
            .current_dir(root)
            .args(["component", "add", "rust-src"]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flags_are_only_for_the_wasm_target() {
        let names: Vec<&str> = env().iter().map(|(name, _)| *name).collect();
        assert!(
            !names.contains(&"RUSTFLAGS") && !names.contains(&"CARGO_ENCODED_RUSTFLAGS"),
            "host rustflags would reach build scripts and replace .cargo/config.toml's: {names:?}"
        );
        let rustflags = &env()[3];
        assert_eq!(rustflags.0, "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS");
        assert_eq!(
            rustflags.1,
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
        );
    }

    #[test]
    fn the_shim_sets_the_flags_for_a_wasm_build_only() {
        let script = shim("/home/o'brien/.cargo/bin/cargo");
        assert!(script.starts_with("#!/bin/sh\n"));
        assert!(script.contains("*\" --target=wasm32-unknown-unknown \"*"));
        assert!(script.contains("    export RUSTC_BOOTSTRAP='1'\n"));
        assert!(script.contains("    export CARGO_UNSTABLE_BUILD_STD='std,panic_abort'\n"));
        assert!(script.contains(
            "    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none'\n"
        ));
        // Every export is inside the wasm case; the real cargo runs either way.
        let esac = script.find("esac").unwrap();
        assert!(script.rfind("export").unwrap() < esac);
        assert!(script
            .trim_end()
            .ends_with(r#"exec '/home/o'\''brien/.cargo/bin/cargo' "$@""#));
    }

    #[cfg(unix)]
    #[test]
    fn the_shim_runs_as_a_shell_script() {
        let dir = std::env::temp_dir().join(format!("lectern-shim-{}", std::process::id()));
        // A stand-in "cargo" that prints what it was given.
        let fake = dir.join("fake-cargo");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            &fake,
            "#!/bin/sh\necho \"$RUSTC_BOOTSTRAP|$CARGO_UNSTABLE_BUILD_STD|$*\"\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        write_shim(&dir, &fake.to_string_lossy()).unwrap();
        let run = |args: &[&str]| {
            let out = Command::new(dir.join("cargo"))
                .args(args)
                .env_remove("RUSTC_BOOTSTRAP")
                .env_remove("CARGO_UNSTABLE_BUILD_STD")
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap()
        };
        assert_eq!(
            run(&["build", "--target=wasm32-unknown-unknown", "--release"]),
            "1|std,panic_abort|build --target=wasm32-unknown-unknown --release\n"
        );
        assert_eq!(run(&["xtask", "post-build"]), "||xtask post-build\n");
        assert_eq!(
            run(&["build", "--target=x86_64-unknown-linux-gnu"]),
            "||build --target=x86_64-unknown-linux-gnu\n"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_a_rustc_that_knows_the_flags_gets_them() {
        assert!(supported("rustc 1.95.0 (59807616e 2026-04-14)"));
        assert!(supported("rustc 1.97.0-nightly (e50aa6fba 2026-05-19)"));
        assert!(supported("rustc 2.0.0"));
        assert!(!supported("rustc 1.94.1 (e408947bf 2026-03-25)"));
        assert!(!supported("rustc 1.80.0"));
        assert!(!supported(""));
        assert!(!supported("rustc unknown"));
    }
}
