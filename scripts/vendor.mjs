// Copies what the engines load at run time from npm packages into public/vendor/, so
// the app serves them from its own origin: tesseract.js's worker, its WASM cores and
// traineddata. They are cached at run time, not in the app shell's precache.
import { cpSync, existsSync, mkdirSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
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
// The worker picks the core variant itself (relaxed SIMD, SIMD or plain); LSTM-only cores suffice.
const core = pkgDir('tesseract.js-core');
for (const f of readdirSync(core)) if (/^tesseract-core.*lstm\.wasm\.js$/.test(f)) copyFileSync(join(core, f), join(out, 'tesseract', 'core', f));

/** The curated languages that ship with the app: best_int where npm has it. */
export const SHIPPED = ['eng', 'osd'];
for (const lang of SHIPPED) {
  const dir = pkgDir(`@tesseract.js-data/${lang}`);
  const variant = ['4.0.0_best_int', '4.0.0'].map((v) => join(dir, v, `${lang}.traineddata.gz`)).find(existsSync);
  if (!variant) throw new Error(`no traineddata for ${lang}`);
  copyFileSync(variant, join(out, 'lang', `${lang}.traineddata.gz`));
}
console.log(`vendor: tesseract worker, cores and ${SHIPPED.join(', ')} copied to public/vendor`);
