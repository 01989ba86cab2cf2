// Aggregates per-page scores into the table: one row per kind (gold pages), silver rows
// apart, and an overall row over gold pages only.
import { mean, median } from './score.mjs';
import { GROUP_ORDER } from './manifest.mjs';

/**
 * @typedef {{ cer: number, wer: number, orderFree: number, failed?: boolean, error?: string | null, fallback?: boolean, exportWords?: number, exportOrder?: number }} Scored
 *   exportWords: the least share of the job's words found in any of its txt, md, docx and pdf exports;
 *   exportOrder: the least share found in the job's order
 * @typedef {{ name: string, group: string, lang: string, gold: boolean, ours?: Scored, native?: Scored, nativeDefault?: Scored, bare?: Scored, timings?: Record<string, number>, detail?: Record<string, number> }} PageRecord
 *   native: Tesseract with OMP_THREAD_LIMIT=1 (the fair baseline); nativeDefault: with its default
 *   OpenMP threads (--native-default-threads); bare: bare tesseract.js in the same browser (--bare);
 *   timings: the app's per-step times of the page (ms, the page's timings_ms); detail: the engine's own (console.debug 'ocrchat page')
 * @typedef {{ pages: number, wallMs: number, passMs?: number[], medianMs?: number }} Timing
 *   wallMs: the kind's time in the run; medianMs (a kind too short to time once): the median of passMs, its passes
 * @typedef {{ ours: Record<string, Timing>, native: Record<string, Timing> | null, nativeDefault?: Record<string, Timing> | null, bare?: Record<string, Timing> | null }} Timings
 */

/**
 * @param {(Scored | undefined)[]} xs
 */
function stats(xs) {
  const s = /** @type {Scored[]} */ (xs.filter(Boolean));
  if (!s.length) return null;
  return {
    pages: s.length,
    meanCer: mean(s.map((x) => x.cer)),
    medianCer: median(s.map((x) => x.cer)),
    wer: mean(s.map((x) => x.wer)),
    orderFree: mean(s.map((x) => x.orderFree)),
    failed: s.filter((x) => x.failed).length,
    fallback: s.filter((x) => x.fallback).length,
    exportWords: s.some((x) => x.exportWords !== undefined) ? Math.min(...s.map((x) => x.exportWords ?? 1)) : null,
    exportOrder: s.some((x) => x.exportOrder !== undefined) ? Math.min(...s.map((x) => x.exportOrder ?? 1)) : null,
  };
}

/**
 * @param {Record<string, Timing> | null | undefined} t
 * @param {string[]} groups
 */
function rate(t, groups) {
  if (!t) return null;
  let pages = 0;
  let ms = 0;
  // One kind's row takes the median of its passes where it has several; the overall row
  // takes every kind's time in the run, as the native run's.
  for (const g of groups) if (t[g]) (pages += t[g].pages, (ms += groups.length === 1 ? (t[g].medianMs ?? t[g].wallMs) : t[g].wallMs));
  return ms > 0 ? pages / (ms / 1000) : null;
}

/**
 * The summary rows.
 * @param {PageRecord[]} pages
 * @param {Timings} timings
 */
export function summarise(pages, timings) {
  /** @param {string} label @param {boolean} silver @param {PageRecord[]} ps @param {string[]} timed the kinds whose time goes on this row */
  const row = (label, silver, ps, timed) => ({
    label, silver,
    ours: stats(ps.map((p) => p.ours)), native: stats(ps.map((p) => p.native)),
    nativeDefault: stats(ps.map((p) => p.nativeDefault)), bare: stats(ps.map((p) => p.bare)),
    oursRate: timed.length ? rate(timings.ours, timed) : null, nativeRate: timed.length ? rate(timings.native, timed) : null,
    nativeDefaultRate: timed.length ? rate(timings.nativeDefault, timed) : null, bareRate: timed.length ? rate(timings.bare, timed) : null,
  });
  const groups = [...new Set(pages.map((p) => p.group))].sort((a, b) => {
    const r = (/** @type {string} */ g) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : 99);
    return r(a) - r(b) || a.localeCompare(b);
  });
  const rows = [];
  for (const g of groups) {
    const gold = pages.filter((p) => p.group === g && p.gold);
    const silver = pages.filter((p) => p.group === g && !p.gold);
    // The group's throughput goes on its gold row, or on its silver row when it has no gold pages.
    if (gold.length) rows.push(row(g, false, gold, [g]));
    if (silver.length) rows.push(row(`${g} (silver)`, true, silver, gold.length ? [] : [g]));
  }
  const gold = pages.filter((p) => p.gold);
  const overall = row('overall (gold)', false, gold, groups);
  return { rows, overall };
}

const f3 = (/** @type {number | null | undefined} */ x) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(3));
const f2 = (/** @type {number | null | undefined} */ x) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(2));
const pair = (/** @type {string} */ a, /** @type {string | null} */ b) => (b == null ? a : `${a} / ${b}`);
const ratio = (/** @type {number | null | undefined} */ a, /** @type {number | null | undefined} */ b) => (a == null || b == null || !b ? '–' : `${(a / b).toFixed(2)}×`);

/**
 * The table as Markdown-style text.
 * @param {ReturnType<typeof summarise>} s
 * @param {{ native: boolean, nativeDefault?: boolean, bare?: boolean, memory: { ours?: { pssMB: number, rssMB: number, during?: string[], phases?: Record<string, { pssMB: number, rssMB: number, during?: string[] }> } | null, native?: { pssMB: number, rssMB: number } | null, nativeDefault?: { pssMB: number, rssMB: number } | null } }} opts
 * @returns {string}
 */
export function formatTable(s, opts) {
  const n = opts.native;
  const head = n
    ? ['kind', 'pages', 'mean CER (ours / native)', 'median CER', 'WER', 'order-free word err', 'pages/s', 'speed ours÷native', 'CER ours÷native', 'words in exports']
    : ['kind', 'pages', 'mean CER', 'median CER', 'WER', 'order-free word err', 'pages/s', 'words in exports'];
  const nd = !!opts.nativeDefault;
  const bare = !!opts.bare;
  if (nd) head.push('native default threads: CER', 'pages/s', 'speed ours÷');
  if (bare) head.push('bare tesseract.js: CER', 'pages/s', 'speed ours÷');
  const lines = [head];
  for (const r of [...s.rows, s.overall]) {
    const o = r.ours;
    const v = n ? r.native : null;
    const nv = (/** @type {(x: any) => string} */ fmt, /** @type {string} */ key) => (n ? (v ? fmt(/** @type {any} */ (v)[key]) : '–') : null);
    let pages = o ? String(o.pages) : '0';
    if (o?.failed) pages += ` (${o.failed} failed)`;
    if (n && v?.fallback) pages += ` [native: ${v.fallback} eng†]`;
    const cells = [
      r.label === 'overall (gold)' ? `**${r.label}**` : r.label,
      pages,
      pair(f3(o?.meanCer), nv(f3, 'meanCer')),
      pair(f3(o?.medianCer), nv(f3, 'medianCer')),
      pair(f3(o?.wer), nv(f3, 'wer')),
      pair(f3(o?.orderFree), nv(f3, 'orderFree')),
      pair(f2(r.oursRate), n ? f2(r.nativeRate) : null),
    ];
    if (n) cells.push(ratio(r.oursRate, r.nativeRate), ratio(o?.meanCer, v?.meanCer));
    // The worst page of the kind: the least share of its job's words found in one of txt, md,
    // docx, pdf, and the least share found in the job's order.
    cells.push(o?.exportWords == null ? '–' : `${(100 * o.exportWords).toFixed(1)}%${o.exportOrder == null ? '' : ` (order ${(100 * o.exportOrder).toFixed(1)}%)`}`);
    if (nd) cells.push(f3(r.nativeDefault?.meanCer), f2(r.nativeDefaultRate), ratio(r.oursRate, r.nativeDefaultRate));
    if (bare) cells.push(f3(r.bare?.meanCer), f2(r.bareRate), ratio(r.oursRate, r.bareRate));
    lines.push(cells);
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const row = (/** @type {string[]} */ l) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [row(lines[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(row)];
  const mem = opts.memory;
  if (mem.ours) {
    out.push('', `peak memory, Chromium process tree, whole run: ${mem.ours.pssMB.toFixed(0)} MB PSS (${mem.ours.rssMB.toFixed(0)} MB summed RSS)${mem.ours.during?.length ? `, while reading ${mem.ours.during.join(', ')}` : ''}`);
    // Each part of the run apart: the timed set is what the table's pages/s measure; the
    // reruns after the clock and bare tesseract.js (loaded into the same page) come after it.
    for (const [name, p] of Object.entries(mem.ours.phases ?? {})) {
      if (p.pssMB > 0) out.push(`  ${name}: ${p.pssMB.toFixed(0)} MB PSS${p.during?.length ? `, while reading ${p.during.join(', ')}` : ''}`);
    }
  }
  if (n && mem.native) out.push(`peak memory, native tesseract processes: ${mem.native.pssMB.toFixed(0)} MB PSS (${mem.native.rssMB.toFixed(0)} MB summed RSS)`);
  if (nd && mem.nativeDefault) out.push(`peak memory, native tesseract processes (default threads): ${mem.nativeDefault.pssMB.toFixed(0)} MB PSS (${mem.nativeDefault.rssMB.toFixed(0)} MB summed RSS)`);
  return out.join('\n');
}

/** The steps of a page's timings_ms, in the pipeline's order; queue is the wait before them. */
export const STEPS = ['decode', 'preprocess', 'start', 'orientation', 'language', 'recognize', 'rules', 'layout', 'reread', 'translate', 'store'];

/**
 * Where the time goes, per kind: the mean milliseconds of each step over the kind's pages
 * that carry timings (a step a page did not take counts 0), each step's share of the
 * pages' work (queue and wait apart: waiting, not work), the mean wait in the queue and for a
 * free engine worker (a page decoded ahead waits for one).
 * @param {{ group: string, timings?: Record<string, number> | null }[]} pages
 * @returns {{ label: string, pages: number, queueMs: number, waitMs: number, workMs: number, steps: Record<string, { ms: number, share: number }> }[]}
 */
export function summariseSteps(pages) {
  /** @type {Map<string, Record<string, number>[]>} */
  const byKind = new Map();
  for (const p of pages) {
    if (!p.timings) continue;
    byKind.set(p.group, [...(byKind.get(p.group) ?? []), p.timings]);
  }
  const order = (/** @type {string} */ g) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : 99);
  const kinds = [...byKind.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  /** @param {string} label @param {Record<string, number>[]} ts */
  const row = (label, ts) => {
    const meanOf = (/** @type {string} */ k) => ts.reduce((n, t) => n + (Number(t[k]) || 0), 0) / ts.length;
    /** @type {Record<string, { ms: number, share: number }>} */
    const steps = {};
    for (const k of STEPS) steps[k] = { ms: meanOf(k), share: 0 };
    const workMs = STEPS.reduce((n, k) => n + steps[k].ms, 0);
    for (const k of STEPS) steps[k].share = workMs > 0 ? steps[k].ms / workMs : 0;
    return { label, pages: ts.length, queueMs: meanOf('queue'), waitMs: meanOf('wait'), workMs, steps };
  };
  const rows = kinds.map((k) => row(k, /** @type {Record<string, number>[]} */ (byKind.get(k))));
  const all = [...byKind.values()].flat();
  if (all.length) rows.push(row('all', all));
  return rows;
}

/**
 * @typedef {{ lane: number, busyMs: number, uses: number, started: number, key: string | null }} Lane
 * @typedef {{ at: number, lanes: Lane[] }} PoolStats  a pool's read (window.ocrchat.workers())
 */

/**
 * Each lane's busy share between two reads of a pool: busy time ÷ the time between them.
 * @param {PoolStats | null | undefined} before
 * @param {PoolStats | null | undefined} after
 * @returns {{ lane: number, busy: number, busyMs: number, uses: number }[]}
 */
export function busyShares(before, after) {
  if (!after) return [];
  const span = after.at - (before?.at ?? after.at);
  return after.lanes.map((l) => {
    const b = before?.lanes.find((x) => x.lane === l.lane);
    const busyMs = l.busyMs - (b?.busyMs ?? 0);
    return { lane: l.lane, busyMs, uses: l.uses - (b?.uses ?? 0), busy: span > 0 ? Math.min(1, busyMs / span) : 0 };
  });
}

/**
 * The table of where the time goes: per kind the mean ms of each step and its share of the
 * page's work, the mean wait in the queue, and the engine workers' busy shares while the kind ran.
 * @param {ReturnType<typeof summariseSteps>} rows
 * @param {{ kinds?: Record<string, { lane: number, busy: number }[]>, run?: { lane: number, busy: number, busyMs: number, uses: number }[], osd?: { busy: number, busyMs: number, uses: number }[] }} [workers]
 * @returns {string}
 */
export function formatSteps(rows, workers = {}) {
  const used = STEPS.filter((k) => rows.some((r) => r.steps[k].ms > 0));
  const head = ['kind', 'pages', ...used.map((k) => `${k} ms (share)`), 'work ms', 'queue ms', 'worker wait ms', 'workers busy'];
  const pct = (/** @type {number} */ x) => `${Math.round(100 * x)}%`;
  const lanes = (/** @type {{ busy: number }[] | undefined} */ ls) => (ls?.length ? ls.map((l) => pct(l.busy)).join(' / ') : '–');
  const lines = [head, ...rows.map((r) => [r.label, String(r.pages), ...used.map((k) => `${r.steps[k].ms.toFixed(0)} (${pct(r.steps[k].share)})`), r.workMs.toFixed(0), r.queueMs.toFixed(0), r.waitMs.toFixed(0), lanes(r.label === 'all' ? workers.run : workers.kinds?.[r.label])])];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const fmt = (/** @type {string[]} */ l) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [fmt(lines[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(fmt)];
  if (workers.run?.length) out.push('', `engine workers over the run (recognition pool, by lane): ${workers.run.map((l) => `worker ${l.lane + 1}: ${pct(l.busy)} busy, ${pct(1 - l.busy)} idle (${l.uses} readings, ${(l.busyMs / 1000).toFixed(1)} s)`).join('; ')}`);
  if (workers.osd?.length) out.push(`orientation (OSD) worker over the run: ${workers.osd.map((l) => `${pct(l.busy)} busy (${l.uses} detections, ${(l.busyMs / 1000).toFixed(1)} s)`).join('; ')}`);
  return out.join('\n');
}
