// The cells of a ruled table read again one by one. Tesseract reads a table's row as one
// line of text: a heading of two lines in one cell beside headings of one line, set on a
// shaded band between rules, comes out as a few letters of each ("staging:" for "Agent
// Staffing*"). A cell whose words read badly is cut out inside its rules and read alone,
// as one block of text; its new words replace the old ones when they read better.
import type { BBox } from '../../shared/contract';
import type { EngineBlock, EngineWord } from '../../shared/engine';
import type { GridCell, RuledGrid } from '../../shared/ruling';
import { joinWords } from '../../shared/text';

/** A cell with a word read at less than this confidence is read again. */
const DOUBTFUL = 0.7;
/** At most this many cells a page (a page of tables read badly throughout is not re-read cell by cell). */
const MAX_CELLS = 80;
/** What an engine reads a vertical rule as. */
const RULE_TEXT = /^[|¦‖[\]!]+$/;

/** Reads the part `box` of the page as one block of text; boxes in page pixels. */
export type CellReader = (box: BBox) => Promise<{ blocks: EngineBlock[]; confidence: number }>;

const midIn = (w: EngineWord, b: BBox) => {
  const x = (w.bbox[0] + w.bbox[2]) / 2;
  const y = (w.bbox[1] + w.bbox[3]) / 2;
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
};

function mean(words: readonly EngineWord[]): number {
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  return chars ? words.reduce((n, w) => n + w.confidence * w.text.length, 0) / chars : 0;
}

/** The page's blocks with the doubtful cells of its grids read again: a word read badly,
 * or ink and no word at all (a lone digit Tesseract passed over), or ink beside its words
 * (letters lost by a rule). `inked`: whether a box holds ink. `onlyLost`: only the last kind
 * (a page read with no tool: its words are sure, and only letters lost by a rule are read again). */
export async function rereadCells(blocks: EngineBlock[], grids: readonly RuledGrid[], read: CellReader, inked: (box: BBox) => boolean, signal?: AbortSignal, onlyLost = false): Promise<EngineBlock[]> {
  const words = blocks.flatMap((b) => b.lines.flatMap((l) => l.words)).filter((w) => !RULE_TEXT.test(w.text));
  const doubtful = grids.flatMap((g) => {
    const byCell = g.cells.map((c) => words.filter((w) => midIn(w, c.bbox)));
    // A table: two cells at least hold words read well (letters in a logo's strokes are no table).
    const good = byCell.map((ws) => ws.some((w) => w.confidence >= DOUBTFUL));
    if (good.filter(Boolean).length < 2) return [];
    const rowFilled = (c: GridCell) => g.cells.some((o, i) => o !== c && good[i] && o.row < c.row + c.row_span && c.row < o.row + o.row_span);
    const colFilled = (c: GridCell) => g.cells.some((o, i) => o !== c && good[i] && o.col < c.col + c.col_span && c.col < o.col + o.col_span);
    return g.cells.flatMap((c, i) => {
      const inside = byCell[i]!;
      const box = inner(c.bbox, g.thickness);
      // Ink and no word, in a row and a column that hold words: a lone digit Tesseract passed over.
      const missed = inside.length === 0 && box[2] - box[0] >= 4 && box[3] - box[1] >= 4 && rowFilled(c) && colFilled(c) && inked(box);
      // Ink beside the words, inside the rules: letters Tesseract lost by a rule ("1 Jan 1999"
      // read "an 1999" after the column's left rule), however sure it was of the rest.
      const lost = inside.length > 0 && lostInk(box, inside, inked);
      if (onlyLost) return lost ? [{ box, old: inside, lost }] : [];
      return missed || lost || inside.some((w) => w.confidence < DOUBTFUL) ? [{ box, old: inside, lost }] : [];
    });
  });
  if (!doubtful.length || doubtful.length > MAX_CELLS) return blocks;
  const replaced = new Set<EngineWord>();
  const added: EngineBlock[] = [];
  for (const cell of doubtful) {
    signal?.throwIfAborted();
    if (cell.box[2] - cell.box[0] < 4 || cell.box[3] - cell.box[1] < 4) continue;
    const again = await read(cell.box);
    const fresh = again.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
    // a cell whose letters were lost takes the new reading where it holds more and reaches the
    // lost ink: the old reading's sureness says nothing of letters it did not read
    const fuller = cell.lost && letters(fresh) > letters(cell.old) && again.confidence >= LOST_FLOOR && reaches(fresh, cell.old);
    if (!fresh.length || (cell.old.length && again.confidence <= mean(cell.old) && !fuller)) continue;
    for (const w of cell.old) replaced.add(w);
    added.push(...again.blocks);
  }
  if (!replaced.size) return blocks;
  const kept = blocks
    .map((b) => ({
      ...b,
      lines: b.lines.flatMap((l) => {
        const ws = l.words.filter((w) => !replaced.has(w));
        if (ws.length === l.words.length) return [l];
        return ws.length ? [{ ...l, words: ws, text: joinWords(ws.map((w) => w.text)), bbox: around(ws.map((w) => w.bbox)) }] : [];
      }),
    }))
    .filter((b) => b.lines.length);
  return [...kept, ...added];
}

/** How sure a fuller reading of a cell that lost letters must be at least ("1 Jan 1999" read 0.56 where "an 1999" read 0.9). */
const LOST_FLOOR = 0.4;
/** Ink this far (px) from the words at least, between them and the cell's rules, is letters they lost. */
const LOST_GAP = 3;

const letters = (words: readonly EngineWord[]) => words.reduce((n, w) => n + w.text.replace(/\s/g, '').length, 0);

/** Whether new words reach further left or right than the old ones did: over the ink they lost. */
function reaches(fresh: readonly EngineWord[], old: readonly EngineWord[]): boolean {
  return Math.min(...fresh.map((w) => w.bbox[0])) < Math.min(...old.map((w) => w.bbox[0])) - LOST_GAP || Math.max(...fresh.map((w) => w.bbox[2])) > Math.max(...old.map((w) => w.bbox[2])) + LOST_GAP;
}

/** Whether the cell holds ink left or right of its words, inside its rules. */
function lostInk(box: BBox, words: readonly EngineWord[], inked: (box: BBox) => boolean): boolean {
  const left = Math.min(...words.map((w) => w.bbox[0])) - LOST_GAP;
  const right = Math.max(...words.map((w) => w.bbox[2])) + LOST_GAP;
  return (left - box[0] >= 4 && inked([box[0], box[1], left, box[3]])) || (box[2] - right >= 4 && inked([right, box[1], box[2], box[3]]));
}

/** A cell's box inside its rules. */
function inner(b: BBox, thickness: number): BBox {
  const m = Math.ceil(thickness) + 2;
  return [Math.round(b[0] + m), Math.round(b[1] + m), Math.round(b[2] - m), Math.round(b[3] - m)];
}

function around(boxes: BBox[]): BBox {
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}
