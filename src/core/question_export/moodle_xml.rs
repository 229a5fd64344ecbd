//! Questions in Moodle XML (Question bank → Import → Moodle XML format), the format Moodle itself
//! exports: a `<quiz>` of `<question type="…">` elements, the first a category.
//!
//! Texts are HTML (`format="html"`) made from Lectern's plain text by escaping it, inside CDATA
//! as Moodle writes them ([`crate::core::xml::html_cdata`]); names, ID numbers, tags and matching
//! answers (which Moodle keeps as plain text) are XML-escaped. Every question has its
//! explanation as general feedback and its hint as a hint (shown in Moodle's interactive mode);
//! the feedback Lectern shows for a wrong answer goes where Moodle shows it for that type (per
//! answer, for the wrong true/false value, or as the partially correct and incorrect feedback).

use super::{category, count, moodle_question, tags, MoodleQuestion, Selection};
use crate::core::xml::{escape, html_cdata};
use lectern_content::{Question, Reading};
use std::fmt::Write;

/// The selected questions as a Moodle XML file: each reading's after its own category.
pub fn export(selections: &[Selection]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n  <!-- {} -->\n",
        comment(&count(selections))
    );
    for (reading, questions) in selections {
        let _ = writeln!(
            out,
            "  <question type=\"category\">\n    <category>\n      <text>{}</text>\n    </category>\n  </question>",
            escape(&category(reading))
        );
        for question in questions {
            out.push_str(&question_xml(reading, question));
        }
    }
    out.push_str("</quiz>\n");
    out
}

/// Text that may sit in a comment: no `--`, which would end it.
fn comment(text: &str) -> String {
    escape(text).replace("--", "- -")
}

fn text_element(name: &str, text: &str) -> String {
    format!(
        "    <{name} format=\"html\">\n      <text>{}</text>\n    </{name}>\n",
        html_cdata(text)
    )
}

fn question_xml(reading: &Reading, question: &Question) -> String {
    let form = moodle_question(reading, question);
    let kind = match &form {
        MoodleQuestion::MultipleChoice { .. } => "multichoice",
        MoodleQuestion::TrueFalse { .. } => "truefalse",
        MoodleQuestion::ShortAnswer { .. } => "shortanswer",
        MoodleQuestion::Matching { .. } => "matching",
        MoodleQuestion::Ordering { .. } => "ordering",
        MoodleQuestion::FillBlanks { .. } => "cloze",
    };
    let mut out = format!(
        "  <question type=\"{kind}\">\n    <name>\n      <text>{}</text>\n    </name>\n",
        escape(&question.id)
    );
    let question_text = match &form {
        MoodleQuestion::FillBlanks {
            parts,
            blanks,
            feedback,
        } => cloze_text(&question.prompt, parts, blanks, feedback),
        _ => html_cdata(&question.prompt),
    };
    let _ = write!(
        out,
        "    <questiontext format=\"html\">\n      <text>{question_text}</text>\n    </questiontext>\n"
    );
    out.push_str(&text_element("generalfeedback", &question.explanation));
    let _ = write!(
        out,
        "    <defaultgrade>1</defaultgrade>\n    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n    <idnumber>{}</idnumber>\n",
        escape(&question.id)
    );
    let combined = |feedback: &str| {
        format!(
            "{}{}{}",
            text_element("correctfeedback", ""),
            text_element("partiallycorrectfeedback", feedback),
            text_element("incorrectfeedback", feedback)
        )
    };
    match &form {
        MoodleQuestion::MultipleChoice { single, choices } => {
            let _ = write!(
                out,
                "    <single>{single}</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n"
            );
            out.push_str(&combined(""));
            for c in choices {
                out.push_str(&answer(&c.percent, c.text, c.feedback.unwrap_or("")));
            }
        }
        MoodleQuestion::TrueFalse {
            answer: right,
            feedback,
        } => {
            for value in [true, false] {
                let (percent, shown) = if value == *right {
                    ("100", "")
                } else {
                    ("0", *feedback)
                };
                let _ = write!(
                    out,
                    "    <answer fraction=\"{percent}\" format=\"moodle_auto_format\">\n      <text>{value}</text>\n      <feedback format=\"html\">\n        <text>{}</text>\n      </feedback>\n    </answer>\n",
                    html_cdata(shown)
                );
            }
        }
        MoodleQuestion::ShortAnswer {
            accepted,
            near_misses,
        } => {
            out.push_str("    <usecase>0</usecase>\n");
            for a in accepted {
                out.push_str(&answer("100", a, ""));
            }
            for (near, feedback) in near_misses {
                out.push_str(&answer("0", near, feedback));
            }
        }
        MoodleQuestion::Matching {
            pairs,
            distractors,
            feedback,
        } => {
            out.push_str("    <shuffleanswers>true</shuffleanswers>\n");
            out.push_str(&combined(feedback));
            let sub = |left: &str, right: &str| {
                format!(
                    "    <subquestion format=\"html\">\n      <text>{}</text>\n      <answer>\n        <text>{}</text>\n      </answer>\n    </subquestion>\n",
                    if left.is_empty() { String::new() } else { html_cdata(left) },
                    escape(right)
                )
            };
            for (left, right) in pairs {
                out.push_str(&sub(left, right));
            }
            for distractor in distractors {
                out.push_str(&sub("", distractor));
            }
        }
        MoodleQuestion::Ordering { items, feedback } => {
            out.push_str("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n");
            out.push_str(&combined(feedback));
            for (i, item) in items.iter().enumerate() {
                // An ordering's answers carry their place as the fraction.
                out.push_str(&answer(&format!("{}.0000000", i + 1), item, ""));
            }
        }
        MoodleQuestion::FillBlanks { .. } => {}
    }
    let _ = write!(
        out,
        "    <hint format=\"html\">\n      <text>{}</text>\n    </hint>\n",
        html_cdata(&question.hint)
    );
    out.push_str("    <tags>\n");
    for tag in tags(reading, question) {
        let _ = writeln!(out, "      <tag><text>{}</text></tag>", escape(&tag));
    }
    out.push_str("    </tags>\n  </question>\n");
    out
}

fn answer(percent: &str, text: &str, feedback: &str) -> String {
    format!(
        "    <answer fraction=\"{percent}\" format=\"html\">\n      <text>{}</text>\n      <feedback format=\"html\">\n        <text>{}</text>\n      </feedback>\n    </answer>\n",
        html_cdata(text),
        html_cdata(feedback)
    )
}

/// A fill-in-the-blanks as Cloze: the prompt, a line break, then the sentence with each blank
/// as `{1:SHORTANSWER:=answer~=other~%0%*#feedback}`.
fn cloze_text(prompt: &str, parts: &[&str], blanks: &[Vec<&str>], feedback: &str) -> String {
    let mut plain = format!("{prompt}\n");
    // Written as plain text with markers, then escaped as HTML: the markers use no character
    // HTML escaping changes.
    for (i, part) in parts.iter().enumerate() {
        plain.push_str(part);
        if let Some(accepted) = blanks.get(i) {
            let answers: Vec<String> = accepted
                .iter()
                .map(|a| format!("={}", cloze_escape(a)))
                .collect();
            let _ = write!(
                plain,
                "{{1:SHORTANSWER:{}~%0%*#{}}}",
                answers.join("~"),
                cloze_escape(feedback)
            );
        }
    }
    html_cdata(&plain)
}

/// The characters Cloze gives a meaning inside a marker, escaped with a backslash. (A `"`, also
/// special to Cloze, never reaches it raw: the HTML escaping that follows makes it `&quot;`.)
fn cloze_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '}' | '#' | '~' | '/' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use lectern_content::Answer;

    #[test]
    fn the_file_is_a_quiz_with_a_category_and_one_question_each() {
        let reading = &READINGS[0];
        let all: Vec<&Question> = reading.questions.iter().collect();
        let xml = export(&[(reading, all.clone())]);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"));
        assert!(xml.ends_with("</quiz>\n"));
        assert!(xml.contains("<text>$course$/top/Lectern/Adversaries to Allies?</text>"));
        assert_eq!(xml.matches("<question type=").count(), all.len() + 1);
        for (kind, moodle) in [
            ("single", "multichoice"),
            ("ordering", "ordering"),
            ("fill-blank", "cloze"),
            ("matching", "matching"),
            ("true-false", "truefalse"),
            ("short", "shortanswer"),
        ] {
            let count = all.iter().filter(|q| q.answer.kind_key() == kind).count();
            if kind != "single" {
                assert_eq!(
                    xml.matches(&format!("<question type=\"{moodle}\">"))
                        .count(),
                    count,
                    "{kind}"
                );
            }
        }
    }

    #[test]
    fn an_ordering_carries_each_place() {
        let reading = &READINGS[0];
        let q = reading
            .questions
            .iter()
            .find(|q| q.answer.kind_key() == "ordering")
            .unwrap();
        let Answer::Ordering { items, .. } = &q.answer else {
            unreachable!()
        };
        let xml = question_xml(reading, q);
        assert!(xml.contains("<gradingtype>ABSOLUTE_POSITION</gradingtype>"));
        for (i, item) in items.iter().enumerate() {
            assert!(xml.contains(&format!(
                "<answer fraction=\"{}.0000000\" format=\"html\">\n      <text>{}</text>",
                i + 1,
                html_cdata(item)
            )));
        }
    }

    #[test]
    fn cloze_markers_escape_their_special_characters() {
        let text = cloze_text(
            "Fill in:",
            &["A ", " & B."],
            &[vec!["x}y", "a/b"]],
            "Look #2 \"here\"",
        );
        assert_eq!(
            text,
            "<![CDATA[Fill in:<br>A {1:SHORTANSWER:=x\\}y~=a\\/b~%0%*#Look \\#2 &quot;here&quot;} &amp; B.]]>"
        );
    }

    #[test]
    fn comments_cannot_be_closed_by_titles() {
        assert_eq!(comment("a -- b --> c"), "a - - b - -&gt; c");
    }
}
