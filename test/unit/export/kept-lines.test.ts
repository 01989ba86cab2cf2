import { describe, expect, it } from 'vitest';
import type { Job, Table } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { block, job, line, page } from './support/fixture';
import { unzip } from './support/zip';

const RECEIPT = ['CAFE CENTRAL', '1 DELIVERY CHG 4.00 S', '4 CHICKEN WRAP 71.60 S'];

function receiptJob(tables: Table[] = []): Job {
  const kept = { ...block('paragraph', RECEIPT.map((t, i) => line(t, 40, 40 + i * 30))), keep_lines: true };
  const prose = block('paragraph', [line('Thank you for your visit and', 40, 200), line('see you again soon.', 40, 230)]);
  return job([page(0, [kept, prose], tables)], 'receipt.jpg');
}

async function exported(format: 'md' | 'docx' | 'csv', j: Job): Promise<string> {
  const blob = await exporters[format].export({ job: j, pageImage: async () => null });
  if (format !== 'docx') return blob.text();
  return unzip(Buffer.from(await blob.arrayBuffer())).get('word/document.xml')!.toString('utf8');
}

describe('a block that keeps its lines', () => {
  it('ends each line with a hard break in Markdown, and running text still reflows', async () => {
    const md = await exported('md', receiptJob());
    expect(md).toBe(`${RECEIPT.join('\\\n')}\n\nThank you for your visit and\nsee you again soon.\n`);
  });

  it('keeps each line in DOCX apart with a line break, and running text in one run', async () => {
    const xml = await exported('docx', receiptJob());
    const paragraph = /<w:p\b[^>]*>(?:(?!<\/w:p>)[\s\S])*CAFE CENTRAL[\s\S]*?<\/w:p>/.exec(xml)![0];
    const lines = paragraph.split('<w:br/>').map((part) => [...part.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(lines).toEqual(RECEIPT);
    expect(xml).toContain('>Thank you for your visit and see you again soon.<');
  });
});

describe('a table header', () => {
  const rows = [['Sector', 'Agents'], ['Miami', '127'], ['Ramey', '59']];
  const at = (header?: boolean): Table => ({ rows, bbox: [40, 300, 400, 400], ...(header === undefined ? {} : { header }) });

  it('is the first row in Markdown, DOCX and CSV', async () => {
    expect(await exported('md', receiptJob([at()]))).toContain('| Sector | Agents |\n| --- | --- |\n| Miami | 127 |');
    const xml = await exported('docx', receiptJob([at()]));
    expect(xml).toMatch(/<w:tblHeader\/>(?:(?!<\/w:tr>)[\s\S])*>Sector</);
    const csv = (await exported('csv', receiptJob([at()]))).split('\r\n');
    expect(csv.slice(0, 2)).toEqual(['page,table,row,col1,col2', '1,1,1,Sector,Agents']);
  });

  it('is an empty row in Markdown, and no header in DOCX, for a table that has none', async () => {
    expect(await exported('md', receiptJob([at(false)]))).toContain('|  |  |\n| --- | --- |\n| Sector | Agents |');
    expect(await exported('docx', receiptJob([at(false)]))).not.toContain('<w:tblHeader');
  });
});
