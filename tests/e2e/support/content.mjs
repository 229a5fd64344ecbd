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
