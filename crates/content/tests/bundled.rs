//! The bundled readings in `questions/` compile, reproduce their sources verbatim and meet the
//! question bank's requirements.

use lectern_content::compiler::{compile_all, compile_files, source_paragraphs};
use lectern_content::compiler::{ReadingFiles, SourceFile};
use lectern_content::{Answer, Question, Reading, Skill};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn readings() -> Vec<Reading> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions");
    let (readings, warnings) = compile_all(&dir).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("questions/ does not compile:\n{}", list.join("\n"))
    });
    let list: Vec<String> = warnings.iter().map(|e| e.to_string()).collect();
    assert!(
        list.is_empty(),
        "questions/ has warnings:\n{}",
        list.join("\n")
    );
    readings
}

fn essay() -> Reading {
    readings()
        .into_iter()
        .find(|r| r.id == "adversaries-to-allies")
        .expect("the essay is bundled")
}

#[test]
fn every_source_paragraph_appears_in_order_exactly_once() {
    let reading = essay();
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../questions/sources/adversaries-to-allies.txt"),
    )
    .unwrap();
    // The reading's body and credits, in order.
    let mut ours: Vec<String> = reading
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .map(|p| p.text())
        .collect();
    ours.push(reading.credits.clone().expect("credits").into_owned());
    let theirs = source_paragraphs(&source);
    // Each of ours occurs exactly once in the source, and in the same order.
    let positions: Vec<usize> = ours
        .iter()
        .map(|p| {
            let hits: Vec<usize> = theirs
                .iter()
                .enumerate()
                .filter(|(_, t)| *t == p)
                .map(|(i, _)| i)
                .collect();
            assert_eq!(
                hits.len(),
                1,
                "paragraph not found exactly once in the source: {p}"
            );
            hits[0]
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "out of order: {positions:?}"
    );
    // Every other source paragraph is a header line the reading carries as metadata.
    let header: BTreeSet<&str> = theirs
        .iter()
        .enumerate()
        .filter(|(i, _)| !positions.contains(i))
        .map(|(_, t)| t.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "Archived Material",
        "This page is no longer being reviewed/updated.",
        "Special Section: Terrorist Attacks on America",
        "Adversaries to Allies?",
        "William C. Potter and Nikolai Sokov",
        "Return to America's Response: Regional Issues and Implications.",
    ]
    .into();
    assert_eq!(header, expected);
    // And the seed in shared/ is the same text as the copy kept in the repository.
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/000_b7c85dfcf94e6b45.txt");
    if let Ok(seed) = std::fs::read_to_string(seed) {
        assert_eq!(seed, source, "questions/sources/ differs from the seed");
    }
}

#[test]
fn metadata_is_complete() {
    let r = essay();
    assert_eq!(r.title, "Adversaries to Allies?");
    let names: Vec<&str> = r.authors.iter().map(|a| a.name.as_ref()).collect();
    assert_eq!(names, ["William C. Potter", "Nikolai Sokov"]);
    assert!(r.authors[0]
        .role
        .contains("Director of the Center for Nonproliferation Studies"));
    assert!(r.authors[1]
        .role
        .to_lowercase()
        .contains("former russian diplomat"));
    assert_eq!(r.year, 2001);
    assert_eq!(
        r.series.as_deref(),
        Some("America's Response: Regional Issues and Implications")
    );
    assert!(r.notice.iter().any(|n| n == "Archived Material"));
}

#[test]
fn sections_and_question_bank_meet_the_brief() {
    let r = essay();
    assert!(
        (5..=7).contains(&r.sections.len()),
        "{} sections",
        r.sections.len()
    );
    for section in r.sections.iter() {
        let n = r.questions_for(&section.id).count();
        assert!(n >= 5, "section {} has only {n} questions", section.id);
    }
    assert!(r.questions.len() >= 45, "{} questions", r.questions.len());
    let kinds: BTreeMap<&str, usize> = r.questions.iter().fold(BTreeMap::new(), |mut m, q| {
        *m.entry(q.answer.kind_key()).or_default() += 1;
        m
    });
    assert_eq!(kinds.len(), 8, "every kind: {kinds:?}");
    let skills: BTreeSet<_> = r.questions.iter().map(|q| q.skill).collect();
    assert_eq!(skills.len(), Skill::ALL.len(), "every skill: {skills:?}");
    // At most 40 % pure recall, and the authors' stance, sources and structure asked about.
    let count = |skill: Skill| r.questions.iter().filter(|q| q.skill == skill).count();
    assert!(count(Skill::Recall) * 10 <= r.questions.len() * 4);
    assert!(count(Skill::AuthorsPurpose) >= 5);
    // Pairs of Part A and Part B on the central question, the bases, the concessions and the
    // outlook, each Part B right after its Part A.
    let pairs: BTreeSet<&str> = r
        .questions
        .windows(2)
        .filter(|w| w[1].supports.as_deref() == Some(w[0].id.as_ref()))
        .map(|w| w[0].section.as_ref())
        .collect();
    for section in ["question", "bases", "concessions", "outlook"] {
        assert!(
            pairs.contains(section),
            "no pair after `{section}`: {pairs:?}"
        );
    }
    assert_eq!(
        r.questions.iter().filter(|q| q.supports.is_some()).count(),
        pairs.len()
    );
    // Every option-based question gives feedback for each wrong option.
    for q in r.questions.iter() {
        if let Answer::SingleChoice { options } | Answer::MultipleSelect { options } = &q.answer {
            assert!(
                options.iter().all(|o| o.correct || o.feedback.is_some()),
                "{}",
                q.id
            );
        }
    }
    let terms: BTreeSet<&str> = r.glossary.iter().map(|g| g.term.as_ref()).collect();
    for needed in [
        "NATO",
        "Taliban",
        "Northern Alliance",
        "Central Asia",
        "Cold War",
        "Moscow",
        "Washington",
        "Uzbek",
        "quelled",
        "accommodation",
        "jeopardize",
        "scourge",
        "hinge on",
        "integral",
        "surveillance",
    ] {
        assert!(terms.contains(needed), "glossary lacks {needed}: {terms:?}");
    }
    let definition = |term: &str| {
        r.glossary
            .iter()
            .find(|g| g.term == term)
            .map(|g| g.definition.to_string())
            .unwrap_or_default()
    };
    assert!(definition("Northern Alliance").contains("Russia backed it"));
    assert!(definition("Moscow").contains("Russian government"));
    assert!(definition("Washington").contains("U.S. government"));
}

/// The first bank is kept, with every question it asked, for what students and teachers already
/// hold (src/core/compat.rs uses it), and the bundled essay is strict: its warnings stop the
/// build.
#[test]
fn earlier_banks_and_retired_questions_are_kept() {
    let r = essay();
    assert_eq!(r.bank_version(), 2);
    let bank_1 = r.bank_ids(1).expect("bank 1");
    assert_eq!(bank_1.len(), 52);
    for id in &bank_1 {
        assert!(r.any_question(id).is_some(), "{id} of bank 1 is lost");
    }
    for retired in r.retired.iter() {
        assert!(bank_1.contains(&retired.id.as_ref()));
        assert!(r.question(&retired.id).is_none());
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions/adversaries-to-allies");
    let compiled = lectern_content::compiler::compile_reading(&dir).unwrap();
    assert!(compiled.strict);
}

/// What grades a question and what a student is asked: everything but its hint, explanation,
/// feedback, skill and difficulty, which may be reworded under the same id
/// (docs/authoring.md, "Changing a published bank").
fn meaning(q: &Question) -> Question {
    let mut q = q.clone();
    q.hint = Default::default();
    q.explanation = Default::default();
    q.skill = Skill::Recall;
    q.difficulty = lectern_content::Difficulty::Easy;
    match &mut q.answer {
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
            let mut plain = options.to_vec();
            for o in plain.iter_mut() {
                o.feedback = None;
            }
            *options = plain.into();
        }
        Answer::ShortAnswer { near_misses, .. } => {
            // Near misses grade as wrong, as any answer not accepted does: only their
            // feedback is theirs.
            *near_misses = Default::default();
        }
        Answer::TrueFalse { feedback, .. }
        | Answer::Matching { feedback, .. }
        | Answer::Ordering { feedback, .. }
        | Answer::EvidenceSelection { feedback }
        | Answer::FillBlank { feedback, .. } => *feedback = Default::default(),
    }
    q
}

/// Bank 1 as it was published (`tests/compat/bank-v1/questions.toml`, from the commit the
/// compatibility fixtures were made at): each of its questions is either still asked with the
/// same meaning and key, or retired word for word. A question whose prompt, options or
/// accepted answers change needs a new id; this is what keeps old links, codes and stored
/// answers honest.
#[test]
fn bank_1_questions_keep_their_meaning_or_are_retired_whole() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = |path: &str| {
        SourceFile::new(
            path,
            std::fs::read_to_string(root.join(path)).expect("a bundled file"),
        )
    };
    let reading = file("questions/adversaries-to-allies/reading.toml");
    let glossary = file("questions/adversaries-to-allies/glossary.toml");
    let published = file("tests/compat/bank-v1/questions.toml");
    let load_source = |path: &Path| -> Result<String, Vec<lectern_content::compiler::Diagnostic>> {
        Ok(std::fs::read_to_string(root.join(path)).expect("the source"))
    };
    let bank_1 = compile_files(
        ReadingFiles {
            reading: &reading,
            glossary: Some(&glossary),
            questions: &published,
            history: None,
        },
        &load_source,
    )
    .unwrap_or_else(|errors| panic!("bank 1 no longer compiles: {errors:?}"))
    .reading;
    let essay = essay();
    let ids: Vec<&str> = bank_1.questions.iter().map(|q| q.id.as_ref()).collect();
    assert_eq!(
        ids,
        essay.bank_ids(1).unwrap(),
        "bank 1's list in history.toml"
    );
    for then in bank_1.questions.iter() {
        if let Some(now) = essay.question(&then.id) {
            assert_eq!(
                meaning(now),
                meaning(then),
                "`{}` is still asked, so it must mean what it meant in bank 1: give it a new id",
                then.id
            );
        } else {
            let retired = essay.retired.iter().find(|r| r.id == then.id);
            assert_eq!(
                retired,
                Some(then),
                "`{}` is retired, so it must be kept word for word",
                then.id
            );
        }
    }
}

#[test]
fn generated_rust_contains_every_question() {
    let all = readings();
    let code = lectern_content::compiler::generate_rust(&all);
    for q in all.iter().flat_map(|r| r.questions.iter()) {
        assert!(code.contains(&format!("{:?}", q.id.as_ref())), "{}", q.id);
    }
}
