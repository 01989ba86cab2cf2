// After the first visit the app must work offline: fetch the cpu engine's files once
// so the service worker keeps them in its runtime cache (they are too big for the shell precache).
import { obtainLanguage } from '../languages/obtain';
const ENGINE_FILES = [
  'vendor/tesseract/worker.min.js',
  'vendor/tesseract/core/tesseract-core-relaxedsimd-lstm.wasm.js',
  'vendor/tesseract/core/tesseract-core-simd-lstm.wasm.js',
  'vendor/tesseract/core/tesseract-core-lstm.wasm.js',
  // Full cores: orientation and script detection needs the legacy engine.
  'vendor/tesseract/core/tesseract-core-relaxedsimd.wasm.js',
  'vendor/tesseract/core/tesseract-core-simd.wasm.js',
  'vendor/pdfjs/wasm/jbig2.wasm',
  'vendor/pdfjs/wasm/openjpeg.wasm',
  'vendor/pdfjs/wasm/qcms_bg.wasm',
  // Settings lists the languages from it, online and offline.
  'vendor/lang/index.json',
];
/** English and orientation detection: every page's first pass, and a page that reads badly. */
const LANGUAGES = ['eng', 'osd'];

export async function warmOfflineCache(): Promise<void> {
  const base = new URL(import.meta.env.BASE_URL, location.href);
  await Promise.all([
    ...ENGINE_FILES.map(async (path) => {
      const res = await fetch(new URL(path, base));
      // Reading the body lets the cache write finish before we report ready.
      await res.arrayBuffer();
    }),
    // Languages are checked and kept by the app, not by the service worker.
    ...LANGUAGES.map(async (code) => {
      const got = await obtainLanguage(code);
      if (!got.ok) throw new Error(got.detail);
    }),
  ]);
}
