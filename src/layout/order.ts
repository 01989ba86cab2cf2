// Reading order: the page is cut into regions (an XY cut that only cuts vertically at
// real column gutters); columns are read one after the other, top to bottom, and an
// element that crosses a gutter (a title, a wide figure caption) is read where it stands.
import type { Metrics } from './metrics';
import { type Seg, horizontalRuns, median, midY, rowsOf, textSize } from './geometry';
import { type Gutter, crosses, findGutters, splitAtGutters } from './gutter';

const MAX_DEPTH = 6;
/** Footnotes are set smaller than the text they annotate. */
const NOTE_SIZE = 0.85;
/** A footnote starts with its mark (a superscript digit often reads as ! ' ? or *). */
const NOTE_MARK = /^\s*[\d*†‡§¹²³⁴⁵⁶⁷⁸⁹!'’?®]/u;

/** The page's lines grouped into regions in reading order; a region has no columns
 * left inside it and is laid out as one flow (paragraphs, lists, tables). */
export function readingRegions(segs: readonly Seg[], m: Metrics, depth = 0): Seg[][] {
  if (segs.length < 4 || depth > MAX_DEPTH) return segs.length ? [[...segs]] : [];
  const gutters = findGutters(segs, m);
  if (gutters.length) return columnRegions(splitAtGutters(segs, gutters, m), gutters, m, depth);
  const bands = horizontalRuns(segs, m.lineHeight);
  if (bands.length > 1) {
    const parts = bands.map((b) => readingRegions(b, m, depth + 1));
    // Keep the region whole unless some band has columns of its own.
    if (parts.some((p) => p.length > 1)) return parts.flat();
  }
  return [[...segs]];
}

function columnRegions(segs: Seg[], gutters: Gutter[], m: Metrics, depth: number): Seg[][] {
  const { head, body, foot } = peelMargins(segs, m.lineHeight);
  const spanning = body.filter((s) => gutters.some((g) => crosses(s, g)));
  const spans = new Set(spanning);
  const inColumns = body.filter((s) => !spans.has(s));
  const out: Seg[][] = head.map((row) => row);
  // Spanning elements cut the columns into bands; each band is read column by column.
  const stops = spanningStops(spanning, inColumns);
  let rest = inColumns;
  for (const stop of [...stops, null]) {
    const y = stop ? midY(stop[0]!.line.bbox) : Infinity;
    const band = rest.filter((s) => midY(s.line.bbox) < y);
    rest = rest.filter((s) => midY(s.line.bbox) >= y);
    out.push(...bandRegions(band, gutters, m, depth));
    if (stop) out.push(stop);
  }
  out.push(...foot);
  return out.filter((r) => r.length > 0);
}

/** Spanning lines, grouped while no column line lies between them (a two-line title). */
function spanningStops(spanning: Seg[], inColumns: Seg[]): Seg[][] {
  const sorted = [...spanning].sort((a, b) => midY(a.line.bbox) - midY(b.line.bbox));
  const stops: Seg[][] = [];
  for (const s of sorted) {
    const stop = stops[stops.length - 1];
    const prev = stop?.[stop.length - 1];
    const between = prev && inColumns.some((c) => midY(c.line.bbox) > midY(prev.line.bbox) && midY(c.line.bbox) < midY(s.line.bbox));
    if (stop && !between) stop.push(s);
    else stops.push([s]);
  }
  return stops;
}

/** A band's columns, left to right; footnotes at the foot of the columns come after all
 * of them, as a reader takes them. */
function bandRegions(band: Seg[], gutters: Gutter[], m: Metrics, depth: number): Seg[][] {
  const edges = [-Infinity, ...gutters.map((g) => (g.x[0] + g.x[1]) / 2), Infinity];
  const columns = edges.slice(1).map((right, c) => band.filter((s) => s.line.bbox[0] >= edges[c]! && s.line.bbox[0] < right));
  if (m.rtl) columns.reverse();
  const split = columns.map((col) => splitNotes(col, m));
  return [
    ...split.flatMap((c) => readingRegions(c.text, m, depth + 1)),
    ...split.flatMap((c) => readingRegions(c.notes, m, depth + 1)),
  ];
}

/** The trailing part of a column below a gap, set in a smaller size: its footnotes. */
function splitNotes(col: Seg[], m: Metrics): { text: Seg[]; notes: Seg[] } {
  const bands = horizontalRuns(col, m.lineHeight);
  const size = median(col.map((s) => textSize(s.line)));
  for (let k = 1; k < bands.length; k++) {
    const notes = bands.slice(k).flat();
    if (notes.length > 0.4 * col.length || median(notes.map((s) => textSize(s.line))) > NOTE_SIZE * size) continue;
    if (NOTE_MARK.test(rowsOf(notes)[0]?.[0]?.line.text ?? '')) return { text: bands.slice(0, k).flat(), notes };
  }
  return { text: col, notes: [] };
}

/** Running heads and page footers: a row or two set apart from the columns by a gap.
 * Each is read left to right, before (or after) the columns. */
function peelMargins(segs: Seg[], gap: number): { head: Seg[][]; body: Seg[]; foot: Seg[][] } {
  const bands = horizontalRuns(segs, gap);
  const thin = (b: Seg[]) => rowsOf(b).length <= 2;
  const head: Seg[][] = [];
  const foot: Seg[][] = [];
  while (bands.length > 1 && thin(bands[0]!)) head.push(...rowsOf(bands.shift()!));
  while (bands.length > 1 && thin(bands[bands.length - 1]!)) foot.unshift(...rowsOf(bands.pop()!));
  return { head, body: bands.flat(), foot };
}
