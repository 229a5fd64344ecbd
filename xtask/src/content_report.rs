//! `cargo xtask content-report [READING]`: a reading's figures, from the content compiler
//! (`lectern_content::compiler::report`): its questions by kind, skill and difficulty, the
//! answer-pattern figures the item-quality checks watch, how many questions test each
//! paragraph and which none does, and every warning.
//!
//! READING is a reading's id or folder name under `questions/`, or the path of any reading
//! folder (a teacher's reading in progress); without it, every reading in `questions/`.

use crate::Ctx;
use lectern_content::compiler::{compile_reading, reading_folders, report::Report};
use std::path::{Path, PathBuf};

pub fn run(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    let folders = match args {
        [] => all_folders(&ctx.root)?,
        [reading] => vec![find(&ctx.root, reading)?],
        _ => return Err("usage: cargo xtask content-report [READING]".into()),
    };
    // Messages name files from the repository root, as the build's do.
    std::env::set_current_dir(&ctx.root).map_err(|e| e.to_string())?;
    let folders: Vec<PathBuf> = folders
        .into_iter()
        .map(|f| {
            f.strip_prefix(&ctx.root)
                .map_or(f.clone(), Path::to_path_buf)
        })
        .collect();
    let mut broken = 0;
    for (i, folder) in folders.iter().enumerate() {
        if i > 0 {
            println!();
        }
        match compile_reading(folder) {
            Ok(compiled) => print!("{}", Report::of(&compiled)),
            Err(errors) => {
                broken += 1;
                println!(
                    "{}: does not compile, {} error(s):",
                    folder.display(),
                    errors.len()
                );
                for error in &errors {
                    println!("  {error}");
                }
            }
        }
    }
    if broken > 0 {
        Err(format!("{broken} reading(s) do not compile"))
    } else {
        Ok(())
    }
}

fn all_folders(root: &Path) -> Result<Vec<PathBuf>, String> {
    reading_folders(&root.join("questions")).map_err(|e| e.to_string())
}

/// A folder path, or a reading of `questions/` by folder name or id.
fn find(root: &Path, reading: &str) -> Result<PathBuf, String> {
    let path = Path::new(reading);
    if path.join("reading.toml").is_file() {
        return path.canonicalize().map_err(|e| e.to_string());
    }
    for folder in all_folders(root)? {
        let name = folder.file_name().and_then(|n| n.to_str()) == Some(reading);
        let id = compile_reading(&folder).is_ok_and(|c| c.reading.id == reading);
        if name || id {
            return Ok(folder);
        }
    }
    Err(format!(
        "no reading `{reading}`: give a reading's id or folder name under questions/, or a folder holding a reading.toml"
    ))
}
