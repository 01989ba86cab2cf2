// Running an exporter for a job, in a Web Worker. The caller says where page images come
// from (the host reads them from IndexedDB, drawing a born-digital PDF page's the first time).
import type { ExportFormat, Job } from '../shared/contract';
import { WorkerBridge } from '../shared/bridge';
import { downloadName, exporters } from './index';
import type { ExportProtocol } from './protocol';

export interface ExportedFile {
  blob: Blob;
  mime: string;
  fileName: string;
}

/** The job's page images by page index; null where a page has none. */
export type PageImages = (job: Job) => Promise<Map<number, Blob | null>>;

const worker = new WorkerBridge<ExportProtocol>({
  label: 'The export worker',
  start: () => new Worker(new URL('../../workers/export.ts', import.meta.url), { type: 'module' }),
  // Starting one takes a moment; an export is seldom alone.
  idleMs: 60_000,
  onAbort: 'terminate',
});

export async function exportJob(job: Job, format: ExportFormat, pageImages: PageImages, signal?: AbortSignal): Promise<ExportedFile> {
  const exporter = exporters[format];
  // Indexed by page.index, which is how exporters ask for them.
  const images: (Blob | null)[] = [];
  if (format === 'pdf') {
    for (const [index, blob] of await pageImages(job)) images[index] = blob;
  }
  const blob = await worker.call('export', { job, format, images }, { signal });
  return { blob, mime: exporter.meta.mime, fileName: downloadName(job.file_name, format) };
}
