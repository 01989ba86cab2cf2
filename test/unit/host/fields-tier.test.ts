// tool=receipt on the cpu tier: which recogniser reads the page.
import { describe, expect, it } from 'vitest';
import { fieldsTier } from '../../../src/host/fields-tier';
import { vlmReadsAll } from '../../../src/models/ppocr';

describe('the recogniser that reads a receipt', () => {
  it('is PP-OCR on the cpu tier where it reads every language asked', () => {
    for (const lang of ['eng', 'eng+msa', 'fra', 'vie', 'chi_sim', 'chi_tra+eng']) expect(fieldsTier('cpu', true, lang), lang).toBe('vlm');
  });

  it("is the job's tier for languages PP-OCR garbles, and before language=auto has told one", () => {
    for (const lang of ['rus', 'eng+rus', 'ara', 'hin', 'kor', 'jpn', 'auto']) expect(fieldsTier('cpu', true, lang), lang).toBe('cpu');
  });

  it("is the job's tier for a tool that reads no fields, and on the vlm tier", () => {
    expect(fieldsTier('cpu', false, 'eng')).toBe('cpu');
    expect(fieldsTier('vlm', true, 'eng')).toBe('vlm');
    expect(fieldsTier('vlm', true, 'rus')).toBe('vlm');
  });

  it('PP-OCR reads a set only when it reads each of its languages', () => {
    expect(vlmReadsAll('eng+deu')).toBe(true);
    expect(vlmReadsAll('ara+eng')).toBe(false);
    expect(vlmReadsAll('auto')).toBe(false);
    expect(vlmReadsAll('')).toBe(false);
  });
});
