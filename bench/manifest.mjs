// Reads the evaluation manifest and turns it into submissions: one per image, one per
// whole PDF (whose manifest pages are scored against the job's pages[page - 1]).
import { readFileSync } from 'node:fs';
import { join, extname, basename } from 'node:path';

/**
 * @typedef {object} Entry  one manifest page
 * @property {string} file
 * @property {string} gt
 * @property {string} lang
 * @property {string} kind
 * @property {string} [pdf]
 * @property {number} [page]
 * @property {string} [gt_quality]
 * @property {boolean} [case_insensitive]
 * @property {string} [granularity]
 *
 * @typedef {object} BenchPage  one scored page
 * @property {string} name      the manifest file name
 * @property {string} group     the table row: kind, or 'line/ara' for line-granularity pages
 * @property {string} lang
 * @property {boolean} gold     false for gt_quality: silver
 * @property {boolean} caseInsensitive
 * @property {string} gtText
 * @property {string} imagePath the page image (native Tesseract reads this)
 * @property {number} pageIndex 0-based index in the submitted file's job
 *
 * @typedef {object} Submission  one POST
 * @property {string} path
 * @property {string} name
 * @property {string} mime
 * @property {string} lang
 * @property {string} group
 * @property {BenchPage[]} pages
 */

/** Table rows in this order; anything else after them. */
export const GROUP_ORDER = ['book', 'line/ara', 'form', 'multicolumn', 'pdf-digital', 'pdf-scan', 'receipt'];

const MIME = /** @type {Record<string, string>} */ ({
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.pdf': 'application/pdf',
  '.tif': 'image/tiff', '.tiff': 'image/tiff', '.webp': 'image/webp', '.bmp': 'image/bmp', '.gif': 'image/gif',
});

/**
 * @param {Entry} e
 * @returns {string}
 */
export function groupOf(e) {
  if (e.granularity === 'line') return e.lang === 'ara' ? 'line/ara' : `line/${e.lang}`;
  return e.kind;
}

/**
 * @param {string} dir  the eval/public folder
 * @param {{ kinds?: string[] }} [opts]  keep only these kinds (manifest kind or table group)
 * @returns {{ entries: Entry[], submissions: Submission[] }}
 */
export function loadSubmissions(dir, opts = {}) {
  /** @type {Entry[]} */
  const entries = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const kinds = opts.kinds?.length ? new Set(opts.kinds) : null;
  /** @type {Map<string, Submission>} */
  const byPdf = new Map();
  /** @type {Submission[]} */
  const submissions = [];
  for (const e of entries) {
    const group = groupOf(e);
    if (kinds && !kinds.has(e.kind) && !kinds.has(group)) continue;
    /** @type {BenchPage} */
    const page = {
      name: e.file,
      group,
      lang: e.lang,
      gold: e.gt_quality !== 'silver',
      caseInsensitive: !!e.case_insensitive,
      gtText: readFileSync(join(dir, e.gt), 'utf8'),
      imagePath: join(dir, e.file),
      pageIndex: 0,
    };
    if (e.pdf) {
      if (!e.page) throw new Error(`manifest: ${e.file} names a pdf but no page`);
      page.pageIndex = e.page - 1;
      let sub = byPdf.get(e.pdf);
      if (!sub) {
        const path = join(dir, e.pdf);
        sub = { path, name: basename(path), mime: 'application/pdf', lang: e.lang, group, pages: [] };
        byPdf.set(e.pdf, sub);
        submissions.push(sub);
      }
      if (sub.lang !== e.lang || sub.group !== group) throw new Error(`manifest: pages of ${e.pdf} differ in lang or kind`);
      sub.pages.push(page);
    } else {
      const path = join(dir, e.file);
      submissions.push({ path, name: e.file, mime: MIME[extname(path).toLowerCase()] ?? 'application/octet-stream', lang: e.lang, group, pages: [page] });
    }
  }
  return { entries, submissions };
}

/**
 * Submissions grouped by table row, rows in GROUP_ORDER.
 * @param {Submission[]} subs
 * @returns {[string, Submission[]][]}
 */
export function byGroup(subs) {
  /** @type {Map<string, Submission[]>} */
  const m = new Map();
  for (const s of subs) m.set(s.group, [...(m.get(s.group) ?? []), s]);
  const rank = (/** @type {string} */ g) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
  return [...m.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

/**
 * Applies --limit N: N submissions in all, taken round-robin over the groups so that a
 * short run still touches several kinds.
 * @param {Submission[]} subs
 * @param {number} limit
 * @returns {Submission[]}
 */
export function limitSubmissions(subs, limit) {
  if (!(limit > 0) || limit >= subs.length) return subs;
  const queues = byGroup(subs).map(([, s]) => [...s]);
  /** @type {Submission[]} */
  const out = [];
  while (out.length < limit) {
    for (const q of queues) if (q.length && out.length < limit) out.push(/** @type {Submission} */ (q.shift()));
  }
  return out;
}
