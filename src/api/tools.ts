// Tool presets: one entry each, the same shape, so the API, the UI and the tests iterate them.
import type { Job, Page, Tier } from '../shared/contract';
import { readReceipt } from '../fields/receipt';

export interface ToolPreset {
  slug: string;
  label: string;
  description: string;
  /** the tier the tool needs, when it needs one */
  tier?: Tier;
  /** a tool that needs translate_to */
  needsTarget?: boolean;
  /** what the tool adds to a finished job, read from its pages */
  finish?: (pages: readonly Page[]) => Partial<Job>;
}

export const TOOL_PRESETS: ToolPreset[] = [
  { slug: 'image-to-text', label: 'Image to text', description: 'Plain text from a photo or scan.' },
  { slug: 'pdf-to-text', label: 'PDF to text', description: 'Text from every page of a PDF; born-digital pages are read from their text layer.' },
  { slug: 'extract-tables', label: 'Extract tables', description: 'Finds tables and gives them as Markdown, CSV and Word tables (on the vlm tier, by the whole-page model when it is downloaded).' },
  { slug: 'receipt', label: 'Receipt / invoice', description: 'Reads receipts and invoices: merchant, address, date, total, subtotal, tax, currency, payment and line items, as a form (and in the JSON and CSV downloads).', finish: (pages) => ({ fields: readReceipt(pages) }) },
  { slug: 'handwriting-to-text', label: 'Handwriting to text', description: 'Handwritten notes: each line is read by the TrOCR handwriting model (vlm tier; download it in Settings → Models).', tier: 'vlm' },
  { slug: 'math', label: 'Math to LaTeX', description: 'Formulas as LaTeX, read by the Texify model (vlm tier; download it in Settings → Models).', tier: 'vlm' },
  { slug: 'translate', label: 'Translate', description: 'Recognise, then translate into the language given as translate_to.', needsTarget: true },
  { slug: 'image-to-markdown', label: 'Image to Markdown', description: 'Headings, lists and tables as Markdown (on the vlm tier, by the whole-page model when it is downloaded).' },
];

export function findTool(slug: string): ToolPreset | undefined {
  return TOOL_PRESETS.find((t) => t.slug === slug);
}
