// The vlm engine in a real browser: POST /api/v1/ocr/ with tier=vlm runs PP-OCRv4
// (detection, orientation, recognition) in onnxruntime-web in its own worker, from models
// served by the app itself; on WASM, and on WebGPU where Chromium gives an adapter
// (headless: SwiftShader's software adapter, slow but correct).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { postFile, useBrowser } from './browser';
import { cerWith } from './text-distance';

const testocr = readFileSync('test/fixtures/testocr.png');
const TRUTH = [
  'This is a lot of 12 point text to test the',
  'ocr code and see if it works on all types',
  'of file format.',
  'The quick brown dog jumped over the',
  'lazy fox. The quick brown dog jumped',
  'over the lazy fox. The quick brown dog',
  'jumped over the lazy fox. The quick',
  'brown dog jumped over the lazy fox.',
].join(' ');

type Job = Record<string, unknown> & {
  uuid: string;
  status: string;
  text: string;
  pages: { index: number; width: number; height: number; confidence: number; blocks: { text: string; bbox: number[]; confidence: number; lines?: { words: { bbox: number[] }[] }[] }[] }[];
};

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const cer = cerWith(fold);

/** POSTs with tier=vlm; a slow run (software WebGPU) answers 202 and is polled until it ends. */
async function ocrVlm(page: Page, timeoutMs: number, bytes: Buffer = testocr): Promise<{ status: number; job: Job }> {
  const { status, body } = await postFile(page, bytes, 'testocr.png', { tier: 'vlm' });
  let job = body as Job;
  const deadline = Date.now() + timeoutMs;
  while (status === 202 && (job.status === 'pending' || job.status === 'processing') && Date.now() < deadline) {
    await page.waitForTimeout(2000);
    job = await page.evaluate(async (u) => (await fetch(`/api/v1/ocr/${u}/`)).json(), job.uuid);
  }
  return { status, job };
}

/** The vlm engine's status in the window that ran it (the engine host). */
const engineStatus = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __ocrchatVlm?: { backend?: string; lastTimings?: Record<string, number> } }).__ocrchatVlm ?? null);

/** testocr.png turned clockwise by `degrees`, as PNG, drawn in the page. */
async function turned(page: Page, degrees: number): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ data, degrees }) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
      const quarter = degrees === 90 || degrees === 270;
      const c = new OffscreenCanvas(quarter ? bmp.height : bmp.width, quarter ? bmp.width : bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.translate(c.width / 2, c.height / 2);
      ctx.rotate((degrees * Math.PI) / 180);
      ctx.drawImage(bmp, -bmp.width / 2, -bmp.height / 2);
      const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    },
    { data: testocr.toString('base64'), degrees },
  );
  return Buffer.from(b64, 'base64');
}

/**
 * The first `n` text lines of testocr.png cut out as a PNG, rows and the cut found by their
 * ink: the first words of each line, up to the word gap nearest `fraction` of the width.
 * Small, for the slow software-WebGPU run (its time grows with the pixels and line widths).
 */
async function firstLines(page: Page, n: number, fraction = 1): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ data, n, fraction }) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
      const all = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = all.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      const ink = (x: number, y: number) => px[(y * bmp.width + x) * 4]! < 128;
      const runs: [number, number][] = [];
      for (let y = 0, start = -1; y <= bmp.height; y++) {
        let inked = false;
        for (let x = 0; y < bmp.height && x < bmp.width && !inked; x++) inked = ink(x, y);
        if (inked && start < 0) start = y;
        if (!inked && start >= 0) {
          runs.push([start, y]);
          start = -1;
        }
      }
      // Halfway into the gaps around the first n lines.
      const top = Math.max(0, runs[0]![0] - 12);
      const bottom = Math.round((runs[n - 1]![1] + runs[n]![0]) / 2);
      let right = bmp.width;
      if (fraction < 1) {
        // Blank columns (over these rows) at least 4 px wide are word gaps; cut in the one nearest the target.
        const blank = (x: number) => {
          for (let y = top; y < bottom; y++) if (ink(x, y)) return false;
          return true;
        };
        let best = bmp.width;
        for (let x = 0, run = 0; x < bmp.width; x++) {
          run = blank(x) ? run + 1 : 0;
          if (run === 4 && Math.abs(x - fraction * bmp.width) < Math.abs(best - fraction * bmp.width)) best = x;
        }
        right = best;
      }
      const c = new OffscreenCanvas(right, bottom - top);
      const g = c.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(bmp, 0, -top);
      const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    },
    { data: testocr.toString('base64'), n, fraction },
  );
  return Buffer.from(b64, 'base64');
}

/** What the first words of the first two lines say (the cut falls in a word gap near 45% of the width). */
const SMALL_TRUTH = 'This is a lot of 12 ocr code and see';

function expectGoodPage(job: Job): void {
  expect(job.status, `job ${job.status}: ${String(job.error ?? '')}`).toBe('done');
  expect(job).toMatchObject({ status: 'done', tier: 'vlm', page_count: 1 });
  expect(job.text).toMatch(/quick brown/);
  expect(cer(job.text, TRUTH)).toBeLessThan(0.03);
  const [p] = job.pages;
  expect(p).toMatchObject({ index: 0, width: 640, height: 480 });
  expect(p!.confidence).toBeGreaterThan(0.8);
  expect(p!.confidence).toBeLessThanOrEqual(1);
  expect(p!.blocks.length).toBeGreaterThan(0);
  for (const b of p!.blocks) {
    const [x0, y0, x1, y1] = b.bbox as [number, number, number, number];
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    expect(x1).toBeLessThanOrEqual(640);
    expect(y1).toBeLessThanOrEqual(480);
    expect(b.confidence).toBeGreaterThan(0);
    expect(b.confidence).toBeLessThanOrEqual(1);
    for (const w of (b.lines ?? []).flatMap((l) => l.words)) {
      expect(w.bbox[0]).toBeGreaterThanOrEqual(x0);
      expect(w.bbox[2]).toBeLessThanOrEqual(x1);
    }
  }
  // The text sits where the page has it: the eight lines span y ≈ 90..360.
  const ys = p!.blocks.flatMap((b) => [b.bbox[1]!, b.bbox[3]!]);
  expect(Math.min(...ys)).toBeGreaterThan(60);
  expect(Math.max(...ys)).toBeLessThan(400);
}

let wasmCropText = '';

describe('vlm engine (PP-OCRv4, onnxruntime-web)', () => {
  const s = useBrowser();

  it('POST tier=vlm reads testocr.png on WASM: text, boxes in the page, confidence', async () => {
    const page = await s.open('/');
    const models: string[] = [];
    page.on('request', (r) => {
      if (/\/vendor\/models\/|\.wasm$/.test(r.url())) models.push(new URL(r.url()).pathname);
    });
    await page.evaluate(() => localStorage.setItem('ocrchat.vlm.backend', 'wasm'));
    const { status, job } = await ocrVlm(page, 120_000);
    expect(status).toBe(200);
    expectGoodPage(job);
    const engine = await engineStatus(page);
    expect(engine?.backend).toBe('wasm');
    console.info('vlm wasm timings (ms):', JSON.stringify(engine?.lastTimings));
    // The models came from the app's own origin.
    expect(models.some((m) => m.endsWith('ch_PP-OCRv4_det_infer.onnx'))).toBe(true);
    // WASM reads the 8-bit recogniser made at build time, not the float one.
    expect(models.some((m) => m.endsWith('ch_PP-OCRv4_rec_int8.onnx'))).toBe(true);
    expect(models.some((m) => m.endsWith('ch_PP-OCRv4_rec_infer.onnx'))).toBe(false);

    // The tier's offline keeper fetches every file it may need once, a second after the engine
    // goes idle (the test build's config; src/engines/vlm/offline.ts), the float recogniser
    // among them: on a slow run that fell inside the second page. It is waited for, so what is
    // counted next is the second page's own.
    models.length = 0;
    const kept = ['ch_PP-OCRv4_det_infer.onnx', 'ch_ppocr_mobile_v2.0_cls_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ch_PP-OCRv4_rec_int8.onnx', 'ppocr_keys_v1.txt'];
    for (const until = Date.now() + 60_000; Date.now() < until && !kept.every((f) => models.some((m) => m.endsWith(`/ppocr-v4/${f}`))); ) await page.waitForTimeout(250);
    await page.waitForTimeout(500);
    // A second page reuses the warm worker: no model is fetched again.
    models.length = 0;
    const again = await ocrVlm(page, 60_000);
    expect(again.status).toBe(200);
    expect(again.job.text).toBe(job.text);
    expect(models.filter((m) => m.includes('/vendor/models/'))).toEqual([]);
    // Left open: its window hosts the engines, warm, for the next two tests' pages.
  });

  it('reads a page lying on its side or upside down, and says how it was turned', async () => {
    const page = await s.open('/');
    await page.evaluate(() => localStorage.setItem('ocrchat.vlm.backend', 'wasm'));
    // Turned clockwise by 90 (180), the page needs 270 (180) more to be upright.
    for (const [degrees, back] of [[90, 270], [180, 180]] as const) {
      const { status, job } = await ocrVlm(page, 120_000, await turned(page, degrees));
      expect(status).toBe(200);
      // Boxes are on the upright page: the same checks as for the original.
      expectGoodPage(job);
      expect((job.pages[0] as { rotation?: number }).rotation).toBe(back);
    }
    await page.close();
  });

  it('reads the first words of two lines of testocr.png (the WebGPU test compares with this)', async () => {
    const page = await s.open('/');
    await page.evaluate(() => localStorage.setItem('ocrchat.vlm.backend', 'wasm'));
    const small = await firstLines(page, 2, 0.45);
    const { status, job } = await ocrVlm(page, 60_000, small);
    expect(status).toBe(200);
    expect(job.status).toBe('done');
    console.info('vlm small crop:', job.pages[0]?.width, 'x', job.pages[0]?.height, JSON.stringify(job.text));
    expect(cer(job.text, SMALL_TRUTH)).toBeLessThan(0.05);
    wasmCropText = job.text;
    await page.close();
  });

  it('works offline after one online visit: models and onnxruntime come from the service worker\'s cache', async () => {
    // The only tab, so its window hosts the engines (the first test's window may still be open).
    for (const p of s.context.pages()) await p.close();
    const page = await s.open('/');
    await page.evaluate(() => localStorage.setItem('ocrchat.vlm.backend', 'wasm'));
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (/\.wasm$|\/vendor\/models\//.test(r.url())) wasm.push(new URL(r.url()).pathname);
    });
    expect((await ocrVlm(page, 120_000)).job.status).toBe('done');
    await s.context.setOffline(true);
    try {
      // A new window: a new engine worker that loads the models and the runtime again, offline.
      await page.reload();
      await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
      const { status, job } = await ocrVlm(page, 120_000);
      expect(status).toBe(200);
      expectGoodPage(job);
      expect((await engineStatus(page))?.backend).toBe('wasm');
      expect(wasm.some((p) => /^\/assets\/ort-wasm-simd-threaded-[\w-]+\.wasm$/.test(p))).toBe(true);
      // The network really was cut: the static server is unreachable outside the service worker's cache.
      expect(await page.evaluate(async () => fetch('/not-cached-' + Date.now()).then(() => 'reached', () => 'offline'))).toBe('offline');
    } finally {
      await s.context.setOffline(false);
    }
    await page.close();
  });
});

describe('vlm engine on WebGPU (software adapter in headless Chromium)', () => {
  const s = useBrowser({ args: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader', '--use-webgpu-adapter=swiftshader'] });

  it('gives the same text as WASM on the first words of two lines', { timeout: 240_000 }, async (ctx) => {
    const page = await s.open('/');
    const adapter = await page.evaluate(async () => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      const a = (await gpu?.requestAdapter()) as { info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean } } | null | undefined;
      return a ? { vendor: a.info?.vendor, architecture: a.info?.architecture, description: a.info?.description, fallback: a.info?.isFallbackAdapter } : null;
    });
    if (!adapter) {
      console.warn('vlm WebGPU test skipped: navigator.gpu.requestAdapter() returned null in this Chromium');
      ctx.skip();
      return;
    }
    console.info('WebGPU adapter:', JSON.stringify(adapter));
    // The engine uses a software adapter only when asked to (it is slower than WASM).
    await page.evaluate(() => localStorage.setItem('ocrchat.vlm.backend', 'webgpu'));
    // Software WebGPU is slow (~60 s for a detection pass on a whole page): three lines keep it short.
    const t0 = Date.now();
    const { job } = await ocrVlm(page, 200_000, await firstLines(page, 2, 0.45));
    expect(job.status, String(job.error ?? '')).toBe('done');
    expect(cer(job.text, SMALL_TRUTH)).toBeLessThan(0.05);
    const engine = await engineStatus(page);
    expect(engine?.backend).toBe('webgpu');
    console.info(`vlm webgpu: ${Date.now() - t0} ms; timings (ms):`, JSON.stringify(engine?.lastTimings));
    if (wasmCropText) {
      if (job.text !== wasmCropText) console.warn('WebGPU and WASM texts differ:\n' + job.text + '\n---\n' + wasmCropText);
      expect(cer(job.text, wasmCropText)).toBeLessThan(0.01);
    }
    await page.close();
  });
});
