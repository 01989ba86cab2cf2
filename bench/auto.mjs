#!/usr/bin/env node
// Benchmark of language=auto across scripts: pages rendered here, at run time, from the prose
// in bench/auto-pages/<code>.txt (one paragraph per language, Noto fonts, in headless
// Chromium), plus the public pages in other languages than English (the Arabic lines, the
// Traditional Chinese form) and tesseract.js's own chinese.png; and each language's first
// sentence alone on a line (--no-lines leaves those out), since a script must be found on a
// single line too. Each is POSTed to the app's
// /api/v1/ocr/ with language=auto; the table says, per script, whether the language was
// right (or named in a fast failure), the CER, and what detection cost.
//
//   npm run bench:auto                 builds with a language source (OCR_LANGUAGE_SOURCE=bench-languages/)
//                                      and runs; the source is served from node_modules/@tesseract.js-data
//   node bench/auto.mjs [--dist dist] [--port 4398] [--only pol,ell] [--without pol,ukr]
//                       [--no-public] [--no-lines] [--timeout 300] [--eval DIR] [--keep DIR (the rendered pages are kept there)]
//     --without: those languages are left out of the language source (a source that lacks them)
//     a build without a language source (plain `npm run build`) shows what a deployment
//     without one does: languages not shipped fail at once, naming the language, or are read
//     with a close language of the script, with a page warning.
//
// Offline: nothing leaves the machine (the language source is a folder served with the app).
// Writes bench/results/auto-<time>.json.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { serve, openApp, createAccount, submit, freePort } from './browser.mjs';
import { levenshtein, codePoints } from './score.mjs';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const PAGES = join(ROOT, 'bench', 'auto-pages');
/** Where the build's OCR_LANGUAGE_SOURCE points (relative to the app): `npm run bench:auto` sets it. */
const SOURCE_DIR = 'bench-languages';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: join(ROOT, 'dist') },
    port: { type: 'string', default: '4398' },
    only: { type: 'string', default: '' },
    without: { type: 'string', default: '' },
    'no-public': { type: 'boolean', default: false },
    'no-lines': { type: 'boolean', default: false },
    keep: { type: 'string', default: '' },
    timeout: { type: 'string', default: '300' },
    eval: { type: 'string', default: process.env.OCR_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval', 'public') },
  },
});
const log = (/** @type {string} */ m) => process.stderr.write(`${m}\n`);
const list = (/** @type {string} */ s) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** Each page's script (the table's row) and how it is drawn. */
const LANGS = /** @type {Record<string, { script: string, font: string, rtl?: boolean }>} */ ({
  eng: { script: 'Latin', font: 'Noto Serif' },
  deu: { script: 'Latin', font: 'Noto Sans' },
  fra: { script: 'Latin', font: 'Noto Serif' },
  spa: { script: 'Latin', font: 'Noto Sans' },
  por: { script: 'Latin', font: 'Noto Serif' },
  ita: { script: 'Latin', font: 'Noto Sans' },
  nld: { script: 'Latin', font: 'Noto Serif' },
  pol: { script: 'Latin', font: 'Noto Sans' },
  tur: { script: 'Latin', font: 'Noto Serif' },
  vie: { script: 'Latin', font: 'Noto Sans' },
  rus: { script: 'Cyrillic', font: 'Noto Serif' },
  ukr: { script: 'Cyrillic', font: 'Noto Sans' },
  bul: { script: 'Cyrillic', font: 'Noto Serif' },
  ell: { script: 'Greek', font: 'Noto Sans' },
  heb: { script: 'Hebrew', font: 'Noto Sans Hebrew', rtl: true },
  ara: { script: 'Arabic', font: 'Noto Naskh Arabic', rtl: true },
  hin: { script: 'Devanagari', font: 'Noto Sans Devanagari' },
  tha: { script: 'Thai', font: 'Noto Sans Thai' },
  chi_sim: { script: 'Han', font: 'Noto Sans CJK SC' },
  chi_tra: { script: 'Han', font: 'Noto Sans CJK TC' },
  jpn: { script: 'Japanese', font: 'Noto Sans CJK JP' },
  kor: { script: 'Hangul', font: 'Noto Sans CJK KR' },
});

/** Compared without whitespace (CJK and Thai do not space words) or bidi marks, NFKC. */
const fold = (/** @type {string} */ s) => String(s ?? '').normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '');
function cer(/** @type {string} */ hyp, /** @type {string} */ gt) {
  const g = codePoints(fold(gt));
  return g.length ? levenshtein(codePoints(fold(hyp)), g) / g.length : 0;
}

/**
 * The language source: every installed @tesseract.js-data/<code> that the app does not ship
 * (best_int, as the app's own), minus `without`.
 * @param {string[]} without
 */
function sourceFolder(without) {
  const shipped = new Set(JSON.parse(readFileSync(join(ROOT, 'src', 'languages', 'shipped-languages.json'), 'utf8')));
  const dataDir = join(ROOT, 'node_modules', '@tesseract.js-data');
  const dir = mkdtempSync(join(tmpdir(), 'ocrchat-bench-langs-'));
  const codes = [];
  for (const code of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    if (shipped.has(code) || without.includes(code)) continue;
    const file = ['4.0.0_best_int', '4.0.0'].map((v) => join(dataDir, code, v, `${code}.traineddata.gz`)).find(existsSync);
    if (!file) continue;
    copyFileSync(file, join(dir, `${code}.traineddata.gz`));
    codes.push(code);
  }
  return { dir, codes };
}

/** Whether the build reads languages from SOURCE_DIR (the config is compiled into its scripts). */
function buildHasSource(/** @type {string} */ dist) {
  const assets = join(dist, 'assets');
  return existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes(`${SOURCE_DIR}/`));
}

/** The first sentence of a paragraph, cut at a word (or, unspaced, a character) near 60 characters. */
function firstLine(/** @type {string} */ text) {
  const sentence = text.split(/(?<=[.!?。！？।])\s*/u)[0] ?? text;
  if ([...sentence].length <= 64) return sentence;
  const cut = [...sentence].slice(0, 64).join('');
  return / /.test(cut) ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
}

/**
 * A page of `text` drawn by Chromium in `font`, as a PNG file; `line`: on one line.
 * @param {import('playwright-core').BrowserContext} context
 */
async function render(context, /** @type {string} */ code, /** @type {string} */ text, /** @type {string} */ dir, line = false) {
  const { font, rtl } = LANGS[code];
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1300, height: 900 });
    const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const lang = { chi_sim: 'zh-Hans', chi_tra: 'zh-Hant', jpn: 'ja', kor: 'ko' }[code] ?? code;
    await page.setContent(`<!doctype html><html lang="${lang}"><body style="margin:0;background:#fff">
      <div id="p" dir="${rtl ? 'rtl' : 'ltr'}" style="${line ? 'display:inline-block;white-space:nowrap;padding:24px 30px' : 'width:1100px;padding:60px 70px'};font:26px/1.6 '${font}';color:#111;text-align:start">${esc}</div></body></html>`);
    await page.evaluate(() => document.fonts.ready);
    const file = join(dir, `${code}${line ? '-line' : ''}.png`);
    writeFileSync(file, await page.locator('#p').screenshot({ type: 'png' }));
    return file;
  } finally {
    await page.close();
  }
}

/**
 * The finished job as the API answers it (pages with their warnings).
 * @param {import('playwright-core').Page} page
 */
async function job(page, /** @type {string} */ uuid, /** @type {string | null} */ token) {
  return page.evaluate(async ({ uuid, token }) => {
    const res = await fetch(`/api/v1/ocr/${uuid}/`, { headers: token ? { Authorization: `Bearer ${token}` } : undefined });
    return res.ok ? res.json() : null;
  }, { uuid, token });
}

async function main() {
  const dist = /** @type {string} */ (args.dist);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: npm run bench:auto builds first`);
  const withSource = buildHasSource(dist);
  const source = withSource ? sourceFolder(list(/** @type {string} */ (args.without))) : null;
  log(withSource ? `bench:auto: language source ${SOURCE_DIR}/ holds ${source?.codes.join(' ')}` : 'bench:auto: this build has no language source: only the shipped languages');

  // Without its font Chromium draws another, or boxes: say so rather than score a wrong page.
  const families = (() => {
    try {
      return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    } catch {
      return '';
    }
  })();
  const lacking = [...new Set(Object.values(LANGS).map((l) => l.font))].filter((f) => !families.includes(f));
  if (lacking.length) log(`bench:auto: WARNING: fonts missing (${lacking.join(', ')}): apt-get install fonts-noto-core fonts-noto-cjk`);
  const only = list(/** @type {string} */ (args.only));
  const work = args.keep ? /** @type {string} */ (args.keep) : mkdtempSync(join(tmpdir(), 'ocrchat-bench-auto-'));
  mkdirSync(work, { recursive: true });
  /** @type {{ name: string, script: string, expected: string, gt: string, path: string, mime: string, rendered: boolean, line?: boolean }[]} */
  const items = [];
  for (const code of Object.keys(LANGS)) {
    if (only.length && !only.includes(code)) continue;
    const file = join(PAGES, `${code}.txt`);
    if (existsSync(file)) items.push({ name: `${code}.png`, script: LANGS[code].script, expected: code, gt: readFileSync(file, 'utf8').trim(), path: '', mime: 'image/png', rendered: true });
  }
  if (!args['no-lines']) {
    for (const page of items.filter((i) => i.rendered)) {
      items.push({ ...page, name: page.name.replace('.png', '-line.png'), script: `${page.script} line`, gt: firstLine(page.gt), line: true });
    }
  }
  if (!args['no-public'] && !only.length) {
    const dir = /** @type {string} */ (args.eval);
    const manifest = existsSync(join(dir, 'manifest.json')) ? JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) : [];
    for (const e of manifest) {
      if (e.lang === 'eng' || e.pdf || !/\.(png|jpe?g)$/i.test(e.file)) continue;
      const expected = e.lang.split('+')[0];
      items.push({ name: e.file, script: `public ${LANGS[expected]?.script ?? expected}`, expected, gt: readFileSync(join(dir, e.gt), 'utf8'), path: join(dir, e.file), mime: e.file.endsWith('.png') ? 'image/png' : 'image/jpeg', rendered: false });
    }
    // tests/assets/images/chinese.png of naptha/tesseract.js (Apache-2.0), kept as a test fixture
    const png = join(ROOT, 'test', 'fixtures', 'tesseractjs-chinese.png');
    if (existsSync(png)) items.push({ name: 'tesseractjs chinese.png', script: 'public Han', expected: 'chi_tra', gt: '繁體中文測試', path: png, mime: 'image/png', rendered: false });
  }

  const port = await freePort(Number(args.port));
  const server = await serve(ROOT, dist, port, source ? { [SOURCE_DIR]: source.dir } : {});
  const app = await openApp(server.url);
  /** uuid → the engine's step timings for its first page (console.debug 'ocrchat page') */
  const timings = new Map();
  app.page.on('console', (m) => {
    const t = m.text();
    if (m.type() !== 'debug' || !t.startsWith('ocrchat page ')) return;
    const [, , uuid, index, ...rest] = t.split(' ');
    if (index === '1') timings.set(uuid, JSON.parse(rest.join(' ')));
  });
  /** @type {any[]} */
  const rows = [];
  try {
    const account = await createAccount(app.page);
    const token = account.token;
    for (const item of items) if (item.rendered) item.path = await render(app.context, item.expected, item.gt, work, item.line);
    for (const item of items) {
      const r = await submit(app.page, item, { tier: 'cpu', language: 'auto', token, timeoutMs: Number(args.timeout) * 1000 });
      const done = r.status === 'done';
      const full = done && r.uuid ? await job(app.page, r.uuid, token) : null;
      const pg = full?.pages?.[0];
      const detected = r.detectedLanguage ?? pg?.language ?? null;
      const named = !done && new RegExp(`\\(${item.expected}\\)`).test(r.error ?? '');
      const t = (r.uuid && timings.get(r.uuid)) || {};
      const row = {
        name: item.name, script: item.script, expected: item.expected, detected, status: r.status ?? `HTTP ${r.httpStatus}`,
        right: done ? detected?.split('+')[0] === item.expected || new RegExp(`\\(${item.expected}\\)`).test(pg?.warning ?? '') : named,
        named, cer: done ? cer(r.pages[0]?.text ?? '', item.gt) : null, ms: r.ms, error: done ? null : r.error, warning: pg?.warning ?? null,
        recognize: t.recognize ?? null, first: t.firstMs ?? t.pass1 ?? null, final: t.finalMs ?? null, reads: t.reads ?? null, osd: t.osd ?? 0, timings: t, text: r.pages[0]?.text ?? '',
      };
      rows.push(row);
      log(`  ${item.script.padEnd(16)} ${item.name.padEnd(38)} ${row.status} ${detected ?? '-'}${row.right ? '' : ' WRONG'} ${row.cer === null ? '' : `CER ${row.cer.toFixed(3)}`} ${(r.ms / 1000).toFixed(1)} s${row.warning ? ` [warning: ${row.warning}]` : ''}${row.error ? ` [${row.error.slice(0, 140)}]` : ''}`);
    }
  } finally {
    await app.close();
    await server.close();
    if (!args.keep) rmSync(work, { recursive: true, force: true });
    if (source) rmSync(source.dir, { recursive: true, force: true });
  }

  // ---- report ----
  const f = (/** @type {number | null} */ x, d = 3) => (x === null || Number.isNaN(x) ? '-' : x.toFixed(d));
  const s = (/** @type {number | null} */ ms) => (ms === null ? '-' : (ms / 1000).toFixed(1));
  const out = [];
  out.push(`language=auto, ${withSource ? `language source: ${source?.codes.join(' ')}${args.without ? ` (left out: ${args.without})` : ''}` : 'no language source (shipped languages only)'}`);
  out.push('');
  out.push('| page | script | expected | detected | right | CER | s | recognition s | first pass s | kept read s | reads | warning / error |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    out.push(`| ${r.name} | ${r.script} | ${r.expected} | ${r.detected ?? (r.named ? 'named in failure' : '-')} | ${r.right ? 'yes' : 'NO'} | ${f(r.cer)} | ${s(r.ms)} | ${s(r.recognize)} | ${s(r.first)} | ${s(r.final)} | ${r.reads ?? '-'} | ${(r.warning ?? r.error ?? '').replace(/\|/g, '/').slice(0, 120)} |`);
  }
  out.push('');
  out.push('| script | pages | language right | CER mean | CER max | detection cost: mean s (share of recognition) | full reads per page |');
  out.push('|---|---|---|---|---|---|---|');
  const scripts = [...new Set(rows.map((r) => r.script))];
  for (const sc of [...scripts, 'all rendered', 'all lines']) {
    const rs = sc === 'all rendered' ? rows.filter((r) => !r.script.startsWith('public') && !r.script.endsWith(' line')) : sc === 'all lines' ? rows.filter((r) => r.script.endsWith(' line')) : rows.filter((r) => r.script === sc);
    if (!rs.length) continue;
    const cers = rs.filter((r) => r.cer !== null).map((r) => r.cer);
    const timed = rs.filter((r) => r.recognize !== null && r.final !== null);
    const cost = timed.reduce((n, r) => n + (r.recognize - r.final), 0);
    const all = timed.reduce((n, r) => n + r.recognize, 0);
    const reads = rs.filter((r) => r.reads !== null).map((r) => r.reads);
    out.push(`| ${sc} | ${rs.length} | ${rs.filter((r) => r.right).length}/${rs.length} | ${f(cers.length ? cers.reduce((a, b) => a + b, 0) / cers.length : null)} | ${f(cers.length ? Math.max(...cers) : null)} | ${timed.length ? `${(cost / timed.length / 1000).toFixed(2)} (${Math.round((cost / all) * 100)}%)` : '-'} | ${reads.length ? (reads.reduce((a, b) => a + b, 0) / reads.length).toFixed(1) : '-'} |`);
  }
  out.push('');
  out.push('- right: detected_language is the page\'s language, or the job failed at once naming it ("… (ell)"), or the page\'s warning names it (read with a close language of its script)');
  out.push('- CER: edit distance over characters / ground truth, whitespace and bidi marks ignored, NFKC; failed pages have none');
  out.push('- detection cost: the page\'s recognition time less the one reading that was kept (the first pass, OSD and any reading thrown away); reads: recognitions of the whole page');
  console.log(out.join('\n'));
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `auto-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ args, date: new Date().toISOString(), source: source?.codes ?? null, rows }, null, 1));
  log(`bench:auto: results in ${file}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench:auto: harness error: ${e?.stack ?? e}`);
    process.exit(1);
  },
);
