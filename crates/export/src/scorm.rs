//! `lectern-export scorm`: an assignment's SCORM 1.2 package from a release build's files.

use crate::{write_out, Options};
use lectern::content::READINGS;
use lectern::core::assignment::Assignment;
use lectern::core::scorm::package::{app_files, package};
use std::path::Path;

pub fn run(options: &Options) -> Result<(), String> {
    options.only(&["assignment", "dist", "out"])?;
    let code = options.require("assignment")?.trim();
    let assignment =
        Assignment::from_code(code, READINGS).map_err(|e| format!("--assignment: {e}"))?;
    let dist = Path::new(options.require("dist")?);
    options.require("out")?;
    let mut paths = Vec::new();
    list(dist, "", &mut paths)?;
    let app = app_files(paths.iter().map(String::as_str)).map_err(|e| e.to_string())?;
    // Read every file first, so a file that cannot be read is an error, not an empty file.
    let mut contents = std::collections::BTreeMap::new();
    for path in [&app.js, &app.wasm, &app.css, &app.icon] {
        let bytes = std::fs::read(dist.join(path))
            .map_err(|e| format!("cannot read {}: {e}", dist.join(path).display()))?;
        contents.insert(path.clone(), bytes);
    }
    let zip = package(&assignment, code, &app, |path| contents[path].clone())
        .map_err(|e| e.to_string())?;
    write_out(options, &zip)?;
    eprintln!(
        "SCORM 1.2 package of \"{}\": {} KB, the student app {} KB",
        assignment.title,
        zip.len() / 1000,
        contents[&app.wasm].len() / 1000
    );
    Ok(())
}

/// Every file under `dir`, as `/`-separated paths relative to it (hidden ones left out).
fn list(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{prefix}{name}");
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            list(&entry.path(), &format!("{path}/"), out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
