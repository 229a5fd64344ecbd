//! The release build's two bundles: the whole app for the teacher's pages, and a student app
//! without the teacher's code (the `teacher` cargo feature off) for every other page.
//!
//! Trunk builds one bundle per page, so `cargo xtask post-build` (trunk's `post_build` hook)
//! adds the second one to a release build:
//!
//! 1. builds the student app (`cargo build --release --no-default-features`), runs
//!    wasm-bindgen and wasm-opt on it with the settings index.html gives trunk, and writes
//!    `lectern-student-<hash>.js` and `lectern-student-<hash>_bg.wasm` next to trunk's files;
//! 2. replaces trunk's start-up script in index.html with a loader that starts the whole app at
//!    `teach` and `gradebook` (and below them) and the student app everywhere else, and drops
//!    trunk's preloads of the whole app (the loader fetches the wasm while the JS glue loads).
//!
//! The service worker precaches the student app and caches the whole app only when a teacher's
//! page first loads it (`worker.rs`), so a student's first visit never downloads the
//! teacher's code. Debug builds (`cargo xtask serve`) keep trunk's single bundle.

use crate::build_files::INDEX;
use crate::cmd;
use crate::hash::Fnv1a;
use crate::Ctx;
use std::fs;
use std::path::Path;
use std::process::Command;

/// A bundle as the page refers to it: the JS glue's and the wasm's URLs.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub js: String,
    pub wasm: String,
}

impl Bundle {
    /// The bundle's two files, as paths relative to the build folder (`public_url` removed).
    pub fn files(&self, public_url: &str) -> Vec<String> {
        [&self.js, &self.wasm]
            .iter()
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
/// sheets), so the wasm is downloading and compiling (`compileStreaming`) from the start, in
/// parallel with the JS glue and the CSS. The app itself starts once the page is parsed.
pub fn loader(whole: &Bundle, student: &Bundle) -> String {
    format!(
        "<script>
// Written by `cargo xtask post-build` (xtask/src/split.rs): the teacher's pages start the whole app,
// every other page the student app, which has none of the teacher's code.
(() => {{
  const whole = ['{}', '{}'];
  const student = ['{}', '{}'];
  const compile = (wasm) =>
    fetch(wasm).then((response) => {{
      if (!response.ok) throw new Error(`${{wasm}}: ${{response.status}}`);
      // A host that serves .wasm with another type gets the slower path instead of an error.
      return WebAssembly.compileStreaming(response.clone()).catch(() =>
        response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      );
    }});
  const parsed = new Promise((done) =>
    document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', done) : done(),
  );
  const start = async ([js, wasm]) => {{
    const compiled = compile(wasm);
    compiled.catch(() => {{}});
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
        whole.js, whole.wasm, student.js, student.wasm
    )
}

/// `html` with trunk's start-up script replaced by [`loader`] and trunk's preloads of the
/// whole app removed; an error if the page does not look as trunk writes it.
pub fn rewrite_page(html: &str, student: &Bundle) -> Result<(String, Bundle), String> {
    let (range, whole) = trunk_bundle(html)?;
    let mut page = format!(
        "{}{}{}",
        &html[..range.start],
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
/// both bundles are optimised alike.
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

/// Builds the student app into `dir` (the staging folder) and rewrites `dir/index.html`;
/// returns the whole app's bundle, for the service worker to cache on demand.
pub fn run(ctx: &Ctx, dir: &Path, public_url: &str) -> Result<Bundle, String> {
    let index_path = dir.join(INDEX);
    let html = fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    // Check the page before the slow part, so a page trunk wrote differently fails at once.
    trunk_bundle(&html)?;
    let source_index = fs::read_to_string(ctx.root.join(INDEX))
        .map_err(|e| format!("cannot read index.html: {e}"))?;
    let opt_args = wasm_opt_args(&source_index)?;

    println!("[split] building the student app (no teacher's pages) for the second bundle");
    let mut build = cmd::cargo(&ctx.root);
    build
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args([
            "--package",
            "lectern",
            "--bin",
            "lectern",
            "--no-default-features",
        ]);
    crate::size_flags::apply(&ctx.root, &mut build);
    cmd::run(&mut build)?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| ctx.root.join("target"));
    let built = target.join("wasm32-unknown-unknown/release/lectern.wasm");
    let work = target.join("split");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    cmd::run(
        Command::new(ctx.tools.wasm_bindgen())
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "lectern-student",
            ])
            .arg("--out-dir")
            .arg(&work)
            .arg(&built),
    )?;
    let bindgen_wasm = work.join("lectern-student_bg.wasm");
    let optimised = work.join("optimised.wasm");
    cmd::run(
        Command::new(ctx.tools.wasm_opt())
            .args(&opt_args)
            .arg(&bindgen_wasm)
            .arg("-o")
            .arg(&optimised),
    )?;
    let wasm =
        fs::read(&optimised).map_err(|e| format!("cannot read {}: {e}", optimised.display()))?;
    let js = fs::read_to_string(work.join("lectern-student.js"))
        .map_err(|e| format!("cannot read the student app's JS glue: {e}"))?;
    let name = format!(
        "lectern-student-{}",
        Fnv1a::new().feed(js.as_bytes()).feed(&wasm).hex()
    );
    // The glue's own fallback URL of the wasm, never used (the loader passes the wasm), but kept
    // pointing at the real file.
    let js = js.replace("lectern-student_bg.wasm", &format!("{name}_bg.wasm"));
    for (file, bytes) in [
        (format!("{name}.js"), js.as_bytes()),
        (format!("{name}_bg.wasm"), &wasm[..]),
    ] {
        fs::write(dir.join(&file), bytes).map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    let student = Bundle {
        js: format!("{public_url}{name}.js"),
        wasm: format!("{public_url}{name}_bg.wasm"),
    };
    let (page, whole) = rewrite_page(&html, &student)?;
    fs::write(&index_path, page)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    println!(
        "[split] student app {} KB raw (the whole app: {} KB)",
        wasm.len() / 1000,
        fs::metadata(dir.join(whole.files(public_url)[1].as_str()))
            .map(|m| m.len() / 1000)
            .unwrap_or(0)
    );
    Ok(whole)
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
        let (page, whole) = rewrite_page(TRUNK_PAGE, &student()).unwrap();
        assert_eq!(whole.js, "/sub/lectern-1a2b.js");
        assert!(!page.contains("import init"), "{page}");
        assert!(!page.contains("preload"), "{page}");
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/sub/main.css\"/>"));
        assert!(
            page.contains("const whole = ['/sub/lectern-1a2b.js', '/sub/lectern-1a2b_bg.wasm'];")
        );
        assert!(page.contains(
            "const student = ['/sub/lectern-student-99.js', '/sub/lectern-student-99_bg.wasm'];"
        ));
        assert!(
            page.contains(r"if (/^(teach|gradebook)(\/|$)/.test(at))"),
            "{page}"
        );
        // Still exactly one inline script, for the Content-Security-Policy's hash.
        assert_eq!(crate::csp::inline_scripts(&page).unwrap().len(), 1);
    }

    #[test]
    fn a_page_not_as_trunk_writes_it_is_refused() {
        assert!(rewrite_page("<html></html>", &student())
            .unwrap_err()
            .contains("no trunk start-up script"));
        let no_preload = TRUNK_PAGE.replace("rel=\"modulepreload\"", "rel=\"x\"");
        assert!(rewrite_page(&no_preload, &student())
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
