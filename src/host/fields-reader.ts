// Which recogniser reads a page whose tool reads fields (tool=receipt): fields-tier.ts says
// which, this reads the page with it. language=auto is read by the job's tier first, which
// tells the language.
import type { Tier } from '../shared/contract';
import type { EnginePage, RecognizeOptions } from '../shared/engine';
import type { PageImage } from '../shared/page-image';
import { recognizePage } from '../engines';
import { parseLanguage } from '../shared/languages';
import { fieldsTier } from './fields-tier';

export interface FieldsReading {
  engine: EnginePage;
  /** the tier whose recogniser read it (the other tier's reads its unsure lines again) */
  tier: Tier;
}

/**
 * The page read for a job on `tier` in `language` (as asked: 'auto', 'en', 'eng+msa'): by
 * fieldsTier's recogniser. With language=auto the job's tier reads first and tells the
 * language; a page in one PP-OCR reads is then read by it. Should PP-OCR fail on the page (its
 * runtime does not load), the job's own tier's reading stands: the page is never lost to it.
 */
export async function readForFields(image: PageImage, tier: Tier, language: string, readsFields: boolean, opts: Omit<RecognizeOptions, 'languages'>): Promise<FieldsReading> {
  const read = (t: Tier, lang: string) => recognizePage(image, { tier: t, language: lang }, opts);
  /** PP-OCR's reading on `t`, else `fallback`'s (the job's tier's, read now or already). */
  const other = async (t: Tier, lang: string, fallback: () => Promise<EnginePage>): Promise<FieldsReading> => {
    try {
      return { engine: await read(t, lang), tier: t };
    } catch (err) {
      console.warn('ocrchat: PP-OCR could not read the receipt; Tesseract’s reading stands', err);
      return { engine: await fallback(), tier };
    }
  };
  const first = fieldsTier(tier, readsFields, parseLanguage(language).tesseract);
  if (first !== tier) return other(first, language, () => read(tier, language));
  const engine = await read(tier, language);
  const told = engine.detectedLanguage;
  const then = told ? fieldsTier(tier, readsFields, told) : tier;
  if (!told || then === tier || engine.rotation) return { engine, tier };
  const again = await other(then, told, async () => engine);
  again.engine.detectedLanguage = told;
  return again;
}
