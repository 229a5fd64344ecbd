//! The readings bundled with the app, compiled and checked from `questions/` by `build.rs`:
//! plain static data, nothing parsed at start-up.

use lectern_content::Reading;

include!(concat!(env!("OUT_DIR"), "/readings.rs"));

/// The bundled reading with this id.
pub fn find_reading(id: &str) -> Option<&'static Reading> {
    READINGS.iter().find(|r| r.id == id)
}
