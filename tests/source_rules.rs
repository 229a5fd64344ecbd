//! Rules the source must keep, checked on every host `cargo test`:
//!
//! - nothing in src/ may hand a string to the browser's HTML (or JavaScript) parser. All
//!   content, imported files and names reach the page as text nodes and attribute values, which
//!   the browser never parses as markup; one `inner_html` would undo that;
//! - the layers stay apart: the core and the content crate name no browser API, Leptos or the
//!   layers above them, the platform names no view, and no component names a page;
//! - ARCHITECTURE.md's codemap names every folder of src/, crates/ and xtask/src/ and every
//!   end-to-end spec, and nothing that is not there.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Ways to turn a string into markup or code, as written in Rust (Leptos' `inner_html`
/// attribute, web-sys setters) or in JavaScript (the service worker). Matched case-insensitively
/// with `_` ignored, so `set_inner_html`, `innerHTML` and `inner_html=` all match.
const FORBIDDEN: &[&str] = &[
    "innerhtml",
    "outerhtml",
    "insertadjacenthtml",
    "sethtmlunsafe",
    "parsehtmlunsafe",
    "createcontextualfragment",
    "document.write",
    "eval(",
    "newfunction(",
    // js_sys::Function::new_no_args / new_with_args compile a string as JavaScript.
    "function::new",
];

/// The patterns that match only at the start of a word.
const WHOLE_WORD: &[&str] = &["eval(", "newfunction(", "function::new"];

/// Every forbidden use in one file's text, as `path:line: pattern`.
fn violations(path: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let squeezed: String = line
            .chars()
            .filter(|c| *c != '_' && !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        for pattern in FORBIDDEN {
            // The HTML sinks anywhere (`setinnerhtml`, `<divinnerhtml=`); the code ones only as a
            // whole word: `retrieval(` is not `eval(`, nor `my_new_function(` `new Function(`.
            let whole_word_only = WHOLE_WORD.contains(pattern);
            let hit = squeezed.match_indices(pattern).any(|(at, _)| {
                !whole_word_only
                    || !squeezed[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            });
            if hit {
                found.push(format!("{path}:{}: {pattern}", number + 1));
            }
        }
    }
    found
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "js" | "mjs" | "html")
        ) {
            out.push(path);
        }
    }
}

#[test]
fn nothing_in_src_parses_strings_as_html_or_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates/content/src"] {
        files_under(&root.join(dir), &mut files);
    }
    files.push(root.join("index.html"));
    assert!(
        files.len() > 20,
        "expected the app's sources, found {files:?}"
    );
    let found: Vec<String> = files
        .iter()
        .flat_map(|file| {
            let text = fs::read_to_string(file).unwrap();
            let shown = file.strip_prefix(root).unwrap().display().to_string();
            violations(&shown, &text)
        })
        .collect();
    assert!(
        found.is_empty(),
        "render text, never markup (see docs/security.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_catches_each_way_of_writing_it() {
    let sample = r#"
        view! { <div inner_html=text/> }
        element.set_inner_html(&text);
        el.innerHTML = text;
        el.insertAdjacentHTML('beforeend', text);
        let ok = "plain text"; retrieval(x); my_new_function(1);
        eval ("1");
        new Function('return 1');
        el.set_outer_html(&text);
        js_sys::Function::new_no_args(&code);
    "#;
    assert_eq!(
        violations("sample.rs", sample),
        [
            "sample.rs:2: innerhtml",
            "sample.rs:3: innerhtml",
            "sample.rs:4: innerhtml",
            "sample.rs:5: insertadjacenthtml",
            "sample.rs:7: eval(",
            "sample.rs:8: newfunction(",
            "sample.rs:9: outerhtml",
            "sample.rs:10: function::new",
        ]
    );
}

/// Where a layer of the app may not reach: (the folders or files of the layer, what it must not
/// name, why). Matched in code, not comments, as whole paths (`leptos::`, `crate::pages`).
const LAYERS: &[(&[&str], &[&str], &str)] = &[
    (
        &["src/core", "crates/content/src"],
        &[
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo",
            "crate::platform",
            "crate::state",
            "crate::routes",
            "crate::components",
            "crate::pages",
            "crate::app",
        ],
        "the core is pure: no browser API, no Leptos, nothing above it, so it is all tested on the host",
    ),
    (
        &["src/platform"],
        &[
            "leptos",
            "crate::state",
            "crate::routes",
            "crate::components",
            "crate::pages",
            "crate::app",
        ],
        "the platform only wraps browser APIs; the views use it, never the other way round",
    ),
    (
        &["src/routes.rs", "src/state.rs", "src/lms_session.rs"],
        &["crate::components", "crate::pages", "crate::app"],
        "addresses and the stores sit below the views that use them",
    ),
    (
        &["src/components"],
        &["crate::pages", "crate::app"],
        "components are pieces of pages: a component never names a page",
    ),
];

/// Whether `path` (`leptos_router::hooks`, `crate::pages::home`) is or is under `name`: a crate
/// name also covers the crates named after it (`leptos` covers `leptos_router`).
fn is_under(path: &str, name: &str) -> bool {
    let Some(rest) = path.strip_prefix(name) else {
        return false;
    };
    rest.is_empty() || rest.starts_with("::") || !name.contains("::") && rest.starts_with('_')
}

/// The paths a `use` tree names, with its braces expanded: `crate::{pages, state::Store}` gives
/// `crate::pages` and `crate::state::Store`.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let close = tree.rfind('}').unwrap_or(tree.len());
    let prefix = &tree[..open];
    // Split the inside at the commas that are not inside nested braces.
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, open + 1);
    for (i, c) in tree.char_indices().take(close).skip(open + 1) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&tree[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tree[start..close]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand_use(&format!("{prefix}{p}")))
        .collect()
}

/// Every use of a forbidden name in one file's code (comments left out), as `path:line: name`:
/// in `use` declarations (braces expanded) and in paths written out in the code.
fn layer_violations(path: &str, text: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending_use: Option<(usize, String)> = None;
    for (number, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut named: Vec<String> = Vec::new();
        // A `use` declaration, possibly over several lines.
        let declaration = code
            .strip_prefix("pub ")
            .unwrap_or(code)
            .strip_prefix("use ");
        if let Some(tree) = declaration.filter(|_| pending_use.is_none()) {
            pending_use = Some((number, String::new()));
            pending_use.as_mut().unwrap().1.push_str(tree);
        } else if let Some((_, tree)) = pending_use.as_mut() {
            tree.push_str(code);
        }
        if let Some((start, tree)) = pending_use.take_if(|(_, tree)| tree.contains(';')) {
            let tree = tree.split(';').next().unwrap_or_default();
            for used in expand_use(tree) {
                if let Some(name) = forbidden.iter().find(|name| is_under(&used, name)) {
                    found.push(format!("{path}:{}: {name}", start + 1));
                }
            }
            continue;
        }
        if pending_use.is_some() {
            continue;
        }
        // Paths written out in the code: `web_sys::window()`, `crate::pages::x::Y`.
        for (at, _) in code.match_indices("::") {
            let start = code[..at]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(0, |i| i + 1);
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |i| at + i);
            named.push(code[start..end].to_string());
        }
        for name in forbidden {
            if named.iter().any(|used| is_under(used, name)) {
                found.push(format!("{path}:{}: {name}", number + 1));
            }
        }
    }
    found
}

#[test]
fn each_layer_names_only_what_is_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for (places, forbidden, why) in LAYERS {
        let mut files = Vec::new();
        for place in *places {
            let path = root.join(place);
            if path.is_dir() {
                files_under(&path, &mut files);
            } else {
                files.push(path);
            }
        }
        assert!(!files.is_empty(), "{places:?} has no files");
        for file in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "rs"))
        {
            let text = fs::read_to_string(file).unwrap();
            let shown = file.strip_prefix(root).unwrap().display().to_string();
            found.extend(
                layer_violations(&shown, &text, forbidden)
                    .into_iter()
                    .map(|v| format!("{v} ({why})")),
            );
        }
    }
    assert!(found.is_empty(), "layers crossed:\n{}", found.join("\n"));
}

#[test]
fn the_layer_check_catches_each_way_of_naming_a_layer() {
    let sample = r#"
        use leptos::prelude::*;
        use leptos_router::hooks::use_params_map;
        // leptos:: in a comment is fine, and so is a word like leptos
        let x = web_sys::window();
        use crate::pages::home::HomePage;
        pub use crate::{
            core::progress,
            pages::{data, home},
        };
        let ok = my_leptos_like(crate::pages_helper::x);
        let cast = value.dyn_into::<wasm_bindgen::JsValue>();
    "#;
    assert_eq!(
        layer_violations(
            "sample.rs",
            sample,
            &["leptos", "web_sys", "crate::pages", "wasm_bindgen"]
        ),
        [
            "sample.rs:2: leptos",
            "sample.rs:3: leptos",
            "sample.rs:5: web_sys",
            "sample.rs:6: crate::pages",
            "sample.rs:7: crate::pages",
            "sample.rs:7: crate::pages",
            "sample.rs:12: wasm_bindgen",
        ]
    );
    assert_eq!(
        expand_use("crate::{a, b::{c, d}, e::F}"),
        ["crate::a", "crate::b::c", "crate::b::d", "crate::e::F"]
    );
}

/// Every folder below `dir` (not `dir` itself), as a repository path with a trailing `/`.
fn folders_under(root: &Path, dir: &str, out: &mut Vec<String>) {
    for entry in fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}")) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let shown = path.strip_prefix(root).unwrap().display().to_string();
            out.push(format!("{shown}/"));
            folders_under(root, &shown, out);
        }
    }
}

/// Every `…` span in a Markdown text.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[test]
fn the_codemap_names_every_folder_and_spec_and_nothing_else() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let codemap = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let named = code_spans(&codemap);

    let mut folders = Vec::new();
    for dir in ["src", "crates", "xtask/src"] {
        folders_under(root, dir, &mut folders);
    }
    let mut specs: Vec<String> = fs::read_dir(root.join("tests/e2e"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".spec.mjs"))
        .collect();
    folders.sort();
    specs.sort();
    assert!(
        folders.len() > 10 && specs.len() > 10,
        "{folders:?} {specs:?}"
    );
    let file_name = |span: &str| span.rsplit('/').next().unwrap_or_default().to_string();
    let missing: Vec<&String> = folders
        .iter()
        .filter(|folder| !named.contains(&folder.as_str()))
        .chain(
            specs
                .iter()
                .filter(|spec| !named.iter().any(|n| file_name(n) == **spec)),
        )
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's codemap does not name (as `path/` or `name.spec.mjs`): {missing:?}"
    );

    // And it names nothing that is gone.
    let gone: Vec<&&str> = named
        .iter()
        .filter(|span| {
            let folder = ["src/", "crates/", "xtask/src/"]
                .iter()
                .any(|dir| span.starts_with(dir))
                && span.ends_with('/');
            let spec = span.ends_with(".spec.mjs");
            (folder && !root.join(span).is_dir()) || (spec && !specs.contains(&file_name(span)))
        })
        .collect();
    assert!(
        gone.is_empty(),
        "ARCHITECTURE.md names what is not there: {gone:?}"
    );
}
