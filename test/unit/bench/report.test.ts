import { describe, expect, it } from 'vitest';
import { summarise } from '../../../bench/report.mjs';

const page = (name: string, group: string) => ({ name, group, lang: 'eng', gold: true, ours: { cer: 0, wer: 0, orderFree: 0 } });

describe('the benchmark table', () => {
  it('a kind timed over several passes shows their median; the overall row counts each kind\'s time in the run', () => {
    const pages = [page('a.pdf', 'pdf-digital'), page('b.png', 'book')];
    const { rows, overall } = summarise(pages, {
      ours: {
        'pdf-digital': { pages: 5, wallMs: 500, passMs: [500, 250, 200], medianMs: 250 },
        book: { pages: 5, wallMs: 5000 },
      },
      native: null,
    });
    expect(rows.find((r) => r.label === 'pdf-digital')!.oursRate).toBeCloseTo(20);
    expect(rows.find((r) => r.label === 'book')!.oursRate).toBeCloseTo(1);
    expect(overall.oursRate).toBeCloseTo(10 / 5.5);
  });
});
