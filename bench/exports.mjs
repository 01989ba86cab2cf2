// Do the exports carry every word of the job? Each download read back with the tool a person
// would use (unzip for DOCX, pdftotext for the searchable PDF), its words compared with the
// job's: the share found (as a multiset) and the share found in the same order.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORD_FORMATS = ['txt', 'md', 'docx', 'pdf'];

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/**
 * Words as a reader compares them: Markdown's own marks and escapes, rules drawn as | or -,
 * bullets (Markdown's "-" and Word's list bullets stand for them), and the invisible bidi
 * marks pdftotext puts around right-to-left text, left out.
 * `rtlEdges`: punctuation at either end of a right-to-left word left out too. pdftotext
 * puts it on the word's other side: its bidi reordering reads a word's trailing "»" or
 * ":" (in the PDF's visual order, the word's first character) as left-to-right, so
 * "له:" comes out ":له" (-raw) or "له :" (the default mode); pdf.js reads them right.
 * @param {string} text
 * @param {{ rtlEdges?: boolean }} [opts]
 */
export function words(text, opts = {}) {
  const raw = text
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split(/\s+/)
    .map((w) => w.replace(/[\\|#*_`>]/g, '').replace(/^[-•·‣◦▪▫●○■□–—]+$/u, ''))
    .map((w) => (opts.rtlEdges && RTL.test(w) ? w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') : w))
    .filter(Boolean);
  // A word broken at a line end ("Ver-" "bindung") counts once, joined: Markdown and Word
  // reflow a paragraph and join it, which loses no word.
  const out = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    if (/\p{L}[-¬]$/u.test(w) && i + 1 < raw.length && /^\p{Ll}/u.test(raw[i + 1])) {
      out.push(w.slice(0, -1) + raw[++i]);
    } else out.push(w);
  }
  return out;
}

/** The words of `want` that `got` lacks (each occurrence counts). */
export function missingWords(want, got) {
  const left = new Map();
  for (const w of got) left.set(w, (left.get(w) ?? 0) + 1);
  const out = [];
  for (const w of want) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

/** The share of `want` that `got` holds in the same order (longest common subsequence). */
export function inOrder(want, got) {
  let prev = new Int32Array(got.length + 1);
  for (let i = 1; i <= want.length; i++) {
    const cur = new Int32Array(got.length + 1);
    for (let j = 1; j <= got.length; j++) cur[j] = want[i - 1] === got[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return want.length ? prev[got.length] / want.length : 1;
}

const unescapeXml = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A download's text as a person's tool reads it (pdftotext -raw: the text layer's own order). */
export function exportText(format, bytes) {
  if (format === 'txt' || format === 'md') return Buffer.from(bytes).toString('utf8');
  const dir = mkdtempSync(join(tmpdir(), 'ocrchat-export-'));
  try {
    const file = join(dir, `x.${format}`);
    writeFileSync(file, bytes);
    if (format === 'pdf') return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    // Paragraphs and table cells apart, the runs of one paragraph together.
    return xml
      .split(/<\/w:p>/)
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)].map((m) => (m[1] === undefined ? (m[0] === '<w:br/>' ? '\n' : ' ') : unescapeXml(m[1]))).join(''))
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One export's text against the job's: the job's words it lacks, and the share of the job's
 * words it has in the job's order.
 * @param {string} format
 * @param {string} jobText
 * @param {string} text  the export as exportText reads it
 */
export function compareWords(format, jobText, text) {
  const opts = { rtlEdges: format === 'pdf' };
  const want = words(jobText, opts);
  const got = words(text, opts);
  return { want: want.length, missing: missingWords(want, got), inOrder: inOrder(want, got) };
}

/** For each format: the share of the job's words it holds, and the share in order. */
export function exportWordShares(jobText, downloads) {
  const out = {};
  for (const [format, bytes] of Object.entries(downloads)) {
    const c = compareWords(format, jobText, exportText(format, bytes));
    out[format] = { found: c.want ? 1 - c.missing.length / c.want : 1, inOrder: c.inOrder, missing: c.missing.slice(0, 20) };
  }
  return out;
}

/**
 * The table cells of a job that its CSV lacks (each occurrence counts). A receipt read
 * with tool=receipt gets its line items as CSV instead: null then.
 * @param {{ pages: { tables: { rows: string[][] }[] }[], fields?: { items?: unknown[] } | null }} job
 * @param {string[][]} rows  the CSV's records, header first
 */
export function missingCells(job, rows) {
  if (job.fields?.items?.length) return null;
  const cells = job.pages.flatMap((p) => p.tables.flatMap((t) => t.rows.flat())).filter((c) => c.trim());
  // page, table, row, then the cells; a formula-like cell carries a leading apostrophe.
  const got = rows.slice(1).flatMap((r) => r.slice(3)).map((c) => c.replace(/^'(?=[=+\-@\t\r])/, ''));
  return missingWords(cells.map((c) => c.trim()), got.map((c) => c.trim()));
}
