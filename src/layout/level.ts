// A page photographed or scanned at a slant, laid out as if it were level. A receipt turned
// 2° puts each amount at its right edge a line's height off its label at the left: rows,
// tables and label–value pairs all assume level lines. So a detector's lines (the vlm
// engine's; they carry their slant in their quads) are sheared level about the page's middle
// column, the page is laid out, and every box of the result is sheared back, grown by the
// slant across its width so that it covers the slanted text again.
import type { BBox, Page } from '../shared/contract';
import type { DetectedLine, EnginePage } from '../shared/engine';
import { pageSlope } from './detected-lines';

/** Below this slope (about 0.3°) the page is level enough: a line's ends differ by a pixel or two. */
export const LEVEL_SLOPE = 0.005;

/** The page's text slope (dy/dx) from its detector lines; 0 for a page without them. */
export function slopeOf(found: EnginePage): number {
  return found.lines?.length ? pageSlope(found.lines) : 0;
}

/** A box moved to where the shear puts its middle, its height less the slant across its width. */
function levelBox(b: BBox, slope: number, mid: number): BBox {
  const w = b[2] - b[0];
  const h = b[3] - b[1];
  const cy = (b[1] + b[3]) / 2 - slope * ((b[0] + b[2]) / 2 - mid);
  const half = Math.max(h / 4, (h - Math.abs(slope) * w) / 2);
  return [b[0], cy - half, b[2], cy + half];
}

function levelLine(l: DetectedLine, slope: number, mid: number): DetectedLine {
  const quad = l.quad.map(([x, y]) => [x, y - slope * (x - mid)] as [number, number]);
  const ys = quad.map((p) => p[1]);
  return {
    ...l,
    quad,
    bbox: quad.length >= 4 ? [l.bbox[0], Math.min(...ys), l.bbox[2], Math.max(...ys)] : levelBox(l.bbox, slope, mid),
    words: l.words.map((w) => ({ ...w, bbox: levelBox(w.bbox, slope, mid) })),
  };
}

/** The page with its detector lines (and ruling lines) sheared level; the page itself is not changed. */
export function levelPage(found: EnginePage, slope: number): EnginePage {
  const mid = found.width / 2;
  return {
    ...found,
    lines: found.lines?.map((l) => levelLine(l, slope, mid)),
    rules: found.rules?.map((r) => levelBox(r, slope, mid)),
  };
}

/** A levelled box back on the slanted page, tall enough to cover the slanted text, inside the page. */
function unlevelBox(b: BBox, slope: number, mid: number, width: number, height: number): BBox {
  const dy = slope * ((b[0] + b[2]) / 2 - mid);
  const grow = (Math.abs(slope) * (b[2] - b[0])) / 2;
  return [b[0], Math.max(0, b[1] + dy - grow), b[2], Math.min(height, b[3] + dy + grow)].map((v) => Math.round(v * 100) / 100) as BBox;
}

const isBox = (v: unknown): v is BBox => Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number');

/** Every `bbox` of a laid-out page (blocks, lines, words, tables) back on the slanted page, in place. */
export function unlevelPage(page: Page, slope: number, width: number, height: number): Page {
  const mid = width / 2;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'bbox' && isBox(v)) (node as { bbox: BBox }).bbox = unlevelBox(v, slope, mid, width, height);
        else walk(v);
      }
    }
  };
  walk(page.blocks);
  walk(page.tables);
  return page;
}
