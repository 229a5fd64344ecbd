// What gift-pegjs must give back for Lectern's GIFT export of a question, read from the source
// (docs/classroom.md, "The questions in Moodle"), and gift-pegjs's questions in the same shape.
// Shared by lms-formats.spec.mjs (`cargo xtask export-questions`) and lms-forms.spec.mjs (the
// teacher's "Export questions").

import { blanksOf } from './content.mjs';

export const norm = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
/** 100/n with Moodle's five decimals, as a right (or, negative, a wrong) answer's weight. */
export const share = (n, right) => (right ? 1 : -1) * Number((100 / n).toFixed(5));
/** The sentences of a question's section, as an evidence question offers them. */
export const sentencesOf = (reading, q) => [...reading.sentences.values()].filter((s) => s.section === q.section);
const partsOf = (text) => text.split(/\{\{.*?\}\}/);

/** What gift-pegjs must give back for a source question: one item, or one per blank. */
export function expectedGift(reading, q) {
  const item = (fields, title = q.id, id = q.id) => ({
    title,
    id,
    tags: ['lectern', reading.id, q.skill, q.difficulty],
    stem: q.prompt,
    globalFeedback: q.explanation,
    ...fields,
  });
  const weighted = (given) => {
    const choices = given.map((c) => ({ ...c, correct: c.correct === true }));
    const right = choices.filter((c) => c.correct).length;
    const single = q.kind === 'single' || (q.kind === 'evidence' && right === 1);
    return choices.map((c) => ({
      isCorrect: single && c.correct,
      weight: single ? null : share(right, c.correct),
      text: c.text,
      feedback: c.feedback ?? null,
    }));
  };
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return [item({ type: 'MC', choices: weighted(q.options) })];
    case 'evidence':
      return [
        item({
          type: 'MC',
          choices: weighted(
            sentencesOf(reading, q).map((s) => ({ text: s.text, correct: q.evidence.includes(s.id), feedback: q.evidence.includes(s.id) ? null : q.feedback })),
          ),
        }),
      ];
    case 'true-false':
      return [item({ type: 'TF', isTrue: q.answer, trueFeedback: q.feedback, falseFeedback: null })];
    case 'short':
      return [
        item({
          type: 'Short',
          choices: [
            ...q.accepted.map((a) => ({ isCorrect: true, weight: null, text: a, feedback: null })),
            ...(q.near_misses ?? []).map((n) => ({ isCorrect: true, weight: 0, text: n.answer, feedback: n.feedback })),
          ],
        }),
      ];
    case 'matching':
      return [
        item({
          type: 'Matching',
          matchPairs: [...q.pairs.map((p) => [p.left, p.right]), ...(q.distractors ?? []).map((d) => ['', d])],
        }),
      ];
    case 'ordering':
      return [
        item({
          type: 'Matching',
          stem: `${q.prompt} (Match each item with its place in the order.)`,
          matchPairs: q.items.map((text, i) => [text, String(i + 1)]),
        }),
      ];
    case 'fill-blank': {
      const parts = partsOf(q.text);
      const blanks = blanksOf(q.text);
      return blanks.map((accepted, b) => {
        // The other blanks show as gaps; this one is where gift-pegjs puts its own `_____`.
        const gapAfter = (i) => i !== b && i + 1 < parts.length;
        const text = (from, to) => parts.slice(from, to).map((part, j) => part + (gapAfter(from + j) ? '_____' : '')).join('');
        const stem = `${q.prompt} ${text(0, b + 1)} _____ ${text(b + 1, parts.length)}`;
        const several = blanks.length > 1;
        return item(
          {
            type: 'Short',
            stem,
            choices: [
              ...accepted.map((a) => ({ isCorrect: true, weight: null, text: a, feedback: null })),
              { isCorrect: true, weight: 0, text: '*', feedback: q.feedback },
            ],
          },
          several ? `${q.id} (blank ${b + 1} of ${blanks.length})` : q.id,
          several ? `${q.id}-blank-${b + 1}` : q.id,
        );
      });
    }
    default:
      throw new Error(`no expectation for ${q.kind}`);
  }
}

/** A gift-pegjs question in the expectation's shape, texts with whitespace collapsed. */
export function fromGift(g) {
  const text = (t) => (t === null || t === undefined ? null : norm(typeof t === 'string' ? t : t.text));
  const shaped = { title: g.title, id: g.id, tags: g.tags, type: g.type, stem: norm(g.stem.text), globalFeedback: text(g.globalFeedback) };
  if (g.choices) shaped.choices = g.choices.map((c) => ({ isCorrect: c.isCorrect, weight: c.weight, text: text(c.text), feedback: text(c.feedback) }));
  if (g.matchPairs) shaped.matchPairs = g.matchPairs.map((p) => [norm(p.subquestion.text), norm(p.subanswer)]);
  if (g.type === 'TF') Object.assign(shaped, { isTrue: g.isTrue, trueFeedback: text(g.trueFeedback), falseFeedback: text(g.falseFeedback) });
  return shaped;
}

/** An expectation with its texts' whitespace collapsed, as fromGift() gives them. */
export function normalised(expected) {
  const e = { ...expected, stem: norm(expected.stem), globalFeedback: norm(expected.globalFeedback) };
  if (e.choices) e.choices = e.choices.map((c) => ({ ...c, text: norm(c.text), feedback: c.feedback === null ? null : norm(c.feedback) }));
  if (e.matchPairs) e.matchPairs = e.matchPairs.map(([l, r]) => [norm(l), norm(r)]);
  if (e.type === 'TF') e.trueFeedback = norm(e.trueFeedback);
  return e;
}
