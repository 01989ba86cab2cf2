// A job's pages as the field finders' lines, each with its box and confidence, and the
// box of a value's own words on its line.
import type { BBox, Line, Page } from '../shared/contract';
import type { LineRec } from './lines';
import { squash } from './lines';

export interface PlacedLines {
  lines: LineRec[];
  /** the engine's line (with its words) behind each LineRec, by order */
  source: Array<Line | undefined>;
  pageBox: (page: number) => BBox;
}

export function lineRecs(pages: readonly Page[]): PlacedLines {
  const lines: LineRec[] = [];
  const source: Array<Line | undefined> = [];
  const sizes = new Map<number, BBox>();
  for (const page of [...pages].sort((a, b) => a.index - b.index)) {
    sizes.set(page.index + 1, [0, 0, page.width, page.height]);
    page.blocks.forEach((block, b) => {
      const own = block.lines?.length ? block.lines : block.text.split('\n').map((text) => ({ text, bbox: block.bbox, confidence: block.confidence, words: [] }));
      for (const line of own) {
        const text = squash(line.text);
        if (!text) continue;
        lines.push({ page: page.index + 1, block: b, order: lines.length, text, upper: text.toUpperCase(), bbox: line.bbox, confidence: line.confidence });
        source.push(line.words.length ? line : undefined);
      }
    });
  }
  return { lines, source, pageBox: (p) => sizes.get(p) ?? [0, 0, 0, 0] };
}

const norm = (s: string) => s.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The box of the words of `line` that spell `value` (a run of them), else the line's box. */
export function valueBox(placed: PlacedLines, line: LineRec, value: string): BBox {
  const whole = line.bbox ?? placed.pageBox(line.page);
  const words = placed.source[line.order]?.words;
  const want = norm(value);
  if (!words?.length || !want) return whole;
  const have = words.map((w) => norm(w.text));
  for (let i = 0; i < have.length; i++) {
    let joined = '';
    for (let j = i; j < have.length && joined.length < want.length; j++) {
      joined += have[j];
      if (joined === want || (j === i && have[j].includes(want) && want.length >= 3)) {
        const run = words.slice(i, j + 1).map((w) => w.bbox);
        return [Math.min(...run.map((b) => b[0])), Math.min(...run.map((b) => b[1])), Math.max(...run.map((b) => b[2])), Math.max(...run.map((b) => b[3]))];
      }
      if (!want.startsWith(joined)) break;
    }
  }
  return whole;
}
