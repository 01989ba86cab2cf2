import type { Tool } from './types';

export const imageToMarkdown: Tool = {
  meta: {
    slug: 'image-to-markdown',
    label: 'Image to Markdown',
    description: 'Headings, lists and tables as Markdown (on the vlm tier, by the whole-page model when it is downloaded).',
    usesModel: 'page-to-markdown',
  },
  recipe: { pageModel: true },
};
