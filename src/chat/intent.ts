// What a question asks for: a known field of a receipt or invoice, or free text to search
// for; and, for a follow-up such as "and the tax?", what it means given the question
// before it.
import type { ChatMessage } from '../shared/contract';
import { keywords } from './text';

import type { FieldName } from '../fields/lines';
export type { FieldName };

/** Checked in order: the more specific asks come first ("tax invoice number" is a number, "total tax" is tax). */
const FIELD_PATTERNS: Array<[FieldName, RegExp]> = [
  ['number', /\b(?:invoice|inv|receipt|bill|document|doc|order|transaction|trans|reference|ref|cheque|check)\s*(?:no\b|number|num\b|#|id\b)/],
  ['phone', /\b(?:phone|telephone|tel|fax|mobile|contact number)\b/],
  ['tax', /\b(?:tax|gst|vat|sst|hst)\b(?!\s*(?:id|no|number|reg|registration|invoice)\b)/],
  ['subtotal', /\bsub[\s-]?total\b/],
  ['total', /\b(?:total|grand total|amount due|amount payable|balance due)\b/],
  ['date', /\bdate[ds]?\b|\bwhat day\b/],
  ['time', /\btime\b|\bwhat hour\b/],
  ['address', /\baddress\b/],
  ['vendor', /\b(?:company|vendor|merchant|store|shop|seller|supplier|business|restaurant|retailer|issuer)\b/],
];

/**
 * Looser asks ("how much?", "when?", "where?") name a field only when nothing else in
 * the question is specific: "when did Fisher publish?" is a question for the text.
 */
const WEAK_PATTERNS: Array<[FieldName, RegExp]> = [
  // "how was it paid?" asks the manner, not the amount
  ['total', /^(?!.*\bhow\s+(?:was|were|is|did|do|does|can)\b).*(?:\bhow much\b|\b(?:pay|paid|cost|owe|owed|spent|spend|charged)\b)/],
  ['date', /\bwhen\b/],
  ['address', /\bwhere\b/],
  ['vendor', /\bwho\b|\bname\b/],
];

/** Words that only say what kind of paper it is or how it was bought; stemmed as keywords() does. */
const GENERIC = new Set(
  (
    'receipt invoice bill purchase purchas buy bought sold sell issu made transaction order ' +
    'pay paid cost owe owed spent spend charg amount name located locat where when who item thing we'
  ).split(' '),
);

/** Words that name a field or qualify it ("total amount due"); stemmed. */
const FIELD_VOCAB = new Set(
  (
    'total grand amount due balance payable sum subtotal sub tax gst vat sst hst date dat day time hour ' +
    'address phone telephone tel fax mobile contact number no num id company vendor merchant store shop ' +
    'seller supplier business restaurant retailer issuer final rounded round net nett price value'
  ).split(' '),
);

export function detectField(question: string): FieldName | null {
  return askedField(question)?.field ?? null;
}

/** The field and whether only a loose word ("when", "how much") named it. */
function askedField(question: string): { field: FieldName; weak: boolean } | null {
  const q = question.toLowerCase();
  // words beyond the field's own: "the date of Fisher's paper" asks the text, not the header
  const extra = keywords(q).filter((t) => !GENERIC.has(t) && !FIELD_VOCAB.has(t));
  if (extra.length >= 2) return null;
  for (const [field, re] of FIELD_PATTERNS) if (re.test(q)) return { field, weak: false };
  if (extra.length) return null;
  for (const [field, re] of WEAK_PATTERNS) if (re.test(q)) return { field, weak: true };
  return null;
}

/** A question that leans on the one before: "and the tax?", "what about page 2?", "why?". */
export function isElliptical(question: string): boolean {
  const q = question.trim().toLowerCase();
  return /^(?:and|also|what about|how about|and what about|or|then|same for)\b/.test(q) || keywords(q).length === 0;
}

export interface ResolvedQuestion {
  /** the field asked for, when the question names one */
  field: FieldName | null;
  /** content terms to search for, stemmed */
  terms: string[];
  /** terms of the question itself, as opposed to those carried over from before */
  own: string[];
  /** the question as asked */
  text: string;
}

/**
 * Reads a question in the light of the conversation. A follow-up that names a field
 * replaces the field of the question before ("what is the total?" → "and the tax?");
 * one that names none keeps the earlier intent and adds its own words.
 */
export function resolveQuestion(question: string, history: ChatMessage[]): ResolvedQuestion {
  const asked = history.filter((m) => m.role === 'user').map((m) => m.content);
  let previous: ResolvedQuestion | null = null;
  // earlier questions may themselves be follow-ups: read the last few in order
  for (const q of asked.slice(-4)) previous = resolveOne(q, previous);
  return resolveOne(question, previous);
}

function resolveOne(question: string, previous: ResolvedQuestion | null): ResolvedQuestion {
  const asked = askedField(question);
  const own = keywords(question);
  const alone: ResolvedQuestion = { field: asked?.field ?? null, terms: own, own, text: question };
  if (!previous || !isElliptical(question)) return alone;
  // "and the tax?" names a field of its own; "and when?" after a question about the text
  // still asks about that text
  if (asked && !(asked.weak && !previous.field)) return alone;
  const terms = [...previous.terms, ...own.filter((t) => !previous.terms.includes(t))];
  return { field: previous.field, terms, own, text: question };
}
