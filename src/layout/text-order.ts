// Reading order of a born-digital page's text blocks, the way poppler's pdftotext reads
// them: a topological sort after T. M. Breuel, "High Performance Document Layout Analysis"
// (2003). A block comes before another when
//   rule 1: their (widened) x ranges overlap and it is higher up, or
//   rule 2: it lies wholly to the left, and no third block sits below the other one and
//           above it, overlapping both.
// Before the sort each block's x range is widened over the blocks below it, up to the
// nearest block beside it on its own row. That is what lets a narrow sidebar title come
// between two paragraphs of the main column, as pdftotext prints it, so that the text of
// a page read from its text layer matches what poppler gives for the same file.
import type { BBox } from '../shared/contract';

const MAX_BLOCKS = 600;

interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Ranks for `boxes` (given top to bottom, as the blocks were built): rank[i] is block i's
 * place in reading order. Left-to-right, horizontal text only.
 */
export function textLayerRanks(boxes: readonly BBox[]): number[] {
  const n = boxes.length;
  // The sort is cubic at worst; a page of thousands of blocks (a form of single cells)
  // keeps the order it was built in.
  if (n > MAX_BLOCKS) return boxes.map((_, i) => i);
  const ext = boxes.map((b, i) => widened(boxes, i));
  const above = (a: number, b: number) => ext[a]!.x0 <= ext[b]!.x1 && ext[b]!.x0 <= ext[a]!.x1 && ext[a]!.y0 < ext[b]!.y0;
  const leftOf = (a: number, b: number) => ext[a]!.x1 <= ext[b]!.x0;
  const before = (a: number, b: number): boolean => {
    if (above(a, b)) return true;
    if (!leftOf(a, b)) return false;
    for (let c = 0; c < n; c++) if (c !== a && c !== b && above(b, c) && above(c, a)) return false;
    return true;
  };
  const visited = new Array<boolean>(n).fill(false);
  const order: number[] = [];
  // Depth first with an explicit stack: a block goes out once every block before it has.
  const visit = (start: number) => {
    const stack: { i: number; next: number }[] = [{ i: start, next: 0 }];
    visited[start] = true;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      let pushed = false;
      for (; top.next < n; top.next++) {
        const j = top.next;
        if (visited[j] || !before(j, top.i)) continue;
        visited[j] = true;
        top.next++;
        stack.push({ i: j, next: 0 });
        pushed = true;
        break;
      }
      if (!pushed) order.push(stack.pop()!.i);
    }
  };
  for (let i = 0; i < n; i++) if (!visited[i]) visit(i);
  const ranks = new Array<number>(n);
  order.forEach((i, r) => (ranks[i] = r));
  return ranks;
}

/** Block i's x range, widened over the blocks below it that stay clear of its neighbours
 * on the same row. */
function widened(boxes: readonly BBox[], i: number): Extent {
  const [x0, y0, x1, y1] = boxes[i]!;
  let leftLimit = -Infinity;
  let rightLimit = Infinity;
  for (let j = 0; j < boxes.length; j++) {
    if (j === i) continue;
    const b = boxes[j]!;
    if (!(y0 <= b[3] && y1 >= b[1])) continue;
    if (b[0] > x1) rightLimit = Math.min(rightLimit, b[0]);
    if (b[2] < x0) leftLimit = Math.max(leftLimit, b[2]);
  }
  let e0 = x0;
  let e1 = x1;
  for (let j = 0; j < boxes.length; j++) {
    if (j === i) continue;
    const b = boxes[j]!;
    if (b[1] < y1) continue;
    if (b[2] > e1 && b[2] <= rightLimit) e1 = b[2];
    if (b[0] < e0 && b[0] >= leftLimit) e0 = b[0];
  }
  return { x0: e0, x1: e1, y0, y1 };
}
