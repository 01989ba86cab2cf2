// OCR's usual misreadings inside the words a receipt's header prints: "J1n" and "JIn" for
// JLN, "BIk" for BLK, "COMFANY" for COMPANY, "SDN BND" for SDN BHD. A word is put right only
// when it is one of the words receipts print in that place (a company's legal form and trade,
// the street words and states of an address) read through OCR's look-alike letters, so a word
// that is not such a word is never touched.
import { POST_TOWN_WORDS, TOWN_WORDS } from './town-words';

/** Characters OCR mistakes for one another, each mapped to one of its class. */
const LOOKALIKE: Record<string, string> = {
  I: 'I', L: 'I', '1': 'I', '|': 'I', '!': 'I',
  O: 'O', '0': 'O', Q: 'O', U: 'O',
  S: 'S', '5': 'S', $: 'S',
  B: 'B', '8': 'B',
  G: 'G', '6': 'G',
  Z: 'Z', '2': 'Z',
  T: 'T', '7': 'T',
  A: 'A', '4': 'A',
};

export const skeleton = (word: string) => [...word.toUpperCase()].map((c) => LOOKALIKE[c] ?? c).join('');

/** Legal forms and trades in company names, in the languages receipts are printed in. */
const COMPANY_WORDS = `SDN BHD BERHAD SENDIRIAN COMPANY LIMITED CORPORATION INCORPORATED ENTERPRISE ENTERPRISES
TRADING TRADERS HARDWARE RESTAURANT RESTORAN SUPERMARKET HYPERMARKET MINIMARKET MARKETING SERVICES SERVICE
STATIONERY BOOKSTORE BOOKCENTRE BOOKSHOP BAKERY BAKERIES CONFECTIONERY PHARMACY FARMASI INDUSTRIES INDUSTRY HOLDINGS
INTERNATIONAL MALAYSIA SINGAPORE RETAIL STORES SEAFOOD KEDAI PERNIAGAAN SYARIKAT GESELLSCHAFT BOULANGERIE
PHARMACIE APOTHEKE BÄCKEREI METZGEREI RISTORANTE TRATTORIA FARMACIA PANADERIA SUPERMERCADO`;

/**
 * Street words, building words, the states and large cities an address names, and the words and
 * towns of Malaysian addresses (with the old spellings still printed, TANJONG beside TANJUNG: two
 * words one look-alike apart put neither right).
 */
const ADDRESS_WORDS = `JALAN JLN SRI LORONG LRG TAMAN TMN LOT BLK BLOK BLOCK KAWASAN PERINDUSTRIAN INDUSTRIAL SEKSYEN
SECTION BANDAR BDR BATU KAMPUNG KG PERSIARAN LEBUH LEBUHRAYA PUSAT PERDAGANGAN KOMPLEKS MEDAN TINGKAT ARAS
UNIT FLOOR GROUND LEVEL SUITE STREET ROAD AVENUE BOULEVARD DRIVE LANE HIGHWAY PLAZA CENTRE CENTER BUILDING
TOWER SQUARE MALL STRASSE STRAßE PLATZ ALLEE GASSE CHAUSSEE AVENIDA CALLE PIAZZA VIALE STRAAT PLEIN
SELANGOR JOHOR KEDAH PERAK PAHANG SABAH SARAWAK MELAKA MALACCA KELANTAN TERENGGANU PENANG PINANG PULAU
PERLIS NEGERI SEMBILAN WILAYAH PERSEKUTUAN PUTRAJAYA CYBERJAYA LABUAN DARUL EHSAN TAKZIM AMAN KHUSUS
KUALA LUMPUR BAHRU SHAH ALAM PETALING JAYA SUBANG KLANG PUCHONG CHERAS KEPONG AMPANG IPOH SEREMBAN KUANTAN
KOTA KINABALU KUCHING BUTTERWORTH SELAYANG RAWANG KAJANG BANGI SERI KEMBANGAN DAMANSARA
MALAYSIA SINGAPORE
MUKIM DAERAH PEKAN DESA BUKIT SUNGAI KOTA INDAH JAYA UTAMA PERDANA PERMAI BARU BARAT TIMUR UTARA SELATAN
TENGAH SETIA MUTIARA IMPIAN PUTERI PUTRA SENTOSA DAMAI MEWAH CEMERLANG BESTARI HARMONI MURNI SAUJANA PUNCAK
TASIK TELUK TANJUNG PANTAI PADANG SIMPANG LINGKARAN LENGKOK LALUAN RAYA BESAR LAMA WISMA MENARA ANGKASA
SUBANG PUCHONG SETAPAK GOMBAK SEMENYIH BALAKONG SERDANG SUNWAY SKUDAI TEBRAU MASAI SENAI KULAI PERMAS
SEGAMBUT MELAWATI WANGSA SENTUL BANGSAR BRICKFIELDS KAPAR BANTING SEPANG NILAI TAIPING KAMPAR SETAR
PETANI TEMERLOH MIRI SIBU BINTULU SANDAKAN TAWAU MUAR PAHAT KLUANG SEGAMAT PONTIAN TINGGI PASIR GUDANG
TIRAM NUSAJAYA ISKANDAR JALIL BINTANG PUDU SALAK GEORGETOWN BAYAN LEPAS DICKSON MELAKA
TANJONG KAMPONG SUNGEI`;

interface Lexicon {
  exact: Set<string>;
  /** skeleton → word; null where two words share one */
  bySkeleton: Map<string, string | null>;
  long: string[];
  /** the words of MID letters or more (meant()'s stroke-alike test) */
  mid: string[];
}

function lexicon(words: string): Lexicon {
  const exact = new Set(words.split(/\s+/).filter(Boolean));
  const bySkeleton = new Map<string, string | null>();
  for (const w of exact) {
    const s = skeleton(w);
    bySkeleton.set(s, bySkeleton.has(s) && bySkeleton.get(s) !== w ? null : w);
  }
  return { exact, bySkeleton, long: [...exact].filter((w) => w.length >= LONG), mid: [...exact].filter((w) => w.length >= MID) };
}

/** Words this long are also put right across one letter misread as any other. */
const LONG = 7;
/** Words this long, across one letter misread as one of like strokes (STROKE_ALIKE). */
const MID = 5;
/** Letters OCR reads for one another where a stroke is lost or added: M N H, N U, N R, I T. */
const STROKE_ALIKE = new Set(['MN', 'HM', 'HN', 'NU', 'NR', 'IT']);

/** Whether two words of one length differ in one letter, a pair of STROKE_ALIKE. */
function strokeApart(a: string, b: string): boolean {
  let pair = '';
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) pair += [a[i], b[i]].sort().join('');
  return STROKE_ALIKE.has(pair);
}
const COMPANY = lexicon(COMPANY_WORDS);
const ADDRESS = lexicon(`${ADDRESS_WORDS} ${POST_TOWN_WORDS.join(' ')}`);

/** Whether a and b differ in one letter. (A letter lost or added is left: "HOLDING" is a word.) */
export function oneLetter(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** The word a token was meant to be, in the token's own case; null when it is none of them. */
function meant(token: string, lex: Lexicon): string | null {
  const upper = token.toUpperCase();
  if (lex.exact.has(upper) || (upper.match(/\p{L}/gu)?.length ?? 0) < 2) return null;
  const s = skeleton(upper);
  let word = lex.bySkeleton.get(s) ?? null;
  if (!word && upper.length >= LONG && !/\d/.test(upper)) {
    const near = lex.long.filter((w) => oneLetter(skeleton(w), s));
    word = near.length === 1 ? near[0] : null;
  }
  // a long word with a letter read into it ("PERMNIAGAAN"; not one more at its end: a plural, "RESTAURANTS")
  if (!word && upper.length > LONG && !/\d/.test(upper)) {
    const near = lex.long.filter((w) => w.length === upper.length - 1 && oneApart(upper, w) && upper.slice(0, -1) !== w);
    word = near.length === 1 ? near[0] : null;
  }
  // a shorter word with a stroke read into it as a letter I or l, inside it ("JALAIN")
  if (!word && upper.length > MID && !/\d/.test(upper)) {
    const near = lex.mid.filter((w) => w.length === upper.length - 1 && strokeInside(upper, w));
    word = near.length === 1 ? near[0] : null;
  }
  // a shorter word, one letter read as one whose strokes it shares ("TAHAN", "TANAN", "JALAU")
  if (!word && upper.length >= MID && !/\d/.test(upper)) {
    const near = lex.mid.filter((w) => w.length === upper.length && strokeApart(upper, w));
    word = near.length === 1 ? near[0] : null;
  }
  return word ? inCaseOf(token, word) : null;
}

/** Whether `grown` is `word` with one I or L read into it, neither first nor last. */
function strokeInside(grown: string, word: string): boolean {
  for (let i = 1; i < grown.length - 1; i++) if ((grown[i] === 'I' || grown[i] === 'L') && grown.slice(0, i) + grown.slice(i + 1) === word) return true;
  return false;
}

/** `word` (upper case) in the case `token` was read in: upper, lower, or capitalised. */
export function inCaseOf(token: string, word: string): string {
  if (token === token.toUpperCase()) return word;
  if (token === token.toLowerCase()) return word.toLowerCase();
  return word[0] + word.slice(1).toLowerCase();
}

/** Tokens: letters with the digits and marks OCR puts in their place. */
const TOKEN = /[\p{L}0-9$|!]+/gu;

function repairWords(text: string, lex: Lexicon): string {
  return joinAlike(joinSplit(text, lex), lex).replace(TOKEN, (t) => meant(t, lex) ?? t);
}

/**
 * A word of the vocabulary split in two where a letter was read as a digit alike beside the gap
 * ("SECT 1ON"): two tokens, neither a word of the vocabulary, one with a digit or a mark, that
 * together read through the look-alikes as one word of five letters or more.
 */
/**
 * Two neighbouring words, one space between them, made one where `join` gives the word they were
 * meant to be (else null); a word joined is not joined again to the next.
 */
function joinPairs(text: string, words: { at: number; text: string }[], join: (a: string, b: string) => string | null): string {
  let out = '';
  let from = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (b.at !== a.at + a.text.length + 1 || text[a.at + a.text.length] !== ' ') continue;
    const word = join(a.text, b.text);
    if (word === null) continue;
    out += text.slice(from, a.at) + word;
    from = b.at + b.text.length;
    i++;
  }
  return out + text.slice(from);
}

function joinAlike(text: string, lex: Lexicon): string {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ at: m.index!, text: m[0] }));
  return joinPairs(text, tokens, (a, b) => {
    const joined = (a + b).toUpperCase();
    if (!/\p{L}/u.test(a) || !/\p{L}/u.test(b) || !/[^\p{L}]/u.test(a + b) || joined.length < MID || lex.exact.has(a.toUpperCase()) || lex.exact.has(b.toUpperCase())) return null;
    const word = lex.bySkeleton.get(skeleton(joined));
    return word ? inCaseOf(a + b, word) : null;
  });
}

/**
 * A word of the vocabulary that OCR split in two at a gap between its letters ("BAKE RIES"):
 * two words of letters, neither of them a word of the vocabulary, whose letters together are one.
 */
/** Words of letters only, by their least length, made once each. */
const WORDS_OF = new Map<number, RegExp>();

/** The text's words of letters only (`min` letters or more), with where each starts. */
function wordsAt(text: string, min: number): { at: number; text: string }[] {
  let re = WORDS_OF.get(min);
  if (!re) WORDS_OF.set(min, (re = new RegExp(`(?<![\\p{L}\\p{N}])\\p{L}{${min},}(?![\\p{L}\\p{N}])`, 'gu')));
  return [...text.matchAll(re)].map((m) => ({ at: m.index!, text: m[0] }));
}

function joinSplit(text: string, lex: Lexicon): string {
  return joinPairs(text, wordsAt(text, 2), (a, b) =>
    lex.exact.has((a + b).toUpperCase()) && !lex.exact.has(a.toUpperCase()) && !lex.exact.has(b.toUpperCase()) ? a + b : null,
  );
}

/** Whether a word (case folded) is one the names or addresses of receipts print: a legal form, a trade, a street word, a state, a city or a post town's. */
export function headerWord(word: string): boolean {
  const up = word.toUpperCase();
  return COMPANY.exact.has(up) || ADDRESS.exact.has(up) || TOWN_WORDS.has(up);
}

/** A word ending in a stop this short, or one of these, is apt to be an abbreviation ("CO.", "SDN.", "CORP."). */
const SHORT_WORD = 3;
const ABBREVIATIONS = new Set(['CORP', 'DEPT', 'BLVD', 'INTL', 'ASSN', 'ASSOC', 'BROS', 'LTDA', 'INDUS', 'MGMT', 'SVCS', 'TRDG', 'ENTP']);

/** Whether a word before a stop may be an abbreviation: short, one of ABBREVIATIONS, or with no vowel ("MKTG"). */
export function abbreviation(word: string): boolean {
  const up = word.toUpperCase();
  return up.length <= SHORT_WORD || ABBREVIATIONS.has(up) || !/[AEIOUY]/.test(up);
}

/**
 * A stop inside a name, between a whole word and the next, where names print none: after a word
 * that is no abbreviation ("POPULAR BOOK. CO.", "10 GRAM. GOURMET"), or alone after such a word
 * ("MARCO POLO . KITCH"; "SDN . BHD" may be the abbreviation's own, misspaced). OCR reads a wide gap or a speck there as a stop; a name's own stops
 * end its abbreviations and initials ("SDN. BHD.", "Y. SOON", "CO.") or join its parts with no
 * space ("SUPER.SEVEN", "ECOSWAY.COM"). One before a bracket or at the line's end stands.
 */
export function strayNameStops(text: string): string {
  return text
    .replace(/(?<![\p{L}\p{N}.])(\p{L}{4,})\.(?=\s+[\p{L}\p{N}])/gu, (m, word: string) => (abbreviation(word) ? m : word))
    .replace(/(?<![\p{L}\p{N}.])(\p{L}+)\s+\.\s+(?=[\p{L}\p{N}])/gu, (m, word: string) => (abbreviation(word) ? m : `${word} `));
}

/** A company line with its legal form and trade words put right ("SDN BND" → "SDN BHD"), and its stray stops dropped. */
export function repairCompany(text: string): string {
  const words = repairWords(strayNameStops(text), COMPANY)
    // (a stroke read as a letter inside it too: "SDN BHID")
    .replace(/\b(SDN\.?\s*)[BR8][HN]I?[DO0]\b/gi, (_m, sdn: string) => sdn + (sdn.startsWith('SDN') ? 'BHD' : 'Bhd'))
    // Sendirian before Berhad, OCR-spelt: "SIN BHD", "SIDN BHD", "5DN BHD", "SON BHD", "Scn Bhd"
    .replace(/\b[S5][DIilO1CcoUu]{1,2}[NMn](\.?\s*)(BHD|Bhd)\b/g, (_m, gap: string, bhd: string) => (bhd === 'BHD' ? 'SDN' : 'Sdn') + gap + bhd)
    // Berhad's B and D both misread, its H read, ending the line after SDN: "SDN HHU", "SDN EHU"
    .replace(/\b(SDN\.?\s*)[A-Z0-9]H[A-Z0-9]$/, '$1BHD')
    // both words misread, Berhad's B read 3 ("SEN 3HD", "SUN BHO"): the name's last two words
    .replace(/\b[S5][DEIlO1CcoUu]{1,2}[NMn](\.?\s*)[3B8R][HN][DO0]$/, (m, gap: string) => (m === m.toUpperCase() ? 'SDN' : 'Sdn') + gap + (m === m.toUpperCase() ? 'BHD' : 'Bhd'))
    // Sendirian Berhad shortened, its S read 5 (or twice: "S5/B") or its B read 8: "5/B"; or its B read D or 0
    // where it ends the name (before the registration number): "S/D (519537-X)"
    .replace(/(?<![\p{L}\p{N}])[S5§]{1,2}\/[B8](?![\p{L}\p{N}])/gu, 'S/B')
    // an ampersand read as a section sign between the name's words: "CASH § CARRY"
    .replace(/(?<=\p{L})\s§\s(?=\p{L})/gu, ' & ')
    // initials with a digit read for a letter alike: "D.1.Y." is D.I.Y.
    .replace(/\b(?:[\p{Lu}\d]\.){2,}/gu, (t) => ((t.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && /\d/.test(t) ? t.replace(/1/g, 'I').replace(/0/g, 'O').replace(/5/g, 'S').replace(/8/g, 'B') : t))
    .replace(/\b[S5]\/[D0O](?=\s*(?:\(|$))/gu, 'S/B')
    // a scan's mark standing alone between the name's words: "SDN < BHD"; an underscore for a space
    .replace(/(?<=\p{L}\.?)\s+[<>|~^_=*«»]\s+(?=\p{L})/gu, ' ')
    .replace(UNDERSCORE_SPACE, ' ');
  return brackets(words);
}

/**
 * A name's bracketed part (a branch: "(KL)", "(SETIA ALAM)") whose one bracket OCR read as a
 * letter: "(KL y SDN BHD" → "(KL) SDN BHD", "ISETIA ALAM) SDN BHD" → "(SETIA ALAM) SDN BHD".
 * Only with exactly one bracket on the line, and a letter where the other belongs.
 */
function brackets(line: string): string {
  // a registration number after the name has brackets of its own: "(139386 X)"
  const reg = /\s*\(\s*\d{4,}[^()]*\)\s*$/.exec(line);
  if (reg) return brackets(line.slice(0, reg.index)) + reg[0];
  const open = (line.match(/\(/g) ?? []).length;
  const close = (line.match(/\)/g) ?? []).length;
  if (open === 1 && close === 0) return line.replace(/(\([^()]*?\S)\s?[yYJ1lI|\]](?=\s+(?:SDN|BHD|Sdn|Bhd|LTD|Ltd|INC|Inc)\b|\s*$)/, '$1)');
  if (close === 1 && open === 0) return line.replace(/(^|\s)[I|lJ1[]([A-Z][^()]*\))/, '$1($2');
  return line;
}

/** Places and titles of two words that addresses print ("SHAH ALAM", "DARUL EHSAN"). */
const PLACE_PAIRS = `KUALA LUMPUR|JOHOR BAHRU|SHAH ALAM|PETALING JAYA|KOTA KINABALU|KOTA BHARU|SERI KEMBANGAN|NEGERI SEMBILAN
|WILAYAH PERSEKUTUAN|PULAU PINANG|DARUL EHSAN|DARUL TAKZIM|DARUL AMAN|DARUL KHUSUS|DARUL MAKMUR|DARUL RIDZUAN`
  .split('|')
  .map((p) => p.trim().split(' ') as [string, string]);

/**
 * A word of a two-word place one letter off (or one letter more), beside the place's other word
 * read whole: "SHAH ALAN" is SHAH ALAM (a dot-matrix M read N), "KUALA LUMPLUR" KUALA LUMPUR. A short word alone one letter off is too often
 * another word to put right (meant() leaves words under seven letters); beside its pair it is
 * not. Only where exactly one place fits.
 */
function placePairs(text: string): string {
  const words = wordsAt(text, 1);
  const put = new Map<number, string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!/^\s+$/.test(text.slice(a.at + a.text.length, b.at))) continue;
    const A = a.text.toUpperCase();
    const B = b.text.toUpperCase();
    // (or with a letter read into it: "KUALA LUMPLUR")
    // (or one of five letters or more with a letter lost: "DARU EHSAN")
    const off = (w: string, place: string) => oneLetter(w, place) || (w.length === place.length + 1 && oneApart(w, place)) || (place.length >= MID && w.length === place.length - 1 && oneApart(w, place));
    const fits = PLACE_PAIRS.filter(([x, y]) => (x === A && off(B, y)) || (y === B && off(A, x)));
    if (fits.length !== 1) continue;
    const [x, y] = fits[0]!;
    if (x === A) put.set(b.at, inCaseOf(b.text, y));
    else put.set(a.at, inCaseOf(a.text, x));
  }
  let out = '';
  let from = 0;
  for (const w of words) {
    const word = put.get(w.at);
    if (word === undefined) continue;
    out += text.slice(from, w.at) + word;
    from = w.at + w.text.length;
  }
  return out + text.slice(from);
}

/** An address line with its street words, states and cities put right ("J1n" → "Jln"). */
export function repairAddress(text: string): string {
  // "NO 290. JALAN", "BATU 5. 51200": a period between a number and the next part of an address (or its postcode) is its comma
  return placePairs(repairWords(wordSpecks(text), ADDRESS))
    .replace(/\b(\d+)\.(?=\s+(?:\p{L}{2}|\d{5}\b))/gu, '$1,')
    // "No.l," / "NO. I,": the house number 1 read as a letter alike, before its comma
    .replace(/\b(NO\s?\.?\s?)[lI|](?=,)/gi, '$11');
}

/**
 * Specks the scan read inside an address's words: a period or comma inside a street word or place
 * ("JA.LAN", "KAWAS,AN": only where the letters without it are such a word), a letter read as a
 * mark inside such a word of seven letters or more ("SE-ANGOR") or as a space (gapLetters), an
 * underscore for the space between two words ("DESA_TEBRAU").
 */
function wordSpecks(text: string): string {
  return gapLetters(
    text
      .replace(/(?<![\p{L}\p{N}.])(\p{L}{1,5})[.,](\p{L}{1,8})(?![\p{L}\p{N}.])/gu, (m, a: string, b: string) => (ADDRESS.exact.has((a + b).toUpperCase()) ? a + b : m))
      // a letter read as a mark inside a long street word or place ("SE-ANGOR" is SELANGOR, "PERINDUS:RIAN")
      .replace(/(?<![\p{L}\p{N}])(\p{L}{2,})[-_:|](\p{L}{2,})(?![\p{L}\p{N}])/gu, (m, a: string, b: string) => {
        const fits = ADDRESS.long.filter((w) => w.length === a.length + b.length + 1 && w.startsWith(a.toUpperCase()) && w.endsWith(b.toUpperCase()));
        return fits.length === 1 ? inCaseOf(a + b, fits[0]!) : m;
      })
      .replace(UNDERSCORE_SPACE, ' '),
  );
}

/**
 * A letter read as a space inside a long street word or place ("PERIN USTRIAN", "K MBANGAN"): two
 * words, neither a word of the vocabulary, that are the start and the end of exactly one such word
 * of seven letters or more with one letter between them.
 */
function gapLetters(text: string): string {
  return joinPairs(text, wordsAt(text, 1), (a, b) => {
    const A = a.toUpperCase();
    const B = b.toUpperCase();
    if (B.length < 2 || ADDRESS.exact.has(A) || ADDRESS.exact.has(B)) return null;
    const fits = ADDRESS.long.filter((w) => w.length === A.length + B.length + 1 && w.startsWith(A) && w.endsWith(B));
    return fits.length === 1 ? inCaseOf(a + b, fits[0]!) : null;
  });
}

/** An underscore the scan read for the space between two words ("DESA_TEBRAU", "SINAR_JAYA"). */
const UNDERSCORE_SPACE = /(?<=\p{L})_+(?=\p{L})/gu;

/**
 * An address's lines joined as printed: each line's own marks, a space between lines. (A comma
 * is not added to a line ending in a word where another line ends with one: real receipts print
 * "TAMAN BERKELEY" / "41150 KLANG," so, and a comma OCR lost is found again where PP-OCR's
 * reading of the line has it: host/unsure-fields.ts.)
 */
export function joinAddressLines(lines: string[]): string {
  const joined = lines.map((l) => l.trim()).filter(Boolean).join(' ');
  return commasOf(postcodeDigits(houseNumber(scanMarks(postcodeSplit(joined)))));
}

/**
 * What the scan did to an address's letters and marks: a speck or a sign read before it ("© Lot
 * 3", "™No.49"), LOT with digits for its letters ("10T 1851-A", "Loi 3"), a bracket glued before a
 * word that none closes, dots alone between words ("KELANA JAYA .. LOT"), one alone after a number
 * ("NO. 1 . JALAN": its mark), a comma read twice, a period for the space between
 * the postcode and its town ("81750.JOHOR"), a small l for an I in a word of capitals ("SKUDAl").
 */
export function scanMarks(address: string): string {
  return address
    .replace(/^[^\p{L}\p{N}#]+(?=[\p{L}\p{N}])/u, '')
    .replace(/^[1lI|][0O]T(?=\s+\d)/, 'LOT')
    // LOT's T read i or l before its number: "Loi 3"; its letters read apart ("L ot 3", "L oi 3"), a
    // speck of a small letter before them ("c L ot 3")
    .replace(/^(?:\p{Ll}\s+)?L\s?([oO0])[iIl1tT](?=\s+\d)/u, (_m, o: string) => (o === 'o' ? 'Lot' : 'LOT'))
    // a bracket glued before a word with no bracket to close it ("KUALA [LUMPUR"), dots standing alone between words
    .replace(/(?<=\s)[[{](?=\p{L}[^\]}]*$)/u, '')
    .replace(/\s\.{2,}(?=\s)/g, '')
    // one stop alone after a number, before the next part: the number's mark ("NO. 1 . JALAN"),
    // and a comma read twice ("47810,, PETALING")
    .replace(/(?<=\d) \.(?=\s)/g, '.')
    .replace(/,(?:\s*,)+/g, ',')
    // a space read before a comma ("TAMPOI , 81200")
    .replace(/(?<=[\p{L}\p{N})]) +,/gu, ',')
    // a quote glued to a word where the address holds no other ("Taman Desa "Tebrau", "LOT" 1504")
    .replace(/(?<=^|\s)["“”](?=\p{L})|(?<=\p{L})["“”](?=\s)/gu, (q, at: number, all: string) => ((all.match(/["“”]/g) ?? []).length === 1 ? '' : q))
    // a period ending a line before the next part of the address, read joined: "1/7. BANDAR", "2/16. 40000"
    .replace(/(?<=\d)\.(?=\s+(?:\p{L}{2}|\d{5}\b))/gu, ',')
    // with no space after it: a house number's before its street ("69.JALAN"), a milestone's before
    // the postcode ("BATU 5.51200"); no SROIE key of 626 prints either, 187 print the house number's comma
    .replace(/(?<![\d.])(\d{1,4}[A-Z]?)\.(?=(?:JALAN|JLN|LORONG|LRG|PERSIARAN|LEBUH)\b)/giu, '$1,')
    .replace(/(?<![\d.])(\d{1,3})\.(\d{5})(?=\s+\p{L})/gu, '$1, $2')
    // a degree sign the scan read for the space before a number ("Level°6")
    .replace(/(?<=\p{L})°(?=\d)/gu, ' ')
    // a web address read onto its end
    .replace(/\s+(?:h\w{2,3}ps?:\/*|www\.)\S*(?:\s+\S+)*$/i, '')
    .replace(/\b(\d{5})\.(?=\p{Lu}{2})/gu, '$1 ')
    // a 1 read as i, l or a bar inside a number ("7/i18B", "1l8")
    .replace(/(?<=[\d/])[iIl|](?=\d)|(?<=\d)[il|](?=\d)/g, '1')
    .replace(/\b(\p{Lu}{2,})l(\p{Lu}*)\b/gu, '$1I$2')
    .replace(SPECKS_AFTER_STATE, '$1')
    // a comma read inside a place of two words ("DARUL, EHSAN"): a place's words are printed together
    .replace(PLACE_PAIR_COMMA, '$1 $2')
    // a stop glued between a town and its state: the comma between them ("PETALING JAYA.SELANGOR")
    .replace(STOP_BEFORE_STATE, ',');
}

/** A stop between a word of three letters or more and a state's name, no space about it. */
const STOP_BEFORE_STATE = /(?<=\p{L}{3})\.(?=(?:SELANGOR|JOHOR|KEDAH|PERAK|PAHANG|SABAH|SARAWAK|MELAKA|KELANTAN|TERENGGANU|PERLIS|PULAU PINANG|NEGERI SEMBILAN|WILAYAH PERSEKUTUAN)\b)/giu;

/** A place of two words (PLACE_PAIRS) with a comma between them. */
const PLACE_PAIR_COMMA = new RegExp(String.raw`\b(${PLACE_PAIRS.map(([x]) => x).join('|')})\s*,\s*(${PLACE_PAIRS.map(([, y]) => y).join('|')})\b`, 'gi');

/**
 * Specks read after the state or country that ends an address, on its line: two or more short
 * scraps, no digit among them ("Kelantan PE eee EE TR ROLE RE URE", "Darul Ehsan, ht |"). Not a
 * state's own letters ("SELANGOR D E") nor a word of five letters or more ("JOHOR BAHRU").
 */
const SPECKS_AFTER_STATE = /(\b(?:SELANGOR|JOHOR|KEDAH|PERAK|PAHANG|SABAH|SARAWAK|MELAKA|MALACCA|KELANTAN|TERENGGANU|PENANG|PINANG|PERLIS|SEMBILAN|EHSAN|TAKZIM|LUMPUR|MALAYSIA|SINGAPORE|PUTRAJAYA|LABUAN)\b\.?)(?![,\s]+D\.?\s?E\b)(?:[,\s]+[^\s\d,]{1,4}){2,}$/i;

/**
 * "No." before the house number, as OCR misreads it at an address's start: "ND.54", "N0 7", "Nc 8",
 * a stroke of the edge read before it ("INO 290"), "No, 9-G". Only where a number follows.
 */
function houseNumber(address: string): string {
  return (
    address
      .replace(/^[|Il1!]?\s?(N)([O0oDQUc])(?=[.:,]?\s?\d)/, (_m, n: string, o: string) => n + (o === 'o' || o === 'c' ? 'o' : 'O'))
      // its stop read as a comma ("No, 9-G"): of SROIE's 626 keys, 166 print "NO." before the number, 2 "NO,"
      .replace(/^(No|NO),(?=\s?\d)/, '$1.')
  );
}

/**
 * A five-figure postcode split by a space or a colon the scan read between its digits ("401 50
 * Shah Alam", "40:300 Shah Alam"), before a place (not a street: "LOT 12 345 JALAN"), in an
 * address that has no other postcode.
 */
function postcodeSplit(address: string): string {
  if (HAS_POSTCODE.test(address)) return address;
  return address.replace(/(^|[\s,.])(\d{2,3})[:\s](\d{2,3})(?=\s+(\p{L}+))/gu, (m, before: string, a: string, b: string, next: string) =>
    (a + b).length === 5 && !STREET_START.test(next) ? before + a + b : m,
  );
}

/** An address with a postcode read whole: five digits before a place. */
const HAS_POSTCODE = /(?:^|[\s,])\d{5}(?=[\s,]+\p{L})/u;

/** Letters OCR reads for a digit, in a number that can hold no letter. */
const DIGIT_OF: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', S: '5', s: '5' };
/** Words that start a street or a lot, which a number before them is the house's, not a postcode. */
const STREET_START = /^(?:JALAN|JLN|LORONG|LRG|LOT|NO|TAMAN|TMN|PERSIARAN|LEBUH|BLOK|BLK|BLOCK|UNIT|LEVEL|FLOOR|ROAD|STREET|AVENUE)$/i;

/**
 * A five-figure postcode with one or two digits read as their look-alike letters ("4D170 SHAH
 * ALAM", "5I200 KUALA LUMPUR", "401so Shah Alam"), before its town, in an address that has no
 * other postcode. A
 * house number with a letter ("1234B") is not one: only the look-alikes of 0, 1 and 5 are read back.
 */
function postcodeDigits(address: string): string {
  if (HAS_POSTCODE.test(address)) return address;
  return address.replace(/(^|[\s,])([0-9ODQIl|Sos]{5})(?=\s+\p{Lu})/gu, (m, before: string, code: string) => {
    const digits = (code.match(/\d/g) ?? []).length;
    return digits >= 3 && digits < 5 ? before + [...code].map((c) => DIGIT_OF[c] ?? c).join('') : m;
  });
}

/** Short forms an address writes with a period: they keep it. */
const ABBREVIATED = new Set(['AVE', 'BLVD', 'APT', 'BLDG', 'DEPT', 'ESTD', 'HWAY', 'PLAZ', 'STR', 'ZONE']);

/**
 * An address that separates its parts with commas prints none of them as a period: after a
 * whole word (a vowel in it, four letters or more, not a short form) and before the next part,
 * a period is its comma, whose tail OCR lost on a faint print ("JALAN AIR PANAS. SETAPAK").
 * Abbreviations ("JLN.", "KG.BATU", "NO.") and an address with no comma are left as they are.
 */
function commasOf(address: string): string {
  if (!address.includes(',')) return address;
  return (
    address
      .replace(/(\p{L}{4,})\.(?=\s+[\p{L}\d]|\d{5}\b)/gu, (m, word: string) => (/[AEIOUY]/i.test(word) && !ABBREVIATED.has(word.toUpperCase()) ? `${word},` : m))
      // a number's period before the next part, no space between ("NO 4.JALAN"); a unit's code
      // ending in a letter, then a space ("L1-044B. VIVACITY")
      .replace(/(?<=(?:^|\s)\S*\d)\.(?=\p{L}{3,})/gu, ',')
      .replace(/(?<=(?:^|\s)(?=\S*\d)[\p{L}\d-]*\p{L})\.(?=\s+\p{L}{3,})/gu, ',')
      // a colon after a town, before the state ("KUCHING: SARAWAK"): a label's colon follows a short word ("NO: G3")
      .replace(/(?<=\p{L}{4,}):(?=\s+\p{L}{3,})/gu, ',')
  );
}

/** A word of letters this long or longer is one the page may print twice alike. */
const SAME_WORD = 5;

/** The words of letters (five or more) the lines print, upper-cased, and how many times each. */
export function printedWords(lines: readonly { text: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) for (const w of l.text.match(/\p{L}+/gu) ?? []) if (w.length >= SAME_WORD) counts.set(w.toUpperCase(), (counts.get(w.toUpperCase()) ?? 0) + 1);
  return counts;
}

/** Whether two words are one letter apart: one changed, added or left out. */
export function oneApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A word the page prints once, one letter apart from a word it prints twice or more, is that
 * word misread ("JALAN PUTERT 1/1, BDR PUTERI" on a receipt of "GIANT BANDAR PUTERI"): a
 * receipt's header repeats its place names (the mall, the road, the district). A word of six
 * letters or more that is a word the page prints once more with one letter read into it, inside
 * the word, is that word too. Only where one such word is the page's; its case as the word was read.
 */
export function sameAsPrinted(counts: ReadonlyMap<string, number>): (text: string) => string {
  return (text) =>
    text.replace(/\p{L}+/gu, (w) => {
      const up = w.toUpperCase();
      if (w.length < SAME_WORD || (counts.get(up) ?? 0) > 1) return w;
      const like = [...counts].filter(([c, n]) => n >= 2 && oneApart(up, c));
      // a word the page prints, with a letter read into it inside ("PERRMAS", "PERMIAS" beside "JALAN PERMAS"; not a plural's S)
      const grown = like.length ? [] : [...counts].filter(([c]) => up.length === c.length + 1 && up.length > SAME_WORD && up.slice(0, -1) !== c && up.slice(1) !== c && oneApart(up, c));
      const found = like.length ? like : grown;
      if (found.length !== 1) return w;
      const word = found[0]![0];
      return inCaseOf(w, word);
    });
}
