//! The SCORM 1.2 package of an assignment: a zip an LMS imports, holding everything the student
//! needs, so nothing is fetched from Lectern's site.
//!
//! ```text
//! imsmanifest.xml                the manifest (manifest.rs)
//! index.html                     the launch page: the assignment and the loader
//! lectern-scorm-<hash>.js        the package's app (a release build's SCORM bundle: the
//! lectern-scorm-<hash>_bg.wasm   student app with the LMS session, `scorm` feature)
//! main-<hash>.css                the style sheet
//! icons/icon.svg                 the page's icon
//! ```
//!
//! The package runs from the LMS's own file path, so every URL in it is relative (`<base
//! href="./">`), there is no service worker (the app sees the `lectern-package` meta element and
//! registers none) and no SPA fallback is needed. The launch page says what it is with meta
//! elements, which the app reads: `lectern-package` (`scorm-1.2`), `lectern-assignment` (the
//! assignment link's code) and `lectern-bundle` (the app's two files). Its one inline script,
//! [`LOADER`], is the same text in every package, so the Content-Security-Policy allows it by a
//! fixed hash ([`LOADER_SHA256`], checked by a host test). Like the site's loader it falls back
//! from `WebAssembly.compileStreaming` to compiling the bytes, as LMSs often serve `.wasm` with
//! another type than `application/wasm`.
//!
//! The same code makes the package from the command line (`cargo xtask scorm`, from a release
//! build's files) and, in the browser, from the files the teacher's app fetches of itself. The
//! site's page names the package's app, which none of its own pages start, in a meta element
//! ([`PACKAGE_BUNDLE_META`]).

use super::manifest::manifest;
use crate::core::assignment::Assignment;
use crate::core::xml::escape;
use crate::core::zip::{self, ZipError, ZipFile};
use std::fmt;

/// The launch page.
pub const LAUNCH: &str = "index.html";
pub const MANIFEST: &str = "imsmanifest.xml";
/// The page's icon, as the build copies it.
pub const ICON: &str = "icons/icon.svg";
/// The meta element that marks a package page, and its content.
pub const PACKAGE_META: &str = "lectern-package";
pub const PACKAGE_KIND: &str = "scorm-1.2";
/// The meta element holding the assignment link's code.
pub const ASSIGNMENT_META: &str = "lectern-assignment";
/// The meta element naming the app's JS glue and wasm, separated by a space.
pub const BUNDLE_META: &str = "lectern-bundle";
/// On the site's page (a release build's `index.html`, as `xtask/src/split.rs` writes it): the
/// meta element naming the package's app, its JS glue's and wasm's addresses separated by a
/// space.
pub const PACKAGE_BUNDLE_META: &str = "lectern-package-bundle";

/// The launch page's start-up script: the same text in every package.
pub const LOADER: &str = r#"
// Lectern in a SCORM package: starts the app named by the lectern-bundle meta element.
(() => {
  const files = document.querySelector('meta[name="lectern-bundle"]').content.split(' ');
  const [js, wasm] = files.map((file) => new URL(file, document.baseURI).href);
  const compiled = fetch(wasm).then((response) => {
    if (!response.ok) throw new Error(`${wasm}: ${response.status}`);
    // LMSs often serve .wasm with another type: then compile the bytes instead.
    return WebAssembly.compileStreaming(response.clone()).catch(() =>
      response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
    );
  });
  compiled.catch(() => {});
  const parsed = new Promise((done) =>
    document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', done) : done(),
  );
  import(js).then(async (bindings) => {
    const module_or_path = await compiled;
    await parsed;
    const instance = await bindings.default({ module_or_path });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
  });
})();
"#;

/// SHA-256 of [`LOADER`], base64: what the page's Content-Security-Policy allows.
pub const LOADER_SHA256: &str = "/J04YdukO6tmBjAMCt+ovd26GyMDnAu9TYsAmybc+ug=";

/// The app's files in a release build, by their paths there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppFiles {
    pub js: String,
    pub wasm: String,
    pub css: String,
    pub icon: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageError {
    /// The build lacks one of the files a package needs (what it looks like).
    Missing(&'static str),
    /// More than one file could be it.
    Ambiguous(&'static str),
    Zip(ZipError),
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::Missing(what) => write!(
                f,
                "the release build has no {what}: build it first (cargo xtask dist)"
            ),
            PackageError::Ambiguous(what) => {
                write!(f, "the release build has more than one {what}")
            }
            PackageError::Zip(e) => write!(f, "the package cannot be written: {e}"),
        }
    }
}

/// The app's files among a release build's file paths: the package's bundle (the student app
/// with the LMS session; neither the whole app's teacher pages nor the site's student app,
/// which has no session, are in a package), the style sheet and the icon.
pub fn app_files<'a>(paths: impl IntoIterator<Item = &'a str>) -> Result<AppFiles, PackageError> {
    let paths: Vec<&str> = paths.into_iter().collect();
    let one = |what: &'static str, fits: &dyn Fn(&str) -> bool| -> Result<String, PackageError> {
        let mut found = paths.iter().filter(|p| fits(p));
        match (found.next(), found.next()) {
            (Some(path), None) => Ok(path.to_string()),
            (None, _) => Err(PackageError::Missing(what)),
            (Some(_), Some(_)) => Err(PackageError::Ambiguous(what)),
        }
    };
    Ok(AppFiles {
        js: one("package's app (lectern-scorm-….js)", &|p| {
            p.starts_with("lectern-scorm-") && p.ends_with(".js") && !p.contains('/')
        })?,
        wasm: one("package's app (lectern-scorm-…_bg.wasm)", &|p| {
            p.starts_with("lectern-scorm-") && p.ends_with("_bg.wasm") && !p.contains('/')
        })?,
        css: one("style sheet (….css)", &|p| {
            p.ends_with(".css") && !p.contains('/')
        })?,
        icon: one("icon (icons/icon.svg)", &|p| p == ICON)?,
    })
}

/// The launch page for `assignment` (whose link code is `code`).
pub fn page(assignment: &Assignment, code: &str, app: &AppFiles) -> String {
    let policy = format!(
        "default-src 'self'; script-src 'self' 'sha256-{LOADER_SHA256}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
    );
    format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>{title} – Lectern</title>
    <base href="./" />
    <meta http-equiv="Content-Security-Policy" content="{policy}" />
    <meta name="{PACKAGE_META}" content="{PACKAGE_KIND}" />
    <meta name="{ASSIGNMENT_META}" content="{code}" />
    <meta name="{BUNDLE_META}" content="{js} {wasm}" />
    <script>{LOADER}</script>
    <link rel="stylesheet" href="{css}" />
    <link rel="icon" href="{icon}" type="image/svg+xml" />
  </head>
  <body>
    <noscript>This assignment needs JavaScript and WebAssembly. Please turn on JavaScript, or use a recent browser.</noscript>
  </body>
</html>
"#,
        title = escape(&assignment.title),
        code = escape(code),
        js = escape(&app.js),
        wasm = escape(&app.wasm),
        css = escape(&app.css),
        icon = escape(&app.icon),
    )
}

/// The package: `read` gives the bytes of each of the app's files (by its path in the build).
pub fn package(
    assignment: &Assignment,
    code: &str,
    app: &AppFiles,
    read: impl Fn(&str) -> Vec<u8>,
) -> Result<Vec<u8>, PackageError> {
    let app_paths = [&app.js, &app.wasm, &app.css, &app.icon];
    let mut listed: Vec<&str> = vec![LAUNCH];
    listed.extend(app_paths.iter().map(|p| p.as_str()));
    let mut files = vec![
        ZipFile {
            path: MANIFEST.into(),
            bytes: manifest(assignment, &listed).into_bytes(),
        },
        ZipFile {
            path: LAUNCH.into(),
            bytes: page(assignment, code, app).into_bytes(),
        },
    ];
    files.extend(app_paths.iter().map(|path| ZipFile {
        path: path.to_string(),
        bytes: read(path),
    }));
    zip::write(&files).map_err(PackageError::Zip)
}

/// The build's files a running page names, as paths in the build: the teacher's app makes a
/// package from its own build this way (with [`app_files`]). `base` is the page's base path
/// (`/` or `/sub/`); `urls` the addresses, resolved, of its links (`<link href>`:
/// `/main-….css`, `/icons/icon.svg`) and of the package's app its [`PACKAGE_BUNDLE_META`] names
/// (`/lectern-scorm-….js`). Addresses outside `base` are left out.
pub fn page_paths<'a>(base: &str, urls: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let base = format!("/{}/", base.trim_matches('/')).replace("//", "/");
    let mut paths: Vec<String> = urls
        .into_iter()
        .filter_map(|url| url.strip_prefix(base.as_str()))
        .filter(|path| !path.is_empty())
        .map(str::to_string)
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// The package's file name: `lectern-<title>-<key>.zip`, the title's letters and digits only.
pub fn file_name(assignment: &Assignment) -> String {
    let slug: String = assignment
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = crate::core::codec::truncate(&slug, 40)
        .trim_end_matches('-')
        .to_string();
    if slug.is_empty() {
        format!("lectern-scorm-{}.zip", assignment.key())
    } else {
        format!("lectern-scorm-{slug}-{}.zip", assignment.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assignment::StudentIdKind;
    use crate::core::test_fixtures::lms_assignment;

    fn build() -> Vec<&'static str> {
        vec![
            "index.html",
            "sw.js",
            "manifest.webmanifest",
            "lectern-1a2b_bg.wasm",
            "lectern-1a2b.js",
            "lectern-student-9f8e.js",
            "lectern-student-9f8e_bg.wasm",
            "lectern-scorm-5c0d.js",
            "lectern-scorm-5c0d_bg.wasm",
            "main-77aa.css",
            "icons/icon.svg",
            "icons/icon-192.png",
        ]
    }

    #[test]
    fn the_app_files_are_the_package_bundle_css_and_icon() {
        assert_eq!(
            app_files(build()).unwrap(),
            AppFiles {
                js: "lectern-scorm-5c0d.js".into(),
                wasm: "lectern-scorm-5c0d_bg.wasm".into(),
                css: "main-77aa.css".into(),
                icon: "icons/icon.svg".into(),
            }
        );
        // The site's student app has no LMS session: it never stands in for the package's.
        let without: Vec<&str> = build()
            .into_iter()
            .filter(|p| !p.contains("scorm"))
            .collect();
        assert_eq!(
            app_files(without),
            Err(PackageError::Missing("package's app (lectern-scorm-….js)"))
        );
        let mut twice = build();
        twice.push("other.css");
        assert_eq!(
            app_files(twice),
            Err(PackageError::Ambiguous("style sheet (….css)"))
        );
    }

    /// The hash in the policy is the loader's: the browser would refuse the script otherwise.
    /// (Host only: `sha2` is a host dev-dependency.)
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_policy_allows_exactly_the_loader() {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(LOADER.as_bytes());
        assert_eq!(
            base64::engine::general_purpose::STANDARD.encode(digest),
            LOADER_SHA256,
            "LOADER changed: put its new hash in LOADER_SHA256"
        );
    }

    #[test]
    fn the_page_holds_the_assignment_and_only_relative_urls() {
        let mut a = lms_assignment(StudentIdKind::NameOnly);
        a.title = "<Week 3>".into();
        let app = app_files(build()).unwrap();
        let html = page(&a, "LA1.abc_-", &app);
        assert!(html.contains("<title>&lt;Week 3&gt; – Lectern</title>"));
        assert!(html.contains("<meta name=\"lectern-assignment\" content=\"LA1.abc_-\" />"));
        assert!(html.contains(
            "<meta name=\"lectern-bundle\" content=\"lectern-scorm-5c0d.js lectern-scorm-5c0d_bg.wasm\" />"
        ));
        assert!(html.contains(&format!("<script>{LOADER}</script>")));
        assert_eq!(html.matches("<script").count(), 1);
        // No URL starts at a root or names another site.
        for marker in ["href=\"/", "src=\"/", "http://", "https://"] {
            assert!(!html.contains(marker), "{marker}");
        }
        // The policy comes right after <base>, before the script it governs.
        let base = html.find("<base href=\"./\" />").unwrap();
        let policy = html.find("Content-Security-Policy").unwrap();
        assert!(base < policy && policy < html.find("<script>").unwrap());
        assert!(!html.contains("sw.js") && !html.contains("manifest.webmanifest"));
    }

    #[test]
    fn the_zip_has_the_manifest_first_and_every_file() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let app = app_files(build()).unwrap();
        let zip = package(&a, "LA1.x", &app, |path| path.as_bytes().to_vec()).unwrap();
        assert_eq!(&zip[30..30 + MANIFEST.len()], MANIFEST.as_bytes());
        for path in [
            "index.html",
            "lectern-scorm-5c0d.js",
            "lectern-scorm-5c0d_bg.wasm",
            "main-77aa.css",
            "icons/icon.svg",
        ] {
            // Each file's bytes (here, its own path) follow its name in a local header.
            let needle = format!("{path}{path}");
            assert!(
                zip.windows(needle.len()).any(|w| w == needle.as_bytes()) || path == "index.html",
                "{path}"
            );
        }
        let text = String::from_utf8_lossy(&zip);
        assert!(text.contains("<file href=\"lectern-scorm-5c0d_bg.wasm\"/>"));
        assert!(!text.contains("lectern-1a2b"), "the whole app stays out");
        assert!(
            !text.contains("lectern-student"),
            "the site's student app stays out"
        );
    }

    #[test]
    fn a_page_names_its_builds_files() {
        // A release build's page under a sub-path: its links, and the package's app its meta
        // element names (the loader's bundles are not among them, nor needed).
        let urls = [
            "/sub/main-77aa.css",
            "/sub/icons/icon.svg",
            "/sub/icons/icon-192.png",
            "/sub/manifest.webmanifest",
            "/sub/lectern-scorm-5c0d.js",
            "/sub/lectern-scorm-5c0d_bg.wasm",
            "/elsewhere/x.css",
            "/sub/",
        ];
        let paths = page_paths("/sub", urls);
        assert_eq!(
            paths,
            [
                "icons/icon-192.png",
                "icons/icon.svg",
                "lectern-scorm-5c0d.js",
                "lectern-scorm-5c0d_bg.wasm",
                "main-77aa.css",
                "manifest.webmanifest",
            ]
        );
        assert_eq!(
            app_files(paths.iter().map(String::as_str)).unwrap(),
            AppFiles {
                js: "lectern-scorm-5c0d.js".into(),
                wasm: "lectern-scorm-5c0d_bg.wasm".into(),
                css: "main-77aa.css".into(),
                icon: "icons/icon.svg".into(),
            }
        );
        // At the root, and a debug build's page (no package's app named) names none.
        assert_eq!(
            page_paths("/", ["/main-1.css", "/icons/icon.svg"]),
            ["icons/icon.svg", "main-1.css"]
        );
        assert_eq!(
            app_files(["lectern-3.js", "main-1.css", "icons/icon.svg"]),
            Err(PackageError::Missing("package's app (lectern-scorm-….js)"))
        );
    }

    #[test]
    fn file_names_are_tidy() {
        let mut a = lms_assignment(StudentIdKind::NameOnly);
        assert_eq!(
            file_name(&a),
            "lectern-scorm-week-3-adversaries-to-allies-5eed0003.zip"
        );
        a.title = "?!".into();
        assert_eq!(file_name(&a), "lectern-scorm-5eed0003.zip");
    }
}
