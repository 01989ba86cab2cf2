/** Types of bench/exports.mjs (for the tests). */
export const WORD_FORMATS: string[];
export function words(text: string, opts?: { rtlEdges?: boolean }): string[];
export function missingWords(want: string[], got: string[]): string[];
export function inOrder(want: string[], got: string[]): number;
export function exportText(format: string, bytes: Uint8Array): string;
export function compareWords(format: string, jobText: string, text: string): { want: number; missing: string[]; inOrder: number };
export function exportWordShares(jobText: string, downloads: Record<string, Uint8Array>): Record<string, { found: number; inOrder: number; missing: string[] }>;
export function missingCells(job: { pages: { tables: { rows: string[][] }[] }[]; fields?: { items?: unknown[] } | null }, rows: string[][]): string[] | null;
