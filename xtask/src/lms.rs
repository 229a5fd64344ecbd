//! `cargo xtask export-questions` and `cargo xtask scorm`: Lectern's LMS exports from the
//! command line, and `xmllint` for the tests that check them.
//!
//! Both commands run `crates/export` (`lectern-export`), which links the app's core on the host:
//! xtask itself stays std-only. `scorm` packages the package's app (the student app with the LMS
//! session, `split.rs`) of a release build (`dist/`, built first when it is missing or older
//! than the sources, or `--dist DIR`).

use crate::browser::{apt_install, is_root};
use crate::cmd;
use crate::tasks;
use crate::ui;
use crate::Ctx;

pub const EXPORT_USAGE: &str = "\
usage: cargo xtask export-questions --format gift|moodle-xml [--reading ID] [--out FILE]
  the questions (of every reading, or of one) in GIFT or Moodle XML, for a Moodle question
  bank; to standard output without --out
";

pub const SCORM_USAGE: &str = "\
usage: cargo xtask scorm --assignment CODE --out FILE.zip [--dist DIR]
  the assignment (its link's code, LA1.… or LA2.…, or the whole link) as a SCORM 1.2 package
  of the student app with the LMS session, for an LMS; from the release build in dist/ (built
  if missing or stale) or in DIR
";

/// `--name value` pairs, checked against the names a command knows.
fn pairs(args: &[String], known: &[&str], usage: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Err(usage.to_string());
        }
        match (arg.strip_prefix("--"), args.next()) {
            (Some(name), Some(value)) if known.contains(&name) => {
                out.push((name.to_string(), value.clone()))
            }
            _ => return Err(format!("unexpected argument `{arg}`\n{usage}")),
        }
    }
    Ok(out)
}

/// `lectern-export` with `args`, through the cargo that runs xtask.
fn export(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    cmd::run(
        cmd::cargo(&ctx.root)
            .args(["run", "--quiet", "--package", "lectern-export", "--"])
            .args(args),
    )
}

pub fn export_questions(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    let given = pairs(args, &["format", "reading", "out"], EXPORT_USAGE)?;
    if !given.iter().any(|(n, _)| n == "format") {
        return Err(format!("--format is required\n{EXPORT_USAGE}"));
    }
    let mut forwarded = vec!["questions".to_string()];
    forwarded.extend(given.into_iter().flat_map(|(n, v)| [format!("--{n}"), v]));
    export(ctx, &forwarded)
}

pub fn scorm(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    let given = pairs(args, &["assignment", "out", "dist"], SCORM_USAGE)?;
    let get = |name: &str| {
        given
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let (Some(code), Some(out)) = (get("assignment"), get("out")) else {
        return Err(format!(
            "--assignment and --out are required\n{SCORM_USAGE}"
        ));
    };
    // A whole link works too: its code is after `code=`.
    let code = code
        .rsplit_once("code=")
        .map_or(code.as_str(), |(_, c)| c.split('&').next().unwrap_or(c))
        .to_string();
    let dist = match get("dist") {
        Some(dist) => std::path::absolute(&dist)
            .map_err(|e| format!("--dist {dist}: {e}"))?
            .to_string_lossy()
            .into_owned(),
        None => {
            if tasks::dist_is_stale(&ctx.root) {
                ui::info(
                    "scorm",
                    "dist/ is missing or older than the sources: building it",
                );
                ctx.tools.ensure(&ctx.root)?;
                tasks::build_release(ctx)?;
            }
            ctx.root.join("dist").to_string_lossy().into_owned()
        }
    };
    let out_path = std::path::absolute(&out).map_err(|e| format!("--out {out}: {e}"))?;
    export(
        ctx,
        &[
            "scorm".into(),
            "--assignment".into(),
            code,
            "--dist".into(),
            dist,
            "--out".into(),
            out_path.to_string_lossy().into_owned(),
        ],
    )?;
    ui::info("scorm", &format!("{}", out_path.display()));
    Ok(())
}

/// Debian's `xmllint` (package `libxml2-utils`), which the end-to-end tests use to check the
/// Moodle XML export and validate `imsmanifest.xml` against the SCORM 1.2 schemas. Installed
/// with apt-get when missing and we are root, as Chromium is; otherwise a clear error.
pub fn ensure_xmllint() -> Result<(), String> {
    if cmd::on_path("xmllint") {
        ui::info("tools", "xmllint: on PATH");
        return Ok(());
    }
    if !(is_root() && cmd::on_path("apt-get")) {
        return Err(
            "xmllint missing: install the Debian package `libxml2-utils` \
             (as root: apt-get install -y libxml2-utils), then rerun"
                .into(),
        );
    }
    ui::info(
        "tools",
        "xmllint missing: installing libxml2-utils with apt-get…",
    );
    apt_install(&["libxml2-utils"])?;
    if cmd::on_path("xmllint") {
        Ok(())
    } else {
        Err("apt-get finished but xmllint is still missing".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn options_are_checked_before_anything_runs() {
        assert_eq!(
            pairs(
                &strings(&["--format", "gift", "--out", "q.txt"]),
                &["format", "out"],
                "u"
            ),
            Ok(vec![
                ("format".into(), "gift".into()),
                ("out".into(), "q.txt".into())
            ])
        );
        assert!(pairs(&strings(&["--colour", "red"]), &["format"], "u").is_err());
        assert!(pairs(&strings(&["--format"]), &["format"], "u").is_err());
        assert_eq!(
            pairs(&strings(&["--help"]), &["format"], "usage"),
            Err("usage".into())
        );
    }
}
