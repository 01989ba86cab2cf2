import type { Tool } from './types';

export const handwritingToText: Tool = {
  meta: {
    slug: 'handwriting-to-text',
    label: 'Handwriting to text',
    description: 'Handwritten notes: each line is read by the TrOCR handwriting model (vlm tier; download it in Settings → Models).',
    tier: 'vlm',
    needsModel: 'handwriting',
  },
  recipe: { reread: { task: 'handwriting', unit: 'line', purpose: 'Handwriting to text' } },
};
