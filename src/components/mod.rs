//! Reusable pieces of the screens. Each file holds the component its name says.

pub mod assignment_question;
pub mod countdown;
pub mod hand_in_result;
pub mod inputs;
pub mod progress_bar;
#[cfg(feature = "teacher")]
pub mod qr_code;
pub mod question_card;
pub mod read_aloud;
pub mod route_focus;
pub mod score_chart;
pub mod section_text;
pub mod setting_controls;
#[cfg(feature = "teacher")]
pub mod share_link;
pub mod storage_notice;
pub mod update_prompt;
