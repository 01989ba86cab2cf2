#!/usr/bin/env node
// Chat on real OCR, through POST /api/v1/chat/<uuid>/ of the app in headless Chromium.
//
// Prose (--set questions): the documents of bench/chat-questions.json (born-digital and
// scanned PDFs, multi-column pages, forms, a table; ../shared/eval/public) are read by the
// app (--tier, default cpu), and each question is asked of its job. A reply is right when it
// states the answer and cites one of its pages with that page's exact text; a question the
// text cannot answer is right when the reply declines. Held-out questions (never tuned on)
// are reported apart.
//
// Receipts (--set receipts): each receipt of ../shared/eval/public is read by the app, then
// asked "What is the total?" and "What is the date?". An answer is right when it states the value the receipt's
// ground truth holds and cites page 1 (and no other) with snippets of the page's exact
// text. Whether a cited snippet also prints the value is counted apart: a value worked
// out from misread text (31.02 less its rounding 0.02; "17/83/2817" read as 17/03/2017)
// is not printed anywhere.
//
//   node bench/chat.mjs --dist DIR [--set all|questions|receipts] [--tier cpu|vlm] [--port 4398] [--timeout 300] [--eval DIR] [--limit N]
//   npm run bench:chat -- --dist DIR
//
// Builds nothing: give it a build (e.g. `OCR_DIST=/tmp/chat-bench-dist npx vite build`).
// Writes bench/results/chat-<time>.json with every job, answer and score.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAccount, freePort, openApp, serve, submit, withTimeout } from './browser.mjs';
import { loadQuestions, scoreReply, summarise } from './chat-questions.mjs';
import { DATE_QUESTION, TOTAL_QUESTION, citesPage, citesValue, holdsValue, manifestReceipts, statesValue } from './receipts.mjs';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: join(ROOT, 'dist') },
    eval: { type: 'string', default: process.env.OCR_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval', 'public') },
    port: { type: 'string', default: '4398' },
    timeout: { type: 'string', default: '300' },
    limit: { type: 'string' },
    set: { type: 'string', default: 'all' },
    tier: { type: 'string', default: 'cpu' },
    /** only the questions of this batch (b2 … b9; "first" for the first 84) */
    batch: { type: 'string' },
  },
});

const log = (/** @type {string} */ m) => process.stderr.write(`${m}\n`);

/**
 * Asks one question about a job, from inside the page, as a user's script would.
 * @param {import('playwright-core').Page} page
 * @param {string} uuid
 * @param {string} token
 * @param {string} message
 * @returns {Promise<{ status: number, ms: number, message: { content: string, citations?: { page: number, snippet: string }[], answerer?: string } | null, error: string | null }>}
 */
function ask(page, uuid, token, message) {
  const inPage = page.evaluate(async (a) => {
    const t0 = performance.now();
    const res = await fetch(`/api/v1/chat/${a.uuid}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${a.token}` },
      body: JSON.stringify({ message: a.message }),
    });
    const body = await res.json().catch(() => null);
    const ms = performance.now() - t0;
    return res.ok ? { status: res.status, ms, message: body?.message ?? null, error: null } : { status: res.status, ms, message: null, error: `${body?.error}: ${body?.detail}` };
  }, { uuid, token, message });
  return withTimeout(inPage, 60_000, `chat ${uuid}`);
}

/**
 * The full job (pages, blocks, lines), for the results file.
 * @param {import('playwright-core').Page} page
 * @param {string} uuid
 * @param {string} token
 */
function fetchJob(page, uuid, token) {
  return page.evaluate(async (a) => (await fetch(`/api/v1/ocr/${a.uuid}/`, { headers: { Authorization: `Bearer ${a.token}` } })).json(), { uuid, token });
}

/**
 * OCR of one file, metered against the bench's account; when the free plan's pages run out
 * (HTTP 402: the question set and the receipts on the vlm tier need more than one month's
 * pages), a new account takes over and the file is sent again.
 * @param {import('playwright-core').Page} page
 * @param {{ path: string, name: string, mime: string }} file
 * @param {{ token: string }} account  its token is replaced when a new account takes over
 */
async function ocrOf(page, file, account) {
  const opts = () => ({ tier: String(args.tier), language: 'eng', token: account.token, timeoutMs: Number(args.timeout) * 1000 });
  const ocr = await submit(page, file, opts());
  if (ocr.httpStatus !== 402) return ocr;
  const fresh = await createAccount(page);
  if (!fresh.token) return ocr;
  log(`  (the account's pages ran out: a new account for ${file.name} and what follows)`);
  account.token = fresh.token;
  return submit(page, file, opts());
}

const clip = (/** @type {string} */ s, /** @type {number} */ n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pct = (/** @type {number} */ a, /** @type {number} */ b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

/**
 * The prose question set on the app's own OCR of each document.
 * @param {import('playwright-core').Page} page
 * @param {{ token: string }} account
 * @param {string} evalDir
 */
async function runQuestions(page, account, evalDir) {
  const { docs, questions } = loadQuestions();
  /** @type {any[]} */
  const rows = [];
  /** @type {Record<string, any>} */
  const jobs = {};
  for (const [key, doc] of Object.entries(docs)) {
    const asked = questions.filter((q) => q.doc === key && (!args.batch || (q.batch ?? 'first') === args.batch));
    if (!asked.length) continue;
    const file = { path: join(doc.dir ?? evalDir, doc.file), name: doc.file.split('/').pop() ?? doc.file, mime: doc.mime };
    const ocr = await ocrOf(page, file, account);
    const token = account.token;
    if (ocr.status !== 'done' || !ocr.uuid) {
      log(`  ${key}: OCR ${ocr.status ?? ocr.httpStatus} (${ocr.error}); its ${asked.length} questions count as wrong`);
      for (const q of asked) rows.push({ q, ok: false, content: `(no job: ${ocr.error})`, citations: [] });
      continue;
    }
    const job = await fetchJob(page, ocr.uuid, token);
    jobs[key] = { uuid: ocr.uuid, ms: ocr.ms, pages: job.pages?.map((/** @type {any} */ p) => p.text) };
    const pageText = (/** @type {number} */ n) => String(job.pages?.[n - 1]?.text ?? '');
    let right = 0;
    for (const q of asked) {
      const a = await ask(page, ocr.uuid, token, q.q);
      const reply = a.message ?? { content: a.error ?? '', citations: [] };
      const score = scoreReply(q, reply, pageText);
      right += score.ok ? 1 : 0;
      rows.push({ q, ...score, content: reply.content, citations: reply.citations ?? [], answerer: a.message?.answerer ?? null, ms: a.ms });
    }
    log(`  ${key}: ${right}/${asked.length} right (OCR ${Math.round(ocr.ms)} ms, ${job.pages?.length} pages)`);
  }
  const s = summarise(rows);
  const f = (/** @type {{ right: number, of: number }} */ p) => `${p.right}/${p.of} = ${pct(p.right, p.of)}`;
  const out = [
    // held-out misses are counted, not shown: reading them one by one would tune on them
    ...rows.filter((r) => !r.ok && !r.q.heldout).map((r) => `  wrong [${r.q.doc}] ${r.q.q} — want ${r.q.answers ? `${r.q.answers.join(' | ')} p. ${r.q.pages}` : 'a decline'}; got ${clip(r.content.replace(/\s+/g, ' '), 110)}`),
    '',
    `prose questions, tier ${args.tier}: ${f(s.all)} right (answer stated, its page cited; declined when the text does not say)`,
    `  tuned on: ${f(s.tuned)} (of them, the later batches b2: ${f(s.b2)}, b3: ${f(s.b3)}, b4: ${f(s.b4)}, b5: ${f(s.b5)}, b6: ${f(s.b6)}, b7: ${f(s.b7)}, b8: ${f(s.b8)}); held out: ${f(s.heldout)} (of them, the blind batch b9 over its own documents: ${f(s.b9)})`,
    `  answerable: ${f(s.answerable)}; unanswerable declined: ${f(s.unanswerable)}`,
  ];
  return { rows, jobs, summary: s, report: out.join('\n') };
}

async function main() {
  const dist = /** @type {string} */ (args.dist);
  const evalDir = /** @type {string} */ (args.eval);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: build the app first (OCR_DIST=${dist} npx vite build)`);
  const doReceipts = args.set === 'all' || args.set === 'receipts';
  const doQuestions = args.set === 'all' || args.set === 'questions';
  /** @type {Awaited<ReturnType<typeof runQuestions>> | null} */
  let prose = null;
  const listed = manifestReceipts(evalDir);
  const known = listed.flatMap((r) => (r.answers ? [{ id: r.id, file: r.file, ...r.answers }] : []));
  const unknown = listed.filter((r) => !r.answers).map((r) => r.id);
  if (unknown.length) log(`bench:chat: no ground-truth values (RECEIPT_ANSWERS or a .key.json) for receipts ${unknown.join(', ')}; left out`);
  const receipts = !doReceipts ? [] : Number(args.limit) > 0 ? known.slice(0, Number(args.limit)) : known;

  const port = await freePort(Number(args.port));
  const server = await serve(ROOT, dist, port);
  const app = await openApp(server.url);
  /** @type {any[]} */
  const rows = [];
  try {
    const account = await createAccount(app.page);
    if (!account.token) throw new Error(`could not create an account (HTTP ${account.status}): chat needs one`);
    const paying = { token: account.token };
    log(`bench:chat: ${receipts.length} receipts, tier ${args.tier}, app ready in ${app.readyMs} ms`);
    if (doQuestions) prose = await runQuestions(app.page, paying, evalDir);
    // the question set alone spends most of a free month's credits (one a page and one a
    // question): the receipts are read and asked on an account of their own
    if (doQuestions && receipts.length) {
      const fresh = await createAccount(app.page);
      if (fresh.token) paying.token = fresh.token;
    }
    for (const r of receipts) {
      const file = { path: r.file, name: basename(r.file), mime: /\.png$/i.test(r.file) ? 'image/png' : 'image/jpeg' };
      const ocr = await ocrOf(app.page, file, paying);
      const token = paying.token;
      /** @type {any} */
      const row = { id: r.id, expected: { total: r.total, date: r.date }, ocrMs: ocr.ms, status: ocr.status, error: ocr.error };
      rows.push(row);
      if (ocr.status !== 'done' || !ocr.uuid) {
        log(`  ${r.id}: OCR ${ocr.status ?? ocr.httpStatus} (${ocr.error})`);
        continue;
      }
      const job = await fetchJob(app.page, ocr.uuid, token);
      const pageText = String(job.pages?.[0]?.text ?? '');
      const t = await ask(app.page, ocr.uuid, token, TOTAL_QUESTION);
      const d = await ask(app.page, ocr.uuid, token, DATE_QUESTION);
      /** @param {typeof t} a @param {string} value */
      const score = (a, value) => ({
        content: a.message?.content ?? a.error ?? '',
        citations: a.message?.citations ?? [],
        answerer: a.message?.answerer ?? null,
        ms: a.ms,
        inText: holdsValue(pageText, value),
        stated: !!a.message && statesValue(a.message.content, value),
        cited: !!a.message && citesPage(a.message, pageText),
        citedPrinted: !!a.message && citesValue(a.message, pageText, value),
      });
      row.total = score(t, r.total);
      row.date = score(d, r.date);
      row.total.ok = row.total.stated && row.total.cited;
      row.date.ok = row.date.stated && row.date.cited;
      row.job = job;
      log(`  ${r.id}: total ${row.total.ok ? 'right' : 'WRONG'} (${clip(row.total.content, 60)}), date ${row.date.ok ? 'right' : 'WRONG'} (${clip(row.date.content, 60)})`);
    }
  } finally {
    await app.close();
    await server.close();
  }

  // ---- report ----
  const mark = (/** @type {any} */ f) => (!f ? 'no job' : f.ok ? (f.citedPrinted ? 'yes' : 'yes *') : f.stated ? 'no (cite)' : f.inText ? 'no' : 'no (OCR lost it)');
  const head = ['receipt', 'total (GT)', 'answer', 'right', 'date (GT)', 'answer', 'right', 'chat ms'];
  const lines = rows.map((x) => [
    x.id,
    x.expected.total,
    clip(x.total?.content ?? x.error ?? '', 44),
    mark(x.total),
    x.expected.date,
    clip(x.date?.content ?? '', 44),
    mark(x.date),
    x.total ? `${Math.round(x.total.ms)}/${Math.round(x.date.ms)}` : '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (/** @type {string[]} */ l) => l.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  const n = rows.length;
  const both = rows.filter((x) => x.total?.ok && x.date?.ok).length;
  const totals = rows.filter((x) => x.total?.ok).length;
  const dates = rows.filter((x) => x.date?.ok).length;
  const reachable = rows.filter((x) => x.total?.inText && x.date?.inText).length;
  const printed = rows.filter((x) => x.total?.ok && x.date?.ok && x.total.citedPrinted && x.date.citedPrinted).length;
  const out = !doReceipts ? [] : [
    fmt(head),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...lines.map(fmt),
    '',
    `total and date both right, citing page 1: ${both}/${n} = ${pct(both, n)}`,
    `total right: ${totals}/${n} = ${pct(totals, n)}; date right: ${dates}/${n} = ${pct(dates, n)}`,
    `both right with cited snippets that print both values: ${printed}/${n} = ${pct(printed, n)}`,
    `receipts whose OCR text holds both values at all: ${reachable}/${n}`,
    `answerers: ${[...new Set(rows.flatMap((x) => [x.total?.answerer, x.date?.answerer]).filter(Boolean))].join(', ') || '—'}`,
    '"yes *": right value and page, worked out from misread text, so no cited snippet prints it; "no (cite)": right value, wrong page or inexact snippet; "no (OCR lost it)": the value is not in the page\'s OCR text',
  ];
  if (prose) out.unshift(prose.report, '');
  console.log(out.join('\n'));
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `chat-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), dist, tier: args.tier, both, totals, dates, n, rows, questions: prose && { summary: prose.summary, jobs: prose.jobs, rows: prose.rows } }, null, 1));
  log(`bench:chat: results in ${file}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench:chat: harness error: ${e?.stack ?? e}`);
    process.exit(1);
  },
);
