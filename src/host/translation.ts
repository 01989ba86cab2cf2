// The translation step (tool=translate): after a page is laid out, its text and Markdown are
// translated on this device by the best translator the browser offers, in this order:
//   1. Chrome's built-in Translator API where the pair is ready ("available");
//   2. a translation model of the pair downloaded in Settings → Models (OPUS-MT through
//      transformers.js, host/model-translator.ts);
//   3. Chrome's Translator where it can download the pair ("downloadable": it needs the network
//      and a click, so a model already on the device goes first).
// Where no translator can run, a sentence says what to enable or download, and where.
import { config } from '../shared/config';
import { downloadedModels, modelWords, type ModelTranslators } from './model-translator';
import type { Page, PageTranslation } from '../shared/contract';
import { UserError } from '../shared/errors';
import { sameLanguage, toBcp47 } from '../tools/translate';

/** Chrome's Translator API (Chrome 138+ desktop), the part used here. */
export type TranslatorAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface TranslatorMonitor {
  addEventListener(type: 'downloadprogress', listener: (e: { loaded: number }) => void): void;
}

export interface TranslatorOptions {
  sourceLanguage: string;
  targetLanguage: string;
  monitor?: (m: TranslatorMonitor) => void;
}

export interface TranslatorInstance {
  translate(text: string): Promise<string>;
  destroy?(): void;
  /** who translates, for a sentence when it fails (a model's label; Chrome's otherwise) */
  label?: string;
}

export interface TranslatorFactory {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<TranslatorAvailability | string>;
  create(options: TranslatorOptions): Promise<TranslatorInstance>;
}

export const TRANSLATOR_CODE = 'translator_missing';
export const TRANSLATOR_DOCS = 'https://developer.chrome.com/docs/ai/translator-api';

/** The browser's Translator, or null where it has none (headless Chromium, Firefox, Safari, Chrome before 138). */
export function browserTranslator(): TranslatorFactory | null {
  const t = (globalThis as { Translator?: TranslatorFactory }).Translator;
  return t && typeof t.availability === 'function' && typeof t.create === 'function' ? t : null;
}

const name = (tag: string): string => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
};

const pair = (source: string, target: string) => `${name(source)} → ${name(target)}`;

const MODELS_PAGE = 'Settings → Models (or under the Translate tool on the upload screen)';

/** What to download for the pair (or into the target, when the source is not known yet), as a sentence. */
function modelAdvice(models: ModelTranslators, target: string, source?: string): string {
  const offered = source ? models.offered(source, target) : models.offeredInto(target);
  if (offered.length) {
    const what = offered.slice(0, 3).map(modelWords).join(' or ');
    return `Or download the translation model ${what} in ${MODELS_PAGE}; it runs on this device in any modern browser.`;
  }
  const pairWords = source ? pair(source, target) : `into ${name(target)}`;
  return `No translation model for ${pairWords} is offered in ${MODELS_PAGE} either (a deployment can add one to its registry).`;
}

/** Where there is no Translator API at all. */
export function noTranslatorSentence(target: string, models: ModelTranslators = downloadedModels, source?: string): string {
  return (
    `No translator can run in this browser to translate ${source ? pair(source, target) : `into ${name(target)}`}: Chrome's built-in Translator API ` +
    `(Chrome 138 or later on desktop; it downloads each language pair itself the first time) is not here, and no translation model of the pair is on this device. ` +
    `Open OCR.chat in such a Chrome, or enable the Translator API in chrome://flags (#translation-api); see ${TRANSLATOR_DOCS}. ` +
    modelAdvice(models, target, source)
  );
}

function unavailableSentence(source: string, target: string, models: ModelTranslators = downloadedModels): string {
  return (
    `Chrome's built-in Translator does not offer ${pair(source, target)} on this device (it answers "unavailable"), and no translation model of the pair is on this device. ` +
    `The language pairs Chrome offers are listed at ${TRANSLATOR_DOCS}. ` +
    modelAdvice(models, target, source)
  );
}

/**
 * Why no translator can run for `language` (the job's: 'auto' or a code) into `translateTo`,
 * or null when one can (or may: with 'auto' the pair is known only once a page is read).
 */
export async function translatorProblem(
  factory: TranslatorFactory | null,
  language: string,
  translateTo: string,
  models: ModelTranslators = downloadedModels,
): Promise<string | null> {
  const target = toBcp47(translateTo);
  if (!target) return `Unknown language code "${translateTo}" in translate_to.`;
  const source = toBcp47(language);
  if (source && sameLanguage(source, target)) return null;
  if (!source) {
    // auto: Chrome may offer the pair once it is known; else a model into the target must be here
    if (factory || (await models.anyInto(target))) return null;
    return noTranslatorSentence(target, models);
  }
  // Both asked at once: the POST that asks is the click Chrome's download needs, and that click
  // is honoured only for a few seconds.
  const installed = models.installed(source, target);
  if (!factory) return (await installed) ? null : noTranslatorSentence(target, models, source);
  let availability: string;
  try {
    availability = await factory.availability({ sourceLanguage: source, targetLanguage: target });
  } catch (err) {
    if (await installed) return null;
    return `Chrome's built-in Translator could not say whether it offers ${pair(source, target)}: ${(err as Error).message ?? err}. See ${TRANSLATOR_DOCS}. ${modelAdvice(models, target, source)}`;
  }
  if (availability !== 'unavailable' || (await installed)) return null;
  return unavailableSentence(source, target, models);
}

type Note = (note: string | null) => void;

interface Made {
  ready: Promise<TranslatorInstance>;
  /** who shows the download's progress: each job waiting for this translator */
  listeners: Set<Note>;
  last: string | null;
}

/**
 * The translators of one window, one per language pair, kept while it runs: the engine host's,
 * shared with the API handler of the same window, so that a download the POST started (after
 * the person's click, which Chrome requires to start one) is the one the host waits for.
 * A download's progress goes to the note of every job waiting for it.
 */
export class Translators {
  private made = new Map<string, Made>();

  constructor(
    private factory: () => TranslatorFactory | null = browserTranslator,
    /** while Chrome downloads a pair this window did not ask for (another tab did), how often to look and how long to wait */
    private pollMs = 1000,
    private waitMs = 15 * 60_000,
    /** a translator whose download shows no progress this long fails (offline, or a Chrome that cannot download: headless) */
    private stallMs = config.translatorStallMs,
    /** the translation models downloaded in Settings → Models */
    private models: ModelTranslators = downloadedModels,
  ) {}

  /** Why no translator can run for the job's languages (translatorProblem()), or null. */
  problem(language: string, translateTo: string): Promise<string | null> {
    return translatorProblem(this.factory(), language, translateTo, this.models);
  }

  /**
   * Makes the pair's translator now, from the POST that follows the person's click (Chrome
   * starts a download only then), when the pair is known; a failure shows when the host asks.
   */
  prepare(language: string, translateTo: string): void {
    const source = toBcp47(language);
    const target = toBcp47(translateTo);
    if (!source || !target || sameLanguage(source, target)) return;
    this.get(source, target, () => {}).catch(() => {});
  }

  /** A translator for the pair; throws UserError(translator_missing) with what to enable or download. */
  get(source: string, target: string, onNote: Note): Promise<TranslatorInstance> {
    const key = `${source}>${target}`;
    let made = this.made.get(key);
    if (!made) {
      const m: Made = { listeners: new Set(), last: null, ready: Promise.resolve(null as never) };
      const note: Note = (n) => {
        m.last = n;
        for (const l of m.listeners) l(n);
      };
      m.ready = this.make(source, target, note);
      // A model's translator is not kept: the next page looks again (the model may have been
      // deleted, or Chrome may have the pair ready by then). Chrome's is kept while the window runs.
      m.ready.then(
        (t) => t.label && this.made.delete(key),
        () => this.made.delete(key),
      );
      this.made.set(key, (made = m));
    }
    const m = made;
    m.listeners.add(onNote);
    if (m.last) onNote(m.last);
    return m.ready.finally(() => m.listeners.delete(onNote));
  }

  private async make(source: string, target: string, onNote: Note): Promise<TranslatorInstance> {
    const factory = this.factory();
    // Looked up while Chrome is asked, not after: Chrome starts a download only within a few
    // seconds of the click that made the POST.
    const installed = this.models.installed(source, target);
    installed.catch(() => {});
    const model = async (): Promise<TranslatorInstance | null> => {
      const entry = await installed;
      return entry ? this.models.translator(entry) : null;
    };
    if (!factory) {
      const m = await model();
      if (m) return m;
      throw new UserError(TRANSLATOR_CODE, noTranslatorSentence(target, this.models, source));
    }
    const what = `Chrome's ${pair(source, target)} translator`;
    const options = { sourceLanguage: source, targetLanguage: target };
    const availability = async (): Promise<string> => {
      try {
        return await factory.availability(options);
      } catch (err) {
        throw new UserError(TRANSLATOR_CODE, `Chrome could not say whether ${what} can run (${(err as Error).message ?? err}). See ${TRANSLATOR_DOCS}.`);
      }
    };
    try {
      let state: string;
      try {
        state = await availability();
      } catch (err) {
        // Chrome cannot say: a downloaded model does the work, else the reason stands.
        const m = await model();
        if (m) return m;
        throw err;
      }
      // Ready in Chrome: it goes first. Else a model already on this device goes before a download.
      if (state !== 'available') {
        const m = await model();
        if (m) return m;
      }
      if (state === 'unavailable') throw new UserError(TRANSLATOR_CODE, unavailableSentence(source, target, this.models));
      if (state === 'downloading') {
        // Chrome downloads it already for another window: creating it meanwhile would need a click here.
        onNote(`Chrome is downloading its ${pair(source, target)} translator…`);
        const until = Date.now() + this.waitMs;
        while (state === 'downloading' && Date.now() < until) {
          await new Promise((r) => setTimeout(r, this.pollMs));
          state = await availability();
        }
      }
      if (state !== 'available') onNote(`Downloading ${what}…`);
      let progressAt = Date.now();
      try {
        const created = factory.create({
          ...options,
          monitor(m) {
            m.addEventListener('downloadprogress', (e) => {
              progressAt = Date.now();
              onNote(`Downloading ${what}: ${Math.round(Math.min(1, Math.max(0, e.loaded)) * 100)}%`);
            });
          },
        });
        // create() never settles where Chrome cannot download (offline; headless Chromium says
        // "downloadable" and waits for ever): no progress for stallMs fails the page.
        return await new Promise<TranslatorInstance>((resolve, reject) => {
          const stalled = setInterval(() => {
            if (Date.now() - progressAt < this.stallMs) return;
            clearInterval(stalled);
            reject(Object.assign(new Error(`its download made no progress for ${Math.round(this.stallMs / 1000)} s`), { name: 'StallError' }));
          }, Math.min(1000, this.stallMs));
          created.then(
            (t) => (clearInterval(stalled), resolve(t)),
            (e) => (clearInterval(stalled), reject(e)),
          );
        });
      } catch (err) {
        const why = (err as Error).message ?? String(err);
        // Chrome starts a translator's download only in answer to a click (user activation).
        const name = (err as Error).name;
        const gesture =
          name === 'NotAllowedError'
            ? ' Chrome starts that download only in answer to a click: upload the file again from the OCR.chat page (a click on Upload), and keep the tab open while it downloads.'
            : name === 'StallError'
              ? ' Chrome downloads each language pair once, over the network: connect this device, use Chrome 138 or later on desktop (not a headless one), and upload the file again.'
              : '';
        throw new UserError(TRANSLATOR_CODE, `${what} could not be made ready (${why}).${gesture} See ${TRANSLATOR_DOCS}. ${modelAdvice(this.models, target, source)}`);
      }
    } finally {
      onNote(null);
    }
  }
}

/** The page's source language as a BCP 47 tag: the one detected on it, else the job's. */
export function sourceLanguage(page: Pick<Page, 'language'>, jobLanguage: string): string | undefined {
  return toBcp47(page.language) ?? toBcp47(jobLanguage);
}

/**
 * The page's text and Markdown translated. The text is translated paragraph by paragraph, the
 * Markdown block by block with its structure kept: heading marks, list markers, quotes, table
 * pipes and code stay; only what they hold is translated. Each distinct piece is translated once.
 */
export async function translatePage(page: Pick<Page, 'text' | 'markdown'>, translator: { translate(text: string): Promise<string> }): Promise<PageTranslation> {
  const cache = new Map<string, Promise<string>>();
  const tr = (s: string): Promise<string> => {
    const core = s.trim();
    if (!core || !/\p{L}/u.test(core)) return Promise.resolve(s);
    let done = cache.get(core);
    if (!done) cache.set(core, (done = translator.translate(core)));
    const lead = s.slice(0, s.length - s.trimStart().length);
    const tail = s.slice(s.trimEnd().length);
    return done.then((t) => lead + t.trim() + tail);
  };
  const [text, markdown] = await Promise.all([translateText(page.text, tr), translateMarkdown(page.markdown, tr)]);
  return { text, markdown };
}

type Tr = (s: string) => Promise<string>;

/** Paragraphs (split at blank lines) translated one by one; the blank lines kept. */
async function translateText(text: string, tr: Tr): Promise<string> {
  const parts = text.split(/(\n\s*\n)/);
  return (await Promise.all(parts.map((p, i) => (i % 2 ? p : tr(p))))).join('');
}

const HEADING = /^(\s{0,3}#{1,6}\s+)(.*?)(\s+#+\s*)?$/;
const LIST = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)(.*)$/;
const QUOTE = /^(\s*(?:>\s?)+)(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const HARD_BREAK = /( {2,}|\\)$/;

/** Markdown translated block by block, its marks kept. */
export async function translateMarkdown(markdown: string, tr: Tr): Promise<string> {
  const parts = markdown.split(/(\n\s*\n)/);
  let fenced = false;
  const out: Promise<string>[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2) {
      out.push(Promise.resolve(part));
      continue;
    }
    // A code fence (```) is kept as it is, however many blocks it spans.
    const fences = (part.match(/^\s*```/gm) ?? []).length;
    if (fenced || fences) {
      out.push(Promise.resolve(part));
      if (fences % 2) fenced = !fenced;
      continue;
    }
    out.push(translateBlock(part, tr));
  }
  return (await Promise.all(out)).join('');
}

async function translateBlock(block: string, tr: Tr): Promise<string> {
  const lines = block.split('\n');
  if (/^\s*---+\s*$/.test(block) || /^\s*<!--[\s\S]*-->\s*$/.test(block)) return block;
  if (lines.every((l) => TABLE_ROW.test(l))) return (await Promise.all(lines.map((l) => (TABLE_RULE.test(l) ? l : translateRow(l, tr))))).join('\n');
  // Lines with marks of their own (a heading, list items, a quote) or hard breaks: line by line.
  const marked = lines.some((l) => HEADING.test(l) || LIST.test(l) || QUOTE.test(l) || HARD_BREAK.test(l));
  if (!marked) return tr(block);
  return (await Promise.all(lines.map((l) => translateLine(l, tr)))).join('\n');
}

async function translateLine(line: string, tr: Tr): Promise<string> {
  const brk = line.match(HARD_BREAK)?.[0] ?? '';
  const body = brk ? line.slice(0, -brk.length) : line;
  const h = body.match(HEADING);
  if (h) return h[1]! + (await tr(h[2]!)) + (h[3] ?? '') + brk;
  const l = body.match(LIST);
  if (l) return l[1]! + (await tr(l[2]!)) + brk;
  const q = body.match(QUOTE);
  if (q) return q[1]! + (await tr(q[2]!)) + brk;
  return (await tr(body)) + brk;
}

/** A table row's cells translated one by one; the pipes (and escaped pipes in a cell) kept. */
async function translateRow(row: string, tr: Tr): Promise<string> {
  const cells = row.trim().slice(1, -1).split(/(?<!\\)\|/);
  const done = await Promise.all(cells.map((c) => tr(c)));
  return `|${done.join('|')}|`;
}

/**
 * The translation step for one laid-out page: its translation into `translateTo`, from the
 * page's detected language (else the job's). A page in the target language already is its own
 * translation; a page whose language is unknown (auto, nothing detected) cannot be translated.
 */
export async function translateLaidOutPage(
  page: Page,
  job: { language: string; translate_to?: string },
  translators: Pick<Translators, 'get'>,
  onNote: (note: string | null) => void,
): Promise<PageTranslation> {
  const target = toBcp47(job.translate_to);
  if (!target) throw new UserError('unknown_language', `Unknown language code "${job.translate_to ?? ''}" in translate_to.`);
  if (!page.text.trim() && !page.markdown.trim()) return { text: page.text, markdown: page.markdown };
  const source = sourceLanguage(page, job.language);
  if (!source) {
    throw new UserError(
      'translate_source_unknown',
      `Page ${page.index + 1} could not be translated: the language it is written in was not found. Upload it again with the language chosen (the language field) instead of auto.`,
    );
  }
  if (sameLanguage(source, target)) return { text: page.text, markdown: page.markdown };
  const translator = await translators.get(source, target, onNote);
  // A model loads in its worker first (seconds) and then translates a piece at a time: say so.
  if (translator.label) onNote(`Translating page ${page.index + 1} (${pair(source, target)}) with ${translator.label}…`);
  try {
    return await translatePage(page, translator);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const who = translator.label ? `The translation model ${translator.label}` : `Chrome's ${pair(source, target)} translator`;
    throw new UserError(TRANSLATOR_CODE, `${who} failed on page ${page.index + 1}: ${(err as Error).message ?? err}.${translator.label ? '' : ` See ${TRANSLATOR_DOCS}.`}`);
  } finally {
    if (translator.label) onNote(null);
  }
}
