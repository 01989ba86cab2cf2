/** Types of scripts/pdfjs-text-fonts.mjs (for vite.config.ts and the unit test). */
import type { Plugin } from 'vite';
export function patchPdfWorker(code: string): string;
export function pdfjsTextFonts(): Plugin & { transform(code: string, id: string): { code: string; map: null } | null };
