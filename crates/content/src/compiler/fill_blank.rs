//! The fill-in-the-blank notation: `text with {{answer|other accepted form}} gaps`.

/// Splits a fill-in-the-blank text into its fixed parts and the accepted answers of each blank.
/// `parts` has one more element than the blanks. Errors are plain messages about the notation.
pub fn parse_fill_blank(text: &str) -> Result<(Vec<String>, Vec<Vec<String>>), String> {
    let mut parts = Vec::new();
    let mut blanks = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let before = &rest[..open];
        if before.contains("}}") {
            return Err("`}}` closes a blank that was never opened with `{{`".into());
        }
        parts.push(before.to_string());
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or("a blank opened with `{{` is never closed with `}}`")?;
        let inside = &after[..close];
        if inside.contains("{{") {
            return Err("a blank opened with `{{` is never closed with `}}`".into());
        }
        let accepted: Vec<String> = inside.split('|').map(|a| a.trim().to_string()).collect();
        if accepted.iter().any(String::is_empty) {
            return Err(format!("the blank `{{{{{inside}}}}}` has an empty answer"));
        }
        blanks.push(accepted);
        rest = &after[close + 2..];
    }
    if rest.contains("}}") {
        return Err("`}}` closes a blank that was never opened with `{{`".into());
    }
    parts.push(rest.to_string());
    if blanks.is_empty() {
        return Err("the text has no blank: mark each one as `{{answer}}`".into());
    }
    Ok((parts, blanks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_parts_and_blanks() {
        let (parts, blanks) =
            parse_fill_blank("from {{ten|10}} painful years of {{war}}.").unwrap();
        assert_eq!(parts, vec!["from ", " painful years of ", "."]);
        assert_eq!(blanks, vec![vec!["ten", "10"], vec!["war"]]);
    }

    #[test]
    fn rejects_broken_notation() {
        assert!(parse_fill_blank("no blank")
            .unwrap_err()
            .contains("no blank"));
        assert!(parse_fill_blank("open {{ten")
            .unwrap_err()
            .contains("never closed"));
        assert!(parse_fill_blank("stray}} here {{x}}")
            .unwrap_err()
            .contains("never opened"));
        assert!(parse_fill_blank("empty {{a|}}")
            .unwrap_err()
            .contains("empty answer"));
        assert!(parse_fill_blank("nested {{a {{b}}")
            .unwrap_err()
            .contains("never closed"));
    }
}
