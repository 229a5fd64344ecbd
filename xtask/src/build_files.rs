//! The files of a build folder: the names the post-build steps look for, every file's path, and
//! the build's version (a hash of them all).

use crate::hash::Fnv1a;
use std::fs;
use std::path::Path;

/// The page: it gets the Content-Security-Policy, and in a release build the loader.
pub const INDEX: &str = "index.html";
/// The service worker: never in its own list (the browser fetches it on its own).
pub const WORKER: &str = "sw.js";

/// Every file under `dir`, as `/`-separated paths relative to it, sorted; hidden files and
/// folders (trunk's `.stage`) and the worker itself are left out.
pub fn list(dir: &Path) -> Result<Vec<String>, String> {
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
pub fn version(dir: &Path, files: &[String]) -> Result<String, String> {
    let mut hash = Fnv1a::new();
    for file in files {
        hash.feed(file.as_bytes())
            .feed(&[0])
            .feed(&fs::read(dir.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?);
    }
    Ok(hash.hex())
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A staged build as trunk leaves it for the hook: a page, a bundle, an icon, the worker
    /// template and a hidden leftover.
    pub fn temp_build(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "lectern-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("icons")).unwrap();
        fs::create_dir_all(dir.join(".stage")).unwrap();
        for (name, body) in [
            (
                INDEX,
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

    #[test]
    fn lists_every_file_but_the_worker_and_hidden_ones() {
        let dir = temp_build("list");
        assert_eq!(
            list(&dir).unwrap(),
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
        let dir = temp_build("version");
        let files = list(&dir).unwrap();
        let first = version(&dir, &files).unwrap();
        assert_eq!(first, version(&dir, &files).unwrap());
        fs::write(dir.join("lectern-1a2b.js"), "js!").unwrap();
        assert_ne!(first, version(&dir, &files).unwrap());
        fs::remove_dir_all(dir).unwrap();
    }
}
