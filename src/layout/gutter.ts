// Column gutters: vertical bands free of words between columns of running text, and the
// splitting of lines that an engine merged across such a band.
import type { Word } from '../shared/contract';
import type { Metrics } from './metrics';
import { type Interval, type Seg, height, horizontalRuns, lineOf, median, midY, yOverlapShare } from './geometry';

/** Words of spanning elements (titles, page numbers) may cross a gutter: up to this
 * share of the busiest columns' height. */
const SPAN_SHARE = 0.3;
/** Running text fills its column; table cells and form labels do not. */
const PROSE_FILL = 0.55;
const PROSE_SHARE = 0.6;

/** A gutter: its x-span, and the heights over which columns run on both sides of it
 * (below them, a table or a footnote may well have a gap at the same place). */
export interface Gutter {
  x: Interval;
  /** vertical stretches where the columns run */
  y: Interval[];
}

/** Gutters of a region, left to right; empty when it is one column (or a table). */
export function findGutters(segs: readonly Seg[], m: Metrics): Gutter[] {
  let xs = candidates(segs, m);
  // A false candidate can only hide a real one by cutting its neighbours' lines, so
  // drop the failures and look again until what is left holds up.
  for (;;) {
    const split = splitAtGutters(segs, xs.map((x) => ({ x, y: [[-Infinity, Infinity]] })), m);
    const kept = xs.map((_, i) => columnGutter(split, xs, i, m)).filter((g): g is Gutter => g !== null);
    if (kept.length === xs.length) return kept;
    xs = kept.map((g) => g.x);
  }
}

/** Low runs of the x-profile of words (weighted by line height), narrowed to their
 * emptiest part, at least a gutter wide and with words on both sides. */
function candidates(segs: readonly Seg[], m: Metrics): Interval[] {
  const words = segs.flatMap((s) => s.line.words);
  if (words.length < 4) return [];
  const x0 = words.reduce((x, w) => Math.min(x, w.bbox[0]), Infinity);
  const x1 = words.reduce((x, w) => Math.max(x, w.bbox[2]), -Infinity);
  const bin = Math.max(1, m.lineHeight / 8);
  const n = Math.ceil((x1 - x0) / bin) + 1;
  const profile = new Float64Array(n);
  for (const s of segs) {
    // Capped, so that a rule read as one tall "|" does not fill a gutter by itself.
    const h = Math.min(Math.max(1, height(s.line.bbox)), 2 * m.lineHeight);
    for (const w of s.line.words) {
      for (let i = Math.floor((w.bbox[0] - x0) / bin); i <= Math.floor((w.bbox[2] - x0) / bin); i++) profile[i]! += h;
    }
  }
  const peak = [...profile].sort((a, b) => a - b)[Math.floor(n * 0.9)] ?? 0;
  const minWidth = Math.max(0.6 * m.lineHeight, 1.5 * m.wordGap);
  const out: Interval[] = [];
  for (let i = 0; i < n; ) {
    if (profile[i]! > SPAN_SHARE * peak) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && profile[j + 1]! <= SPAN_SHARE * peak) j++;
    const core = emptiest(profile, i, j);
    const g: Interval = [x0 + core[0] * bin, x0 + (core[1] + 1) * bin];
    if (i > 0 && j < n - 1 && g[1] - g[0] >= minWidth) out.push(g);
    i = j + 1;
  }
  return out;
}

/** The bins of a run that hold its lowest value (one contiguous stretch, the widest). */
function emptiest(profile: Float64Array, i: number, j: number): Interval {
  let low = Infinity;
  for (let k = i; k <= j; k++) low = Math.min(low, profile[k]!);
  let best: Interval = [i, i];
  for (let k = i; k <= j; k++) {
    if (profile[k]! > low) continue;
    let e = k;
    while (e + 1 <= j && profile[e + 1]! <= low) e++;
    if (e - k > best[1] - best[0]) best = [k, e];
    k = e;
  }
  return best;
}

/** Cuts each line at every gutter its words leave free with a wide gap, where columns
 * run; a line with a word in a gutter is left whole (it spans the columns). */
export function splitAtGutters(segs: readonly Seg[], gutters: readonly Gutter[], m: Metrics): Seg[] {
  if (gutters.length === 0) return [...segs];
  return segs.flatMap((s) => {
    const y = midY(s.line.bbox);
    const here = gutters.filter((g) => g.y.some(([top, bottom]) => y >= top && y <= bottom)).map((g) => g.x);
    const byX = [...s.line.words].sort((a, b) => a.bbox[0] - b.bbox[0]);
    const part = new Map<Word, number>();
    let n = 0;
    byX.forEach((w, k) => {
      const prev = byX[k - 1];
      if (prev && w.bbox[0] - prev.bbox[2] >= 1.5 * m.wordGap && here.some((g) => prev.bbox[2] <= g[0] && w.bbox[0] >= g[1])) n++;
      part.set(w, n);
    });
    if (n === 0) return [s];
    // Each part keeps the engine's word order, which is the reading order in any script.
    return Array.from({ length: n + 1 }, (_, i) => ({ ...s, line: lineOf(s.line.words.filter((w) => part.get(w) === i)) }));
  });
}

/** Whether a seg crosses a gutter (a title, a caption, a page number in the middle). */
export function crosses(s: Seg, g: Gutter): boolean {
  return s.line.bbox[0] < g.x[0] && s.line.bbox[2] > g.x[1];
}

/** The gutter at xs[i] if running text lies on both sides of it, side by side for a few
 * lines; its height is that of the lines that have a neighbour across it. */
function columnGutter(segs: readonly Seg[], xs: readonly Interval[], i: number, m: Metrics): Gutter | null {
  const g = xs[i]!;
  const leftEdge = xs[i - 1]?.[1] ?? -Infinity;
  const rightEdge = xs[i + 1]?.[0] ?? Infinity;
  const left = segs.filter((s) => s.line.bbox[2] <= g[0] && s.line.bbox[0] >= leftEdge);
  const right = segs.filter((s) => s.line.bbox[0] >= g[1] && s.line.bbox[2] <= rightEdge);
  const across = (a: Seg, side: readonly Seg[]) => side.some((b) => yOverlapShare(a.line.bbox, b.line.bbox) > 0.3);
  const beside = [...left.filter((l) => across(l, right)), ...right.filter((r) => across(r, left))];
  const pairs = beside.length / 2;
  const bothProse = isProse(left, m) && isProse(right, m);
  // A column of running text beside a sidebar (an infobox, a margin note) is still read
  // column by column, but only when the text is plainly a column of its own.
  const sidebar = isProse(left, m, STRONG) || isProse(right, m, STRONG);
  if (!(bothProse && pairs >= 2) && !(sidebar && pairs >= 3)) return null;
  return { x: g, y: columnStretches(left, right, new Set(beside), m) };
}

/** Stretches of the page where the columns run: lines on either side, unbroken by a
 * wide gap, with running text on one side and lines side by side. A table below the
 * columns may have a gap of its own at the same place; it is not cut there. */
function columnStretches(left: readonly Seg[], right: readonly Seg[], beside: ReadonlySet<Seg>, m: Metrics): Interval[] {
  const isLeft = new Set(left);
  return horizontalRuns([...left, ...right], 2 * m.lineHeight)
    .filter((run) => run.some((s) => beside.has(s)))
    .filter((run) => isProse(run.filter((s) => isLeft.has(s)), m) || isProse(run.filter((s) => !isLeft.has(s)), m))
    .map((run): Interval => [Math.min(...run.map((s) => s.line.bbox[1])), Math.max(...run.map((s) => s.line.bbox[3]))]);
}

interface ProseBar {
  lines: number;
  words: number;
  share: number;
}
const PLAIN: ProseBar = { lines: 2, words: 4, share: PROSE_SHARE };
const STRONG: ProseBar = { lines: 6, words: 7, share: 0.7 };

/** Most lines have several evenly spaced words and fill the column's width. */
function isProse(side: readonly Seg[], m: Metrics, bar: ProseBar = PLAIN): boolean {
  if (side.length < bar.lines) return false;
  const x0 = Math.min(...side.map((s) => s.line.bbox[0]));
  const x1 = Math.max(...side.map((s) => s.line.bbox[2]));
  const maxGap = Math.max(3 * m.wordGap, 1.2 * m.lineHeight);
  const prose = side.filter((s) => {
    const words = [...s.line.words].sort((a, b) => a.bbox[0] - b.bbox[0]);
    if (words.length < 3) return false;
    const gaps = words.slice(1).map((w, k) => w.bbox[0] - words[k]!.bbox[2]);
    return Math.max(...gaps) <= maxGap && s.line.bbox[2] - s.line.bbox[0] >= PROSE_FILL * (x1 - x0);
  });
  return prose.length >= bar.lines && prose.length >= bar.share * side.length && median(prose.map((s) => s.line.words.length)) >= bar.words;
}
