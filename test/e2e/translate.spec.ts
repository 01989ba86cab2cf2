// The translate tool where no translator can run. Headless Chromium here has Chrome's
// Translator API but cannot download a language pair (no network: it answers "downloadable" and
// create() never settles), so a translate job must fail with translator_missing and the sentence
// of what to do, never come back "done" untranslated; a browser without the API gets a 400 at
// once. Nothing here shows a translation being made. The one job that finishes is a page already
// in the target language (English into English), which is its own translation: it drives the
// job's translation fields, the side-by-side view and the translation downloads with a real
// engine, database and exporters.
import { describe, expect, it } from 'vitest';
import { baseUrl, postFile, screenshotPath, useBrowser } from './browser';
import { testocrPng } from './fixtures';
import { downloadByButton, openedJob, pick } from './ui-page';
import { unzip } from '../unit/export/support/zip';

const DOCS = 'https://developer.chrome.com/docs/ai/translator-api';

describe('the translate tool without a translator', () => {
  // Each test that asks Chrome's Translator for English into French has a browser of its own:
  // a pair it was asked for before may be "downloading" there, which the app waits out for
  // 15 minutes. The English page read into English never asks it, so it shares the first one.
  const s = useBrowser();

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
    // the API is there but cannot download the pair: the job fails with the reason. Either the
    // download started and made no progress, or Chrome refused to start it: the click a download
    // needs is honoured only for a few seconds, which a loaded test machine can outlast (main's
    // code fails the same way there).
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('failed');
    expect(r.body.error_code).toBe('translator_missing');
    expect(r.body.error).toMatch(/made no progress|only in answer to a click/);
    // and it names the translation model that would do it here, and where
    expect(r.body.error).toContain('OPUS-MT English → French');
    expect(r.body.error).toContain('Settings → Models');
    expect(r.body.error).toContain(DOCS);
    expect(r.body.translation).toBeUndefined();
    // Its window asked Chrome for the pair: it hosts no job of the next test.
    await page.close();
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

describe('the translate tool without a translator', () => {
  const s = useBrowser();

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
    // and where a translation model is downloaded instead
    expect(await page.getByTestId('upload-error-also').getAttribute('href')).toBe('#/settings/models');
  });
});

describe('the translate tool with a downloaded translation model (transformers.js)', () => {
  // The model is a tiny Marian in OPUS-MT's layout (test/fixtures/tiny-models/translator.mjs:
  // config, sentencepiece-style tokenizer, 8-bit encoder and merged decoder with its cache) whose
  // decoder writes "petits mots traduits" for any text: the real weights are on a hub the tests
  // cannot reach. Headless Chromium's Translator answers "downloadable" and never downloads, so
  // the model on the device goes first: this is the transformers.js path end to end.
  const s = useBrowser();
  const WORDS = 'petits mots traduits';

  it('without Chrome’s Translator and without the model, the POST names the model to download and where', async () => {
    const page = await s.open('/');
    // This browser's Translator hidden, as in Firefox or Safari: only a downloaded model could translate.
    await page.evaluate(() => delete (globalThis as { Translator?: unknown }).Translator);
    const r = await postFile(page, testocrPng, 'letter.png', { tool: 'translate', translate_to: 'fr', language: 'eng' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('translator_missing');
    expect(r.body.detail).toContain('OPUS-MT English → French');
    expect(r.body.detail).toContain('Settings → Models');
    // Its window has no Translator: it hosts no job of the next test.
    await page.close();
  });

  it('downloaded from the upload screen, it translates a picked image: stored, shown side by side, downloaded as txt and docx', async () => {
    const page = await s.open('/#/settings');
    await page.getByTestId('vlm-models').waitFor();
    await page.getByTestId('vlm-model-host').fill(`${baseUrl()}/__test-models/`);
    await page.getByTestId('save-vlm-model-host').click();
    await page.getByText(`Models are downloaded from ${baseUrl()}/__test-models/`).waitFor();

    // The upload screen: English into French with the Translate tool offers the pair's model.
    await page.goto(`${baseUrl()}/`);
    await page.locator('#language').fill('English');
    await page.getByRole('option', { name: 'English (eng)' }).click();
    await page.locator('#language').blur();
    await page.getByTestId('tool').selectOption('translate');
    await page.getByTestId('translate-to').selectOption('fra');
    const needs = page.getByTestId('tool-needs');
    const offered = needs.getByTestId('tool-model-test-tiny-translator');
    await offered.waitFor();
    // only models into French from English are offered (not OPUS-MT English → German)
    expect(await needs.getByTestId('tool-model-opus-mt-en-de').count()).toBe(0);
    await needs.getByTestId('tool-model-opus-mt-en-fr').getByText(/Download \(about \d+ MB\)/).waitFor();
    await offered.getByTestId('tool-model-download').click();
    await offered.getByTestId('tool-model-installed').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('translate-model-offered') });

    // A person picks the file: the job reads it, then the model translates it.
    await pick(page, [{ name: 'letter.png', type: 'image/png', data: testocrPng }]);
    const uuid = await openedJob(page);
    const job = await page.evaluate(async (id) => (await fetch(`/api/v1/ocr/${id}/`)).json(), uuid);
    expect(job.status, String(job.error ?? '')).toBe('done');
    expect(job.text).toContain('quick brown');
    expect(job.translation.language).toBe('fr');
    // every paragraph of the page is translated (the tiny model writes the same words for each)
    const paragraphs = (job.translation.text as string).split(/\n\s*\n/).filter((p) => p.trim());
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(p.trim()).toBe(WORDS);
    expect(job.pages[0].translation.text).toBe(job.translation.text);
    expect(job.pages[0].translation.markdown).toContain(WORDS);
    expect(job.translation.text).not.toContain('quick');

    // Shown side by side, and still there after a reload (stored in IndexedDB).
    await page.getByTestId('side-by-side').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('translation-text').textContent()).toContain(WORDS);
    await page.reload();
    await page.getByTestId('side-by-side').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('translation-text').textContent()).toContain(WORDS);
    await page.screenshot({ path: screenshotPath('translate-side-by-side-model') });

    // Downloaded as a person does, and opened.
    const txt = await downloadByButton(page, 'translation-txt');
    expect(txt.name).toBe('letter-fr.txt');
    expect(txt.bytes.toString('utf8')).toBe(job.translation.text);
    const docx = await downloadByButton(page, 'translation-docx');
    expect(docx.name).toBe('letter-fr.docx');
    const xml = unzip(docx.bytes).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain(WORDS);
    expect(xml).not.toContain('quick brown');

    // Settings → Models says it was checked against its SHA-256.
    await page.goto(`${baseUrl()}/#/settings`);
    await page.getByTestId('vlm-model-test-tiny-translator').getByText('checked against its SHA-256').waitFor();
    await page.close();
  });
});
