// A page as the documents part gives it to an engine: its pixels, or a born-digital PDF
// page's text runs (what the page says and where, before any grouping into words and lines).
import type { Rule } from './ruling';

/** One page to recognise: its pixels. */
export interface RasterPage {
  bitmap: ImageBitmap;
  /** the original encoded bytes when they can stand for the page as is */
  original?: Blob;
  /**
   * the page's greyscale pixels as its decoder gives them (a colour JPEG's luma plane), when
   * it can: null where the browser cannot, or the file holds no such plane
   */
  luma?: () => Promise<Luma | null>;
  /**
   * the resolution the file states (a PNG's pHYs, a JPEG's JFIF), in dots per inch: what a
   * recogniser reading the file itself would be told, given with a part of the page
   */
  dpi?: number;
  textLayer?: undefined;
}

/**
 * A page's greyscale pixels, 0 black, row by row, as a binary PGM (its header, then the
 * pixels): what a recogniser reads as it is, and what the page's rules and slope are found in.
 */
export interface Luma {
  pgm: Uint8Array;
  width: number;
  height: number;
  /** the resolution the file states, in dots per inch, when it states one */
  dpi?: number;
}

/** A binary PGM's header (P5) for 8-bit grey pixels of this size. */
export function pgmHeader(width: number, height: number): Uint8Array {
  return new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
}

/** The pixels of a Luma, without its PGM header. */
export function lumaPixels(luma: Luma): Uint8Array {
  return luma.pgm.subarray(luma.pgm.length - luma.width * luma.height);
}

/**
 * A born-digital PDF page: its words come from the text layer and no OCR is needed, so it
 * is not rendered while the job runs; its image is drawn when someone asks for it
 * (src/host/page-images.ts).
 */
export interface TextPage {
  textLayer: TextLayer;
  bitmap?: undefined;
  original?: undefined;
  luma?: undefined;
}

/** One page, ready for an engine. */
export type PageImage = RasterPage | TextPage;

/** One run of text as the PDF shows it: a string set in one font along one baseline. */
export interface TextRun {
  str: string;
  /** left end of the run and its baseline, in page pixels */
  x: number;
  baseline: number;
  /** the run's advance width and its type's height, in page pixels */
  width: number;
  fontHeight: number;
  /** the generic family it was set in (serif, sans-serif, monospace) or the font's name */
  family: string;
}

/** A born-digital page's text layer, measured in the pixels of its image. */
export interface TextLayer {
  width: number;
  height: number;
  runs: TextRun[];
  /** the page's ruling lines, from its vector paths (straight strokes, thin filled boxes),
   * read when asked for (they cost a parse of the page's drawing) */
  rules?: () => Promise<Rule[]>;
}
