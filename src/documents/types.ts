import type { EnginePage } from '../engines/types';
import type { DocumentType } from './sniff';

/** One page, ready for an engine. */
export interface PageImage {
  bitmap: ImageBitmap;
  /** the original encoded bytes when they can stand for the page as is */
  original?: Blob;
  /** words read from a PDF's text layer; when present no OCR is needed */
  textLayer?: EnginePage;
}

export interface OpenedDocument {
  type: DocumentType;
  pageCount: number;
  page(index: number, signal?: AbortSignal): Promise<PageImage>;
  close(): void;
}
