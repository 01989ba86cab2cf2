import { describe, expect, it } from 'vitest';
import { summarise, summariseSteps, busyShares, formatSteps } from '../../../bench/report.mjs';

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

describe('where the time goes', () => {
  const timed = (group: string, timings: Record<string, number> | null) => ({ group, timings });

  it('gives each kind the mean ms of each step over its pages, a step a page skipped counting 0, and its share of the work (queue apart)', () => {
    const rows = summariseSteps([
      timed('receipt', { queue: 100, decode: 10, recognize: 60, layout: 10, store: 20 }),
      timed('receipt', { queue: 300, wait: 40, decode: 30, orientation: 100, recognize: 140, layout: 10, store: 20 }),
      timed('book', { queue: 0, decode: 5, recognize: 95 }),
      timed('book', null),
    ]);
    expect(rows.map((r) => r.label)).toEqual(['book', 'receipt', 'all']);
    const receipt = rows.find((r) => r.label === 'receipt')!;
    expect(receipt.pages).toBe(2);
    expect(receipt.queueMs).toBe(200);
    expect(receipt.waitMs).toBe(20);
    expect(receipt.steps.decode!.ms).toBe(20);
    expect(receipt.steps.orientation!.ms).toBe(50);
    expect(receipt.steps.recognize!.ms).toBe(100);
    expect(receipt.workMs).toBe(200);
    expect(receipt.steps.recognize!.share).toBeCloseTo(0.5);
    expect(receipt.steps.orientation!.share).toBeCloseTo(0.25);
    const sum = Object.values(receipt.steps).reduce((n, s) => n + s.share, 0);
    expect(sum).toBeCloseTo(1);
    const book = rows.find((r) => r.label === 'book')!;
    expect(book.pages).toBe(1);
    expect(book.steps.recognize!.share).toBeCloseTo(0.95);
    expect(rows.find((r) => r.label === 'all')!.pages).toBe(3);
  });

  it('a worker lane\'s busy share is its busy time between two reads over the time between them; a lane started meanwhile counts from 0', () => {
    const before = { at: 1000, lanes: [{ lane: 0, busyMs: 500, uses: 3, started: 1, key: 'eng' }] };
    const after = { at: 11000, lanes: [{ lane: 0, busyMs: 8500, uses: 10, started: 1, key: 'eng' }, { lane: 1, busyMs: 2500, uses: 2, started: 2, key: 'eng' }] };
    const shares = busyShares(before, after);
    expect(shares).toEqual([
      { lane: 0, busyMs: 8000, uses: 7, busy: 0.8 },
      { lane: 1, busyMs: 2500, uses: 2, busy: 0.25 },
    ]);
    expect(busyShares(null, null)).toEqual([]);
  });

  it('prints a row per kind with only the steps taken, and each worker\'s busy and idle share over the run', () => {
    const rows = summariseSteps([timed('receipt', { queue: 50, decode: 25, recognize: 75 })]);
    const text = formatSteps(rows, { kinds: { receipt: [{ lane: 0, busy: 0.9 }, { lane: 1, busy: 0.4 }] }, run: [{ lane: 0, busy: 0.75, busyMs: 7500, uses: 9 }] });
    expect(text).toContain('decode ms (share)');
    expect(text).not.toContain('orientation ms');
    expect(text).toMatch(/\| receipt \| 1 +\| 25 \(25%\) +\| 75 \(75%\) +\| 100 +\| 50 +\| 0 +\| 90% \/ 40% +\|/);
    expect(text).toContain('worker 1: 75% busy, 25% idle (9 readings, 7.5 s)');
  });
});
