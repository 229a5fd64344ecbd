//! The release build's bundles: the whole app for the teacher's pages, a student app without
//! the teacher's code (the `teacher` cargo feature off) for every other page, and the app a
//! SCORM package launches (the student app with the `scorm` feature: the LMS session), which no
//! page of the site starts.
//!
//! Trunk builds one bundle per page, so `cargo xtask post-build` (trunk's `post_build` hook)
//! adds the other two to a release build:
//!
//! 1. builds the student app (`cargo build --release --no-default-features`), runs
//!    wasm-bindgen and wasm-opt on it with the settings index.html gives trunk, and writes
//!    `lectern-student-<hash>.js` and `lectern-student-<hash>_bg.wasm` next to trunk's files;
//!    then the same for the package's app (`--no-default-features --features scorm`,
//!    `lectern-scorm-<hash>.*`);
//! 2. replaces trunk's start-up script in index.html with a loader that starts the whole app at
//!    `teach` and `gradebook` (and below them) and the student app everywhere else, drops
//!    trunk's preloads of the whole app (the loader fetches the wasm while the JS glue loads),
//!    and names the package's app in a meta element, for the teacher's "Download for your LMS"
//!    (`core::scorm::package::PACKAGE_BUNDLE_META`).
//!
//! The service worker precaches the student app and caches the whole app and the package's app
//! only when first fetched (`worker.rs`), so a student's first visit never downloads the
//! teacher's code or the LMS session. Debug builds (`cargo xtask serve`) keep trunk's single
//! bundle.

use crate::build_files::INDEX;
use crate::cmd;
use crate::hash::Fnv1a;
use crate::wasm_split;
use crate::Ctx;
use std::fs;
use std::path::Path;
use std::process::Command;

/// A bundle as the page refers to it: the JS glue's and the wasm's URLs, and the modules the
/// glue imports (the student app's link module, wasm_split.rs), which the loader fetches with
/// the glue: found only once the glue is parsed, each would cost a round trip more, on every
/// load from the service worker too.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub js: String,
    pub wasm: String,
    pub modules: Vec<String>,
}

impl Bundle {
    /// The bundle's URLs: the glue, the wasm, the modules the glue imports.
    fn urls(&self) -> impl Iterator<Item = &String> {
        [&self.js, &self.wasm].into_iter().chain(&self.modules)
    }

    /// The bundle's files, as paths relative to the build folder (`public_url` removed).
    pub fn files(&self, public_url: &str) -> Vec<String> {
        self.urls()
            .map(|url| url.strip_prefix(public_url).unwrap_or(url).to_string())
            .collect()
    }
}

/// The addresses (relative to the app's base) that start the whole app: the teacher's pages.
/// A JavaScript regular expression's source.
pub const TEACHER_PATHS: &str = r"^(teach|gradebook)(\/|$)";

const TRUNK_SCRIPT_START: &str = "<script type=\"module\">";
const TRUNK_IMPORT: &str = "import init, * as bindings from '";
const TRUNK_WASM: &str = "module_or_path: '";

/// Trunk's start-up script in `html`: its byte range and the bundle it starts.
pub fn trunk_bundle(html: &str) -> Result<(std::ops::Range<usize>, Bundle), String> {
    let start = html
        .find(TRUNK_SCRIPT_START)
        .ok_or("index.html has no trunk start-up script (<script type=\"module\">)")?;
    let end = start
        + html[start..]
            .find("</script>")
            .ok_or("index.html's start-up script has no </script>")?
        + "</script>".len();
    let script = &html[start..end];
    let quoted_after = |marker: &str| -> Result<String, String> {
        let from = script
            .find(marker)
            .ok_or_else(|| format!("trunk's start-up script has no `{marker}`"))?
            + marker.len();
        let len = script[from..]
            .find('\'')
            .ok_or("trunk's start-up script has an unclosed quote")?;
        Ok(script[from..from + len].to_string())
    };
    let bundle = Bundle {
        js: quoted_after(TRUNK_IMPORT)?,
        wasm: quoted_after(TRUNK_WASM)?,
        modules: Vec::new(),
    };
    Ok((start..end, bundle))
}

/// The loader that replaces trunk's script: the whole app for the teacher's pages, the
/// student app otherwise. When the whole app cannot be loaded (offline before any teacher's
/// page was ever opened on this device), it starts the student app, whose page at those
/// addresses says so.
///
/// A classic script, not a module like trunk's: it runs as soon as the parser reaches it, before
/// the style sheet below it has loaded (a module script waits for the whole page and its style
/// sheets), so the JS glue loads in parallel with the CSS. The wasm is fetched and compiled
/// (`compileStreaming`) at once, or on a pre-rendered page once its text has been painted (the
/// text first); the app itself starts once the page is parsed.
pub fn loader(whole: &Bundle, student: &Bundle) -> String {
    format!(
        "<script>
// Written by `cargo xtask post-build` (xtask/src/split.rs): the teacher's pages start the whole app,
// every other page the student app, which has none of the teacher's code.
(() => {{
  const whole = [{}];
  const student = [{}];
  const compile = (wasm) =>
    fetch(wasm).then((response) => {{
      if (!response.ok) throw new Error(`${{wasm}}: ${{response.status}}`);
      // A host that serves .wasm with another type gets the slower path instead of an error.
      return WebAssembly.compileStreaming(response.clone()).catch(() =>
        response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      );
    }});
  // Text first: on a page drawn at build time (`data-route`, and `data-app` is `loading`), the wasm is
  // fetched once its text has been painted, so on a slow connection the page and its style sheet
  // do not share the bandwidth with it, and the app never replaces the text before it was shown
  // (docs/performance.md, 'Text first'). Anywhere else (nothing drawn yet, a hidden tab) at once,
  // and from the service worker's cache, which shares no connection with anything.
  const shown = new Promise((done) => {{
    const page = document.documentElement.dataset;
    const waits = page.route !== undefined && page.app === 'loading' && document.visibilityState === 'visible';
    if (!waits || navigator.serviceWorker?.controller) return done();
    setTimeout(done, 3000);
    const kinds = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!kinds.includes('largest-contentful-paint')) return requestAnimationFrame(() => setTimeout(done));
    new PerformanceObserver((_, observer) => {{
      observer.disconnect();
      done();
    }}).observe({{ type: 'largest-contentful-paint', buffered: true }});
  }});
  const parsed = new Promise((done) =>
    document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', done) : done(),
  );
  const start = async ([js, wasm, ...modules]) => {{
    const compiled = shown.then(() => compile(wasm));
    compiled.catch(() => {{}});
    // The modules the glue imports, fetched with it rather than after it (a failure shows in the
    // glue's import).
    for (const module of modules) import(module).catch(() => {{}});
    const bindings = await import(js);
    const module_or_path = await compiled;
    await parsed;
    const instance = await bindings.default({{ module_or_path }});
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm: instance }} }}));
  }};
  const at = location.pathname.slice(new URL(document.baseURI).pathname.length);
  // The page then shows its note that the app cannot start (index.html, style/main.css).
  const failed = () => {{
    document.documentElement.dataset.app = 'missing';
  }};
  if (/{TEACHER_PATHS}/.test(at)) start(whole).catch(() => start(student)).catch(failed);
  else start(student).catch(failed);
}})();
</script>",
        quoted_urls(whole),
        quoted_urls(student)
    )
}

/// A bundle's URLs as the loader's array.
fn quoted_urls(bundle: &Bundle) -> String {
    let quoted: Vec<String> = bundle.urls().map(|url| format!("'{url}'")).collect();
    quoted.join(", ")
}

/// The meta element naming the app a SCORM package launches, on the site's page: the teacher's
/// app reads it to make a package (`core::scorm::package::PACKAGE_BUNDLE_META`, the same name).
pub const PACKAGE_BUNDLE_META: &str = "lectern-package-bundle";

/// The meta element naming `package`'s two files.
pub fn package_meta(package: &Bundle) -> String {
    format!(
        "<meta name=\"{PACKAGE_BUNDLE_META}\" content=\"{} {}\" />",
        package.js, package.wasm
    )
}

/// `html` with trunk's start-up script replaced by the meta element naming the package's app
/// and [`loader`], and trunk's preloads of the whole app removed; an error if the page does not
/// look as trunk writes it.
pub fn rewrite_page(
    html: &str,
    student: &Bundle,
    package: &Bundle,
) -> Result<(String, Bundle), String> {
    let (range, whole) = trunk_bundle(html)?;
    let mut page = format!(
        "{}{}\n{}{}",
        &html[..range.start],
        package_meta(package),
        loader(&whole, student),
        &html[range.end..]
    );
    for url in [&whole.js, &whole.wasm] {
        let href = format!("href=\"{url}\"");
        let at = page
            .find(&format!("<link rel=\"modulepreload\" {href}"))
            .or_else(|| page.find(&format!("<link rel=\"preload\" {href}")))
            .ok_or_else(|| format!("index.html has no preload of {url}"))?;
        let end = at
            + page[at..]
                .find('>')
                .ok_or("index.html has an unclosed <link>")?
            + 1;
        page.replace_range(at..end, "");
    }
    Ok((page, whole))
}

/// `--enable-…` flags and the level trunk gives wasm-opt, read from the source index.html so
/// every bundle is optimised alike.
pub fn wasm_opt_args(source_index: &str) -> Result<Vec<String>, String> {
    let attribute = |name: &str| -> Result<String, String> {
        let marker = format!("{name}=\"");
        let from = source_index
            .find(&marker)
            .ok_or_else(|| format!("index.html's rust link has no {name}"))?
            + marker.len();
        let len = source_index[from..]
            .find('"')
            .ok_or_else(|| format!("index.html's {name} is not closed"))?;
        Ok(source_index[from..from + len].to_string())
    };
    let mut args = vec![format!("-O{}", attribute("data-wasm-opt")?)];
    args.extend(
        attribute("data-wasm-opt-params")?
            .split_whitespace()
            .map(str::to_string),
    );
    Ok(args)
}

/// The bundles a release build adds to trunk's: what the service worker caches on demand.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    /// Trunk's bundle, the whole app: the teacher's pages start it.
    pub whole: Bundle,
    /// The app a SCORM package launches: no page of the site starts it.
    pub package: Bundle,
}

/// Builds the student app and the package's app into `dir` (the staging folder) and rewrites
/// `dir/index.html`; returns the bundles only some visits need, for the service worker to cache
/// on demand.
pub fn run(ctx: &Ctx, dir: &Path, public_url: &str) -> Result<Added, String> {
    let index_path = dir.join(INDEX);
    let html = fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    // Check the page before the slow part, so a page trunk wrote differently fails at once.
    trunk_bundle(&html)?;
    let source_index = fs::read_to_string(ctx.root.join(INDEX))
        .map_err(|e| format!("cannot read index.html: {e}"))?;
    let opt_args = wasm_opt_args(&source_index)?;

    println!("[split] building the student app (no teacher's pages, no LMS session)");
    let (student, student_size) = build(
        ctx,
        dir,
        public_url,
        &opt_args,
        &["--no-default-features"],
        "lectern-student",
        true,
    )?;
    println!("[split] building the SCORM package's app (the student app with the LMS session)");
    let (package, package_size) = build(
        ctx,
        dir,
        public_url,
        &opt_args,
        &["--no-default-features", "--features", "scorm"],
        "lectern-scorm",
        false,
    )?;
    let (page, whole) = rewrite_page(&html, &student, &package)?;
    fs::write(&index_path, page)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    println!(
        "[split] student app {} KB raw, the package's app {} KB (the whole app: {} KB)",
        student_size / 1000,
        package_size / 1000,
        fs::metadata(dir.join(whole.files(public_url)[1].as_str()))
            .map(|m| m.len() / 1000)
            .unwrap_or(0)
    );
    Ok(Added { whole, package })
}

/// Builds the app with `features` (cargo's arguments) and writes its JS glue and optimised wasm
/// into `dir` as `<name>-<hash>.js` and `<name>-<hash>_bg.wasm`; with `lazy_screens`, also its
/// link module and chunks (wasm_split.rs). The bundle, and the size of the wasm a page loads.
fn build(
    ctx: &Ctx,
    dir: &Path,
    public_url: &str,
    opt_args: &[String],
    features: &[&str],
    name: &str,
    lazy_screens: bool,
) -> Result<(Bundle, usize), String> {
    let mut cargo = cmd::cargo(&ctx.root);
    cargo
        .args(["rustc", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["--package", "lectern", "--bin", "lectern"])
        .args(features);
    if lazy_screens {
        // The split tool moves functions between modules by the linker's relocations. Given to
        // the final link only (`cargo rustc`), so the dependencies' builds are shared with the
        // other bundles.
        cargo.args(["--features", "split", "--", "-Clink-arg=--emit-relocs"]);
    }
    crate::size_flags::apply(&ctx.root, &mut cargo);
    cmd::run(&mut cargo)?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| ctx.root.join("target"));
    let built = target.join("wasm32-unknown-unknown/release/lectern.wasm");
    let work = target.join("split");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let cut = if lazy_screens {
        Some(wasm_split::cut(ctx, &built, &work.join("cut"))?)
    } else {
        None
    };
    let (bindgen_input, bindgen_name) = match &cut {
        Some(cut) => (cut.main_wasm.clone(), wasm_split::MAIN_STEM),
        None => (built, name),
    };
    cmd::run(
        Command::new(ctx.tools.wasm_bindgen())
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                bindgen_name,
            ])
            // The link module instantiates the chunks with the main module's function table.
            .args(cut.is_some().then_some("--keep-lld-exports"))
            .arg("--out-dir")
            .arg(&work)
            .arg(&bindgen_input),
    )?;
    let optimise = |input: &Path, output: &Path| -> Result<Vec<u8>, String> {
        cmd::run(
            Command::new(ctx.tools.wasm_opt())
                .args(opt_args)
                .arg(input)
                .arg("-o")
                .arg(output),
        )?;
        fs::read(output).map_err(|e| format!("cannot read {}: {e}", output.display()))
    };
    let wasm = optimise(
        &work.join(format!("{bindgen_name}_bg.wasm")),
        &work.join("optimised.wasm"),
    )?;
    let js = fs::read_to_string(work.join(format!("{bindgen_name}.js")))
        .map_err(|e| format!("cannot read {name}'s JS glue: {e}"))?;
    let mut hash = Fnv1a::new();
    hash.feed(js.as_bytes()).feed(&wasm);
    let mut chunks = Vec::new();
    if let Some(cut) = &cut {
        hash.feed(cut.link_js.as_bytes());
        for (stem, path) in &cut.chunks {
            let bytes = optimise(path, &work.join(format!("{stem}.opt.wasm")))?;
            hash.feed(stem.as_bytes()).feed(&bytes);
            chunks.push((stem.clone(), bytes));
        }
    }
    let hashed = format!("{name}-{}", hash.hex());
    // The glue's own fallback URL of the wasm, never used (the loaders pass the wasm), but kept
    // pointing at the real file.
    let mut js = js.replace(
        &format!("{bindgen_name}_bg.wasm"),
        &format!("{hashed}_bg.wasm"),
    );
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some(cut) = &cut {
        let stems: Vec<String> = chunks.iter().map(|(stem, _)| stem.clone()).collect();
        let (glue, link_js) = wasm_split::name(&hashed, &js, &cut.link_js, &stems)?;
        js = glue;
        files.push((wasm_split::link_file(&hashed), link_js.into_bytes()));
        for (stem, bytes) in chunks {
            files.push((wasm_split::chunk_file(&hashed, &stem), bytes));
        }
    }
    let wasm_size = wasm.len();
    files.push((format!("{hashed}.js"), js.into_bytes()));
    files.push((format!("{hashed}_bg.wasm"), wasm));
    for (file, bytes) in &files {
        fs::write(dir.join(file), bytes).map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    let bundle = Bundle {
        js: format!("{public_url}{hashed}.js"),
        wasm: format!("{public_url}{hashed}_bg.wasm"),
        modules: cut
            .map(|_| vec![format!("{public_url}{}", wasm_split::link_file(&hashed))])
            .unwrap_or_default(),
    };
    Ok((bundle, wasm_size))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// index.html as trunk 0.21 writes it (abridged).
    const TRUNK_PAGE: &str = "<html><head>\n    <base href=\"/sub/\" />\n    \n<script type=\"module\">\nimport init, * as bindings from '/sub/lectern-1a2b.js';\nconst wasm = await init({ module_or_path: '/sub/lectern-1a2b_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n</script>\n    <link rel=\"stylesheet\" href=\"/sub/main.css\"/>\n  <link rel=\"modulepreload\" href=\"/sub/lectern-1a2b.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"/sub/lectern-1a2b_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\"></head>\n  <body></body>\n</html>\n";

    fn student() -> Bundle {
        Bundle {
            js: "/sub/lectern-student-99.js".into(),
            wasm: "/sub/lectern-student-99_bg.wasm".into(),
            modules: vec!["/sub/lectern-student-99.split.js".into()],
        }
    }

    fn package() -> Bundle {
        Bundle {
            js: "/sub/lectern-scorm-77.js".into(),
            wasm: "/sub/lectern-scorm-77_bg.wasm".into(),
            modules: Vec::new(),
        }
    }

    #[test]
    fn finds_the_bundle_trunk_starts() {
        let (range, bundle) = trunk_bundle(TRUNK_PAGE).unwrap();
        assert_eq!(bundle.js, "/sub/lectern-1a2b.js");
        assert_eq!(bundle.wasm, "/sub/lectern-1a2b_bg.wasm");
        assert!(TRUNK_PAGE[range].ends_with("</script>"));
        assert_eq!(
            bundle.files("/sub/"),
            ["lectern-1a2b.js", "lectern-1a2b_bg.wasm"]
        );
    }

    #[test]
    fn the_page_loads_one_bundle_by_address_and_preloads_neither() {
        let (page, whole) = rewrite_page(TRUNK_PAGE, &student(), &package()).unwrap();
        assert_eq!(whole.js, "/sub/lectern-1a2b.js");
        assert!(!page.contains("import init"), "{page}");
        assert!(!page.contains("preload"), "{page}");
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/sub/main.css\"/>"));
        assert!(
            page.contains("const whole = ['/sub/lectern-1a2b.js', '/sub/lectern-1a2b_bg.wasm'];")
        );
        assert!(page.contains(
            "const student = ['/sub/lectern-student-99.js', '/sub/lectern-student-99_bg.wasm', '/sub/lectern-student-99.split.js'];"
        ));
        assert!(
            page.contains(r"if (/^(teach|gradebook)(\/|$)/.test(at))"),
            "{page}"
        );
        // Still exactly one inline script, for the Content-Security-Policy's hash.
        assert_eq!(crate::csp::inline_scripts(&page).unwrap().len(), 1);
        // The package's app is named, for the teacher's download, but no script starts it.
        assert!(page.contains(
            "<meta name=\"lectern-package-bundle\" content=\"/sub/lectern-scorm-77.js /sub/lectern-scorm-77_bg.wasm\" />"
        ));
        assert_eq!(page.matches("lectern-scorm-").count(), 2, "{page}");
        assert!(page.find("lectern-package-bundle") < page.find("<script>"));
    }

    #[test]
    fn a_page_not_as_trunk_writes_it_is_refused() {
        assert!(rewrite_page("<html></html>", &student(), &package())
            .unwrap_err()
            .contains("no trunk start-up script"));
        let no_preload = TRUNK_PAGE.replace("rel=\"modulepreload\"", "rel=\"x\"");
        assert!(rewrite_page(&no_preload, &student(), &package())
            .unwrap_err()
            .contains("no preload of /sub/lectern-1a2b.js"));
    }

    #[test]
    fn wasm_opt_gets_the_settings_trunk_gets() {
        let source = "<link data-trunk rel=\"rust\" data-wasm-opt=\"z\" data-wasm-opt-params=\"--enable-a --enable-b\" />";
        assert_eq!(
            wasm_opt_args(source).unwrap(),
            ["-Oz", "--enable-a", "--enable-b"]
        );
        assert!(wasm_opt_args("<link />").is_err());
    }
}
