// Searchable PDF: each page's image with the words invisibly on top. Written by hand
// (pdf/writer.ts) rather than with jsPDF: the text layer needs Tesseract's glyphless CID
// font with a ToUnicode map for any script, and page images must go in without re-encoding.
import type { Job } from '../shared/contract';
import type { ExportContext, Exporter, ExporterMeta } from './types';
import { ascii, deflate } from './pdf/bytes';
import { GlyphlessFont } from './pdf/font';
import { imageMatrix, imageObject, type ImageObject } from './pdf/image';
import { textOperators, textRuns } from './pdf/text-layer';
import { num, PdfWriter, ref, textString } from './pdf/writer';
import { orderedPages, pageSizePt } from './text';

const meta: ExporterMeta = { format: 'pdf', label: 'Searchable PDF', mime: 'application/pdf', ext: 'pdf' };

async function pageImage(ctx: ExportContext, index: number): Promise<ImageObject | null> {
  const blob = await ctx.pageImage(index);
  if (!blob || blob.size === 0) return null;
  // An unreadable image leaves a white page; its text is still there to search and copy.
  return imageObject(blob).catch(() => null);
}

function pdfDate(iso: string): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function info(job: Job): string {
  const created = pdfDate(job.created_at);
  return [
    `/Title ${textString(job.file_name)}`,
    '/Producer (OCR.chat)',
    created ? `/CreationDate (${created})` : '',
  ].join(' ');
}

export async function buildPdf(ctx: ExportContext, signal?: AbortSignal): Promise<Blob> {
  const w = new PdfWriter();
  const catalog = w.reserve();
  const pages = w.reserve();
  const fontId = w.reserve();
  const font = new GlyphlessFont();
  const kids: number[] = [];
  for (const page of orderedPages(ctx.job)) {
    signal?.throwIfAborted();
    const size = pageSizePt(page);
    const image = await pageImage(ctx, page.index);
    const ops: string[] = [];
    let xobjects = '';
    if (image) {
      const smask = image.smask ? ` /SMask ${ref(w.add(image.smask.entries, image.smask.data))}` : '';
      const id = w.add(image.entries + smask, image.data);
      xobjects = ` /XObject << /Im1 ${ref(id)} >>`;
      ops.push(`q ${imageMatrix(image.orientation, size.width, size.height).map(num).join(' ')} cm /Im1 Do Q`);
    }
    ops.push(textOperators(textRuns(page), font, page.height > 0 ? page.height : size.height / size.scale, size.scale));
    const contents = w.add('/Filter /FlateDecode', await deflate(ascii(ops.join('\n'))));
    kids.push(
      w.add(
        `/Type /Page /Parent ${ref(pages)} /MediaBox [0 0 ${num(size.width)} ${num(size.height)}] ` +
          `/Resources << /Font << /F1 ${ref(fontId)} >>${xobjects} >> /Contents ${ref(contents)}`,
      ),
    );
  }
  // A PDF with no pages is one many readers refuse; an empty job gives one blank A4 page.
  if (kids.length === 0) kids.push(w.add(`/Type /Page /Parent ${ref(pages)} /MediaBox [0 0 595.276 841.89]`));
  await font.write(w, fontId);
  w.put(pages, `/Type /Pages /Kids [${kids.map(ref).join(' ')}] /Count ${kids.length}`);
  w.put(catalog, `/Type /Catalog /Pages ${ref(pages)}`);
  const infoId = w.add(info(ctx.job));
  signal?.throwIfAborted();
  return w.finish(catalog, infoId, meta.mime);
}

export const pdf: Exporter = {
  meta,
  export: buildPdf,
};
