import type { EnginePage } from '../shared/engine';
import type { DocumentType } from './sniff';

/** One page to recognise: its pixels. */
export interface RasterPage {
  bitmap: ImageBitmap;
  /** the original encoded bytes when they can stand for the page as is */
  original?: Blob;
  textLayer?: undefined;
}

/**
 * A born-digital PDF page: its words come from the text layer and no OCR is needed, so it
 * is not rendered while the job runs; its image is drawn when someone asks for it
 * (src/host/page-images.ts).
 */
export interface TextPage {
  textLayer: EnginePage;
  bitmap?: undefined;
  original?: undefined;
}

/** One page, ready for an engine. */
export type PageImage = RasterPage | TextPage;

export interface OpenedDocument {
  type: DocumentType;
  pageCount: number;
  page(index: number, signal?: AbortSignal): Promise<PageImage>;
  close(): void;
}
