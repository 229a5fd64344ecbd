//! `imsmanifest.xml`: what an LMS reads first in a SCORM 1.2 package (the IMS Content Packaging
//! 1.1.2 manifest with ADL's SCORM 1.2 extensions, `adlcp_rootv1p2`).
//!
//! One organization with one item, the assignment: its title, and its pass mark as
//! `adlcp:masteryscore` (an LMS that uses it turns a raw score at or above it into `passed`, the
//! same rule the package applies); one resource, a SCO launched at `index.html`, listing every
//! file of the package. The end-to-end tests validate it against the SCORM 1.2 schemas with
//! xmllint.

use crate::core::assignment::Assignment;
use crate::core::xml::escape;

/// The manifest for `assignment`'s package holding `files` (paths inside the package, the
/// launch page `index.html` among them; the manifest itself is not listed).
pub fn manifest(assignment: &Assignment, files: &[&str]) -> String {
    let title = escape(&assignment.title);
    let files: String = files
        .iter()
        .map(|f| format!("      <file href=\"{}\"/>\n", escape(&href(f))))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lectern-{key}" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="lectern">
    <organization identifier="lectern">
      <title>{title}</title>
      <item identifier="assignment" identifierref="app" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{pass}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="app" type="webcontent" adlcp:scormtype="sco" href="{launch}">
{files}    </resource>
  </resources>
</manifest>
"#,
        key = assignment.key(),
        pass = assignment.pass_mark.min(100),
        launch = super::package::LAUNCH,
    )
}

/// A path as a relative URL: characters other than unreserved ones and `/` percent-encoded.
fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assignment::StudentIdKind;
    use crate::core::test_fixtures::lms_assignment;

    #[test]
    fn the_manifest_names_the_assignment_its_pass_mark_and_every_file() {
        let mut a = lms_assignment(StudentIdKind::NameOnly);
        a.title = "Week 3: \"Allies\" & <friends>".into();
        let xml = manifest(
            &a,
            &["index.html", "lectern-student-1_bg.wasm", "icons/icon.svg"],
        );
        assert!(xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest identifier=\"lectern-5eed0003\""
        ));
        assert_eq!(
            xml.matches("<title>Week 3: &quot;Allies&quot; &amp; &lt;friends&gt;</title>")
                .count(),
            2
        );
        assert!(xml.contains("<adlcp:masteryscore>60</adlcp:masteryscore>"));
        assert!(xml.contains("adlcp:scormtype=\"sco\" href=\"index.html\">"));
        for file in ["index.html", "lectern-student-1_bg.wasm", "icons/icon.svg"] {
            assert!(xml.contains(&format!("<file href=\"{file}\"/>")), "{file}");
        }
    }

    #[test]
    fn paths_become_relative_urls() {
        assert_eq!(href("icons/icon one.svg"), "icons/icon%20one.svg");
        assert_eq!(href("é.css"), "%C3%A9.css");
    }
}
