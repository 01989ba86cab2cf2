// The web-llm answerer's adapter (src/chat/llm/answerer.ts) against a stand-in engine: web-llm
// needs WebGPU and weights these tests cannot have, so this checks only how the adapter asks
// (the retrieved passages, a streamed completion) and that it streams what comes.
import { describe, expect, it, vi } from 'vitest';
import { jobFromTexts } from './helpers';

const asked: Record<string, unknown>[] = [];
vi.mock('../../../src/chat/llm/engine', () => ({
  loadModel: async () => ({
    interruptGenerate: () => {},
    chat: {
      completions: {
        create: async (req: Record<string, unknown>) => {
          asked.push(req);
          return (async function* () {
            for (const piece of ['The total ', 'is 215.00 USD ', '(p. 2: "Total: 215.00 USD").']) yield { choices: [{ delta: { content: piece } }] };
          })();
        },
      },
    },
  }),
}));

describe('the web-llm answerer', () => {
  it('asks for a streamed completion of the passages prompt, streams the words, and checks the citation', async () => {
    const { llmAnswerer } = await import('../../../src/chat/llm/answerer');
    const job = jobFromTexts(['Invoice No: INV-2041', 'Subtotal: 195.00\nTotal: 215.00 USD']);
    const heard: string[] = [];
    const a = await llmAnswerer('Qwen2.5-0.5B-Instruct-q4f16_1-MLC').answer({ question: 'What is the total?', job, history: [], onPartial: (t) => heard.push(t) });
    expect(asked[0]).toMatchObject({ stream: true, temperature: 0 });
    expect((asked[0].messages as { role: string }[])[0].role).toBe('system');
    expect(heard).toEqual(['The total ', 'The total is 215.00 USD ', 'The total is 215.00 USD (p. 2: "Total: 215.00 USD").']);
    expect(a).toMatchObject({ answerer: 'llm:Qwen2.5-0.5B-Instruct-q4f16_1-MLC', citations: [{ page: 2, snippet: 'Total: 215.00 USD' }] });
  });
});
