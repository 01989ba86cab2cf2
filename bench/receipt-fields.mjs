// Per-field accuracy of tool=receipt against SROIE-style keys (receipt_sroie_*.key.json:
// company, date, address, total): exact match after folding case and spacing; the total
// compared as an amount, the date as a date.
import { existsSync, readFileSync } from 'node:fs';

/** The key fields and the job field each is read from. */
export const KEY_FIELDS = /** @type {const} */ (['company', 'date', 'address', 'total']);

const fold = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim().toUpperCase();
/** Case and spacing folded away entirely, as SROIE's own scoring does ("NO.53 55" = "NO.5355"). */
const squeeze = (/** @type {string} */ s) => s.replace(/\s+/g, '').toUpperCase();

/** @param {string} s */
export function amountOf(s) {
  const m = /-?\d[\d,]*(?:\.\d+)?/.exec(s.replace(/\s+/g, ''));
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const year = (/** @type {string} */ y) => (y.length === 4 ? Number(y) : 2000 + Number(y));

/** A date as y-m-d, day first where the order is open (as SROIE's receipts print it). @param {string} s */
export function dateOf(s) {
  const t = fold(s);
  let m = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(t);
  if (m) return `${Number(m[1])}-${Number(m[2])}-${Number(m[3])}`;
  m = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})/.exec(t);
  if (m) return Number(m[2]) > 12 ? `${year(m[3])}-${Number(m[1])}-${Number(m[2])}` : `${year(m[3])}-${Number(m[2])}-${Number(m[1])}`;
  // eight digits printed with no separator, day first ("25032018")
  m = /^(\d{2})(\d{2})((?:19|20)\d{2})$/.exec(t);
  if (m) return `${Number(m[3])}-${Number(m[2])}-${Number(m[1])}`;
  m = /(\d{1,2})\W*([A-Z]{3})[A-Z]*\W*(\d{2,4})/.exec(t);
  if (m && MONTHS.includes(m[2])) return `${year(m[3])}-${MONTHS.indexOf(m[2]) + 1}-${Number(m[1])}`;
  // the month's name first ("OCT 3, 2016")
  m = /([A-Z]{3})[A-Z]*\W*(\d{1,2})\W+(\d{4})/.exec(t);
  if (m && MONTHS.includes(m[1])) return `${Number(m[3])}-${MONTHS.indexOf(m[1]) + 1}-${Number(m[2])}`;
  return null;
}

/**
 * Whether the job's fields give the key's value.
 * @param {'company' | 'date' | 'address' | 'total'} field
 * @param {string} want
 * @param {any} fields the job's `fields`
 */
export function fieldRight(field, want, fields) {
  if (!fields) return false;
  switch (field) {
    case 'company':
      return !!fields.merchant && squeeze(fields.merchant.value) === squeeze(want);
    case 'address':
      return !!fields.address && squeeze(fields.address.value) === squeeze(want);
    case 'total': {
      const a = amountOf(want);
      return !!fields.total && a !== null && Math.abs(fields.total.amount - a) < 0.005;
    }
    case 'date': {
      const d = dateOf(want);
      if (!fields.date || !d) return false;
      const iso = fields.date.iso ? fields.date.iso.split('-').map(Number).join('-') : null;
      return iso === d || dateOf(fields.date.value) === d;
    }
  }
}

/** The key of an evaluation image, when it has one. @param {string} imagePath */
export function keyFor(imagePath) {
  const path = imagePath.replace(/\.[^.]+$/, '.key.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/**
 * The table: per field, how many receipts are right, and what was read where wrong. A receipt
 * whose job failed (`failed`: why) counts as wrong on every field, and is named as failed: its
 * misses are not the fields' but the run's.
 * @param {Array<{ name: string, key: Record<string, string>, fields: any, failed?: string }>} runs
 */
export function receiptTable(runs) {
  const lines = ['receipt fields (tool=receipt) vs keys: right / receipts', 'field      right    %'];
  /** @type {string[]} */
  const misses = [];
  const failed = runs.filter((r) => r.failed);
  if (failed.length) {
    lines.splice(1, 0, `WARNING: ${failed.length} of ${runs.length} receipt jobs failed; they count as wrong on every field`);
    for (const r of failed) misses.push(`  ${r.name} failed: ${r.failed}`);
  }
  for (const f of KEY_FIELDS) {
    const scored = runs.filter((r) => typeof r.key[f] === 'string');
    const right = scored.filter((r) => fieldRight(f, r.key[f], r.fields));
    const pct = scored.length ? (100 * right.length) / scored.length : 0;
    lines.push(`${f.padEnd(10)} ${`${right.length}/${scored.length}`.padStart(5)}  ${pct.toFixed(0).padStart(3)}`);
    for (const r of scored) {
      if (right.includes(r) || r.failed) continue;
      const got = { company: r.fields?.merchant?.value, address: r.fields?.address?.value, total: r.fields?.total?.value, date: r.fields?.date?.value }[f];
      misses.push(`  ${r.name} ${f}: want ${JSON.stringify(r.key[f])}, got ${JSON.stringify(got ?? null)}`);
    }
  }
  return { table: lines.join('\n'), misses };
}
