// One source of truth for sizes: the words Settings → Models shows for a model are the words
// a job that needs it repeats, written by one formatter in decimal units.
import { describe, expect, it } from 'vitest';
import { findModel, requireModel, sizeText, ModelError } from '../../../src/models';
import { formatBytes } from '../../../src/shared/bytes';
import { formatBytes as uiFormatBytes } from '../../../src/ui/format';

describe('sizes', () => {
  it('formats bytes in decimal units, as hubs list files', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(23_081_705)).toBe('23 MB');
    expect(formatBytes(68_095_920)).toBe('68 MB');
    expect(formatBytes(2.1e9)).toBe('2.1 GB');
    expect(formatBytes(999_600)).toBe('1.0 MB');
    expect(formatBytes(undefined)).toBe('—');
    // The screens' formatter is the same function.
    expect(uiFormatBytes).toBe(formatBytes);
  });

  it('the handwriting message gives the size Settings shows for TrOCR, word for word', async () => {
    const trocr = findModel('trocr-small-handwritten')!;
    expect(sizeText(trocr)).toBe('about 68 MB');
    const err = (await requireModel('handwriting', 'Handwriting to text').catch((e: unknown) => e)) as ModelError;
    expect(err).toBeInstanceOf(ModelError);
    expect(err.code).toBe('model_missing');
    expect(err.detail).toContain(`“${trocr.label}” (${sizeText(trocr)}) in Settings → Models`);
  });

  it('the math message states the size of Texify', async () => {
    const texify = findModel('texify')!;
    expect(sizeText(texify)).toMatch(/^about \d{3} MB$/);
    const err = (await requireModel('math', 'Math').catch((e: unknown) => e)) as ModelError;
    expect(err.code).toBe('model_missing');
    expect(err.detail).toContain(`“${texify.label}” (${sizeText(texify)}) in Settings → Models`);
  });

  it('an installed model shows what it stores; a model of unknown size says nothing made up', () => {
    const pp = findModel('ppocr-v4')!;
    expect(sizeText(pp)).toBe('23 MB');
    expect(sizeText(pp, { installed: true, storedBytes: 1_500_000 })).toBe('1.5 MB');
    expect(sizeText(findModel('granite-docling-258m')!)).toBeNull();
  });
});
