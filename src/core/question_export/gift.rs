//! Questions in GIFT, the plain-text format of Moodle's question bank (Question bank → Import →
//! GIFT format).
//!
//! Every question is written as
//!
//! ```text
//! // [id:q-bases-why] [tag:lectern] [tag:adversaries-to-allies] [tag:inference] [tag:medium]
//! ::q-bases-why::[plain]Why did … {
//!     =right answer#feedback
//!     ~wrong answer#feedback
//!     ####the explanation
//! }
//! ```
//!
//! in `[plain]` format, so Moodle shows the texts as text, never as HTML. GIFT's special
//! characters (`~ = # { } :` and `\`) are escaped with a backslash wherever they appear, and a
//! line break as `\n`: a blank line would end the question. The id comment gives each question
//! Moodle's "ID number", the tags where it came from. See the module above for each kind's form.

use super::{category, count, moodle_question, tags, MoodleQuestion, Selection, WeightedChoice};
use lectern_content::{Question, Reading};
use std::fmt::Write;

/// The selected questions as a GIFT file: each reading's in its own category.
pub fn export(selections: &[Selection]) -> String {
    let mut out = format!(
        "// {}, in GIFT for Moodle.\n// Import: Question bank → Import → GIFT format. Each question's general feedback is its explanation.\n\n",
        count(selections)
    );
    for (reading, questions) in selections {
        let _ = writeln!(out, "$CATEGORY: {}\n", category(reading));
        for question in questions {
            for item in items(reading, question) {
                out.push_str(&item);
                out.push('\n');
            }
        }
    }
    out
}

/// GIFT's special characters escaped, line breaks as `\n`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The GIFT text of one question: one item, or one per blank for a fill-in-the-blanks.
fn items(reading: &Reading, question: &Question) -> Vec<String> {
    let head = |id: &str, title: &str| {
        let tags: String = tags(reading, question)
            .iter()
            .map(|t| format!(" [tag:{t}]"))
            .collect();
        format!("// [id:{id}]{tags}\n::{}::[plain]", escape(title))
    };
    let general = format!("\t####{}\n}}\n", escape(&question.explanation));
    let prompt = escape(&question.prompt);
    let whole = |answers: String| {
        format!(
            "{}{prompt} {{\n{answers}{general}",
            head(&question.id, &question.id)
        )
    };
    match moodle_question(reading, question) {
        MoodleQuestion::MultipleChoice { single, choices } => {
            let answers: String = choices.iter().map(|c| choice(c, single)).collect();
            vec![whole(answers)]
        }
        MoodleQuestion::TrueFalse { answer, feedback } => vec![format!(
            "{}{prompt} {{{}#{}\n{general}",
            head(&question.id, &question.id),
            if answer { "TRUE" } else { "FALSE" },
            escape(feedback)
        )],
        MoodleQuestion::ShortAnswer {
            accepted,
            near_misses,
        } => {
            let mut answers: String = accepted
                .iter()
                .map(|a| format!("\t={}\n", escape(a)))
                .collect();
            for (near, feedback) in near_misses {
                let _ = writeln!(answers, "\t=%0%{}#{}", escape(near), escape(feedback));
            }
            vec![whole(answers)]
        }
        MoodleQuestion::Matching {
            pairs, distractors, ..
        } => {
            let mut answers: String = pairs
                .iter()
                .map(|(left, right)| format!("\t={} -> {}\n", escape(left), escape(right)))
                .collect();
            for distractor in distractors {
                let _ = writeln!(answers, "\t= -> {}", escape(distractor));
            }
            vec![whole(answers)]
        }
        MoodleQuestion::Ordering { items, .. } => {
            let answers: String = items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("\t={} -> {}\n", escape(item), i + 1))
                .collect();
            vec![format!(
                "{}{prompt} (Match each item with its place in the order.) {{\n{answers}{general}",
                head(&question.id, &question.id)
            )]
        }
        MoodleQuestion::FillBlanks {
            parts,
            blanks,
            feedback,
        } => {
            let count = blanks.len();
            (0..count)
                .map(|blank| {
                    let text = |range: std::ops::Range<usize>| -> String {
                        range
                            .map(|i| {
                                let gap = if i + 1 < parts.len() && i != blank {
                                    "_____"
                                } else {
                                    ""
                                };
                                format!("{}{gap}", escape(parts[i]))
                            })
                            .collect()
                    };
                    let (id, title) = if count == 1 {
                        (question.id.to_string(), question.id.to_string())
                    } else {
                        (
                            format!("{}-blank-{}", question.id, blank + 1),
                            format!("{} (blank {} of {count})", question.id, blank + 1),
                        )
                    };
                    let answers: String = blanks[blank]
                        .iter()
                        .map(|a| format!("\t={}\n", escape(a)))
                        .collect();
                    format!(
                        "{}{prompt}\\n{} {{\n{answers}\t=%0%*#{}\n{}{}\n",
                        head(&id, &title),
                        text(0..blank + 1),
                        escape(feedback),
                        general.trim_end_matches('\n'),
                        text(blank + 1..parts.len()),
                    )
                })
                .collect()
        }
    }
}

/// One answer of a multiple choice: `=` or `~`, a weight when several answers count.
fn choice(c: &WeightedChoice, single: bool) -> String {
    let mark = match (single, c.correct) {
        (true, true) => "=".to_string(),
        (true, false) => "~".to_string(),
        (false, _) => format!("~%{}%", c.percent),
    };
    let feedback = c
        .feedback
        .map(|f| format!("#{}", escape(f)))
        .unwrap_or_default();
    format!("\t{mark}{}{feedback}\n", escape(c.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use lectern_content::Answer;

    fn question(kind: &str) -> (&'static Reading, &'static Question) {
        let reading = &READINGS[0];
        let q = reading
            .questions
            .iter()
            .find(|q| q.answer.kind_key() == kind)
            .unwrap();
        (reading, q)
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape("a~b=c#d{e}f:g\\h\nnext\r"),
            "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nnext"
        );
        assert_eq!(
            escape("plain text, 'quoted' & <b>"),
            "plain text, 'quoted' & <b>"
        );
    }

    #[test]
    fn a_single_choice_is_written_whole() {
        let (reading, q) = question("single");
        let Answer::SingleChoice { options } = &q.answer else {
            unreachable!()
        };
        let text = items(reading, q).concat();
        assert!(text.starts_with(&format!(
            "// [id:{}] [tag:lectern] [tag:adversaries-to-allies] [tag:{}] [tag:{}]\n::{}::[plain]{} {{\n",
            q.id,
            q.skill.key(),
            q.difficulty.key(),
            q.id,
            escape(&q.prompt)
        )));
        for o in options.iter() {
            let mark = if o.correct { '=' } else { '~' };
            assert!(
                text.contains(&format!("\t{mark}{}", escape(&o.text))),
                "{text}"
            );
        }
        assert!(text.ends_with(&format!("\t####{}\n}}\n", escape(&q.explanation))));
        assert!(
            !text.contains("\n\n"),
            "a blank line would end the question"
        );
    }

    #[test]
    fn fill_blanks_become_one_missing_word_question_each() {
        let (reading, q) = question("fill-blank");
        let Answer::FillBlank { parts, blanks, .. } = &q.answer else {
            unreachable!()
        };
        let items = items(reading, q);
        assert_eq!(items.len(), blanks.len());
        if blanks.len() > 1 {
            assert!(items[0].contains(&format!("[id:{}-blank-1]", q.id)));
            // The other blanks show as gaps; this one is the answer braces.
            assert!(items[0].contains(&format!(
                "{} {{\n\t={}\n",
                escape(&parts[0]),
                escape(&blanks[0].accepted[0])
            )));
            assert!(items[0].contains("_____"));
        }
        for item in &items {
            assert!(
                item.contains("\t=%0%*#"),
                "a catch-all with the feedback: {item}"
            );
            assert!(!item.trim_end().contains("\n\n"));
        }
    }

    #[test]
    fn the_file_has_a_category_and_every_question() {
        let reading = &READINGS[0];
        let all: Vec<&Question> = reading.questions.iter().collect();
        let text = export(&[(reading, all.clone())]);
        assert!(text.starts_with(&format!(
            "// {} questions from Lectern's reading \"Adversaries to Allies?\" (adversaries-to-allies), in GIFT for Moodle.\n",
            all.len()
        )));
        assert!(text.contains("\n$CATEGORY: $course$/top/Lectern/Adversaries to Allies?\n\n"));
        for q in &all {
            assert!(text.contains(&format!("[id:{}", q.id)), "{}", q.id);
        }
        // Items are separated by exactly one blank line, never inside one.
        let items = text.split("\n\n").filter(|i| i.contains("::")).count();
        let blanks: usize = all
            .iter()
            .map(|q| match &q.answer {
                Answer::FillBlank { blanks, .. } => blanks.len(),
                _ => 1,
            })
            .sum();
        assert_eq!(items, blanks);
    }
}
