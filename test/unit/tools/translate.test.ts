import { describe, expect, it } from 'vitest';
import { findTool } from '../../../src/tools';
import { joinTranslations, toBcp47, translatedJob } from '../../../src/tools/translate';
import type { Job, Page } from '../../../src/shared/contract';

describe('the translate tool', () => {
  it('maps Tesseract codes and short codes to BCP 47 (what Chrome’s Translator takes)', () => {
    expect(toBcp47('eng')).toBe('en');
    expect(toBcp47('deu')).toBe('de');
    expect(toBcp47('chi_sim')).toBe('zh');
    expect(toBcp47('chi_tra')).toBe('zh-Hant');
    expect(toBcp47('zh-Hant')).toBe('zh-Hant');
    expect(toBcp47('fr')).toBe('fr');
    expect(toBcp47('jpn')).toBe('ja');
    expect(toBcp47('srp_latn')).toBe('sr-Latn');
    expect(toBcp47('eng+deu')).toBe('en');
    // no two-letter code: the ISO 639-2 code, a valid BCP 47 tag
    expect(toBcp47('ceb')).toBe('ceb');
    expect(toBcp47('auto')).toBeUndefined();
    expect(toBcp47('klingon')).toBeUndefined();
    expect(toBcp47(undefined)).toBeUndefined();
  });

  it('finishes a job with its pages’ translations joined as the text is; none without them', () => {
    const page = (index: number, t?: string): Page => ({
      index, width: 1, height: 1, text: 'x', markdown: 'x', blocks: [], tables: [], confidence: 1, source: 'ocr', ...(t ? { translation: { text: t, markdown: `**${t}**` } } : {}),
    });
    const tool = findTool('translate')!;
    expect(tool.finish!([page(0, 'un'), page(1, 'deux')], { language: 'eng', translate_to: 'fra' })).toEqual({
      translation: { language: 'fr', text: 'un\n\ndeux', markdown: '**un**\n\n---\n\n**deux**' },
    });
    expect(tool.finish!([page(0)], { language: 'eng', translate_to: 'fra' })).toEqual({});
    expect(joinTranslations([page(0, 'un')], undefined)).toBeUndefined();
  });

  it('gives the exporters the translation in place of the text, without the original’s boxes and tables', () => {
    const job = { file_name: 'scan.pdf', text: 'one', markdown: 'one', translation: { language: 'de', text: 'eins', markdown: 'eins' }, pages: [{ index: 0, text: 'one', markdown: 'one', blocks: [{}], tables: [{}], translation: { text: 'eins', markdown: 'eins' } }] } as unknown as Job;
    const t = translatedJob(job)!;
    expect(t.file_name).toBe('scan-de.pdf');
    expect([t.text, t.pages[0]!.text, t.pages[0]!.blocks.length, t.pages[0]!.tables.length]).toEqual(['eins', 'eins', 0, 0]);
    expect(translatedJob({ ...job, translation: undefined })).toBeUndefined();
  });
});
