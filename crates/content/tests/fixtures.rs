//! Every content mistake the build catches has a fixture under `tests/content/cases/<name>/`:
//! the files of the valid reading in `tests/content/base/` that the case replaces (usually one),
//! and `expected.txt`, the exact messages the compiler must give, one per line.
//!
//! `LECTERN_BLESS=1 cargo test -p lectern-content --test fixtures` rewrites the expected files
//! after a deliberate change of wording; review the diff before committing it.

use lectern_content::compiler::{compile_files, Diagnostic, SourceFile};
use lectern_content::Reading;
use std::fs;
use std::path::{Path, PathBuf};

const FILES: [&str; 3] = ["reading.toml", "glossary.toml", "questions.toml"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Compiles the base reading with the case's files laid over it. Paths in messages are given
/// from the repository root, as a teacher would see them.
fn compile_case(case: Option<&str>) -> Result<Reading, Vec<Diagnostic>> {
    let root = repo_root();
    let pick = |name: &str| -> (PathBuf, PathBuf) {
        let display = match case {
            Some(case)
                if root
                    .join("tests/content/cases")
                    .join(case)
                    .join(name)
                    .exists() =>
            {
                Path::new("tests/content/cases").join(case).join(name)
            }
            _ => Path::new("tests/content/base").join(name),
        };
        (root.join(&display), display)
    };
    let file = |name: &str| {
        let (real, display) = pick(name);
        SourceFile::new(display, fs::read_to_string(real).expect("fixture file"))
    };
    let [reading, glossary, questions] = FILES.map(file);
    let load_source = |path: &Path| -> Result<String, Vec<Diagnostic>> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let (real, _) = pick(name);
        fs::read_to_string(real).map_err(|e| vec![SourceFile::new(path, "").error(e.to_string())])
    };
    compile_files(&reading, Some(&glossary), &questions, &load_source)
}

#[test]
fn the_base_fixture_is_a_valid_reading() {
    let reading = compile_case(None).unwrap_or_else(|errors| {
        panic!("base fixture has errors:\n{}", render(&errors));
    });
    assert_eq!(reading.id, "keepers-year");
    assert_eq!(reading.sections.len(), 2);
    assert_eq!(reading.questions.len(), 8);
    assert_eq!(reading.glossary.len(), 1);
}

#[test]
fn every_broken_fixture_fails_with_its_expected_messages() {
    let cases_dir = repo_root().join("tests/content/cases");
    let mut cases: Vec<String> = fs::read_dir(&cases_dir)
        .expect("tests/content/cases")
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 25,
        "expected a fixture per mistake, found {}",
        cases.len()
    );

    let bless = std::env::var_os("LECTERN_BLESS").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        let expected_path = cases_dir.join(case).join("expected.txt");
        let actual = match compile_case(Some(case)) {
            Ok(_) => "(no error: the fixture compiled)\n".to_string(),
            Err(errors) => render(&errors),
        };
        if bless {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{case}:\n  expected:\n{expected}  actual:\n{actual}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "fixtures whose messages differ:\n{}",
        failures.join("\n")
    );
}

fn render(errors: &[Diagnostic]) -> String {
    errors.iter().map(|e| format!("{e}\n")).collect()
}

/// Markup and script-like text in content is just text: the compiler keeps it character for
/// character (it neither strips nor escapes it), and the app renders every string as a text node
/// (tests/source_rules.rs forbids `inner_html`), so it shows literally.
#[test]
fn markup_in_content_is_kept_as_plain_text() {
    let root = repo_root();
    let dir = Path::new("tests/content/markup");
    let file = |name: &str| {
        SourceFile::new(
            dir.join(name),
            fs::read_to_string(root.join(dir).join(name)).expect("markup fixture file"),
        )
    };
    let [reading, glossary, questions] = FILES.map(file);
    let load_source = |path: &Path| -> Result<String, Vec<Diagnostic>> {
        fs::read_to_string(root.join(path))
            .map_err(|e| vec![SourceFile::new(path, "").error(e.to_string())])
    };
    let reading = compile_files(&reading, Some(&glossary), &questions, &load_source)
        .unwrap_or_else(|errors| panic!("markup fixture has errors:\n{}", render(&errors)));
    assert_eq!(reading.title.as_ref(), "The Keeper's <em>Year</em>");
    let sentence = reading
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .flat_map(|p| p.sentences.iter())
        .find(|s| s.id.as_ref() == "today-museum")
        .expect("the museum sentence");
    assert_eq!(
        sentence.text.as_ref(),
        r#"Today the tower is a museum. <img src=x onerror="alert(1)"> & <script>alert("x")</script>"#
    );
    let prompt = &reading
        .questions
        .iter()
        .find(|q| q.id.as_ref() == "find-museum")
        .expect("the evidence question")
        .prompt;
    assert_eq!(
        prompt.as_ref(),
        "Which sentence shows the tower is no longer a working <b>lighthouse</b>?"
    );
}
