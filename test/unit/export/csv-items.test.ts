// The CSV of a receipt read with tool=receipt: its line items, formulas neutralised.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { readReceipt } from '../../../src/fields/receipt';
import { pageOf } from '../fields/page';
import { sampleJob } from './support/fixture';

async function csvOf(j: Job): Promise<string[][]> {
  const blob = await exporters.csv.export({ job: j, pageImage: async () => null });
  return Papa.parse<string[]>(await blob.text(), { skipEmptyLines: true }).data;
}

describe('csv of a receipt', () => {
  it('holds the line items as description, quantity, unit_price, amount', async () => {
    const page = pageOf(`GOOD FOOD CAFE
10 Baker Street
Tea 2 x 1.50 3.00
@SUM(A1) 4.00
TOTAL 7.00`);
    const j: Job = { ...sampleJob(), tool: 'receipt', pages: [page], fields: readReceipt([page]) };
    expect(await csvOf(j)).toEqual([
      ['description', 'quantity', 'unit_price', 'amount'],
      ['Tea', '2', '1.50', '3.00'],
      ["'@SUM(A1)", '', '', '4.00'],
    ]);
  });

  it('without items, is the tables or lines as before', async () => {
    const j: Job = { ...sampleJob(), fields: { items: [] } };
    expect((await csvOf(j))[0]).not.toEqual(['description', 'quantity', 'unit_price', 'amount']);
  });
});
