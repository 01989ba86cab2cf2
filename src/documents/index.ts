// Bytes in, pages out: sniff the type by magic bytes, then open with the right reader.
import { UserError } from '../shared/errors';
import { openImage, openTiff } from './image';
import { sniffType, type DocumentType } from './sniff';
import type { OpenedDocument } from './types';

export { UserError } from '../shared/errors';
export { sniffType, DOCUMENT_MIME, type DocumentType } from './sniff';
export type { OpenedDocument, PageImage } from './types';

export async function openDocument(bytes: ArrayBuffer): Promise<OpenedDocument> {
  if (bytes.byteLength === 0) throw new UserError('empty_file', 'The file is empty (0 bytes); choose the file again.');
  const type: DocumentType | null = sniffType(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1024)));
  if (!type) {
    throw new UserError(
      'unsupported_type',
      'This file is not a PNG, JPG, WEBP, GIF, BMP, TIFF or PDF (judged by its content, not its name).',
    );
  }
  if (type === 'pdf') {
    const { openPdf } = await import('./pdf');
    return openPdf(bytes);
  }
  if (type === 'tiff') return openTiff(bytes);
  return openImage(bytes, type);
}
