// Chat through a language model on WASM (transformers.js), end to end as a person does it:
// the model is downloaded from Settings → Models, a document is uploaded with the file picker,
// the question is asked in the chat panel, the answer streams in word by word and stands
// with its page citation; when the model's quote is not on the page it cites, the citation
// is dropped and the extractive answer is given instead.
//
// The model is the test build's tiny Qwen2 in onnx-community's layout (test/fixtures/tiny-
// models/chat.mjs): whatever it is asked, it writes `The total is 215.00 USD (p. 2: "Total:
// 215.00 USD")`. Headless Chromium here has neither WebGPU nor a ready Prompt API model, so
// the answerer order falls through to it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, screenshotPath, useBrowser } from './browser';
import { invoicePdf } from './fixtures';
import { openedJob, pick } from './ui-page';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { TINY_CHAT_ANSWER } from '../fixtures/tiny-models/chat.mjs';

const MODEL = 'test-tiny-chat';

/** Records, in order, each text the streaming answer shows and each finished answer that appears. */
function recordChat(page: Page) {
  return page.evaluate(() => {
    const seen: { kind: 'partial' | 'final'; text: string }[] = ((window as unknown as { chatSeen: unknown }).chatSeen = []);
    let finals = 0;
    new MutationObserver(() => {
      const partial = document.querySelector('[data-testid="chat-streaming"] p')?.textContent ?? '';
      if (partial && !seen.some((s) => s.kind === 'partial' && s.text === partial)) seen.push({ kind: 'partial', text: partial });
      const done = [...document.querySelectorAll('[data-testid="chat-messages"] li.assistant:not(.streaming)')];
      if (done.length > finals) {
        finals = done.length;
        seen.push({ kind: 'final', text: done.at(-1)!.querySelector('p')?.textContent ?? '' });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const chatSeen = (page: Page) => page.evaluate(() => (window as unknown as { chatSeen: { kind: 'partial' | 'final'; text: string }[] }).chatSeen);

async function uploadAndAsk(page: Page, name: string, pdf: Buffer, question: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await pick(page, [{ name, type: 'application/pdf', data: pdf }]);
  const uuid = await openedJob(page);
  await page.getByTestId('chat-input').waitFor();
  await recordChat(page);
  const before = await page.locator('[data-testid="chat-messages"] li.assistant').count();
  await page.getByTestId('chat-input').fill(question);
  await page.getByTestId('chat-input').press('Enter');
  await page.locator('[data-testid="chat-messages"] li.assistant:not(.streaming)').nth(before).waitFor({ timeout: 120_000 });
  const answer = page.locator('[data-testid="chat-messages"] li.assistant:not(.streaming)').nth(before);
  return { uuid, answer };
}

const lastAnswer = (page: Page, uuid: string, token: string) =>
  page.evaluate(
    async ({ uuid, token }) => (await (await fetch(`/api/v1/chat/${uuid}/history/`, { headers: { Authorization: `Bearer ${token}` } })).json()).messages.at(-1),
    { uuid, token },
  );

describe('chat through a model on WASM (transformers.js)', () => {
  const s = useBrowser();
  let page: Page;
  let token: string;
  beforeAll(async () => {
    page = await s.open('/#/account');
    await page.getByTestId('create-account').click();
    await page.getByTestId('token').waitFor();
    token = (await page.evaluate(() => localStorage.getItem('ocrchat.token'))) ?? '';
    expect(token.length).toBeGreaterThan(10);
    // The premise: no WebGPU, and no Prompt API model ready, in this browser.
    expect(await page.evaluate(async () => !!(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()))).toBe(false);
    const lm = await page.evaluate(async () => {
      const g = globalThis as { LanguageModel?: { availability(): Promise<string> } };
      return g.LanguageModel ? await g.LanguageModel.availability().catch((e: Error) => `error ${e.message}`) : 'absent';
    });
    expect(lm).not.toBe('available');

    // Settings → Models: the test build's model host holds the tiny model; download it.
    await page.goto(`${baseUrl()}/#/settings`);
    await page.getByTestId('vlm-models').waitFor();
    const row = page.getByTestId(`vlm-model-${MODEL}`);
    await row.getByText('chat', { exact: true }).waitFor();
    await page.getByTestId('vlm-model-host').fill(`${baseUrl()}/__test-models/`);
    await page.getByTestId('save-vlm-model-host').click();
    await page.getByText(`Models are downloaded from ${baseUrl()}/__test-models/`).waitFor();
    await page.getByTestId(`download-vlm-model-${MODEL}`).click();
    await row.getByTestId('vlm-model-installed').waitFor({ timeout: 60_000 });
    // The real model for this path is listed with its size, its download left to the person.
    const real = page.getByTestId('vlm-model-qwen2.5-0.5b-instruct-wasm');
    expect(await real.getByTestId('vlm-model-size').textContent()).toMatch(/^about 5\d\d MB$/);
    expect(await real.getByTestId('download-vlm-model-qwen2.5-0.5b-instruct-wasm').isVisible()).toBe(true);
  });

  it('streams the model\'s answer into the chat panel, and keeps it with the citation whose quote is on its page', async () => {
    const { uuid, answer } = await uploadAndAsk(page, 'invoice.pdf', invoicePdf(), 'What is the total?');
    const seen = await chatSeen(page);
    const partials = seen.filter((x) => x.kind === 'partial').map((x) => x.text);
    const finalAt = seen.findIndex((x) => x.kind === 'final');
    // Words appeared before the answer was done: a partial text, shorter than the answer and its start.
    expect(partials.length).toBeGreaterThan(1);
    expect(seen.findIndex((x) => x.kind === 'partial')).toBeLessThan(finalAt);
    expect(partials[0].length).toBeLessThan(TINY_CHAT_ANSWER.length);
    for (const p of partials) expect(TINY_CHAT_ANSWER.startsWith(p.trim())).toBe(true);
    expect(seen[finalAt].text).toBe(TINY_CHAT_ANSWER);
    expect(await answer.getByTestId('answered-by').textContent()).toBe('On-device model (WASM): A tiny chat model (test entry)');
    const cite = answer.getByTestId('citation');
    expect(await cite.count()).toBe(1);
    expect(await cite.textContent()).toBe('p. 2');
    expect(await cite.getAttribute('title')).toBe('Total: 215.00 USD');
    await page.screenshot({ path: screenshotPath('chat-llm-wasm-answer') });
    const stored = await lastAnswer(page, uuid, token);
    expect(stored).toMatchObject({ role: 'assistant', content: TINY_CHAT_ANSWER, answerer: `llm-wasm:${MODEL}`, citations: [{ page: 2, snippet: 'Total: 215.00 USD' }] });
    // The citation opens its page with the quoted words marked.
    await cite.click();
    await page.waitForFunction(() => location.hash.endsWith('/page/2'));
    await page.locator('rect.cited').first().waitFor();
  });

  it('drops a citation whose quote is not on its page, and answers extractively instead', async () => {
    // The same invoice with another total: the model still quotes "Total: 215.00 USD" on page 2.
    const { uuid, answer } = await uploadAndAsk(page, 'invoice-251.pdf', invoicePdf('251.00'), 'What is the total?');
    const seen = await chatSeen(page);
    // The model's words were shown as they came ...
    expect(seen.some((x) => x.kind === 'partial' && x.text.startsWith('The total is 215.00'))).toBe(true);
    // ... and then replaced by the extractive answer, which quotes the page.
    const final = seen.find((x) => x.kind === 'final')!.text;
    expect(final).toContain('251.00');
    expect(final).not.toContain('215.00');
    expect(await answer.getByTestId('answered-by').textContent()).toBe('Built-in answerer: quoted from the document');
    const stored = await lastAnswer(page, uuid, token);
    expect(stored.answerer).toBe('extractive');
    expect(stored.citations[0].page).toBe(2);
    expect(stored.citations[0].snippet).toContain('251.00');
    expect(stored.citations.some((c: { snippet: string }) => c.snippet.includes('215.00'))).toBe(false);
    await page.screenshot({ path: screenshotPath('chat-llm-wasm-fallback') });
  });
});
