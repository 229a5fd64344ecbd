//! Property tests of the content compiler, whose input (TOML a teacher wrote) comes from outside:
//! whatever the files hold, it never panics, and it either compiles a reading or gives at least
//! one message, each naming a file of the reading and a line in it.
//!
//! A few hundred cases run with every `cargo test`; `cargo xtask fuzz [--cases N]` runs many more.

use lectern_content::compiler::{compile_files, Diagnostic, ReadingFiles, SourceFile};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

const FILES: [&str; 3] = ["reading.toml", "glossary.toml", "questions.toml"];
const ALL_FILES: [&str; 4] = [
    "reading.toml",
    "glossary.toml",
    "questions.toml",
    "history.toml",
];

fn base_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/content/base")
}

/// The base reading's files, in the order of [`FILES`], then a valid history for it, and its
/// source text.
fn base() -> ([String; 4], String) {
    let read = |name: &str| fs::read_to_string(base_dir().join(name)).expect("base fixture");
    let [reading, glossary, questions] = FILES.map(read);
    let history =
        fs::read_to_string(base_dir().join("../history/history.toml")).expect("history fixture");
    ([reading, glossary, questions, history], read("source.txt"))
}

/// Compiles the three texts; checks that the result is a reading or well-placed messages.
fn compile_and_check(texts: &[String; 4], source: &str) -> Result<(), TestCaseError> {
    let files: Vec<SourceFile> = ALL_FILES
        .iter()
        .zip(texts)
        .map(|(name, text)| SourceFile::new(Path::new("content").join(name), text.clone()))
        .collect();
    let load_source = |path: &Path| -> Result<String, Vec<Diagnostic>> {
        if path == Path::new("content/source.txt") {
            Ok(source.to_string())
        } else {
            Err(vec![SourceFile::new(path, "").error("no such file")])
        }
    };
    let input = ReadingFiles {
        reading: &files[0],
        glossary: Some(&files[1]),
        questions: &files[2],
        history: Some(&files[3]),
    };
    match compile_files(input, &load_source) {
        // Warnings are placed like errors.
        Ok(compiled) => {
            for warning in &compiled.warnings {
                prop_assert!(
                    warning.position.is_some(),
                    "a warning without a line: {warning}"
                );
                prop_assert!(
                    warning.check.is_some(),
                    "a warning without a name: {warning}"
                );
            }
            Ok(())
        }
        Err(errors) => {
            prop_assert!(!errors.is_empty(), "refused without a message");
            for error in &errors {
                let file = files.iter().find(|f| f.path == error.file);
                prop_assert!(file.is_some(), "message for an unknown file: {error}");
                let lines = file.unwrap().text.lines().count().max(1);
                match error.position {
                    Some((line, column)) => {
                        prop_assert!(
                            line >= 1 && line <= lines + 1,
                            "line out of the file: {error}"
                        );
                        prop_assert!(column >= 1, "{error}");
                    }
                    None => prop_assert!(false, "a message without a line: {error}"),
                }
                prop_assert!(
                    !error.message.trim().is_empty(),
                    "an empty message: {error}"
                );
            }
            Ok(())
        }
    }
}

/// One change to a file's text.
#[derive(Clone, Debug)]
enum Edit {
    /// Delete bytes `at .. at + len` (rounded to character boundaries).
    Delete { at: usize, len: usize },
    /// Insert a snippet at `at`.
    Insert { at: usize, snippet: String },
    /// Swap two lines.
    SwapLines { a: usize, b: usize },
    /// Repeat a line.
    DuplicateLine { line: usize },
}

fn snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        // Pieces of TOML that change structure or types.
        prop::sample::select(vec![
            "\"",
            "'",
            "[",
            "]",
            "[[",
            "]]",
            "{",
            "}",
            "=",
            ",",
            "\n",
            "#",
            "\\",
            "\"\"\"",
            "[[questions]]\n",
            "[[sections]]\n",
            "[[sections.paragraphs]]\n",
            "id = \"x\"\n",
            "kind = \"single\"\n",
            "correct = true",
            "1e999",
            "-0",
            "nan",
            "true",
            "{{",
            "}}",
            "|",
            "\u{0}",
            "\u{feff}",
            "é",
            "🦀",
            "<script>alert(1)</script>",
        ])
        .prop_map(str::to_string),
        // Anything at all.
        "\\PC{0,12}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), snippet()).prop_map(|(at, snippet)| Edit::Insert { at, snippet }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
        any::<usize>().prop_map(|line| Edit::DuplicateLine { line }),
    ]
}

/// The largest character boundary at or before `at` (clamped to the text).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, edit: &Edit) -> String {
    match edit {
        Edit::Delete { at, len } => {
            let start = boundary(text, at % (text.len() + 1));
            let end = boundary(text, start + len);
            format!("{}{}", &text[..start], &text[end..])
        }
        Edit::Insert { at, snippet } => {
            let at = boundary(text, at % (text.len() + 1));
            format!("{}{snippet}{}", &text[..at], &text[at..])
        }
        Edit::SwapLines { a, b } => {
            let mut lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let (a, b) = (a % lines.len(), b % lines.len());
                lines.swap(a, b);
            }
            lines.join("\n")
        }
        Edit::DuplicateLine { line } => {
            let mut lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let line = line % lines.len();
                lines.insert(line, lines[line]);
            }
            lines.join("\n")
        }
    }
}

#[test]
fn the_unchanged_base_compiles() {
    let (texts, source) = base();
    let files: Vec<SourceFile> = ALL_FILES
        .iter()
        .zip(&texts)
        .map(|(name, text)| SourceFile::new(name, text.clone()))
        .collect();
    let load = |_: &Path| -> Result<String, Vec<Diagnostic>> { Ok(source.clone()) };
    let input = ReadingFiles {
        reading: &files[0],
        glossary: Some(&files[1]),
        questions: &files[2],
        history: Some(&files[3]),
    };
    let compiled = compile_files(input, &load).expect("the base compiles");
    assert!(compiled.warnings.is_empty());
}

proptest! {
    /// Up to five edits anywhere in the base reading's files (its history among them).
    #[test]
    fn mutated_content_compiles_or_says_where(edits in prop::collection::vec((0usize..4, edit()), 1..6)) {
        let (mut texts, source) = base();
        for (file, edit) in &edits {
            texts[*file] = apply(&texts[*file], edit);
        }
        compile_and_check(&texts, &source)?;
    }

    /// One file replaced by arbitrary text, of TOML-like characters or any at all.
    #[test]
    fn arbitrary_text_compiles_or_says_where(
        file in 0usize..4,
        text in prop_oneof!["[\\[\\]{}=\"'#,.\\\\a-z0-9 \n\t-]{0,300}", "\\PC{0,200}"],
    ) {
        let (mut texts, source) = base();
        texts[file] = text;
        compile_and_check(&texts, &source)?;
    }

    /// Arbitrary values for the base's own keys: right keys, wrong types or odd values.
    #[test]
    fn odd_values_compile_or_say_where(
        file in 0usize..4,
        line in any::<usize>(),
        value in prop_oneof![
            Just("1".to_string()), Just("true".to_string()), Just("[]".to_string()),
            Just("{}".to_string()), Just("\"\"".to_string()), Just("-1".to_string()),
            Just("18446744073709551616".to_string()), Just("[1, \"a\"]".to_string()),
            "\"\\PC{0,30}\"".prop_map(|s| s.replace('\\', "\\\\")),
        ],
    ) {
        let (mut texts, source) = base();
        let lines: Vec<&str> = texts[file].lines().collect();
        let assignments: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].contains(" = ")).collect();
        prop_assume!(!assignments.is_empty());
        let at = assignments[line % assignments.len()];
        let key = lines[at].split(" = ").next().unwrap_or_default();
        let mut changed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        changed[at] = format!("{key} = {value}");
        texts[file] = changed.join("\n");
        compile_and_check(&texts, &source)?;
    }
}
