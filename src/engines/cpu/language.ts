// language=auto: the script from OSD, then the language of a first pass's text
// (franc-min, trigram statistics) among the Latin-script languages we read well.
import { franc } from 'franc-min';

/** franc's ISO 639-3 codes that differ from Tesseract's. */
const FRANC_TO_TESSERACT: Record<string, string> = { cmn: 'chi_sim', arb: 'ara', pes: 'fas', zlm: 'msa', ind: 'ind', swh: 'swa', uzn: 'uzb', azj: 'aze' };

const LATIN = new Set(['eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld', 'pol', 'ces', 'swe', 'dan', 'nor', 'fin', 'hun', 'ron', 'tur', 'vie', 'ind', 'cat', 'slk', 'slv', 'hrv', 'lit', 'lav', 'est']);

/** The Latin-script language of `text`, or null when unsure (short or mixed text). */
export function latinLanguageOf(text: string): string | null {
  const sample = text.replace(/\s+/g, ' ').slice(0, 4000);
  if (sample.replace(/[^\p{L}]/gu, '').length < 60) return null;
  const code = franc(sample, { minLength: 60 });
  if (code === 'und') return null;
  const tess = FRANC_TO_TESSERACT[code] ?? code;
  return LATIN.has(tess) ? tess : null;
}
