// language=auto: which traineddata reads this page. The first pass (eng) is kept for a Latin
// page, or a page read with a Latin language found in its text. A doubtful page whose script
// OSD names is read with that script's broad model, and kept only if the characters that
// come back are in that script; its language is then told from that text. A script whose
// model cannot be had fails the page, naming the language, rather than reading it as English.
import type { EngineBlock } from '../../shared/engine';
import { languageLabel, languageName } from '../../languages/names';
import { rankLanguages, SCRIPT_MODELS, scriptFromOsd, scriptOf, shareOf, wideIdentifier, type Script } from '../../languages/detect';
import { LanguageError } from './ready';

export interface Reading {
  blocks: EngineBlock[];
  confidence: number;
  words: number;
}

export interface AutoPage {
  /** the best reading so far, with eng */
  first: Reading;
  /** the first reading is doubtful: low confidence or few words */
  doubtful: boolean;
  /** so little text that reading it with each shipped script's model costs little */
  small: boolean;
  /** the languages the app itself has: the scripts tried on a small page OSD could not tell */
  shipped: (code: string) => boolean;
  osd: { script: string | null; scriptConfidence: number } | null;
  /** a full reading of the page; `block`: as one uniform block of text, without Tesseract's page layout analysis */
  read: (languages: string, how?: { block?: boolean }) => Promise<Reading>;
  /** makes a language set ready; throws a LanguageError when it cannot be had */
  ready: (languages: string) => Promise<void>;
  /**
   * Which Chinese the page is printed in, as a recogniser that reads both variants as printed
   * (PP-OCR) sees it; null when it cannot tell. Tesseract's chi_sim and chi_tra each read any
   * Chinese confidently in their own variant, so on a line their readings cannot say.
   */
  hanVariant?: () => Promise<'chi_sim' | 'chi_tra' | null>;
}

export interface AutoChoice {
  reading: Reading;
  /** the language it was read in: detected_language */
  language: string;
  /** the page's language could not be had, and a close one of its script read it: said on the page */
  warning?: string;
}

/** OSD this sure of a script, with a doubtful first pass, is enough to fail a page whose script model is missing. */
const OSD_SURE = 1;
const CJK = new Set<Script>(['Han', 'Japanese', 'Hangul']);
const family = (s: Script): string => (CJK.has(s) ? 'CJK' : s);

/** What a page in `script` is read with first. Han: both variants, so that the characters say which. */
function broadSet(script: Script): string | null {
  if (script === 'Han') return 'chi_sim+chi_tra';
  return SCRIPT_MODELS[script] ?? null;
}

export const setFor = (language: string): string => (language === 'eng' ? 'eng' : `${language}+eng`);
/** This much Latin in a page read in another script is English mixed in (a bilingual form): read with eng too. */
const MIXED_LATIN = 0.1;

export function textOf(blocks: EngineBlock[]): string {
  return blocks.map((b) => b.lines.map((l) => l.text).join('\n')).join('\n\n');
}

async function canRead(page: AutoPage, languages: string): Promise<boolean> {
  return (await whyNot(page, languages)) === null;
}

/** Why `languages` cannot be read here (the LanguageError), or null when it can. */
async function whyNot(page: AutoPage, languages: string): Promise<LanguageError | null> {
  try {
    await page.ready(languages);
    return null;
  } catch (err) {
    if (err instanceof LanguageError) return err;
    throw err;
  }
}

/**
 * The page warning when a language of the script could not be had and the script's broad model
 * read the page instead: the text is usable, but letters only that language has may be wrong.
 */
export function closeLanguageWarning(languages: string[], readWith: string, why: LanguageError): string {
  const named = languages.map(languageLabel).join(' or ');
  const only = languages.map(languageName).join(' or ');
  return `This page seems to be in ${named}, which could not be had, so it was read with ${languageLabel(readWith)}, a language of the same script: letters that only ${only} uses may be wrong. ${why.message}`;
}

export async function chooseLanguage(page: AutoPage): Promise<AutoChoice> {
  const suspect = page.doubtful && page.osd?.script ? scriptFromOsd(page.osd.script) : null;
  if (suspect && suspect !== 'Latin') {
    const chosen = await readInScript(page, suspect);
    if (chosen) return chosen;
  }
  // A label or a few words: OSD has too little to go on, so each script the app has is tried.
  if (page.doubtful && page.small && page.first.confidence < GARBLED) {
    let found: AutoChoice | null = null;
    for (const script of Object.keys(SCRIPT_MODELS)) {
      if (script === 'Latin' || script === suspect || !broadModels(script).every(page.shipped)) continue;
      const chosen = await readInScript(page, script, true);
      if (chosen && (!found || chosen.reading.confidence > found.reading.confidence)) found = chosen;
    }
    if (found && found.reading.confidence >= page.first.confidence + CLEARLY_BETTER) return found;
  }
  const ranked = rankLanguages(textOf(page.first.blocks), 'Latin', await wideIdentifier());
  if (ranked[0] === 'eng') return { reading: page.first, language: 'eng' };
  // One language on a long text; on a line, the identifier's close choices, each read.
  const { best, missing } = await readEach(page, ranked.filter((l) => l !== 'eng'), setFor);
  // A short text is taken from English only by a reading at least as sure.
  const margin = ranked.length > 1 ? 0 : 0.02;
  if (best && best.reading.confidence >= page.first.confidence - margin) return best;
  // Polish without pol: English reads its letters but not all of its diacritics. Said on the page.
  if (!best && missing) return { reading: page.first, language: 'eng', warning: closeLanguageWarning(missing.languages, 'eng', missing.why) };
  return { reading: page.first, language: 'eng' };
}

/**
 * Each language (as the set `setOf` makes it) that can be had, read; the most confident
 * reading, and the first language that could not be had.
 */
async function readEach(page: AutoPage, languages: string[], setOf: (l: string) => string, have?: { set: string; reading: Reading }): Promise<{ best: AutoChoice | null; missing: { languages: string[]; why: LanguageError } | null }> {
  let best: AutoChoice | null = null;
  let missing: { languages: string[]; why: LanguageError } | null = null;
  for (const language of languages) {
    const set = setOf(language);
    let reading: Reading;
    if (have && set === have.set) reading = have.reading;
    else {
      const why = await whyNot(page, set);
      if (why) {
        missing ??= { languages: [], why };
        missing.languages.push(language);
        continue;
      }
      reading = await page.read(set);
    }
    // The first, the likeliest, unless another reads clearly better.
    if (!best || reading.confidence > best.reading.confidence + CLEARLY_SURER) best = { reading, language };
  }
  return { best, missing };
}

/** Among the languages tried on a short text, a later one must read this much surer than the likeliest. */
const CLEARLY_SURER = 0.02;
/** A page truly in a script reads at least this well with its model; garbage in a wrong script reads worse. */
const READS_WELL = 0.5;
/** English this unsure of a line or a label whose script OSD names, and English is not what it holds. */
const ILLEGIBLE = 0.5;
/** English this unsure of a small page is reading another script: worth a sweep of the shipped ones. */
const GARBLED = 0.3;
/** A guess without OSD's word must read this much better than English did. */
const CLEARLY_BETTER = 0.2;
const broadModels = (script: Script): string[] => broadSet(script)?.split('+') ?? [];

/** The page read in `suspect` if its characters confirm it; null when they do not (or it cannot be checked). */
async function readInScript(page: AutoPage, suspect: Script, guess = false): Promise<AutoChoice | null> {
  const broad = broadSet(suspect);
  if (!broad) return null;
  if (!(await canRead(page, broad))) {
    if (guess) return null;
    // Sure enough that English would be the wrong model: say which language is needed. OSD
    // less sure (a single line) counts when English reads the page as garbage.
    // On a line or a label, OSD's margin says little (it is shown the same few words tiled):
    // there its naming the script, with English reading the text this badly, is enough.
    const osdSure = page.osd?.scriptConfidence ?? 0;
    if (osdSure >= OSD_SURE || (osdSure > 0 && page.first.confidence < GARBLED) || (page.small && page.first.confidence < ILLEGIBLE)) await failNaming(page, broad.split('+')[0]!);
    return null;
  }
  const reading = await page.read(broad);
  const seen = scriptOf(textOf(reading.blocks));
  if (!seen || seen === 'Latin' || family(seen) !== family(suspect)) return null;
  if (reading.confidence <= page.first.confidence || reading.confidence < READS_WELL) return null;
  const text = textOf(reading.blocks);
  const mixed = shareOf(text, 'Latin') >= MIXED_LATIN;
  const setOf = (l: string): string => (mixed ? setFor(l) : l);
  // One language on a long text; on a line, the identifier's close choices, each read (the broad one is read already).
  let ranked = rankLanguages(text, seen, await wideIdentifier());
  // A short Chinese text: the variant as printed, when another recogniser can tell it.
  if (seen === 'Han' && ranked.length > 1 && page.hanVariant) {
    const printed = await page.hanVariant().catch(() => null);
    if (printed) ranked = [printed];
  }
  const { best, missing } = await readEach(page, ranked, setOf, { set: broad, reading });
  if (best) return { reading: await wholeHangul(page, seen, setOf(best.language), best.reading), language: best.language };
  // A language of the same script that cannot be had (ukr, say): its script's model read it, and the page says so.
  if (family(scriptOfModel(broad)) === family(seen) && broad !== 'chi_sim+chi_tra') {
    return { reading: await wholeHangul(page, seen, broad, reading), language: broad, warning: closeLanguageWarning(missing!.languages, broad, missing!.why) };
  }
  return failNaming(page, missing!.languages[0]!);
}

/** What a reading holds: its characters weighed by their confidence. */
export function readingWeight(r: Reading): number {
  return r.blocks.reduce((n, b) => n + b.lines.reduce((m, l) => m + l.words.reduce((k, w) => k + [...w.text].length * w.confidence, 0), 0), 0);
}

/** The block reading must hold this much more to be taken over the page layout's, */
const FULLER = 1.15;
/** or about as much (this share at least), read clearly surer. */
const AS_MUCH = 0.9;

/**
 * Tesseract's page layout analysis (PSM 3) takes many Hangul lines for pictures and loses them
 * (a clean Korean paragraph came back as a third of its text, with kor), and breaks a single
 * line of Chinese or Japanese into scraps. A Korean page, and a small CJK page, are also read
 * as one block of text, and that reading is kept when it holds clearly more.
 */
async function wholeHangul(page: AutoPage, script: Script, set: string, reading: Reading): Promise<Reading> {
  if (script !== 'Hangul' && !(family(script) === 'CJK' && page.small)) return reading;
  const block = await page.read(set, { block: true });
  const more = readingWeight(block) / Math.max(readingWeight(reading), 1e-9);
  // Scraps come back as wrong characters as often as lost ones: as much text, read surer, wins too.
  return more > FULLER || (more >= AS_MUCH && block.confidence >= reading.confidence + CLEARLY_SURER) ? block : reading;
}

const scriptOfModel = (model: string): Script => Object.entries(SCRIPT_MODELS).find(([, m]) => m === model)?.[0] ?? 'Latin';

async function failNaming(page: AutoPage, language: string): Promise<never> {
  try {
    await page.ready(language);
  } catch (err) {
    if (err instanceof LanguageError) throw new LanguageError(err.code as ConstructorParameters<typeof LanguageError>[0], `This page is in ${languageLabel(language)}, as far as language=auto can tell. ${err.message}`);
    throw err;
  }
  throw new LanguageError('language_unavailable', `${languageLabel(language)} is needed for this page and could not be had.`);
}
