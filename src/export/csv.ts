// CSV (RFC 4180): a receipt's line items (tool=receipt); else the tables found, one row per
// table row; else the lines of text.
import Papa from 'papaparse';
import type { Job } from '../shared/contract';
import type { Exporter, ExporterMeta } from './types';
import { clean, orderedPages } from './text';

const meta: ExporterMeta = { format: 'csv', label: 'CSV (tables)', mime: 'text/csv; charset=utf-8', ext: 'csv' };

/** Columns page, table, row, col1…colN; page, table and row count from 1, table across the whole job. */
export function tableRecords(job: Job): { fields: string[]; data: (string | number)[][] } {
  const data: (string | number)[][] = [];
  let table = 0;
  let cols = 0;
  for (const page of orderedPages(job)) {
    for (const t of page.tables) {
      const rows = t.rows.filter((r) => r.some((c) => c.trim()));
      if (rows.length === 0) continue;
      table++;
      rows.forEach((r, i) => {
        cols = Math.max(cols, r.length);
        data.push([page.index + 1, table, i + 1, ...r.map(clean)]);
      });
    }
  }
  for (const row of data) while (row.length < cols + 3) row.push('');
  const fields = ['page', 'table', 'row', ...Array.from({ length: cols }, (_, i) => `col${i + 1}`)];
  return { fields, data };
}

/** Columns description, quantity, unit_price, amount: the line items of a receipt read with tool=receipt. */
export function itemRecords(job: Job): { fields: string[]; data: (string | number)[][] } {
  const data = (job.fields?.items ?? []).map((i) => [clean(i.description), i.quantity ?? '', i.unit_price?.toFixed(2) ?? '', i.amount.toFixed(2)]);
  return { fields: ['description', 'quantity', 'unit_price', 'amount'], data };
}

/** Columns page, line, text: each non-blank line of each page's text. */
export function lineRecords(job: Job): { fields: string[]; data: (string | number)[][] } {
  const data: (string | number)[][] = [];
  for (const page of orderedPages(job)) {
    const lines = clean(page.text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    lines.forEach((text, i) => data.push([page.index + 1, i + 1, text]));
  }
  return { fields: ['page', 'line', 'text'], data };
}

/**
 * A cell a spreadsheet would run as a formula (OWASP's CSV-injection rule: it starts with
 * =, +, -, @, tab or carriage return) gets a leading apostrophe; plain numbers such as
 * -3.50 or +1,200 are numbers, not formulas, and stay as they are.
 */
export const FORMULA_CELL = /^(?![-+]?\d[\d.,' ]*%?$)[=+\-@\t\r]/;

export const csv: Exporter = {
  meta,
  async export({ job }, signal) {
    signal?.throwIfAborted();
    const items = itemRecords(job);
    const tables = items.data.length > 0 ? items : tableRecords(job);
    const records = tables.data.length > 0 ? tables : lineRecords(job);
    const text = Papa.unparse(records, { newline: '\r\n', quotes: false, header: true, escapeFormulae: FORMULA_CELL });
    return new Blob([text], { type: meta.mime });
  },
};
