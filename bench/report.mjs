// Aggregates per-page scores into the table: one row per kind (gold pages), silver rows
// apart, and an overall row over gold pages only.
import { mean, median } from './score.mjs';
import { GROUP_ORDER } from './manifest.mjs';

/**
 * @typedef {{ cer: number, wer: number, orderFree: number, failed?: boolean, error?: string | null, fallback?: boolean, exportWords?: number, exportOrder?: number }} Scored
 *   exportWords: the least share of the job's words found in any of its txt, md, docx and pdf exports;
 *   exportOrder: the least share found in the job's order
 * @typedef {{ name: string, group: string, lang: string, gold: boolean, ours?: Scored, native?: Scored, nativeDefault?: Scored, bare?: Scored, timings?: Record<string, number> }} PageRecord
 *   native: Tesseract with OMP_THREAD_LIMIT=1 (the fair baseline); nativeDefault: with its default
 *   OpenMP threads (--native-default-threads); bare: bare tesseract.js in the same browser (--bare);
 *   timings: the app's per-step times of the page (ms, the page's timings_ms)
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
 * @param {{ native: boolean, nativeDefault?: boolean, bare?: boolean, memory: { ours?: { pssMB: number, rssMB: number, during?: string[] } | null, native?: { pssMB: number, rssMB: number } | null, nativeDefault?: { pssMB: number, rssMB: number } | null } }} opts
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
  if (mem.ours) out.push('', `peak memory, Chromium process tree: ${mem.ours.pssMB.toFixed(0)} MB PSS (${mem.ours.rssMB.toFixed(0)} MB summed RSS)${mem.ours.during?.length ? `, while reading ${mem.ours.during.join(', ')}` : ''}`);
  if (n && mem.native) out.push(`peak memory, native tesseract processes: ${mem.native.pssMB.toFixed(0)} MB PSS (${mem.native.rssMB.toFixed(0)} MB summed RSS)`);
  if (nd && mem.nativeDefault) out.push(`peak memory, native tesseract processes (default threads): ${mem.nativeDefault.pssMB.toFixed(0)} MB PSS (${mem.nativeDefault.rssMB.toFixed(0)} MB summed RSS)`);
  return out.join('\n');
}
