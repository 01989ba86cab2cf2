// PROTOCOL TEST, not a translation test: the translation step is driven here with a stand-in
// for Chrome's Translator API (an object with availability() and create() that "translates" by
// a word list). It checks what the step asks of the API (the pair, the monitor, one call per
// distinct piece) and what it keeps of the Markdown; it says nothing about Chrome translating
// well, which no test here can show (headless Chromium has no Translator API).
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src/shared/contract';
import { UserError } from '../../../src/shared/errors';
import {
  translateLaidOutPage,
  translateMarkdown,
  translatePage,
  translatorProblem,
  Translators,
  type TranslatorFactory,
  type TranslatorOptions,
} from '../../../src/host/translation';
import { downloadedModels, type ModelTranslators } from '../../../src/host/model-translator';
import { findModel } from '../../../src/models';
import { pieces } from '../../../src/engines/vlm/reader-pipeline';

const WORDS: Record<string, string> = { hello: 'bonjour', world: 'monde', total: 'total', price: 'prix', item: 'article', the: 'le', cat: 'chat', report: 'rapport' };

/** The stand-in translator: word by word from WORDS, and it counts its calls. */
function standIn() {
  const calls: string[] = [];
  return {
    calls,
    translate: async (text: string) => {
      calls.push(text);
      return text.replace(/\p{L}+/gu, (w) => WORDS[w.toLowerCase()] ?? w);
    },
  };
}

function factory(availability: string, opts: { progress?: number[]; refuse?: Error } = {}) {
  const made: TranslatorOptions[] = [];
  const asked: unknown[] = [];
  const f: TranslatorFactory = {
    availability: async (o) => {
      asked.push(o);
      return availability;
    },
    create: async (o) => {
      made.push(o);
      const listeners: ((e: { loaded: number }) => void)[] = [];
      o.monitor?.({ addEventListener: (_t, l) => listeners.push(l) });
      for (const loaded of opts.progress ?? []) for (const l of listeners) l({ loaded });
      if (opts.refuse) throw opts.refuse;
      return standIn();
    },
  };
  return { f, made, asked };
}

const page = (over: Partial<Page> = {}): Page => ({
  index: 0, width: 100, height: 100, text: 'Hello world', markdown: 'Hello world', blocks: [], tables: [], confidence: 0.9, source: 'ocr', ...over,
});

describe('the translation step (protocol test with a stand-in Translator)', () => {
  it('keeps the Markdown structure: heading marks, list markers, table pipes and rules, code fences', async () => {
    const t = standIn();
    const md = ['# The report', '', '- hello\n- world', '', '| Item | Price |\n| --- | ---: |\n| cat | 3.50 |', '', '```\nhello world\n```', '', 'Hello the  \ncat'].join('\n');
    const out = await translateMarkdown(md, t.translate);
    expect(out).toBe(['# le rapport', '', '- bonjour\n- monde', '', '| article | prix |\n| --- | ---: |\n| chat | 3.50 |', '', '```\nhello world\n```', '', 'bonjour le  \nchat'].join('\n'));
    // the code block is never sent; a number-only cell neither
    expect(t.calls.some((c) => c.includes('```'))).toBe(false);
    expect(t.calls).not.toContain('3.50');
  });

  it('translates the text paragraph by paragraph, each distinct piece once', async () => {
    const t = standIn();
    const out = await translatePage({ text: 'Hello world\n\nthe cat\n\nHello world', markdown: '## Hello world\n\nthe cat' }, t);
    expect(out).toEqual({ text: 'bonjour monde\n\nle chat\n\nbonjour monde', markdown: '## bonjour monde\n\nle chat' });
    expect(t.calls.sort()).toEqual(['Hello world', 'the cat']);
  });

  it('asks for the pair in BCP 47 from the page’s detected language, and shows the download as the job note', async () => {
    const { f, made, asked } = factory('downloadable', { progress: [0, 0.5, 1] });
    const notes: (string | null)[] = [];
    const out = await translateLaidOutPage(page({ language: 'deu' }), { language: 'auto', translate_to: 'fra' }, new Translators(() => f), (n) => notes.push(n));
    expect(asked).toEqual([{ sourceLanguage: 'de', targetLanguage: 'fr' }]);
    expect(made[0]).toMatchObject({ sourceLanguage: 'de', targetLanguage: 'fr' });
    expect(typeof made[0]!.monitor).toBe('function');
    expect(out.text).toBe('bonjour monde');
    expect(notes).toContain("Downloading Chrome's German → French translator: 50%");
    expect(notes.at(-1)).toBeNull();
  });

  it('one translator a pair, made once for many pages', async () => {
    const { f, made } = factory('available');
    const translators = new Translators(() => f);
    const job = { language: 'chi_tra', translate_to: 'en' };
    await Promise.all([0, 1, 2].map((index) => translateLaidOutPage(page({ index }), job, translators, () => {})));
    expect(made.length).toBe(1);
    expect(made[0]).toMatchObject({ sourceLanguage: 'zh-Hant', targetLanguage: 'en' });
  });

  it('a download the POST started (prepare, after the click) is the one the host waits for, its progress in each waiting job’s note', async () => {
    const { f, made } = factory('downloadable', { progress: [0.25] });
    const translators = new Translators(() => f);
    translators.prepare('eng', 'fra');
    const notes: (string | null)[] = [];
    const out = await translateLaidOutPage(page({ language: 'eng' }), { language: 'eng', translate_to: 'fra' }, translators, (n) => notes.push(n));
    expect(made.length).toBe(1);
    expect(out.text).toBe('bonjour monde');
    expect(notes.at(-1)).toBeNull();
    // nothing to prepare where the pair is not known yet, or the same language
    translators.prepare('auto', 'deu');
    translators.prepare('eng', 'en');
    expect(made.length).toBe(1);
  });

  it('waits while Chrome downloads the pair for another window, then makes it without a click', async () => {
    const states = ['downloading', 'downloading', 'available'];
    const made: TranslatorOptions[] = [];
    const f: TranslatorFactory = { availability: async () => states.shift() ?? 'available', create: async (o) => (made.push(o), standIn()) };
    const notes: (string | null)[] = [];
    await translateLaidOutPage(page({ language: 'spa' }), { language: 'auto', translate_to: 'en' }, new Translators(() => f, 0), (n) => notes.push(n));
    expect(states).toEqual([]);
    expect(made.length).toBe(1);
    expect(notes).toContain('Chrome is downloading its Spanish → English translator…');
  });

  it('a download that makes no progress (offline, headless Chromium) fails the page instead of waiting for ever', async () => {
    const f: TranslatorFactory = { availability: async () => 'downloadable', create: () => new Promise(() => {}) };
    const started = Date.now();
    await expect(translateLaidOutPage(page({ language: 'eng' }), { language: 'eng', translate_to: 'fr' }, new Translators(() => f, 0, 0, 50), () => {})).rejects.toMatchObject({
      code: 'translator_missing',
      detail: expect.stringContaining('made no progress'),
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails the page with translator_missing and a sentence: no API, a pair Chrome lacks, a download refused without a click', async () => {
    const fail = async (translators: Translators) => {
      try {
        await translateLaidOutPage(page({ language: 'eng' }), { language: 'eng', translate_to: 'fr' }, translators, () => {});
      } catch (err) {
        return err as UserError;
      }
      throw new Error('no failure');
    };
    const none = await fail(new Translators(() => null));
    expect(none.code).toBe('translator_missing');
    expect(none.detail).toContain("Chrome's built-in Translator API");
    expect(none.detail).toContain('https://developer.chrome.com/docs/ai/translator-api');
    const lacking = await fail(new Translators(() => factory('unavailable').f));
    expect(lacking.code).toBe('translator_missing');
    expect(lacking.detail).toContain('does not offer English → French');
    const refused = Object.assign(new Error('Requires a user gesture'), { name: 'NotAllowedError' });
    const gesture = await fail(new Translators(() => factory('downloadable', { refuse: refused }).f));
    expect(gesture.code).toBe('translator_missing');
    expect(gesture.detail).toContain('only in answer to a click');
  });

  it('a page already in the target language is its own translation; an unknown source language fails with what to choose', async () => {
    const same = await translateLaidOutPage(page({ language: 'eng' }), { language: 'auto', translate_to: 'en' }, new Translators(() => null), () => {});
    expect(same).toEqual({ text: 'Hello world', markdown: 'Hello world' });
    await expect(translateLaidOutPage(page(), { language: 'auto', translate_to: 'fr' }, new Translators(() => factory('available').f), () => {})).rejects.toMatchObject({ code: 'translate_source_unknown' });
    // a blank page needs no translator
    expect(await translateLaidOutPage(page({ text: '', markdown: '' }), { language: 'eng', translate_to: 'fr' }, new Translators(() => null), () => {})).toEqual({ text: '', markdown: '' });
  });

  it('the POST’s check: a sentence where no translator can run, null where one can or may', async () => {
    expect(await translatorProblem(null, 'eng', 'fr')).toContain('https://developer.chrome.com/docs/ai/translator-api');
    expect(await translatorProblem(null, 'auto', 'fr')).toContain('Translator API');
    expect(await translatorProblem(null, 'en', 'eng')).toBeNull();
    expect(await translatorProblem(factory('unavailable').f, 'eng', 'fr')).toContain('does not offer');
    expect(await translatorProblem(factory('downloadable').f, 'eng', 'fr')).toBeNull();
    // auto: the pair is known once a page is read
    expect(await translatorProblem(factory('unavailable').f, 'auto', 'fr')).toBeNull();
  });
});

describe('choosing the translator: Chrome’s where ready, a downloaded model, Chrome’s download (protocol test with stand-ins)', () => {
  const enFr = findModel('opus-mt-en-fr')!;
  /** Stand-in downloaded models: `installed` lists the ids on the device; the model "translates" by appending [model]. */
  function models(installed: string[]): ModelTranslators & { used: string[] } {
    const used: string[] = [];
    return {
      ...downloadedModels,
      used,
      installed: async (from, to) => downloadedModels.offered(from, to).find((m) => installed.includes(m.id)),
      anyInto: async (to) => downloadedModels.offeredInto(to).some((m) => installed.includes(m.id)),
      translator: (entry) => ({
        label: entry.label,
        translate: async (text) => {
          used.push(entry.id);
          return `${text} [model]`;
        },
      }),
    };
  }
  const run = (translators: Translators) => translateLaidOutPage(page({ language: 'eng' }), { language: 'eng', translate_to: 'fr' }, translators, () => {});

  it('Chrome’s translator goes first where the pair is ready', async () => {
    const m = models([enFr.id]);
    const out = await run(new Translators(() => factory('available').f, 0, 0, 50, m));
    expect(out.text).toBe('bonjour monde');
    expect(m.used).toEqual([]);
  });

  it('a downloaded model goes before a Chrome download, and where there is no Translator API at all', async () => {
    for (const chrome of [factory('downloadable'), factory('unavailable'), null]) {
      const m = models([enFr.id]);
      const out = await run(new Translators(() => chrome?.f ?? null, 0, 0, 50, m));
      expect(out.text).toBe('Hello world [model]');
      expect(m.used).toEqual([enFr.id]);
      // Chrome was not asked to make (download) a translator
      expect(chrome?.made ?? []).toEqual([]);
    }
  });

  it('the job’s note says the model translates the page, and is cleared after', async () => {
    const notes: (string | null)[] = [];
    await translateLaidOutPage(page({ language: 'eng' }), { language: 'eng', translate_to: 'fr' }, new Translators(() => null, 0, 0, 50, models([enFr.id])), (n) => notes.push(n));
    expect(notes[0]).toBe(`Translating page 1 (English → French) with ${enFr.label}…`);
    expect(notes.at(-1)).toBeNull();
  });

  it('no translator: the sentence names the pair’s model, its size and where to download it', async () => {
    const err = (await run(new Translators(() => null, 0, 0, 50, models([]))).catch((e) => e)) as UserError;
    expect(err.code).toBe('translator_missing');
    expect(err.detail).toMatch(/download the translation model “OPUS-MT English → French [^”]*” \(about \d+ MB\) in Settings → Models/);
    const lacking = (await run(new Translators(() => factory('unavailable').f, 0, 0, 50, models([]))).catch((e) => e)) as UserError;
    expect(lacking.detail).toContain('does not offer English → French');
    expect(lacking.detail).toContain('OPUS-MT English → French');
    // a pair no model is offered for says so
    const ja = (await translateLaidOutPage(page({ language: 'eng' }), { language: 'eng', translate_to: 'ja' }, new Translators(() => null, 0, 0, 50, models([])), () => {}).catch((e) => e)) as UserError;
    expect(ja.detail).toContain('No translation model for English → Japanese is offered');
  });

  it('the POST’s check counts a downloaded model: of the pair, or into the target when the language is auto', async () => {
    expect(await translatorProblem(null, 'eng', 'fr', models([enFr.id]))).toBeNull();
    expect(await translatorProblem(factory('unavailable').f, 'eng', 'fr', models([enFr.id]))).toBeNull();
    expect(await translatorProblem(null, 'auto', 'fr', models([enFr.id]))).toBeNull();
    expect(await translatorProblem(null, 'auto', 'fr', models([]))).toContain('OPUS-MT English → French');
    expect(await translatorProblem(null, 'deu', 'fr', models([enFr.id]))).toContain('No translation model for German → French');
  });

  it('a model that fails mid-page fails the page naming the model, not Chrome', async () => {
    const m: ModelTranslators = { ...models([enFr.id]), translator: (e) => ({ label: e.label, translate: async () => Promise.reject(new Error('out of memory')) }) };
    const err = (await run(new Translators(() => null, 0, 0, 50, m)).catch((e) => e)) as UserError;
    expect(err.code).toBe('translator_missing');
    expect(err.detail).toContain(`The translation model ${enFr.label} failed on page 1: out of memory`);
  });
});

describe('a long paragraph goes to a Marian model in pieces under its token limit', () => {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  it('splits at sentence ends, keeps order, and leaves a short text whole', () => {
    expect(pieces('One two. Three four.', words, 10)).toEqual(['One two. Three four.']);
    expect(pieces('One two three. Four five six. Seven eight.', words, 6)).toEqual(['One two three. Four five six.', 'Seven eight.']);
    // a sentence longer than the limit is one piece (the tokenizer truncates it)
    expect(pieces('a b c d e f g h. i j.', words, 3)).toEqual(['a b c d e f g h.', 'i j.']);
  });
});
