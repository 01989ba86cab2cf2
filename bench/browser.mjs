// The app in headless Chromium: serves dist/ with vite preview, opens the app, and
// submits files to its /api/v1/ from inside the page, as any script on the page would.
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

/**
 * Rejects when `p` takes longer than `ms`.
 * @template T
 * @param {Promise<T>} p
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(p, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const t = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)));
  return /** @type {Promise<T>} */ (Promise.race([p, t]).finally(() => clearTimeout(timer)));
}

/**
 * A free TCP port on 127.0.0.1, preferring `wanted`.
 * @param {number} wanted
 * @returns {Promise<number>}
 */
export function freePort(wanted) {
  /** @param {number} p @returns {Promise<number>} */
  const tryPort = (p) => new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(p, '127.0.0.1', () => {
      const port = /** @type {import('node:net').AddressInfo} */ (s.address()).port;
      s.close(() => resolve(port));
    });
  });
  return tryPort(wanted).catch(() => tryPort(0));
}

/**
 * Serves a snapshot of the production build: dist is copied first, so that a rebuild
 * by someone else during the run (e.g. `npm run build:test`) cannot change what is served.
 * @param {string} root  the project root (its vite config is used)
 * @param {string} dist  the build to serve
 * @param {number} port
 * @param {Record<string, string>} [extra]  folders served beside the build: path in the app → folder here
 */
export async function serve(root, dist, port, extra = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'ocrchat-bench-dist-'));
  cpSync(dist, outDir, { recursive: true });
  for (const [at, folder] of Object.entries(extra)) cpSync(folder, join(outDir, at), { recursive: true });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Chromium with a throwaway profile and opens the app.
 * @param {string} url
 * @param {{ readyTimeoutMs?: number }} [opts]
 */
export async function openApp(url, opts = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ocrchat-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  /** Console errors and warnings, each with the files in flight when it came. @type {{ message: string, during: string[] }[]} */
  const problems = [];
  /** The files being submitted now (run.mjs keeps this up to date). @type {Set<string>} */
  const inFlight = new Set();
  const note = (/** @type {string} */ message) => problems.push({ message, during: [...inFlight] });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => note(`pageerror: ${e.message}`));
  /** The engine's own detail of each page (its passes, OSD), from console.debug('ocrchat page', uuid, n, json): "uuid/index" → detail. @type {Map<string, Record<string, number>>} */
  const details = new Map();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') note(`console.${m.type()}: ${m.text().slice(0, 300)}`);
    else if (m.type() === 'debug' && m.text().startsWith('ocrchat page ')) {
      const [, , uuid, n, ...json] = m.text().split(' ');
      try {
        details.set(`${uuid}/${Number(n) - 1}`, JSON.parse(json.join(' ')));
      } catch {}
    } else if (m.type() === 'debug' && m.text().startsWith('ocrchat reread ') && process.env.OCR_BENCH_REREADS) process.stderr.write(`${m.text()}\n`);
  });
  context.on('weberror', (e) => note(`weberror: ${e.error().message}`));
  /** The tesseract.js cores the workers loaded (the worker picks relaxed SIMD, SIMD or plain by feature detection). @type {Set<string>} */
  const cores = new Set();
  context.on('request', (r) => {
    // a worker's importScripts: a script (the offline cache's fetch of every core is not)
    if (['fetch', 'xhr'].includes(r.resourceType())) return;
    const m = new URL(r.url()).pathname.match(/^\/vendor\/tesseract\/(?:core\/)?tesseract-core[\w-]*(?:\.wasm)?\.js$/);
    if (m) cores.add(m[0]);
  });
  await page.goto(url, { waitUntil: 'load' });
  const t0 = Date.now();
  await page.waitForFunction(() => typeof (/** @type {any} */ (window).ocrchat?.ready?.then) === 'function', null, { timeout: opts.readyTimeoutMs ?? 120_000 });
  await withTimeout(page.evaluate(() => /** @type {any} */ (window).ocrchat.ready), opts.readyTimeoutMs ?? 120_000, 'window.ocrchat.ready');
  const readyMs = Date.now() - t0;
  return {
    context,
    page,
    userDataDir,
    problems,
    inFlight,
    cores,
    details,
    readyMs,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a local account (POST /api/v1/account/) so that the run is metered against a
 * free plan rather than the anonymous daily allowance. Null when that fails.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ token: string | null, status: number, body: unknown }>}
 */
export async function createAccount(page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/account/', { method: 'POST' });
    const body = await res.json().catch(() => null);
    return { token: res.status === 201 && body?.token ? body.token : null, status: res.status, body };
  });
}

/**
 * The caller's plan and balance (GET /api/v1/account/), with the token or anonymous.
 * @param {import('playwright-core').Page} page
 * @param {string | null} token
 * @returns {Promise<{ status: number, plan?: string, used?: number, cap?: number, credits?: number }>}
 */
export async function balance(page, token) {
  return page.evaluate(async (t) => {
    const res = await fetch('/api/v1/account/', { headers: t ? { Authorization: `Bearer ${t}` } : undefined });
    const body = await res.json().catch(() => null);
    return { status: res.status, ...(res.ok && body ? body : {}) };
  }, token);
}

/**
 * @typedef {object} SubmitResult
 * @property {number} httpStatus   of the POST, or of the last poll
 * @property {number} postStatus   of the POST (200 or 202 expected)
 * @property {number} ms           from the POST to the finished job, in the page
 * @property {number} polls
 * @property {string | null} status   the job's status
 * @property {string | null} error    the job's error, or the HTTP error body, or the exception
 * @property {number} pageCount
 * @property {{ index: number, text: string, timings?: Record<string, number> | null }[]} pages  timings: the page's timings_ms
 * @property {string | null} uuid
 * @property {number | null} meanConfidence
 * @property {string | null} detectedLanguage
 */

/**
 * Puts files into the page as Blobs, ready for submit(): a run stages a kind's files before
 * its clock starts, so that its wall time is the app's (the POST, as from a file picker, to
 * the finished job) and not the harness copying the bytes in through the DevTools protocol
 * (base64 in a JSON message, decoded on the page's main thread: some 30 ms per 0.5 MB file).
 * They stay until unstage().
 * @param {import('playwright-core').Page} page
 * @param {{ path: string, mime: string }[]} files
 */
export async function stage(page, files) {
  let keys = staged.get(page);
  if (!keys) staged.set(page, (keys = new Set()));
  for (const file of files) {
    // Already there (submit() stages what it sends, and a kind's files are staged before
    // its clock starts): nothing crosses the protocol again.
    if (keys.has(file.path)) continue;
    keys.add(file.path);
    const b64 = readFileSync(file.path).toString('base64');
    await page.evaluate(({ key, b64, mime }) => {
      const w = /** @type {any} */ (window);
      w.__benchFiles ??= new Map();
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      w.__benchFiles.set(key, new Blob([bytes], { type: mime }));
    }, { key: file.path, b64, mime: file.mime });
  }
}

/** Lets go of the staged files. @param {import('playwright-core').Page} page */
export async function unstage(page) {
  staged.get(page)?.clear();
  await page.evaluate(() => /** @type {any} */ (window).__benchFiles?.clear());
}

/** The paths staged in each page. @type {WeakMap<import('playwright-core').Page, Set<string>>} */
const staged = new WeakMap();

/**
 * POSTs one file to /api/v1/ocr/ from inside the page and polls until it is done.
 * @param {import('playwright-core').Page} page
 * @param {{ path: string, name: string, mime: string }} file
 * @param {{ tier: string, language: string, token?: string | null, timeoutMs?: number, pollMs?: number }} opts
 * @returns {Promise<SubmitResult>}
 */
export async function submit(page, file, opts) {
  await stage(page, [file]);
  const arg = { key: file.path, name: file.name, tier: opts.tier, language: opts.language, tool: opts.tool ?? null, token: opts.token ?? null, timeoutMs: opts.timeoutMs ?? 600_000, pollMs: opts.pollMs ?? 500 };
  const t0 = Date.now();
  const inPage = page.evaluate(async (a) => {
    const staged = /** @type {Map<string, Blob>} */ (/** @type {any} */ (window).__benchFiles);
    const blob = /** @type {Blob} */ (staged.get(a.key));
    const headers = a.token ? { Authorization: `Bearer ${a.token}` } : undefined;
    const fd = new FormData();
    fd.append('file', blob, a.name);
    fd.append('tier', a.tier);
    fd.append('language', a.language);
    if (a.tool) fd.append('tool', a.tool);
    /** @param {any} job @param {number} httpStatus @param {number} postStatus @param {number} polls @param {number} ms @param {string | null} [err] */
    const result = (job, httpStatus, postStatus, polls, ms, err = null) => ({
      httpStatus, postStatus, ms, polls,
      status: job?.status ?? null,
      error: err ?? (httpStatus >= 400 || httpStatus === 0 ? `HTTP ${httpStatus} ${job?.error ?? ''}: ${job?.detail ?? ''}` : job?.error ?? null),
      pageCount: Number(job?.page_count ?? job?.pages?.length ?? 0),
      pages: Array.isArray(job?.pages) ? job.pages.map((/** @type {any} */ p, /** @type {number} */ i) => ({ index: Number(p?.index ?? i), text: String(p?.text ?? ''), timings: p?.timings_ms ?? null })) : [],
      uuid: job?.uuid ?? null,
      meanConfidence: typeof job?.mean_confidence === 'number' ? job.mean_confidence : null,
      detectedLanguage: job?.detected_language ?? null,
      fields: job?.fields ?? null,
    });
    const t0 = performance.now();
    let polls = 0;
    let postStatus = 0;
    try {
      let res = await fetch('/api/v1/ocr/', { method: 'POST', body: fd, headers });
      postStatus = res.status;
      let job = await res.json().catch(() => null);
      if (res.status === 202 && job?.uuid) {
        // Progress polls as the app's upload list makes them (?summary=1: no pages), then the job.
        while (job && (job.status === 'pending' || job.status === 'processing')) {
          if (performance.now() - t0 > a.timeoutMs) return result(job, res.status, postStatus, polls, performance.now() - t0, `timed out after ${a.timeoutMs} ms (${job.status})`);
          await new Promise((r) => setTimeout(r, a.pollMs));
          res = await fetch(`/api/v1/ocr/${job.uuid}/?summary=1`, { headers });
          polls++;
          const next = await res.json().catch(() => null);
          if (!res.ok) return result(next, res.status, postStatus, polls, performance.now() - t0);
          job = next;
        }
        res = await fetch(`/api/v1/ocr/${job.uuid}/`, { headers });
        job = await res.json().catch(() => null);
      }
      return result(job, res.status, postStatus, polls, performance.now() - t0);
    } catch (e) {
      return result(null, 0, postStatus, polls, performance.now() - t0, `exception: ${e}`);
    }
  }, arg);
  // The POST of a small file answers only when the job is done; cap that too.
  return withTimeout(inPage, arg.timeoutMs + 30_000, `POST ${file.name}`).catch((e) => ({
    httpStatus: 0, postStatus: 0, ms: Date.now() - t0, polls: 0, status: null, error: String(e?.message ?? e),
    pageCount: 0, pages: [], uuid: null, meanConfidence: null, detectedLanguage: null,
  }));
}

/**
 * One export of a job, fetched in the page as the app's download button does.
 * @param {import('playwright-core').Page} page
 * @param {string} uuid
 * @param {string} format
 * @param {string | null} [token]
 * @returns {Promise<Uint8Array>}
 */
export async function downloadExport(page, uuid, format, token) {
  const b64 = await page.evaluate(async ({ uuid, format, token }) => {
    const res = await fetch(`/api/v1/ocr/${uuid}/download/?format=${format}`, { headers: token ? { Authorization: `Bearer ${token}` } : undefined });
    if (!res.ok) throw new Error(`${format}: HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, { uuid, format, token: token ?? null });
  return Buffer.from(b64, 'base64');
}

/**
 * The engine workers' busy time so far, by lane (window.ocrchat.workers()); null where the
 * build has none.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ recognize: import('./report.mjs').PoolStats, osd: import('./report.mjs').PoolStats } | null>}
 */
export async function workerStats(page) {
  return page.evaluate(() => /** @type {any} */ (window).ocrchat?.workers?.() ?? null);
}
