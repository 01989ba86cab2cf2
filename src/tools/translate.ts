import type { Tool } from './types';

export const translate: Tool = {
  meta: { slug: 'translate', label: 'Translate', description: 'Recognise, then translate into the language given as translate_to.', needsTarget: true },
};
