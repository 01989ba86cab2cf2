// Language options for pickers and lists: a code with the name people know it by.
import { TESSERACT_LANGUAGES } from '../shared/languages';
import { languageLabel, languageName } from '../languages/names';

export { languageLabel, languageName };

export interface LanguageOption {
  code: string;
  name: string;
  /** "German (deu)" */
  label: string;
}

/** The options for `codes`, sorted by name. */
export function languageOptions(codes: Iterable<string>): LanguageOption[] {
  return [...codes].map((code) => ({ code, name: languageName(code), label: languageLabel(code) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every language Tesseract has traineddata for, by name (what a translation can target). */
export const LANGUAGES: LanguageOption[] = languageOptions(TESSERACT_LANGUAGES);

/** Matches "germ", "deu", "German (deu)" and the like. */
export function matchesLanguage(l: LanguageOption, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || l.name.toLowerCase().includes(q) || l.code.includes(q);
}
