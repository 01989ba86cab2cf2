// The engines: one page image and the job's options in, an EnginePage out. Each engine is
// a module with its meta (./registry.ts); the page's kind and the job's tier choose it.
import type { Tier } from '../shared/contract';
import type { Engine, EnginePage, RecognizeOptions } from '../shared/engine';
import { UserError } from '../shared/errors';
import { parseLanguage } from '../shared/languages';
import type { PageImage } from '../shared/page-image';
import * as cpu from './cpu';
import { meta as cpuMeta } from './cpu/meta';
import * as pdfText from './pdf-text';
import * as vlm from './vlm';
import { meta as vlmMeta } from './vlm/meta';

export const ENGINES: readonly Engine[] = [
  { meta: cpuMeta, recognize: (page, opts) => cpu.recognize(raster(page), { secondReader: readWithVlm, ...opts }) },
  { meta: vlmMeta, recognize: (page, opts) => vlm.recognize(raster(page), opts), warm: vlm.warm },
  // a ruled table is a table in any page's text, whatever the tool
  { meta: pdfText.meta, recognize: async (page) => pdfText.readTextLayer(page.textLayer!) },
];

/** PP-OCR's reading of a bitmap, its lines joined; the bitmap stays the caller's. */
async function readWithVlm(bitmap: ImageBitmap, languages: string, signal?: AbortSignal): Promise<string | null> {
  const page = await vlm.recognize({ bitmap }, { languages, signal, aside: true });
  const lines = page.lines?.length ? page.lines.map((l) => l.text) : page.blocks.flatMap((b) => b.lines.map((l) => l.text));
  return lines.join('\n') || null;
}

function raster(page: PageImage) {
  if (!page.bitmap) throw new Error('This engine reads page pixels.');
  return page;
}

export interface PageJob {
  tier: Tier;
  /** the job's language as asked ('auto', 'en', 'eng+deu') */
  language: string;
}

/** The engine for this page: the text layer's for a born-digital page, else the tier's. */
export function engineFor(image: PageImage, tier: Tier): Engine {
  const input = image.textLayer ? 'text-layer' : 'raster';
  const engine = ENGINES.find((e) => e.meta.input === input && (input === 'text-layer' || e.meta.tier === tier));
  if (!engine) throw new UserError('engine_missing', `No engine reads this page on the ${String(tier)} tier.`);
  return engine;
}

export async function recognizePage(image: PageImage, job: PageJob, opts: Omit<RecognizeOptions, 'languages'> = {}): Promise<EnginePage> {
  return engineFor(image, job.tier).recognize(image, { languages: parseLanguage(job.language).tesseract, ...opts });
}

/** The engines' workers' busy time so far, by lane (diagnosis and the benchmark: window.ocrchat.workers()). */
export const engineWorkerStats = (): ReturnType<typeof cpu.workerStats> => cpu.workerStats();
