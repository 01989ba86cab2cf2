// Types for receipts.mjs, so that TypeScript tests can import it under `strict`.
export interface ReceiptAnswer {
  id: string;
  total: string;
  date: string;
  note: string;
}
export const RECEIPT_ANSWERS: ReadonlyArray<ReceiptAnswer>;
export function receiptGtPath(evalDir: string, id: string): string;
export function manifestReceipts(evalDir: string): { id: string; file: string; answers: { total: string; date: string } | null }[];
export function answersMissingFromGroundTruth(evalDir: string): string[];
export function statesValue(content: string, value: string): boolean;
export function citesPage(message: { citations?: Array<{ page: number; snippet: string }> }, pageText: string, page?: number): boolean;
export function citesValue(message: { citations?: Array<{ page: number; snippet: string }> }, pageText: string, value: string, page?: number): boolean;
export function holdsValue(text: string, value: string): boolean;
export const TOTAL_QUESTION: string;
export const DATE_QUESTION: string;
