//! `history.toml`: the earlier question banks (each bank's question ids, in order) and the
//! questions retired from them. Assignment links name questions by their place in a bank, so a
//! link made for an earlier bank is read with that bank's list, and the retired questions it may
//! ask are kept whole so it still grades as it did.

use super::questions::{compile_list, Placed};
use super::raw::RawHistory;
use super::{Diagnostic, SourceFile};
use crate::model::{Bank, Question, Reading};
use std::collections::HashSet;

/// The earlier banks and retired questions; `ids` holds the current bank's question ids (a
/// retired question may not share one).
pub fn compile(
    file: &SourceFile,
    reading: &Reading,
    current: &[Question],
    ids: &mut HashSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Vec<Bank>, Vec<Placed>)> {
    let raw: RawHistory = match file.parse() {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let retired = compile_list(file, &raw.retired, reading, ids, errors);
    let known: HashSet<&str> = current
        .iter()
        .chain(retired.iter().map(|(q, _)| q))
        .map(|q| q.id.as_ref())
        .collect();

    let mut banks = Vec::new();
    let mut listed: HashSet<&str> = HashSet::new();
    for (i, bank) in raw.banks.iter().enumerate() {
        let b = bank.get_ref();
        let version = *b.version.get_ref();
        let expected = u16::try_from(i + 1).unwrap_or(u16::MAX);
        if version != expected {
            errors.push(file.error_at(
                &b.version.span(),
                format!("bank {version} is listed where bank {expected} belongs: number the earlier banks 1, 2, 3… oldest first"),
            ));
        }
        let mut seen = HashSet::new();
        for id in b.questions.get_ref() {
            let id_text = id.get_ref().as_str();
            if !seen.insert(id_text) {
                errors.push(file.error_at(
                    &id.span(),
                    format!("bank {version} lists `{id_text}` twice"),
                ));
            } else if !known.contains(id_text) {
                errors.push(file.error_at(
                    &id.span(),
                    format!("question `{id_text}` of bank {version} is gone: keep it under [[retired]] so that links made for bank {version} still grade"),
                ));
            }
            listed.insert(id_text);
        }
        if b.questions.get_ref().is_empty() {
            errors.push(file.error_at(
                &b.questions.span(),
                format!("bank {version} has no questions"),
            ));
        }
        banks.push(Bank {
            version,
            questions: b
                .questions
                .get_ref()
                .iter()
                .map(|id| id.get_ref().clone().into())
                .collect::<Vec<_>>()
                .into(),
        });
    }
    for (question, spans) in &retired {
        if !listed.contains(question.id.as_ref()) {
            errors.push(file.error_at(
                &spans.table,
                format!(
                    "retired question `{}` is in no earlier bank, so no link can ask it: delete it",
                    question.id
                ),
            ));
        }
    }
    Some((banks, retired))
}
