//! Reusable pieces of the screens. Each file holds the component its name says.

pub mod assignment_question;
pub mod card_state;
pub mod confirm_dialog;
pub mod countdown;
pub mod field;
pub mod focus;
pub mod hand_in_result;
pub mod inputs;
pub mod page_title;
pub mod progress_bar;
#[cfg(feature = "teacher")]
pub mod qr_code;
pub mod question_card;
pub mod read_aloud;
pub mod route_focus;
pub mod score_chart;
#[cfg(feature = "teacher")]
pub mod scorm_download;
pub mod section_text;
pub mod setting_controls;
#[cfg(feature = "teacher")]
pub mod share_link;
pub mod status_message;
pub mod storage_notice;
pub mod studying_as;
pub mod update_prompt;
