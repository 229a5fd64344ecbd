//! Reads the pins xtask needs from the root `Cargo.toml`.

use std::path::Path;

/// The exact `wasm-bindgen` version pinned in `Cargo.toml` (`wasm-bindgen = "=X.Y.Z"`):
/// wasm-bindgen-cli must match it exactly.
pub fn wasm_bindgen_version(cargo_toml: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(cargo_toml)
        .map_err(|err| format!("cannot read {}: {err}", cargo_toml.display()))?;
    parse_pin(&text, "wasm-bindgen").map_err(|err| format!("{}: {err}", cargo_toml.display()))
}

/// The exact version of `name` in `[dependencies]`: `name = "=1.2.3"` or
/// `name = { version = "=1.2.3", … }`.
fn parse_pin(text: &str, name: &str) -> Result<String, String> {
    let manifest: toml::Table = text.parse().map_err(|e| format!("not valid TOML: {e}"))?;
    let dependency = manifest
        .get("dependencies")
        .and_then(|d| d.get(name))
        .ok_or_else(|| format!("no `{name}` dependency found"))?;
    let requirement = match dependency {
        toml::Value::String(requirement) => requirement,
        toml::Value::Table(table) => table
            .get("version")
            .and_then(toml::Value::as_str)
            .ok_or_else(|| format!("`{name}` has no version"))?,
        _ => return Err(format!("cannot read the version of `{name}`")),
    };
    match requirement.strip_prefix('=') {
        Some(version) if !version.trim().is_empty() => Ok(version.trim().to_string()),
        _ => Err(format!(
            "`{name}` must be pinned exactly (`{name} = \"=X.Y.Z\"`), found \"{requirement}\""
        )),
    }
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
        let dotted = "[dependencies.wasm-bindgen]\nversion = \"=0.2.98\"\n";
        assert_eq!(parse_pin(dotted, "wasm-bindgen").unwrap(), "0.2.98");
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
    fn missing_or_broken() {
        assert!(parse_pin("[dependencies]\nserde = \"1\"\n", "wasm-bindgen")
            .unwrap_err()
            .contains("no `wasm-bindgen`"));
        assert!(parse_pin("[dependencies\n", "wasm-bindgen")
            .unwrap_err()
            .contains("not valid TOML"));
    }
}
