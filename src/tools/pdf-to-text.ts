import type { Tool } from './types';

export const pdfToText: Tool = {
  meta: { slug: 'pdf-to-text', label: 'PDF to text', description: 'Text from every page of a PDF; born-digital pages are read from their text layer.' },
};
