// The walking skeleton: file → service worker /api/v1/ocr/ → IndexedDB → Web Worker →
// Tesseract → job JSON → screen; installable; offline after one visit; nothing leaves the origin.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { baseUrl, postFile, screenshotPath, useBrowser } from './browser';

const testocr = readFileSync('test/fixtures/testocr.png');

describe('walking skeleton', () => {
  const s = useBrowser();

  it('is installable: a manifest with name, start_url, standalone and real 192/512 icons', async () => {
    const page = await s.open('/');
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(href).toBeTruthy();
    const manifest = await page.evaluate(async (h) => (await fetch(h!)).json(), href);
    expect(manifest.name).toBe('OCR.chat');
    expect(manifest.start_url).toBe('/');
    expect(manifest.display).toBe('standalone');
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i: { sizes: string }) => i.sizes === `${size}x${size}`);
      const dims = await page.evaluate(async (src) => {
        const bmp = await createImageBitmap(await (await fetch(src)).blob());
        return [bmp.width, bmp.height];
      }, icon.src);
      expect(dims).toEqual([size, size]);
    }
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.close();
  });

  it('picking a PNG runs Tesseract and shows the recognised text', async () => {
    const page = await s.open('/');
    await page.setInputFiles('[data-testid="file-input"]', { name: 'testocr.png', mimeType: 'image/png', buffer: testocr });
    const text = page.getByTestId('result-text');
    await text.waitFor({ timeout: 90_000 });
    expect(await text.textContent()).toMatch(/quick brown dog jumped/);
    await page.screenshot({ path: screenshotPath('skeleton-result') });
    // The job is in IndexedDB, in a Dexie database that carries a schema version.
    const stored = await page.evaluate(async () => {
      const req = indexedDB.open('ocrchat');
      const db: IDBDatabase = await new Promise((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); });
      const names = [...db.objectStoreNames].sort();
      const tx = db.transaction('jobs');
      const jobs: unknown[] = await new Promise((res) => { const r = tx.objectStore('jobs').getAll(); r.onsuccess = () => res(r.result); });
      const version = db.version;
      db.close();
      return { names, count: jobs.length, version };
    });
    expect(stored.names).toEqual(expect.arrayContaining(['accounts', 'conversations', 'files', 'jobs', 'pages', 'usage']));
    expect(stored.count).toBe(1);
    expect(stored.version).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('POST /api/v1/ocr/ answers 200 with a job in the seed shape', async () => {
    const page = await s.open('/');
    const { status, body } = await postFile(page, testocr, 'testocr.png');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'done', tier: 'cpu', language: 'auto', page_count: 1 });
    expect(body.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.text).toMatch(/lazy fox/);
    expect(typeof body.markdown).toBe('string');
    const conf = body.mean_confidence as number;
    expect(conf).toBeGreaterThan(0.5);
    expect(conf).toBeLessThanOrEqual(1);
    const pages = body.pages as { index: number; width: number; height: number; blocks: { text: string; bbox: number[]; confidence: number }[] }[];
    expect(pages[0]).toMatchObject({ index: 0, width: 640, height: 480 });
    expect(pages[0]!.blocks.length).toBeGreaterThan(0);
    for (const b of pages[0]!.blocks) {
      expect(b.bbox).toHaveLength(4);
      expect(b.bbox[2]).toBeGreaterThan(b.bbox[0]!);
      expect(b.bbox[2]).toBeLessThanOrEqual(640);
      expect(b.confidence).toBeGreaterThanOrEqual(0);
      expect(b.confidence).toBeLessThanOrEqual(1);
    }
    // GET returns the same job.
    const again = await page.evaluate(async (u) => (await fetch(`/api/v1/ocr/${u}/`)).json(), body.uuid);
    expect(again.text).toBe(body.text);
    await page.close();
  });

  it('after a hard reload (which bypasses the service worker) the page is claimed and the API answers', async () => {
    const page = await s.open('/');
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('Page.reload', { ignoreCache: true });
    await page.waitForLoadState('load');
    await page.waitForFunction(() => (window as unknown as { ocrchat?: unknown }).ocrchat !== undefined);
    expect(await page.evaluate(() => (window as unknown as { ocrchat: { startedControlled: boolean } }).ocrchat.startedControlled)).toBe(false);
    await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const res = await page.evaluate(async () => (await fetch('/api/v1/account/')).json());
    expect(res.plan).toBe('anonymous');
    await page.close();
  });

  it('bad input gets a clear JSON 400, not a hang', async () => {
    const page = await s.open('/');
    const noFile = await page.evaluate(async () => {
      const form = new FormData();
      form.append('tier', 'cpu');
      const res = await fetch('/api/v1/ocr/', { method: 'POST', body: form });
      return { status: res.status, body: await res.json() };
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error).toBe('no_file');
    expect(noFile.body.detail).toMatch(/file/);
    const notImage = await postFile(page, Buffer.from('just some text, named like a picture'), 'photo.png');
    expect(notImage.status).toBe(400);
    expect(notImage.body.error).toBe('unsupported_type');
    const unknown = await page.evaluate(async () => (await fetch('/api/v1/ocr/00000000-0000-0000-0000-000000000000/')).status);
    expect(unknown).toBe(404);
    await page.close();
  });
});
