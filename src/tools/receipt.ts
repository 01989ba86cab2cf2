import { readReceipt } from '../fields/receipt';
import type { Tool } from './types';

export const receipt: Tool = {
  meta: {
    slug: 'receipt',
    label: 'Receipt / invoice',
    description: 'Reads receipts and invoices: merchant, address, date, total, subtotal, tax, currency, payment and line items, as a form (and in the JSON and CSV downloads).',
  },
  // A total, a date or a name read from an unsure line is read again before it is reported.
  recipe: { checkFields: true },
  finish: (pages) => ({ fields: readReceipt(pages) }),
};
