// The receipts of the evaluation set with the total and the date each one states, read by
// hand from its ground truth, and how an answer is scored against them. The chat unit test
// (on the ground-truth text) and bench/chat.mjs (on the app's own OCR) both use this.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The amount paid (after rounding) and the transaction date of each receipt, as its
 * ground truth writes them; the note says which line holds the total.
 * @type {ReadonlyArray<{ id: string, total: string, date: string, note: string }>}
 */
export const RECEIPT_ANSWERS = [
  { id: '000', total: '9.00', date: '25/12/2018', note: 'ROUND D TOTAL (RM): 9.00' },
  { id: '005', total: '31.00', date: '09/01/2019', note: 'TOTAL AMOUNT: 31.00' },
  { id: '061', total: '129.30', date: '28 MAR 18', note: 'AMT DUE 129.30' },
  { id: '090', total: '5.00', date: '13/03/2017', note: 'TOTAL AFTER ROUNDING 5.00' },
  { id: '123', total: '39.75', date: '02/01/2018', note: 'TOTAL SALES (INCLUSIVE OF GST) 39.75; the later "TOTAL : 37.50" is the GST summary' },
  { id: '188', total: '31.00', date: '09-04-2018', note: 'TOTAL : 31.00 after ROUNDING ADJ -0.02 (31.02 before)' },
  { id: '240', total: '62.00', date: '17/03/2017', note: 'TOTAL INCL GST RM 62.00' },
  { id: '307', total: '46.55', date: '20/04/2018', note: 'TOTAL AFTER ADJ INCL GST 46.55 (46.54 before rounding)' },
  { id: '371', total: '27.20', date: '10/10/2017', note: 'TOTAL PAYABLE: 27.20' },
  { id: '400', total: '110.00', date: '28/02/2016', note: 'labels and amounts in two columns: TOTAL ↔ 110.00' },
  { id: '455', total: '156.00', date: '14/04/2018', note: 'TOTAL AMT PAYABLE : 156.00' },
  { id: '512', total: '24.00', date: '15/09/2017', note: 'two columns: TOTAL ↔ 24.00 (CASH 50.00, CHANGE 26.00)' },
  { id: '580', total: '17.45', date: '25-06-18', note: 'TOTAL INCL. GST RM 17.45' },
  { id: '620', total: '58.00', date: '17-06-2018', note: 'TOTAL : 58.00' },
];

export const receiptGtPath = (/** @type {string} */ evalDir, /** @type {string} */ id) => join(evalDir, `receipt_sroie_${id}.gt.txt`);

/**
 * The receipts the manifest lists, sorted, each with the total and date it states: from
 * RECEIPT_ANSWERS for a SROIE receipt (its copies made by bench/degrade.mjs too), else from
 * the SROIE-style key beside it (`<name>.key.json`, as bench/synth-receipts.mjs writes);
 * `answers: null` when neither has them.
 * @param {string} evalDir
 * @returns {{ id: string, file: string, answers: { total: string, date: string } | null }[]}
 */
export function manifestReceipts(evalDir) {
  /** @type {Array<{ file: string, kind: string }>} */
  const manifest = JSON.parse(readFileSync(join(evalDir, 'manifest.json'), 'utf8'));
  return manifest
    .filter((m) => m.kind === 'receipt')
    .map((m) => {
      const stem = m.file.replace(/\.[^.]+$/, '');
      const sroie = /receipt_sroie_(\d+)/.exec(stem)?.[1];
      const known = sroie ? RECEIPT_ANSWERS.find((r) => r.id === sroie) : undefined;
      const id = /^receipt_sroie_\d+$/.test(stem) && sroie ? sroie : stem;
      if (known) return { id, file: join(evalDir, m.file), answers: { total: known.total, date: known.date } };
      const keyPath = join(evalDir, `${stem}.key.json`);
      if (!existsSync(keyPath)) return { id, file: join(evalDir, m.file), answers: null };
      const key = JSON.parse(readFileSync(keyPath, 'utf8'));
      return { id, file: join(evalDir, m.file), answers: key.total && key.date ? { total: String(key.total), date: String(key.date) } : null };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Values of RECEIPT_ANSWERS that their ground truth does not hold, as "id: value": empty
 * when the table agrees with the files.
 * @param {string} evalDir
 */
export function answersMissingFromGroundTruth(evalDir) {
  const out = [];
  for (const r of RECEIPT_ANSWERS) {
    const gt = readFileSync(receiptGtPath(evalDir, r.id), 'utf8');
    for (const v of [r.total, r.date]) if (!gt.includes(v)) out.push(`${r.id}: ${v}`);
  }
  return out;
}

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim().toUpperCase();
const squeeze = (/** @type {string} */ s) => s.replace(/\s+/g, '').toUpperCase();

/**
 * Whether the answer states the value as a whole: "9.00" must not match inside "19.00" or
 * "9.001". Case and runs of spaces do not matter ("28 Mar 18"). Only its answer counts, up to
 * its first citation ("The total is 300.00 (p. 1)."), not a note after it that quotes what the
 * scan reads ("The total line reads "TOTAL 295.07", but …"); an answer that says it is unsure
 * and gives two readings (as it should when the two recognisers disagree) states both.
 * @param {string} content
 * @param {string} value
 */
export function statesValue(content, value) {
  const cited = content.search(/\(p(?:p)?\.\s*\d/);
  const answer = cited > 0 && !/^\s*The [\w ]+ is unsure\b/i.test(content) ? content.slice(0, cited) : content;
  return new RegExp(`(?<![\\d.,])${escape(fold(value)).replace(/ /g, '\\s+')}(?![\\d])`).test(fold(answer));
}

/**
 * Whether a text holds the value as a whole, however OCR spaced it ("9 .00"), but not inside
 * a longer number ("19.00"). Case does not matter.
 * @param {string} text
 * @param {string} value
 */
export function holdsValue(text, value) {
  const spaced = [...squeeze(value)].map(escape).join('\\s*');
  return new RegExp(`(?<![\\d.,])${spaced}(?![\\d])`).test(fold(text));
}

/**
 * Whether the answer cites `page` and no other, each snippet being the page's exact text.
 * @param {{ citations?: Array<{ page: number, snippet: string }> }} message
 * @param {string} pageText
 * @param {number} [page]
 */
export function citesPage(message, pageText, page = 1) {
  const cites = message.citations ?? [];
  return cites.length > 0 && cites.every((c) => c.page === page && pageText.includes(c.snippet));
}

/**
 * Whether the answer cites `page` only, each snippet being the page's exact text, and one
 * snippet holds the value as printed (a value the answerer worked out, such as a total
 * after its rounding adjustment, or a date read back from misread digits, is not printed).
 * @param {{ citations?: Array<{ page: number, snippet: string }> }} message
 * @param {string} pageText
 * @param {string} value
 * @param {number} [page]
 */
export function citesValue(message, pageText, value, page = 1) {
  return citesPage(message, pageText, page) && (message.citations ?? []).some((c) => holdsValue(c.snippet, value));
}

export const TOTAL_QUESTION = 'What is the total?';
export const DATE_QUESTION = 'What is the date?';
