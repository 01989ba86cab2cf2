// The /embed widget inside another site's iframe: works without cross-origin isolation,
// OCRs a file and tells the parent page the result.
import { describe, expect, it } from 'vitest';
import { baseUrl, screenshotPath, useBrowser } from './browser';
import { testocrPng } from './fixtures';

describe('embed', () => {
  const s = useBrowser({ allowForeign: true });

  it('an iframe of /embed on another page OCRs a file and posts the text to its parent', async () => {
    const page = await s.context.newPage();
    // Another origin on this machine (localhost vs 127.0.0.1): a public page may not frame a loopback one.
    await page.goto(baseUrl().replace('127.0.0.1', 'localhost') + '/manifest.webmanifest');
    await page.setContent(`<h1>Someone else's site</h1><iframe id="w" src="${baseUrl()}/embed" width="600" height="500"></iframe>
      <script>window.results = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'ocrchat:result') results.push(e.data); });</script>`);
    const frame = page.frameLocator('#w');
    const handle = await page.waitForSelector('#w');
    const f = (await handle.contentFrame())!;
    await f.waitForFunction(() => (window as unknown as { ocrchat?: unknown }).ocrchat !== undefined);
    await f.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
    expect(await f.evaluate(() => crossOriginIsolated)).toBe(false);
    // Headless Chromium blocks third-party storage here: the widget then runs the API in the page, in memory.
    const mode = await f.evaluate(() => (window as unknown as { ocrchat: { mode: Promise<string> } }).ocrchat.mode);
    expect(['service-worker', 'in-page']).toContain(mode);
    await frame.locator('[data-testid="file-input"]').setInputFiles({ name: 'testocr.png', mimeType: 'image/png', buffer: testocrPng });
    await frame.locator('[data-testid="result-text"]').waitFor({ timeout: 90_000 });
    expect(await frame.locator('[data-testid="result-text"]').textContent()).toMatch(/quick brown dog/);
    const results = await page.waitForFunction(() => (window as unknown as { results: { text: string }[] }).results.length > 0 && (window as unknown as { results: unknown[] }).results);
    const got = (await results.jsonValue()) as { status: string; text: string }[];
    expect(got[0]!.status).toBe('done');
    expect(got[0]!.text).toMatch(/lazy fox/);
    await page.screenshot({ path: screenshotPath('embed-in-iframe') });
  });
});
