// Do the exports carry every word of the job? Each download read back with the tool a person
// would use (unzip for DOCX, pdftotext for the searchable PDF), its words compared with the
// job's: the share found (as a multiset) and the share found in the same order.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORD_FORMATS = ['txt', 'md', 'docx', 'pdf'];

/** Words as a reader compares them: Markdown's own marks and escapes, and rules drawn as | or -, left out. */
export function words(text) {
  const raw = text
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(/[\\|#*_`>]/g, '').replace(/^-+$/, ''))
    .filter(Boolean);
  // A word broken at a line end ("Ver-" "bindung") counts once, joined: Markdown and Word
  // reflow a paragraph and join it, which loses no word.
  const out = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    if (/\p{L}{2}[-¬]$/u.test(w) && i + 1 < raw.length && /^\p{Ll}/u.test(raw[i + 1])) {
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
  let prev = new Array(got.length + 1).fill(0);
  for (let i = 1; i <= want.length; i++) {
    const cur = new Array(got.length + 1).fill(0);
    for (let j = 1; j <= got.length; j++) cur[j] = want[i - 1] === got[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return want.length ? prev[got.length] / want.length : 1;
}

const unescapeXml = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A download's text as a person's tool reads it. */
export function exportText(format, bytes) {
  if (format === 'txt' || format === 'md') return Buffer.from(bytes).toString('utf8');
  const dir = mkdtempSync(join(tmpdir(), 'ocrchat-export-'));
  try {
    const file = join(dir, `x.${format}`);
    writeFileSync(file, bytes);
    if (format === 'pdf') return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    // Paragraphs and table cells apart, the runs of one paragraph together.
    return xml
      .split(/<\/w:p>/)
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)].map((m) => (m[1] === undefined ? ' ' : unescapeXml(m[1]))).join(''))
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** For each format: the share of the job's words it holds, and the share in order. */
export function exportWordShares(jobText, downloads) {
  const want = words(jobText);
  const out = {};
  for (const [format, bytes] of Object.entries(downloads)) {
    const got = words(exportText(format, bytes));
    out[format] = { found: want.length ? 1 - missingWords(want, got).length / want.length : 1, inOrder: inOrder(want, got) };
  }
  return out;
}
