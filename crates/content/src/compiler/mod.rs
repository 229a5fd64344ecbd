//! Turns the reading folders in `questions/` into checked [`Reading`]s and then into Rust source.
//!
//! Every problem is collected (not just the first) and reported with its file, line and column,
//! so a teacher can fix a file in one go. Nothing reaches the app unless every check passes.

mod codegen;
mod diagnostic;
mod fill_blank;
mod glossary;
mod history;
pub mod quality;
mod questions;
mod raw;
mod reading;
pub mod report;
mod verbatim;

pub use codegen::{generate_rust, generate_static};
pub use diagnostic::{Diagnostic, Severity, SourceFile};
pub use fill_blank::parse_fill_blank;
pub use questions::Spans;
pub use verbatim::source_paragraphs;

use crate::model::Reading;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The files that make a reading folder (`glossary.toml` and `history.toml` are optional).
pub const READING_FILE: &str = "reading.toml";
pub const GLOSSARY_FILE: &str = "glossary.toml";
pub const QUESTIONS_FILE: &str = "questions.toml";
pub const HISTORY_FILE: &str = "history.toml";

/// A reading that passed every check, with the item-quality warnings it still has.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub reading: Reading,
    pub warnings: Vec<Diagnostic>,
    /// `strict = true` in `reading.toml`: its warnings stop the build.
    pub strict: bool,
    /// Where each question of the current bank is written, in the bank's order.
    pub spans: Vec<Spans>,
    /// The questions file, for figures that point into it.
    pub questions_file: PathBuf,
}

impl Compiled {
    /// The reading and its warnings, or, for a strict reading with warnings, those warnings as
    /// errors.
    pub fn checked(self) -> Result<(Reading, Vec<Diagnostic>), Vec<Diagnostic>> {
        if self.strict && !self.warnings.is_empty() {
            Err(self.warnings.iter().map(Diagnostic::as_error).collect())
        } else {
            Ok((self.reading, self.warnings))
        }
    }
}

/// A reading folder's files, read.
pub struct ReadingFiles<'a> {
    pub reading: &'a SourceFile,
    pub glossary: Option<&'a SourceFile>,
    pub questions: &'a SourceFile,
    pub history: Option<&'a SourceFile>,
}

/// Compiles every reading folder under `dir` (any folder holding a `reading.toml`), in name
/// order: the readings and the warnings of those that are not strict, or every error (a strict
/// reading's warnings among them).
pub fn compile_all(dir: &Path) -> Result<(Vec<Reading>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let folders = reading_folders(dir).map_err(|d| vec![d])?;
    if folders.is_empty() {
        return Err(vec![Diagnostic::in_file(
            dir,
            format!("no reading found: add a folder with a `{READING_FILE}`"),
        )]);
    }
    let mut readings = Vec::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for folder in folders {
        match compile_reading(&folder).and_then(Compiled::checked) {
            Ok((reading, mut found)) => {
                readings.push(reading);
                warnings.append(&mut found);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    let mut ids = HashSet::new();
    for reading in &readings {
        if !ids.insert(reading.id.clone()) {
            errors.push(Diagnostic::in_file(
                dir,
                format!("two readings have the id `{}`", reading.id),
            ));
        }
    }
    if errors.is_empty() {
        Ok((readings, warnings))
    } else {
        Err(errors)
    }
}

/// The folders directly under `dir` that hold a `reading.toml`, sorted by name.
pub fn reading_folders(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = fs::read_dir(dir)
        .map_err(|e| Diagnostic::in_file(dir, format!("cannot read the folder: {e}")))?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(READING_FILE).is_file())
        .collect();
    folders.sort();
    Ok(folders)
}

/// Compiles one reading folder: `reading.toml`, `glossary.toml` (optional), `questions.toml`
/// and `history.toml` (optional).
pub fn compile_reading(folder: &Path) -> Result<Compiled, Vec<Diagnostic>> {
    let optional = |name: &str| match load(&folder.join(name)) {
        Ok(file) => Ok(Some(file)),
        Err(_) if !folder.join(name).exists() => Ok(None),
        Err(e) => Err(e),
    };
    let reading_file = load(&folder.join(READING_FILE))?;
    let glossary_file = optional(GLOSSARY_FILE)?;
    let questions_file = load(&folder.join(QUESTIONS_FILE))?;
    let history_file = optional(HISTORY_FILE)?;
    let source = |path: &Path| load(path).map(|f| f.text);
    compile_files(
        ReadingFiles {
            reading: &reading_file,
            glossary: glossary_file.as_ref(),
            questions: &questions_file,
            history: history_file.as_ref(),
        },
        &source,
    )
}

/// Compiles a reading from its files' texts. `load_source` reads the file named by `source`
/// (a path relative to the reading file's folder). The item-quality checks run once the
/// reading has no error.
pub fn compile_files(
    files: ReadingFiles,
    load_source: &dyn Fn(&Path) -> Result<String, Vec<Diagnostic>>,
) -> Result<Compiled, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let (mut reading, source, strict) =
        reading::compile(files.reading, &mut errors).ok_or_else(|| errors.clone())?;

    if let Some((source_path, span)) = source {
        let folder = files.reading.path.parent().unwrap_or(Path::new("."));
        match load_source(&folder.join(&source_path)) {
            Ok(text) => verbatim::check(&reading, &text, files.reading, &span, &mut errors),
            Err(_) => errors.push(files.reading.error_at(
                &span,
                format!("the source file `{source_path}` cannot be read"),
            )),
        }
    }
    if let Some(file) = files.glossary {
        if let Some(glossary) = glossary::compile(file, &reading, &mut errors) {
            reading.glossary = glossary.into();
        }
    }
    let mut ids = HashSet::new();
    let mut spans = Vec::new();
    if let Some(placed) = questions::compile(files.questions, &reading, &mut ids, &mut errors) {
        let (questions, placed_spans): (Vec<_>, Vec<_>) = placed.into_iter().unzip();
        reading.questions = questions.into();
        spans = placed_spans;
    }
    if let Some(file) = files.history {
        let current = reading.questions.clone();
        if let Some((banks, retired)) =
            history::compile(file, &reading, &current, &mut ids, &mut errors)
        {
            reading.earlier_banks = banks.into();
            reading.retired = retired
                .into_iter()
                .map(|(q, _)| q)
                .collect::<Vec<_>>()
                .into();
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let found = quality::check(&reading, &spans, files.questions);
    let (mut quality_errors, warnings): (Vec<_>, Vec<_>) =
        found.into_iter().partition(|d| !d.is_warning());
    if !quality_errors.is_empty() {
        errors.append(&mut quality_errors);
        errors.extend(warnings);
        return Err(errors);
    }
    Ok(Compiled {
        reading,
        warnings,
        strict,
        spans,
        questions_file: files.questions.path.clone(),
    })
}

fn load(path: &Path) -> Result<SourceFile, Vec<Diagnostic>> {
    fs::read_to_string(path)
        .map(|text| SourceFile::new(path, text))
        .map_err(|e| {
            vec![Diagnostic::in_file(
                path,
                format!("cannot read the file: {e}"),
            )]
        })
}

/// Ids are lower-case letters, digits and `-`, starting with a letter: safe in URLs, storage
/// keys and HTML ids.
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.ends_with('-')
}

/// Checks an id's spelling and that it is new among `seen`, reporting either problem.
pub(crate) fn check_id(
    file: &SourceFile,
    id: &raw::S<String>,
    what: &str,
    seen: &mut HashSet<String>,
    errors: &mut Vec<Diagnostic>,
) {
    let value = id.get_ref();
    if !is_valid_id(value) {
        errors.push(file.error_at(
            &id.span(),
            format!(
                "{what} id `{value}` is not valid: use lower-case letters, digits and `-`, starting with a letter"
            ),
        ));
    } else if !seen.insert(value.clone()) {
        errors.push(file.error_at(&id.span(), format!("duplicate {what} id `{value}`")));
    }
}

/// Reports a text that is empty or only spaces.
pub(crate) fn check_not_blank(
    file: &SourceFile,
    text: &raw::S<String>,
    what: &str,
    errors: &mut Vec<Diagnostic>,
) {
    if text.get_ref().trim().is_empty() {
        errors.push(file.error_at(&text.span(), format!("{what} is empty")));
    }
}
