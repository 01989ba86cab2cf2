// The translate tool where no translator can run. Headless Chromium here has Chrome's
// Translator API but cannot download a language pair (no network: it answers "downloadable" and
// create() never settles), so a translate job must fail with translator_missing and the sentence
// of what to do, never come back "done" untranslated; a browser without the API gets a 400 at
// once. Nothing here shows a translation being made. The one job that finishes is a page already
// in the target language (English into English), which is its own translation: it drives the
// job's translation fields, the side-by-side view and the translation downloads with a real
// engine, database and exporters.
import { describe, expect, it } from 'vitest';
import { postFile, useBrowser } from './browser';
import { testocrPng } from './fixtures';
import { downloadByButton, pick } from './ui-page';

const DOCS = 'https://developer.chrome.com/docs/ai/translator-api';

describe('the translate tool without a translator', () => {
  const s = useBrowser({ perTest: true });

  it('POST tool=translate into French: refused with translator_missing and what to do, and never done', async () => {
    const page = await s.open('/');
    const hasApi = await page.evaluate(() => typeof (globalThis as { Translator?: unknown }).Translator === 'function');
    const r = await postFile(page, testocrPng, 'letter.png', { tool: 'translate', translate_to: 'fr', language: 'eng' });
    if (!hasApi) {
      // no Translator API: 400 at once, no job
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('translator_missing');
      expect(r.body.detail).toContain("Chrome's built-in Translator API");
      expect(r.body.detail).toContain(DOCS);
      return;
    }
    // the API is there but cannot download the pair: the job fails with the reason
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('failed');
    expect(r.body.error_code).toBe('translator_missing');
    expect(r.body.error).toContain('made no progress');
    expect(r.body.error).toContain(DOCS);
    expect(r.body.translation).toBeUndefined();
  });

  it('the upload screen shows the refusal with a link to what to enable', async () => {
    const page = await s.open('/');
    await page.locator('#tool').selectOption({ label: 'Translate' });
    await page.getByTestId('translate-to').selectOption('fra');
    await pick(page, [{ name: 'letter.png', type: 'image/png', data: testocrPng }]);
    const error = page.getByTestId('upload-error');
    await error.waitFor({ timeout: 150_000 });
    expect(await error.textContent()).toContain('translator');
    const fix = page.getByTestId('upload-error-fix');
    expect(await fix.getAttribute('href')).toBe(DOCS);
    expect(await fix.textContent()).toContain('Translator');
  });

  it('a page already in the target language is its own translation: the job carries it, the view shows both, the download gives it', async () => {
    const page = await s.open('/');
    const r = await postFile(page, testocrPng, 'letter.png', { tool: 'translate', translate_to: 'en', language: 'eng' });
    expect(r.status).toBe(200);
    const job = r.body;
    expect(job.status).toBe('done');
    expect(job.text).toContain('quick brown');
    expect(job.translation).toEqual({ language: 'en', text: job.text, markdown: job.markdown });
    expect(job.pages[0].translation).toEqual({ text: job.pages[0].text, markdown: job.pages[0].markdown });

    await page.goto(new URL(`/#/job/${job.uuid}`, page.url()).href);
    await page.getByTestId('side-by-side').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('translation-text').textContent()).toContain('quick brown');
    const saved = await downloadByButton(page, 'translation-txt');
    expect(saved.name).toBe('letter-en.txt');
    expect(saved.bytes.toString('utf8')).toBe(job.translation.text);
    const pdf = await page.evaluate(async (id) => (await fetch(`/api/v1/ocr/${id}/download/?format=pdf&translation=1`)).status, job.uuid);
    expect(pdf).toBe(400);
  });
});
