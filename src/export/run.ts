// Running an exporter for a stored job, in a Web Worker; page images come from IndexedDB
// (a born-digital PDF page's is drawn from the upload the first time).
import type { ExportFormat, Job } from '../shared/contract';
import type { ExportResult } from '../api/deps';
import { database } from '../store/db';
import { pageImages } from '../host/page-images';
import { downloadName, exporters } from './index';
import type { ExportReply, ExportRequest } from './worker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (r: ExportReply) => void>();

function exportWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ExportReply>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
    worker.onerror = () => {
      // A crashed worker fails what it held and is replaced on the next export.
      for (const [id, done] of pending) done({ id, ok: false, error: 'The export worker stopped.' });
      pending.clear();
      worker = undefined;
    };
  }
  return worker;
}

export async function exportJob(job: Job, format: ExportFormat): Promise<ExportResult> {
  const exporter = exporters[format];
  const db = database();
  const needsImages = format === 'pdf';
  // Indexed by page.index, which is how exporters ask for them.
  const images: (Blob | null)[] = [];
  if (needsImages) {
    for (const [index, blob] of await pageImages(db, job)) images[index] = blob;
  }
  const id = nextId++;
  const reply = await new Promise<ExportReply>((resolve) => {
    pending.set(id, resolve);
    exportWorker().postMessage({ id, job, format, images } satisfies ExportRequest);
  });
  if (!reply.ok) throw new Error(reply.error);
  return { blob: reply.blob, mime: exporter.meta.mime, fileName: downloadName(job.file_name, format) };
}
