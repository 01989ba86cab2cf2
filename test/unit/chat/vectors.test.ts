// Word vectors in chat: a question's word the document does not use is matched with the
// document's words nearest in meaning (src/chat/vectors.ts, src/chat/search.ts).
import { describe, expect, it } from 'vitest';
import { extractiveAnswerer, NOT_FOUND } from '../../../src/chat';
import { parseWordVectors } from '../../../src/chat/vectors';
import { jobFromTexts, shippedVectors } from './helpers';

const vectors = shippedVectors();

const HOUSE_RULES = [
  'House rules for guests of the Harbour Hotel.',
  '',
  'Breakfast is served in the garden room from seven to ten every morning.',
  '',
  'Smoking is prohibited in all rooms and on the balconies until January 2027, while the building is being renovated.',
  '',
  'Pets are welcome in the ground floor rooms for a small cleaning charge.',
  '',
  'Guests in Lisbon can book the airport shuttle at the front desk.',
].join('\n');

async function ask(question: string, withVectors = true) {
  const job = jobFromTexts([HOUSE_RULES], 'vectors-house-rules');
  return extractiveAnswerer.answer({ question, job, history: [], vectors: withVectors ? vectors : undefined });
}

describe('the shipped word vectors', () => {
  it('hold the commonest English words, near in meaning where the words are', () => {
    expect(vectors.has('prohibited')).toBe(true);
    expect(vectors.has('prohibit')).toBe(true); // by stem
    expect(vectors.similarity('barred', 'prohibited')!).toBeGreaterThan(0.65);
    expect(vectors.similarity('lawsuit', 'complaint')!).toBeGreaterThan(0.75);
    expect(vectors.similarity('barred', 'breakfast')!).toBeLessThan(0.3);
    expect(vectors.similarity('qqqzzz', 'prohibited')).toBeNull();
  });

  it('refuse a file that is not theirs, or is cut short', () => {
    expect(() => parseWordVectors(new TextEncoder().encode('PK\u0003\u0004 not vectors at all').buffer as ArrayBuffer)).toThrow(/not a word-vectors file/);
    const buf = new ArrayBuffer(24);
    const v = new DataView(buf);
    [87, 86, 69, 67].forEach((c, i) => v.setUint8(i, c));
    v.setUint32(4, 1, true);
    v.setUint32(8, 100, true);
    v.setUint32(12, 1, true);
    v.setUint32(16, 4, true);
    new Uint8Array(buf, 20, 4).set(new TextEncoder().encode('word'));
    expect(() => parseWordVectors(buf)).toThrow(/truncated/);
  });
});

describe('questions in other words than the text', () => {
  it('finds the sentence that says it in its own words ("barred" for "prohibited", "bus" for "shuttle", "morning meal" for "breakfast"); without the vectors the first two are declined', async () => {
    // (the third sentence stands far ahead of the rest on the words it shares, "served" and
    // "morning", and is found without the vectors too)
    const cases: [string, string, boolean][] = [
      ['Until when are cigarettes barred in the bedrooms?', 'January 2027', false],
      ['Where can guests reserve the airport bus?', 'front desk', false],
      ['What time is the morning meal served?', 'seven to ten', true],
    ];
    for (const [q, want, alone] of cases) {
      const a = await ask(q);
      expect(a.content, q).toContain(want);
      expect(a.citations?.[0]?.page).toBe(1);
      const without = (await ask(q, false)).content;
      if (alone) expect(without, q).toContain(want);
      else expect(without, q).toBe(NOT_FOUND);
    }
  });

  it('a question naming a place the document never names is not stretched to the words it does use: declined', async () => {
    const staffing = ['Border Patrol staffing by sector, fiscal year 2019.', '', '* Agent staffing statistics depict on-board personnel as of 09/30/2019 for the Tucson, Yuma and El Paso sectors.', '', 'Tucson sector: 3,700 agents.', '', 'Yuma sector: 850 agents.'].join('\n');
    const job = jobFromTexts([staffing], 'vectors-staffing');
    const asked = async (question: string) => (await extractiveAnswerer.answer({ question, job, history: [], vectors })).content;
    // "people" and "work" are near "personnel" and "staffing"; "Phoenix" is on no page
    expect(await asked('How many people work in the Phoenix sector?')).toBe(NOT_FOUND);
    expect(await asked('How many agents work in the Tucson sector?')).toContain('3,700');
  });

  it('questions the text does not answer stay declined with the vectors', async () => {
    for (const q of ['How much does the parking garage cost per night?', 'Are dogs allowed?', 'Who is the hotel manager?']) expect((await ask(q)).content, q).toBe(NOT_FOUND);
  });
});
