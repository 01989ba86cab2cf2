// The prompt for a model answerer and the reading of its "(p. N)" marks.
import { describe, expect, it } from 'vitest';
import { buildPrompt, parseCitations, SYSTEM_PROMPT, type Passage } from '../../../src/chat';
import type { ChatMessage } from '../../../src/shared/contract';
import { isGrounded, promptFor } from '../../../src/chat/llm/answerer';
import { jobFromTexts } from './helpers';

const passages: Passage[] = [
  { page: 2, text: 'Total Amount Due: $458.87', score: 9.1, blockIndex: 1 },
  { page: 1, text: 'Invoice No: INV-2024-0173', score: 4.2, blockIndex: 0 },
  { page: 2, text: 'Thank you for your business. Payment is due\nwithin 30 days.', score: 3.3, blockIndex: 2 },
  { page: 1, text: 'Due Date: 2024-04-02', score: 2.0, blockIndex: 0 },
];

describe('buildPrompt', () => {
  it('asks for answers from the passages only, cited as (p. N), and for "couldn\'t find" otherwise', () => {
    expect(SYSTEM_PROMPT).toMatch(/only the passages/i);
    expect(SYSTEM_PROMPT).toContain('(p. N)');
    expect(SYSTEM_PROMPT).toContain("I couldn't find that in this document.");
    expect(SYSTEM_PROMPT).toMatch(/do not guess/i);
  });

  it('puts the system prompt first, then the recent history, then passages with pages and the question', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: 'What is the total?' },
      { role: 'assistant', content: 'The total is $458.87 (p. 2).', citations: [{ page: 2, snippet: 'Total Amount Due: $458.87' }] },
    ];
    const messages = buildPrompt('and the invoice number?', passages, history);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[0].content).toBe(SYSTEM_PROMPT);
    expect(messages[2]).toEqual({ role: 'assistant', content: 'The total is $458.87 (p. 2).' });
    const last = messages[3].content;
    expect(last).toContain('[1] (p. 2) Total Amount Due: $458.87');
    expect(last).toContain('[2] (p. 1) Invoice No: INV-2024-0173');
    expect(last).toContain('Payment is due within 30 days.'); // line breaks flattened
    expect(last.trim().endsWith('Question: and the invoice number?')).toBe(true);
  });

  it('keeps only the last messages and clips long passages', () => {
    const history: ChatMessage[] = Array.from({ length: 20 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `m${i}` }));
    const long: Passage = { page: 3, text: 'word '.repeat(500), score: 1, blockIndex: 0 };
    const messages = buildPrompt('q', [long], history, { maxHistory: 4, maxPassageChars: 100 });
    expect(messages.slice(1, -1).map((m) => m.content)).toEqual(['m16', 'm17', 'm18', 'm19']);
    const line = messages[messages.length - 1].content.split('\n')[1];
    expect(line.length).toBeLessThan(120);
    expect(line.endsWith('…')).toBe(true);
  });

  it('says when no passage matched, so the model can decline', () => {
    const messages = buildPrompt('What is the capital of France?', [], []);
    expect(messages).toHaveLength(2);
    expect(messages[1].content).toMatch(/no passage/i);
  });
});

describe('parseCitations', () => {
  it('maps each (p. N) mark to the passage of that page the claim draws on', () => {
    const answer = 'The total is $458.87 (p. 2). The invoice number is INV-2024-0173 (p. 1).';
    expect(parseCitations(answer, passages)).toEqual([
      { page: 2, snippet: 'Total Amount Due: $458.87' },
      { page: 1, snippet: 'Invoice No: INV-2024-0173' },
    ]);
  });

  it('picks, among passages of one page, the one sharing the claim\'s words', () => {
    const answer = 'Payment is due within 30 days (p. 2).';
    expect(parseCitations(answer, passages)).toEqual([{ page: 2, snippet: passages[2].text }]);
    expect(parseCitations('It is due on 2024-04-02 (p. 1).', passages)).toEqual([{ page: 1, snippet: 'Due Date: 2024-04-02' }]);
  });

  it('reads other mark styles and ranges, and drops pages the model was not shown', () => {
    const cites = parseCitations('See the total [p. 2] and the number (page 1); also (p. 9).', passages);
    expect(cites).toEqual([
      { page: 2, snippet: 'Total Amount Due: $458.87' },
      { page: 1, snippet: 'Invoice No: INV-2024-0173' },
    ]);
    const range = parseCitations('The due date and the payment terms (pp. 1-3).', passages);
    expect(range.map((c) => c.page)).toEqual([1, 2]);
    expect(range.every((c) => passages.some((p) => p.page === c.page && p.text === c.snippet))).toBe(true);
  });

  it('gives no citations for an answer without marks', () => {
    expect(parseCitations("I couldn't find that in this document.", passages)).toEqual([]);
  });
});

describe('the LLM answerer\'s prompt (promptFor)', () => {
  // 40 pages of filler with one fact each; the model must see the retrieved passages only.
  const filler = (i: number) => `Section ${i}. The warehouse in district ${i} stores crates of item code ZX${1000 + i}.`;
  const texts = Array.from({ length: 40 }, (_, i) => filler(i));
  texts[16] = 'Section 16. The annual maintenance fee is 1,250.00 EUR, payable every March.';
  texts[31] = 'Section 31. Invoice total: 9,876.54 EUR\nTax: 412.30 EUR';
  const job = jobFromTexts(texts);

  it('holds only the retrieved passages, each with its page, and none of the rest of the document', () => {
    const { messages, passages } = promptFor({ question: 'What is the annual maintenance fee?', job, history: [] });
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.length).toBeLessThanOrEqual(6);
    expect(passages[0].page).toBe(17);
    const user = messages[messages.length - 1].content;
    expect(user).toContain('(p. 17) The annual maintenance fee is 1,250.00 EUR');
    // Every numbered passage line is one that was retrieved, and nothing else of the job is there.
    const shown = user.split('\n').filter((l) => /^\[\d+\] \(p\. \d+\) /.test(l));
    expect(shown).toHaveLength(passages.length);
    shown.forEach((l, i) => expect(l).toBe(`[${i + 1}] (p. ${passages[i].page}) ${passages[i].text.replace(/\s+/g, ' ')}`));
    const pagesShown = new Set(passages.map((p) => p.page));
    for (let p = 1; p <= texts.length; p++) if (!pagesShown.has(p)) expect(user).not.toContain(texts[p - 1].split('\n')[0]);
    expect(user.length).toBeLessThan(job.text.length / 3);
    // ... and the instructions demand page citations and no guessing.
    expect(messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    expect(SYSTEM_PROMPT).toMatch(/cite the page .* as \(p\. N\)/);
  });

  it('retrieves for a follow-up with the question it follows', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: 'What is the invoice total?' },
      { role: 'assistant', content: 'The total is 9,876.54 EUR (p. 32).', citations: [{ page: 32, snippet: 'Invoice total: 9,876.54 EUR' }] },
    ];
    const { messages, passages } = promptFor({ question: 'and the tax?', job, history });
    expect(passages[0].page).toBe(32);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[3].content).toContain('Tax: 412.30 EUR');
    expect(messages[3].content.trim().endsWith('Question: and the tax?')).toBe(true);
  });

  it('shows no passage at all when nothing in the document matches, so the model must decline', () => {
    const { messages, passages } = promptFor({ question: 'Who painted the Mona Lisa?', job, history: [] });
    expect(passages).toEqual([]);
    expect(messages[1].content).toMatch(/no passage of the document matches/);
    expect(messages[1].content).not.toMatch(/warehouse|Section/);
  });
});

describe('a model\'s answer stands only when grounded (isGrounded)', () => {
  it('keeps an answer with citations, or one that declines; drops an uncited claim', () => {
    const cite = [{ page: 2, snippet: 'Total Amount Due: $458.87' }];
    expect(isGrounded({ role: 'assistant', content: 'The total is $458.87 (p. 2).', citations: cite })).toBe(true);
    expect(isGrounded({ role: 'assistant', content: "I couldn't find that in this document.", citations: [] })).toBe(true);
    expect(isGrounded({ role: 'assistant', content: 'The total is probably about $450.', citations: [] })).toBe(false);
    expect(isGrounded({ role: 'assistant', content: 'The total is $458.87 (p. 9).', citations: parseCitations('The total is $458.87 (p. 9).', passages) })).toBe(false);
    expect(isGrounded({ role: 'assistant', content: '  ', citations: [] })).toBe(false);
  });
});

describe('parseCitations: quotes, and the numbers of a bare mark', () => {
  it('takes a quoted citation\'s words as its snippet, for a page the model was shown', () => {
    expect(parseCitations('The total is $458.87 (p. 2: "Total Amount Due: $458.87").', passages)).toEqual([{ page: 2, snippet: 'Total Amount Due: $458.87' }]);
    expect(parseCitations('Due on 2024-04-02 [page 1, “Due Date: 2024-04-02”]', passages)).toEqual([{ page: 1, snippet: 'Due Date: 2024-04-02' }]);
    expect(parseCitations('The total is $458.87 (p. 9: "Total Amount Due: $458.87").', passages)).toEqual([]);
  });

  it('drops a bare mark whose claim states a number that no passage of that page holds', () => {
    expect(parseCitations('The total is $999.99 (p. 2).', passages)).toEqual([]);
    expect(parseCitations('The total is $458.87 (p. 2).', passages)).toEqual([{ page: 2, snippet: 'Total Amount Due: $458.87' }]);
  });
});
