//! Limits for files a user imports (backups; result files for the gradebook): a file is refused
//! by its size before it is read into memory, and its JSON by its nesting depth before it is
//! parsed, so no chosen file can exhaust memory or the stack. Each importer keeps its own
//! wording for the refusal (see [`crate::core::backup::BackupError`]).
//!
//! ```
//! use lectern::core::limits::{FileHead, ImportLimits, LimitError};
//! const LIMITS: ImportLimits = ImportLimits { max_bytes: 64, max_depth: 4 };
//! assert!(LIMITS.check_size(65).is_err());
//! assert!(LIMITS.check_json(r#"{"format": "x", "version": 2}"#).is_ok());
//! assert_eq!(LIMITS.check_json("[[[[[1]]]]]"), Err(LimitError::TooDeep(4)));
//! let head = FileHead::read(r#"{"format": "x", "version": 2}"#);
//! assert_eq!((head.format.as_deref(), head.version), (Some("x"), Some(2)));
//! ```
//!
//! Nothing here builds a `serde_json::Value`: each importer reads the fields it needs, typed,
//! and [`lenient`] reads a field that may hold anything. `Value`'s parser, map and deserializer
//! were 13 KB of the wasm for three lookups (docs/performance.md).

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};

/// The most a kind of imported file may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportLimits {
    /// The largest file, in bytes (of its UTF-8 text).
    pub max_bytes: usize,
    /// The deepest nesting of JSON arrays and objects. serde_json stops at 128 on its own;
    /// a format's real depth is far less, so a tighter limit turns a hostile file into a clear
    /// refusal early.
    pub max_depth: usize,
}

/// Why an imported file was refused by its limits, or was not JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum LimitError {
    /// The file's size in bytes, larger than [`ImportLimits::max_bytes`].
    TooLarge(usize),
    /// Nested deeper than this many levels.
    TooDeep(usize),
    /// Not JSON; the parser's message.
    NotJson(String),
}

impl ImportLimits {
    /// Refuses a file by its size alone: call it with the file's size before reading it.
    pub fn check_size(&self, bytes: usize) -> Result<(), LimitError> {
        if bytes > self.max_bytes {
            return Err(LimitError::TooLarge(bytes));
        }
        Ok(())
    }

    /// Checks the file's text: its size, its nesting depth, then that it is JSON (its parser's
    /// message if not). Nothing is kept: the importer then reads what it needs from the text.
    /// Never panics.
    pub fn check_json(&self, text: &str) -> Result<(), LimitError> {
        self.check_size(text.len())?;
        if json_depth(text) > self.max_depth {
            return Err(LimitError::TooDeep(self.max_depth));
        }
        serde_json::from_str::<IgnoredAny>(text)
            .map(|_| ())
            .map_err(|e| LimitError::NotJson(e.to_string()))
    }
}

/// What a Lectern file says it is: its `format` when that is text and its `version` when that
/// is a whole number of at least 0, from text that [`ImportLimits::check_json`] accepted.
/// Anything else (missing, another type, a document that is not an object) reads as `None`, so a
/// stray JSON file is "not a Lectern file" rather than an error of its own.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct FileHead {
    #[serde(default, deserialize_with = "lenient")]
    pub format: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub version: Option<u64>,
}

impl FileHead {
    pub fn read(text: &str) -> FileHead {
        // Only an object has fields (serde would also read a struct from an array, by position).
        if !text.trim_start().starts_with('{') {
            return FileHead::default();
        }
        serde_json::from_str(text).unwrap_or_default()
    }
}

/// A field read leniently (`#[serde(deserialize_with = "lenient")]`): its value when it reads as
/// a `T`, `None` when it holds anything else. Only JSON that is not well formed is an error.
pub fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    // serde buffers the value (its `Content`, which the app's tagged enums use anyway), tries
    // `T`, and falls back to ignoring it.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<T> {
        Read(T),
        Other(IgnoredAny),
    }
    Ok(match Either::<T>::deserialize(deserializer)? {
        Either::Read(value) => Some(value),
        Either::Other(_) => None,
    })
}

/// The deepest nesting of `[` and `{` in JSON text, outside strings. Text that is not JSON gets
/// some number too; the parser refuses it afterwards.
pub fn json_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A size as people read it: bytes, KB or MB (of 1024).
pub fn human_size(bytes: usize) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    // u64, as `usize` is 32 bits on wasm32 and ten times a large file's size would overflow it.
    let bytes = bytes as u64;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        let tenths = (bytes * 10).div_ceil(MB);
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            rest => format!("{}.{rest} MB", tenths / 10),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ImportLimits = ImportLimits {
        max_bytes: 100,
        max_depth: 3,
    };

    #[test]
    fn size_is_checked_first_and_the_cap_itself_is_allowed() {
        assert_eq!(LIMITS.check_size(100), Ok(()));
        assert_eq!(LIMITS.check_size(101), Err(LimitError::TooLarge(101)));
        // Too large wins over not JSON and too deep.
        assert_eq!(
            LIMITS.check_json(&"[".repeat(101)),
            Err(LimitError::TooLarge(101))
        );
    }

    #[test]
    fn depth_counts_arrays_and_objects_but_not_brackets_in_strings() {
        assert_eq!(json_depth("1"), 0);
        assert_eq!(json_depth(r#"{"a": [1, {"b": []}]}"#), 4);
        assert_eq!(json_depth(r#"["[[[[", "\"[[[[", "\\", [[]]]"#), 3);
        // Stray closers never make the count negative.
        assert_eq!(json_depth("]]]][[]"), 2);
        assert_eq!(LIMITS.check_json("[[[1]]]"), Ok(()));
        assert_eq!(LIMITS.check_json("[[[[1]]]]"), Err(LimitError::TooDeep(3)));
        assert_eq!(LIMITS.check_json(r#"["[[[[[[["]"#), Ok(()));
    }

    #[test]
    fn what_is_not_json_says_why() {
        assert_eq!(
            LIMITS.check_json("{'a': 1}"),
            Err(LimitError::NotJson(
                "key must be a string at line 1 column 2".to_string()
            ))
        );
        assert!(matches!(LIMITS.check_json(""), Err(LimitError::NotJson(_))));
        // Well formed up to a point is not JSON either.
        assert!(matches!(
            LIMITS.check_json(r#"{"a": 1} x"#),
            Err(LimitError::NotJson(_))
        ));
    }

    #[test]
    fn a_file_says_its_format_and_version_only_with_the_right_types() {
        let head = |text: &str| {
            let head = FileHead::read(text);
            (head.format, head.version)
        };
        assert_eq!(
            head(r#"{"version": 3, "x": [1, {"y": null}], "format": "lectern-backup"}"#),
            (Some("lectern-backup".to_string()), Some(3))
        );
        assert_eq!(head(r#"{"format": 1, "version": "1"}"#), (None, None));
        assert_eq!(head(r#"{"format": null, "version": -1}"#), (None, None));
        assert_eq!(head(r#"{"format": ["a"], "version": 1.5}"#), (None, None));
        assert_eq!(
            head(r#"{"format": {"a": "b"}, "version": 1e3}"#),
            (None, None)
        );
        assert_eq!(head(r#"{"version": 0}"#), (None, Some(0)));
        let array = r#"["lectern-backup", 1]"#;
        for not_an_object in ["null", "[1, 2]", array, "\"lectern-backup\"", "3", "{}"] {
            assert_eq!(head(not_an_object), (None, None), "{not_an_object}");
        }
    }

    #[test]
    fn deeper_than_serde_json_allows_is_a_clear_refusal_not_a_crash() {
        let limits = ImportLimits {
            max_bytes: 1_000_000,
            max_depth: 32,
        };
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(limits.check_json(&deep), Err(LimitError::TooDeep(32)));
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(0), "0 bytes");
        assert_eq!(human_size(1023), "1023 bytes");
        assert_eq!(human_size(1024), "1 KB");
        assert_eq!(human_size(1025), "2 KB");
        assert_eq!(human_size(1_048_576), "1 MB");
        assert_eq!(human_size(1_048_576 * 5 / 2), "2.5 MB");
    }
}

/// Property tests: host only, as proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const LIMITS: ImportLimits = ImportLimits {
        max_bytes: 300,
        max_depth: 5,
    };

    proptest! {
        #[test]
        fn any_text_is_parsed_or_refused_within_the_limits(text in "[\\[\\]{}\":,0-9a-z\\\\ ]{0,400}") {
            match LIMITS.check_json(&text) {
                Ok(_) => {
                    prop_assert!(text.len() <= LIMITS.max_bytes);
                    prop_assert!(json_depth(&text) <= LIMITS.max_depth);
                }
                Err(LimitError::TooLarge(bytes)) => prop_assert_eq!(bytes, text.len()),
                Err(LimitError::TooDeep(_)) => prop_assert!(json_depth(&text) > LIMITS.max_depth),
                Err(LimitError::NotJson(message)) => prop_assert!(!message.is_empty()),
            }
        }

        #[test]
        fn the_depth_of_json_is_its_real_nesting(depth in 0usize..40, wrap_in_string in any::<bool>()) {
            let mut value = serde_json::json!(1);
            for level in 0..depth {
                value = if level % 2 == 0 { serde_json::json!([value]) } else { serde_json::json!({"k": value}) };
            }
            let mut text = value.to_string();
            if wrap_in_string {
                // The same brackets inside a string do not count.
                text = serde_json::json!([text]).to_string();
                prop_assert_eq!(json_depth(&text), 1);
            } else {
                prop_assert_eq!(json_depth(&text), depth);
            }
        }
    }
}
