//! Lectern's content: the model every reading is made of and, with the `compiler` feature, the
//! tool chain that turns the plain-text files in `questions/` into checked, static Rust data.

pub mod model;
pub mod terms;

#[cfg(feature = "compiler")]
pub mod compiler;

pub use model::*;
