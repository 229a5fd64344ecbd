//! Rules the source must keep, checked on every host `cargo test`: nothing in src/ may hand a
//! string to the browser's HTML (or JavaScript) parser. All content, imported files and names
//! reach the page as text nodes and attribute values, which the browser never parses as markup;
//! one `inner_html` would undo that.
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
