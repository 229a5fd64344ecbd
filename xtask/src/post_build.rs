//! `cargo xtask post-build [DIR]`: trunk's `post_build` hook (Trunk.toml), run on
//! `$TRUNK_STAGING_DIR` after every build. In order:
//!
//! 1. on a release build, adds the student app and the SCORM package's app (`split.rs`);
//! 2. adds the Content-Security-Policy to index.html (`csp.rs`);
//! 3. on a release build, writes the pre-rendered pages (`prerender.rs`);
//! 4. writes the build's version and file lists into the service worker (`worker.rs`), so
//!    every build's worker lists exactly that build's files and differs byte for byte from the
//!    last one's whenever any file changed.
//!
//! This module only orders the steps; each lives in its own module, and the pieces they share
//! (file names, hashing) in `build_files.rs` and `hash.rs`.

use crate::build_files::{self, INDEX, WORKER};
use crate::{csp, prerender, split, worker, Ctx};
use std::fs;
use std::path::PathBuf;

/// Runs on `DIR`, or on `$TRUNK_STAGING_DIR` when trunk calls it, or on `dist/`. Only a
/// release build by trunk (`$TRUNK_PROFILE` is `release`) gets the other bundles and the
/// pre-rendered pages.
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
    worker::fill(&template, "", &[], &[])?;
    let release_public_url = (args.is_empty()
        && std::env::var("TRUNK_PROFILE").as_deref() == Ok("release"))
    .then(|| std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_string()));
    // The whole app and the package's app: only some visits need them.
    let some_visits: Vec<String> = match &release_public_url {
        Some(public_url) => {
            let added = split::run(ctx, &dir, public_url)?;
            [added.whole, added.package]
                .iter()
                .flat_map(|bundle| bundle.files(public_url))
                .collect()
        }
        None => Vec::new(),
    };
    // The policy next: it changes index.html, and the version must cover the page as shipped.
    let index_path = dir.join(INDEX);
    let index = fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    fs::write(&index_path, csp::add_policy(&index)?)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    // The pages drawn from the build as it now is (each keeps index.html's head, with its policy).
    if let Some(public_url) = &release_public_url {
        prerender::run(&ctx.root, &dir, public_url)?;
    }
    let files = build_files::list(&dir)?;
    let version = build_files::version(&dir, &files)?;
    let (on_demand, precached): (Vec<String>, Vec<String>) = files
        .iter()
        .cloned()
        .partition(|f| some_visits.contains(f) || worker::only_for_installing(f));
    let filled = worker::fill(&template, &version, &precached, &on_demand)?;
    fs::write(&worker_path, filled)
        .map_err(|e| format!("cannot write {}: {e}", worker_path.display()))?;
    println!(
        "[post-build] {} files, {} more cached on demand, build {version}, in {}",
        precached.len(),
        on_demand.len(),
        worker_path.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build_files::tests::temp_build;

    fn ctx() -> Ctx {
        Ctx {
            root: PathBuf::from("."),
            tools: crate::tools::Tools::new(std::env::temp_dir(), "0.0.0"),
        }
    }

    #[test]
    fn run_fills_the_worker_once_and_refuses_twice() {
        let dir = temp_build("post-build");
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
        let files = build_files::list(&dir).unwrap();
        assert!(worker.contains(&format!(
            "'{}'",
            build_files::version(&dir, &files).unwrap()
        )));
        // A second run is refused before it changes anything.
        assert!(run(&ctx(), &[dir.display().to_string()])
            .unwrap_err()
            .contains("lacks the marker"));
        assert_eq!(fs::read_to_string(dir.join(INDEX)).unwrap(), index);
        assert_eq!(fs::read_to_string(dir.join(WORKER)).unwrap(), worker);
        fs::remove_dir_all(dir).unwrap();
    }
}
