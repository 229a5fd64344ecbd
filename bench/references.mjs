// Two of the references the benchmark measures Lectern against (the third, the Leptos floor, is
// the crate in bench/floor/), built from the same essay and questions (read from questions/ like
// the end-to-end tests do):
// - static: a plain HTML page of the essay, with no script and no stylesheet: the web's floor;
// - quizdown: the essay and the same quiz in quizdown-js, a popular JavaScript quiz library
//   (its prebuilt bundle from npm, served locally, never from a CDN).

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paragraphText } from '../tests/e2e/support/content.mjs';

const escape = (text) =>
  String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function essayHtml(reading) {
  const parts = [
    `<h1>${escape(reading.title)}</h1>`,
    `<p>${reading.authors.map((a) => escape(a.name)).join(' and ')}, ${escape(reading.publisher)}, ${reading.year}</p>`,
  ];
  for (const section of reading.sections) {
    parts.push(`<section id="${escape(section.id)}"><h2>${escape(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs) parts.push(`<p>${escape(paragraphText(paragraph))}</p>`);
    parts.push('</section>');
  }
  if (reading.terms?.length) {
    parts.push('<h2>Glossary</h2><dl>');
    for (const term of reading.terms) parts.push(`<dt>${escape(term.term)}</dt><dd>${escape(term.definition)}</dd>`);
    parts.push('</dl>');
  }
  return parts.join('\n');
}

function page(title, body, head = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A question in quizdown's markdown, or null for the kinds quizdown has no control for. */
export function quizdownQuestion(q) {
  // Markdown sees the element's innerHTML, so the text is HTML-escaped; one line per item.
  const line = (text) => escape(text).replaceAll('\n', ' ');
  const head = [`### ${line(q.prompt)}`, '', `> ${line(q.hint)}`, ''];
  const option = (marker, o) => {
    const lines = [`${marker} [${o.correct ? 'x' : ' '}] ${line(o.text)}`];
    if (o.feedback) lines.push(`    > ${line(o.feedback)}`);
    return lines;
  };
  switch (q.kind) {
    case 'single':
      return [...head, ...q.options.flatMap((o) => option('1.', o))].join('\n');
    case 'multiple':
      return [...head, ...q.options.flatMap((o) => option('-', o))].join('\n');
    case 'true-false':
      return [
        ...head,
        ...option('1.', { text: 'True', correct: q.answer === true }),
        ...option('1.', { text: 'False', correct: q.answer === false }),
      ].join('\n');
    case 'ordering':
      return [...head, ...q.items.map((item, i) => `${i + 1}. ${line(item)}`)].join('\n');
    default:
      return null;
  }
}

/** Writes `<out>/static/index.html` and `<out>/quizdown/{index.html,quizdown.js,start.js}`. */
export function buildReferences(reading, out, quizdownBundle) {
  const essay = essayHtml(reading);
  const staticDir = path.join(out, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), page(reading.title, essay));

  const quizDir = path.join(out, 'quizdown');
  mkdirSync(quizDir, { recursive: true });
  copyFileSync(quizdownBundle, path.join(quizDir, 'quizdown.js'));
  writeFileSync(
    path.join(quizDir, 'start.js'),
    'quizdown.init({ shuffleAnswers: false, shuffleQuestions: false });\n',
  );
  const questions = reading.questions.map(quizdownQuestion).filter(Boolean);
  const quiz = `<div class="quizdown">\n${questions.join('\n\n')}\n</div>`;
  writeFileSync(
    path.join(quizDir, 'index.html'),
    page(reading.title, `${essay}\n${quiz}`, '<script src="quizdown.js"></script>\n<script src="start.js"></script>'),
  );
  return { quizQuestions: questions.length, allQuestions: reading.questions.length };
}
