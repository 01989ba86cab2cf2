// A changelog or news file in Debian's form: each entry opens on "package (version)
// distribution; urgency=…" and closes on its signature, " -- Name <email>  date". "When was
// the 3.8-2 entry signed?" and "who wrote the 3.122 entry?" are answered by the signature that
// closes the entry the question names, which no sentence of the entry holds.
// A question may also name the part it is about by a version ("the 1.9-1 upload", "IDLE 0.5")
// or by a manual's option ("if I don't pass -c"): namedPart and namedEntryPart give that part's
// lines, from its heading to the next.
import type { LineRec } from './passages';
import { escapeRegExp, squash, VERSION } from './text';

/** An entry's first line: "grep (3.8-2) unstable; urgency=low". */
const HEADER = /^\s*[\p{L}\d][\p{L}\d+.~-]*\s+\(([^()\s]+)\)\s+[^;]+;\s*urgency\s*=/iu;
/** Its signature: " -- Name <email>  Mon, 12 Sep 2022 15:47:11 +0200" (the dashes as OCR reads them). */
const SIGNATURE = /^\s*[-–—]{1,2}\s*(.+?)\s*<[^<>\s]+@[^<>\s]+>\s*(.*\d{4}.*?)\s*$/u;

export interface ChangelogEntry {
  version: string;
  header: LineRec;
  signature: LineRec;
  /** who signed it */
  name: string;
  /** when, as written */
  date: string;
}

/** The entries of a changelog, each with the signature that closes it (before the next entry opens). */
export function changelogEntries(lines: LineRec[]): ChangelogEntry[] {
  const out: ChangelogEntry[] = [];
  let open: { version: string; header: LineRec } | null = null;
  for (const line of lines) {
    const h = HEADER.exec(line.text);
    if (h) {
      open = { version: h[1]!, header: line };
      continue;
    }
    const s = open && SIGNATURE.exec(line.text);
    if (open && s) {
      out.push({ ...open, signature: line, name: squash(s[1]!), date: squash(s[2]!) });
      open = null;
    }
  }
  return out;
}

/** When an entry was signed, or who signed (wrote) it: what its signature says. */
const ASKS_WHEN = /\b(?:when|what\s+(?:date|day)|which\s+(?:date|day)|dated?|signed|released|published)\b/i;
const ASKS_WHO = /\b(?:who|whom|whose|signed|wrote|written|author|maintainer)\b/i;

/** The entry the question names by its version ("the 3.8-2 entry"), when it asks what the entry's signature says. */
export function askedEntry(lines: LineRec[], question: string): ChangelogEntry | null {
  if (!ASKS_WHEN.test(question) && !ASKS_WHO.test(question)) return null;
  const named = changelogEntries(lines).filter((e) => new RegExp(`(?<![\\w.~-])${escapeRegExp(e.version)}(?![\\w~-]|\\.\\d)`).test(question));
  return named.length === 1 ? named[0]! : null;
}

/** A date in a version's shape: "22-Jul-2001", "2001-07-22", "22.07.2001". */
const DATE_LIKE = /^(?:\d{1,2}[-.](?:\p{L}{3,9}|\d{1,2})[-.]\d{2,4}|\d{4}[-.]\d{1,2}[-.]\d{1,2})$/u;

/** Currency codes and words an amount follows. */
const CURRENCY = /^(?:RM|USD|US|EUR|GBP|SGD|MYR|RP|RS|INR|JPY|CNY|AUD|CAD|CHF|HKD|NZD|Total|Subtotal|Price|Amount|Cash|Change|Tax)$/i;

/** The versions a text names: "1.9-1", "3.1~rc1-1", "2.39.5", and "version 1.4" / "v1.4". */
export function versionsIn(text: string): string[] {
  const out = [...text.matchAll(VERSION)].map((m) => m[0]).filter((v) => !DATE_LIKE.test(v));
  for (const m of text.matchAll(/\b(?:version|release|v)\s?(\d+(?:\.\d+)+)\b/giu)) out.push(m[1]!);
  // a name and its number in two parts: "IDLE 0.5", "Python 2.1" (not an amount: "RM 17.45")
  for (const m of text.matchAll(/\b(\p{Lu}[\p{L}-]*)\s+(\d+\.\d+)(?![\d.,]*\d)/gu)) if (!CURRENCY.test(m[1]!)) out.push(m[2]!);
  return [...new Set(out)];
}

/** A heading that opens a version's part of a changelog or release notes: a short line naming one version. */
const MOST_HEADING_WORDS = 8;
/** A version heading more parts than this is no release's name but a number used all over. */
const MOST_PARTS = 3;

/** An option the question names: "-c", "--keep" (not the "-F" of "A-F", nor "UTF-16"). */
const OPTION = /(?<![\w-])(--?[\p{L}\d][\w-]*)/gu;
/** A manual's entry opens on a line of its options: "-c cols | -cols cols", "-k, --keep", "--delete". */
const OPTION_HEADING = /^\s*(--?[\p{L}\d][\w-]*)(?:\s+[<\[]?[\p{Ll}\d_]+[>\]]?)?(?:\s*[|,]\s*--?[\p{L}\d][\w-]*(?:\s+[<\[]?[\p{Ll}\d_]+[>\]]?)?)*\s*$/u;
/** A section's heading in capitals ("CAVEATS", "RETURN VALUES") ends the last entry before it. */
const SECTION_HEADING = /^\s*\p{Lu}{3,}(?:\s+\p{Lu}{2,}){0,3}\s*$/u;

/** The options an entry's heading line names, or none. */
function headingOptions(text: string): string[] {
  return OPTION_HEADING.test(text) ? [...text.matchAll(OPTION)].map((m) => m[1]!) : [];
}

/** The options a question names, as written. */
export function optionsIn(question: string): string[] {
  return [...question.matchAll(OPTION)].map((m) => m[1]!).filter((o) => /\p{L}/u.test(o));
}

/**
 * The lines of a manual's entry that the question names by its option ("if I don't pass -c,
 * how many octets …?"): the lines after the line of its options, to the next entry's or
 * section's heading. Null unless exactly one entry's heading names it.
 */
export function namedEntryPart(lines: LineRec[], question: string): LineRec[] | null {
  const asked = new Set(optionsIn(question));
  if (!asked.size) return null;
  const heads = lines.map((l, at) => ({ at, options: headingOptions(l.text) })).filter((h) => h.options.length);
  const named = heads.filter((h) => h.options.some((o) => asked.has(o)));
  if (named.length !== 1) return null;
  const from = named[0]!.at;
  let to = from + 1;
  while (to < lines.length && !headingOptions(lines[to]!.text).length && !SECTION_HEADING.test(lines[to]!.text)) to++;
  return lines.slice(from + 1, to);
}

/**
 * The lines of the part of a changelog or of release notes that the question names by its
 * version ("which protocol version did the 1.9-1 upload move to?"): the lines under the
 * heading naming it ("tmux (1.9-1) experimental; urgency=low", "Version 2.4.1 (2019-03-02)"),
 * to the next heading naming a version (all such parts, when a few headings name it). The
 * headings themselves are left out: they name the version, and answer nothing.
 */
export function namedPart(lines: LineRec[], question: string): LineRec[] | null {
  const asked = new Set(versionsIn(question));
  if (!asked.size) return null;
  const headings: Array<{ at: number; versions: string[] }> = [];
  lines.forEach((line, at) => {
    // (a short sentence, "Kiln needs Python 1.5.2 to run.", ends with a stop: no heading)
    if ((squash(line.text).split(' ').length > MOST_HEADING_WORDS || /\.\s*$/.test(line.text)) && !HEADER.test(line.text)) return;
    const versions = versionsIn(line.text);
    if (versions.length === 1) headings.push({ at, versions });
  });
  const named = headings.filter((h) => h.versions.some((v) => asked.has(v)));
  if (!named.length || named.length > MOST_PARTS) return null;
  // a release may head more than one part ("IDLE 0.5 - Release Notes", later "New in IDLE 0.5"):
  // its lines are all of them, the first part first
  return named.flatMap(({ at }) => {
    const next = headings.find((h) => h.at > at);
    return lines.slice(at + 1, next ? next.at : lines.length);
  });
}
