import type { PageImage } from '../shared/page-image';
import type { DocumentType } from './sniff';

export type { PageImage, RasterPage, TextPage, TextLayer, TextRun } from '../shared/page-image';

export interface OpenedDocument {
  type: DocumentType;
  pageCount: number;
  page(index: number, signal?: AbortSignal): Promise<PageImage>;
  close(): void;
}
