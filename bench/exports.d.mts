/** Types of bench/exports.mjs (for the tests). */
export const WORD_FORMATS: string[];
export function words(text: string): string[];
export function missingWords(want: string[], got: string[]): string[];
export function inOrder(want: string[], got: string[]): number;
export function exportText(format: string, bytes: Uint8Array): string;
export function exportWordShares(jobText: string, downloads: Record<string, Uint8Array>): Record<string, { found: number; inOrder: number }>;
