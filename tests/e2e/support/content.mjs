// The bundled reading, read straight from questions/ (the same files the build compiles), so the
// end-to-end tests know the text and the answer key without trusting the app for either.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const questionsDir = new URL('../../../questions/', import.meta.url);

function load(name, file) {
  return parse(readFileSync(fileURLToPath(new URL(`${name}/${file}`, questionsDir)), 'utf8'));
}

/** A reading folder under questions/: its metadata, sections, glossary and questions. */
export function loadReading(name) {
  const reading = load(name, 'reading.toml');
  const { questions } = load(name, 'questions.toml');
  const { terms } = load(name, 'glossary.toml');
  const sentences = new Map();
  for (const section of reading.sections) {
    for (const paragraph of section.paragraphs) {
      for (const sentence of paragraph.sentences) sentences.set(sentence.id, { ...sentence, section: section.id });
    }
  }
  return { ...reading, questions, terms, sentences };
}

/** The paragraph as the source has it: its sentences joined by single spaces. */
export const paragraphText = (paragraph) => paragraph.sentences.map((s) => s.text).join(' ');

/** The parts and accepted answers of a fill-in-the-blank text: `a {{x|y}} b`. */
export function blanksOf(text) {
  return [...text.matchAll(/\{\{(.*?)\}\}/g)].map((m) => m[1].split('|').map((a) => a.trim()));
}

/** Part A of a pair's Part B (the question it `supports`), or null for any other question. */
export function partA(reading, q) {
  return q.supports ? reading.questions.find((p) => p.id === q.supports) ?? null : null;
}

/** The other part of a pair, or null for a question that is not in one. */
export function partner(reading, q) {
  return partA(reading, q) ?? reading.questions.find((b) => b.supports === q.id) ?? null;
}

/** Whether a question's first try earns full credit, given which questions were right the first
 *  time: Part B of a pair counts only when its Part A was right too (docs/authoring.md). */
export function creditedFirst(reading, q, rightFirst) {
  const a = partA(reading, q);
  return rightFirst(q) && (!a || rightFirst(a));
}

/** The questions the results list as missed, in reading order, when every question ends right:
 *  those whose first try earned less than full credit, and a pair whole if either part did. */
export function missedQuestions(reading, rightFirst) {
  const notCredited = (q) => !creditedFirst(reading, q, rightFirst);
  return reading.questions.filter((q) => {
    const other = partner(reading, q);
    return notCredited(q) || (other && notCredited(other));
  });
}
