// The one shape every exporter has: what it is (meta) and one function that makes the file.
import type { ExportFormat, Job } from '../shared/contract';

export interface ExportContext {
  job: Job;
  /** PNG or JPEG of the page the engine saw (width×height of the Page), or null */
  pageImage(index: number): Promise<Blob | null>;
}

export interface ExporterMeta {
  format: ExportFormat;
  /** what the UI calls it */
  label: string;
  /** Content-Type of the download */
  mime: string;
  /** file extension, without the dot */
  ext: string;
}

export interface Exporter {
  meta: ExporterMeta;
  export(ctx: ExportContext, signal?: AbortSignal): Promise<Blob>;
}
