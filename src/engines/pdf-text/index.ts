// The pdf-text engine: a born-digital PDF page needs no OCR. Its text runs (from the
// documents part, src/documents/pdf.ts) are cut into words with boxes at confidence 1,
// and grouped into lines and blocks as pdftotext groups them.
import type { BBox } from '../../shared/contract';
import type { EngineBlock, EngineLine, EnginePage, EngineWord } from '../../shared/engine';
import type { TextLayer, TextRun } from '../../shared/page-image';

export { meta } from './meta';

/** The page's words, lines and blocks from its text layer, and its ruling lines. */
export async function readTextLayer(layer: TextLayer): Promise<EnginePage> {
  const words: EngineWord[] = [];
  for (const run of layer.runs) words.push(...runWords(run));
  const rules = layer.rules ? await layer.rules() : [];
  return { width: layer.width, height: layer.height, blocks: groupWords(words), source: 'pdf-text', ...(rules.length ? { rules } : {}) };
}

/** The type family each text-layer word was set in. */
const fontOf = new WeakMap<EngineWord, string>();

function runWords(run: TextRun): EngineWord[] {
  const { x: x0, baseline, width, fontHeight } = run;
  const total = run.str.length || 1;
  const out: EngineWord[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run.str))) {
    const a = x0 + (width * m.index) / total;
    const b = x0 + (width * (m.index + m[0].length)) / total;
    const bbox: BBox = [a, baseline - fontHeight * 0.8, b, baseline + fontHeight * 0.2].map(Math.round) as BBox;
    const word: EngineWord = { text: m[0], bbox, confidence: 1 };
    fontOf.set(word, run.family);
    out.push(word);
  }
  return out;
}

/** Words to lines (same baseline band), lines to blocks (small vertical gaps). */
function groupWords(words: EngineWord[]): EngineBlock[] {
  const sorted = [...words].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const lines: EngineWord[][] = [];
  for (const w of sorted) {
    const h = w.bbox[3] - w.bbox[1];
    const line = lines.find((l) => {
      const last = l[l.length - 1]!;
      const mid = (w.bbox[1] + w.bbox[3]) / 2;
      return mid > last.bbox[1] && mid < last.bbox[3] && Math.abs(h - (last.bbox[3] - last.bbox[1])) < h * 0.6;
    });
    if (line) line.push(w);
    else lines.push([w]);
  }
  const engineLines = lines.flatMap((l) => splitAtGaps(l.sort((a, b) => a.bbox[0] - b.bbox[0])));
  engineLines.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const blocks: EngineBlock[] = [];
  // The size of a line's type, measured once a line (it is compared with every block).
  const sizes = new Map(engineLines.map((l) => [l, typeSize(l)]));
  for (const line of engineLines) {
    const own = sizes.get(line)!;
    const prev = blocks.find((b) => {
      const last = b.lines[b.lines.length - 1]!;
      const h = last.bbox[3] - last.bbox[1];
      const overlapX = Math.min(last.bbox[2], line.bbox[2]) - Math.max(last.bbox[0], line.bbox[0]);
      // One size of type per block, as pdftotext builds them: a caption under a picture and
      // the heading below it are two blocks, which its reading order needs.
      const size = sizes.get(last)!;
      return line.bbox[1] - last.bbox[3] < h * 0.9 && line.bbox[1] >= last.bbox[1] && overlapX > 0 && Math.abs(own - size) <= size * 0.05;
    });
    if (prev) {
      prev.lines.push(line);
      prev.bbox = union(prev.bbox, line.bbox);
    } else blocks.push({ bbox: line.bbox, confidence: 1, lines: [line] });
  }
  return blocks;
}

/** The size of a line's type: its words' usual height (a superscript does not count). */
function typeSize(line: EngineLine): number {
  const hs = line.words.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  return hs[hs.length >> 1] ?? line.bbox[3] - line.bbox[1];
}

/** One baseline may hold two columns: split where the gap is far wider than a space. */
function splitAtGaps(words: EngineWord[]): EngineLine[] {
  const out: EngineLine[] = [];
  let cur: EngineWord[] = [];
  for (const w of words) {
    const last = cur[cur.length - 1];
    const h = w.bbox[3] - w.bbox[1];
    const gap = last ? w.bbox[0] - last.bbox[2] : 0;
    // A wide gap, or a narrower one where the family changes (a sidebar's sans-serif
    // list beside the body's serif), is a column boundary, as pdftotext takes it.
    if (last && (gap > h * 1.5 || (gap > h * 0.8 && fontOf.get(last) !== fontOf.get(w)))) {
      out.push(toLine(cur));
      cur = [];
    } else if (last && gap < h * 0.12) {
      // pdf.js splits a word across text items (a change of font, a superscript): join them.
      const joined: EngineWord = { text: last.text + w.text, bbox: union(last.bbox, w.bbox), confidence: 1 };
      fontOf.set(joined, fontOf.get(last) ?? '');
      cur[cur.length - 1] = joined;
      continue;
    }
    cur.push(w);
  }
  if (cur.length) out.push(toLine(cur));
  return out;
}

function toLine(words: EngineWord[]): EngineLine {
  const bbox = words.map((w) => w.bbox).reduce(union);
  return { text: words.map((w) => w.text).join(' '), bbox, confidence: 1, words };
}

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
