//! The teacher's stored data and the browser helpers the classroom pages use, in headless
//! Chromium: unreadable or newer gradebook data is never written over; dates typed into a
//! `datetime-local` field are read in the device's time zone; a change the browser does not
//! save is told; the review queue's days are the device's calendar days.
#![cfg(target_arch = "wasm32")]

use lectern::content::READINGS;
use lectern::core::assignment::{Assignment, Mode, StudentIdKind};
use lectern::core::gradebook::TeacherDataError;
use lectern::platform::dom;
use lectern::state::{TeacherStore, TEACHER_KEY};
use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{empty_fillers, fill_storage, raw};

fn assignment() -> Assignment {
    let reading = &READINGS[0];
    Assignment {
        id: 1,
        title: "Quiz".into(),
        reading: reading.id.to_string(),
        questions: vec![reading.questions[0].id.to_string()],
        bank: reading.bank_version(),
        mode: Mode::Practice,
        shuffle_questions: false,
        shuffle_options: false,
        seed: 1,
        due_minutes: None,
        time_limit_minutes: None,
        extra_time_percent: 0,
        pass_mark: 50,
        student_id_kind: StudentIdKind::NameOnly,
    }
}

#[wasm_bindgen_test]
fn teacher_data_is_saved_and_read_back() {
    raw().remove_item(TEACHER_KEY).unwrap();
    let teacher = TeacherStore::load();
    let a = assignment();
    teacher.change(|t| t.add_assignment(&a, &a.to_code(&READINGS[0]), 1.0));
    assert_eq!(teacher.problem.get_untracked(), None);
    let again = TeacherStore::load();
    let data = again.data.get_untracked().unwrap();
    assert!(data.assignments.contains_key(&a.key()));
    raw().remove_item(TEACHER_KEY).unwrap();
}

#[wasm_bindgen_test]
fn a_gradebook_change_the_browser_does_not_save_is_kept_and_told() {
    raw().remove_item(TEACHER_KEY).unwrap();
    let teacher = TeacherStore::load();
    let fillers = fill_storage();
    teacher.change(|t| {
        let a = assignment();
        t.add_assignment(&a, &a.to_code(&READINGS[0]), 1.0)
    });
    let told = teacher
        .problem
        .get_untracked()
        .expect("a refused write is told")
        .to_string();
    assert!(told.contains("could not be saved"), "{told}");
    assert_eq!(teacher.data.get_untracked().unwrap().assignments.len(), 1);
    assert_eq!(raw().get_item(TEACHER_KEY).unwrap(), None);

    empty_fillers(fillers);
    teacher.change(|t| t.remove_assignment(&t.assignments.keys().next().unwrap().clone()));
    assert_eq!(teacher.problem.get_untracked(), None);
    assert!(raw().get_item(TEACHER_KEY).unwrap().is_some());
    raw().remove_item(TEACHER_KEY).unwrap();
}

#[wasm_bindgen_test]
fn unreadable_or_newer_teacher_data_is_left_untouched() {
    for stored in ["{not json", r#"{"version":7,"assignments":{}}"#] {
        raw().set_item(TEACHER_KEY, stored).unwrap();
        let teacher = TeacherStore::load();
        let unreadable = teacher.data.get_untracked().unwrap_err();
        let newer = stored.contains("version");
        assert_eq!(
            matches!(unreadable.0, TeacherDataError::Newer(7)),
            newer,
            "{unreadable:?}"
        );
        let message = unreadable.to_string();
        assert!(message.contains("left untouched"), "{message}");
        let a = assignment();
        teacher.change(|t| t.add_assignment(&a, "LA1.x", 1.0));
        assert_eq!(
            raw().get_item(TEACHER_KEY).unwrap().as_deref(),
            Some(stored)
        );
    }
    raw().remove_item(TEACHER_KEY).unwrap();
}

#[wasm_bindgen_test]
fn datetime_local_values_are_local_times() {
    let ms = dom::local_datetime_ms("2026-12-01T09:30").unwrap();
    let date = js_sys::Date::new(&ms.into());
    assert_eq!(
        (
            date.get_full_year(),
            date.get_month(),
            date.get_date(),
            date.get_hours(),
            date.get_minutes()
        ),
        (2026, 11, 1, 9, 30)
    );
    assert_eq!(dom::local_datetime_ms(""), None);
    assert_eq!(dom::local_datetime_ms("next tuesday"), None);
}

/// Local dates and times are the device's own: the core's formatting, fed the browser's offset
/// from UTC at each moment (daylight saving included), shows what the browser's own clock says.
#[wasm_bindgen_test]
fn local_dates_and_times_are_the_devices() {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // Winter and summer, and late in the evening UTC, where a time zone can change the day.
    for ms in [
        1_796_113_800_000.0,
        1_783_000_000_000.0,
        1_764_370_799_000.0,
    ] {
        let date = js_sys::Date::new(&ms.into());
        let expected = format!(
            "{} {} {}, {:02}:{:02}",
            date.get_date(),
            MONTHS[date.get_month() as usize],
            date.get_full_year(),
            date.get_hours(),
            date.get_minutes()
        );
        assert_eq!(dom::local_date_time(ms), expected);
        assert!(expected.starts_with(&dom::local_date(ms)));
    }
}

#[wasm_bindgen_test]
fn review_days_are_the_devices_calendar_days() {
    // Now, midsummer and midwinter (either side of any summer-time change), and just before
    // and after a local midnight.
    let now = dom::now_ms();
    let midnight = js_sys::Date::new_with_year_month_day(2026, 11, 1).get_time();
    let times = [
        now,
        js_sys::Date::new_with_year_month_day(2026, 6, 15).get_time(),
        js_sys::Date::new_with_year_month_day(2026, 0, 15).get_time(),
        midnight - 1.0,
        midnight,
    ];
    for ms in times {
        let date = js_sys::Date::new(&ms.into());
        let utc_midnight = js_sys::Date::utc(date.get_full_year().into(), date.get_month().into());
        let expected = (utc_midnight / 86_400_000.0) as i32 + date.get_date() as i32 - 1;
        assert_eq!(dom::local_day(ms).0, expected, "{ms}");
    }
    assert_eq!(
        dom::local_day(midnight).0,
        dom::local_day(midnight - 1.0).0 + 1
    );
    // A test run across midnight sees the next day.
    let today = dom::today().0;
    assert!(today == dom::local_day(now).0 || today == dom::local_day(now).0 + 1);
}
