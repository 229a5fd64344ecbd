//! The Content-Security-Policy of a build: a `<meta http-equiv>` written into its index.html by
//! `cargo xtask precache` (before the build's version is computed, so the version covers it).
//!
//! The page may load only its own files; its one inline script, trunk's module script that starts
//! the wasm, is allowed by its SHA-256 hash, which is only known after trunk wrote the page.
//!
//! The meta goes right after the `<base>` element: a policy from a meta applies only to what comes
//! after it, so trunk's `<base href>` (which every relative URL of the app needs, also under a
//! sub-path) is already in effect, while `base-uri 'none'` stops any later `<base>` from
//! redirecting the page's URLs.

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

/// SHA-256 (FIPS 180-4). Written out here because xtask is std only (see main.rs); checked
/// against the standard's test vectors below, and by the browser in every e2e test, which fails
/// on any CSP violation.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_matches_the_standard_vectors() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // Two blocks.
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        // A million 'a's: many blocks.
        assert_eq!(
            hex(&sha256(&vec![b'a'; 1_000_000])),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

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
