// language=auto's decisions from recognised text: which script its characters are in
// (Unicode script ranges), which Han variant or CJK language, and which of Tesseract's
// languages for that script (franc-min trigrams, letters only one language uses).
import { francAll } from 'franc-min';
import tesseractLanguages from '../shared/tesseract-languages.json';

/** Script names as Tesseract's OSD says them, for the scripts told apart here. */
export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Hebrew' | 'Arabic' | 'Devanagari' | 'Thai' | 'Han' | 'Japanese' | 'Hangul' | string;

/** Scripts counted in text; CJK ones apart, then folded into Han / Japanese / Hangul. */
const COUNTED = ['Latin', 'Cyrillic', 'Greek', 'Hebrew', 'Arabic', 'Devanagari', 'Thai', 'Bengali', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Gujarati', 'Gurmukhi', 'Georgian', 'Armenian', 'Ethiopic', 'Khmer', 'Lao', 'Myanmar', 'Sinhala', 'Tibetan'] as const;
const PATTERNS = COUNTED.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
/** A Han, kana or Hangul character carries about as much as a short word: weighed as 3 letters. */
const CJK_WEIGHT = 3;

export interface ScriptCount {
  script: Script;
  /** its share of the text's letters, CJK characters weighed as CJK_WEIGHT letters */
  share: number;
}

/** Each script's share of the letters of `text`, largest first. CJK comes back as Han, Japanese or Hangul. */
export function scriptsOf(text: string): ScriptCount[] {
  const counts = new Map<Script, number>();
  let han = 0;
  let kana = 0;
  let hangul = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (KANA.test(ch)) kana++;
    else if (HANGUL.test(ch)) hangul++;
    else {
      const hit = PATTERNS.find(([, re]) => re.test(ch));
      if (hit) counts.set(hit[0], (counts.get(hit[0]) ?? 0) + 1);
    }
  }
  const cjk = han + kana + hangul;
  if (cjk) counts.set(cjkScript(han, kana, hangul), cjk * CJK_WEIGHT);
  const all = [...counts.values()].reduce((n, c) => n + c, 0);
  return [...counts].map(([script, c]) => ({ script, share: c / all })).sort((a, b) => b.share - a.share);
}

/** Korean by its Hangul, Japanese by its kana (even kanji-heavy Japanese has some), else Chinese. */
function cjkScript(han: number, kana: number, hangul: number): Script {
  const cjk = han + kana + hangul;
  if (hangul / cjk >= 0.3) return 'Hangul';
  if (kana / cjk >= 0.1) return 'Japanese';
  return 'Han';
}

/** The share of `text` in `script` (0 when none). */
export function shareOf(text: string, script: Script): number {
  return scriptsOf(text).find((s) => s.script === script)?.share ?? 0;
}

/** A script other than Latin this present is the page's: Latin is what every page mixes in (English terms, codes). */
const BESIDE_LATIN = 0.3;

/** The main script of `text`, or null when it has too few letters to say. */
export function scriptOf(text: string): Script | null {
  const letters = [...text].filter((c) => /\p{L}/u.test(c)).length;
  if (letters < 2) return null;
  const scripts = scriptsOf(text);
  const other = scripts.find((s) => s.script !== 'Latin');
  if (other && other.share >= BESIDE_LATIN) return other.script;
  return scripts[0]?.script ?? null;
}

// Common characters written differently in the two variants: [traditional, simplified].
const HAN_PAIRS =
  '這这們们個个來来時时會会為为說说國国區区學学對对從从與与機机關关開开長长門门問问間间發发經经過过還还進进現现動动種种樣样點点體体當当實实見见議议話话語语讓让記记號号東东車车書书電电馬马鳥鸟魚鱼無无愛爱頭头聽听總总應应業业產产題题親亲萬万義义麼么張张華华歲岁灣湾廣广邊边價价買买賣卖錢钱銀银級级線线結结給给統统紅红約约織织網网認认請请讀读課课試试論论計计設设員员億亿傳传備备辦办務务勞劳條条標标樓楼權权歡欢氣气漢汉濟济熱热營营獨独環环療疗報报場场壓压處处變变將将專专導导屬属層层戶户換换據据擊击數数斷断於于術术衛卫補补裝装觀观規规覺觉訊讯許许證证財财質质購购資资轉转輸输農农連连運运達达選选遺遗醫医鐵铁陽阳際际隊队離离難难雙双須须預预領领頁页顯显風风飛飞館馆驗验黨党齊齐龍龙';
const TRADITIONAL = new Set<string>();
const SIMPLIFIED = new Set<string>();
for (let i = 0; i < HAN_PAIRS.length; i += 2) {
  TRADITIONAL.add(HAN_PAIRS[i]!);
  SIMPLIFIED.add(HAN_PAIRS[i + 1]!);
}

/** From this many Han characters the variant is taken from them alone. */
const HAN_SURE = 40;

/** Chinese text's variant from the characters that differ between the two; Simplified when none do. */
export function hanVariant(text: string): 'chi_tra' | 'chi_sim' {
  return hanVariantOf(text) ?? 'chi_sim';
}

/** The variant the characters that differ between the two say; null when none do, or as many each way. */
export function hanVariantOf(text: string): 'chi_tra' | 'chi_sim' | null {
  let tra = 0;
  let sim = 0;
  for (const ch of text) {
    if (TRADITIONAL.has(ch)) tra++;
    else if (SIMPLIFIED.has(ch)) sim++;
  }
  return tra > sim ? 'chi_tra' : sim > tra ? 'chi_sim' : null;
}

const TESSERACT = new Set<string>(tesseractLanguages);

/** franc's ISO 639-3 codes that differ from Tesseract's, per script. */
const FRANC_TO_TESSERACT: Record<string, Record<string, string>> = {
  Latin: { zlm: 'msa', swh: 'swa', uzn: 'uzb', azj: 'aze', tgl: 'fil' },
  Cyrillic: { uzn: 'uzb_cyrl', azj: 'aze_cyrl' },
  Arabic: { arb: 'ara', pes: 'fas', pbu: 'pus' },
  Devanagari: { npi: 'nep' },
};

/** The script's broad model: what a page in it is read with before its language is known. */
export const SCRIPT_MODELS: Record<string, string> = {
  Latin: 'eng', Cyrillic: 'rus', Greek: 'ell', Hebrew: 'heb', Arabic: 'ara', Devanagari: 'hin', Thai: 'tha',
  Han: 'chi_sim', Japanese: 'jpn', Hangul: 'kor', Bengali: 'ben', Tamil: 'tam', Telugu: 'tel', Kannada: 'kan',
  Malayalam: 'mal', Gujarati: 'guj', Gurmukhi: 'pan', Georgian: 'kat', Armenian: 'hye', Ethiopic: 'amh', Khmer: 'khm',
  Lao: 'lao', Myanmar: 'mya', Sinhala: 'sin', Tibetan: 'bod',
};

/** Tesseract's script names from OSD folded onto the ones above. */
const OSD_ALIASES: Record<string, Script> = { HanS: 'Han', HanT: 'Han', Katakana: 'Japanese', Hiragana: 'Japanese', Korean: 'Hangul' };
export const scriptFromOsd = (name: string): Script => OSD_ALIASES[name] ?? name;

/** Letters that only one language of a script uses, for text too short for trigrams. */
const TELLING_LETTERS: Record<string, [RegExp, string][]> = {
  Cyrillic: [[/[їєґ]/iu, 'ukr'], [/[ў]/iu, 'bel'], [/[ђћџ]/iu, 'srp'], [/[әғқңөұһ]/iu, 'kaz']],
  Arabic: [[/[ٹڈڑںےۓ]/u, 'urd'], [/[پچژگ]/u, 'fas']],
  Latin: [[/[ąęłńśźż]/iu, 'pol'], [/[ğış]/iu, 'tur'], [/[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu, 'vie'], [/ß/u, 'deu']],
};

/** Languages of a script that franc-min knows and Tesseract reads. */
function francCandidates(script: Script): string[] {
  const map = FRANC_TO_TESSERACT[script];
  if (!map) return [];
  const lists: Record<string, string[]> = {
    Latin: ['eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld', 'pol', 'tur', 'vie', 'ind', 'jav', 'sun', 'ron', 'hrv', 'bos', 'ces', 'hun', 'swe', 'ceb', 'tgl', 'zlm', 'swh', 'uzn', 'azj', 'yor'],
    Cyrillic: ['rus', 'ukr', 'bel', 'bul', 'srp', 'kaz', 'uzn', 'azj'],
    Arabic: ['arb', 'pes', 'urd', 'pbu'],
    Devanagari: ['hin', 'mar', 'npi'],
  };
  return (lists[script] ?? []).filter((c) => TESSERACT.has(map[c] ?? c));
}

/** Below this many letters trigram statistics guess more than they know. */
const FRANC_MIN_LETTERS = 20;
/** From this many letters the identifier's first choice is taken alone; below, its close runners-up are read too. */
export const FRANC_SURE_LETTERS = 100;
/** A runner-up this close to the first (francAll's scores, the first at 1) is worth reading a short text with. */
const CLOSE_SCORE = 0.65;
/** At most this many languages are tried on a short text. */
const MOST_TRIED = 3;

/** franc's codes for languages Tesseract names otherwise, whatever the script. */
const FRANC_CODES: Record<string, string> = {
  zlm: 'msa', swh: 'swa', uzn: 'uzb', azj: 'aze', tgl: 'fil', nob: 'nor', ekk: 'est', lvs: 'lav', als: 'sqi', khk: 'mon',
  arb: 'ara', pes: 'fas', pbu: 'pus', npi: 'nep',
};
const FRANC_OF = Object.fromEntries(Object.entries(FRANC_CODES).map(([f, t]) => [t, f]));
/** Every language Tesseract has, as franc names them (franc keeps those of the text's script). */
const WIDE_CANDIDATES = [...new Set([...TESSERACT].map((t) => FRANC_OF[t] ?? t).concat(Object.keys(FRANC_CODES)))];
const tesseractOf = (code: string, script: Script): string => FRANC_TO_TESSERACT[script]?.[code] ?? FRANC_CODES[code] ?? code;

/** franc-all's identifier (414 languages; half a megabyte, so loaded when a page needs it). */
export type WideIdentifier = (text: string, options: { only: string[]; minLength: number }) => [string, number][];

let wide: Promise<WideIdentifier> | undefined;
/** franc-all, loaded once: every language Tesseract has for a script, not franc-min's 82. */
export function wideIdentifier(): Promise<WideIdentifier> {
  wide ??= import('franc-all').then((m) => m.francAll as WideIdentifier);
  wide.catch(() => (wide = undefined));
  return wide;
}

/**
 * Mixed business text (a Malaysian receipt, an invoice with names and codes) scores about as
 * well in several languages: a language that scores no better than English by this much is not
 * worth a second reading, and English, which every page is read in first, stands.
 */
const ENGLISH_TIE = 0.02;

/**
 * The Tesseract languages `text`, read in `script`, may be in, likeliest first: one when the
 * text says enough (the one language Tesseract has for the script, the Han variant, or the
 * identifier's choice among the script's languages on a long text: with `wide`, franc-all,
 * among every language Tesseract has; else franc-min's); on a short text franc-min's close
 * runners-up too, for readings to decide between. The script's broad model when the text
 * cannot tell.
 */
export function rankLanguages(text: string, script: Script, wide?: WideIdentifier): string[] {
  if (script === 'Han') {
    // A line has few of the characters that differ, and a reading with both models mixes them:
    // both variants are read, the one the characters say first.
    const variant = hanVariant(text);
    const han = [...text].filter((c) => HAN.test(c)).length;
    return han >= HAN_SURE ? [variant] : [variant, variant === 'chi_tra' ? 'chi_sim' : 'chi_tra'];
  }
  const broad = SCRIPT_MODELS[script] ?? 'eng';
  const candidates = francCandidates(script);
  if (!candidates.length) return [broad];
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (wide && letters >= FRANC_SURE_LETTERS) {
    const ranked = wide(text.replace(/\s+/g, ' ').slice(0, 4000), { minLength: FRANC_MIN_LETTERS, only: WIDE_CANDIDATES })
      .map(([code, score]) => [tesseractOf(code, script), score] as const)
      .filter(([code]) => TESSERACT.has(code));
    if (ranked.length) return [englishTie(ranked)];
  }
  if (letters >= FRANC_MIN_LETTERS) {
    const ranked = francAll(text.replace(/\s+/g, ' ').slice(0, 4000), { minLength: FRANC_MIN_LETTERS, only: candidates }).filter(([code]) => code !== 'und');
    const tess = (code: string) => FRANC_TO_TESSERACT[script]?.[code] ?? code;
    if (ranked.length) {
      if (letters >= FRANC_SURE_LETTERS) return [englishTie(ranked.map(([code, score]) => [tess(code), score] as const))];
      const close = ranked.filter(([, score]) => score >= CLOSE_SCORE).slice(0, MOST_TRIED).map(([code]) => tess(code));
      // A letter only one language uses settles a short text.
      const telling = tellingLanguage(text, script);
      return telling ? [telling] : close;
    }
  }
  return [tellingLanguage(text, script) ?? broad];
}

/** The first language, unless English scores within ENGLISH_TIE of it. */
function englishTie(ranked: ReadonlyArray<readonly [string, number]>): string {
  const [top, topScore] = ranked[0]!;
  const english = ranked.find(([code]) => code === 'eng');
  return english && english[1] >= topScore - ENGLISH_TIE ? 'eng' : top;
}

function tellingLanguage(text: string, script: Script): string | null {
  for (const [re, lang] of TELLING_LETTERS[script] ?? []) if (re.test(text)) return lang;
  return null;
}

/** The likeliest Tesseract language of `text`, read in `script` (rankLanguages' first). */
export function languageOf(text: string, script: Script): string {
  return rankLanguages(text, script)[0]!;
}
