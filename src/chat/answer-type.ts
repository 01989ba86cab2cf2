// What kind of thing a question asks for, read from how it is asked: "when" and "in which
// year" ask for a time, "how many" and "what share" for a quantity, "how much did it cost"
// for money, "what is it called" for a name, "her email" for an address. The words that
// only say the kind ("year", "number", "called") are not words the answer's sentence must
// hold; instead the sentence must hold a value of that kind. A sentence that matches the
// question's words but holds no such value does not answer it.
import { findDate } from '../fields/patterns';
import { indexTerms } from './text';

export type AnswerKind = 'time' | 'quantity' | 'measure' | 'money' | 'name' | 'email' | 'person' | 'place' | 'reason' | 'option' | 'path';

export interface AnswerType {
  kind: AnswerKind;
  /** stemmed words of the question that name the kind, not the subject */
  kindWords: Set<string>;
  /** whether a text holds a value of the kind */
  holds: (text: string) => boolean;
  /** how surely it does: 1, or less when only a weak sign says so (quotes, not "called") */
  strength: (text: string) => number;
  /**
   * A soft kind (who, why) only favours a sentence that holds its value: a sentence that
   * answers "why" without "because" ("of interest as an example of …") still answers it.
   */
  soft: boolean;
}

const stems = (words: string) => new Set(indexTerms(words));

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const YEAR = /\b(?:1[0-9]{3}|20[0-9]{2})s?\b/;
const RELATIVE_TIME = /\b(?:this|last|next|that|the same|the following|the previous)\s+(?:year|month|week|quarter|day|decade|century)\b/i;
const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|twice|single|once)\b/i;
const CURRENCY = /[$€£¥₹]\s?\d|\d\s?(?:dollars?|euros?|pounds?|cents?|yen|rupees?)\b|\b(?:USD|EUR|GBP|RM|Rs\.?)\s?\d|\d[\d,.]*\s?(?:million|billion|thousand)\b/i;
/** A price stated in words: "free of charge", "any price or no price", "for a fee". */
const PRICE_WORDS = /\b(?:free(?:\s+of\s+charge)?|(?:at\s+)?no\s+(?:charge|cost)|(?:any|no)\s+price|for\s+a\s+fee|without\s+(?:charge|payment)|gratis)\b/i;
const NAMING = /\b(?:call(?:ed|s)?|named|renamed|names?\s+(?:is|was)|known\s+as|referred\s+to\s+as|termed|dubbed|formerly|previously|a\.k\.a\.?|aka)\b|["“‘'][^"”’']{2,40}["”’']/i;
const NAMING_VERB = /\b(?:call(?:ed|s)?|named|renamed|known\s+as|referred\s+to\s+as|termed|dubbed|formerly|a\.k\.a\.?|aka)\b/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/**
 * Who: a name, as a text writes one: two or more capitalised words in a row ("Renjie Bao",
 * "Government Accountability Office"), or a surname in capitals ("HUG, ALARCON"). The words
 * of the question are taken out first (holdsAnswer): the name asked about is not the answer.
 */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}’'-]+|\p{Lu}\.)`;
const PERSON = new RegExp(String.raw`${NAME_WORD}(?:\s+(?:${NAME_WORD}|(?:de|van|von|der|da|di|la|le)\b))*\s+\p{Lu}[\p{Ll}’'-]+|\b\p{Lu}{3,}\b`, 'u');
/**
 * Where: a place as a text writes one, a name after "in", "at", "near" or "from" ("in Reston,
 * Virginia", "at the Corporation for …"), or a file's path ("defaults to /nonexistent").
 * The question's own names are taken out first, as for who.
 */
const PLACE = /\b(?:in|at|near|from|to|into|inside|outside|based\s+in|located\s+in)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]+/u;
/** A sentence that says where a thing is ("is located at", "based in") says it more surely than one with a name after "in". */
const WHERE_VERB = /\b(?:located|based|headquartered|situated|housed|lies|stands)\s+(?:at|in|on|near)\b/i;
const placeOf = (t: string): number => (WHERE_VERB.test(t) ? 1 : 0.8);

/** Why: the words a text gives a reason or a cause with. */
const REASON =
  /^(?:this|that|it|which|these|they)\s+(?:\w+\s+)?(?:reduces?|allows?|enables?|helps?|makes?|saves?|avoids?|prevents?|lets?|ensures?|simplifies|improves?|speeds?\s+up)\b|\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|result(?:ed|ing)?\s+(?:of|from)|caused\s+by|driven\s+by|on\s+account\s+of|in\s+order\s+to|so\s+that|so\s+as\s+to|to\s+take\s+advantage|the\s+reasons?|reflect(?:s|ed|ing)?|since|given\s+that|led\s+to|leads?\s+to|until|therefore|thus|hence|consequently|which\s+is\s+why|that\s+is\s+why|that's\s+why)\b/i;

/** A command-line option as a manual prints it: "-k", "--keep", "-i[SUFFIX]". */
const OPTION = /(?:^|[\s,(\[])--?[\p{L}\d][\w-]*/u;
/** A name a program knows, written in capitals: a flag or constant ("IGNORECASE"), an environment variable ("LC_ALL"). */
const CONSTANT = /\b\p{Lu}[\p{Lu}\d]*_?[\p{Lu}\d_]{2,}\b/u;
/**
 * A reference list's entry: its key, a name in lower case, then what it is or does ("subn
 * Same as sub, but …", "split Split a string …"). Prose does not open on a lower-case word
 * before a capital.
 */
const ENTRY = /^\s*[\p{Ll}_][\w.]*\s+\p{Lu}\p{Ll}/u;
/** What a program is told or given by name: an option, a flag, a constant, a reference entry's key. */
const holdsName = (t: string) => OPTION.test(t) || CONSTANT.test(t) || ENTRY.test(t);
/** A file's path: at least one slash between names, or a home-relative one. */
const PATH = /(?:^|[\s"'(“])(?:~|\.{0,2})\/[\w.-]+(?:\/[\w.-]+)*|\b[\w.-]+\/[\w.-]+\/[\w.-]+/u;

/** A number with a unit of length, weight, time or size (of data too: "8kB", "2 GiB"): what "how tall", "how long", "how big" ask for. */
const MEASURE =
  /\d\s*(?:[-–]\s*\d+\s*)?(?:mm|cm|m|km|in|inch(?:es)?|ft|feet|foot|yards?|miles?|metres?|meters?|centimet(?:re|er)s?|millimet(?:re|er)s?|kilomet(?:re|er)s?|kg|g|lbs?|pounds?|ounces?|oz|tons?|tonnes?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|pages?|%|percent|bytes?|[kmgt]i?b|px|pixels?)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|feet|metres?|meters?|miles?|inches)\b/i;

const holdsTime = (t: string) => YEAR.test(t) || findDate(t) !== null || new RegExp(`\\b(?:${MONTHS})\\b`, 'i').test(t) || RELATIVE_TIME.test(t);
const holdsQuantity = (t: string) => /\d/.test(t) || NUMBER_WORDS.test(t);

const KINDS: Record<AnswerKind, { words: Set<string>; holds: (t: string) => boolean }> = {
  time: { words: stems('year years date dates day days month months decade century time'), holds: holdsTime },
  quantity: { words: stems('number numbers percentage percent share proportion fraction size amount count'), holds: holdsQuantity },
  measure: { words: stems('height length width depth weight size age duration distance'), holds: (t) => MEASURE.test(t) },
  money: { words: stems('price cost costs amount sum money paid pay'), holds: (t) => CURRENCY.test(t) || PRICE_WORDS.test(t) },
  name: { words: stems('called call named name known referred termed dubbed term word'), holds: (t) => NAMING.test(t) },
  email: { words: stems('email emails e mail address'), holds: (t) => EMAIL.test(t) },
  person: { words: new Set(), holds: (t) => PERSON.test(t) },
  place: { words: stems('place location city country town state region'), holds: (t) => PLACE.test(t) || PATH.test(t) },
  reason: { words: stems('reason reasons cause causes'), holds: (t) => REASON.test(t) },
  // "which option keeps the files?": a command's option ("-k", "--keep") in a manual, a flag
  // or a variable in capitals, a function or command as a reference list's key
  option: { words: stems('short long option options flag flags switch switches function functions method methods command commands operation operations variable variables environment constant constants setting settings parameter parameters keyword keywords'), holds: holdsName },
  // "which file should I look at?": a file's path ("/etc/apt/sources.list", "~/.bashrc")
  path: { words: stems('file files directory directories folder folders path'), holds: (t) => PATH.test(t) },
};

/**
 * "How many times …?": a sentence that counts that very thing ("Five times I reported", "310
 * accepted species") answers it more surely than one that only holds some number (a footnote's).
 */
function countOf(question: string): (text: string) => number {
  const noun = /\bhow\s+many\s+([a-z]+)/.exec(question)?.[1];
  if (!noun) return () => 1;
  const counted = stemOf(noun);
  return (text) => {
    const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    // the number, then at most two words ("310 accepted species")
    for (let i = 1; i < words.length; i++) if (stemOf(words[i]!) === counted && [1, 2, 3].some((k) => isNumber(words[i - k]))) return 1.5;
    return 1;
  };
}

/**
 * "How much was the loan?", "by how much did revenue grow?": an amount of money or a share
 * ("$56,500,000", "16%") answers it more surely than a sentence that only holds some number
 * (a year, a section's number).
 */
const SHARE = /\d\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)/i;
const muchOf = (text: string): number => (CURRENCY.test(text) || SHARE.test(text) ? 1.5 : 1);

/**
 * "Who created Python?": the sentence that names the doer after "by" ("Python was created …
 * by Guido van Rossum") answers it more surely than one that only holds some name.
 */
const AGENT = new RegExp(String.raw`\bby\s+${NAME_WORD}(?:\s+(?:${NAME_WORD}|(?:de|van|von|der|da|di|la|le)\b))*\s+\p{Lu}[\p{Ll}’'-]+`, 'u');
const byWhom = (text: string): number => (AGENT.test(text) ? 1.5 : 1);

const stemOf = (word: string) => indexTerms(word)[0] ?? word;
const isNumber = (w: string | undefined) => !!w && (/^\d[\d,.]*$/.test(w) || NUMBER_WORDS.test(w));

/**
 * A question that opens asking which named thing of a program does something: an option, a
 * flag, a function, a command, an operation, a variable ("which environment variable turns …
 * on?"). Checked before the count and the time: what follows is what the thing does.
 */
const IDENTIFIER_ASK = /^\s*(?:and\s+)?(?:which|what)\s+(?:(?:command[- ]line|environment|shell|config(?:uration)?|short|long)\s+)?(?:option|flag|switch|function|method|command|operation|variable|constant|setting|parameter|keyword)s?\s+(?!names?\b|types?\b|values?\b)/;

/** The kind of answer a question asks for, or null when its form does not say. */
export function answerType(question: string): AnswerType | null {
  const q = question.toLowerCase().replace(/[’]/g, "'");
  let kind: AnswerKind | null = null;
  // an address is asked for where "email" is the noun asked about ("her email?", "the email
  // address of …"), not where it names a topic ("which RFC does the email message policy follow?")
  if (/\be-?mail\s+address(?:es)?\b|\be-?mail\s*(?:\?|$|\s+(?:of|for|to|at|on)\b)/.test(q)) kind = 'email';
  // "when the project became X, what version number …?": the when-clause sets the scene, the question is the rest
  else if (/^\s*(?:and\s+)?(?:since\s+|until\s+|till\s+)?when\b(?![^?]*,\s*(?:what|which|who|whom|how|where|why)\b)/.test(q) || /\b(?:what|which)\s+(?:year|years|date|day|month|decade|century)\b/.test(q) || /\bhow\s+long\s+ago\b/.test(q) || /^\s*(?:what|which)\b.*\bdate\s+(?:of|on|for)\b/.test(q)) kind = 'time';
  // "which function does a substitution and tells how many it made?": the function is asked for, not the count
  else if (IDENTIFIER_ASK.test(q)) kind = 'option';
  else if (/\bhow\s+much\b.*\b(?:cost|costs|pay|paid|spend|spent|charge|charged|price|owe|owed|earn|earned|worth|money)\b|\bhow\s+much\s+(?:was|is|were|are|did|does|will|would)\s+(?:the|a|an|its|their|his|her|this|that)?\s*(?:\w+\s+)?(?:loan|fee|fees|rent|salary|wage|wages|fine|budget|debt|deposit|payment|award|damages|grant|settlement|investment|refund|bonus|mortgage|donation|funding|penalty|premium|bill|tax|price|bid|offer|purchase|sale|deal|acquisition|valuation)\b|\b(?:what|which)\s+(?:was|is|were|are)?\s*(?:the\s+)?(?:price|cost)\b/.test(q)) kind = 'money';
  // "how big a share / part / majority …" asks for a proportion, a number, not a size
  else if (/\bhow\s+(?:big|large|small|great)\s+(?:a\s+)?(?:share|part|portion|proportion|fraction|percentage|stake|majority|minority)\b/.test(q)) kind = 'quantity';
  else if (/\bhow\s+(?:long|old|far|big|large|tall|high|heavy|wide|deep)\b(?!\s+ago)|\b(?:what|which)\s+(?:is|was|are|were)?\s*(?:the|its|their|his|her)?\s*(?:height|length|width|depth|weight|age|duration|distance)\b/.test(q)) kind = 'measure';
  else if (/\bhow\s+(?:many|much|often)\b|\b(?:what|which)\s+(?:\w+\s+)?(?:number|percentage|percent|share|proportion|fraction|size|amount)\b/.test(q)) kind = 'quantity';
  else if (/\b(?:called|named|known\s+as|referred\s+to\s+as|termed)\s*\??\s*$/.test(q) || /^\s*what\s+(?:is|are|was|were)\s+.+\b(?:called|named)\b/.test(q) || /^\s*what\s+(?:is|was)\s+(?:the|a)\s+(?:term|name|word)\s+(?:for|used\s+for|given\s+to)\b/.test(q) || /^\s*(?:what|which)\s+(?:[a-z]+\s+)?(?:name|nickname|term)\s+(?:is|was|are|were|did|does|do)\b/.test(q)) kind = 'name';
  else if (/\b(?:which|what)\s+(?:(?:is|are|was|were)\s+)?(?:the\s+)?(?:[a-z-]+\s+)?(?:option|flag|switch)\b/.test(q)) kind = 'option';
  // the file is what is asked for ("which file should I look at?"), not a kind of file ("which file formats")
  else if (/\b(?:which|what)\s+(?:configuration\s+|config\s+)?(?:file|directory|folder|path)(?:\s+(?:should|do|does|did|is|are|was|were|can|could|would|will|must|holds?|contains?|has|have|stores?|keeps?|lists?|says?|shows?)\b|\s*\?|\s*$)/.test(q)) kind = 'path';
  else if (/^\s*(?:and\s+)?(?:who|whom|whose)\b|\bby\s+whom\b/.test(q)) kind = 'person';
  else if (!/^\s*where\b[^?]*,\s*(?:what|which|who|how)\b/.test(q) && /^\s*(?:and\s+)?where\b|\b(?:in|at)\s+(?:what|which)\s+(?:place|location|city|country|town|state|region)\b/.test(q)) kind = 'place';
  else if (/^\s*(?:and\s+)?why\b|\bfor\s+what\s+reason\b|\bwhat\s+(?:was|is|were|are)\s+the\s+reasons?\b/.test(q)) kind = 'reason';
  if (!kind) return null;
  const k = KINDS[kind];
  // a question may name its subject with a kind word too ("the loan amount"); only the
  // words the question uses to ask are dropped
  const strength =
    kind === 'name' ? (t: string) => (NAMING_VERB.test(t) ? 1 : 0.5)
    : kind === 'quantity' ? (/\bhow\s+much\b/.test(q) ? muchOf : countOf(q))
    : kind === 'person' && /^\s*(?:and\s+)?who\s+(?!(?:is|are|was|were)\b)\w+/.test(q) ? byWhom
    : kind === 'place' ? placeOf
    : () => 1;
  return { kind, kindWords: k.words, holds: k.holds, strength, soft: kind === 'person' || kind === 'place' || kind === 'reason' };
}
