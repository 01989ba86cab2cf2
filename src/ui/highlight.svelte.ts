// The words a chat citation points at, and the box of a receipt field, so the page viewer
// can highlight them.
import type { BBox } from '../shared/contract';

export const citation = $state<{ uuid: string; page: number; snippet: string } | { uuid: ''; page: -1; snippet: '' }>({ uuid: '', page: -1, snippet: '' });

export function highlight(uuid: string, page: number, snippet: string): void {
  citation.uuid = uuid;
  citation.page = page;
  citation.snippet = snippet;
  marked.bbox = null;
}

const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Indexes of the page's words that form the cited snippet (a run of them, in order). */
export function citedWords(words: readonly { text: string }[], snippet: string): Set<number> {
  const want = snippet.split(/\s+/).map(norm).filter(Boolean);
  const out = new Set<number>();
  if (!want.length) return out;
  const have = words.map((w) => norm(w.text));
  for (let i = 0; i + want.length <= have.length; i++) {
    if (want.every((w, k) => have[i + k] === w)) {
      for (let k = 0; k < want.length; k++) out.add(i + k);
      return out;
    }
  }
  // Not as one run (the engine joined or split words differently): each word on its own.
  const wanted = new Set(want);
  have.forEach((w, i) => wanted.has(w) && out.add(i));
  return out;
}

/** A box to mark on a page: where a receipt field's value is printed. */
export const marked = $state<{ uuid: string; page: number; bbox: BBox | null; label: string }>({ uuid: '', page: -1, bbox: null, label: '' });

export function markBox(uuid: string, page: number, bbox: BBox, label: string): void {
  marked.uuid = uuid;
  marked.page = page;
  marked.bbox = bbox;
  marked.label = label;
}
