//! Progress output: tagged lines, step banners and the final summary table.

use std::io::IsTerminal;
use std::time::Duration;

fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

fn paint(code: &str, text: &str) -> String {
    if color() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// `[tag] message`, e.g. `[tools] trunk 0.21.14: already installed`.
pub fn info(tag: &str, message: &str) {
    println!("{} {message}", paint("36", &format!("[{tag}]")));
}

pub fn error(message: &str) {
    eprintln!("{} {message}", paint("1;31", "error:"));
}

/// Banner printed before each step of `cargo xtask test`.
pub fn banner(index: usize, total: usize, name: &str) {
    println!();
    println!("{}", paint("1", &format!("==> [{index}/{total}] {name}")));
}

pub fn seconds(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64())
}

pub enum Outcome {
    Ok(Duration),
    Failed(Duration),
    Skipped,
}

/// The table printed at the end of `cargo xtask test`.
pub fn summary(rows: &[(String, Outcome)]) {
    let width = rows
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    println!();
    println!("{:<width$}  {:<7}  {:>8}", "step", "result", "seconds");
    println!("{:-<width$}  {:-<7}  {:->8}", "", "", "");
    for (name, outcome) in rows {
        let (result, secs) = match outcome {
            Outcome::Ok(d) => (paint("32", "ok     "), seconds(*d)),
            Outcome::Failed(d) => (paint("1;31", "FAILED "), seconds(*d)),
            Outcome::Skipped => ("skipped".to_string(), "-".to_string()),
        };
        println!("{name:<width$}  {result}  {secs:>8}");
    }
    let total: Duration = rows
        .iter()
        .map(|(_, outcome)| match outcome {
            Outcome::Ok(d) | Outcome::Failed(d) => *d,
            Outcome::Skipped => Duration::ZERO,
        })
        .sum();
    println!("{:-<width$}  {:-<7}  {:->8}", "", "", "");
    println!("{:<width$}  {:<7}  {:>8}", "total", "", seconds(total));
}
