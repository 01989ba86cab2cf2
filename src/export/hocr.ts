// hOCR 1.2 (http://kba.github.io/hocr-spec/1.2/): an XHTML document whose ocr_page,
// ocr_carea, ocr_par, ocr_line and ocrx_word elements carry every word of the job with its
// box (bbox, page pixels) and confidence (x_wconf, 0..100), in reading order.
import type { BBox } from '../shared/contract';
import type { Exporter, ExporterMeta } from './types';
import { jobBoxes, xmlEscape } from './boxes';

const meta: ExporterMeta = { format: 'hocr', label: 'hOCR (words and boxes, XHTML)', mime: 'application/xhtml+xml', ext: 'hocr' };

export const HOCR_CAPABILITIES = 'ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf ocrp_dir';

const bbox = (b: BBox) => `bbox ${b[0]} ${b[1]} ${b[2]} ${b[3]}`;

export const hocr: Exporter = {
  meta,
  async export({ job }, signal) {
    signal?.throwIfAborted();
    const pages = jobBoxes(job);
    const out: string[] = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
      '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">',
      ' <head>',
      `  <title>${xmlEscape(job.file_name) || 'document'}</title>`,
      '  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
      '  <meta name="ocr-system" content="OCR.chat" />',
      `  <meta name="ocr-capabilities" content="${HOCR_CAPABILITIES}" />`,
      `  <meta name="ocr-number-of-pages" content="${pages.length}" />`,
      ' </head>',
      ' <body>',
    ];
    for (const page of pages) {
      const p = page.index + 1;
      out.push(`  <div class="ocr_page" id="page_${p}" title="${bbox([0, 0, page.width, page.height])}; ppageno ${page.index}">`);
      let b = 0;
      let l = 0;
      let w = 0;
      for (const block of page.blocks) {
        b++;
        out.push(`   <div class="ocr_carea" id="block_${p}_${b}" title="${bbox(block.bbox)}">`);
        out.push(`    <p class="ocr_par" id="par_${p}_${b}" dir="${block.rtl ? 'rtl' : 'ltr'}" title="${bbox(block.bbox)}">`);
        for (const line of block.lines) {
          l++;
          out.push(`     <span class="ocr_line" id="line_${p}_${l}" title="${bbox(line.bbox)}">`);
          for (const word of line.words) {
            w++;
            const wconf = Math.round(word.confidence * 100);
            out.push(`      <span class="ocrx_word" id="word_${p}_${w}" title="${bbox(word.bbox)}; x_wconf ${wconf}">${xmlEscape(word.text)}</span>`);
          }
          out.push('     </span>');
        }
        out.push('    </p>', '   </div>');
      }
      out.push('  </div>');
      signal?.throwIfAborted();
    }
    out.push(' </body>', '</html>', '');
    return new Blob([out.join('\n')], { type: meta.mime });
  },
};
