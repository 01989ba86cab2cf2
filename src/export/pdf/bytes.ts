// Bytes in and out of zlib, with the platform's own streams (browsers, workers and Node 20 have them).
export type Bytes = Uint8Array<ArrayBuffer>;

async function through(bytes: Bytes, stream: CompressionStream | DecompressionStream): Promise<Bytes> {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Bytes[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : concat(chunks);
}

/** zlib (RFC 1950) compression, as PDF's FlateDecode reads it. */
export function deflate(bytes: Bytes): Promise<Bytes> {
  return through(bytes, new CompressionStream('deflate'));
}

export function inflate(bytes: Bytes): Promise<Bytes> {
  return through(bytes, new DecompressionStream('deflate'));
}

const encoder = new TextEncoder();

/** PDF syntax is ASCII; callers hex-encode anything else. */
export function ascii(text: string): Bytes {
  return encoder.encode(text);
}

export function concat(parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function hex(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i]!.toString(16).padStart(2, '0');
  return s;
}
