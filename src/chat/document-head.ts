// Questions about the document itself rather than what it says: who wrote it, where it was
// published, who holds its copyright, which judge wrote an opinion. Their answers stand in
// lines that share no word with the question, printed by convention: a byline under the
// title ("A. Hutton, S. Shu and X. Zheng"; "SHUBHDEEP DEB" over "Department of Economics"),
// a running head that cites the journal ("Journal of Financial Economics 145 (2022) 297–321",
// "Econometrica, Vol. 92, No. 3 (May, 2024), 603–636"), a copyright line ("© 2020 Nevada
// Supreme Court"), a court opinion's opening ("KOZINSKI, Circuit Judge:"), and how long it is
// ("Page 1 of 6" in a page's footer).
import type { LineRec } from './passages';

export type HeadAsk = 'authors' | 'journal' | 'published' | 'copyright' | 'opinion-judge' | 'pages';

export interface HeadAnswer {
  ask: HeadAsk;
  /** what answers: the names, the journal, the holder */
  value: string;
  /** the lines that say it */
  cite: LineRec[];
}

/** What a question asks about the document itself, if it does. */
export function headAsk(question: string): HeadAsk | null {
  const q = question.toLowerCase();
  if (/\bcopyright|©/.test(q)) return 'copyright';
  if (/\bhow\s+many\s+pages\b/.test(q) && !/\bpages?\s+(?:of|about|on|with|in\s+(?!(?:it|this|the\s+(?:document|form|application|file|paper|report))\b))/.test(q)) return 'pages';
  if (/\bjudges?\b/.test(q) && /\b(wrote|write|writes|written|author(?:ed)?|delivered)\b/.test(q) && /\bopinion\b/.test(q)) return 'opinion-judge';
  // "when was this issue published?": the date in the journal's running head
  if (/^\s*(?:when|in\s+(?:which|what)\s+(?:year|month))\b/.test(q) && /\bpublish|\bissued?\b|\bappear/.test(q) && /\b(?:this|the)\s+(?:issue|article|paper|study|volume|number)\b/.test(q)) return 'published';
  if (/\b(which|what)\s+(journal|periodical|review|magazine)\b|\bjournal\b.*\bpublish|\bpublish\w*\b.*\b(journal|in which)\b/.test(q)) return 'journal';
  if (/\bauthors?\b|\bwho\s+(wrote|writes|authored|is the author)\b|\bwritten by\b/.test(q) && /\b(paper|article|study|report|document|this|it)\b/.test(q)) return 'authors';
  return null;
}

/** The lines of a page in reading order. */
function pageLines(lines: readonly LineRec[], page: number): LineRec[] {
  return lines.filter((l) => l.page === page).sort((a, b) => a.order - b.order);
}

/** Lines at the head of the first page: where titles, bylines and running heads stand. */
const HEAD_LINES = 15;

const INITIALS_NAME = String.raw`(?:\p{Lu}\.\s*(?:-\s*)?)+\s*\p{Lu}[\p{Ll}'’-]+`;
const FULL_NAME = String.raw`\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'’-]+`;
/** "A. Hutton, S. Shu and X. Zheng", "Jane Smith and Ali Khan": a list of names, nothing else. */
const BYLINE = new RegExp(String.raw`^(?:${INITIALS_NAME}|${FULL_NAME})(?:\s*(?:,|,?\s+and|&)\s*(?:${INITIALS_NAME}|${FULL_NAME}))*\s*\*?$`, 'u');
/** A name in capitals over an affiliation ("SHUBHDEEP DEB" / "Department of Economics, UPF Barcelona"). */
const CAPS_NAME = /^\p{Lu}[\p{Lu}'’.-]*(?:\s+\p{Lu}[\p{Lu}'’.-]*){1,3}$/u;
const AFFILIATION = /\b(department|university|universit[àéy]|institute|school|college|laborator(y|ies)|faculty|centre|center|bank|research)\b/i;
/** A running head that cites a journal: "Name 145 (2022) 297–321" or "Name, Vol. 92, No. 3 (…)". */
const CITATION = /^(.{3,80}?)(?:,\s*Vol\.?\s*\d+|\s+\d{1,4}\s*\((?:\w+,?\s*)?\d{4}\)\s*\d+\s*[–-]\s*\d+)/u;
const COPYRIGHT = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[–-]\s*\d{4})?,?\s*)?(.+)$/i;
/** "KOZINSKI, Circuit Judge:" opening a court opinion (the judges' list ends "Circuit Judges."). */
const OPINION_BY = /^([\p{Lu}][\p{Lu}'’-]+(?:\s+[\p{Lu}][\p{Lu}'’-]+)?),\s+(?:(?:Chief|Senior|Circuit|District|Associate|Presiding)\s+)*Judge:\s*$/u;

/** A page's footer or header that counts the pages: "Page 1 of 6", "Pg. 2/10", "p. 3 of 12". */
const PAGE_OF = /\b(?:page|pg\.?|p\.)\s*(\d{1,4})\s*(?:of|\/)\s*(\d{1,4})\b/i;

/** The names that open a line whose rest cites a journal, or null. */
function bylineBefore(line: string): string | null {
  const words = line.split(/\s+/);
  for (let n = words.length - 2; n >= 2; n--) {
    const names = words.slice(0, n).join(' ');
    if (BYLINE.test(names) && /,|\band\b|&/.test(names) && CITATION.test(words.slice(n).join(' '))) return names;
  }
  return null;
}

/** A name signing a text at its end: "Cosmin Truta", "-- Jane Smith <jane@example.org>", "— A. Hutton". */
const SIGNED = new RegExp(String.raw`^(?:[-–—]{1,2}\s*)?(${INITIALS_NAME}|${FULL_NAME}(?:\s+\p{Lu}[\p{Ll}'’-]+)?)\s*(?:<[^<>\s]+@[^<>\s]+>)?[,.]?$`, 'u');
/** What may follow a signature: its date, a place, an address for mail ("Last updated: 2006-May-28"). */
const AFTER_SIGNATURE = /\d{4}|@|\b(?:updated|written|dated|revised)\b/i;
/** The lines at a text's end a signature may stand among. */
const SIGNATURE_LINES = 5;

/**
 * An essay, a letter or a note is signed at its end: a name on its own line after the last
 * sentence, with at most its date or address after it.
 */
function signature(page: LineRec[]): { name: string; line: LineRec } | null {
  for (let k = Math.max(1, page.length - SIGNATURE_LINES); k < page.length; k++) {
    const m = SIGNED.exec(page[k]!.text.trim());
    if (!m || !/[.!?]["'”’)]*$/.test(page[k - 1]!.text.trim())) continue;
    if (page.slice(k + 1).every((l) => AFTER_SIGNATURE.test(l.text))) return { name: m[1]!, line: page[k]! };
  }
  return null;
}

/** The answer from the document's head, or null when its lines do not say. */
export function findHead(ask: HeadAsk, lines: readonly LineRec[]): HeadAnswer | null {
  const pages = [...new Set(lines.map((l) => l.page))].sort((a, b) => a - b);
  switch (ask) {
    case 'copyright': {
      for (const l of lines) {
        const m = COPYRIGHT.exec(l.text.trim());
        if (m && /©|\bcopyright\b|\(c\)/i.test(l.text) && /\p{L}{2}/u.test(m[1]!)) return { ask, value: m[1]!.trim().replace(/[.,;]+$/, ''), cite: [l] };
      }
      return null;
    }
    case 'pages': {
      for (const l of lines) {
        const m = PAGE_OF.exec(l.text);
        if (m && Number(m[1]) <= Number(m[2]) && Number(m[2]) > 0) return { ask, value: `${Number(m[2])} pages`, cite: [l] };
      }
      return null;
    }
    case 'opinion-judge': {
      for (const l of lines) {
        const m = OPINION_BY.exec(l.text.trim());
        if (m) return { ask, value: m[1]!, cite: [l] };
      }
      return null;
    }
    case 'journal':
    case 'published': {
      for (const p of pages) {
        const page = pageLines(lines, p);
        // a running head: among the first or last lines of a page
        for (const l of [...page.slice(0, 4), ...page.slice(-3)]) {
          const m = CITATION.exec(l.text.trim());
          if (!m || !/\p{L}{3}/u.test(m[1]!)) continue;
          if (ask === 'journal') {
            const names = bylineBefore(l.text.trim());
            const value = m[1]!.trim().slice(names && m[1]!.trim().startsWith(names) ? names.length : 0).trim();
            return { ask, value: value.replace(/[,;]+$/, ''), cite: [l] };
          }
          // "(May, 2024)", "(2022)"
          const date = /\(((?:\p{L}+\.?,?\s*)?\d{4})\)/u.exec(l.text);
          if (date) return { ask, value: date[1]!, cite: [l] };
        }
      }
      return null;
    }
    case 'authors': {
      // a byline stands over the text: the lines before its first sentence ("Further Reading"
      // after it is a heading, not an author)
      const first = pageLines(lines, pages[0] ?? 1).slice(0, HEAD_LINES);
      const body = first.findIndex((l) => /[.!?]["'”’)]*$/.test(l.text.trim()) && l.text.trim().split(/\s+/).length >= 6);
      const head = body >= 0 ? first.slice(0, body) : first;
      const byline = head.find((l) => BYLINE.test(l.text.trim()) && (/,|\band\b|&/.test(l.text) || l.text.trim().split(/\s+/).length <= 4));
      if (byline) return { ask, value: byline.text.trim().replace(/\s*\*$/, ''), cite: [byline] };
      // a running head that prints the authors and the journal on one line ("A. Hutton, S. Shu
      // and X. Zheng    Journal of Financial Economics 145 (2022) 297–321")
      for (const l of head) {
        const names = bylineBefore(l.text.trim());
        if (names) return { ask, value: names, cite: [l] };
      }
      const named = head.filter((l, k) => CAPS_NAME.test(l.text.trim()) && head[k + 1] && AFFILIATION.test(head[k + 1]!.text));
      if (named.length) return { ask, value: named.map((l) => l.text.trim()).join(', '), cite: named };
      const signed = signature(pageLines(lines, pages[pages.length - 1] ?? 1));
      return signed ? { ask, value: signed.name, cite: [signed.line] } : null;
    }
  }
}
