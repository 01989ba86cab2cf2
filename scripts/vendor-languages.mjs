// Traineddata onto the app's own origin (public/vendor/lang/), and its index.
// The curated set ships with the app (src/languages/shipped-languages.json). With
// OCR_VENDOR_ALL_LANGUAGES=1, every other @tesseract.js-data/<code> package that is installed
// is copied too: served by the app's server, fetched when first needed, never precached.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** npm's builds, best first: LSTM best_int (small, what the pool reads), then the full one. */
const NPM_VARIANTS = ['4.0.0_best_int', '4.0.0'];
const DEBIAN_DIRS = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];

/**
 * @param {object} o
 * @param {string} o.outDir folder to write `<code>.traineddata.gz` and index.json into
 * @param {string[]} o.shipped the curated codes
 * @param {string} o.dataDir node_modules/@tesseract.js-data
 * @param {boolean} [o.all] also every other installed package (OCR_VENDOR_ALL_LANGUAGES)
 * @param {string[]} [o.known] every Tesseract code, to say which are not installed
 * @param {string[]} [o.debianDirs] where Debian's tesseract-ocr-<lang> puts traineddata
 * @param {(line: string) => void} [o.log]
 */
export function vendorLanguages({ outDir, shipped, dataDir, all = false, known = [], debianDirs = DEBIAN_DIRS, log = console.log }) {
  mkdirSync(outDir, { recursive: true });
  const copy = (code) => {
    const target = join(outDir, `${code}.traineddata.gz`);
    const fromNpm = NPM_VARIANTS.map((v) => join(dataDir, code, v, `${code}.traineddata.gz`)).find(existsSync);
    if (fromNpm) copyFileSync(fromNpm, target);
    else {
      // npm lacks a few (rus): Debian's tesseract-ocr-<lang> has them.
      const debian = debianDirs.map((d) => join(d, `${code}.traineddata`)).find(existsSync);
      if (!debian) return null;
      writeFileSync(target, gzipSync(readFileSync(debian), { level: 9 }));
    }
    return { code, bytes: statSync(target).size };
  };
  const index = { shipped: [], vendored: [] };
  for (const code of shipped) {
    const got = copy(code);
    if (got) index.shipped.push(got);
    else log(`vendor: no traineddata for ${code} (install @tesseract.js-data/${code} or tesseract-ocr-${code}); it is not offered`);
  }
  if (all) {
    const installed = existsSync(dataDir) ? readdirSync(dataDir).filter((code) => !shipped.includes(code)).sort() : [];
    for (const code of installed) {
      const got = copy(code);
      if (got) index.vendored.push(got);
    }
    const missing = known.filter((c) => !shipped.includes(c) && !index.vendored.some((l) => l.code === c));
    if (missing.length) {
      log(`vendor: OCR_VENDOR_ALL_LANGUAGES: ${index.vendored.length} more languages copied; ${missing.length} are not installed: ${missing.join(' ')}`);
      log(`vendor: to add them, npm i --no-save ${missing.map((c) => `@tesseract.js-data/${c}`).join(' ')} (a few, like rus, are not on npm)`);
    }
  }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 1));
  return index;
}
