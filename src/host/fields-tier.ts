// Which recogniser reads a page whose tool reads fields (tool=receipt).
//
// On the cpu tier a receipt in a language PP-OCRv4 reads itself (Latin-script, Chinese) is read
// by PP-OCR (shipped with the app; WASM where there is no WebGPU, so it needs nothing the cpu
// tier lacks), and Tesseract reads its unsure lines again (unsure-fields.ts). Thermal and
// dot-matrix print, faint or on a dark scanner bed, is where Tesseract is weakest: on SROIE
// receipts PP-OCR's text has about 0.11 mean CER against Tesseract's 0.19, and the fields read
// from it are right markedly more often (README's receipt table). It costs time: the receipt
// tool reads about 1.8 times slower on two cores.
// Any other tool, the vlm tier, and languages PP-OCR garbles (Cyrillic, Arabic, …) keep the
// job's tier.
import type { Tier } from '../shared/contract';
import { vlmReadsAll } from '../models/ppocr';

/** The tier whose recogniser reads a page of a job on `tier`, in `languages` (Tesseract's codes; 'auto' before it is told). */
export function fieldsTier(tier: Tier, readsFields: boolean, languages: string): Tier {
  return tier === 'cpu' && readsFields && vlmReadsAll(languages) ? 'vlm' : tier;
}
