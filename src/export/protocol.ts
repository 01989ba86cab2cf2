// The export worker's protocol (workers/export.ts).
import type { ExportFormat, Job } from '../shared/contract';

export interface ExportRequest {
  job: Job;
  format: ExportFormat;
  /** page images by page index (null where none is stored) */
  images: (Blob | null)[];
}

export type ExportProtocol = {
  export: { payload: ExportRequest; result: Blob };
};
