//! The pure core: no browser APIs here, so all of it is tested on the host with `cargo test`.

pub mod answer_key;
pub mod assignment;
pub mod backup;
pub mod codec;
#[cfg(test)]
mod compat;
pub mod credit;
pub mod csv;
pub mod dates;
pub mod durations;
pub mod fsrs;
pub mod grade_export;
pub mod gradebook;
pub mod grading;
pub mod handin;
pub mod highlights;
pub mod journal;
pub mod limits;
pub mod merge;
pub mod normalize;
pub mod profiles;
pub mod progress;
pub mod question_export;
pub mod response;
pub mod review;
pub mod scorm;
pub mod settings;
pub mod shuffle;
pub mod slug;
pub mod standing;
pub mod xml;
pub mod zip;

#[cfg(test)]
pub mod test_fixtures;
