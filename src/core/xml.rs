//! Writing XML text safely: escaping for text and attributes, HTML inside CDATA, and dropping the
//! characters XML 1.0 cannot hold. Used by the Moodle XML question export and the SCORM manifest.

/// `text` with the characters XML 1.0 forbids (control characters other than tab, line feed
/// and carriage return, and the non-characters U+FFFE, U+FFFF) left out.
fn allowed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|&c| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
    })
}

/// Text for an element's content or an attribute value: `&`, `<`, `>`, `"` and `'` as entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in allowed(text) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Plain text as HTML (its special characters as entities, line breaks as `<br>`), in a CDATA
/// section, as Moodle writes HTML texts. Once escaped, the HTML has no `>` left, so it can never
/// hold the `]]>` that would end the section early.
pub fn html_cdata(text: &str) -> String {
    let mut html = String::with_capacity(text.len());
    for c in allowed(text) {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\r' => {}
            '\n' => html.push_str("<br>"),
            c => html.push(c),
        }
    }
    format!("<![CDATA[{html}]]>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Tom & Jerry <b>\"x\"</b> 'y'"),
            "Tom &amp; Jerry &lt;b&gt;&quot;x&quot;&lt;/b&gt; &apos;y&apos;"
        );
        assert_eq!(escape("bell\u{7}tab\tok\u{fffe}"), "belltab\tok");
    }

    #[test]
    fn html_goes_in_cdata_that_cannot_close_early() {
        assert_eq!(html_cdata("a < b"), "<![CDATA[a &lt; b]]>");
        assert_eq!(html_cdata("end ]]> here"), "<![CDATA[end ]]&gt; here]]>");
        assert_eq!(html_cdata("two\r\nlines"), "<![CDATA[two<br>lines]]>");
        assert_eq!(html_cdata("<script>"), "<![CDATA[&lt;script&gt;]]>");
    }
}
