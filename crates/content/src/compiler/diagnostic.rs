//! Build-time error messages that point at the file, line and column of a mistake.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem found in a content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// The item-quality check that found it, by its stable name (`true-false-balance`), or
    /// `None` for a mistake in the content's format, which is always an error.
    pub check: Option<&'static str>,
    pub severity: Severity,
}

/// How much a problem weighs. An error stops the build. A warning is a flaw in how a question
/// is written (an answer pattern, a giveaway): shown, and stopping the build only for a reading
/// marked `strict = true` (the bundled essay is).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Diagnostic {
    /// The same problem as an error (a warning of a strict reading).
    pub fn as_error(&self) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            ..self.clone()
        }
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        match (self.check, self.severity) {
            (Some(check), Severity::Warning) => write!(f, ": warning[{check}]")?,
            (Some(check), Severity::Error) => write!(f, ": error[{check}]")?,
            (None, _) => {}
        }
        write!(f, ": {}", self.message)
    }
}

impl Diagnostic {
    /// An error about a file or folder as a whole, with no place in it.
    pub fn in_file(path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: path.to_path_buf(),
            position: None,
            message: message.into(),
            check: None,
            severity: Severity::Error,
        }
    }
}

/// A content file's text, kept to turn byte offsets into lines and columns.
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: impl AsRef<Path>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.as_ref().to_path_buf(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    pub fn error_at(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.path.clone(),
            position: Some(self.line_column(span.start)),
            message: message.into(),
            check: None,
            severity: Severity::Error,
        }
    }

    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::in_file(&self.path, message)
    }

    /// An item-quality finding of `check` at `span`, with its weight.
    pub fn finding(
        &self,
        span: &Range<usize>,
        check: &'static str,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            check: Some(check),
            severity,
            ..self.error_at(span, message)
        }
    }

    /// Parses the file as TOML into `T`, turning a syntax or shape error into a diagnostic.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        toml::from_str(&self.text).map_err(|e| {
            let message = e.message().trim_end().to_string();
            match e.span() {
                Some(span) => self.error_at(&span, message),
                None => self.error(message),
            }
        })
    }
}
