//! `cargo xtask precache [DIR]`: on a release build, adds the student app as a second bundle
//! (xtask/src/split.rs); then adds the Content-Security-Policy to the build's index.html
//! (xtask/src/csp.rs), and writes the build's version and the list of its files into the
//! service worker (`sw.js`) of a build folder. Trunk runs it as a `post_build` hook on
//! `$TRUNK_STAGING_DIR` (see Trunk.toml), so every build's worker lists exactly that build's
//! files and differs byte for byte from the last one's whenever any file changed.
//!
//! The worker precaches every file but the whole app's bundle, which only the teacher's pages
//! start, and the PNG icons, which only installing the app needs: it caches those when first
//! fetched (`ON_DEMAND`).

use crate::csp;
use crate::split;
use crate::Ctx;
use std::fs;
use std::path::{Path, PathBuf};

/// The worker itself: never in its own list (the browser fetches it on its own).
pub const WORKER: &str = "sw.js";
/// The page that gets the Content-Security-Policy.
pub const INDEX: &str = "index.html";
const VERSION_MARKER: &str = "/*LECTERN_VERSION*/ 'unbuilt'";
const FILES_MARKER: &str = "/*LECTERN_FILES*/ []";
const ON_DEMAND_MARKER: &str = "/*LECTERN_ON_DEMAND*/ []";

/// Runs on `DIR`, or on `$TRUNK_STAGING_DIR` when trunk calls it, or on `dist/`. Only a
/// release build by trunk (`$TRUNK_PROFILE` is `release`) gets the student bundle.
pub fn run(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    let dir = match args.first() {
        Some(dir) => PathBuf::from(dir),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| ctx.root.join("dist")),
    };
    let worker_path = dir.join(WORKER);
    let template = fs::read_to_string(&worker_path)
        .map_err(|e| format!("cannot read {}: {e}", worker_path.display()))?;
    // Check the template before changing anything, so a refused run leaves the build as it was.
    fill_worker(&template, "", &[], &[])?;
    let whole_app = if args.is_empty() && std::env::var("TRUNK_PROFILE").as_deref() == Ok("release")
    {
        let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_string());
        split::run(ctx, &dir, &public_url)?.files(&public_url)
    } else {
        Vec::new()
    };
    // The policy next: it changes index.html, and the version must cover the page as shipped.
    let index_path = dir.join(INDEX);
    let index = fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    fs::write(&index_path, csp::add_policy(&index)?)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    let files = build_files(&dir)?;
    let version = build_version(&dir, &files)?;
    let (on_demand, precached): (Vec<String>, Vec<String>) = files
        .iter()
        .cloned()
        .partition(|f| whole_app.contains(f) || only_for_installing(f));
    let worker = fill_worker(&template, &version, &precached, &on_demand)?;
    fs::write(&worker_path, worker)
        .map_err(|e| format!("cannot write {}: {e}", worker_path.display()))?;
    println!(
        "[precache] {} files, {} more cached on demand, build {version}, in {}",
        precached.len(),
        on_demand.len(),
        worker_path.display()
    );
    Ok(())
}

/// The PNG icons: only the manifest names them, for a browser installing the app (the page's
/// own icon is `icons/icon.svg`). A student who never installs Lectern never needs them, so
/// they are cached when first fetched, not on every first visit (9.7 KB brotli).
pub fn only_for_installing(file: &str) -> bool {
    file.starts_with("icons/") && file.ends_with(".png")
}

/// Every file under `dir`, as `/`-separated paths relative to it, sorted; hidden files and
/// folders (trunk's `.stage`) and the worker itself are left out.
pub fn build_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    collect(dir, "", &mut files)?;
    files.retain(|f| f != WORKER);
    files.sort();
    Ok(files)
}

fn collect(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{prefix}{name}");
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            collect(&entry.path(), &format!("{path}/"), out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// A short hash of every file's name and bytes (FNV-1a, 64 bits): the same build always gets
/// the same version, and any change to any file a new one.
pub fn build_version(dir: &Path, files: &[String]) -> Result<String, String> {
    let mut hash = Fnv1a::new();
    for file in files {
        hash.feed(file.as_bytes())
            .feed(&[0])
            .feed(&fs::read(dir.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?);
    }
    Ok(hash.hex())
}

/// FNV-1a, 64 bits, over everything fed to it in order: the build's version here, and the
/// student bundle's file names (`split.rs`), which change with their content as trunk's do.
pub struct Fnv1a(u64);

impl Fnv1a {
    pub fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    pub fn feed(&mut self, bytes: &[u8]) -> &mut Self {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    /// The hash as 16 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// The worker with its markers replaced: the files to precache, and those to cache when first
/// fetched. An error if the template lacks a marker (so a changed template can never ship a
/// worker that caches nothing).
pub fn fill_worker(
    template: &str,
    version: &str,
    files: &[String],
    on_demand: &[String],
) -> Result<String, String> {
    for marker in [VERSION_MARKER, FILES_MARKER, ON_DEMAND_MARKER] {
        if !template.contains(marker) {
            return Err(format!(
                "{WORKER} lacks the marker `{marker}` (already filled, or the template changed)"
            ));
        }
    }
    let list = |files: &[String]| {
        let quoted: Vec<String> = files.iter().map(|f| format!("{f:?}")).collect();
        format!("[{}]", quoted.join(", "))
    };
    Ok(template
        .replace(VERSION_MARKER, &format!("'{version}'"))
        .replace(FILES_MARKER, &list(files))
        .replace(ON_DEMAND_MARKER, &list(on_demand)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_build() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "lectern-precache-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("icons")).unwrap();
        fs::create_dir_all(dir.join(".stage")).unwrap();
        for (name, body) in [
            (
                "index.html",
                "<html><head><base href=\"/\"></head><body><script type=\"module\">init()</script></body></html>",
            ),
            ("lectern-1a2b_bg.wasm", "wasm"),
            ("lectern-1a2b.js", "js"),
            ("icons/icon-192.png", "png"),
            (".stage/leftover", "x"),
            (WORKER, "const VERSION = /*LECTERN_VERSION*/ 'unbuilt';\nconst FILES = /*LECTERN_FILES*/ [];\nconst ON_DEMAND = /*LECTERN_ON_DEMAND*/ [];\n"),
        ] {
            fs::write(dir.join(name), body).unwrap();
        }
        dir
    }

    fn ctx() -> Ctx {
        Ctx {
            root: PathBuf::from("."),
            tools: crate::tools::Tools::new(std::env::temp_dir(), "0.0.0"),
        }
    }

    #[test]
    fn the_worker_gets_both_lists() {
        let template = "const VERSION = /*LECTERN_VERSION*/ 'unbuilt';\nconst FILES = /*LECTERN_FILES*/ [];\nconst ON_DEMAND = /*LECTERN_ON_DEMAND*/ [];\n";
        let worker = fill_worker(
            template,
            "v1",
            &["index.html".into(), "s.js".into()],
            &["whole.js".into(), "whole_bg.wasm".into()],
        )
        .unwrap();
        assert_eq!(worker, "const VERSION = 'v1';\nconst FILES = [\"index.html\", \"s.js\"];\nconst ON_DEMAND = [\"whole.js\", \"whole_bg.wasm\"];\n");
        let old_template = template.replace("/*LECTERN_ON_DEMAND*/ ", "");
        assert!(fill_worker(&old_template, "v1", &[], &[])
            .unwrap_err()
            .contains("LECTERN_ON_DEMAND"));
    }

    #[test]
    fn fnv1a_follows_every_byte_in_order() {
        let hex = |parts: &[&[u8]]| {
            let mut hash = Fnv1a::new();
            for part in parts {
                hash.feed(part);
            }
            hash.hex()
        };
        assert_eq!(hex(&[b"ab"]), hex(&[b"a", b"b"]));
        assert_ne!(hex(&[b"ab"]), hex(&[b"ac"]));
        assert_ne!(hex(&[b"ab"]), hex(&[b"ba"]));
        assert_eq!(hex(&[b"x"]).len(), 16);
        // The published FNV-1a 64 test vectors.
        assert_eq!(hex(&[]), "cbf29ce484222325");
        assert_eq!(hex(&[b"a"]), "af63dc4c8601ec8c");
    }

    #[test]
    fn lists_every_file_but_the_worker_and_hidden_ones() {
        let dir = temp_build();
        assert_eq!(
            build_files(&dir).unwrap(),
            [
                "icons/icon-192.png",
                "index.html",
                "lectern-1a2b.js",
                "lectern-1a2b_bg.wasm"
            ]
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn version_changes_with_any_byte_and_is_stable_otherwise() {
        let dir = temp_build();
        let files = build_files(&dir).unwrap();
        let first = build_version(&dir, &files).unwrap();
        assert_eq!(first, build_version(&dir, &files).unwrap());
        fs::write(dir.join("lectern-1a2b.js"), "js!").unwrap();
        assert_ne!(first, build_version(&dir, &files).unwrap());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn run_fills_the_worker_once_and_refuses_twice() {
        let dir = temp_build();
        run(&ctx(), &[dir.display().to_string()]).unwrap();
        let worker = fs::read_to_string(dir.join(WORKER)).unwrap();
        assert!(
            worker.contains(
                r#"const FILES = ["index.html", "lectern-1a2b.js", "lectern-1a2b_bg.wasm"];"#
            ),
            "{worker}"
        );
        assert!(
            worker.contains(r#"const ON_DEMAND = ["icons/icon-192.png"];"#),
            "{worker}"
        );
        assert!(!worker.contains("unbuilt"));
        let index = fs::read_to_string(dir.join(INDEX)).unwrap();
        assert!(
            index.contains("<base href=\"/\">\n    <meta http-equiv=\"Content-Security-Policy\""),
            "{index}"
        );
        // The version is of the page with its policy: the same as computing it afresh now.
        let files = build_files(&dir).unwrap();
        assert!(worker.contains(&format!("'{}'", build_version(&dir, &files).unwrap())));
        // A second run is refused before it changes anything.
        assert!(run(&ctx(), &[dir.display().to_string()])
            .unwrap_err()
            .contains("lacks the marker"));
        assert_eq!(fs::read_to_string(dir.join(INDEX)).unwrap(), index);
        assert_eq!(fs::read_to_string(dir.join(WORKER)).unwrap(), worker);
        fs::remove_dir_all(dir).unwrap();
    }
}
