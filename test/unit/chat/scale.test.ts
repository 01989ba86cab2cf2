// Retrieval on a long job: the index is built once per job (the first question builds
// it), and each question on a 500-page report answers in well under a second.
import { describe, expect, it } from 'vitest';
import { buildIndex, extractiveAnswerer, retrieve } from '../../../src/chat';
import { jobFromTexts } from './helpers';

const PAGES = 500;
const NEEDLE_PAGE = 377;

/** Deterministic filler: words from a small vocabulary, mixed by a linear congruential generator. */
function fillerPage(n: number): string {
  const words = 'system report quarter review process budget region market growth service customer project team plan result'.split(' ');
  let seed = n * 7919 + 13;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const paragraphs: string[] = [`Section ${n}`];
  for (let p = 0; p < 6; p++) {
    const lines: string[] = [];
    for (let l = 0; l < 6; l++) {
      const line: string[] = [];
      for (let w = 0; w < 9; w++) line.push(words[next() % words.length]);
      lines.push(line.join(' ') + (l % 2 === 1 ? '.' : ''));
    }
    paragraphs.push(lines.join('\n'));
  }
  return paragraphs.join('\n\n');
}

function bigJob() {
  const texts = Array.from({ length: PAGES }, (_, i) => fillerPage(i + 1));
  texts[NEEDLE_PAGE - 1] += '\n\nThe warranty on the centrifugal pump lasts thirty-six months from the date of delivery.';
  texts[PAGES - 1] += '\n\nInvoice summary\nTotal amount due: 48,210.75';
  return jobFromTexts(texts, 'big-job');
}

describe('a 500-page job', () => {
  const job = bigJob();

  it('answers a question from the right page', async () => {
    const msg = await extractiveAnswerer.answer({ question: 'How long is the warranty on the pump?', job, history: [] });
    expect(msg.citations?.[0]?.page).toBe(NEEDLE_PAGE);
    expect(msg.content).toContain('thirty-six months');
  });

  it('answers later questions from the same index', async () => {
    const total = await extractiveAnswerer.answer({ question: 'What is the total?', job, history: [] });
    const none = await extractiveAnswerer.answer({ question: 'Who won the football match?', job, history: [] });
    expect(total.content).toContain('48,210.75');
    expect(total.citations?.[0]?.page).toBe(PAGES);
    expect(none.content).toBe("I couldn't find that in this document.");
  });

  it('keeps one index per job and rebuilds it when the job changes', () => {
    const a = buildIndex(job);
    expect(buildIndex(job)).toBe(a);
    const grown = { ...job, pages: [...job.pages, { ...job.pages[0], index: PAGES }] };
    expect(buildIndex(grown)).not.toBe(a);
  });

  it('retrieve returns the best passages with their pages', () => {
    const hits = retrieve(buildIndex(job), 'centrifugal pump warranty', 3);
    expect(hits[0]).toMatchObject({ page: NEEDLE_PAGE, blockIndex: expect.any(Number) });
    expect(hits[0].text).toContain('centrifugal pump');
    expect(hits[0].score).toBeGreaterThan(0);
    // a follow-up is read with the question before it
    const history = [{ role: 'user' as const, content: 'What does the warranty on the centrifugal pump cover?' }];
    expect(retrieve(buildIndex(job), 'and for how long?', 3, history)[0].page).toBe(NEEDLE_PAGE);
  });
});
