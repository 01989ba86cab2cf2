// Languages as people meet them: the picker offers only what this deployment can provide; a
// language that cannot be had fails its job at once, saying so, and breaks nothing after it;
// a language source set in Settings is used, its downloads checked (a web page is never kept
// as a language), shown with progress, kept for offline use and reported truthfully.
// The test server's /__test-langs/ is the source (test/e2e/global-setup.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, postFile, useBrowser } from './browser';
import { testocrPng } from './fixtures';
import { fullShot, openedJob, pick, png } from './ui-page';

/** POSTs testocr.png in `language`, failing the test if the answer takes longer than `ms`. */
async function ocrIn(page: Page, language: string, ms = 60_000) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer for language=${language} within ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([postFile(page, testocrPng, 'testocr.png', { language, tier: 'cpu' }), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What Cache Storage holds at a language's URL: null, or its first two bytes in hex. */
const cachedHead = (page: Page, code: string) =>
  page.evaluate(async (code) => {
    const res = await caches.match(new URL(`/vendor/lang/${code}.traineddata.gz`, location.href).href);
    if (!res) return null;
    const b = new Uint8Array(await res.arrayBuffer());
    return Array.from(b.subarray(0, 2), (x) => x.toString(16).padStart(2, '0')).join('');
  }, code);

/** Remembers, in the page, whether text matching `pattern` was ever shown (a download's progress comes and goes). */
const watchFor = (page: Page, name: string, pattern: string) =>
  page.evaluate(
    ({ name, pattern }) => {
      const seen = ((window as unknown as { seen?: Record<string, boolean> }).seen ??= {});
      const re = new RegExp(pattern);
      new MutationObserver(() => {
        if (re.test(document.body.innerText)) seen[name] = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { name, pattern },
  );
const wasSeen = (page: Page, name: string) => page.evaluate((name) => !!(window as unknown as { seen?: Record<string, boolean> }).seen?.[name], name);

describe('languages', () => {
  const s = useBrowser();

  it('without a language source the picker offers only the app’s languages; a job in another fails within seconds, saying so, and later jobs finish', async () => {
    const page = await s.open('/');
    const input = page.locator('#language');
    await input.click();
    await input.fill('Ancient');
    await page.getByRole('option', { name: /No language matches/ }).waitFor();
    await input.fill('Greek');
    await page.getByRole('option', { name: /No language matches/ }).waitFor();
    await input.fill('germ');
    await page.getByRole('option', { name: 'German (deu)' }).click();
    await page.getByRole('button', { name: 'Remove German (deu)' }).waitFor();

    // A script asks for it anyway: the job fails, named and explained, and is not charged.
    const failed = await ocrIn(page, 'grc', 30_000);
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.error).toMatch(/^Ancient Greek \(grc\) is not available on this app's server and no language source is set: .*Settings → Languages.*administrator/);
    const again = await page.evaluate(async (uuid) => (await fetch(`/api/v1/ocr/${uuid}/`)).json(), failed.body.uuid as string);
    expect(again.status).toBe('failed');
    // The person who opens it reads the sentence and follows its link to where languages are set.
    await page.goto(`${baseUrl()}/#/job/${failed.body.uuid}`);
    await page.getByRole('alert').filter({ hasText: 'Ancient Greek (grc)' }).first().waitFor();
    await page.getByRole('link', { name: 'Open Settings → Languages' }).first().click();
    await page.waitForFunction(() => location.hash === '#/settings/languages');
    await page.goto(`${baseUrl()}/#/`);
    await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);

    const german = await ocrIn(page, 'deu');
    expect(german.body.status).toBe('done');
    expect(german.body.text).toMatch(/quick brown/);

    // Nor does it break the next visit.
    await page.reload();
    await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
    expect((await ocrIn(page, 'grc', 30_000)).body.status).toBe('failed');
    expect((await ocrIn(page, 'eng')).body.status).toBe('done');
    await page.close();
  });

  it('a language source set in Settings: a web page is refused with a sentence, real traineddata is downloaded with progress, kept, read by a job, and offline after', async () => {
    const page = await s.open('/#/settings');
    const installed = page.getByTestId('installed-languages');
    await installed.getByTestId('lang-deu').waitFor();
    // A web page kept under a language's URL by an older version is not "saved".
    await page.evaluate(async () => {
      const cache = await caches.open('ocrchat-engines-v1');
      await cache.put(new URL('/vendor/lang/ell.traineddata.gz', location.href).href, new Response('<!doctype html><html></html>', { headers: { 'Content-Type': 'text/html' } }));
    });

    await page.getByTestId('language-source').fill('/__test-langs/');
    await page.getByTestId('save-language-source').click();
    await page.getByText(/Other languages are fetched from http:\/\/127\.0\.0\.1:\d+\/__test-langs\//).waitFor();
    await page.getByText(/From the language source: \d+ more languages/).click();
    const search = page.getByPlaceholder('Search by name or code');

    await search.fill('Greek');
    const greek = page.getByTestId('lang-ell');
    await page.getByTestId('download-lang-ell').click();
    await page.getByTestId('lang-error-ell').filter({ hasText: /Greek \(ell\) could not be had: .*ell\.traineddata\.gz answered a web page \(HTML\), not traineddata/ }).waitFor();
    expect(await greek.getByText('✓ Offline').count()).toBe(0);
    expect(await cachedHead(page, 'ell')).toBeNull();

    await search.fill('grc');
    await watchFor(page, 'grc-progress', 'Downloading|\\d+%');
    await page.evaluate(() => {
      const seen = ((window as unknown as { seen?: Record<string, boolean> }).seen ??= {});
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="lang-grc"] progress')) seen.bar = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByTestId('download-lang-grc').click();
    await page.getByTestId('saved-grc').waitFor({ timeout: 60_000 });
    expect(await wasSeen(page, 'bar')).toBe(true);
    expect(await cachedHead(page, 'grc')).toBe('1f8b');
    await fullShot(page, 'languages-settings');

    // Traineddata that passes the check but is cut short: Tesseract cannot start with it. The
    // job fails with the reason (no worker waits for ever), and the next job is read.
    const broken = await ocrIn(page, 'hat');
    expect(broken.body.status).toBe('failed');
    expect(broken.body.error).toMatch(/Tesseract could not start with hat/);
    expect((await ocrIn(page, 'eng')).body.status).toBe('done');

    // The picker offers the source's languages now; a job in one downloads it, saying so.
    await page.goto(page.url().replace(/#.*/, '#/'));
    const input = page.locator('#language');
    await input.click();
    await input.fill('Latin');
    await page.getByRole('option', { name: 'Latin (lat)' }).click();
    await input.blur();
    await watchFor(page, 'lat-note', 'Downloading Latin \\(lat\\): \\d+% of');
    await pick(page, [png('latin.png')]);
    await openedJob(page);
    expect(await page.getByTestId('result-text').textContent()).toMatch(/quick brown/);
    expect(await wasSeen(page, 'lat-note')).toBe(true);
    expect(await cachedHead(page, 'lat')).toBe('1f8b');

    // Offline: Settings says what is on this device, and a job in a downloaded language runs.
    await page.evaluate(() => (window as unknown as { ocrchat: { offlineReady?: Promise<void> } }).ocrchat.offlineReady);
    await s.context.setOffline(true);
    try {
      await page.evaluate(() => (location.hash = '#/settings'));
      await page.reload();
      await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
      await installed.getByTestId('lang-eng').getByText('✓ Offline').waitFor();
      expect(await installed.locator('li').count()).toBeGreaterThanOrEqual(10);
      await page.getByText(/From the language source: \d+ more languages/).click();
      await page.getByPlaceholder('Search by name or code').fill('grc');
      await page.getByTestId('saved-grc').waitFor();
      const offline = await ocrIn(page, 'grc');
      expect(offline.body.status).toBe('done');
      expect(offline.body.text).toMatch(/quick brown/);
    } finally {
      await s.context.setOffline(false);
    }
    await page.getByTestId('lang-grc').getByRole('button', { name: /Remove/ }).click();
    await page.getByTestId('download-lang-grc').waitFor();
    expect(await cachedHead(page, 'grc')).toBeNull();
    await page.close();
  });
});
