// Ruling lines and the cell grids they draw. A table's rules are found in a page's pixels
// (long thin runs of dark pixels, src/engines/cpu) or in a PDF's vector paths
// (src/documents/pdf.ts); here they become grids of cells, with the cells that a missing
// rule merges (spans). Used by the cpu engine (to re-read a badly read cell) and by the
// layout (to build the table). Pure: no DOM.
import type { BBox } from './contract';

/** A ruling line as the thin box it covers, in page pixels: wider than tall when it runs across. */
export type Rule = BBox;

/** Pixels darker than this are ink. */
const INK = 160;

/**
 * The ruling lines of a page: runs of ink at least `minLength` long (a fortieth of the
 * page's shorter side by default), a few pixels thick (thicker runs are pictures or
 * solid fills, not rules). Gaps of a pixel or two (a scan's broken line) are bridged.
 */
export function findRules(grey: Uint8Array, width: number, height: number, minLength = Math.max(16, Math.round(Math.min(width, height) / 40))): Rule[] {
  const maxThick = Math.max(4, Math.round(Math.min(width, height) / 150));
  const dark = (x: number, y: number) => grey[y * width + x]! < INK;
  // Horizontal runs, row by row.
  const hRuns: Run[] = [];
  for (let y = 0; y < height; y++) {
    let start = -1;
    let gap = 0;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && dark(x, y);
      if (ink) {
        if (start < 0) start = x;
        gap = 0;
      } else if (start >= 0 && (++gap > 2 || x === width)) {
        const end = x - gap + 1;
        if (end - start >= minLength) hRuns.push({ at: y, from: start, to: end });
        start = -1;
        gap = 0;
      }
    }
  }
  // Vertical runs, row by row with a run length per column (the pixels are read in order).
  const vRuns: Run[] = [];
  const runStart = new Int32Array(width).fill(-1);
  const runGap = new Int32Array(width);
  for (let y = 0; y <= height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = y < height && dark(x, y);
      if (ink) {
        if (runStart[x]! < 0) runStart[x] = y;
        runGap[x] = 0;
      } else if (runStart[x]! >= 0 && (++runGap[x]! > 2 || y === height)) {
        const end = y - runGap[x]! + 1;
        if (end - runStart[x]! >= minLength) vRuns.push({ at: x, from: runStart[x]!, to: end });
        runStart[x] = -1;
        runGap[x] = 0;
      }
    }
  }
  vRuns.sort((a, b) => a.at - b.at || a.from - b.from);
  const h = stack(hRuns, maxThick).map((s): Rule => [s.from, s.at0, s.to, s.at1 + 1]);
  const v = stack(vRuns, maxThick).map((s): Rule => [s.at0, s.from, s.at1 + 1, s.to]);
  return [...h, ...v];
}

interface Run {
  /** the row (or column) it runs along */
  at: number;
  from: number;
  to: number;
}

/** Runs on neighbouring rows that overlap make one rule; a stack thicker than `maxThick` is no rule. */
function stack(runs: readonly Run[], maxThick: number): { at0: number; at1: number; from: number; to: number }[] {
  const done: { at0: number; at1: number; from: number; to: number }[] = [];
  let open: { at0: number; at1: number; from: number; to: number }[] = [];
  for (const r of runs) {
    const still: typeof open = [];
    for (const o of open) (o.at1 < r.at - 1 ? done : still).push(o);
    open = still;
    const o = open.find((s) => s.at1 >= r.at - 1 && s.from < r.to && r.from < s.to);
    if (o) {
      o.at1 = Math.max(o.at1, r.at);
      o.from = Math.min(o.from, r.from);
      o.to = Math.max(o.to, r.to);
    } else open.push({ at0: r.at, at1: r.at, from: r.from, to: r.to });
  }
  done.push(...open);
  return done.filter((s) => s.at1 - s.at0 + 1 <= maxThick && s.to - s.from >= 4 * (s.at1 - s.at0 + 1));
}

/** One cell of a ruled grid: its first row and column, how many it spans, its box. */
export interface GridCell {
  row: number;
  col: number;
  row_span: number;
  col_span: number;
  bbox: BBox;
}

export interface RuledGrid {
  bbox: BBox;
  /** the rows' and columns' boundaries: rows + 1 ys, cols + 1 xs */
  ys: number[];
  xs: number[];
  /** each cell once, merged cells as one with their spans, row by row */
  cells: GridCell[];
  /** the thickest rule of the grid, in pixels */
  thickness: number;
}

/**
 * The grids that the rules draw: rules that cross or touch make one grid; its rows and
 * columns lie between the rules (rules closer than `minGap`, a double rule, count as
 * one); two neighbouring cells with no rule between them (less than half of their common
 * side ruled) are one merged cell. A grid needs two rows and two columns.
 */
export function ruledGrids(rules: readonly Rule[], minGap: number): RuledGrid[] {
  const hs = rules.filter((r) => r[2] - r[0] >= r[3] - r[1]);
  const vs = rules.filter((r) => r[2] - r[0] < r[3] - r[1]);
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const tol = Math.max(3, minGap / 2);
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) {
      const h = hs[i]!;
      const v = vs[j]!;
      if (v[0] <= h[2] + tol && v[2] >= h[0] - tol && h[1] <= v[3] + tol && h[3] >= v[1] - tol) parent[find(i)] = find(hs.length + j);
    }
  }
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => {
    const g = groups.get(find(i));
    if (g) g.push(r);
    else groups.set(find(i), [r]);
  });
  const out: RuledGrid[] = [];
  for (const group of groups.values()) {
    const grid = gridOf(group, minGap);
    if (grid) out.push(grid);
  }
  return out.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}

/** Positions closer than `gap` as one (their mean), sorted. */
function cluster(values: number[], gap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! < gap) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** How much of [a, b] the intervals cover. */
function covered(intervals: readonly [number, number][], a: number, b: number): number {
  const parts = intervals.map(([x, y]): [number, number] => [Math.max(a, x), Math.min(b, y)]).filter(([x, y]) => y > x).sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = a;
  for (const [x, y] of parts) {
    if (y <= end) continue;
    total += y - Math.max(x, end);
    end = y;
  }
  return total;
}

function gridOf(rules: readonly Rule[], minGap: number): RuledGrid | null {
  const hs = rules.filter((r) => r[2] - r[0] >= r[3] - r[1]);
  const vs = rules.filter((r) => r[2] - r[0] < r[3] - r[1]);
  if (hs.length < 1 || vs.length < 1) return null;
  const midY = (r: Rule) => (r[1] + r[3]) / 2;
  const midX = (r: Rule) => (r[0] + r[2]) / 2;
  let ys = cluster(hs.map(midY), minGap);
  let xs = cluster(vs.map(midX), minGap);
  // A table ruled only inside (no frame): the rules' ends bound its outer rows and columns.
  const left = Math.min(...hs.map((r) => r[0]));
  const right = Math.max(...hs.map((r) => r[2]));
  const top = Math.min(...vs.map((r) => r[1]));
  const bottom = Math.max(...vs.map((r) => r[3]));
  if (xs[0]! - left >= minGap) xs = [left, ...xs];
  if (right - xs[xs.length - 1]! >= minGap) xs = [...xs, right];
  if (ys[0]! - top >= minGap) ys = [top, ...ys];
  if (bottom - ys[ys.length - 1]! >= minGap) ys = [...ys, bottom];
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 2 || cols < 2) return null;
  const near = (v: number, at: number) => Math.abs(v - at) < Math.max(minGap / 2, 3);
  // Whether the side between two cells is ruled: half of it or more.
  const vRuled = (x: number, y0: number, y1: number) => covered(vs.filter((r) => near(midX(r), x)).map((r) => [r[1], r[3]]), y0, y1) >= 0.5 * (y1 - y0);
  const hRuled = (y: number, x0: number, x1: number) => covered(hs.filter((r) => near(midY(r), y)).map((r) => [r[0], r[2]]), x0, x1) >= 0.5 * (x1 - x0);
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vRuled(xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !hRuled(ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  // Each merged group as the rectangle around it; a cell already inside one is taken.
  const taken = new Set<number>();
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken.has(id(r, c))) continue;
      const root = find(id(r, c));
      let r1 = r;
      let c1 = c;
      for (let i = 0; i < rows * cols; i++) {
        if (find(i) !== root) continue;
        r1 = Math.max(r1, Math.floor(i / cols));
        c1 = Math.max(c1, i % cols);
      }
      let row_span = r1 - r + 1;
      let col_span = c1 - c + 1;
      // A shape that is no rectangle (a rule missing inside a block) is cut back to its first row.
      for (let rr = r; rr <= r1 && row_span === r1 - r + 1; rr++) for (let cc = c; cc <= c1; cc++) if (taken.has(id(rr, cc))) row_span = Math.max(1, rr - r);
      for (let cc = c; cc <= c1; cc++) if (taken.has(id(r, cc))) col_span = Math.min(col_span, cc - c);
      for (let rr = r; rr < r + row_span; rr++) for (let cc = c; cc < c + col_span; cc++) taken.add(id(rr, cc));
      cells.push({ row: r, col: c, row_span, col_span, bbox: [xs[c]!, ys[r]!, xs[c + col_span]!, ys[r + row_span]!] });
    }
  }
  const thickness = Math.max(...rules.map((r) => Math.min(r[2] - r[0], r[3] - r[1])));
  return { bbox: [xs[0]!, ys[0]!, xs[cols]!, ys[rows]!], ys, xs, cells, thickness };
}
