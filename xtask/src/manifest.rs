//! Reads the pins xtask needs from the root `Cargo.toml` (no TOML parser: std only).

use std::path::Path;

/// The exact `wasm-bindgen` version pinned in `Cargo.toml` (`wasm-bindgen = "=X.Y.Z"`):
/// wasm-bindgen-cli must match it exactly.
pub fn wasm_bindgen_version(cargo_toml: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(cargo_toml)
        .map_err(|err| format!("cannot read {}: {err}", cargo_toml.display()))?;
    parse_pin(&text, "wasm-bindgen").map_err(|err| format!("{}: {err}", cargo_toml.display()))
}

/// Finds `name = "=1.2.3"` or `name = { version = "=1.2.3", … }` in a dependencies table.
fn parse_pin(text: &str, name: &str) -> Result<String, String> {
    let mut in_dependencies = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            let table = line.trim_matches(|c| c == '[' || c == ']').trim();
            in_dependencies = table == "dependencies"
                || table == "workspace.dependencies"
                || (table.starts_with("target.") && table.ends_with(".dependencies"));
            continue;
        }
        if !in_dependencies {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if key.trim().trim_matches('"') != name {
            continue;
        }
        let value = value.trim();
        let requirement = if value.starts_with('{') {
            let after = value
                .split_once("version")
                .and_then(|(_, rest)| rest.trim_start().strip_prefix('='))
                .ok_or_else(|| format!("`{name}` has no version"))?;
            first_string(after)
        } else {
            first_string(value)
        }
        .ok_or_else(|| format!("cannot read the version of `{name}`"))?;
        return match requirement.strip_prefix('=') {
            Some(version) if !version.trim().is_empty() => Ok(version.trim().to_string()),
            _ => Err(format!(
                "`{name}` must be pinned exactly (`{name} = \"=X.Y.Z\"`), found \"{requirement}\""
            )),
        };
    }
    Err(format!("no `{name}` dependency found"))
}

fn first_string(text: &str) -> Option<&str> {
    let start = text.find('"')? + 1;
    let len = text[start..].find('"')?;
    Some(&text[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::parse_pin;

    #[test]
    fn plain_pin() {
        let toml = "[package]\nname = \"x\"\n\n[dependencies]\nwasm-bindgen-futures = \"0.4\"\nwasm-bindgen = \"=0.2.130\" # pinned\n";
        assert_eq!(parse_pin(toml, "wasm-bindgen").unwrap(), "0.2.130");
    }

    #[test]
    fn table_pin() {
        let toml =
            "[dependencies]\nwasm-bindgen = { version = \"=0.2.99\", features = [\"serde\"] }\n";
        assert_eq!(parse_pin(toml, "wasm-bindgen").unwrap(), "0.2.99");
    }

    #[test]
    fn ignores_other_tables() {
        let toml = "[dev-dependencies]\nwasm-bindgen = \"=0.1.0\"\n[dependencies]\nwasm-bindgen = \"=0.2.1\"\n";
        assert_eq!(parse_pin(toml, "wasm-bindgen").unwrap(), "0.2.1");
    }

    #[test]
    fn rejects_loose_requirement() {
        let err =
            parse_pin("[dependencies]\nwasm-bindgen = \"0.2\"\n", "wasm-bindgen").unwrap_err();
        assert!(err.contains("pinned exactly"), "{err}");
    }

    #[test]
    fn missing() {
        assert!(parse_pin("[dependencies]\nserde = \"1\"\n", "wasm-bindgen").is_err());
    }
}
