//! Reusable pieces of the screens. Each file holds the component its name says.

pub mod inputs;
pub mod progress_bar;
pub mod question_card;
pub mod read_aloud;
pub mod route_focus;
pub mod score_chart;
pub mod section_text;
pub mod setting_controls;
pub mod storage_notice;
pub mod update_prompt;
