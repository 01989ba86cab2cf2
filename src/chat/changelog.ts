// A changelog or news file in Debian's form: each entry opens on "package (version)
// distribution; urgency=…" and closes on its signature, " -- Name <email>  date". "When was
// the 3.8-2 entry signed?" and "who wrote the 3.122 entry?" are answered by the signature that
// closes the entry the question names, which no sentence of the entry holds.
import type { LineRec } from './passages';
import { escapeRegExp, squash } from './text';

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
