//! Generated readings for the scaling benchmark: `sections` sections of two paragraphs of three
//! sentences, each with ten questions of four kinds, in the same TOML format as `questions/`.
//! The build compiles them through the same checks as the real essay (via `LECTERN_CONTENT_DIR`).

use std::fmt::Write;

pub const QUESTIONS_PER_SECTION: usize = 10;

/// The id of a generated reading of `sections` sections.
pub fn reading_id(sections: usize) -> String {
    format!("generated-{sections}")
}

/// The id of question `n` (0-based) of section `s` (1-based).
pub fn question_id(s: usize, n: usize) -> String {
    format!("s{s}-q{n}")
}

/// `reading.toml` of a generated reading.
pub fn reading_toml(sections: usize) -> String {
    let mut out = format!(
        "id = \"{}\"\ntitle = \"A generated reading of {sections} sections\"\n\
         publisher = \"Lectern benchmark\"\nyear = 2026\ncontext = \"Benchmark content\"\n\
         about = \"Generated text that measures how Lectern grows with the size of a reading.\"\n\n\
         [[authors]]\nname = \"Bench Mark\"\nrole = \"Generator\"\n",
        reading_id(sections)
    );
    for s in 1..=sections {
        let _ = write!(
            out,
            "\n[[sections]]\nid = \"s{s}\"\nheading = \"Section {s}\"\n"
        );
        for p in 1..=2 {
            let _ = write!(
                out,
                "\n[[sections.paragraphs]]\nid = \"s{s}-p{p}\"\nsentences = [\n"
            );
            for t in 1..=3 {
                let _ = writeln!(
                    out,
                    "  {{ id = \"s{s}-p{p}-t{t}\", text = \"In section {s}, paragraph {p}, \
                     sentence {t} says that the harbour of town {s} had {n} boats in year {y}.\" }},",
                    n = s * 10 + p * 3 + t,
                    y = 1900 + (s * 7 + p * 3 + t) % 120,
                );
            }
            out.push_str("]\n");
        }
    }
    out
}

/// `questions.toml` of a generated reading: ten questions per section, cycling through single
/// choice, true or false, choose all that apply and short answer.
pub fn questions_toml(sections: usize) -> String {
    let mut out = String::new();
    for s in 1..=sections {
        for n in 0..QUESTIONS_PER_SECTION {
            let id = question_id(s, n);
            let t = n % 3 + 1;
            let _ = write!(
                out,
                "[[questions]]\nid = \"{id}\"\nsection = \"s{s}\"\n{kind}\nskill = \"recall\"\n\
                 difficulty = \"easy\"\n\
                 prompt = \"Question {n} on section {s}: how many boats had town {s}?\"\n\
                 hint = \"Read sentence {t} of the first paragraph.\"\n\
                 explanation = \"The first paragraph of section {s} says so.\"\n\
                 evidence = [\"s{s}-p1-t{t}\"]\n{answer}\n",
                kind = format_args!("kind = \"{}\"", kind(n)),
                answer = answer(s, n),
            );
        }
    }
    out
}

fn kind(n: usize) -> &'static str {
    match n % 4 {
        0 => "single",
        1 => "true-false",
        2 => "multiple",
        _ => "short",
    }
}

fn answer(s: usize, n: usize) -> String {
    match n % 4 {
        0 => format!(
            "options = [\n  {{ id = \"right\", text = \"{s} boats\", correct = true }},\n  \
             {{ id = \"wrong\", text = \"{} boats\", feedback = \"Count again.\" }},\n  \
             {{ id = \"other\", text = \"No boats\", feedback = \"The text names boats.\" }},\n]\n",
            s + 1
        ),
        1 => format!("answer = {}\nfeedback = \"Read it again.\"\n", n % 2 == 1),
        2 => "options = [\n  { id = \"a\", text = \"Boats\", correct = true },\n  \
              { id = \"b\", text = \"A harbour\", correct = true },\n  \
              { id = \"c\", text = \"A lighthouse\", feedback = \"Not in this text.\" },\n]\n"
            .to_string(),
        _ => format!("accepted = [\"{s}\", \"{s} boats\"]\n"),
    }
}

/// Writes the reading folder `<dir>/generated-<sections>/`.
pub fn write(dir: &std::path::Path, sections: usize) -> Result<(), String> {
    let folder = dir.join(reading_id(sections));
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    for (name, text) in [
        ("reading.toml", reading_toml(sections)),
        ("questions.toml", questions_toml(sections)),
    ] {
        let path = folder.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_has_the_sections_and_ten_questions_each() {
        let reading = reading_toml(3);
        assert_eq!(reading.matches("[[sections]]").count(), 3);
        assert_eq!(reading.matches("[[sections.paragraphs]]").count(), 6);
        let questions = questions_toml(3);
        assert_eq!(questions.matches("[[questions]]").count(), 30);
        assert!(questions.contains("id = \"s3-q9\""));
        assert_eq!(questions.matches("kind = \"single\"").count(), 9);
    }

    #[test]
    fn every_question_points_at_a_sentence_of_its_own_section() {
        let reading = reading_toml(2);
        for block in questions_toml(2).split("[[questions]]").skip(1) {
            let section = block
                .split("section = \"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let evidence = block
                .split("evidence = [\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            assert!(evidence.starts_with(&format!("{section}-p1-")), "{block}");
            assert!(
                reading.contains(&format!("id = \"{evidence}\"")),
                "{evidence}"
            );
        }
    }
}
