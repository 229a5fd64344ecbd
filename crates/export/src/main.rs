//! `lectern-export`: Lectern's LMS exports from the command line, with the same core code the
//! app runs in the browser. `cargo xtask export-questions` and `cargo xtask scorm` run it (xtask
//! itself stays std-only and quick to build, so it cannot link the app).
//!
//! ```text
//! lectern-export questions --format gift|moodle-xml [--reading ID] [--out FILE]
//! lectern-export scorm --assignment CODE --dist DIR --out FILE.zip
//! ```

mod scorm;

use lectern::content::READINGS;
use lectern::core::question_export::{self, gift, moodle_xml, Selection};
use std::process::ExitCode;

const USAGE: &str = "\
usage: lectern-export questions --format gift|moodle-xml [--reading ID] [--out FILE]
       lectern-export scorm --assignment CODE --dist DIR --out FILE.zip
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("questions") => questions(&Options::parse(&args[1..])),
        Some("scorm") => scorm::run(&Options::parse(&args[1..])),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lectern-export: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--name value` pairs; anything else is kept as an error to report.
pub struct Options {
    pairs: Vec<(String, String)>,
    error: Option<String>,
}

impl Options {
    fn parse(args: &[String]) -> Options {
        let mut pairs = Vec::new();
        let mut error = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match (arg.strip_prefix("--"), args.next()) {
                (Some(name), Some(value)) => pairs.push((name.to_string(), value.clone())),
                _ => error = Some(format!("unexpected argument `{arg}`\n{USAGE}")),
            }
        }
        Options { pairs, error }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn require(&self, name: &str) -> Result<&str, String> {
        self.get(name)
            .ok_or_else(|| format!("--{name} is required\n{USAGE}"))
    }

    /// Refuses options outside `known`, and arguments that were not `--name value`.
    pub fn only(&self, known: &[&str]) -> Result<(), String> {
        if let Some(error) = &self.error {
            return Err(error.clone());
        }
        match self
            .pairs
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
        {
            Some((name, _)) => Err(format!("unknown option --{name}\n{USAGE}")),
            None => Ok(()),
        }
    }
}

/// Writes `bytes` to `--out`, or to standard output without it.
pub fn write_out(options: &Options, bytes: &[u8]) -> Result<(), String> {
    match options.get("out") {
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(bytes)
                .map_err(|e| format!("cannot write the output: {e}"))
        }
    }
}

fn questions(options: &Options) -> Result<(), String> {
    options.only(&["format", "reading", "out"])?;
    let selections: Vec<Selection> = match options.get("reading") {
        None => question_export::everything(READINGS),
        Some(id) => {
            let reading = READINGS.iter().find(|r| r.id == id).ok_or_else(|| {
                let known: Vec<&str> = READINGS.iter().map(|r| r.id.as_ref()).collect();
                format!("no reading `{id}` (this Lectern has: {})", known.join(", "))
            })?;
            vec![(reading, reading.questions.iter().collect())]
        }
    };
    let text = match options.require("format")? {
        "gift" => gift::export(&selections),
        "moodle-xml" => moodle_xml::export(&selections),
        other => return Err(format!("unknown format `{other}`: gift or moodle-xml")),
    };
    write_out(options, text.as_bytes())
}
