// Which languages are offered: those on the app's server (shipped, vendored) and a language
// source's; without a source, a language the server lacks is not offered.
import { describe, expect, it } from 'vitest';
import { languageSource, offeredLanguages, setLanguageSource, sourceUrls, type LanguageIndex } from '../../../src/languages/offered';
import { TESSERACT_LANGUAGES } from '../../../src/shared/languages';

const INDEX: LanguageIndex = {
  shipped: ['eng', 'osd', 'deu'].map((code) => ({ code, bytes: 1 })),
  vendored: [{ code: 'ukr', bytes: 1 }],
};

describe('offeredLanguages', () => {
  it('without a language source: only the server’s languages, and never osd', () => {
    expect(offeredLanguages(null, [], INDEX).sort()).toEqual(['deu', 'eng', 'ukr']);
  });

  it('with a source: its languages too; and what is already on the device', () => {
    const codes = offeredLanguages({ url: 'https://l.example/', custom: false, codes: new Set(['grc', 'ell']) }, ['lat'], INDEX);
    expect(codes.sort()).toEqual(['deu', 'ell', 'eng', 'grc', 'lat', 'ukr']);
  });

  it('the build’s default index (no build here) holds the curated set, so the lists are never empty', () => {
    expect(offeredLanguages(null)).toContain('eng');
    expect(offeredLanguages(null)).not.toContain('grc');
  });
});

describe('the language source', () => {
  it('a folder is asked for <code>.traineddata.gz then <code>.traineddata; a {code} URL is filled in', () => {
    expect(sourceUrls({ url: 'https://l.example/t/' }, 'ell')).toEqual(['https://l.example/t/ell.traineddata.gz', 'https://l.example/t/ell.traineddata']);
    expect(sourceUrls({ url: 'https://cdn.example/@tesseract.js-data/{code}/4.0.0_best_int/{code}.traineddata.gz' }, 'ell')).toEqual([
      'https://cdn.example/@tesseract.js-data/ell/4.0.0_best_int/ell.traineddata.gz',
    ]);
  });

  it('a person’s own source is made absolute, offers every Tesseract language, and can be unset', () => {
    const store = new Map<string, string>();
    const ls = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const g = globalThis as { localStorage?: unknown };
    g.localStorage = ls;
    try {
      expect(languageSource('https://app.example/')).toBeNull();
      setLanguageSource('/langs', 'https://app.example/');
      const own = languageSource('https://app.example/');
      expect(own).toMatchObject({ url: 'https://app.example/langs/', custom: true });
      expect(own?.codes.size).toBe(TESSERACT_LANGUAGES.size);
      setLanguageSource('', 'https://app.example/');
      expect(languageSource('https://app.example/')).toBeNull();
      expect(() => setLanguageSource('http://[bad', 'https://app.example/')).toThrow();
    } finally {
      delete g.localStorage;
    }
  });
});
