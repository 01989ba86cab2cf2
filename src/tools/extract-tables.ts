import type { Tool } from './types';

export const extractTables: Tool = {
  meta: {
    slug: 'extract-tables',
    label: 'Extract tables',
    description: 'Finds tables and gives them as Markdown, CSV and Word tables (on the vlm tier, by the whole-page model when it is downloaded).',
    usesModel: 'page-to-markdown',
  },
  // Tables are looked for more eagerly: two rows make one; ruling lines draw their cells.
  recipe: { pageModel: true, minTableRows: 2, rules: true },
};
