// Settings → Models and the tools that need a model: the list with sizes, a download from a
// self-hosted folder (the test build registers the PP-OCRv4 files the app serves under
// /vendor/models/ as a host's model) with progress to 100%, the SHA-256 check refusing a
// file that does not match, delete; and handwriting-to-text / math failing at once, naming
// the model to download, when it is not on the device.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { baseUrl, postFile, screenshotPath, useBrowser } from './browser';

const testocr = readFileSync('test/fixtures/testocr.png');
const MODEL_CACHE = 'ocrchat-models-v1';

/** What Cache Storage holds under a key: its size, or null. */
const cached = (page: Page, cache: string, path: string) =>
  page.evaluate(
    async ({ cache, path }) => {
      const res = await (await caches.open(cache)).match(new URL(path, location.href).href);
      return res ? (await res.arrayBuffer()).byteLength : null;
    },
    { cache, path },
  );

/** Settings → Models: where models are downloaded from ('' for the default host). */
async function setHost(page: Page, url: string): Promise<void> {
  await page.getByTestId('vlm-model-host').fill(url);
  await page.getByTestId('save-vlm-model-host').click();
  if (url) await page.getByText(`Models are downloaded from ${url}`).waitFor();
}

/** Downloads a model from the Settings list and waits until it is installed. */
async function install(page: Page, id: string): Promise<void> {
  await page.getByTestId(`download-vlm-model-${id}`).click();
  await page.getByTestId(`vlm-model-${id}`).getByTestId('vlm-model-installed').waitFor({ timeout: 60_000 });
}

/** Deletes a model from the Settings list and waits until it can be downloaded again. */
async function uninstall(page: Page, id: string): Promise<void> {
  await page.getByTestId(`delete-vlm-model-${id}`).click();
  await page.getByTestId(`download-vlm-model-${id}`).waitFor();
}

describe('models', () => {
  const s = useBrowser();

  it('Settings lists the models with their sizes and what they need', async () => {
    const page = await s.open('/#/settings');
    const list = page.getByTestId('vlm-models');
    await list.waitFor();
    const pp = page.getByTestId('vlm-model-ppocr-v4');
    await pp.getByText('comes with the app', { exact: true }).waitFor();
    expect(await pp.getByTestId('vlm-model-size').textContent()).toBe('23 MB'); // the float recogniser (WebGPU) and its 8-bit rewrite (WASM) both, in decimal MB
    expect(await page.getByTestId('vlm-model-trocr-small-handwritten').getByTestId('vlm-model-size').textContent()).toMatch(/^about 6\d MB$/);
    expect(await page.getByTestId('vlm-model-texify').getByTestId('vlm-model-size').textContent()).toMatch(/^about \d{3} MB$/);
    const docling = page.getByTestId('vlm-model-granite-docling-258m');
    await docling.getByText('needs WebGPU', { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('settings-models'), fullPage: true });
    await page.close();
  });

  it('downloads a model from a self-hosted folder with progress to 100%, refuses a bad hash, deletes', async () => {
    const page = await s.open('/#/settings');
    await page.getByTestId('vlm-models').waitFor();
    // The folder holds <repo>/<file>: here the app's own /vendor/models/ppocr-v4/.
    await setHost(page, `${baseUrl()}/vendor/models/`);
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { pcts: string[] }).pcts = []);
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="vlm-model-test-ppocr-mirror"] [data-testid="vlm-model-pct"]')?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const files: string[] = [];
    page.on('request', (r) => files.push(new URL(r.url()).pathname));
    const mirror = page.getByTestId('vlm-model-test-ppocr-mirror');
    await page.getByTestId('download-vlm-model-test-ppocr-mirror').click();
    await mirror.getByTestId('vlm-model-installed').waitFor({ timeout: 60_000 });
    const pcts = await page.evaluate(() => (window as unknown as { pcts: string[] }).pcts);
    expect(pcts.at(-1)).toBe('100%');
    expect(pcts.length).toBeGreaterThan(1);
    expect(files).toContain('/vendor/models/ppocr-v4/ch_PP-OCRv4_rec_infer.onnx');
    await mirror.getByText('checked against its SHA-256').waitFor();
    expect(await cached(page, MODEL_CACHE, '/model-files/ppocr-v4/main/ch_PP-OCRv4_rec_infer.onnx')).toBe(10_822_323);
    expect(await cached(page, MODEL_CACHE, '/model-files/ppocr-v4/main/ppocr_keys_v1.txt')).toBe(26_249);

    // Same file, a registry hash that does not match: refused, nothing kept.
    const corrupt = page.getByTestId('vlm-model-test-corrupt');
    await page.getByTestId('download-vlm-model-test-corrupt').click();
    const error = corrupt.getByTestId('vlm-model-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/ppocr_keys_v1\.txt does not match its published SHA-256.*nothing was kept/);
    expect(await cached(page, MODEL_CACHE, '/model-files/ppocr-v4/corrupt-test/ppocr_keys_v1.txt')).toBeNull();
    await corrupt.getByTestId('download-vlm-model-test-corrupt').waitFor();

    // Still installed after a reload; delete removes every file from Cache Storage.
    await page.reload();
    await mirror.getByTestId('vlm-model-installed').waitFor();
    await uninstall(page, 'test-ppocr-mirror');
    for (const f of ['ch_PP-OCRv4_det_infer.onnx', 'ch_ppocr_mobile_v2.0_cls_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt']) {
      expect(await cached(page, MODEL_CACHE, `/model-files/ppocr-v4/main/${f}`)).toBeNull();
    }
    await setHost(page, '');
    await page.close();
  });

  it('downloads the built-in PP-OCRv4 for offline use, checked against its SHA-256', async () => {
    const page = await s.open('/#/settings');
    const pp = page.getByTestId('vlm-model-ppocr-v4');
    // The self-hosted test above fetched the same URLs, so the service worker already keeps them.
    const del = page.getByTestId('delete-vlm-model-ppocr-v4');
    await del.or(page.getByTestId('download-vlm-model-ppocr-v4')).waitFor();
    if (await del.isVisible()) await del.click();
    await page.getByTestId('download-vlm-model-ppocr-v4').click();
    await pp.getByTestId('vlm-model-installed').waitFor({ timeout: 60_000 });
    await pp.getByText('checked against its SHA-256').waitFor();
    expect(await cached(page, 'ocrchat-engines-v1', '/vendor/models/ppocr-v4/ch_PP-OCRv4_det_infer.onnx')).toBe(4_745_517);
    await page.close();
  });

  it('handwriting-to-text, math and other scripts without their models: the job fails at once, naming what to download', async () => {
    const page = await s.open('/');
    for (const [tool, model] of [['handwriting-to-text', /TrOCR small, handwritten/], ['math', /Texify/]] as const) {
      const t0 = Date.now();
      const { status, body } = await postFile(page, testocr, 'notes.png', { tool });
      const ms = Date.now() - t0;
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'failed', tier: 'vlm' });
      expect(body.error).toMatch(model);
      expect(body.error).toMatch(/not on this device: download .* in Settings → Models/);
      expect(body.pages[0].error).toBe(body.error);
      // Fails fast: no model is loaded, no page is recognised first.
      expect(ms).toBeLessThan(10_000);
    }
    // A script PP-OCRv4 does not read: its recogniser is named the same way.
    const ru = await postFile(page, testocr, 'letter.png', { tier: 'vlm', language: 'ru' });
    expect(ru.status).toBe(200);
    expect(ru.body).toMatchObject({ status: 'failed', tier: 'vlm' });
    expect(ru.body.error).toMatch(/Reading Cyrillic on the vlm tier needs “PP-OCRv5 Cyrillic recogniser \(PaddleOCR\)”, which is not on this device: download it in Settings → Models/);
    await page.close();
  });

  it('an installed recogniser of another script is what the vlm tier reads that script with', async () => {
    // The test entry registers PP-OCRv4's own recogniser, from a self-hosted folder, as the
    // recogniser of Japanese (a script PP-OCRv4 is not used for): a real model, read from
    // Cache Storage by the vlm worker in place of the built-in one.
    const page = await s.open('/#/settings');
    await page.getByTestId('vlm-models').waitFor();
    const before = await postFile(page, testocr, 'jp.png', { tier: 'vlm', language: 'ja' });
    expect(before.body).toMatchObject({ status: 'failed', tier: 'vlm' });
    expect(before.body.error).toMatch(/Reading Japanese \(test\) on the vlm tier needs “PP-OCRv4's recogniser as a script's recogniser \(test entry\)”, which is not on this device/);
    await setHost(page, `${baseUrl()}/vendor/models/`);
    await install(page, 'test-script-mirror');
    const after = await postFile(page, testocr, 'jp.png', { tier: 'vlm', language: 'ja' });
    expect(after.body.status, String(after.body.error ?? '')).toBe('done');
    expect(after.body.text).toMatch(/quick brown (dog|fox)/);
    await uninstall(page, 'test-script-mirror');
    await setHost(page, '');
    await page.close();
  });

  it('handwriting-to-text and math read with an installed image-to-text model, through transformers.js; one that needs WebGPU fails at once without it', async () => {
    // The test entry is a tiny model in TrOCR's layout (config, processor, tokenizer,
    // encoder and merged decoder with its cache) whose decoder writes "tiny reader words"
    // for any image: the real TrOCR and Texify weights are on a hub the tests cannot reach.
    const page = await s.open('/#/settings');
    await page.getByTestId('vlm-models').waitFor();
    await setHost(page, `${baseUrl()}/__test-models/`);
    // The tool says before the upload what it does and needs, and offers the model's download there.
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('tool').selectOption('handwriting-to-text');
    const needs = page.getByTestId('tool-needs');
    await needs.getByText('Runs on the Accurate engine').waitFor();
    await needs.getByText('Needs this model on this device').waitFor();
    expect(await page.locator('input[name=tier][value=vlm]').isChecked()).toBe(true);
    const offered = needs.getByTestId('tool-model-test-tiny-reader');
    await offered.getByTestId('tool-model-download').click();
    await offered.getByTestId('tool-model-installed').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('tool-needs-installed') });
    await page.goto(`${baseUrl()}/#/settings`);
    await page.getByTestId('vlm-model-test-tiny-reader').getByText('checked against its SHA-256').waitFor();
    // Each line PP-OCRv4 finds on the page is re-read by the model.
    const hw = await postFile(page, testocr, 'notes.png', { tool: 'handwriting-to-text' });
    expect(hw.body.status, String(hw.body.error ?? '')).toBe('done');
    expect(hw.body.tier).toBe('vlm');
    const lines = (hw.body.text as string).split('\n').filter((l) => l.trim());
    expect(lines.length).toBeGreaterThanOrEqual(4); // testocr.png has six lines of type
    for (const line of lines) expect(line.trim()).toBe('tiny reader words');
    const words = hw.body.pages[0].blocks.flatMap((b: { lines: { words: { text: string; confidence: number }[] }[] }) => b.lines.flatMap((l) => l.words));
    expect(words.map((w: { text: string }) => w.text).slice(0, 3)).toEqual(['tiny', 'reader', 'words']);
    // The confidence is the chosen tokens' mean probability, not a constant.
    for (const w of words) expect(w.confidence).toBeGreaterThan(0.9);
    for (const w of words) expect(w.confidence).toBeLessThan(1);
    // Math reads each block of the page with the same model.
    const math = await postFile(page, testocr, 'formula.png', { tool: 'math' });
    expect(math.body.status, String(math.body.error ?? '')).toBe('done');
    expect(math.body.text).toContain('tiny reader words');
    await uninstall(page, 'test-tiny-reader');
    // The same model marked as needing WebGPU, on this browser without it: the job fails at once, saying so.
    await install(page, 'test-tiny-reader-gpu');
    const t0 = Date.now();
    const gpu = await postFile(page, testocr, 'notes.png', { tool: 'handwriting-to-text' });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(gpu.body.status).toBe('failed');
    expect(gpu.body.error).toMatch(/Handwriting to text needs The tiny image-to-text model, marked as needing WebGPU \(test entry\), which runs only on WebGPU, and this browser offers no WebGPU adapter/);
    await uninstall(page, 'test-tiny-reader-gpu');
    await setHost(page, '');
    await page.close();
  });

  it('image-to-markdown on the vlm tier hands the page to an installed page model, whose DocTags keep their structure', async () => {
    // The test entry is a tiny Idefics3 model in granite-docling's layout (processor with a
    // chat template, vision encoder, token embeddings, decoder with its cache) that writes one
    // DocTags page for any image: a heading, a paragraph and a table.
    const page = await s.open('/#/settings');
    await page.getByTestId('vlm-models').waitFor();
    // Without it, PP-OCRv4 reads the page.
    const before = await postFile(page, testocr, 'page.png', { tier: 'vlm', tool: 'image-to-markdown' });
    expect(before.body.status).toBe('done');
    expect(before.body.text).toMatch(/quick brown/);
    await setHost(page, `${baseUrl()}/__test-models/`);
    await install(page, 'test-tiny-docling');
    const after = await postFile(page, testocr, 'page.png', { tier: 'vlm', tool: 'image-to-markdown' });
    expect(after.body.status, String(after.body.error ?? '')).toBe('done');
    expect(after.body.markdown).toBe('## Tiny Report\n\ntiny page words\n\n| Item | Price |\n| --- | --- |\n| Tea | 3.50 |');
    const p0 = after.body.pages[0];
    expect(p0.blocks.map((b: { kind: string }) => b.kind)).toEqual(['heading', 'paragraph', 'table']);
    expect(p0.tables[0].rows).toEqual([['Item', 'Price'], ['Tea', '3.50']]);
    // DocTags locations (0..500) in the page's pixels: loc_50..loc_450 across, loc_40..loc_60 down.
    const [x0, y0, x1, y1] = p0.blocks[0].bbox;
    expect([x0, x1]).toEqual([Math.round(p0.width / 10), Math.round((p0.width * 9) / 10)]);
    expect([y0, y1]).toEqual([Math.round((p0.height * 40) / 500), Math.round((p0.height * 60) / 500)]);
    expect(p0.confidence).toBeGreaterThan(0.9);
    await uninstall(page, 'test-tiny-docling');
    await setHost(page, '');
    await page.close();
  });
});
