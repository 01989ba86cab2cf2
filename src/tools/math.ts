import type { Tool } from './types';

export const math: Tool = {
  meta: {
    slug: 'math',
    label: 'Math to LaTeX',
    description: 'Formulas as LaTeX, read by the Texify model (vlm tier; download it in Settings → Models).',
    tier: 'vlm',
    needsModel: 'math',
  },
  recipe: { reread: { task: 'math', unit: 'block', purpose: 'Math to LaTeX' } },
};
