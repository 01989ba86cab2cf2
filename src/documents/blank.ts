// Whether a page is blank: one colour, give or take scanner noise and a speck of dust.
// Such a page has nothing to read; saying so beats an empty text with a confidence.

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

/** Grey levels of the page, scaled down to at most LOOK_SIZE on its long side. */
function greyLevels(bitmap: ImageBitmap): Uint8Array {
  const scale = Math.min(1, LOOK_SIZE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  // Transparent parts are paper.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  const d = ctx.getImageData(0, 0, w, h).data;
  const grey = new Uint8Array(w * h);
  for (let p = 0; p < grey.length; p++) grey[p] = (77 * d[p * 4]! + 150 * d[p * 4 + 1]! + 29 * d[p * 4 + 2]!) >> 8;
  return grey;
}

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
  return isBlankGrey(greyLevels(bitmap));
}
