//! A name as part of a file name or an id: "Ana María O'Neil!" → `ana-maría-o-neil`. Used for
//! the names of downloaded files (backups, result files, the gradebook's CSV) and for profile ids.

/// The longest slug, in characters.
pub const MAX_SLUG_CHARS: usize = 40;

/// Lower-case letters and digits (of any script, which every current file system allows), with
/// each run of anything else turned into one `-`, never leading, trailing or doubled; at most
/// [`MAX_SLUG_CHARS`] characters. Empty when the text has no letter or digit.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    let mut length = 0;
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if !c.is_alphanumeric() {
            pending_dash = true;
            continue;
        }
        // A dash only between words, never leading, trailing or doubled.
        let dash = pending_dash && length > 0;
        if length + usize::from(dash) + 1 > MAX_SLUG_CHARS {
            break;
        }
        if dash {
            slug.push('-');
        }
        slug.push(c);
        length += usize::from(dash) + 1;
        pending_dash = false;
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_any_script_joined_by_dashes() {
        assert_eq!(slug("  Ana María O'Neil!  "), "ana-maría-o-neil");
        assert_eq!(slug("Класс 7Б"), "класс-7б");
        assert_eq!(
            slug("Week 3: Adversaries to Allies?"),
            "week-3-adversaries-to-allies"
        );
        assert_eq!(slug("../.."), "");
        assert_eq!(slug(""), "");
        assert_eq!(slug(&"a".repeat(500)), "a".repeat(40));
        // A word is never cut to leave a dash at the end.
        assert_eq!(slug(&format!("{} b", "a".repeat(39))), "a".repeat(39));
    }
}

/// Property tests: host only, as proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn slugs_are_safe_in_file_names(text in "\\PC{0,60}") {
            let slug = slug(&text);
            prop_assert!(!slug.contains("--") && !slug.starts_with('-') && !slug.ends_with('-'));
            prop_assert!(slug.chars().count() <= MAX_SLUG_CHARS);
            prop_assert!(slug.chars().all(|c| c == '-' || c.is_alphanumeric()));
        }
    }
}
