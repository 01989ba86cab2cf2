// Native Tesseract (the `tesseract` CLI) on the same page images, N processes at once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

/** @returns {string | null} the CLI's version line, or null when it is not on PATH */
export function nativeVersion() {
  const r = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return (r.stdout || r.stderr).split('\n')[0].trim();
}

/**
 * @param {string} [tessdataDir]
 * @returns {Set<string>}
 */
export function nativeLangs(tessdataDir) {
  const args = tessdataDir ? ['--tessdata-dir', tessdataDir, '--list-langs'] : ['--list-langs'];
  const r = spawnSync('tesseract', args, { encoding: 'utf8' });
  const lines = `${r.stdout}`.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
  return new Set(lines);
}

/**
 * A tessdata folder holding the same best_int models the app ships (from the
 * @tesseract.js-data packages, gunzipped), plus the system's for anything missing.
 * @param {string} root  the project root
 * @param {string} dir   where to write it
 * @param {string[]} langs
 * @returns {string} dir
 */
export function jsTessdata(root, dir, langs) {
  const require = createRequire(join(root, 'package.json'));
  mkdirSync(dir, { recursive: true });
  const system = '/usr/share/tesseract-ocr/5/tessdata';
  if (existsSync(system)) for (const f of readdirSync(system)) if (f.endsWith('.traineddata')) copyFileSync(join(system, f), join(dir, f));
  for (const lang of langs) {
    try {
      const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
      const gz = ['4.0.0_best_int', '4.0.0'].map((v) => join(pkg, v, `${lang}.traineddata.gz`)).find(existsSync);
      if (gz) writeFileSync(join(dir, `${lang}.traineddata`), gunzipSync(readFileSync(gz)));
    } catch {}
  }
  return dir;
}

/**
 * The language argument native Tesseract can take for `lang`: as asked where it has
 * every part, else 'eng' (and the page is marked).
 * @param {string} lang
 * @param {Set<string>} have
 * @returns {{ lang: string, fallback: boolean }}
 */
export function nativeLang(lang, have) {
  const parts = lang.split('+');
  if (parts.every((p) => have.has(p))) return { lang, fallback: false };
  const kept = parts.filter((p) => have.has(p));
  return { lang: kept.length ? kept.join('+') : 'eng', fallback: true };
}

/**
 * Runs `tesseract IMG stdout -l LANG` once.
 * @param {string} image
 * @param {string} lang
 * @param {{ tessdataDir?: string, ompThreads?: number, onSpawn?: (pid: number) => void }} opts
 * @returns {Promise<{ text: string, ms: number, error?: string }>}
 */
function runOne(image, lang, opts) {
  const args = [image, 'stdout', '-l', lang];
  if (opts.tessdataDir) args.unshift('--tessdata-dir', opts.tessdataDir);
  const env = { ...process.env };
  if (opts.ompThreads) env.OMP_THREAD_LIMIT = String(opts.ompThreads);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn('tesseract', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) opts.onSpawn?.(child.pid);
    /** @type {Buffer[]} */
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve({ text: '', ms: performance.now() - t0, error: String(e) }));
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const text = Buffer.concat(out).toString('utf8');
      resolve(code === 0 ? { text, ms } : { text, ms, error: `exit ${code}: ${err.trim().slice(-300)}` });
    });
  });
}

/**
 * Runs native Tesseract on jobs with `parallel` processes at once; returns results in
 * job order and the wall time of the whole set.
 * @template {{ image: string, lang: string }} J
 * @param {J[]} jobs
 * @param {{ parallel?: number, tessdataDir?: string, ompThreads?: number, onSpawn?: (pid: number) => void }} [opts]
 * @returns {Promise<{ results: { text: string, ms: number, error?: string }[], wallMs: number }>}
 */
export async function runNative(jobs, opts = {}) {
  const parallel = Math.max(1, opts.parallel ?? 2);
  /** @type {{ text: string, ms: number, error?: string }[]} */
  const results = new Array(jobs.length);
  let next = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runOne(jobs[i].image, jobs[i].lang, opts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, lane));
  return { results, wallMs: performance.now() - t0 };
}
