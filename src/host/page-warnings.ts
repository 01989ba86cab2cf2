// A page with nothing read says so, in words, instead of an empty text with a confidence.
import type { Page } from '../shared/contract';

export const BLANK_PAGE = 'The page is blank: no text was found.';
export const NO_TEXT = 'No text was found on this page: it may be a picture, or its writing too faint or too small to read.';

/** A page that decoded to a blank image: nothing was recognised, and no confidence is claimed. */
export function blankPage(index: number, width: number, height: number): Page {
  return { index, width, height, text: '', markdown: '', blocks: [], tables: [], confidence: 0, source: 'ocr', warning: BLANK_PAGE };
}

/**
 * A page where the engine found no words gets a warning, and no blocks or confidence that
 * would say otherwise (an engine's empty blocks can carry a confidence of their own).
 */
export function withTextWarning(page: Page): Page {
  if (page.text.trim()) return page;
  return { ...page, text: '', markdown: '', blocks: [], tables: [], confidence: 0, warning: NO_TEXT };
}
