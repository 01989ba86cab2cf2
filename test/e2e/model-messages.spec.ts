// The messages about models, as a person meets them: a tool whose model is not on this
// device fails naming it with the size Settings → Models shows for it, word for word, and
// links there; a download error in Settings → Models stays clear of the size column, on a
// wide screen and a phone.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { baseUrl, screenshotPath, useBrowser } from './browser';
import { pick, png } from './ui-page';

/** Home → a tool → pick testocr.png → the upload's error sentence. */
async function failWithTool(page: Page, tool: string): Promise<string> {
  await page.goto(`${baseUrl()}/#/`);
  await page.getByTestId('tool').selectOption(tool);
  await pick(page, [png()]);
  const error = page.getByTestId('upload-error').first();
  await error.waitFor({ timeout: 60_000 });
  return (await error.textContent()) ?? '';
}

const box = async (l: Locator) => (await l.boundingBox())!;
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('model messages', () => {
  const s = useBrowser();

  for (const [tool, id, label] of [
    ['handwriting-to-text', 'trocr-small-handwritten', 'TrOCR small, handwritten'],
    ['math', 'texify', 'Texify'],
  ] as const) {
    it(`${tool} without its model names ${label} with the size Settings shows, and links to Settings → Models`, async () => {
      const page = await s.open('/');
      const text = await failWithTool(page, tool);
      const size = text.match(/“[^”]+” \(([^)]+)\) in Settings → Models/)?.[1];
      expect(text).toContain(label);
      expect(size, text).toMatch(/^about \d+ MB$/);
      await page.getByTestId('upload-error-fix').first().click();
      await page.waitForFunction(() => location.hash === '#/settings/models');
      const row = page.getByTestId(`vlm-model-${id}`);
      await row.getByTestId(`download-vlm-model-${id}`).waitFor();
      expect(await row.getByTestId('vlm-model-size').textContent()).toBe(size);
      await page.close();
    });
  }

  it('a download error sits on its own row, clear of the size column, at 1280 and 390 px', async () => {
    const page = await s.open('/#/settings');
    // A folder that holds no models: the static server answers its fallback page, a long sentence with a long URL.
    const host = `${baseUrl()}/a-folder-that-holds-no-models-at-all/with/a/rather/long/path/`;
    await page.getByTestId('vlm-model-host').fill(host);
    await page.getByTestId('save-vlm-model-host').click();
    await page.getByText(`Models are downloaded from ${host}`).waitFor();
    const row = page.getByTestId('vlm-model-trocr-small-handwritten');
    await row.getByTestId('download-vlm-model-trocr-small-handwritten').click();
    const error = row.getByTestId('vlm-model-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/is not on the model host/);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await error.scrollIntoViewIfNeeded();
      const [e, size, li, state] = await Promise.all([box(error), box(row.getByTestId('vlm-model-size')), box(row), box(row.locator('.state'))]);
      expect(overlaps(e, size), `error ${JSON.stringify(e)} over size ${JSON.stringify(size)} at ${width}px`).toBe(false);
      expect(overlaps(e, state)).toBe(false);
      // Inside its row: nothing runs out sideways.
      expect(e.x).toBeGreaterThanOrEqual(li.x - 1);
      expect(e.x + e.width).toBeLessThanOrEqual(li.x + li.width + 1);
      await row.screenshot({ path: screenshotPath(`models-download-error-${width}`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('vlm-model-host').fill('');
    await page.getByTestId('save-vlm-model-host').click();
    await page.close();
  });
});
