//! The Content-Security-Policy of a build: a `<meta http-equiv>` written into its index.html by
//! `cargo xtask post-build` (before the build's version is computed, so the version covers it).
//!
//! The page may load only its own files; its one inline script, trunk's module script that starts
//! the wasm, is allowed by its SHA-256 hash, which is only known after trunk wrote the page.
//!
//! The meta goes right after the `<base>` element: a policy from a meta applies only to what comes
//! after it, so trunk's `<base href>` (which every relative URL of the app needs, also under a
//! sub-path) is already in effect, while `base-uri 'none'` stops any later `<base>` from
//! redirecting the page's URLs.

use crate::hash::sha256;

/// The directives besides `script-src`. `style-src 'self'`: the app sets no style attributes
/// and has no inline styles; `form-action 'none'`: its forms are handled in the page.
const FIXED_DIRECTIVES: &[&str] = &[
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
];

/// What marks a page that already has its policy.
const META_START: &str = r#"<meta http-equiv="Content-Security-Policy""#;

/// The page with its policy added after `<base>`; an error if it has no `<base>`, has a policy
/// already, or an inline script cannot be found whole.
pub fn add_policy(html: &str) -> Result<String, String> {
    if html.contains(META_START) {
        return Err("index.html has a Content-Security-Policy already (built twice?)".to_string());
    }
    let hashes: Vec<String> = inline_scripts(html)?
        .into_iter()
        .map(|script| format!("'sha256-{}'", base64(&sha256(script.as_bytes()))))
        .collect();
    let policy = policy(&hashes);
    let base = html
        .find("<base")
        .ok_or("index.html has no <base> element to put the policy after")?;
    let end = base
        + html[base..]
            .find('>')
            .ok_or("index.html has an unclosed <base> element")?
        + 1;
    Ok(format!(
        "{}\n    {META_START} content=\"{policy}\" />{}",
        &html[..end],
        &html[end..]
    ))
}

/// The policy text for these script hashes (each already quoted, `'sha256-…'`).
pub fn policy(script_hashes: &[String]) -> String {
    let mut script_src = vec!["'self'".to_string()];
    script_src.extend(script_hashes.iter().cloned());
    // Needed to compile the app's own wasm; it allows no JavaScript eval.
    script_src.push("'wasm-unsafe-eval'".to_string());
    let mut directives: Vec<String> = FIXED_DIRECTIVES.iter().map(|d| d.to_string()).collect();
    directives.insert(1, format!("script-src {}", script_src.join(" ")));
    directives.join("; ")
}

/// The text of every `<script>` without a `src`, exactly as the browser hashes it.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, String> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let start = from + found;
        let open_end = start
            + lower[start..]
                .find('>')
                .ok_or("index.html has an unclosed <script> tag")?;
        let close = open_end
            + lower[open_end..]
                .find("</script")
                .ok_or("index.html has a <script> without </script>")?;
        let tag = &lower[start..open_end];
        if !tag.contains(" src=") {
            scripts.push(&html[open_end + 1..close]);
        }
        from = close;
    }
    Ok(scripts)
}

/// Standard base64 with padding, as CSP hashes are written.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::sha256;

    #[test]
    fn base64_pads_like_the_standard() {
        for (input, output) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), output);
        }
    }

    const PAGE: &str = "<html><head><title>x</title><base href=\"/\" /><link rel=\"icon\" href=\"i.svg\">\
        <script src=\"a.js\"></script></head><body><script type=\"module\">\nimport init from '/a.js';\n</script></body></html>";

    #[test]
    fn finds_only_inline_scripts() {
        assert_eq!(
            inline_scripts(PAGE).unwrap(),
            ["\nimport init from '/a.js';\n"]
        );
    }

    #[test]
    fn adds_the_policy_right_after_base_with_the_script_hash() {
        let html = add_policy(PAGE).unwrap();
        let hash = base64(&sha256(b"\nimport init from '/a.js';\n"));
        let expected = format!(
            "<base href=\"/\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
             script-src 'self' 'sha256-{hash}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'none'\" /><link rel=\"icon\""
        );
        assert!(html.contains(&expected), "{html}");
        assert!(!html.contains("unsafe-inline"));
        assert_eq!(
            html.replace(&expected, "<base href=\"/\" /><link rel=\"icon\""),
            PAGE
        );
    }

    #[test]
    fn refuses_a_page_without_base_or_with_a_policy() {
        assert!(add_policy("<html><script>x</script></html>")
            .unwrap_err()
            .contains("no <base>"));
        let once = add_policy(PAGE).unwrap();
        assert!(add_policy(&once).unwrap_err().contains("already"));
    }
}
