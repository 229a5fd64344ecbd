//! Turns the reading folders in `questions/` into checked [`Reading`]s and then into Rust source.
//!
//! Every problem is collected (not just the first) and reported with its file, line and column,
//! so a teacher can fix a file in one go. Nothing reaches the app unless every check passes.

mod codegen;
mod diagnostic;
mod fill_blank;
mod glossary;
mod questions;
mod raw;
mod reading;
mod verbatim;

pub use codegen::{generate_rust, generate_static};
pub use diagnostic::{Diagnostic, SourceFile};
pub use fill_blank::parse_fill_blank;
pub use verbatim::source_paragraphs;

use crate::model::Reading;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The three files that make a reading folder.
pub const READING_FILE: &str = "reading.toml";
pub const GLOSSARY_FILE: &str = "glossary.toml";
pub const QUESTIONS_FILE: &str = "questions.toml";

/// Compiles every reading folder under `dir` (any folder holding a `reading.toml`), in name order.
pub fn compile_all(dir: &Path) -> Result<Vec<Reading>, Vec<Diagnostic>> {
    let folders = reading_folders(dir).map_err(|d| vec![d])?;
    if folders.is_empty() {
        return Err(vec![Diagnostic {
            file: dir.to_path_buf(),
            position: None,
            message: format!("no reading found: add a folder with a `{READING_FILE}`"),
        }]);
    }
    let mut readings = Vec::new();
    let mut errors = Vec::new();
    for folder in folders {
        match compile_reading(&folder) {
            Ok(reading) => readings.push(reading),
            Err(mut e) => errors.append(&mut e),
        }
    }
    let mut ids = HashSet::new();
    for reading in &readings {
        if !ids.insert(reading.id.clone()) {
            errors.push(Diagnostic {
                file: dir.to_path_buf(),
                position: None,
                message: format!("two readings have the id `{}`", reading.id),
            });
        }
    }
    if errors.is_empty() {
        Ok(readings)
    } else {
        Err(errors)
    }
}

/// The folders directly under `dir` that hold a `reading.toml`, sorted by name.
pub fn reading_folders(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = fs::read_dir(dir).map_err(|e| Diagnostic {
        file: dir.to_path_buf(),
        position: None,
        message: format!("cannot read the folder: {e}"),
    })?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(READING_FILE).is_file())
        .collect();
    folders.sort();
    Ok(folders)
}

/// Compiles one reading folder: `reading.toml`, `glossary.toml` (optional) and `questions.toml`.
pub fn compile_reading(folder: &Path) -> Result<Reading, Vec<Diagnostic>> {
    let reading_file = load(&folder.join(READING_FILE))?;
    let glossary_file = match load(&folder.join(GLOSSARY_FILE)) {
        Ok(file) => Some(file),
        Err(_) if !folder.join(GLOSSARY_FILE).exists() => None,
        Err(e) => return Err(e),
    };
    let questions_file = load(&folder.join(QUESTIONS_FILE))?;
    let source = |path: &Path| load(path).map(|f| f.text);
    compile_files(
        &reading_file,
        glossary_file.as_ref(),
        &questions_file,
        &source,
    )
}

/// Compiles a reading from its files' texts. `load_source` reads the file named by `source`
/// (a path relative to the reading file's folder).
pub fn compile_files(
    reading_file: &SourceFile,
    glossary_file: Option<&SourceFile>,
    questions_file: &SourceFile,
    load_source: &dyn Fn(&Path) -> Result<String, Vec<Diagnostic>>,
) -> Result<Reading, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let (mut reading, source) =
        reading::compile(reading_file, &mut errors).ok_or_else(|| errors.clone())?;

    if let Some((source_path, span)) = source {
        let folder = reading_file.path.parent().unwrap_or(Path::new("."));
        match load_source(&folder.join(&source_path)) {
            Ok(text) => verbatim::check(&reading, &text, reading_file, &span, &mut errors),
            Err(_) => errors.push(reading_file.error_at(
                &span,
                format!("the source file `{source_path}` cannot be read"),
            )),
        }
    }
    if let Some(file) = glossary_file {
        if let Some(glossary) = glossary::compile(file, &reading, &mut errors) {
            reading.glossary = glossary.into();
        }
    }
    if let Some(questions) = questions::compile(questions_file, &reading, &mut errors) {
        reading.questions = questions.into();
    }
    if errors.is_empty() {
        Ok(reading)
    } else {
        Err(errors)
    }
}

fn load(path: &Path) -> Result<SourceFile, Vec<Diagnostic>> {
    fs::read_to_string(path)
        .map(|text| SourceFile::new(path, text))
        .map_err(|e| {
            vec![Diagnostic {
                file: path.to_path_buf(),
                position: None,
                message: format!("cannot read the file: {e}"),
            }]
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
