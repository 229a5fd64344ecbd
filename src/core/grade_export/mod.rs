//! The gradebook's results in the files that learning management systems import, so a teacher
//! does not copy thirty scores by hand: a Moodle grade import file ([`moodle`]) and a Canvas
//! gradebook with one assignment column filled ([`canvas`]). Both match students by the student
//! ID or school email the assignment asked for (`Assignment::student_id_kind`); Canvas can also
//! match by name.
//!
//! The shapes follow the LMSs' own documentation and code; `tests/lms/` holds the sample files
//! the host tests compare with byte for byte, and says where each shape comes from.

pub mod canvas;
pub mod moodle;

/// `hundredths` (a non-negative number of hundredths) as text with two decimals, the way both
/// LMSs write scores ("80.00"), with `decimal` as the decimal mark. Integer arithmetic: no float
/// formatting code in the wasm.
fn two_decimals(hundredths: u64, decimal: char) -> String {
    format!("{}{decimal}{:02}", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_decimals_are_written_without_floats() {
        assert_eq!(two_decimals(8000, '.'), "80.00");
        assert_eq!(two_decimals(5, '.'), "0.05");
        assert_eq!(two_decimals(123_456, ','), "1234,56");
        assert_eq!(two_decimals(0, '.'), "0.00");
    }
}
