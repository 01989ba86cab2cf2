// The prose question set of bench/chat-questions.json, asked of the extractive answerer on
// jobs made from the ground-truth text of each document (one page per ground-truth file,
// one block per paragraph): answers must state the quoted value and cite its page, and
// questions the text cannot answer must be declined. bench/chat.mjs asks the same
// questions of jobs the app made by OCR. Set CHAT_QUESTIONS_VERBOSE=1 to see each miss of
// the tuned part (the held-out part is only counted, and printed with CHAT_QUESTIONS_HELDOUT=1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer } from '../../../src/chat';
import type { Job } from '../../../src/shared/contract';
import { loadQuestions, scoreReply, summarise, type Question } from '../../../bench/chat-questions.mjs';
import { EVAL_DIR } from '../../shared-dir';
import { jobFromTexts, shippedVectors } from './helpers';

// The word vectors the app loads for chat (src/host/word-vectors.ts); CHAT_QUESTIONS_NO_VECTORS=1 asks without them.
const vectors = process.env.CHAT_QUESTIONS_NO_VECTORS ? undefined : shippedVectors();

const { docs, questions } = loadQuestions();
const jobs = new Map<string, Job>();
function jobOf(doc: string): Job {
  if (!jobs.has(doc)) jobs.set(doc, jobFromTexts(docs[doc].gt.map((g) => readFileSync(join(docs[doc].dir ?? EVAL_DIR, g), 'utf8')), `questions-${doc}`));
  return jobs.get(doc)!;
}

describe('the prose question set, on ground-truth text', () => {
  it('answers with the right page and declines what the text does not say', async () => {
    const rows: Array<{ q: Question; ok: boolean; content: string }> = [];
    for (const q of questions) {
      const job = jobOf(q.doc);
      const reply = await extractiveAnswerer.answer({ question: q.q, job, history: [], vectors });
      const score = scoreReply(q, reply, (p) => job.pages[p - 1]?.text ?? '');
      rows.push({ q, ok: score.ok, content: reply.content });
    }
    const s = summarise(rows);
    const part = (r: typeof rows) => ({ right: r.filter((x) => x.ok).length, of: r.length });
    const f = (p: { right: number; of: number }) => `${p.right}/${p.of}`;
    // the held-out part's figure is printed only when asked for: a count seen on every run is tuned on
    const heldout = process.env.CHAT_QUESTIONS_HELDOUT ? `, held-out ${f(s.heldout)} (b9 ${f(s.b9)}), unanswerable declined ${f(s.unanswerable)}` : '';
    console.log(`questions on ground truth: tuned ${f(s.tuned)} (b2 ${f(s.b2)}, b3 ${f(s.b3)}, b4 ${f(s.b4)}, b5 ${f(s.b5)}, b6 ${f(s.b6)}, b7 ${f(s.b7)}, b8 ${f(s.b8)}), unanswerable declined of the tuned ${f(part(rows.filter((r) => !r.q.heldout && r.q.answers === null)))}${heldout}`);
    if (process.env.CHAT_QUESTIONS_VERBOSE)
      for (const r of rows) if (!r.ok && !r.q.heldout) console.log(`MISS [${r.q.doc}] ${r.q.q}\n   want ${JSON.stringify(r.q.answers)} p.${r.q.pages}\n   got  ${r.content.slice(0, 300)}`);
    expect(s.tuned.right / s.tuned.of).toBeGreaterThanOrEqual(Number(process.env.CHAT_QUESTIONS_MIN ?? 0));
  });
});
