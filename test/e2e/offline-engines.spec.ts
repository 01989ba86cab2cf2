// Offline, both engines, as a person uses them. A first visit keeps the Fast tier and the
// language list; the Accurate (vlm) tier is kept after its first page, so after going offline
// and reloading it reads again; before that, offline, it fails at once naming what to
// download, with a link to Settings → Models. Settings says truthfully, online and offline,
// what is on this device, and loads no code it cannot have.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath, useBrowser, type Session } from './browser';
import { openedJob, pick, png } from './ui-page';

type Ocrchat = { ocrchat: { ready: Promise<void>; offlineReady: Promise<void> } };
const ready = (page: Page) => page.evaluate(() => (window as unknown as Ocrchat).ocrchat.ready);
const offlineReady = (page: Page) => page.evaluate(() => (window as unknown as Ocrchat).ocrchat.offlineReady);
const goHash = (page: Page, hash: string) => page.goto(new URL(`/${hash}`, page.url()).href);

/** Home → Accurate tier → pick testocr.png. */
async function submitAccurate(page: Page): Promise<void> {
  await goHash(page, '#/');
  await page.getByTestId('tier').getByText('Accurate').click();
  await pick(page, [png()]);
}

/** What goes wrong in the page: uncaught errors and failed requests (workers' too). */
function watchFailures(page: Page): { errors: string[]; requests: string[] } {
  const seen = { errors: [] as string[], requests: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('requestfailed', (r) => seen.requests.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`));
  return seen;
}

/** At #/settings/models, scrolled so the Models section's top is in view below the sticky header. */
async function inModels(page: Page): Promise<void> {
  await page.waitForFunction(() => location.hash === '#/settings/models');
  const models = page.locator('#models');
  await models.waitFor();
  await page.waitForFunction(() => {
    const top = document.getElementById('models')!.getBoundingClientRect().top;
    return top >= 0 && top < 200;
  });
}

async function offline<T>(s: Session, run: () => Promise<T>): Promise<T> {
  await s.context.setOffline(true);
  try {
    return await run();
  } finally {
    await s.context.setOffline(false);
  }
}

// One browser for both: the first test is its first visit and never gets the Accurate tier's
// files (it is offline when it asks for them); the second reads with that tier online itself
// before it goes offline.
const s = useBrowser();

describe('offline after a first visit, before the Accurate tier was ever used', () => {
  it('Settings says what is on this device and fails no import; the Accurate tier says what to download and links there', async () => {
    const page = await s.open('/#/settings');
    await offlineReady(page);
    const state = page.getByTestId('vlm-offline-state');
    await state.waitFor();
    expect(await state.textContent()).toMatch(/not saved for offline use yet/);
    await offline(s, async () => {
      const seen = watchFailures(page);
      await page.reload();
      await ready(page);
      // The languages that came with the app are listed, and English is kept.
      await page.getByTestId('lang-eng').waitFor();
      expect(await page.getByTestId('lang-eng').textContent()).toMatch(/Offline/);
      expect(await page.getByTestId('installed-languages').locator('li').count()).toBeGreaterThan(2);
      // Models: the truth, the same as online.
      await state.waitFor();
      expect(await state.textContent()).toMatch(/not saved for offline use yet/);
      await page.getByTestId('vlm-model-ppocr-v4').getByTestId('download-vlm-model-ppocr-v4').waitFor();
      // Chat models: no chat model was ever downloaded, so web-llm's code is not needed to say so.
      await page.getByTestId('chat-model-Qwen2.5-0.5B-Instruct-q4f16_1-MLC').waitFor();
      await page.waitForTimeout(500);
      expect(await page.getByTestId('chat-models-unchecked').count()).toBe(0);
      expect(seen.errors).toEqual([]);
      expect(seen.requests.filter((r) => /\/assets\//.test(r))).toEqual([]);
      await page.locator('#models').screenshot({ path: screenshotPath('offline-settings-models') });

      // web-llm has kept something (a chat model), but its code was never loaded here, so it
      // cannot be fetched offline: the section says so instead of failing an import.
      await page.evaluate(() => caches.open('webllm/config'));
      await page.reload();
      await ready(page);
      const unchecked = page.getByTestId('chat-models-unchecked');
      await unchecked.waitFor();
      expect(await unchecked.textContent()).toMatch(/cannot be checked now/);
      expect(await page.getByTestId('chat-model-Qwen2.5-0.5B-Instruct-q4f16_1-MLC').textContent()).toMatch(/Not known offline/);
      expect(seen.errors).toEqual([]);
      await page.evaluate(() => caches.delete('webllm/config'));

      // Reading with the Accurate tier fails at once, naming what to download, with a link there:
      // in the upload's row, and on the job's own page.
      await submitAccurate(page);
      const error = page.getByTestId('upload-error');
      await error.waitFor({ timeout: 60_000 });
      const text = (await error.textContent()) ?? '';
      expect(text).toMatch(/PP-OCRv4 text detection, line orientation and recognition” \(23 MB\)/);
      expect(text).toMatch(/ONNX Runtime Web, WASM build” \(14 MB\)/);
      expect(text).toMatch(/not on this device.*Download them in Settings → Models while online/);
      await page.getByTestId('upload-error-fix').click();
      await inModels(page);
      await page.goBack();
      await page.getByTestId('history-item').first().locator('a.open').click();
      await page.getByTestId('job-error').waitFor();
      expect(await page.getByTestId('job-error').textContent()).toContain(text.replace(/\s*Open Settings → Models$/, '').trim());
      await page.getByTestId('job-error-fix').click();
      await inModels(page);
    });
    await page.close();
  });
});

describe('the Accurate tier offline after one use', () => {
  it('read once online, it reads again after going offline and reloading; Settings says so on both sides', async () => {
    const page = await s.open('/');
    await offlineReady(page);
    await submitAccurate(page);
    await openedJob(page);
    expect(await page.getByTestId('result-text').textContent()).toMatch(/quick brown dog/);
    // What a person sees before going: Settings says the Accurate tier reads offline.
    await goHash(page, '#/settings');
    const state = page.getByTestId('vlm-offline-state');
    await page.getByText('The Accurate tier reads offline').waitFor({ timeout: 90_000 });
    await page.getByTestId('vlm-model-ppocr-v4').getByTestId('vlm-model-installed').waitFor();
    await page.getByTestId('vlm-model-onnxruntime-wasm').getByTestId('vlm-model-installed').waitFor();
    await page.locator('#models').screenshot({ path: screenshotPath('settings-models-vlm-kept') });
    await offline(s, async () => {
      const seen = watchFailures(page);
      await page.reload();
      await ready(page);
      await state.waitFor();
      expect(await state.textContent()).toMatch(/reads offline/);
      await submitAccurate(page);
      await openedJob(page);
      expect(await page.getByTestId('result-text').textContent(), seen.requests.join('\n')).toMatch(/quick brown dog/);
      expect(seen.errors).toEqual([]);
      // The network really was cut.
      expect(await page.evaluate(() => fetch('/not-cached-' + Date.now()).then(() => 'reached', () => 'offline'))).toBe('offline');
    });
    await page.screenshot({ path: screenshotPath('offline-vlm-result') });
    await page.close();
  });
});
