// Chat with a finished document: grounded answers that cite their pages.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, postFile, screenshotPath, useBrowser } from './browser';
import { invoicePdf, houseRulesPdf } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR } from '../shared-dir';

async function ask(page: Page, uuid: string, message: string, token?: string) {
  return page.evaluate(
    async ({ uuid, message, token }) => {
      const res = await fetch(`/api/v1/chat/${uuid}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ message }),
      });
      return { status: res.status, body: await res.json() };
    },
    { uuid, message, token },
  );
}

describe('chat', () => {
  const s = useBrowser();
  let page: Page;
  let token: string;
  let job: Record<string, any>;
  beforeAll(async () => {
    page = await s.open('/');
    token = (await page.evaluate(async () => (await fetch('/api/v1/account/', { method: 'POST' })).json())).token;
    job = (await postFile(page, invoicePdf(), 'invoice.pdf', {}, token)).body;
    expect(job.status).toBe('done');
  });

  it('answers from the text and cites the page with the exact snippet', async () => {
    const r = await ask(page, job.uuid, 'What is the invoice total?', token);
    expect(r.status).toBe(200);
    expect(r.body.conversation).toBeTruthy();
    expect(r.body.message.role).toBe('assistant');
    expect(r.body.message.content).toContain('215.00');
    expect(r.body.message.answerer).toBe('extractive'); // no WebGPU here: the built-in answerer
    const cite = r.body.message.citations[0];
    expect(cite.page).toBe(2);
    expect(job.pages[1].text).toContain(cite.snippet);
  });

  it('follow-up questions use the conversation', async () => {
    const r = await ask(page, job.uuid, 'and the tax?', token);
    expect(r.body.message.content).toContain('20.00');
    const d = await ask(page, job.uuid, 'When was it issued? What is the date?', token);
    expect(d.body.message.content).toContain('12/03/2026');
    expect(d.body.message.citations[0].page).toBe(1);
  });

  it('says so when the document does not hold the answer', async () => {
    const r = await ask(page, job.uuid, 'What is the name of the ship captain?', token);
    expect(r.body.message.content).toMatch(/couldn.t find|not (in|find)|doesn.t (say|contain)/i);
    expect(r.body.message.citations ?? []).toEqual([]);
  });

  it('history returns the conversation in order; anonymous is 401; messages are metered', async () => {
    const h = await page.evaluate(async ({ uuid, token }) => (await fetch(`/api/v1/chat/${uuid}/history/`, { headers: { Authorization: `Bearer ${token}` } })).json(), { uuid: job.uuid, token });
    expect(h.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(h.messages[0].content).toBe('What is the invoice total?');
    expect((await ask(page, job.uuid, 'total?')).status).toBe(401);
    const acct = await page.evaluate(async (token) => (await fetch('/api/v1/account/', { headers: { Authorization: `Bearer ${token}` } })).json(), token);
    // 2 pages of OCR and 4 chat messages, a credit each in the test build.
    expect(acct.used).toBe(6);
  });

  it('answers a question put in other words than the text (word vectors, fetched by the app from its own origin)', async () => {
    const rules = (await postFile(page, houseRulesPdf(), 'house-rules.pdf', {}, token)).body;
    expect(rules.status).toBe('done');
    // no word of "barred", "cigarettes" or "bedrooms" is on the page: "Smoking is prohibited in all rooms …"
    const r = await ask(page, rules.uuid, 'Until when are cigarettes barred in the bedrooms?', token);
    expect(r.body.message.content).toContain('January 2027');
    expect(r.body.message.citations[0].page).toBe(1);
    const bus = await ask(page, rules.uuid, 'Where can guests reserve the airport bus?', token);
    expect(bus.body.message.content).toContain('front desk');
  });

  it('reads a date from an unsure line again with the other tier\'s engine (PP-OCR for a Tesseract job) and says it agrees', async () => {
    const name = 'receipt_sroie_090.jpg';
    const receipt = (await postFile(page, readFileSync(join(EVAL_DIR, name)), name, { tier: 'cpu' }, token)).body;
    expect(receipt.status).toBe('done');
    const r = await ask(page, receipt.uuid, 'What is the date of this receipt?', token);
    expect(r.body.message.content).toContain('13/03/2017');
    expect(r.body.message.content).toContain('A second reading (PP-OCR) of the unclear line agrees.');
    expect(r.body.message.citations[0].page).toBe(1);
  });
});
