// The /embed widget inside another site's iframe: works without cross-origin isolation, runs a
// private session, and speaks its postMessage protocol only with the origins the build allows
// (test/fixtures/e2e-config.json allows http://localhost:*; the app is on 127.0.0.1).
import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseUrl, screenshotPath, useBrowser, withoutHeaders, type Session } from './browser';
import { testocrPng, textPdf } from './fixtures';

type Heard = { type: string; id?: unknown; index?: number; file?: string; status?: string; text?: string; detail?: string; error?: string; job?: { tool?: string; language?: string } };
type W = { heard: Heard[]; ocrchat: { ready: Promise<void>; mode: Promise<string>; private: boolean; fetch: (p: string) => Promise<Response> } };

const allowedOrigin = () => baseUrl().replace('127.0.0.1', 'localhost');
// A loopback name the allowlist does not match: another site, as far as the widget can tell.
const otherOrigin = () => baseUrl().replace('127.0.0.1', 'elsewhere.localhost');

/** A page of `origin` that frames the widget and records every message the widget posts to it. */
async function hostPage(s: Session, origin: string): Promise<{ page: Page; frame: Frame }> {
  const page = await s.context.newPage();
  await page.goto(origin + '/manifest.webmanifest');
  await page.setContent(`<h1>Someone else's site</h1><iframe id="w" src="${baseUrl()}/embed" width="700" height="700"></iframe>
    <script>window.heard = []; addEventListener('message', (e) => { if (e.source === document.getElementById('w').contentWindow) heard.push(e.data); });</script>`);
  const frame = (await (await page.waitForSelector('#w')).contentFrame())!;
  await frame.waitForFunction(() => (window as unknown as Partial<W>).ocrchat !== undefined);
  await frame.evaluate(() => (window as unknown as W).ocrchat.ready);
  return { page, frame };
}

/** Posts `ocrchat:ocr` from the host page: a PNG as {name, type, bytes} and a PDF as a File. */
async function sendFiles(page: Page, message: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    ({ png, pdf, message, target }) => {
      const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const files = [{ name: 'scan.png', type: 'image/png', bytes: bytes(png).buffer }, new File([bytes(pdf)], 'letter.pdf', { type: 'application/pdf' })];
      (document.getElementById('w') as HTMLIFrameElement).contentWindow!.postMessage({ ...message, files }, target);
    },
    { png: testocrPng.toString('base64'), pdf: textPdf(1).toString('base64'), message, target: new URL(baseUrl()).origin },
  );
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as W).heard);
// Checked every 100 ms, not on every animation frame, which would keep the compositor busy
// for the whole read (as openedJob in ui-page.ts).
const results = (page: Page, id: string, n: number) =>
  page.waitForFunction(({ id, n }) => (window as unknown as W).heard.filter((m) => m.type === 'ocrchat:result' && m.id === id).length >= n, { id, n }, { timeout: 120_000, polling: 100 });
const jobsIn = (frame: Frame) => frame.evaluate(async () => ((await (await (window as unknown as W).ocrchat.fetch('/api/v1/ocr/')).json()) as { jobs: unknown[] }).jobs);

describe('embed', () => {
  const s = useBrowser({ allowForeign: true });

  it('an allowed page sends two files with options and hears ready, progress, then both results', async () => {
    const { page, frame } = await hostPage(s, allowedOrigin());
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(false);
    // A private session always: in the page, in memory, whatever storage the iframe may use.
    expect(await frame.evaluate(() => (window as unknown as W).ocrchat.mode)).toBe('in-page');
    expect(await frame.evaluate(() => (window as unknown as W).ocrchat.private)).toBe(true);
    await page.waitForFunction(() => (window as unknown as W).heard.some((m) => m.type === 'ocrchat:ready'));

    await sendFiles(page, { type: 'ocrchat:ocr', version: 1, id: 'req-1', options: { tier: 'cpu', language: 'eng', tool: 'image-to-text' } });
    await results(page, 'req-1', 2);
    const got = (await heard(page)).filter((m) => m.id === 'req-1');
    for (const [index, file, words] of [[0, 'scan.png', /quick brown dog/], [1, 'letter.pdf', /born-digital test document/]] as const) {
      const mine = got.filter((m) => m.index === index);
      const result = mine.find((m) => m.type === 'ocrchat:result')!;
      expect(result).toMatchObject({ file, status: 'done', version: 1 });
      expect(result.text).toMatch(words);
      expect(result.job).toMatchObject({ tool: 'image-to-text', language: 'eng' });
      // Progress first, then the result, and nothing after it.
      expect(mine[0]!.type).toBe('ocrchat:progress');
      expect(mine.at(-1)).toBe(result);
    }
    expect(got.filter((m) => m.type === 'ocrchat:result')).toHaveLength(2);
    await frame.locator('[data-testid="result-text"]').nth(1).waitFor();
    await page.screenshot({ path: screenshotPath('embed-in-iframe') });
  });

  it('bad options answer one ocrchat:error with the API sentence, and make no job', async () => {
    const { page, frame } = await hostPage(s, allowedOrigin());
    await sendFiles(page, { type: 'ocrchat:ocr', id: 'bad-tier', options: { tier: 'gpu' } });
    await sendFiles(page, { type: 'ocrchat:ocr', id: 'bad-language', options: { language: 'klingon' } });
    await sendFiles(page, { type: 'ocrchat:ocr', version: 7, id: 'bad-version' });
    await page.waitForFunction(() => (window as unknown as W).heard.filter((m) => m.type === 'ocrchat:error').length >= 3, undefined, { timeout: 60_000 });
    const errors = (await heard(page)).filter((m) => m.type === 'ocrchat:error');
    expect(errors.find((m) => m.id === 'bad-tier')).toMatchObject({ error: 'bad_tier', detail: 'Unknown tier "gpu"; use "cpu" or "vlm".' });
    expect(errors.find((m) => m.id === 'bad-language')).toMatchObject({ error: 'unknown_language' });
    expect(errors.find((m) => m.id === 'bad-language')!.detail).toMatch(/Unknown language code "klingon"/);
    expect(errors.find((m) => m.id === 'bad-version')).toMatchObject({ error: 'unsupported_version' });
    expect(errors).toHaveLength(3);
    expect((await heard(page)).filter((m) => m.type === 'ocrchat:result' || m.type === 'ocrchat:progress')).toEqual([]);
    expect(await jobsIn(frame)).toEqual([]);
  });

  it("the widget's own picker reads two files with its options and tells an allowed parent", async () => {
    const { page, frame } = await hostPage(s, allowedOrigin());
    await frame.selectOption('[data-testid="tool"]', 'receipt');
    await frame.setInputFiles('[data-testid="file-input"]', [
      { name: 'one.png', mimeType: 'image/png', buffer: testocrPng },
      { name: 'two.pdf', mimeType: 'application/pdf', buffer: textPdf(1) },
    ]);
    await frame.locator('[data-testid="result-text"]').nth(1).waitFor({ timeout: 120_000 });
    const texts = await frame.locator('[data-testid="result-text"]').allTextContents();
    expect(texts.join('\n')).toMatch(/quick brown dog/);
    expect(texts.join('\n')).toMatch(/born-digital test document/);
    await results(page, 'drop-1', 2);
    const got = (await heard(page)).filter((m) => m.type === 'ocrchat:result');
    expect(got.map((m) => m.file).sort()).toEqual(['one.png', 'two.pdf']);
    expect(got.every((m) => m.status === 'done' && m.job?.tool === 'receipt')).toBe(true);
  });

  it('a page of an origin not allowed may not frame the widget where the headers are sent', async () => {
    const page = await s.context.newPage();
    await page.goto(otherOrigin() + '/manifest.webmanifest');
    await page.setContent(`<iframe id="w" src="${baseUrl()}/embed" width="700" height="300"></iframe>`);
    const frame = (await (await page.waitForSelector('#w')).contentFrame())!;
    await page.waitForTimeout(1500);
    expect(await frame.evaluate(() => (window as unknown as Partial<W>).ocrchat !== undefined).catch(() => false)).toBe(false);
  });

  it('a page of an origin not allowed gets no answer, starts no job, and hears nothing of what the widget reads', async () => {
    // A static host that sends no headers: the widget's own allowlist is all that stands.
    const restore = await withoutHeaders(s.context, `${baseUrl()}/embed`, ['content-security-policy']);
    const { page, frame } = await hostPage(s, otherOrigin());
    await restore();
    await sendFiles(page, { type: 'ocrchat:ocr', id: 'sneaky', options: { tier: 'cpu' } });
    await sendFiles(page, { type: 'ocrchat:ocr', id: 'sneaky-bad', options: { tier: 'gpu' } });
    // No answer is the answer: give the widget time to have made one, then look.
    await page.waitForTimeout(3000);
    expect(await jobsIn(frame)).toEqual([]);
    expect(await frame.locator('[data-testid="embed-file"]').count()).toBe(0);
    expect(await frame.getByTestId('embed-privacy').textContent()).toContain(`${otherOrigin()} is not among the sites`);

    // The person using the widget still gets the text; the page around it learns nothing.
    await frame.setInputFiles('[data-testid="file-input"]', [{ name: 'mine.png', mimeType: 'image/png', buffer: testocrPng }]);
    await frame.locator('[data-testid="result-text"]').waitFor({ timeout: 120_000 });
    expect(await frame.locator('[data-testid="result-text"]').textContent()).toMatch(/lazy fox/);
    await page.waitForTimeout(1000);
    expect(await heard(page)).toEqual([]);
  });

  it('the example host page in examples/ reads two files through the widget', async () => {
    const page = await s.context.newPage();
    await page.goto(allowedOrigin() + '/manifest.webmanifest');
    const html = readFileSync('examples/embed-host.html', 'utf8').replace('https://ocr.example.org/embed', `${baseUrl()}/embed`);
    await page.setContent(html);
    await page.locator('#go:not([disabled])').waitFor();
    await page.setInputFiles('#files', [
      { name: 'scan.png', mimeType: 'image/png', buffer: testocrPng },
      { name: 'letter.pdf', mimeType: 'application/pdf', buffer: textPdf(1) },
    ]);
    await page.selectOption('#tier', 'cpu');
    await page.click('#go');
    await page.locator('#results pre:not([hidden])').nth(1).waitFor({ timeout: 120_000 });
    const text = (await page.locator('#results').textContent())!;
    expect(text).toMatch(/quick brown dog/);
    expect(text).toMatch(/born-digital test document/);
    expect(await page.locator('#status').textContent()).not.toMatch(/Unknown|refused/);
  });
});
