// The prose question set (bench/chat-questions.json) and how a reply is scored against it.
// bench/chat.mjs asks the questions through the app's chat API on jobs the app made by OCR;
// test/unit/chat/questions.test.ts asks them of jobs made from the ground-truth text.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const HERE = dirname(new URL(import.meta.url).pathname);

/**
 * @typedef {{ file: string, mime: string, gt: string[], dir?: string }} QuestionDoc
 * @typedef {{ doc: string, q: string, answers: string[] | null, pages?: number[], quote: string, heldout?: boolean, batch?: string }} Question
 * @typedef {{ content: string, citations?: Array<{ page: number, snippet: string }> }} Reply
 */

/**
 * Batches over documents of their own, each in its folder with the script that made them:
 * b4 (bench/chat-docs), written blind and held out until 2026-12-06, tuned on since; b5
 * (bench/chat-docs-b5), written blind the same day, held out until 2026-12-06's evening and
 * tuned on since; b6 (bench/chat-docs-b6), written blind that evening, held out until the next
 * evening's session and tuned on since; b7 (bench/chat-docs-b7), written blind then, held out
 * until 2026-12-06's third session and tuned on since; b8 (bench/chat-docs-b8), written blind
 * in that session, measured once (20/45) and tuned on since; b9 (bench/chat-docs-b9), written
 * blind in the same session and held out.
 */
const BATCHES = [
  { dir: join(HERE, 'chat-docs'), file: 'questions-b4.json', heldout: false },
  { dir: join(HERE, 'chat-docs-b5'), file: 'questions-b5.json', heldout: false },
  { dir: join(HERE, 'chat-docs-b6'), file: 'questions-b6.json', heldout: false },
  { dir: join(HERE, 'chat-docs-b7'), file: 'questions-b7.json', heldout: false },
  { dir: join(HERE, 'chat-docs-b8'), file: 'questions-b8.json', heldout: false },
  { dir: join(HERE, 'chat-docs-b9'), file: 'questions-b9.json', heldout: true },
];

/**
 * The question set: bench/chat-questions.json over the evaluation pages, and the batches over
 * documents of their own (each of their docs has `dir`: where its files are).
 * @returns {{ docs: Record<string, QuestionDoc>, questions: Question[] }}
 */
export function loadQuestions() {
  const main = JSON.parse(readFileSync(join(HERE, 'chat-questions.json'), 'utf8'));
  const docs = { ...main.docs };
  const questions = [...main.questions];
  for (const b of BATCHES) {
    const set = JSON.parse(readFileSync(join(b.dir, b.file), 'utf8'));
    for (const [key, doc] of Object.entries(set.docs)) docs[key] = { ...doc, dir: b.dir };
    questions.push(...set.questions.map((/** @type {Question} */ q) => ({ ...q, heldout: b.heldout })));
  }
  return { docs, questions };
}

/**
 * Text folded for comparison: compatibility forms (ligatures), quotes and dashes of one
 * kind, line-end hyphens joined, spaces collapsed, lower case.
 * @param {string} s
 */
export function fold(s) {
  return s
    .normalize('NFKC')
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the reply states the answer as a whole ("34" not inside "1934", "falls" not
 * inside "waterfalls").
 * @param {string} content
 * @param {string} answer
 */
export function statesAnswer(content, answer) {
  const a = escape(fold(answer)).replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}]|\\d[.,])${a}(?![\\p{L}]|[.,]?\\d)`, 'u').test(fold(content));
}

/** The reply declines: the answerer's "I couldn't find that" and no citation. @param {Reply} reply */
export function declines(reply) {
  return /couldn.t find|could not find|does(?:n.t| not) say/i.test(reply.content) && !(reply.citations ?? []).length;
}

/**
 * Right: an answerable question's reply states one of its answers and cites one of its pages
 * with a snippet of that page's exact text (and no page outside the document); an
 * unanswerable one's reply declines.
 * @param {Question} q
 * @param {Reply} reply
 * @param {(page: number) => string} pageText
 */
export function scoreReply(q, reply, pageText) {
  if (q.answers === null) return { ok: declines(reply), stated: false, cited: false };
  const stated = q.answers.some((a) => statesAnswer(reply.content, a));
  const cites = reply.citations ?? [];
  const cited = cites.some((c) => (q.pages ?? [1]).includes(c.page) && pageText(c.page).includes(c.snippet));
  return { ok: stated && cited, stated, cited };
}

/**
 * The figures: all, the questions tuned on, the held-out ones, and the unanswerable ones.
 * @param {Array<{ q: Question, ok: boolean }>} rows
 */
export function summarise(rows) {
  const part = (/** @type {typeof rows} */ r) => ({ right: r.filter((x) => x.ok).length, of: r.length });
  return {
    all: part(rows),
    tuned: part(rows.filter((x) => !x.q.heldout)),
    heldout: part(rows.filter((x) => x.q.heldout)),
    /** the later batch, written by someone who had not read the answerer (part of the tuned) */
    b2: part(rows.filter((x) => x.q.batch === 'b2')),
    /** the third batch, written blind like b2; held out until 2026-12-06, tuned on since */
    b3: part(rows.filter((x) => x.q.batch === 'b3')),
    /** the fourth batch, written blind over documents of its own (bench/chat-docs); held out until 2026-12-06, tuned on since */
    b4: part(rows.filter((x) => x.q.batch === 'b4')),
    /** the fifth, written blind over six more documents (bench/chat-docs-b5); held out until 2026-12-06's evening, tuned on since */
    b5: part(rows.filter((x) => x.q.batch === 'b5')),
    /** the sixth, written blind over six more documents (bench/chat-docs-b6); held out until 2026-12-06's second session, tuned on since */
    b6: part(rows.filter((x) => x.q.batch === 'b6')),
    /** the seventh, written blind over six more documents (bench/chat-docs-b7); held out until 2026-12-06's third session, tuned on since */
    b7: part(rows.filter((x) => x.q.batch === 'b7')),
    /** the eighth, written blind over six more documents, mostly prose (bench/chat-docs-b8); held out until measured, tuned on since */
    b8: part(rows.filter((x) => x.q.batch === 'b8')),
    /** the ninth, written blind over six more documents, mostly prose (bench/chat-docs-b9), kept held out */
    b9: part(rows.filter((x) => x.q.batch === 'b9')),
    answerable: part(rows.filter((x) => x.q.answers !== null)),
    unanswerable: part(rows.filter((x) => x.q.answers === null)),
  };
}
