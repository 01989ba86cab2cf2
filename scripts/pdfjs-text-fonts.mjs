// A build-time change to pdf.js's worker: an opening that only reads text layers does not
// parse and repair embedded TrueType font programs.
//
// getTextContent() needs of a font only its encoding, ToUnicode map and widths, which come
// from the PDF's font dictionaries; pdf.js nevertheless parses and rebuilds every embedded
// TrueType program (checkAndRepair) for drawing. On a born-digital page that is about half of
// the worker's time (Wikipedia's Iris PDF: 11 fonts). The text items come out the same
// (test/unit/documents/pdfjs-text-fonts.test.ts compares them); the styles lose only the
// ascent and descent the program would have given, which nothing here reads.
//
// pdf.js has no option for this, so the opening says it with one it has: `maxImageSize: 0`
// (every image left out), which only the text-layer opening of src/documents/pdf.ts sets.
// Openings that draw pages (OCR renders, page images) keep their fonts whole.

const ANCHOR = 'data = this.checkAndRepair(name, file, properties);';
const PATCHED =
  'data = evaluatorOptions.maxImageSize === 0 && (type === "TrueType" || type === "CIDFontType2") ? undefined : this.checkAndRepair(name, file, properties);';

/**
 * pdf.worker.mjs's code with the change; throws when pdf.js no longer has the line it
 * replaces (an update of pdfjs-dist then fails the build rather than silently losing it).
 * @param {string} code
 * @returns {string}
 */
export function patchPdfWorker(code) {
  const at = code.indexOf(ANCHOR);
  if (at < 0 || code.indexOf(ANCHOR, at + 1) >= 0) {
    throw new Error(`pdfjs-text-fonts: pdf.worker.mjs no longer has exactly one "${ANCHOR}"; update scripts/pdfjs-text-fonts.mjs for this pdfjs-dist`);
  }
  return code.slice(0, at) + PATCHED + code.slice(at + ANCHOR.length);
}

/** The Vite plugin: applies patchPdfWorker() to pdfjs-dist's (unminified) worker module. */
export function pdfjsTextFonts() {
  return {
    name: 'ocrchat-pdfjs-text-fonts',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/[\\/]pdfjs-dist[\\/](legacy[\\/])?build[\\/]pdf\.worker\.mjs$/.test(id.split('?')[0] ?? '')) return null;
      return { code: patchPdfWorker(code), map: null };
    },
  };
}
