//! The screens, one per route. Each sets the page title to say where the student is.

pub mod assignment;
pub mod data;
#[cfg(feature = "teacher")]
pub mod gradebook;
pub mod home;
pub mod lazy;
pub mod not_found;
pub mod notes;
pub mod practice;
pub mod profiles;
pub mod reading;
pub mod results;
pub mod review;
pub mod section;
pub mod settings;
#[cfg(feature = "teacher")]
pub mod teach;
#[cfg(not(feature = "teacher"))]
pub mod teacher_only;
