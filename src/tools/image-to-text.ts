import type { Tool } from './types';

export const imageToText: Tool = {
  meta: { slug: 'image-to-text', label: 'Image to text', description: 'Plain text from a photo or scan.' },
};
