// Language codes: the seed's short codes (en, ch, ja, ar, …), Tesseract's own
// (eng, chi_sim, …) and '+' sets of either, normalised to Tesseract's.
import { UserError } from './errors';
import tesseractLanguages from './tesseract-languages.json';

/** Every language Tesseract 4/5 has traineddata for (tessdata_best / _fast). */
export const TESSERACT_LANGUAGES: ReadonlySet<string> = new Set(tesseractLanguages);

/** The seed's and ISO 639-1 codes mapped to Tesseract's. */
const ALIASES: Record<string, string> = {
  en: 'eng', ch: 'chi_sim', zh: 'chi_sim', 'zh-cn': 'chi_sim', 'zh-hans': 'chi_sim', chinese_cht: 'chi_tra', 'zh-tw': 'chi_tra',
  'zh-hant': 'chi_tra', cht: 'chi_tra', ja: 'jpn', japan: 'jpn', ko: 'kor', korean: 'kor', ar: 'ara', arabic: 'ara',
  de: 'deu', german: 'deu', fr: 'fra', french: 'fra', es: 'spa', pt: 'por', it: 'ita', nl: 'nld', ru: 'rus', uk: 'ukr',
  pl: 'pol', cs: 'ces', sk: 'slk', sl: 'slv', hr: 'hrv', sr: 'srp', rs_latin: 'srp_latn', rs_cyrillic: 'srp', bg: 'bul',
  ro: 'ron', hu: 'hun', fi: 'fin', sv: 'swe', da: 'dan', no: 'nor', nb: 'nor', is: 'isl', et: 'est', lv: 'lav', lt: 'lit',
  el: 'ell', tr: 'tur', he: 'heb', fa: 'fas', ur: 'urd', ug: 'uig', hi: 'hin', mr: 'mar', ne: 'nep', bn: 'ben', ta: 'tam',
  te: 'tel', kn: 'kan', ml: 'mal', gu: 'guj', pa: 'pan', or: 'ori', si: 'sin', th: 'tha', lo: 'lao', km: 'khm', my: 'mya',
  vi: 'vie', id: 'ind', ms: 'msa', tl: 'tgl', fil: 'fil', sw: 'swa', af: 'afr', sq: 'sqi', hy: 'hye', ka: 'kat', az: 'aze',
  kk: 'kaz', ky: 'kir', uz: 'uzb', tg: 'tgk', mn: 'mon', be: 'bel', mk: 'mkd', bs: 'bos', ca: 'cat', eu: 'eus', gl: 'glg',
  ga: 'gle', cy: 'cym', mt: 'mlt', la: 'lat', eo: 'epo', am: 'amh', ti: 'tir', yo: 'yor', jv: 'jav', su: 'sun', ps: 'pus',
  sd: 'snd', bo: 'bod', dv: 'div', oc: 'oci', lb: 'ltz', fo: 'fao', fy: 'fry', gd: 'gla', ht: 'hat', iu: 'iku', qu: 'que',
  sa: 'san', tt: 'tat', to: 'ton', yi: 'yid', co: 'cos', br: 'bre', mi: 'mri', ceb: 'ceb', chr: 'chr', syr: 'syr',
  ta_in: 'tam', te_in: 'tel', ka_ge: 'kat', latin: 'lat', cyrillic: 'rus', devanagari: 'hin',
};
ALIASES.tl = 'fil';

export interface LanguageChoice {
  /** 'auto' or the Tesseract set, e.g. 'eng+deu' */
  tesseract: string;
  auto: boolean;
}

export function parseLanguage(raw: string | null | undefined): LanguageChoice {
  const value = (raw ?? '').trim() || 'auto';
  if (value.toLowerCase() === 'auto') return { tesseract: 'auto', auto: true };
  const codes = value.split('+').map((c) => c.trim());
  const out: string[] = [];
  for (const code of codes) {
    const lower = code.toLowerCase().replace(/-/g, '_');
    const tess = TESSERACT_LANGUAGES.has(lower) ? lower : ALIASES[lower] ?? ALIASES[lower.replace(/_/g, '-')];
    if (!tess) {
      throw new UserError(
        'unknown_language',
        `Unknown language code "${code}"; use "auto", a short code such as en, ch, ja, ar, or a Tesseract code such as eng, chi_sim, jpn.`,
      );
    }
    if (!out.includes(tess)) out.push(tess);
  }
  return { tesseract: out.join('+'), auto: false };
}
