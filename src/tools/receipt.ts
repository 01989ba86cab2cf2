import { readReceipt } from '../fields/receipt';
import type { Tool } from './types';

export const receipt: Tool = {
  meta: {
    slug: 'receipt',
    label: 'Receipt / invoice',
    description:
      'Reads receipts and invoices: merchant, address, date, total, subtotal, tax, currency, payment and line items, as a form (and in the JSON and CSV downloads). Latin-script and Chinese receipts are read by PP-OCR (it ships with the app) on either tier, their unsure lines again by Tesseract: slower than plain OCR on the cpu tier, and right more often.',
  },
  // A total, a date or a name read from an unsure line is read again before it is reported;
  // on the cpu tier PP-OCR reads the page where it reads the language (host/fields-tier.ts).
  recipe: { checkFields: true },
  finish: (pages) => ({ fields: readReceipt(pages) }),
};
