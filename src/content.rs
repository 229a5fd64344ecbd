//! The readings bundled with the app, compiled and checked from `questions/` by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/readings.rs"));
