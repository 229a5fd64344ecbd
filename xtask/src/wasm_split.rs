//! The route split: the student app's screens a first visit does not need (src/pages/lazy.rs,
//! Leptos's `#[lazy]`) cut out of its wasm into chunks the app fetches when a screen is first
//! shown.
//!
//! `split.rs` builds the student app with the `split` feature and `--emit-relocs` (the tool
//! reads the linker's relocations to move functions between modules), then:
//!
//! 1. [`cut`] runs the pinned `wasm-split-cli` (tools.rs) on the linked wasm: a main module,
//!    one chunk per screen plus chunks of code several screens share, and the link module
//!    (`__wasm_split.js`), which fetches and instantiates a chunk against the main module's
//!    memory and function table;
//! 2. `split.rs` runs wasm-bindgen on the main module (with `--keep-lld-exports`: the link
//!    module needs the function table, which wasm-bindgen otherwise drops) and wasm-opt on it
//!    and on every chunk;
//! 3. [`name`] gives every file the bundle's name and one content hash over all of them, and
//!    rewrites the three kinds of reference between them (glue → link module, link module →
//!    glue, link module → chunks), so a new build never mixes with an old one's files.
//!
//! The files lie flat beside the rest of the build, and the service worker precaches them with
//! the student app (post_build.rs lists every file not named as on demand): a screen works
//! offline after the first visit although the page never fetched it.

use crate::cmd;
use crate::Ctx;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The name `wasm-split-cli` gives the main module and its wasm-bindgen glue before [`name`].
pub const MAIN_STEM: &str = "lectern-student";
/// The link module's name as `wasm-split-cli` writes it and the main module imports it.
pub const LINK_MODULE: &str = "__wasm_split.js";

/// What [`cut`] wrote: the main module, the link module's text and the chunks.
pub struct Cut {
    pub main_wasm: PathBuf,
    pub link_js: String,
    /// Each chunk's file stem as the link module names it, and its path.
    pub chunks: Vec<(String, PathBuf)>,
}

/// Runs `wasm-split-cli` on `built` (the linked wasm, with relocations) into `out`.
pub fn cut(ctx: &Ctx, built: &Path, out: &Path) -> Result<Cut, String> {
    let _ = fs::remove_dir_all(out);
    cmd::run(
        Command::new(ctx.tools.wasm_split())
            .arg(built)
            .arg(out)
            .args(["--out-name", MAIN_STEM])
            // It warns about every custom section it does not carry over (the names, the
            // producers): nothing to act on.
            .env("RUST_LOG", "error"),
    )?;
    let link_path = out.join(LINK_MODULE);
    let link_js = fs::read_to_string(&link_path)
        .map_err(|e| format!("cannot read {}: {e}", link_path.display()))?;
    let mut chunks = Vec::new();
    for entry in fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "wasm") && stem != MAIN_STEM {
            chunks.push((stem.to_string(), path.clone()));
        }
    }
    chunks.sort();
    if chunks.is_empty() {
        return Err(format!(
            "wasm-split-cli found no split point in {}: was it built with the `split` feature?",
            built.display()
        ));
    }
    Ok(Cut {
        main_wasm: out.join(format!("{MAIN_STEM}.wasm")),
        link_js,
        chunks,
    })
}

/// A chunk's file name in the build: `<hashed>-<short>.wasm`, where `short` drops the tool's
/// `split_` prefix and the `_chunk_<hash of the macro's place>` suffix src/pages/lazy.rs's names
/// get (`split_results_chunk_8879…` → `results`; `chunk_9` stays).
pub fn chunk_file(hashed: &str, stem: &str) -> String {
    let short = stem
        .strip_prefix("split_")
        .and_then(|s| s.rsplit_once("_chunk_").map(|(screen, _)| screen))
        .unwrap_or(stem);
    format!("{hashed}-{short}.wasm")
}

/// The link module's file name in the build.
pub fn link_file(hashed: &str) -> String {
    format!("{hashed}.split.js")
}

/// The glue and the link module with their references to each other and to the chunks renamed
/// for the bundle `hashed` (`lectern-student-<hash>`). An error when a reference is missing, so
/// a changed tool cannot ship a link module that loads nothing.
pub fn name(
    hashed: &str,
    glue: &str,
    link_js: &str,
    chunk_stems: &[String],
) -> Result<(String, String), String> {
    // Only the `import` statements: the wasm's import module is still called
    // `./__wasm_split.js`, and the glue's imports object must keep that key.
    let import_link = format!("from \"./{LINK_MODULE}\"");
    if !glue.contains(&import_link) {
        return Err(format!(
            "the student app's glue does not import {LINK_MODULE}"
        ));
    }
    let glue = glue.replace(&import_link, &format!("from \"./{}\"", link_file(hashed)));
    let import_glue = format!("from \"./{MAIN_STEM}.js\"");
    if !link_js.contains(&import_glue) {
        return Err(format!("{LINK_MODULE} does not import {MAIN_STEM}.js"));
    }
    let mut link_js = link_js.replace(&import_glue, &format!("from \"./{hashed}.js\""));
    for stem in chunk_stems {
        let reference = format!("\"./{stem}.wasm\"");
        if !link_js.contains(&reference) {
            return Err(format!("{LINK_MODULE} does not load {stem}.wasm"));
        }
        link_js = link_js.replace(&reference, &format!("\"./{}\"", chunk_file(hashed, stem)));
    }
    Ok((glue, link_js))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "import * as import1 from \"./__wasm_split.js\"\nimport * as import2 from \"./__wasm_split.js\"\nfunction __wbg_get_imports() { return { \"./__wasm_split.js\": import1, \"./__wasm_split.js\": import2 }; }\n";
    const LINK: &str = "import { initSync } from \"./lectern-student.js\";\n/* results */\nconst __chunk_9 = makeLoad(() => { const src = fetch(new URL(\"./chunk_9.wasm\", import.meta.url)); }, []);\nexport const __wasm_split_load_results = wrapAsyncCb(makeLoad(() => { const src = fetch(new URL(\"./split_results_chunk_887957997650185595.wasm\", import.meta.url)); }, [__chunk_9]));\n";

    fn stems() -> Vec<String> {
        vec![
            "chunk_9".to_string(),
            "split_results_chunk_887957997650185595".to_string(),
        ]
    }

    #[test]
    fn every_reference_takes_the_bundle_name() {
        let (glue, link) = name("lectern-student-ab12", GLUE, LINK, &stems()).unwrap();
        assert_eq!(
            glue.matches("from \"./lectern-student-ab12.split.js\"")
                .count(),
            2,
            "{glue}"
        );
        // The wasm imports from the module by its old name: the imports object keeps it.
        assert!(glue.contains("{ \"./__wasm_split.js\": import1"), "{glue}");
        assert!(link.starts_with("import { initSync } from \"./lectern-student-ab12.js\";"));
        assert!(
            link.contains("new URL(\"./lectern-student-ab12-chunk_9.wasm\""),
            "{link}"
        );
        assert!(
            link.contains("new URL(\"./lectern-student-ab12-results.wasm\""),
            "{link}"
        );
        assert!(!link.contains("split_results"), "{link}");
    }

    #[test]
    fn a_missing_reference_is_refused() {
        let no_import = GLUE.replace("from \"./__wasm_split.js\"", "from \"./other.js\"");
        assert!(name("x", &no_import, LINK, &stems())
            .unwrap_err()
            .contains("does not import"));
        let mut more = stems();
        more.push("split_data_chunk_1".to_string());
        assert!(name("x", GLUE, LINK, &more)
            .unwrap_err()
            .contains("split_data_chunk_1.wasm"));
    }

    #[test]
    fn chunk_files_are_named_for_their_screen() {
        assert_eq!(
            chunk_file("s-1", "split_settings_chunk_887957997650185595"),
            "s-1-settings.wasm"
        );
        assert_eq!(chunk_file("s-1", "chunk_11"), "s-1-chunk_11.wasm");
    }
}
