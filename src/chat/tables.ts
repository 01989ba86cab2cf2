// A table read as facts: "How many apprehensions did the El Paso sector make?" is the cell
// where the row that the question names ("El Paso") meets the column whose header it names
// ("Apprehensions"); "Who bought Poloniex?" the cell under "Buyer/Investor". A sentence
// search finds the row's line and quotes it whole ("El Paso 2,160 182,143 166,960 …"), and
// a person cannot tell which number answers. Tables come from the page layout (Table.rows,
// the header rows first); a two-column table without a header is a list of keys and values.
import type { Job, Table } from '../shared/contract';
import type { AnswerType } from './answer-type';
import { indexTerms, processTerm, stem } from './text';
import { findDate } from '../fields/patterns';
import { isoDate } from '../fields/dates';
import type { WordVectors } from './vectors';

export interface TableCell {
  /** 1-based page */
  page: number;
  /** the row's key cell as printed ("El Paso") */
  row: string;
  /** the column's header as printed ("Apprehensions"), or the key itself in a key–value list */
  column: string;
  value: string;
  /** the row as the page text holds it (cells joined by tabs), or the value alone */
  snippet: string;
}

/** Vectors this near (cosine) make a header's word stand for a question's, at half a word ("sold" ~ "sales"). */
const NEAR = 0.7;
/** The least share of a header's words the question must name for its column to be asked for. */
const MIN_HEADER_SHARE = 0.25;
/** A key cell longer than this many words is prose in a cell, not a row's name. */
const KEY_WORDS = 6;

/** Past forms whose stem does not start the agent noun a header uses ("bought" → "buyer"). */
const IRREGULAR: Record<string, string> = {
  bought: 'buy', sold: 'sell', paid: 'pay', won: 'win', led: 'lead', held: 'hold', wrote: 'write', written: 'write',
  made: 'make', built: 'build', brought: 'bring', taught: 'teach', sent: 'send', spent: 'spend', lent: 'lend',
  owned: 'own', ran: 'run', gave: 'give', given: 'give', took: 'take', taken: 'take', chose: 'choose', chosen: 'choose',
  drove: 'drive', driven: 'drive', grew: 'grow', grown: 'grow', kept: 'keep', met: 'meet', rode: 'ride', saw: 'see', seen: 'see',
};

/** A header row's text for each column: the header rows joined, a merged cell's text over every column it covers. */
function headerTexts(table: Table, headerRows: number): string[] {
  const cols = table.rows[0]?.length ?? 0;
  const grid = table.rows.slice(0, headerRows).map((r) => [...r]);
  for (const s of table.spans ?? []) {
    if (s.row >= headerRows) continue;
    const text = grid[s.row]?.[s.col] ?? '';
    for (let r = s.row; r < Math.min(headerRows, s.row + s.row_span); r++) for (let c = s.col; c < Math.min(cols, s.col + s.col_span); c++) if (!grid[r]![c]) grid[r]![c] = text;
  }
  return Array.from({ length: cols }, (_, c) => {
    const parts: string[] = [];
    for (const r of grid) {
      const t = (r[c] ?? '').trim();
      if (t && !parts.includes(t)) parts.push(t);
    }
    return parts.join(' ');
  });
}

/** The question's words as the header may write them: stems, the stems of irregular pasts' bases. */
function questionStems(question: string): { terms: Set<string>; bases: string[]; words: string[]; initials: Set<string> } {
  const words = (question.toLowerCase().match(/\p{L}[\p{L}'’]*/gu) ?? []).map((w) => w.replace(/['’]s$/, ''));
  const terms = new Set(indexTerms(question));
  const bases: string[] = [];
  for (const w of words) {
    if (!processTerm(w)) continue;
    const base = IRREGULAR[w] ?? stem(w);
    if (base.length >= 3) bases.push(base);
  }
  // the initials of each run of two to five words ("long-term support" → "lts"), for a header's short form
  const initials = new Set<string>();
  for (let i = 0; i < words.length; i++) for (let n = 2; n <= 5 && i + n <= words.length; n++) initials.add(words.slice(i, i + n).map((w) => w[0]).join(''));
  return { terms, bases, words, initials };
}

/** Edit distance, for a header the OCR misread by a letter or two ("APPrenensions"). */
function distance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * How well a header names what the question asks (0..1): the share of the header's words the
 * question holds, as the same stem, an agent noun of its verb ("buyer" for "bought"), a
 * misreading of a long word, or a word near in meaning.
 */
function headerMatch(header: string, q: ReturnType<typeof questionStems>, type: AnswerType | null, vectors?: WordVectors): { share: number; got: number; byKind: boolean } {
  const terms = indexTerms(header).filter((t) => !/^\d+$/.test(t));
  if (!terms.length) return { share: 0, got: 0, byKind: false };
  // a short form in capitals the question spells out ("End of LTS": "long-term support")
  const spelled = new Set((header.match(/\b\p{Lu}{2,5}\b/gu) ?? []).filter((a) => q.initials.has(a.toLowerCase())).flatMap((a) => indexTerms(a)));
  let got = 0;
  let kind = 0;
  for (const h of terms) {
    if (q.terms.has(h) || spelled.has(h)) got += 1;
    // "how much money" asks for an "Amount" column, "when" for a "Date"
    else if (type?.kindWords.has(h)) kind += 1;
    else if (q.bases.some((b) => h.startsWith(b) && h.length - b.length <= 3)) got += 1;
    // "APPrenensions" read for "apprehensions", "licence" written for "license"
    else if (h.length >= 5 && [...q.terms].some((t) => t.length >= 5 && distance(h, t, 2) <= (Math.min(h.length, t.length) >= 7 ? 2 : 1))) got += 0.9;
    else if (vectors && q.words.some((w) => !q.terms.has(h) && processTerm(w) && (vectors.similarity(w, h) ?? 0) >= NEAR)) got += 0.5;
  }
  return { share: (got + kind) / terms.length, got: got + kind, byKind: got === 0 && kind > 0 };
}

/**
 * The columns that go with a key column: a page that sets two tables side by side
 * ("Company | Buyer | Amount | Company | Buyer | Amount") repeats the key's header, and a row
 * names its own company's buyer, not the one beside it.
 */
function segmentOf(headers: string[], k: number, cols: number): [number, number] {
  const key = (headers[k] ?? '').trim().toLowerCase();
  if (!key) return [0, cols];
  let from = 0;
  let to = cols;
  for (let c = 0; c < cols; c++) {
    if ((headers[c] ?? '').trim().toLowerCase() !== key) continue;
    if (c <= k) from = c;
    else if (c < to) to = c;
  }
  return [from, to];
}

/** The fewest rows (the header's included) that make a table of tab-separated lines. */
const MIN_TEXT_ROWS = 3;

/**
 * Tables a page's text holds as lines of tab-separated cells (a text layer, or a page whose
 * layout found no table) when the page lists none: runs of lines with the same number of
 * cells, two or more, the first line the header.
 */
export function textTables(text: string): Table[] {
  const out: Table[] = [];
  let run: string[][] = [];
  const flush = () => {
    if (run.length >= MIN_TEXT_ROWS) out.push({ rows: run, bbox: [0, 0, 0, 0] });
    run = [];
  };
  for (const line of text.split('\n')) {
    const cells = line.includes('\t') ? line.split('\t').map((c) => c.trim()) : [];
    if (cells.length >= 2 && run.length && cells.length === run[0]!.length) run.push(cells);
    else {
      flush();
      if (cells.length >= 2) run = [cells];
    }
  }
  flush();
  return out;
}

/** A row's key that is a number or a version ("2.0", "2.1.3", "1995"): the question names it as written. */
const NUMBER_KEY = /^\d+(?:[.-]\d+)*[a-z]?$/;

/**
 * Whether every word of a cell is a word of the question: the question names that row. A
 * number or a version in the table's first column names its row where the question writes
 * it whole ("who owned Python 2.0?"; not "2.0.1", not a "2.0" in another column).
 */
function namesRow(cell: string, terms: Set<string>, k = -1, question = ''): number {
  const key = cell.trim();
  if (k === 0 && NUMBER_KEY.test(key)) return new RegExp(`(?<![\\w.])${key.replace(/[.]/g, '\\.')}(?![\\w]|\\.\\d)`).test(question) ? 1 : 0;
  const words = cell.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > KEY_WORDS || !/\p{L}{2}/u.test(cell)) return 0;
  const t = indexTerms(cell).filter((x) => !/^\d+$/.test(x));
  return t.length && t.every((x) => terms.has(x)) ? t.length : 0;
}

/** The value fits the kind of answer asked for: a number for "how many", a name for "who". */
function fits(value: string, type: AnswerType | null): boolean {
  if (!value.trim() || /^[*\-–—]+$/.test(value.trim())) return false;
  if (!type) return true;
  if (type.kind === 'quantity' || type.kind === 'money' || type.kind === 'measure') return /\d/.test(value);
  if (type.kind === 'person') return /\p{L}{2}/u.test(value);
  // "when" wants a year or a date, not any number ("5.7.1" under "Version")
  if (type.kind === 'time') return type.holds(value);
  return true;
}

/** A table of the job with its page, and its header as each column's text. */
interface JobTable {
  page: Job['pages'][number];
  /** 0-based page */
  p: number;
  table: Table;
  headerRows: number;
  headers: string[];
}

/** The job's tables: each page's own, or the tab-separated lines of its text when it lists none. */
function jobTables(job: Job): JobTable[] {
  return job.pages.flatMap((page, p) =>
    (page.tables?.length ? page.tables : textTables(page.text)).map((table) => {
      const headerRows = table.header === false ? 0 : Math.max(1, table.header_rows ?? 1);
      return { page, p, table, headerRows, headers: headerRows ? headerTexts(table, headerRows) : [] };
    }),
  );
}

/**
 * The cell that answers the question, or null when no table has a row the question names
 * and a column it asks for (then the sentence search goes on).
 */
export function findTableCell(job: Job, question: string, type: AnswerType | null, vectors?: WordVectors): TableCell | null {
  const q = questionStems(question);
  const tables = jobTables(job);
  let unknownTerms: string[] | undefined;
  const unknown = () => (unknownTerms ??= unknownOf(job, question, type));
  let best: (TableCell & { score: number }) | null = null;
  let tied = false;
  for (const { page, p, table, headerRows, headers } of tables) {
    const cols = table.rows[0]?.length ?? 0;
    if (cols < 2 || table.rows.length <= headerRows) continue;
    for (let r = headerRows; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      for (let k = 0; k < cols; k++) {
        const named = namesRow(row[k] ?? '', q.terms, k, question);
        if (!named) continue;
        // the columns the question asks for, beside the one that names the row
        const asked: Array<{ c: number; share: number; got: number; byKind: boolean }> = [];
        const [from, to] = segmentOf(headers, k, cols);
        for (let c = from; c < to; c++) if (c !== k && headers[c]) asked.push({ c, ...headerMatch(headers[c]!, q, type, vectors) });
        // a key–value list: the value beside its key
        if (!headers.length && cols === 2) asked.push({ c: 1 - k, share: 0.5, got: 0, byKind: false });
        // a column the question names by its words ("how many buyers") is what it asks
        // for; one that only holds the kind of value ("Amount") stands in when none is
        const namedColumn = asked.some((a) => a.got > 0 && !a.byKind);
        for (const { c, share, got, byKind } of asked) {
          // a header of several words ("Buyer/Investor Amount (mil.)", two headers the OCR
          // ran together) is asked for by one of them; one word of four, no less
          if (got === 0 || share < MIN_HEADER_SHARE || (byKind && namedColumn) || !fits(row[c] ?? '', type)) continue;
          // a column found only by the kind of value ("Installed size" for "how large is the
          // download?") does not answer a question with a word the document never uses
          if (byKind && unknown().length) continue;
          // the header the question names most of wins: "other than Mexican apprehensions" over "Apprehensions"
          const score = named + share + 0.1 * got;
          const text = row.join('\t');
          const cell: TableCell = {
            page: p + 1,
            row: row[k]!.trim(),
            column: headers[c] ?? row[k]!.trim(),
            value: row[c]!.trim(),
            snippet: page.text.includes(text) ? text : row[c]!.trim(),
          };
          if (!best || score > best.score + 1e-9) {
            best = { ...cell, score };
            tied = false;
          } else if (Math.abs(score - best.score) <= 1e-9 && cell.value !== best.value) tied = true;
        }
      }
    }
  }
  if (!best) return tied ? null : (dateLookup(tables, question, q, type, vectors) ?? reverseLookup(tables, question, q));
  if (tied) return null;
  const { score: _score, ...cell } = best as TableCell & { score: number };
  return cell;
}

/**
 * The nouns of the question that no page of the job holds: a word after "the", "a", "its" …
 * ("how large is *the download*?"), bar the words that only say the kind asked for. A verb the
 * document does not use ("how much did Tipalti *raise*?") is only the question's way of asking.
 */
function unknownOf(job: Job, question: string, type: AnswerType | null): string[] {
  const known = new Set(job.pages.flatMap((p) => indexTerms(p.text)));
  const nouns = [...question.matchAll(/\b(?:the|a|an|this|that|its|their|his|her|our|your)\s+(\p{L}[\p{L}-]*)/giu)].map((m) => processTerm(m[1]!)).filter((t): t is string => !!t);
  return nouns.filter((t) => !known.has(t) && !type?.kindWords.has(t) && ![...known].some((k) => t.length >= 4 && k.startsWith(t)));
}

/**
 * A year the question names as its only number: "from the start of 1999" is 1999-01-01,
 * "at the end of 1999" 1999-12-31, "in 1999" the year (a row dated in it, when one is).
 */
function yearAsked(question: string): string | undefined {
  const numbers = question.match(/\d+/g) ?? [];
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(question)?.[1];
  if (!year || numbers.length !== 1) return undefined;
  const edge = new RegExp(`\\b(start|beginning|end)\\s+of\\s+${year}\\b`, 'i').exec(question)?.[1]?.toLowerCase();
  return edge ? `${year}-${edge === 'end' ? '12-31' : '01-01'}` : year;
}

/**
 * "Which release came out on 6 June 2005?": the row that holds the date the question writes
 * (in any form: "2005-06-06" in the table), quoted whole. Where several rows hold it, the one
 * whose column the question names ("came out" ~ "Released") is meant; else none is.
 */
function dateLookup(tables: JobTable[], question: string, q: ReturnType<typeof questionStems>, type: AnswerType | null, vectors?: WordVectors): TableCell | null {
  const printed = findDate(question);
  const asked = printed ? isoDate(printed) : yearAsked(question);
  if (!asked) return null;
  const found: Array<{ cell: TableCell; named: number }> = [];
  for (const { page, p, table, headerRows, headers } of tables) {
    for (let r = headerRows; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      row.forEach((value, c) => {
        const iso = isoDate(value);
        if (!iso || (asked.length === 4 ? !iso.startsWith(`${asked}-`) : iso !== asked)) return;
        const text = row.join('\t');
        const rest = row.filter((v, k) => k !== c && v.trim()).map((v) => v.trim());
        if (!rest.length) return;
        const column = headers[c] ?? '';
        // (said as "Released 2005-06-06: 3.1 | Sarge | …")
        const label = column ? `${column.trim()} ${value.trim()}` : value.trim();
        found.push({
          cell: { page: p + 1, row: label, column: label, value: rest.join(' | '), snippet: page.text.includes(text) ? text : value.trim() },
          named: column ? headerMatch(column, q, type, vectors).got : 0,
        });
      });
    }
  }
  const most = Math.max(0, ...found.map((f) => f.named));
  const best = found.filter((f) => f.named === most);
  return best.length === 1 ? best[0]!.cell : null;
}

/** Words that name the table itself ("which package in the table …"), not a row of it. */
const TABLE_WORDS = new Set(indexTerms('table tables list row rows column columns entry entries'));

/** "Which package …", "which of these sectors …": the noun that names the column asked for. */
const WHICH_NOUN = /\b(?:which|what)\s+(?:one\s+)?(?:of\s+(?:the|these|those|all)\s+)?(\p{L}[\p{L}-]*)/iu;
/** The least share of the question's other words a row's cells must hold to be the one it describes. */
const MIN_ROW_SHARE = 0.5;

/**
 * "Which of these packages can tell what language a text is in?": the question names a column
 * (Package) and describes a row by its other cells ("Detect the language of text"): the answer
 * is that row's cell in the named column. Only a row that holds at least half of the
 * question's other words, two at least, and more of them than any other row.
 */
function reverseLookup(tables: JobTable[], question: string, q: ReturnType<typeof questionStems>): TableCell | null {
  const noun = WHICH_NOUN.exec(question)?.[1];
  const nounTerm = noun ? indexTerms(noun)[0] : undefined;
  if (!nounTerm) return null;
  const rest = [...q.terms].filter((t) => t !== nounTerm && !TABLE_WORDS.has(t));
  if (rest.length < 2) return null;
  let best: { cell: TableCell; got: number } | null = null;
  let tied = false;
  for (const { page, p, table, headerRows, headers } of tables) {
    if (!headerRows) continue;
    const c = headers.findIndex((h) => indexTerms(h).includes(nounTerm));
    if (c < 0) continue;
    for (let r = headerRows; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      if (!row[c]?.trim()) continue;
      // the cell that holds most of the question's other words describes the row
      let got = 0;
      let at = -1;
      row.forEach((cell, k) => {
        if (k === c) return;
        const terms = new Set(indexTerms(cell));
        let n = rest.filter((t) => terms.has(t)).length;
        // "… belongs to the games section": the cell says "games", its column's header "Section"
        if (n) n += rest.filter((t) => !terms.has(t) && indexTerms(headers[k] ?? '').includes(t)).length;
        if (n > got) [got, at] = [n, k];
      });
      if (got < 2 || got / rest.length < MIN_ROW_SHARE) continue;
      const text = row.join('\t');
      const cell: TableCell = { page: p + 1, row: row[c]!.trim(), column: headers[at] || row[at]!.trim(), value: row[at]!.trim(), snippet: page.text.includes(text) ? text : row[at]!.trim() };
      if (!best || got > best.got) [best, tied] = [{ cell, got }, false];
      else if (got === best.got && cell.row !== best.cell.row) tied = true;
    }
  }
  return best && !tied ? (best as { cell: TableCell }).cell : null;
}
