// A page Tesseract's page segmentation read thinly: a clear print it found no text on (SROIE
// receipts 249 and 264 read 0 words, native Tesseract too), or a blurred print in colour read
// as scraps (a purple receipt on grey paper: 2 words). One uniform block (PSM 6) reads such a
// page: 12 and 54 words surely on the first two, 32 on the third.
import type { EngineBlock } from '../../shared/engine';

/** A page read in fewer words surely than this is read again as one block. */
export const FEW_WORDS = 12;
/** A word read this surely counts (a picture or a scanner's black edge read as a block gives words too, unsure ones). */
const BLOCK_SURE_WORD = 0.75;

/** How many of a reading's words of two letters or digits or more were read surely. */
export function sureWordCount(blocks: readonly EngineBlock[]): number {
  let n = 0;
  for (const b of blocks) for (const l of b.lines) for (const w of l.words) if (w.confidence >= BLOCK_SURE_WORD && (w.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2) n++;
  return n;
}

/** Whether a reading with `sure` words read surely (however many scraps beside them, straightened or not) is read again as one block. */
export const readAgainAsBlock = (sure: number): boolean => sure < FEW_WORDS;

/** Whether the block's reading (`sureBlock` words read surely) replaces the first (`sureNow`): enough words, twice the first's. */
export const keepsBlock = (sureBlock: number, sureNow: number): boolean => sureBlock >= Math.max(FEW_WORDS, 2 * sureNow);
