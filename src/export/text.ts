// Small text rules the exporters share.
import type { BBox, Job, Page } from '../shared/contract';

// C0/C1 controls (but tab, LF, CR), lone surrogates and noncharacters: XML 1.0 and
// PDF text cannot hold them, and OCR never means them.
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text with characters that no document format can hold removed. */
export function clean(text: string): string {
  return text.replace(INVALID, '');
}

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;

/** Whether the first letter of the text belongs to a right-to-left script. */
export function isRtl(text: string): boolean {
  for (const ch of text) if (LETTER.test(ch)) return RTL_SCRIPT.test(ch);
  return false;
}

/** The job's pages in page order. */
export function orderedPages(job: Job): Page[] {
  return [...job.pages].sort((a, b) => a.index - b.index);
}

/** Page size in PDF points: the image is taken to be A4-sized on its long side (scans and
 * pdf.js renders come out right), never coarser than 72 dpi. */
export function pageSizePt(page: Pick<Page, 'width' | 'height'>): { width: number; height: number; scale: number } {
  const w = page.width > 0 ? page.width : 2480;
  const h = page.height > 0 ? page.height : 3508;
  const dpi = Math.min(1200, Math.max(72, Math.max(w, h) / 11.69));
  const scale = 72 / dpi;
  return { width: w * scale, height: h * scale, scale };
}

export function area(b: BBox): number {
  return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
}

export function overlap(a: BBox, b: BBox): number {
  return area([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]);
}
