//! Every address of the app, in one place: the route table the router matches (`app.rs` maps
//! each route to its screen), the links screens and components build ([`Link`]), and the
//! parsers of addresses (a route's parameters, a pasted assignment link). Pages and components
//! both use this module; it uses neither.

use crate::content::find_reading;
use crate::core::assignment::Assignment;
use crate::platform::dom;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::{path, ParamSegment, StaticSegment};

type Static = StaticSegment<&'static str>;

// The route table. Each screen has its own address, so links, back/forward and reload all work.
/// The reading's overview, or the list of readings when there are several.
pub const HOME: () = path!("/");
pub const DATA: (Static,) = path!("/data");
pub const PROFILES: (Static,) = path!("/profiles");
pub const SETTINGS: (Static,) = path!("/settings");
pub const READING: (Static, ParamSegment) = path!("/read/:reading");
/// A section; `?evidence=<question>` highlights that question's evidence.
pub const SECTION: (Static, ParamSegment, Static, ParamSegment) =
    path!("/read/:reading/section/:section");
pub const RESULTS: (Static, ParamSegment, Static) = path!("/read/:reading/results");
pub const PRACTICE: (Static, ParamSegment, Static) = path!("/read/:reading/practice");
/// A reading's highlights and notes.
pub const NOTES: (Static, ParamSegment, Static) = path!("/read/:reading/notes");
/// Today's reviews, across the readings.
pub const REVIEW: (Static,) = path!("/review");
pub const TEACH: (Static,) = path!("/teach");
/// A student's assignment, `?code=<link code>`.
pub const ASSIGNMENT: (Static,) = path!("/assignment");
/// The teacher's assignments.
pub const GRADEBOOK: (Static,) = path!("/gradebook");
/// One assignment's results, by the assignment's key.
pub const CLASS_GRADEBOOK: (Static, ParamSegment) = path!("/gradebook/:key");

/// A screen to link to (or a place on one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Link<'a> {
    Home,
    Data,
    Profiles,
    Settings,
    Reading(&'a str),
    Section {
        reading: &'a str,
        section: &'a str,
    },
    /// A question's card on its section's page.
    Question {
        reading: &'a str,
        section: &'a str,
        question: &'a str,
    },
    /// A section with a question's evidence highlighted.
    Evidence {
        reading: &'a str,
        section: &'a str,
        question: &'a str,
    },
    Results(&'a str),
    Practice(&'a str),
    /// A reading's "My notes".
    Notes(&'a str),
    /// A sentence of a section's text (where a highlight is).
    Sentence {
        reading: &'a str,
        section: &'a str,
        sentence: &'a str,
    },
    Review,
    Teach,
    /// An assignment, by its link code.
    Assignment(&'a str),
    Gradebook,
    /// One assignment's gradebook, by the assignment's key.
    ClassGradebook(&'a str),
}

impl Link<'_> {
    /// The app path ("/read/essay/results"), before the path the app is served under.
    pub fn path(self) -> String {
        match self {
            Link::Home => "/".into(),
            Link::Data => "/data".into(),
            Link::Profiles => "/profiles".into(),
            Link::Settings => "/settings".into(),
            Link::Reading(reading) => format!("/read/{reading}"),
            Link::Section { reading, section } => format!("/read/{reading}/section/{section}"),
            Link::Question {
                reading,
                section,
                question,
            } => format!(
                "{}#{}",
                Link::Section { reading, section }.path(),
                question_anchor(question)
            ),
            Link::Evidence {
                reading,
                section,
                question,
            } => format!(
                "{}?{EVIDENCE}={question}",
                Link::Section { reading, section }.path()
            ),
            Link::Results(reading) => format!("/read/{reading}/results"),
            Link::Practice(reading) => format!("/read/{reading}/practice"),
            Link::Notes(reading) => format!("/read/{reading}/notes"),
            Link::Sentence {
                reading,
                section,
                sentence,
            } => format!("{}#s-{sentence}", Link::Section { reading, section }.path()),
            Link::Review => "/review".into(),
            Link::Teach => "/teach".into(),
            // The code goes in the query, not the path: its `.` would make static hosts look
            // for a file instead of serving the app.
            Link::Assignment(code) => format!("/assignment?{CODE}={code}"),
            Link::Gradebook => "/gradebook".into(),
            Link::ClassGradebook(key) => format!("/gradebook/{key}"),
        }
    }

    /// The link: the path under the path the app is served from (its `<base href>`), since
    /// the router's links do not add it by themselves.
    pub fn url(self) -> String {
        thread_local! {
            static BASE: String = dom::base_path();
        }
        let path = self.path();
        BASE.with(|base| format!("{base}{path}"))
    }
}

/// The query parameter of a section's address that names the question whose evidence to show.
const EVIDENCE: &str = "evidence";
/// The query parameter of an assignment link that holds its code.
const CODE: &str = "code";

/// The DOM id of a question's card, which links to the question point at ("#q-<id>").
pub fn question_anchor(question: &str) -> String {
    format!("q-{question}")
}

/// Whether an address names a place on its page (a `#fragment`, or evidence to show), where
/// the page goes instead of to its top.
pub fn names_a_place(hash: &str, search: &str) -> bool {
    !hash.trim_start_matches('#').is_empty() || search.contains(&format!("{EVIDENCE}="))
}

/// The full address students open for an assignment.
pub fn assignment_link(assignment: &Assignment) -> String {
    let reading = find_reading(&assignment.reading).expect("assignments name bundled readings");
    format!(
        "{}{}",
        dom::origin(),
        Link::Assignment(&assignment.to_code(reading)).url()
    )
}

/// The code in a pasted assignment link (or the code itself, pasted alone).
pub fn code_from_link(link: &str) -> &str {
    let link = link.trim();
    let code = link
        .rsplit_once(&format!("{CODE}="))
        .map_or(link, |(_, code)| code);
    code.split(['&', '#']).next().unwrap_or_default()
}

/// The reading named by the route's `:reading` parameter, if it exists.
pub fn reading_from_route() -> Memo<Option<&'static Reading>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("reading").and_then(|id| find_reading(&id))))
}

// The parts of the address below are read by closures, not memos: the router's own maps are
// memos already, and a memo per part would only add code.

/// The route's `:section` parameter.
pub fn section_from_route() -> impl Fn() -> String + Copy {
    let params = use_params_map();
    move || params.with(|p| p.get("section")).unwrap_or_default()
}

/// The route's `:key` parameter (one assignment's gradebook), if there is one.
pub fn gradebook_key_from_route() -> impl Fn() -> Option<String> + Copy {
    let params = use_params_map();
    move || params.with(|p| p.get("key"))
}

/// The assignment code in the address's query (empty when there is none).
pub fn code_from_query() -> impl Fn() -> String + Copy {
    let query = use_query_map();
    move || query.with(|q| q.get(CODE)).unwrap_or_default()
}

/// The question whose evidence the address asks to show, if any.
pub fn evidence_from_query() -> impl Fn() -> Option<String> + Copy {
    let query = use_query_map();
    move || query.with(|q| q.get(EVIDENCE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos_router::PossibleRouteMatch;

    /// A route's parameters, by name.
    type Params = Option<Vec<(String, String)>>;

    /// The parameters `route` reads from `path`, if it matches the whole path.
    fn matches(route: impl PossibleRouteMatch, path: &str) -> Params {
        let matched = route.test(path)?;
        matched.is_complete().then(|| {
            matched
                .params()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect()
        })
    }

    fn params(pairs: &[(&str, &str)]) -> Params {
        Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// Every link the app builds is matched by its own route, with the parameters it was built
    /// from, and by no other route.
    #[test]
    fn each_link_is_matched_by_its_route_and_no_other() {
        let (r, s, q) = ("essay", "bases", "q1");
        let section = Link::Section {
            reading: r,
            section: s,
        };
        let on_section = params(&[("reading", r), ("section", s)]);
        let cases: Vec<(Link, usize, Params)> = vec![
            (Link::Home, 0, params(&[])),
            (Link::Data, 1, params(&[])),
            (Link::Profiles, 2, params(&[])),
            (Link::Settings, 3, params(&[])),
            (Link::Reading(r), 4, params(&[("reading", r)])),
            (section, 5, on_section.clone()),
            (Link::Results(r), 6, params(&[("reading", r)])),
            (Link::Practice(r), 7, params(&[("reading", r)])),
            (Link::Teach, 8, params(&[])),
            (Link::Assignment("LA1.x"), 9, params(&[])),
            (Link::Gradebook, 10, params(&[])),
            (Link::ClassGradebook("k1"), 11, params(&[("key", "k1")])),
            (Link::Notes(r), 12, params(&[("reading", r)])),
            (Link::Review, 13, params(&[])),
            (
                Link::Sentence {
                    reading: r,
                    section: s,
                    sentence: "s1",
                },
                5,
                on_section.clone(),
            ),
            (
                Link::Question {
                    reading: r,
                    section: s,
                    question: q,
                },
                5,
                on_section.clone(),
            ),
            (
                Link::Evidence {
                    reading: r,
                    section: s,
                    question: q,
                },
                5,
                on_section,
            ),
        ];
        for (link, route, expected) in cases {
            let full = link.path();
            // The router matches the path; the query and the fragment are read apart.
            let path = full.split(['?', '#']).next().unwrap();
            let found = [
                matches(HOME, path),
                matches(DATA, path),
                matches(PROFILES, path),
                matches(SETTINGS, path),
                matches(READING, path),
                matches(SECTION, path),
                matches(RESULTS, path),
                matches(PRACTICE, path),
                matches(TEACH, path),
                matches(ASSIGNMENT, path),
                matches(GRADEBOOK, path),
                matches(CLASS_GRADEBOOK, path),
                matches(NOTES, path),
                matches(REVIEW, path),
            ];
            assert_eq!(found[route], expected, "{link:?} → {full}");
            let others: Vec<usize> = (0..found.len())
                .filter(|&i| i != route && found[i].is_some())
                .collect();
            assert!(others.is_empty(), "{full} is also matched by {others:?}");
        }
    }

    #[test]
    fn places_on_a_page_are_in_the_fragment_or_the_query() {
        let question = Link::Question {
            reading: "essay",
            section: "bases",
            question: "q1",
        }
        .path();
        assert_eq!(question, "/read/essay/section/bases#q-q1");
        let evidence = Link::Evidence {
            reading: "essay",
            section: "bases",
            question: "q1",
        }
        .path();
        assert_eq!(evidence, "/read/essay/section/bases?evidence=q1");
        assert!(names_a_place("#q-q1", ""));
        assert!(names_a_place("", "?evidence=q1"));
        assert!(!names_a_place("#", ""));
        assert!(!names_a_place("", ""));
    }

    #[test]
    fn codes_come_out_of_pasted_links() {
        assert_eq!(
            code_from_link(" https://x.example/lectern/assignment?code=LA1.abc_-9 "),
            "LA1.abc_-9"
        );
        assert_eq!(
            code_from_link("https://x.example/assignment?code=LA1.abc&utm=1"),
            "LA1.abc"
        );
        assert_eq!(code_from_link("LA1.abc"), "LA1.abc");
        // What the app builds, it reads back.
        assert_eq!(
            code_from_link(&Link::Assignment("LA1.q-_9").path()),
            "LA1.q-_9"
        );
    }
}
