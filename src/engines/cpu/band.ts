// language=auto on a page of many lines: a band of a few of its text lines, found from the
// page's ink without any recognition, is read first. Its text names the page's Latin language,
// and the page is read once, with that language's model: a page in German no longer pays for a
// full English reading and then a full German one.

/** A run of page rows holding ink: a text line, as a row profile sees it. */
export interface TextRow {
  top: number;
  /** exclusive */
  bottom: number;
}

/** A pixel this dark is ink. */
const INK = 140;
/** Rows closer than this are one line (the gap inside i, j, accents). */
const JOIN_GAP = 2;
/** A text line is at least this tall, in pixels. */
const MIN_ROW = 6;

/**
 * The page's text rows: runs of rows in which more than a few pixels are ink. Lines of several
 * columns side by side merge into one row; that is what a band wants (it is read in full width).
 */
export function textRows(grey: Uint8Array, width: number, height: number): TextRow[] {
  const least = Math.max(2, Math.round(width * 0.002));
  const rows: TextRow[] = [];
  let start = -1;
  let lastInk = -JOIN_GAP - 1;
  for (let y = 0; y < height; y++) {
    let ink = 0;
    const off = y * width;
    for (let x = 0; x < width; x++) if (grey[off + x]! < INK) ink++;
    if (ink >= least && ink < width * 0.9) {
      if (start < 0) start = y;
      else if (y - lastInk > JOIN_GAP + 1) {
        rows.push({ top: start, bottom: lastInk + 1 });
        start = y;
      }
      lastInk = y;
    }
  }
  if (start >= 0) rows.push({ top: start, bottom: lastInk + 1 });
  // Text lines, not rules, specks or pictures: a page's lines are of a size with each other.
  const sized = rows.filter((r) => r.bottom - r.top >= MIN_ROW && r.bottom - r.top <= height / 8);
  if (!sized.length) return [];
  const heights = sized.map((r) => r.bottom - r.top).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  return sized.filter((r) => r.bottom - r.top >= median * 0.4 && r.bottom - r.top <= median * 3);
}

/** Fewer text rows than this, and the page is read whole first (a band would be most of it). */
export const BAND_MIN_ROWS = 4;
/** Lines in a band: a quarter of the page's, two at least, six at most (some 300 letters of prose). */
export const bandRows = (rows: number): number => Math.max(2, Math.min(6, Math.ceil(rows / 4)));

/**
 * The rows of a band of `count` text rows (a quarter of them by default) from the middle of the page, with half a line gap of
 * white above and below; null when the page has too few rows for a band to be worth it.
 */
export function middleBand(rows: TextRow[], height: number, count = bandRows(rows.length), least = BAND_MIN_ROWS): TextRow | null {
  if (rows.length < least) return null;
  const first = Math.max(0, Math.floor((rows.length - count) / 2));
  const chosen = rows.slice(first, first + count);
  const lineHeight = chosen.reduce((n, r) => n + r.bottom - r.top, 0) / chosen.length;
  const pad = Math.round(lineHeight / 2);
  const above = first > 0 ? rows[first - 1]!.bottom : 0;
  const below = first + count < rows.length ? rows[first + count]!.top : height;
  return {
    top: Math.max(above, chosen[0]!.top - pad, 0),
    bottom: Math.min(below, chosen[chosen.length - 1]!.bottom + pad, height),
  };
}
