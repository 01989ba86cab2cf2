import type { EngineMeta } from '../../shared/engine';

export const meta = {
  id: 'pdf-text',
  label: 'PDF text layer',
  input: 'text-layer',
  reads: 'born-digital PDF pages (a real text layer) in every language, at confidence 1; a page is charged as its job’s tier',
  needs: 'nothing more than pdf.js',
} as const satisfies EngineMeta;
