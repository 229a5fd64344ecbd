//! Every content mistake the build catches, and every item-quality check, has a fixture under
//! `tests/content/cases/<name>/`: the files of the valid reading in `tests/content/base/` that
//! the case replaces (usually one), and `expected.txt`, the exact messages the compiler must
//! give, one per line (warnings too, for a reading that compiles with them).
//!
//! `LECTERN_BLESS=1 cargo test -p lectern-content --test fixtures` rewrites the expected files
//! after a deliberate change of wording; review the diff before committing it.

use lectern_content::compiler::{compile_files, Compiled, Diagnostic, ReadingFiles, SourceFile};
use std::fs;
use std::path::{Path, PathBuf};

const FILES: [&str; 3] = ["reading.toml", "glossary.toml", "questions.toml"];
const HISTORY: &str = "history.toml";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Compiles the base reading with the case's files laid over it. Paths in messages are given
/// from the repository root, as a teacher would see them.
fn compile_case(case: Option<&str>) -> Result<Compiled, Vec<Diagnostic>> {
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
    // Only a case gives a history; the base reading is its first bank.
    let history = pick(HISTORY).0.exists().then(|| file(HISTORY));
    let load_source = |path: &Path| -> Result<String, Vec<Diagnostic>> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let (real, _) = pick(name);
        fs::read_to_string(real).map_err(|e| vec![SourceFile::new(path, "").error(e.to_string())])
    };
    compile_files(
        ReadingFiles {
            reading: &reading,
            glossary: Some(&glossary),
            questions: &questions,
            history: history.as_ref(),
        },
        &load_source,
    )
}

#[test]
fn the_base_fixture_is_a_valid_reading() {
    let compiled = compile_case(None).unwrap_or_else(|errors| {
        panic!("base fixture has errors:\n{}", render(&errors));
    });
    assert!(
        compiled.warnings.is_empty(),
        "base fixture has warnings:\n{}",
        render(&compiled.warnings)
    );
    let reading = compiled.reading;
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
        let actual = match compile_case(Some(case)).and_then(Compiled::checked) {
            Ok((_, warnings)) if warnings.is_empty() => {
                "(no error: the fixture compiled)\n".to_string()
            }
            Ok((_, warnings)) => render(&warnings),
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

/// Compiles the reading in `dir` (paths from the repository root), with the history file at
/// `history` if one is given.
fn compile_folder(dir: &Path, history: Option<&Path>) -> Result<Compiled, Vec<Diagnostic>> {
    let root = repo_root();
    let file = |path: PathBuf| {
        let text = fs::read_to_string(root.join(&path)).expect("fixture file");
        SourceFile::new(path, text)
    };
    let [reading, glossary, questions] = FILES.map(|name| file(dir.join(name)));
    let history = history.map(|path| file(path.to_path_buf()));
    let load_source = |path: &Path| -> Result<String, Vec<Diagnostic>> {
        fs::read_to_string(root.join(path))
            .map_err(|e| vec![SourceFile::new(path, "").error(e.to_string())])
    };
    let files = ReadingFiles {
        reading: &reading,
        glossary: Some(&glossary),
        questions: &questions,
        history: history.as_ref(),
    };
    compile_files(files, &load_source)
}

fn render(errors: &[Diagnostic]) -> String {
    errors.iter().map(|e| format!("{e}\n")).collect()
}

/// Markup and script-like text in content is just text: the compiler keeps it character for
/// character (it neither strips nor escapes it), and the app renders every string as a text node
/// (tests/source_rules.rs forbids `inner_html`), so it shows literally.
#[test]
fn markup_in_content_is_kept_as_plain_text() {
    let reading = compile_folder(Path::new("tests/content/markup"), None)
        .unwrap_or_else(|errors| panic!("markup fixture has errors:\n{}", render(&errors)))
        .reading;
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

/// A history keeps the earlier banks' question lists and the retired questions, whole.
#[test]
fn a_history_keeps_earlier_banks_and_retired_questions() {
    let compiled = compile_folder(
        Path::new("tests/content/base"),
        Some(&Path::new("tests/content/history").join(HISTORY)),
    )
    .unwrap_or_else(|errors| panic!("history fixture has errors:\n{}", render(&errors)));
    let r = compiled.reading;
    assert_eq!(r.bank_version(), 2);
    assert_eq!(r.earlier_banks.len(), 1);
    assert_eq!(r.bank_ids(1).unwrap()[3], "was-it-1931");
    assert_eq!(r.bank_ids(2).unwrap().len(), 8);
    assert!(r.question("was-it-1931").is_none(), "not asked any more");
    assert_eq!(
        r.any_question("was-it-1931").unwrap().prompt,
        "The light was changed in 1931."
    );
    assert!(
        compiled.warnings.is_empty(),
        "retired questions are not item-checked"
    );
}

/// Every item-quality check has its own fixture, named after it, that shows its message.
#[test]
fn every_item_quality_check_has_a_fixture() {
    let cases = repo_root().join("tests/content/cases");
    for check in lectern_content::compiler::quality::CHECKS {
        let expected = fs::read_to_string(cases.join(check).join("expected.txt"))
            .unwrap_or_else(|_| panic!("no fixture tests/content/cases/{check}/"));
        assert!(
            expected.contains(&format!("[{check}]: ")),
            "the fixture of `{check}` does not show it:\n{expected}"
        );
    }
}

/// `cargo xtask content-report` prints these figures.
#[test]
fn the_report_gives_the_figures_of_a_reading() {
    use lectern_content::compiler::report::Report;
    let report = Report::of(&compile_case(None).unwrap());
    assert_eq!(report.questions, 8);
    assert_eq!(report.kinds.len(), 8);
    assert!(
        report.kinds.iter().all(|(_, n)| *n == 1),
        "{:?}",
        report.kinds
    );
    assert_eq!(report.true_false, (1, 0));
    assert_eq!(
        report.longest_right,
        (1, 0),
        "“Ninety years” is the shorter option"
    );
    assert_eq!(report.recall_share(), 4.0 / 8.0);
    let counts: Vec<(&str, usize)> = report
        .paragraphs
        .iter()
        .map(|(p, q)| (p.as_str(), q.len()))
        .collect();
    assert_eq!(
        counts,
        [("ninety-years", 3), ("electricity", 4), ("museum", 2)]
    );
    assert!(report.untested().is_empty());
    let text = report.to_string();
    for figure in [
        "8 questions (bank 1)",
        "true-or-false answered true   0 of 1",
        "right option strictly longest 0 of 1",
        "every paragraph is tested",
        "no warnings",
    ] {
        assert!(text.contains(figure), "{figure} missing from:\n{text}");
    }

    let broken = Report::of(&compile_case(Some("true-false-balance")).unwrap());
    assert_eq!(broken.true_false, (4, 0));
    assert_eq!(broken.warnings.len(), 1);
    assert!(broken.untested().contains(&"ninety-years"));
    assert!(broken
        .to_string()
        .contains("paragraphs no question tests: ninety-years"));
}
