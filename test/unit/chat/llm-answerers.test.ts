// The language-model answerers behind one interface (src/chat/llm/model.ts): Chrome's Prompt
// API adapter against a stand-in `LanguageModel` global (headless Chromium has no such model:
// this is a test of the adapter, not of Chrome), the citation check against the page text,
// the fallback to the extractive answer, and the order in which answerers are tried.
// (The transformers.js path runs for real in the browser: test/e2e/chat-llm.spec.ts.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCitations, modelAnswerer, quoteOnPage, type TextModel } from '../../../src/chat/llm/model';
import { promptApiModel, PROMPT_API_ID } from '../../../src/chat/llm/prompt-api';
import { answerQuestion } from '../../../src/chat/run';
import type { PromptMessage } from '../../../src/chat/prompt';
import { jobFromTexts } from './helpers';

const invoice = jobFromTexts([
  'INVOICE\nAcme Corporation\nInvoice No: INV-2041\nDate: 12/03/2026',
  'Description Qty Amount\nWidgets 10 150.00\nSubtotal: 195.00\nTax (10%): 20.00\nTotal: 215.00 USD\nPayment due within 30 days of the interro-\ngation of the ledger.',
]);

/** A model that writes `reply` in word-sized pieces, remembering what it was shown. */
function fakeModel(reply: string, id = 'llm:fake'): TextModel & { shown: PromptMessage[][]; partials: string[] } {
  const shown: PromptMessage[][] = [];
  const partials: string[] = [];
  return {
    id,
    label: 'Fake',
    shown,
    partials,
    async generate(messages, onText) {
      shown.push(messages);
      let text = '';
      for (const piece of reply.match(/\S+\s*/g) ?? []) {
        text += piece;
        partials.push(text);
        onText(text);
      }
      return text;
    },
  };
}

describe('quoteOnPage', () => {
  const page = invoice.pages[1].text;
  it('finds a quote as the page writes it, across case, whitespace, curly quotes and a hyphenated line end', () => {
    expect(quoteOnPage(page, 'Total: 215.00 USD')).toBe('Total: 215.00 USD');
    expect(quoteOnPage(page, 'total:   215.00  usd')).toBe('Total: 215.00 USD');
    expect(quoteOnPage(page, 'Tax (10%): 20.00 Total: 215.00')).toBe('Tax (10%): 20.00\nTotal: 215.00');
    expect(quoteOnPage(page, 'the interrogation of the ledger')).toBe('the interro-\ngation of the ledger');
  });
  it('finds nothing when a word or a number differs', () => {
    expect(quoteOnPage(page, 'Total: 251.00 USD')).toBeNull();
    expect(quoteOnPage(page, 'Total: 215.00 EUR')).toBeNull();
    expect(quoteOnPage(page, '')).toBeNull();
  });
});

describe('checkCitations', () => {
  it('keeps a citation whose snippet is on the page it names, as the page writes it; drops the others', () => {
    const { kept, dropped } = checkCitations(
      [
        { page: 2, snippet: 'total: 215.00 USD' },
        { page: 1, snippet: 'Total: 215.00 USD' }, // true words, wrong page
        { page: 2, snippet: 'Total: 999.00 USD' }, // not in the document
        { page: 7, snippet: 'Total' }, // no such page
      ],
      invoice,
    );
    expect(kept).toEqual([{ page: 2, snippet: 'Total: 215.00 USD' }]);
    expect(dropped.map((c) => c.page)).toEqual([1, 2, 7]);
  });
});

describe('modelAnswerer', () => {
  it('shows the model only the retrieved passages, streams its words, and keeps a citation that is on its page', async () => {
    const model = fakeModel('The total is 215.00 USD (p. 2: "Total: 215.00 USD").');
    const heard: [string, string][] = [];
    const answer = await modelAnswerer(model).answer({ question: 'What is the total?', job: invoice, history: [], onPartial: (t, a) => heard.push([t, a]) });
    expect(answer).toEqual({ role: 'assistant', content: 'The total is 215.00 USD (p. 2: "Total: 215.00 USD").', citations: [{ page: 2, snippet: 'Total: 215.00 USD' }], answerer: 'llm:fake' });
    expect(heard.length).toBeGreaterThan(3);
    expect(heard[0]).toEqual(['The ', 'llm:fake']);
    expect(heard.at(-1)![0]).toBe(answer.content);
    const user = model.shown[0].at(-1)!.content;
    expect(user).toContain('(p. 2)');
    expect(user).toContain('Question: What is the total?');
    expect(model.shown[0][0].content).toMatch(/\(p\. N: "exact words"\)/);
  });

  it('drops a citation whose quote is not on its page', async () => {
    const answer = await modelAnswerer(fakeModel('The total is 251.00 USD (p. 2: "Total: 251.00 USD").')).answer({ question: 'What is the total?', job: invoice, history: [] });
    expect(answer.citations).toEqual([]);
  });
});

describe("Chrome's Prompt API adapter (a stand-in LanguageModel global)", () => {
  afterEach(() => {
    delete (globalThis as { LanguageModel?: unknown }).LanguageModel;
  });

  function fakeLanguageModel(availability: string, chunks: string[]) {
    const created: { initialPrompts?: PromptMessage[] }[] = [];
    const prompted: string[] = [];
    let destroyed = 0;
    const lm = {
      availability: vi.fn(async () => availability),
      create: vi.fn(async (opts: { initialPrompts?: PromptMessage[]; monitor?: (m: EventTarget) => void }) => {
        created.push(opts);
        opts.monitor?.(new EventTarget());
        return {
          async *promptStreaming(input: string) {
            prompted.push(input);
            for (const c of chunks) yield c;
          },
          destroy: () => void destroyed++,
        };
      }),
    };
    (globalThis as { LanguageModel?: unknown }).LanguageModel = lm;
    return { lm, created, prompted, destroyed: () => destroyed };
  }

  it('is absent without the global, and unused unless Chrome says its model is available', async () => {
    expect(await promptApiModel()).toBeNull();
    for (const a of ['unavailable', 'downloadable', 'downloading']) {
      fakeLanguageModel(a, []);
      expect(await promptApiModel()).toBeNull();
    }
  });

  it('opens a session with the system prompt and history, streams the pieces, and closes it', async () => {
    const fake = fakeLanguageModel('available', ['The total ', 'is 215.00 USD ', '(p. 2: "Total: 215.00 USD").']);
    const model = (await promptApiModel())!;
    expect(model.id).toBe(PROMPT_API_ID);
    const history = [
      { role: 'user' as const, content: 'What is the date?' },
      { role: 'assistant' as const, content: 'It is 12/03/2026 (p. 1).' },
    ];
    const heard: string[] = [];
    const answer = await modelAnswerer(model).answer({ question: 'and the total?', job: invoice, history, onPartial: (t) => heard.push(t) });
    expect(answer.answerer).toBe('prompt-api');
    expect(answer.citations).toEqual([{ page: 2, snippet: 'Total: 215.00 USD' }]);
    expect(heard).toEqual(['The total ', 'The total is 215.00 USD ', 'The total is 215.00 USD (p. 2: "Total: 215.00 USD").']);
    const init = fake.created[0].initialPrompts!;
    expect(init.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(fake.prompted[0]).toContain('Question: and the total?');
    expect(fake.prompted[0]).toContain('Total: 215.00 USD');
    expect(fake.destroyed()).toBe(1);
  });

  it('reads the whole-text-so-far chunks older Chrome builds stream', async () => {
    fakeLanguageModel('available', ['The', 'The total', 'The total is 215.00 USD (p. 2)']);
    const heard: string[] = [];
    const text = await (await promptApiModel())!.generate([{ role: 'system', content: 's' }, { role: 'user', content: 'q' }], (t) => heard.push(t));
    expect(text).toBe('The total is 215.00 USD (p. 2)');
    expect(heard).toEqual(['The', 'The total', 'The total is 215.00 USD (p. 2)']);
  });
});

describe('answerQuestion: best answerer first, the extractive one when a model is not grounded', () => {
  afterEach(() => {
    delete (globalThis as { LanguageModel?: unknown }).LanguageModel;
  });

  it('uses the Prompt API when it is available, and says so', async () => {
    (globalThis as { LanguageModel?: unknown }).LanguageModel = {
      availability: async () => 'available',
      create: async () => ({
        async *promptStreaming() {
          yield 'The total is 215.00 USD (p. 2: "Total: 215.00 USD").';
        },
        destroy() {},
      }),
    };
    const partials: string[] = [];
    const a = await answerQuestion(invoice, 'What is the total?', [], undefined, (t, by) => partials.push(`${by}: ${t}`));
    expect(a.answerer).toBe('prompt-api');
    expect(a.citations).toEqual([{ page: 2, snippet: 'Total: 215.00 USD' }]);
    expect(partials).toEqual(['prompt-api: The total is 215.00 USD (p. 2: "Total: 215.00 USD").']);
  });

  it("falls back to the extractive answer when the model's only citation is not on its page", async () => {
    (globalThis as { LanguageModel?: unknown }).LanguageModel = {
      availability: async () => 'available',
      create: async () => ({
        async *promptStreaming() {
          yield 'The total is 999.00 USD (p. 2: "Total: 999.00 USD").';
        },
        destroy() {},
      }),
    };
    const a = await answerQuestion(invoice, 'What is the total?', []);
    expect(a.answerer).toBe('extractive');
    expect(a.content).toContain('215.00');
    expect(a.citations?.[0]?.page).toBe(2);
  });

  it('answers extractively when no model is present, or when the model fails', async () => {
    expect((await answerQuestion(invoice, 'What is the total?', [])).answerer).toBe('extractive');
    (globalThis as { LanguageModel?: unknown }).LanguageModel = {
      availability: async () => 'available',
      create: async () => {
        throw new Error('the model crashed');
      },
    };
    const a = await answerQuestion(invoice, 'What is the total?', []);
    expect(a.answerer).toBe('extractive');
    expect(a.content).toContain('215.00');
  });
});
