// The vlm tier's page with its English words mended (src/languages/mend.ts), the lexicon being
// the chat's word vectors' 40,000 words, which ship with the app (its time is the layout's).
import { mendText, mendWord, type Knows } from '../languages/mend';
import type { EnginePage } from '../shared/engine';

/** Whether a Tesseract language set reads English (the only lexicon the app ships). */
export function readsEnglish(languages: string): boolean {
  return languages.split('+').includes('eng');
}

/** Mends every word of the page in place: each line's text and each of its words, alike. */
export function mendPage(page: EnginePage, knows: Knows): void {
  const lines = [...page.blocks.flatMap((b) => b.lines), ...(page.lines ?? [])];
  for (const l of lines) {
    l.text = mendText(l.text, knows);
    for (const w of l.words) w.text = mendWord(w.text, knows);
  }
}
