// Bare tesseract.js in the app's browser: the same page images native Tesseract reads,
// through tesseract.js's own createWorker with the app's served worker, cores and
// traineddata, the app's settings (LSTM only, the page segmented as the CLI does, PSM 3,
// blocks and text out) and as many workers as the app's pool. What it reaches is the WASM
// engine's own limit, beside the app's pages/s (`--bare`).
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { stage, unstage } from './browser.mjs';

/** Where tesseract.js's browser build lies: run.mjs serves it at /bench-bare/. */
export function bareScriptDir() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('tesseract.js/dist/tesseract.min.js'));
}

const MIME = /** @type {Record<string, string>} */ ({ png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', tif: 'image/tiff', tiff: 'image/tiff', webp: 'image/webp', bmp: 'image/bmp' });

/**
 * Reads `pages` (image files) with `workers` bare tesseract.js workers per language set,
 * started before the clock (the app's are warm too); returns each page's text and ms, and
 * the wall time of the set.
 * @param {import('playwright-core').Page} page  a page of the app (its origin serves /vendor/ and /bench-bare/)
 * @param {{ imagePath: string, lang: string }[]} pages
 * @param {{ workers: number, core: string }} opts  core: the LSTM core the app's workers loaded (its path on the app's origin)
 * @returns {Promise<{ results: { text: string, ms: number, error?: string }[], wallMs: number, core: string | null }>}
 */
export async function runBare(page, pages, opts) {
  const files = pages.map((p) => ({ path: p.imagePath, mime: MIME[p.imagePath.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream' }));
  await stage(page, files);
  try {
    return await page.evaluate(async ({ items, langs, n, core }) => {
      const w = /** @type {any} */ (window);
      if (!w.Tesseract) {
        await new Promise((resolve, reject) => {
          const s = document.createElement('script');
          s.src = '/bench-bare/tesseract.min.js';
          s.onload = resolve;
          s.onerror = () => reject(new Error('tesseract.min.js did not load'));
          document.head.append(s);
        });
      }
      const T = w.Tesseract;
      const base = new URL('/', location.href).href;
      const options = {
        workerPath: `${base}vendor/tesseract/worker.min.js`,
        corePath: new URL(core, base).href,
        langPath: `${base}vendor/lang`,
        workerBlobURL: false,
        cacheMethod: 'none',
        gzip: true,
      };
      /** @type {Map<string, any[]>} */
      const byLang = new Map();
      for (const lang of langs) byLang.set(lang, await Promise.all(Array.from({ length: n }, () => T.createWorker(lang, T.OEM.LSTM_ONLY, options, 'debug_file /dev/null'))));
      const staged = /** @type {Map<string, Blob>} */ (w.__benchFiles);
      /** @type {{ text: string, ms: number, error?: string }[]} */
      const results = new Array(items.length);
      let next = 0;
      const t0 = performance.now();
      const lane = async (/** @type {number} */ i) => {
        while (next < items.length) {
          const k = next++;
          const worker = /** @type {any[]} */ (byLang.get(items[k].lang))[i];
          const t1 = performance.now();
          try {
            const r = await worker.recognize(staged.get(items[k].key), { tessedit_pageseg_mode: '3' }, { text: true, blocks: true });
            results[k] = { text: r.data.text ?? '', ms: performance.now() - t1 };
          } catch (e) {
            results[k] = { text: '', ms: performance.now() - t1, error: String(e) };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(n, items.length) }, (_, i) => lane(i)));
      const wallMs = performance.now() - t0;
      for (const ws of byLang.values()) await Promise.all(ws.map((x) => x.terminate()));
      return { results, wallMs, core: null };
    }, { items: pages.map((p) => ({ key: p.imagePath, lang: p.lang })), langs: [...new Set(pages.map((p) => p.lang))], n: opts.workers, core: opts.core });
  } finally {
    await unstage(page);
  }
}
