//! The service worker's lists, written into the staged `sw.js` template: the build's version,
//! the files it precaches, and those it caches only when first fetched (`ON_DEMAND`): the whole
//! app's bundle, which only the teacher's pages start, the SCORM package's app, which only the
//! teacher's "Download for your LMS" fetches (to put it in a package), and the PNG icons, which
//! only installing the app needs.

use crate::build_files::WORKER;

const VERSION_MARKER: &str = "/*LECTERN_VERSION*/ 'unbuilt'";
const FILES_MARKER: &str = "/*LECTERN_FILES*/ []";
const ON_DEMAND_MARKER: &str = "/*LECTERN_ON_DEMAND*/ []";

/// The PNG icons: only the manifest names them, for a browser installing the app (the page's
/// own icon is `icons/icon.svg`). A student who never installs Lectern never needs them, so
/// they are cached when first fetched, not on every first visit (9.7 KB brotli).
pub fn only_for_installing(file: &str) -> bool {
    file.starts_with("icons/") && file.ends_with(".png")
}

/// The worker with its markers replaced: the files to precache, and those to cache when first
/// fetched. An error if the template lacks a marker (so a changed template can never ship a
/// worker that caches nothing).
pub fn fill(
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

    #[test]
    fn the_worker_gets_both_lists() {
        let template = "const VERSION = /*LECTERN_VERSION*/ 'unbuilt';\nconst FILES = /*LECTERN_FILES*/ [];\nconst ON_DEMAND = /*LECTERN_ON_DEMAND*/ [];\n";
        let worker = fill(
            template,
            "v1",
            &["index.html".into(), "s.js".into()],
            &["whole.js".into(), "whole_bg.wasm".into()],
        )
        .unwrap();
        assert_eq!(worker, "const VERSION = 'v1';\nconst FILES = [\"index.html\", \"s.js\"];\nconst ON_DEMAND = [\"whole.js\", \"whole_bg.wasm\"];\n");
        let old_template = template.replace("/*LECTERN_ON_DEMAND*/ ", "");
        assert!(fill(&old_template, "v1", &[], &[])
            .unwrap_err()
            .contains("LECTERN_ON_DEMAND"));
    }

    #[test]
    fn only_the_png_icons_wait_for_installing() {
        assert!(only_for_installing("icons/icon-192.png"));
        assert!(!only_for_installing("icons/icon.svg"));
        assert!(!only_for_installing("lectern-1a2b_bg.wasm"));
    }
}
