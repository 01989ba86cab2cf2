// Types for score.mjs, so that TypeScript tests can import it under `strict`.
export interface PageScore {
  cer: number;
  wer: number;
  orderFree: number;
  gtChars: number;
  gtWords: number;
}
export function normalise(text: string, caseInsensitive?: boolean): string;
export function levenshtein(a: ArrayLike<number>, b: ArrayLike<number>): number;
export function codePoints(s: string): Int32Array;
export function words(s: string): string[];
export function cerOf(hyp: string, gt: string): number;
export function werOf(hyp: string, gt: string): number;
export function orderFreeOf(hyp: string, gt: string): number;
export function scorePage(hypText: string, gtText: string, opts?: { caseInsensitive?: boolean }): PageScore;
export const FAILED_SCORE: Readonly<{ cer: 1; wer: 1; orderFree: 1 }>;
export function mean(xs: number[]): number;
export function median(xs: number[]): number;
