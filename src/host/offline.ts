// After the first visit the app must work offline: fetch the cpu engine's files once
// so the service worker keeps them in its runtime cache (they are too big for the shell precache).
import { obtainLanguage } from '../languages/obtain';
import { engineFiles } from '../engines/cpu/paths';
const FILES = [
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
  // Tesseract's worker and the cores this browser runs: the LSTM one that recognises, and the
  // full one that orientation and script detection need (the legacy engine).
  const files = [...(await engineFiles()), ...FILES];
  await Promise.all([
    ...files.map(async (path) => {
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
