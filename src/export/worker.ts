/// <reference lib="webworker" />
// Exports run here, off the main thread: a 50-page searchable PDF or DOCX takes a while.
import type { ExportFormat, Job } from '../shared/contract';
import { exporters } from './index';

export interface ExportRequest {
  id: number;
  job: Job;
  format: ExportFormat;
  /** page images by page index (null where none is stored) */
  images: (Blob | null)[];
}

export type ExportReply = { id: number; ok: true; blob: Blob } | { id: number; ok: false; error: string };

self.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const { id, job, format, images } = e.data;
  try {
    const blob = await exporters[format].export({ job, pageImage: async (i) => images[i] ?? null });
    (self as unknown as Worker).postMessage({ id, ok: true, blob } satisfies ExportReply);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: String((err as Error)?.message ?? err) } satisfies ExportReply);
  }
};
