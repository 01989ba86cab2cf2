// The second opinion's reader (src/chat/second-opinion.ts): one line's crop of a page image,
// read again by the other tier's engine: PP-OCR (vlm) when Tesseract read the job, Tesseract
// (cpu) when PP-OCR did. Both ship with the app, so the reader works offline.
import type { LineReader } from '../chat/second-opinion';
import type { BBox, Job } from '../shared/contract';
import { ENGINES } from '../engines';
import { parseLanguage } from '../shared/languages';
import type { Tier } from '../shared/contract';
import type { EnginePage } from '../shared/engine';
import { detectorBox, paddedBox, pageLines, type CropReader, type ReadLine } from './unsure-fields';

/** The other tier's recogniser on an image: PP-OCR for a cpu job, Tesseract for a vlm job. */
export function cropReaderFor(tier: Tier, languages: string): CropReader | undefined {
  const other = ENGINES.find((e) => e.meta.input === 'raster' && e.meta.tier && e.meta.tier !== tier);
  if (!other) return undefined;
  const asked = other.meta.refuses?.(languages) ? 'auto' : languages;
  return {
    engine: other.meta.id === 'vlm' ? 'PP-OCR' : 'Tesseract',
    asBlock: other.meta.id === 'cpu' && asked !== 'auto',
    async read(image: ImageBitmap, signal?: AbortSignal, lines?: BBox[], block = false): Promise<ReadLine[]> {
      return linesOf(await other.recognize({ bitmap: image }, { languages: asked, signal, aside: true, ...(lines ? { lines } : {}), ...(block ? { block } : {}) }));
    },
  };
}

/** Starts the other tier's engine (its models load while this tier reads the page). */
export function warmOtherTier(tier: Tier): void {
  ENGINES.find((e) => e.meta.input === 'raster' && e.meta.tier && e.meta.tier !== tier)?.warm?.();
}

/** The lines the other engine found, each with its box and confidence. */
function linesOf(page: EnginePage): ReadLine[] {
  return pageLines(page).filter((l) => l.text.trim()).map((l) => ({ text: l.text, confidence: l.confidence, bbox: l.bbox }));
}


export function lineReaderFor(job: Job, pageImage: (index: number) => Promise<Blob | null>): LineReader | undefined {
  const other = ENGINES.find((e) => e.meta.input === 'raster' && e.meta.tier && e.meta.tier !== job.tier);
  if (!other) return undefined;
  const languages = job.detected_language ?? parseLanguage(job.language).tesseract;
  return {
    engine: other.meta.id === 'vlm' ? 'PP-OCR' : 'Tesseract',
    async read(page: number, bbox: BBox, signal?: AbortSignal): Promise<string | null> {
      // The answer's lines number their pages from 1.
      const blob = await pageImage(page - 1);
      if (!blob) return null;
      const image = await createImageBitmap(blob);
      try {
        const [x0, y0, x1, y1] = paddedBox(bbox, image.width, image.height);
        if (x1 <= x0 || y1 <= y0) return null;
        const crop = await createImageBitmap(image, x0, y0, x1 - x0, y1 - y0);
        try {
          const lines = [detectorBox([bbox[0] - x0, bbox[1] - y0, bbox[2] - x0, bbox[3] - y0], x1 - x0, y1 - y0)];
          const read = await other.recognize({ bitmap: crop }, { languages: other.meta.refuses?.(languages) ? 'auto' : languages, signal, aside: true, lines });
          // (a reading PP-OCR is unsure of, under half, is no second opinion)
          const sure = (l: { confidence: number }) => l.confidence >= 0.5;
          return read.lines?.filter(sure).map((l) => l.text).join(' ') || read.blocks.flatMap((b) => b.lines.filter(sure).map((l) => l.text)).join(' ') || null;
        } finally {
          crop.close();
        }
      } finally {
        image.close();
      }
    },
  };
}
