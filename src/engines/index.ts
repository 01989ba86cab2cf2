// The engine registry: one page image + the job's options → an EnginePage.
import type { PageImage } from '../documents/types';
import type { JobRecord } from '../store/db';
import { parseLanguage } from '../shared/languages';
import { UserError } from '../shared/errors';
import type { EngineMeta, EnginePage, RecognizeOptions } from '../shared/engine';
import * as cpu from './cpu';
import * as vlm from './vlm';

export const engines: EngineMeta[] = [cpu.meta, vlm.meta, { id: 'pdf-text', label: 'PDF text layer', cost: 1 }];

/** Tesseract's language set, or 'auto' for the engine to detect. */
function languagesFor(job: Pick<JobRecord, 'language'>): string {
  const choice = parseLanguage(job.language);
  return choice.tesseract;
}

export async function recognizePage(image: PageImage, job: JobRecord, opts: Pick<RecognizeOptions, 'signal' | 'onNote'> = {}): Promise<EnginePage> {
  // A born-digital PDF page needs no OCR.
  if (image.textLayer) return image.textLayer;
  if (job.tier === 'cpu') return cpu.recognize(image, { languages: languagesFor(job), tool: job.tool, ...opts });
  if (job.tier === 'vlm') return vlm.recognize(image, { languages: languagesFor(job), tool: job.tool, ...opts });
  throw new UserError('engine_missing', `No engine for tier ${String(job.tier)}.`);
}
