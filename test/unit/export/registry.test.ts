import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../src/shared/contract';
import { downloadName, exporters } from '../../../src/export';
import { sampleJob } from './support/fixture';

const MIME = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  hocr: 'application/xhtml+xml',
  alto: 'application/xml',
};
const EXT = { txt: 'txt', md: 'md', docx: 'docx', pdf: 'pdf', csv: 'csv', json: 'json', hocr: 'hocr', alto: 'xml' };

describe('exporter registry', () => {
  it('has one exporter per format, each naming its format, MIME type and extension', () => {
    expect(Object.keys(exporters).sort()).toEqual([...EXPORT_FORMATS].sort());
    for (const format of EXPORT_FORMATS) {
      const { meta } = exporters[format];
      expect(meta.format).toBe(format);
      expect(meta.mime).toBe(MIME[format]);
      expect(meta.ext).toBe(EXT[format]);
      expect(meta.label.length).toBeGreaterThan(0);
    }
  });

  it('every exporter gives a non-empty Blob of its MIME type, and works unbound', async () => {
    for (const format of EXPORT_FORMATS) {
      const { export: run, meta } = exporters[format];
      const blob = await run({ job: sampleJob(), pageImage: async () => null });
      expect(blob.type).toBe(meta.mime);
      expect(blob.size).toBeGreaterThan(0);
    }
  });

  it('every exporter stops at once when the signal is already aborted', async () => {
    for (const format of EXPORT_FORMATS) {
      const c = new AbortController();
      c.abort();
      await expect(exporters[format].export({ job: sampleJob(), pageImage: async () => null }, c.signal)).rejects.toMatchObject({ name: 'AbortError' });
    }
  });
});

describe('downloadName', () => {
  it.each([
    ['invoice.pdf', 'docx', 'invoice.docx'],
    ['invoice.pdf', 'pdf', 'invoice.pdf'],
    ['scan.2026.png', 'txt', 'scan.2026.txt'],
    ['Quarterly Report (final).tiff', 'md', 'Quarterly Report (final).md'],
    ['C:\\Users\\ann\\receipt.jpg', 'csv', 'receipt.csv'],
    ['../../etc/passwd', 'json', 'passwd.json'],
    ['a"b<c>d|e?f*g:h.pdf', 'txt', 'a_b_c_d_e_f_g_h.txt'],
    ['rapport d’activité été.pdf', 'docx', 'rapport d’activité été.docx'],
    ['报告.pdf', 'pdf', '报告.pdf'],
    ['line\nbreak\u0000.png', 'txt', 'line_break.txt'],
    ['.hidden', 'md', 'hidden.md'],
    ['', 'pdf', 'document.pdf'],
    ['???.png', 'txt', 'document.txt'],
    ['CON.png', 'txt', '_CON.txt'],
    ['noextension', 'csv', 'noextension.csv'],
    ['scan.tiff', 'hocr', 'scan.hocr'],
    ['scan.tiff', 'alto', 'scan.xml'],
  ] as const)('%j as %s is %j', (name, format, want) => {
    expect(downloadName(name, format)).toBe(want);
  });

  it('keeps long names short', () => {
    const name = downloadName(`${'x'.repeat(500)}.pdf`, 'docx');
    expect(name.length).toBeLessThanOrEqual(125);
    expect(name.endsWith('.docx')).toBe(true);
  });
});
