// A line of a job as the field finders read it: its text, where it is, and memos of what
// it looks like. Chat answers and the receipt tool both build these.
import type { BBox } from '../shared/contract';

export interface LineRec {
  /** 1-based page number */
  page: number;
  /** index of the block on its page */
  block: number;
  /** position in DocIndex.lines */
  order: number;
  /** the line as on the page */
  text: string;
  /** upper case, whitespace squashed: what the field patterns read */
  upper: string;
  /** memo of isAmountLine / isLabelLine: questions on a long job re-read every line */
  amount?: boolean;
  label?: boolean;
  /** where the line is on its page, when the page gives line boxes */
  bbox?: BBox;
  /** 0..1, when known */
  confidence?: number;
}

/** The fields a receipt or invoice answers: what chat asks and the receipt tool fills. */
export type FieldName = 'total' | 'subtotal' | 'tax' | 'date' | 'time' | 'vendor' | 'number' | 'address' | 'phone';

export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
