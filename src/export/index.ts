// The exporters, one module each; the API, the UI and the tests iterate over this registry.
import type { ExportFormat } from '../shared/contract';
import type { Exporter } from './types';
import { txt } from './txt';
import { md } from './md';
import { docx } from './docx';
import { pdf } from './pdf';
import { csv } from './csv';
import { json } from './json';
import { hocr } from './hocr';
import { alto } from './alto';

export type { ExportContext, Exporter, ExporterMeta } from './types';

export const exporters: Record<ExportFormat, Exporter> = { txt, md, docx, pdf, csv, json, hocr, alto };

// Characters Windows, macOS or a Content-Disposition header cannot take in a file name.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*;,'`$%{}[\]#^~!=+&]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM = 120;

/** The download's file name: the upload's name with the format's extension, e.g. "invoice.pdf" → "invoice.docx". */
export function downloadName(fileName: string, format: ExportFormat): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 && /^[\p{L}\p{N}]{1,8}$/u.test(base.slice(dot + 1)) ? base.slice(0, dot) : base;
  let safe = stem
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .replace(/_{2,}/g, '_')
    .replace(/^[\s._-]+|[\s._-]+$/g, '');
  safe = [...safe].slice(0, MAX_STEM).join('').trim();
  if (!safe) safe = 'document';
  if (RESERVED.test(safe)) safe = `_${safe}`;
  return `${safe}.${exporters[format].meta.ext}`;
}
