// Whether a page is blank: one colour, give or take scanner noise and a speck of dust.
// Such a page has nothing to read; saying so beats an empty text with a confidence.
import { scaledGrey } from '../shared/pixels';
import { lumaPixels, type Luma } from '../shared/page-image';

/** Pages are looked at no larger than this (long side): plenty to see a word, cheap to scan. */
const LOOK_SIZE = 1600;
/** A pixel this far (of 255) from the page's own colour is ink, not noise. */
const INK_STEP = 48;
/**
 * At most this share of ink pixels still counts as blank: a few specks of dust, less than a
 * page number. Kept strict: a page wrongly thought blank loses its text, while one wrongly
 * thought not blank is only read and then warned of as having no text.
 */
const BLANK_INK_SHARE = 0.00001;

/** True when the grey levels are near-uniform: (almost) every pixel is close to the commonest level. */
export function isBlankGrey(grey: Uint8Array): boolean {
  const histogram = new Uint32Array(256);
  for (const v of grey) histogram[v]!++;
  let paper = 0;
  for (let v = 1; v < 256; v++) if (histogram[v]! > histogram[paper]!) paper = v;
  let ink = 0;
  for (let v = 0; v < 256; v++) if (Math.abs(v - paper) > INK_STEP) ink += histogram[v]!;
  return ink <= Math.max(4, grey.length * BLANK_INK_SHARE);
}

export function isBlankPage(bitmap: ImageBitmap): boolean {
  // looked at scaled down to at most LOOK_SIZE on its long side
  return isBlankGrey(scaledGrey(bitmap, LOOK_SIZE / Math.max(bitmap.width, bitmap.height)).grey);
}

/**
 * The same test on a page's grey from its decoder: every pixel of a grid as wide as the
 * scaled copy's, as a canvas scaling down by far samples the page, with no drawing.
 */
export function isBlankLuma(luma: Luma): boolean {
  const { width, height } = luma;
  const pixels = lumaPixels(luma);
  const step = Math.max(1, Math.ceil(Math.max(width, height) / LOOK_SIZE));
  const w = Math.ceil(width / step);
  const grey = new Uint8Array(w * Math.ceil(height / step));
  for (let y = 0, i = 0; y < height; y += step) for (let x = 0; x < width; x += step) grey[i++] = pixels[y * width + x]!;
  return isBlankGrey(grey);
}
