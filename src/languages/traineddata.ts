// Is it traineddata? A static host's fallback page (200, index.html) and a damaged download
// must never reach Tesseract nor be kept as a language: the bytes are checked, not the URL.
//
// A traineddata file (tesseract's TessdataManager) starts with the number of its entries
// (int32), then each entry's offset (int64, -1 when absent); npm's are gzipped.

/** Enough of a file to judge it: its gzip stream decompresses well past the header. */
export const PREFIX_BYTES = 64 * 1024;
const MAX_ENTRIES = 64;

export type TraineddataCheck = { ok: true; gzip: boolean } | { ok: false; why: string };

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Judges a file from its first bytes (`prefix`, the whole file or at least PREFIX_BYTES
 * of it) and the Content-Type it came with. `why` finishes "…, and it was ".
 */
export async function checkTraineddata(prefix: Uint8Array, contentType = ''): Promise<TraineddataCheck> {
  if (/text\/html/i.test(contentType) || looksLikeText(prefix)) return { ok: false, why: 'a web page (HTML), not traineddata' };
  if (isGzip(prefix)) {
    let inner: Uint8Array;
    try {
      inner = await gunzipHead(prefix, 4 + 8 * MAX_ENTRIES);
    } catch {
      return { ok: false, why: 'a damaged gzip file' };
    }
    return plausibleHeader(inner) ? { ok: true, gzip: true } : { ok: false, why: 'a gzip file that holds no traineddata' };
  }
  return plausibleHeader(prefix) ? { ok: true, gzip: false } : { ok: false, why: 'not traineddata' };
}

/** An HTML page, JSON or any text: a traineddata header's first bytes are binary (24, 0, 0, 0). */
function looksLikeText(b: Uint8Array): boolean {
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && i < 64 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c /* < */ || b[i] === 0x7b /* { */;
}

/** The entry count and offsets: a sane count, every offset absent or past the header, rising. */
export function plausibleHeader(b: Uint8Array): boolean {
  if (b.length < 12) return false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (const little of [true, false]) {
    const n = view.getInt32(0, little);
    if (n < 1 || n > MAX_ENTRIES || b.length < 4 + 8 * n) continue;
    const header = 4 + 8 * n;
    let last = -1;
    let present = 0;
    let sane = true;
    for (let i = 0; i < n && sane; i++) {
      const off = view.getBigInt64(4 + 8 * i, little);
      if (off === -1n) continue;
      if (off < BigInt(header) || Number(off) <= last) sane = false;
      else {
        last = Number(off);
        present++;
      }
    }
    if (sane && present > 0) return true;
  }
  return false;
}

/** The first `n` bytes of a gzip stream (or all it has), read from a prefix of it. */
async function gunzipHead(gz: Uint8Array, n: number): Promise<Uint8Array> {
  const stream = new Blob([gz as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return await readPrefix(stream, n);
}

/** The first `n` bytes of a stream (fewer when it ends first); the rest is not read. */
export async function readPrefix(stream: ReadableStream<Uint8Array>, n: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const out = new Uint8Array(n);
  let got = 0;
  try {
    while (got < n) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        // A cut-off gzip stream errs at its end: what came before it is still good.
        if (got > 0) break;
        throw err;
      }
      if (chunk.done) break;
      const take = Math.min(chunk.value.byteLength, n - got);
      out.set(chunk.value.subarray(0, take), got);
      got += take;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  return out.subarray(0, got);
}
