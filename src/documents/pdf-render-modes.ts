// Whether a PDF may draw text invisibly (render mode 3 or 7), told from its bytes.
// pdf.js exposes render modes only in a page's operator list, which costs it as much
// as reading the text layer; a born-digital file whose streams never set such a mode
// needs no operator list at all. Any doubt (encryption, a filter not read here, a
// damaged stream) answers true, and the pages are checked one by one as before.
// Streams are inflated by the browser's own zlib (DecompressionStream): several times
// quicker than inflating in JavaScript, and the scan must cost less than what it saves.

/** Bigger files are not scanned: the per-page check is the cheaper doubt. */
const MAX_SCAN_BYTES = 64 * 1024 * 1024;
/** How far before `stream` its dictionary may start. */
const MAX_DICT_BYTES = 16 * 1024;

const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF']);
const FLATE = new Set(['FlateDecode', 'Fl']);
export async function mayDrawInvisibleText(bytes: Uint8Array): Promise<boolean> {
  if (bytes.length > MAX_SCAN_BYTES) return true;
  // Encrypted streams cannot be read here.
  if (indexOf(bytes, '/Encrypt', 0) >= 0) return true;
  let pos = 0;
  for (;;) {
    const at = indexOf(bytes, 'stream', pos);
    if (at < 0) return false;
    pos = at + 6;
    if (at >= 3 && latin1(bytes, at - 3, at) === 'end') continue;
    const eol = bytes[at + 6] === 0x0d ? (bytes[at + 7] === 0x0a ? 2 : 1) : bytes[at + 6] === 0x0a ? 1 : 0;
    if (eol === 0) continue; // part of a word, not the keyword
    const dict = dictionaryBefore(bytes, at);
    if (dict === null) return true;
    const start = at + 6 + eol;
    const end = dataEnd(bytes, dict, start);
    if (end < 0) return true;
    pos = end;
    const verdict = await streamMayHide(dict, bytes.subarray(start, end));
    if (verdict !== false) return true;
  }
}

/** false: the stream sets no hiding mode, or cannot (an image, a font, a cross-reference). */
async function streamMayHide(dict: string, data: Uint8Array): Promise<boolean | 'unknown'> {
  if (/\/Subtype\s*\/Image\b/.test(dict) || /\/Length[123]\b/.test(dict) || /\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType)\b/.test(dict)) return false;
  if (/\/Type\s*\/(XRef|ObjStm|Metadata)\b/.test(dict)) return false;
  const filters = filtersOf(dict);
  if (filters.length && IMAGE_FILTERS.has(filters[0]!)) return false;
  if (filters.some((f) => !FLATE.has(f)) || /\/(DecodeParms|DP)\b/.test(dict)) return 'unknown';
  let content = data;
  try {
    for (let i = 0; i < filters.length; i++) content = await inflate(content);
  } catch {
    return 'unknown';
  }
  return setsHidingMode(content);
}

/** Flate data as PDFs carry it: zlib-wrapped, or now and then raw deflate. */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const zlib = data.length >= 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0;
  const inflater = new DecompressionStream(zlib ? 'deflate' : 'deflate-raw');
  const writer = inflater.writable.getWriter();
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  return new Uint8Array(await new Response(inflater.readable).arrayBuffer());
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
/** Not whitespace and not a delimiter: the byte continues a token. */
const isRegular = (b: number | undefined) => b !== undefined && !isSpace(b) && !'()<>[]{}/%'.includes(String.fromCharCode(b));
const isNumeric = (b: number | undefined) => b !== undefined && ((b >= 0x30 && b <= 0x39) || b === 0x2e || b === 0x2b || b === 0x2d);

/** Whether a content stream sets `3 Tr` (invisible) or `7 Tr` (clip only); `3.0 Tr` and `3Tr` too. */
function setsHidingMode(data: Uint8Array): boolean {
  for (let i = data.indexOf(0x54); i >= 0; i = data.indexOf(0x54, i + 1)) {
    if (data[i + 1] !== 0x72 || isRegular(data[i + 2])) continue;
    let k = i - 1;
    while (k >= 0 && isSpace(data[k])) k--;
    let j = k;
    while (j >= 0 && isNumeric(data[j])) j--;
    if (j === k) continue;
    const mode = Number(latin1(data, j + 1, k + 1));
    if (mode === 3 || mode === 7) return true;
  }
  return false;
}

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([^\s/[\]<>()]+)/g)].map((x) => x[1]!);
}

/** The text from the object's `obj` keyword to `stream`, or null when it cannot be found. */
function dictionaryBefore(bytes: Uint8Array, at: number): string | null {
  for (const span of [1024, MAX_DICT_BYTES]) {
    const head = latin1(bytes, Math.max(0, at - span), at);
    // `12 0 obj`, not a name that happens to hold the letters.
    const obj = [...head.matchAll(/\d\s+obj(?![A-Za-z])/g)].pop();
    if (obj) return head.lastIndexOf('>>') > obj.index ? head.slice(obj.index + obj[0].length) : null;
    if (span >= at) break;
  }
  return null;
}

/** Where the stream's data ends: by a direct /Length when `endstream` follows it, else at `endstream`. */
function dataEnd(bytes: Uint8Array, dict: string, start: number): number {
  const m = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (m) {
    const end = start + Number(m[1]);
    let k = end;
    while (k < bytes.length && k < end + 4 && (bytes[k] === 0x0d || bytes[k] === 0x0a || bytes[k] === 0x20)) k++;
    if (latin1(bytes, k, k + 9) === 'endstream') return end;
  }
  const found = indexOf(bytes, 'endstream', start);
  if (found < 0) return -1;
  // The end-of-line before `endstream` is not data.
  let end = found;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] === 0x0d) end--;
  return end;
}

function indexOf(bytes: Uint8Array, word: string, from: number): number {
  const first = word.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0 && i + word.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < word.length && bytes[i + k] === word.charCodeAt(k)) k++;
    if (k === word.length) return i;
  }
  return -1;
}

/** One character a byte (windows-1252, as the Encoding Standard reads 'latin1': only 0x80–0x9F differ, and only ASCII is looked for). */
const bytesAsText = new TextDecoder('latin1');

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return bytesAsText.decode(bytes.subarray(Math.max(0, from), Math.min(bytes.length, to)));
}
