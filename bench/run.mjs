#!/usr/bin/env node
// Benchmark: the app's /api/v1/ocr/ in headless Chromium against the evaluation pages of
// ../shared/eval/public (CER, WER, order-free word error, pages/s, peak memory), and
// native Tesseract on the same page images for comparison.
//
//   node bench/run.mjs [--kind receipt[,form]] [--tier cpu|vlm] [--limit N] [--parallel N]
//                      [--no-native] [--native-parallel N]  (default: as many processes as the
//                      app has engine workers, min(CPUs, 4), src/engines/cpu/pool.ts)
//                      [--native-data system|js]
//                      [--native-omp-threads N]  (1 by default: OMP_THREAD_LIMIT=1, one thread a
//                      process, as parallel Tesseract is run (OCRmyPDF); 0 or "default": unset)
//                      [--native-default-threads]  (also run native with Tesseract's default
//                      settings, OpenMP threads as it starts them, and print it beside)
//                      [--bare]  (also read the page images with bare tesseract.js in the same
//                      browser: the app's served cores and traineddata, its settings and worker count)
//                      [--no-warmup] [--port 4399] [--timeout 600] [--eval DIR] [--dist DIR]
//                      [--long-pdf 150]  (pages of a generated born-digital PDF read after the
//                      set when it has pdf-digital pages, cpu tier; 0 skips it)
//                      [--passes 5]  (the born-digital PDFs, done in a fifth of a second, are
//                      timed this many times, fresh uploads, and take the median; 1: once)
//
// Needs a build in dist/ (`npm run bench` builds first). Writes bench/results/<time>.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { loadSubmissions, byGroup, limitSubmissions } from './manifest.mjs';
import { scorePage, FAILED_SCORE } from './score.mjs';
import { serve, openApp, createAccount, balance, submit, stage, unstage, freePort, downloadExport, workerStats } from './browser.mjs';
import Papa from 'papaparse';
import { WORD_FORMATS, exportWordShares, missingCells } from './exports.mjs';
import { startSampler, pidsWithCmdline, tree } from './memory.mjs';
import { startCpuSampler, between, formatCpu, CPU_CLASSES, CPU_CLASS_NOTES } from './cpu.mjs';
import { nativeVersion, nativeLangs, nativeLang, runNative, jsTessdata } from './native.mjs';
import { runBare, bareScriptDir } from './bare.mjs';
import { summarise, formatTable, summariseSteps, formatSteps, busyShares } from './report.mjs';
import { keyFor, receiptTable } from './receipt-fields.mjs';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

/**
 * A two-page born-digital PDF (jsPDF) for the warm-up, written to a temporary file. Its
 * second page carries an embedded TrueType font and a JPEG photo, as most real PDFs do, so
 * that pdf.js's font and image code is compiled before the timed runs (as in a tab that
 * has read a PDF before); without them the first PDF of the set pays for that.
 */
function warmupPdf() {
  const require = createRequire(import.meta.url);
  const { jsPDF } = require('jspdf');
  const doc = new jsPDF();
  doc.text('Warm-up page: the quick brown fox jumps over the lazy dog.', 10, 20);
  doc.addPage();
  // The TrueType font pdfjs-dist ships, so that a fresh machine without system fonts has it too.
  const font = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf');
  if (existsSync(font)) {
    doc.addFileToVFS('LiberationSans.ttf', readFileSync(font).toString('base64'));
    doc.addFont('LiberationSans.ttf', 'LiberationSans', 'normal');
    doc.setFont('LiberationSans', 'normal');
  }
  for (let i = 0; i < 12; i++) doc.text(`A second page of born-digital text for the warm-up, line ${i + 1}.`, 10, 20 + i * 8);
  const photo = warmupJpeg(require);
  if (photo) doc.addImage(photo, 'JPEG', 10, 130, 120, 90);
  const path = join(tmpdir(), `ocrchat-bench-warmup-${process.pid}.pdf`);
  writeFileSync(path, Buffer.from(doc.output('arraybuffer')));
  return { path, name: 'warmup.pdf', mime: 'application/pdf' };
}

/**
 * A long born-digital PDF (jsPDF, standard fonts): `pages` pages of 40 lines, for the
 * text layer's throughput over a long file, where a job's fixed costs (upload, queue,
 * pdf.js opening the file) are spread over many pages.
 * @param {number} pages
 */
function longPdf(pages) {
  const require = createRequire(import.meta.url);
  const { jsPDF } = require('jspdf');
  const doc = new jsPDF();
  for (let p = 0; p < pages; p++) {
    if (p) doc.addPage();
    doc.setFontSize(16);
    doc.text(`Chapter ${p + 1}: a born-digital page`, 15, 20);
    doc.setFontSize(11);
    for (let i = 0; i < 40; i++) doc.text(`Line ${i + 1} of page ${p + 1}: the quick brown fox jumps over the lazy dog, 0123456789.`, 15, 32 + i * 6.3);
  }
  const path = join(tmpdir(), `ocrchat-bench-long-${process.pid}.pdf`);
  writeFileSync(path, Buffer.from(doc.output('arraybuffer')));
  return { path, name: `long-${pages}-pages.pdf`, mime: 'application/pdf' };
}

/** A noisy 800 x 600 JPEG, when @napi-rs/canvas (pdfjs-dist's optional canvas) is here. */
function warmupJpeg(require) {
  try {
    const { createCanvas } = require('@napi-rs/canvas');
    const canvas = createCanvas(800, 600);
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(800, 600);
    for (let i = 0; i < img.data.length; i += 4) {
      const v = (i * 2654435761) % 251;
      img.data[i] = v;
      img.data[i + 1] = (v * 3) % 256;
      img.data[i + 2] = (v * 7) % 256;
      img.data[i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    return new Uint8Array(canvas.toBuffer('image/jpeg'));
  } catch {
    return null;
  }
}


const { values: args } = parseArgs({
  options: {
    kind: { type: 'string', multiple: true },
    tier: { type: 'string', default: 'cpu' },
    limit: { type: 'string' },
    parallel: { type: 'string', default: '1' },
    'no-native': { type: 'boolean', default: false },
    'native-parallel': { type: 'string', default: String(Math.max(1, Math.min(cpus().length, 4))) },
    'native-data': { type: 'string', default: 'system' },
    'native-omp-threads': { type: 'string', default: '1' },
    'native-default-threads': { type: 'boolean', default: false },
    'no-warmup': { type: 'boolean', default: false },
    bare: { type: 'boolean', default: false },
    'long-pdf': { type: 'string', default: '150' },
    passes: { type: 'string', default: '5' },
    port: { type: 'string', default: '4399' },
    timeout: { type: 'string', default: '600' },
    eval: { type: 'string', default: process.env.OCR_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval', 'public') },
    dist: { type: 'string', default: join(ROOT, 'dist') },
  },
});

const log = (/** @type {string} */ m) => process.stderr.write(`${m}\n`);
/** Born-digital pages done in less than this are timed over several passes (--passes). */
const SHORT_KIND_MS = 1000;
const kinds = (args.kind ?? []).flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean);
const parallel = Math.max(1, Number(args.parallel) || 1);
const withNative = !args['no-native'];

/**
 * Runs async tasks with at most `n` at once.
 * @template T, R
 * @param {T[]} items
 * @param {number} n
 * @param {(item: T, i: number) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function pool(items, n, fn) {
  /** @type {R[]} */
  const out = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
  return out;
}

/**
 * Pages a submission will cost: 1 for an image, the page count for a PDF.
 * @param {import('./manifest.mjs').Submission} s
 */
function pdfPages(s) {
  if (s.mime !== 'application/pdf') return 1;
  const m = readFileSync(s.path, 'latin1').match(/\/Type\s*\/Page(?![a-z])/g);
  return Math.max(m?.length ?? 0, s.pages.length);
}

async function main() {
  if (!['cpu', 'vlm'].includes(/** @type {string} */ (args.tier))) throw new Error(`--tier must be cpu or vlm, not ${args.tier}`);
  const { submissions: all } = loadSubmissions(/** @type {string} */ (args.eval), { kinds });
  const subs = limitSubmissions(all, Number(args.limit ?? 0));
  if (!subs.length) throw new Error(`no manifest entries match --kind ${kinds.join(',')}`);
  if (!existsSync(join(/** @type {string} */ (args.dist), 'index.html'))) throw new Error(`${args.dist}/index.html is missing: build the app first (npm run build, or npm run bench)`);
  const groups = byGroup(subs);
  log(`bench: ${subs.length} submissions, ${subs.reduce((s, x) => s + x.pages.length, 0)} scored pages, tier ${args.tier}, ${parallel} at once`);

  /** @type {Map<import('./manifest.mjs').BenchPage, import('./report.mjs').PageRecord>} */
  const records = new Map();
  for (const s of subs) for (const p of s.pages) records.set(p, { name: p.name, group: p.group, lang: p.lang, gold: p.gold });

  // ---- the app in Chromium ----
  const port = await freePort(Number(args.port));
  const server = await serve(ROOT, /** @type {string} */ (args.dist), port, args.bare ? { 'bench-bare': bareScriptDir() } : {});
  const app = await openApp(server.url);
  const sampler = startSampler(() => pidsWithCmdline(app.userDataDir), 200, () => [...app.inFlight]);
  // Where the CPU goes while each kind is timed: Chromium's threads by what they do (bench/cpu.mjs).
  const cpuSampler = startCpuSampler(() => tree(pidsWithCmdline(app.userDataDir)));
  /** @type {Array<{ label: string, pages: number, wallMs: number, cpu: Record<string, number> }>} */
  const cpuRows = [];
  /** @type {Record<string, import('./report.mjs').Timing>} */
  const oursTiming = {};
  /** @type {any[]} */
  const submitLog = [];
  /** @type {Array<{ name: string, key: Record<string, string>, fields: any, failed?: string }>} */
  const receiptRuns = [];
  /** @type {Record<string, { pages: number, wallMs: number, rereadMs: number, cer: number }>} */
  const receiptTool = {};
  /** Each file's exports against its job: words per format, table cells in the CSV. @type {any[]} */
  const exportChecks = [];
  /** @type {any} */
  let warmup = null;
  /** The engine workers' reads before and after the set. @type {{ before?: any, after?: any }} */
  const runStats = {};
  /** Bare tesseract.js's time per kind (--bare). @type {Record<string, import('./report.mjs').Timing> | null} */
  let bareTiming = null;
  /** The cores the app's own workers loaded (before bare tesseract.js loads its). @type {string[]} */
  let appCores = [];
  /** Each kind's recognition workers' busy shares while it ran. @type {Record<string, { lane: number, busy: number }[]>} */
  const kindWorkers = {};
  let account;
  let memoryOurs;
  /** @type {any} the long born-digital PDF: pages, ms, status, error, pagesPerS, memory */
  let longRun = null;
  try {
    log(`bench: app ready in ${app.readyMs} ms at ${server.url}`);
    account = await createAccount(app.page);
    if (!account.token) log(`bench: could not create an account (HTTP ${account.status}); running anonymous`);
    // Allowances are set when the app is built (a test build has small ones): run as
    // whichever of the new free account and anonymous has more pages left.
    const left = (/** @type {{ cap?: number, used?: number, credits?: number }} */ b) => (typeof b.credits === 'number' ? b.credits : (b.cap ?? 0) - (b.used ?? 0));
    const asAnon = await balance(app.page, null);
    const asFree = account.token ? await balance(app.page, account.token) : null;
    const useAnon = !asFree || (asAnon.status === 200 && left(asAnon) > left(asFree));
    const token = useAnon ? null : account.token;
    // The set, the warm-up, and the born-digital PDFs' further passes (the kind under a second).
    const repeats = (Math.max(1, Number(args.passes) || 1) - 1) * subs.filter((s) => s.group === 'pdf-digital').reduce((n, s) => n + pdfPages(s), 0);
    // a vlm page costs five (the hosted service's price); the receipts with a key are read twice
    const perPage = args.tier === 'vlm' ? 5 : 1;
    const keyedPages = subs.filter((s) => pdfPages(s) === 1 && keyFor(s.path)).length;
    const cost = perPage * (subs.reduce((n, s) => n + pdfPages(s), 0) + 5 + repeats);
    const chosen = useAnon ? asAnon : /** @type {typeof asAnon} */ (asFree);
    account = { ...account, anonymous: asAnon, free: asFree, used: useAnon ? 'anonymous' : 'free' };
    log(`bench: running as ${account.used} (${left(chosen)} pages left of cap ${chosen.cap}); this run needs about ${cost}${keyedPages ? `, and ${perPage * keyedPages} for the receipt tool (a new account if these run out)` : ''}`);
    if (left(chosen) < cost) log('bench: WARNING: the build\'s allowance is too small for this run, so some pages will fail with 402; build with the default config (npm run bench builds first)');
    const opts = { tier: /** @type {string} */ (args.tier), token, timeoutMs: Number(args.timeout) * 1000 };
    sampler.phase('warm-up');
    if (!args['no-warmup']) {
      // Warm with an image of the set (it is scored again later) only when the set has one.
      const first = subs.find((s) => s.mime.startsWith('image/') && s.lang === 'eng') ?? subs.find((s) => s.mime.startsWith('image/'));
      warmup = { file: null, ms: 0 };
      if (first) {
        const t0 = performance.now();
        app.inFlight.add(`warm-up ${first.name}`);
        const r = await submit(app.page, first, { ...opts, language: first.lang });
        app.inFlight.clear();
        warmup = { file: first.name, ms: performance.now() - t0, status: r.status, httpStatus: r.httpStatus, error: r.error };
        log(`bench: warm-up ${first.name}: ${r.status ?? r.httpStatus} in ${(warmup.ms / 1000).toFixed(1)} s (not scored)`);
      }
      // PDFs go through pdf.js (its workers, fonts, CMaps): warm that path too, with a
      // two-page PDF made here rather than an evaluation file, when the set has PDFs. As many
      // at once as files will be in flight: each open document has a pdf.js worker (up to
      // two), and each worker compiles pdf.js for itself the first time it reads a file.
      if (subs.some((s) => s.mime === 'application/pdf')) {
        const t1 = performance.now();
        const file = warmupPdf();
        const r2s = await Promise.all(Array.from({ length: Math.min(parallel, 2) }, () => submit(app.page, file, { ...opts, language: 'eng' })));
        const r2 = r2s.find((r) => r.status !== 'done') ?? r2s[0];
        warmup.pdf = { ms: performance.now() - t1, copies: r2s.length, status: r2.status, error: r2.error };
        log(`bench: warm-up PDF (2 born-digital pages, ${r2s.length} at once): ${r2.status ?? r2.httpStatus} in ${(warmup.pdf.ms / 1000).toFixed(1)} s (not scored)`);
      }
    }
    runStats.before = await workerStats(app.page);
    for (const [group, gsubs] of groups) {
      await stage(app.page, gsubs);
      const kindBefore = await workerStats(app.page);
      sampler.phase('set');
      const cpuBefore = cpuSampler.mark();
      const t0 = performance.now();
      const results = await pool(gsubs, parallel, async (s) => {
        app.inFlight.add(s.name);
        // Read as native Tesseract reads it: plain OCR. Receipts with a key are read again with
        // the receipt tool after the clock (below), for the fields table.
        const r = await submit(app.page, s, { ...opts, language: s.lang });
        app.inFlight.delete(s.name);
        const ok = r.httpStatus < 400 && r.status === 'done';
        log(`  ${group.padEnd(12)} ${s.name.padEnd(42)} ${ok ? 'done' : `FAILED (${r.httpStatus} ${r.status}: ${r.error})`} ${r.pageCount} p, ${(r.ms / 1000).toFixed(1)} s${r.postStatus === 202 ? `, 202 + ${r.polls} polls` : ''}`);
        return { s, r, ok };
      });
      const wallMs = performance.now() - t0;
      const cpuUsed = between(cpuBefore, cpuSampler.mark());
      kindWorkers[group] = busyShares(kindBefore?.recognize, (await workerStats(app.page))?.recognize);
      const kindPages = results.reduce((n, { s, r }) => n + Math.max(r.pageCount, s.pages.length), 0);
      oursTiming[group] = { pages: kindPages, wallMs };
      cpuRows.push({ label: group, pages: kindPages, wallMs, cpu: cpuUsed });
      // The born-digital PDFs are done in a fifth of a second, a window that a busy machine's
      // scheduling swings by half either way: they are timed again, fresh uploads of the same
      // files, and the row takes the median. (Not the OCR kinds: a second pass would find
      // its language's worker started, which native Tesseract never does.)
      const passes = Math.max(1, Number(args.passes) || 1);
      if (passes > 1 && group === 'pdf-digital' && wallMs < SHORT_KIND_MS && results.every(({ ok }) => ok)) {
        const passMs = [wallMs];
        while (passMs.length < passes) {
          const t1 = performance.now();
          const again = await pool(gsubs, parallel, (s) => submit(app.page, s, { ...opts, language: s.lang }));
          const ms = performance.now() - t1;
          const bad = again.find((r) => r.httpStatus >= 400 || r.status !== 'done');
          if (bad) {
            log(`  ${group.padEnd(12)} pass ${passMs.length + 1} FAILED (${bad.httpStatus} ${bad.status}: ${bad.error}); the kind is timed by its passes so far`);
            break;
          }
          passMs.push(ms);
        }
        const sorted = [...passMs].sort((a, b) => a - b);
        oursTiming[group] = { pages: kindPages, wallMs, passMs, medianMs: sorted[sorted.length >> 1] };
        log(`  ${group.padEnd(12)} ${passMs.length} passes: ${passMs.map((ms) => (kindPages / (ms / 1000)).toFixed(1)).join(', ')} pages/s`);
      }
      // Receipts with a key (SROIE's company, date, address, total), read again with
      // tool=receipt: the fields table, and the tool's own pages/s (its second reading of the
      // name, address and unsure lines by PP-OCR is work native Tesseract does not do).
      const keyed = gsubs.filter((s) => s.pages.length === 1 && keyFor(s.path));
      if (keyed.length) {
        sampler.phase('receipt tool (after the clock)');
        // The pass must not run out of the account's pages part way (a 402 would read as a
        // receipt whose fields were all missed): where too few are left, a new free account reads it.
        let toolOpts = opts;
        const now = await balance(app.page, opts.token);
        if (left(now) < perPage * keyed.length) {
          const fresh = await createAccount(app.page);
          if (fresh.token && left(await balance(app.page, fresh.token)) > left(now)) toolOpts = { ...opts, token: fresh.token };
          log(`bench: ${left(now)} pages left for the receipt tool's ${perPage * keyed.length}: ${toolOpts === opts ? 'no new account could be made; some will fail with 402' : 'read as a new free account'}`);
        }
        const t1 = performance.now();
        const runs = await pool(keyed, parallel, async (s) => ({ s, r: await submit(app.page, s, { ...toolOpts, language: s.lang, tool: 'receipt' }) }));
        const ms = performance.now() - t1;
        for (const { s, r } of runs) receiptRuns.push({ name: s.name, key: keyFor(s.path), fields: r.fields, ...(r.status === 'done' ? {} : { failed: r.error ?? `HTTP ${r.httpStatus}` }) });
        const rereads = runs.flatMap(({ r }) => r.pages.map((p) => p.timings?.reread ?? 0));
        const cers = runs.map(({ s, r }) => (r.status === 'done' && r.pages[0] ? scorePage(r.pages[0].text, s.pages[0].gtText, { caseInsensitive: s.pages[0].caseInsensitive }).cer : 1));
        receiptTool[group] = { pages: keyed.length, wallMs: ms, rereadMs: rereads.reduce((a, b) => a + b, 0) / Math.max(1, rereads.length), cer: cers.reduce((a, b) => a + b, 0) / cers.length };
        log(`  ${group.padEnd(12)} ${keyed.length} receipts again with tool=receipt: ${(keyed.length / (ms / 1000)).toFixed(2)} pages/s (not in the table's speed)`);
      }
      await unstage(app.page);
      for (const { s, r, ok } of results) {
        submitLog.push({ file: s.name, group, lang: s.lang, ms: r.ms, postStatus: r.postStatus, httpStatus: r.httpStatus, status: r.status, error: r.error, pageCount: r.pageCount, polls: r.polls, uuid: r.uuid, meanConfidence: r.meanConfidence, detectedLanguage: r.detectedLanguage });
        for (const p of s.pages) {
          const rec = /** @type {import('./report.mjs').PageRecord} */ (records.get(p));
          const pg = r.pages.find((x) => x.index === p.pageIndex) ?? r.pages[p.pageIndex];
          if (!ok || !pg) rec.ours = { ...FAILED_SCORE, failed: true, error: ok ? `page ${p.pageIndex + 1} missing from the job` : r.error ?? `HTTP ${r.httpStatus}, status ${r.status}` };
          else rec.ours = { ...scorePage(pg.text, p.gtText, { caseInsensitive: p.caseInsensitive }), ms: r.ms / s.pages.length, text: pg.text };
          if (ok && pg?.timings) rec.timings = pg.timings;
          const detail = r.uuid ? app.details.get(`${r.uuid}/${p.pageIndex}`) : undefined;
          if (detail) rec.detail = detail;
        }
        // Every word of the job in each export (after the clock: not part of pages/s), and
        // every table cell in the CSV.
        if (ok && r.uuid) {
          sampler.phase('exports (after the clock)');
          try {
            const downloads = {};
            for (const f of WORD_FORMATS) downloads[f] = await downloadExport(app.page, r.uuid, f, opts.token);
            const shares = exportWordShares(r.pages.map((x) => x.text).join('\f'), downloads);
            const worst = Math.min(...Object.values(shares).map((x) => x.found));
            const worstOrder = Math.min(...Object.values(shares).map((x) => x.inOrder));
            const job = JSON.parse(Buffer.from(await downloadExport(app.page, r.uuid, 'json', opts.token)).toString('utf8'));
            const csvRows = Papa.parse(Buffer.from(await downloadExport(app.page, r.uuid, 'csv', opts.token)).toString('utf8'), { skipEmptyLines: true }).data;
            const csvMissing = missingCells(job, csvRows);
            exportChecks.push({ file: s.name, group, shares, csvMissing, cells: job.pages.reduce((n, p) => n + p.tables.reduce((m, t) => m + t.rows.flat().filter((c) => c.trim()).length, 0), 0) });
            for (const p of s.pages) {
              const rec = /** @type {import('./report.mjs').PageRecord} */ (records.get(p));
              if (rec.ours && !rec.ours.failed) rec.ours = { ...rec.ours, exportWords: worst, exportOrder: worstOrder, exportShares: shares };
            }
          } catch (e) {
            log(`  ${group.padEnd(12)} ${s.name}: exports not checked (${e})`);
          }
        }
      }
    }
    runStats.after = await workerStats(app.page);
    appCores = [...app.cores];
    // The WASM engine's own limit: the same page images through bare tesseract.js, here.
    if (args.bare && args.tier === 'cpu') {
      const workers = await app.page.evaluate(() => Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 4)));
      // The core the app's recognising workers loaded: bare tesseract.js runs the same build.
      const core = appCores.find((c) => /-lstm(\.wasm)?\.js$/.test(c)) ?? '/vendor/tesseract/tesseract-core-lstm.js';
      bareTiming = {};
      sampler.phase('bare tesseract.js');
      for (const [group, gsubs] of groups) {
        const pages = gsubs.flatMap((s) => s.pages);
        const { results, wallMs } = await runBare(app.page, pages, { workers, core });
        bareTiming[group] = { pages: pages.length, wallMs };
        results.forEach((r, i) => {
          const p = pages[i];
          const rec = /** @type {import('./report.mjs').PageRecord} */ (records.get(p));
          rec.bare = r.error ? { ...FAILED_SCORE, failed: true, error: r.error } : { ...scorePage(r.text, p.gtText, { caseInsensitive: p.caseInsensitive }), ms: r.ms, text: r.text };
        });
        log(`  bare tesseract.js ${group.padEnd(12)} ${pages.length} p in ${(wallMs / 1000).toFixed(1)} s (${workers} workers)`);
      }
    }
    // Born-digital throughput over a long file (a free account: anonymous files are capped).
    const longPages = Number(args['long-pdf']) || 0;
    if (longPages > 0 && args.tier === 'cpu' && subs.some((s) => s.group === 'pdf-digital') && account.token) {
      // The set's peak memory is the set's; this file's is reported apart.
      memoryOurs = sampler.stop();
      const longSampler = startSampler(() => pidsWithCmdline(app.userDataDir));
      const file = longPdf(longPages);
      const r = await submit(app.page, file, { ...opts, token: account.token, language: 'eng' }).finally(() => (longRun = { ...longRun, memory: longSampler.stop() }));
      longRun = { ...longRun, pages: r.pageCount, ms: r.ms, status: r.status, error: r.error, pagesPerS: r.status === 'done' ? r.pageCount / (r.ms / 1000) : 0 };
      log(`bench: long born-digital PDF: ${r.status ?? r.httpStatus} ${r.pageCount} pages in ${(r.ms / 1000).toFixed(1)} s${r.error ? ` (${r.error})` : ''}`);
    }
  } finally {
    memoryOurs ??= sampler.stop();
    cpuSampler.stop();
    await app.close();
    await server.close();
  }

  // ---- native Tesseract ----
  // The fair baseline: OMP_THREAD_LIMIT=1, one thread a process, as many processes as the
  // app has engine workers. With --native-default-threads, Tesseract as it starts by default
  // (OpenMP threads in each process) is run too and printed beside.
  /** @type {Record<string, import('./report.mjs').Timing> | null} */
  let nativeTiming = null;
  /** @type {Record<string, import('./report.mjs').Timing> | null} */
  let nativeDefaultTiming = null;
  let memoryNative = null;
  let memoryNativeDefault = null;
  const version = withNative ? nativeVersion() : null;
  if (withNative && !version) log('bench: tesseract is not on PATH; skipping native');
  const ompArg = String(args['native-omp-threads']).trim();
  const ompThreads = ompArg === 'default' ? 0 : Math.max(0, Number(ompArg) || 0);
  const nativeParallel = Number(args['native-parallel']) || 2;
  if (version) {
    const tessdataDir = args['native-data'] === 'js'
      ? jsTessdata(ROOT, join(tmpdir(), 'ocrchat-bench-tessdata'), [...new Set(subs.flatMap((s) => s.lang.split('+')))])
      : undefined;
    const have = nativeLangs(tessdataDir);
    /**
     * The set through native Tesseract; each page's score goes to rec[field].
     * @param {number} threads  OMP_THREAD_LIMIT, 0: unset
     * @param {'native' | 'nativeDefault'} field
     */
    const nativeSet = async (threads, field) => {
      log(`bench: native ${version}, languages ${[...have].join(' ')}, ${nativeParallel} processes, OMP_THREAD_LIMIT=${threads || 'unset'}`);
      /** @type {Set<number>} */
      const pids = new Set();
      const nsampler = startSampler(() => [...pids]);
      /** @type {Record<string, import('./report.mjs').Timing>} */
      const timing = {};
      for (const [group, gsubs] of groups) {
        const pages = gsubs.flatMap((s) => s.pages);
        const jobs = pages.map((p) => ({ page: p, image: p.imagePath, ...nativeLang(p.lang, have) }));
        const { results, wallMs } = await runNative(jobs, { parallel: nativeParallel, tessdataDir, ompThreads: threads || undefined, onSpawn: (pid) => pids.add(pid) });
        timing[group] = { pages: pages.length, wallMs };
        results.forEach((r, i) => {
          const { page, lang, fallback } = jobs[i];
          const rec = /** @type {import('./report.mjs').PageRecord} */ (records.get(page));
          rec[field] = r.error
            ? { ...FAILED_SCORE, failed: true, error: r.error, fallback, lang }
            : { ...scorePage(r.text, page.gtText, { caseInsensitive: page.caseInsensitive }), fallback, lang, ms: r.ms, text: r.text };
        });
        log(`  native ${group.padEnd(12)} ${pages.length} p in ${(wallMs / 1000).toFixed(1)} s (OMP_THREAD_LIMIT=${threads || 'unset'})`);
      }
      return { timing, memory: nsampler.stop() };
    };
    ({ timing: nativeTiming, memory: memoryNative } = await nativeSet(ompThreads, 'native'));
    if (args['native-default-threads'] && ompThreads) ({ timing: nativeDefaultTiming, memory: memoryNativeDefault } = await nativeSet(0, 'nativeDefault'));
  }

  // ---- report ----
  const pages = [...records.values()];
  const summary = summarise(pages, { ours: oursTiming, native: nativeTiming, nativeDefault: nativeDefaultTiming, bare: bareTiming });
  const table = formatTable(summary, { native: !!nativeTiming, nativeDefault: !!nativeDefaultTiming, bare: !!bareTiming, memory: { ours: memoryOurs, native: memoryNative, nativeDefault: memoryNativeDefault } });
  const notes = [
    `tier ${args.tier}; ${parallel} file(s) at once in the app${nativeTiming ? `; native: ${nativeParallel} processes (the app's engine workers), OMP_THREAD_LIMIT=${ompThreads || 'unset (Tesseract\'s default settings)'}${nativeDefaultTiming ? '; "native default": the same processes with OMP_THREAD_LIMIT unset (OpenMP threads as Tesseract starts them), its pages/s and CER in the last columns' : ''}, data ${args['native-data']}` : ''}; ${cpus().length} CPUs`,
    'pages/s: pages processed ÷ wall time of that kind (whole PDFs count all their pages: trident has 7, 4 scored); overall pages/s over every kind, silver included',
    'CER/WER/order-free: means over gold pages on kind rows and overall (silver rows apart); a failed page counts 1; ratios above 1 mean faster (speed) or more errors (CER)',
  ];
  if (nativeTiming && pages.some((p) => p.native?.fallback)) notes.push('† native lacks that language here and read the page with what it has (eng); see --native-data js');
  for (const [group, t] of Object.entries(oursTiming)) {
    if (!t.passMs) continue;
    const rates = t.passMs.map((/** @type {number} */ ms) => t.pages / (ms / 1000));
    notes.push(`${group}: done in ${(t.wallMs / 1000).toFixed(2)} s, too short to time once, so timed over ${rates.length} passes (fresh uploads of the same files, in turn); its pages/s is their median; each pass: ${rates.map((/** @type {number} */ r) => r.toFixed(1)).join(', ')} (the first, as read in the run: ${rates[0].toFixed(1)})`);
  }
  if (bareTiming) notes.push('bare tesseract.js: the page images native Tesseract reads (a PDF\'s pages as the manifest\'s images), through tesseract.js\'s createWorker in the same browser with the app\'s served cores and traineddata, LSTM only, PSM 3, text and blocks out, as many workers per language as the app\'s pool, started before the clock; no orientation, layout, store or queue: the WASM engine\'s own limit');
  for (const [group, t] of Object.entries(receiptTool)) notes.push(`${group}: timed as plain OCR, as native Tesseract reads them; the ${t.pages} with a key read again with tool=receipt (after the clock, for the fields table): ${(t.pages / (t.wallMs / 1000)).toFixed(2)} pages/s, its second reading (reread) ${Math.round(t.rereadMs)} ms a page on average; mean CER of the tool's text ${t.cer.toFixed(3)}`);
  notes.push(`tesseract.js cores loaded by the app's workers: ${appCores.join(', ') || 'none seen'}`);
  if (warmup) notes.push(`warm-up (not scored): ${warmup.file ?? 'no image'} ${(warmup.ms / 1000).toFixed(1)} s${warmup.pdf ? `, a 2-page PDF (${warmup.pdf.copies} at once) ${(warmup.pdf.ms / 1000).toFixed(1)} s` : ''}; app ready in ${(app.readyMs / 1000).toFixed(1)} s`);
  if (longRun) notes.push(`born-digital over a long file (generated, ${longRun.pages} pages, text layer), read after the set: ${longRun.status === 'done' ? `${longRun.pagesPerS.toFixed(1)} pages/s (${(longRun.ms / 1000).toFixed(1)} s, upload to result)` : `FAILED: ${longRun.error}`}; peak memory meanwhile ${longRun.memory?.pssMB.toFixed(0)} MB PSS (not in the set's peak above)`);
  if (exportChecks.length) {
    const lacking = exportChecks.flatMap((c) => Object.entries(c.shares).filter(([, x]) => x.found < 1 || x.inOrder < 1).map(([f, x]) => `${c.file} ${f}: ${(100 * x.found).toFixed(1)}% found, ${(100 * x.inOrder).toFixed(1)}% in order${x.missing.length ? `, lacks ${x.missing.slice(0, 8).join(' ')}` : ''}`));
    const withTables = exportChecks.filter((c) => c.cells > 0 && c.csvMissing);
    const csvLacking = withTables.filter((c) => c.csvMissing.length);
    notes.push(`words in exports: the worst page of the kind, its job's words found in the least of txt, md, docx (document.xml) and pdf (pdftotext -raw), and (order) the least share found in the job's order; ${lacking.length ? `short: ${lacking.join('; ')}` : 'every export of every file has every word, in order'}`);
    notes.push(`csv: ${withTables.length - csvLacking.length} of ${withTables.length} files with tables carry every table cell${csvLacking.length ? `; lacking: ${csvLacking.map((c) => `${c.file} (${c.csvMissing.length} of ${c.cells}: ${c.csvMissing.slice(0, 5).join(' | ')})`).join('; ')}` : ''}${exportChecks.some((c) => !c.csvMissing) ? ` (receipts read with tool=receipt: their CSV is the line items, not checked here)` : ''}`);
  }
  const failed = pages.filter((p) => p.ours?.failed);
  // Where the app's time goes (each page's timings_ms), and how busy its engine workers were.
  const steps = summariseSteps(pages);
  const workers = { kinds: kindWorkers, run: busyShares(runStats.before?.recognize, runStats.after?.recognize), osd: busyShares(runStats.before?.osd, runStats.after?.osd) };
  const out = [table, '', ...notes.map((n) => `- ${n}`)];
  if (steps.length) {
    out.push('', 'where the time goes (the app, each page\'s timings_ms): mean ms per page of each step and its share of the page\'s work; queue: mean wait from the upload to the page\'s start; worker wait: for a free engine worker once decoded; workers busy: each recognition worker\'s busy share while the kind ran', formatSteps(steps, workers));
  }
  if (cpuRows.length) {
    const all = { label: 'all', pages: cpuRows.reduce((n, r) => n + r.pages, 0), wallMs: cpuRows.reduce((n, r) => n + r.wallMs, 0), cpu: Object.fromEntries(CPU_CLASSES.map((c) => [c, cpuRows.reduce((n, r) => n + (r.cpu[c] ?? 0), 0)])) };
    out.push('', "where the CPU goes (Chromium's threads from /proc, while each kind was timed): CPU ms a page by what the thread does, its share, and the cores busy on average", formatCpu([...cpuRows, all]), ...CPU_CLASSES.map((c) => `  ${c}: ${CPU_CLASS_NOTES[c]}`));
  }
  const receipts = receiptRuns.length ? receiptTable(receiptRuns) : null;
  if (receipts) out.push('', receipts.table, ...(receipts.misses.length ? ['misses:', ...receipts.misses] : []));
  if (failed.length) out.push('', 'failed pages (ours):', ...failed.map((p) => `  ${p.name}: ${p.ours?.error}`));
  const nfailed = pages.filter((p) => p.native?.failed);
  if (nfailed.length) out.push('', 'failed pages (native):', ...nfailed.map((p) => `  ${p.name}: ${p.native?.error}`));
  /** @type {Map<string, Set<string>>} distinct message → files in flight when it came */
  const problems = new Map();
  for (const { message, during } of app.problems) {
    const key = message.replace(/\s+/g, ' ').slice(0, 160);
    const set = problems.get(key) ?? new Set();
    for (const d of during) set.add(d);
    problems.set(key, set);
  }
  if (problems.size) {
    out.push('', `browser console errors/warnings (${app.problems.length}, ${problems.size} distinct; first 20):`);
    for (const [m, during] of [...problems].slice(0, 20)) out.push(`  ${m}${during.size ? `  [during ${[...during].slice(0, 3).join(', ')}${during.size > 3 ? ', …' : ''}]` : ''}`);
  }
  console.log(out.join('\n'));

  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({
    args: { ...args, kinds, parallel }, date: new Date().toISOString(), cpus: cpus().length, native: version,
    readyMs: app.readyMs, longPdf: longRun, account: account ? { status: account.status, ok: !!account.token, used: account.used, anonymous: account.anonymous, free: account.free } : null, warmup,
    cores: appCores, timing: { ours: oursTiming, native: nativeTiming, nativeDefault: nativeDefaultTiming, bare: bareTiming, nativeOmpThreads: ompThreads || null }, memory: { ours: memoryOurs, native: memoryNative, nativeDefault: memoryNativeDefault },
    summary, steps, workers, cpu: cpuRows, submissions: submitLog, pages, browserProblems: app.problems, receipts: receiptRuns, receiptTool, exports: exportChecks,
  }, null, 1));
  log(`bench: results in ${file}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: harness error: ${e?.stack ?? e}`);
    process.exit(1);
  },
);
