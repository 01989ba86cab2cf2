import { describe, expect, it } from 'vitest';
import { TESSERACT_LANGUAGES } from '../../../src/shared/languages';
import { LANGUAGES, languageLabel, matchesLanguage } from '../../../src/ui/language-names';

describe('language names for the pickers', () => {
  it('every Tesseract code has a name', () => {
    for (const code of TESSERACT_LANGUAGES) expect(languageLabel(code), code).not.toBe(`${code} (${code})`);
    expect(LANGUAGES).toHaveLength(TESSERACT_LANGUAGES.size);
  });

  it('is searchable by name or code', () => {
    expect(languageLabel('deu')).toBe('German (deu)');
    const hits = LANGUAGES.filter((l) => matchesLanguage(l, 'germ')).map((l) => l.code);
    expect(hits).toContain('deu');
    expect(LANGUAGES.filter((l) => matchesLanguage(l, 'chi_')).map((l) => l.code)).toContain('chi_tra');
  });
});
