import type { Job, Page, Translation } from '../shared/contract';
import { parseLanguage } from '../shared/languages';
import type { Tool } from './types';

/**
 * Tesseract's codes as BCP 47 tags (what Chrome's Translator and translation models take).
 * Most Tesseract codes are ISO 639-2/T; those with an ISO 639-1 code get it, scripts get a subtag.
 */
const BCP47: Record<string, string> = {
  afr: 'af', amh: 'am', ara: 'ar', aze: 'az', aze_cyrl: 'az-Cyrl', bel: 'be', ben: 'bn', bod: 'bo', bos: 'bs', bre: 'br',
  bul: 'bg', cat: 'ca', ces: 'cs', chi_sim: 'zh', chi_sim_vert: 'zh', chi_tra: 'zh-Hant', chi_tra_vert: 'zh-Hant', cos: 'co',
  cym: 'cy', dan: 'da', deu: 'de', div: 'dv', ell: 'el', eng: 'en', epo: 'eo', est: 'et', eus: 'eu', fao: 'fo', fas: 'fa',
  fil: 'fil', fin: 'fi', fra: 'fr', fry: 'fy', gla: 'gd', gle: 'ga', glg: 'gl', guj: 'gu', hat: 'ht', heb: 'he', hin: 'hi',
  hrv: 'hr', hun: 'hu', hye: 'hy', iku: 'iu', ind: 'id', isl: 'is', ita: 'it', ita_old: 'it', jav: 'jv', jpn: 'ja',
  jpn_vert: 'ja', kan: 'kn', kat: 'ka', kat_old: 'ka', kaz: 'kk', khm: 'km', kir: 'ky', kor: 'ko', kor_vert: 'ko', lao: 'lo',
  lat: 'la', lav: 'lv', lit: 'lt', ltz: 'lb', mal: 'ml', mar: 'mr', mkd: 'mk', mlt: 'mt', mon: 'mn', mri: 'mi', msa: 'ms',
  mya: 'my', nep: 'ne', nld: 'nl', nor: 'no', oci: 'oc', ori: 'or', pan: 'pa', pol: 'pl', por: 'pt', pus: 'ps', que: 'qu',
  ron: 'ro', rus: 'ru', san: 'sa', sin: 'si', slk: 'sk', slv: 'sl', snd: 'sd', spa: 'es', sqi: 'sq', srp: 'sr',
  srp_latn: 'sr-Latn', sun: 'su', swa: 'sw', swe: 'sv', tam: 'ta', tat: 'tt', tel: 'te', tgk: 'tg', tgl: 'tl', tha: 'th',
  tir: 'ti', ton: 'to', tur: 'tr', uig: 'ug', ukr: 'uk', urd: 'ur', uzb: 'uz', uzb_cyrl: 'uz-Cyrl', vie: 'vi', yid: 'yi',
  yor: 'yo',
};

/**
 * A language as the API takes it (en, eng, zh-Hant, chi_tra, 'eng+deu': the first) as a BCP 47
 * tag, or undefined for 'auto' or a code nobody knows. A Tesseract code without a two-letter
 * one stays as it is (ISO 639-2 codes are valid BCP 47 tags).
 */
export function toBcp47(code: string | null | undefined): string | undefined {
  let tesseract: string;
  try {
    const choice = parseLanguage(code);
    if (choice.auto) return undefined;
    tesseract = choice.tesseract.split('+')[0]!;
  } catch {
    return undefined;
  }
  return BCP47[tesseract] ?? tesseract.split('_')[0];
}

/** Whether two BCP 47 tags name the same language (and script): nothing to translate between them. */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The job's translation: its pages' translations joined as the job's text and Markdown are (layout's joinPages). */
export function joinTranslations(pages: readonly Page[], translateTo: string | undefined): Translation | undefined {
  const language = toBcp47(translateTo);
  if (!language || !pages.some((p) => p.translation)) return undefined;
  return {
    language,
    text: pages.map((p) => p.translation?.text ?? '').join('\n\n'),
    markdown: pages.map((p) => p.translation?.markdown ?? '').join('\n\n---\n\n'),
  };
}

/**
 * The job as its translation: what the exporters are given for a download with translation=1.
 * Text and Markdown are the translated ones; the boxes, words and tables belong to the
 * original, so they are left out (a translated table is in the Markdown). Undefined: none.
 */
export function translatedJob(job: Job): Job | undefined {
  const t = job.translation;
  if (!t) return undefined;
  // invoice.png → invoice-fr.txt: the download says which text it holds
  const dot = job.file_name.lastIndexOf('.');
  const file_name = dot > 0 ? `${job.file_name.slice(0, dot)}-${t.language}${job.file_name.slice(dot)}` : `${job.file_name}-${t.language}`;
  return {
    ...job,
    file_name,
    text: t.text,
    markdown: t.markdown,
    pages: job.pages.map((p) => ({ ...p, text: p.translation?.text ?? '', markdown: p.translation?.markdown ?? '', blocks: [], tables: [] })),
  };
}

export const translate: Tool = {
  meta: {
    slug: 'translate',
    label: 'Translate',
    description:
      "Recognise, then translate into the language given as translate_to, on this device: with Chrome's built-in Translator (Chrome 138 or later on desktop) where it has the pair, else with a translation model of the pair downloaded here. Original and translation are shown side by side.",
    needsTarget: true,
    usesModel: 'translation',
  },
  finish: (pages, job) => {
    const translation = joinTranslations(pages, job.translate_to);
    return translation ? { translation } : {};
  },
};
