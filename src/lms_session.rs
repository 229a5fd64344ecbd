//! The assignment's session with the LMS when the app runs from a SCORM 1.2 package: started
//! once for the app (in `app.rs`), given to the assignment page by context.
//!
//! - At start: finds the LMS's `API` (none: the package was opened on its own, and the student
//!   is told), `LMSInitialize`, the student's name and ID from the LMS, and resumes from
//!   `cmi.suspend_data` and `cmi.core.lesson_location` (`core::scorm::session::resume` decides).
//! - While the student works: every change of their work is set and committed
//!   (`core::scorm::while_working`) [`COMMIT_DELAY_MS`] after the last one, and at once when
//!   the page goes away (`pagehide`, which also ends the session with `LMSFinish`), so a closed
//!   tab loses nothing.
//! - At hand-in: the score, status, interactions… (`core::scorm::at_hand_in`), `LMSCommit`,
//!   `LMSFinish`. A result the LMS has not yet taken (a refused or interrupted hand-in) is sent
//!   when the package is next opened.
//!
//! What the student is told is a [`Notice`]; every failure is one, never a panic.

use crate::content::find_reading;
use crate::core::assignment::Assignment;
use crate::core::handin::HandIn;
use crate::core::progress::AssignmentProgress;
use crate::core::scorm::session::{current_question, resume, LmsStudent, Notice, COMMIT_DELAY_MS};
use crate::core::scorm::suspend::SuspendError;
use crate::core::scorm::{at_hand_in, element, question_at, while_working};
use crate::platform::dom;
use crate::platform::scorm::{self, Lms, ScormError};
use crate::routes::question_anchor;
use crate::state::Store;
use lectern_content::Reading;
use leptos::prelude::*;
use std::time::Duration;

/// The session: what the assignment page reads of it. Cheap to copy.
#[derive(Clone, Copy)]
pub struct LmsSession {
    /// What to tell the student about the LMS.
    pub notice: ReadSignal<Option<Notice>>,
    set_notice: WriteSignal<Option<Notice>>,
    /// The student as the LMS knows them (`None` without an LMS, or when it gives no name).
    student: StoredValue<Option<LmsStudent>>,
    inner: StoredValue<Inner, LocalStorage>,
}

struct Inner {
    /// `None` without an LMS, or once it refused to start.
    lms: Option<Lms>,
    store: Store,
    assignment: Assignment,
    reading: &'static Reading,
    key: String,
    /// When `LMSInitialize` answered: `cmi.core.session_time` counts from here.
    started_ms: f64,
    /// The LMS has this attempt's result (its status was passed or failed at start, or the
    /// hand-in was sent).
    reported: bool,
    /// `LMSFinish` was called: nothing more can be set.
    finished: bool,
    /// The save waiting for [`COMMIT_DELAY_MS`].
    pending: Option<TimeoutHandle>,
}

/// The session of the package's assignment (`code`, the package's link code), provided as
/// context. Does nothing, and provides nothing, for a code that is not an assignment's (the page
/// says why).
pub fn start(store: Store, code: &str) {
    let Ok(assignment) = Assignment::from_code(code, crate::content::READINGS) else {
        return;
    };
    let Some(reading) = find_reading(&assignment.reading) else {
        return;
    };
    let (notice, set_notice) = signal(None);
    let key = assignment.key();
    let mut lms = scorm::find();
    let mut student = None;
    let mut reported = false;
    match &lms {
        None => set_notice.set(Some(Notice::NoLms)),
        Some(api) => match api.initialize() {
            Err(e) => {
                set_notice.set(Some(Notice::NotStarted { code: e.code }));
                lms = None;
            }
            Ok(()) => {
                let get = |name: &str| api.get(name).unwrap_or_default();
                student =
                    LmsStudent::from_lms(&get(element::STUDENT_NAME), &get(element::STUDENT_ID));
                reported = matches!(get(element::LESSON_STATUS).as_str(), "passed" | "failed");
                let device = store
                    .progress
                    .with_untracked(|p| p.assignments.get(&key).cloned());
                let resumed = resume(
                    &assignment,
                    reading,
                    code,
                    student.as_ref(),
                    device.as_ref(),
                    &get(element::SUSPEND_DATA),
                );
                if resumed.progress != device {
                    let (key, progress) = (key.clone(), resumed.progress.clone());
                    store.update_assignments(move |all| match progress {
                        Some(p) => {
                            all.insert(key, p);
                        }
                        None => {
                            all.remove(&key);
                        }
                    });
                }
                set_notice.set(Some(match resumed.refused {
                    Some(e) => Notice::ResumeRefused(e),
                    None => Notice::Connected,
                }));
                let location = get(element::LESSON_LOCATION);
                if let (Some(at), Some(p)) =
                    (question_at(&assignment, &location), &resumed.progress)
                {
                    if p.handed_in.is_none() {
                        go_to_question(question_anchor(at));
                    }
                }
            }
        },
    }
    let session = LmsSession {
        notice,
        set_notice,
        student: StoredValue::new(student),
        inner: StoredValue::new_local(Inner {
            lms,
            store,
            assignment,
            reading,
            key: key.clone(),
            started_ms: dom::now_ms(),
            reported,
            finished: false,
            pending: None,
        }),
    };
    provide_context(session);
    if session.inner.with_value(|i| i.lms.is_none()) {
        return;
    }
    // Every change of the work: the hand-in at once, anything else after a pause.
    Effect::new(move |_| {
        let handed_in = store
            .progress
            .with(|p| p.assignments.get(&key).map(|a| a.handed_in.is_some()));
        match handed_in {
            None => {}
            Some(true) => session.send_hand_in(),
            Some(false) => session.save_soon(),
        }
    });
    let listener = window_event_listener_untyped("pagehide", move |_| session.leave());
    // The session lives as long as the app; the listener goes with it.
    on_cleanup(move || listener.remove());
}

/// The session, on the assignment page of a package.
pub fn use_lms_session() -> Option<LmsSession> {
    use_context::<LmsSession>()
}

/// Scrolls to the question the student was at, once the work is on the page.
fn go_to_question(anchor: String) {
    request_animation_frame(move || request_animation_frame(move || dom::scroll_to(&anchor)));
}

impl LmsSession {
    /// The student as the LMS knows them, to start under instead of a typed name.
    pub fn student(&self) -> Option<LmsStudent> {
        self.student.get_value()
    }

    /// The LMS, while the session can still set values.
    fn open_lms(&self) -> Option<Lms> {
        self.inner
            .with_value(|i| (!i.finished).then(|| i.lms.clone()).flatten())
    }

    /// The student's work on the assignment.
    fn work(&self) -> Option<AssignmentProgress> {
        self.inner.with_value(|i| {
            i.store
                .progress
                .with_untracked(|p| p.assignments.get(&i.key).cloned())
        })
    }

    fn session_ms(&self) -> f64 {
        dom::now_ms() - self.inner.with_value(|i| i.started_ms)
    }

    fn cancel_pending(&self) {
        self.inner.update_value(|i| {
            if let Some(handle) = i.pending.take() {
                handle.clear();
            }
        });
    }

    /// Saves after [`COMMIT_DELAY_MS`], unless another change comes first.
    fn save_soon(&self) {
        self.cancel_pending();
        let session = *self;
        let handle = set_timeout_with_handle(
            move || {
                session.inner.update_value(|i| i.pending = None);
                session.save();
            },
            Duration::from_millis(COMMIT_DELAY_MS),
        )
        .ok();
        self.inner.update_value(|i| i.pending = handle);
    }

    /// Sets the work as it stands and commits.
    fn save(&self) {
        let (Some(lms), Some(work)) = (self.open_lms(), self.work()) else {
            return;
        };
        if work.handed_in.is_some() {
            return;
        }
        let values = self.inner.with_value(|i| {
            while_working(
                &i.assignment,
                i.reading,
                &work,
                self.session_ms(),
                current_question(&work),
            )
        });
        let notice = match values {
            Err(SuspendError::TooLarge) => Notice::TooLarge,
            Err(e) => Notice::ResumeRefused(e),
            Ok(values) => match lms.set_all(&values.pairs).and_then(|()| lms.commit()) {
                Err(e) => Notice::SaveRefused { code: e.code },
                Ok(()) if !values.shortened.is_empty() => Notice::Shortened(values.shortened.len()),
                Ok(()) => Notice::Connected,
            },
        };
        self.tell(notice);
    }

    /// Sends the result, once: score, status, interactions, then commit and finish.
    fn send_hand_in(&self) {
        self.cancel_pending();
        if self.inner.with_value(|i| i.reported) {
            return;
        }
        let (Some(lms), Some(work)) = (self.open_lms(), self.work()) else {
            return;
        };
        let Some(hand_in) = work
            .handed_in
            .as_ref()
            .and_then(|h| HandIn::from_code(&h.code).ok())
        else {
            return;
        };
        let first = lms
            .get(element::INTERACTIONS_COUNT)
            .ok()
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        let values = self.inner.with_value(|i| {
            at_hand_in(
                &i.assignment,
                i.reading,
                &work,
                &hand_in,
                self.session_ms(),
                first,
            )
        });
        let sent = match values {
            Err(_) => {
                // Too large for suspend data: the score and interactions still go.
                Err(ScormError {
                    call: "LMSSetValue",
                    element: Some(element::SUSPEND_DATA.into()),
                    code: String::new(),
                    message: String::new(),
                })
            }
            Ok(values) => lms
                .set_all(&values.pairs)
                .and_then(|()| lms.commit())
                .and_then(|()| lms.finish()),
        };
        self.inner.update_value(|i| {
            i.reported = sent.is_ok();
            i.finished = sent.is_ok();
        });
        self.tell(match sent {
            Ok(()) => Notice::Sent {
                percent: hand_in.percent(),
            },
            Err(e) => Notice::SendRefused { code: e.code },
        });
    }

    /// The page goes away: the work as it stands, or the result, then `LMSFinish`.
    fn leave(&self) {
        let Some(lms) = self.open_lms() else {
            return;
        };
        self.cancel_pending();
        match self.work() {
            Some(work) if work.handed_in.is_some() => self.send_hand_in(),
            Some(_) => self.save(),
            None => {}
        }
        if self.open_lms().is_some() {
            let _ = lms.finish();
            self.inner.update_value(|i| i.finished = true);
        }
    }

    /// Shows `notice`, keeping a problem already shown until something else goes wrong or the
    /// result goes: a later quiet save must not hide it.
    fn tell(&self, notice: Notice) {
        let keep = self.notice.with_untracked(|shown| {
            shown.as_ref().is_some_and(|s| {
                matches!(s, Notice::ResumeRefused(_) | Notice::Shortened(_))
                    && notice == Notice::Connected
            })
        });
        if !keep {
            self.set_notice.set(Some(notice));
        }
    }
}
