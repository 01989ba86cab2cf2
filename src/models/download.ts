// Downloading a model: each file streamed from its source with the bytes counted for a
// progress bar, checked (SHA-256 with SubtleCrypto against the registry's hash, else the
// host's own hash header, else the size), and stored only when every file passed.
import { modelHost, sourceUrl, type ModelHost } from './host';
import { downloadBytes } from './registry';
import { storeModel, type InstallRecord } from './store';
import { ModelError, type DownloadProgress, type ModelEntry, type ModelFile } from '../shared/models';

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A SHA-256 the host vouches for: Hugging Face sends an LFS file's as its (linked) ETag. */
export function hostHash(headers: Headers): string | undefined {
  for (const name of ['x-linked-etag', 'etag']) {
    const v = headers.get(name)?.replace(/^W\//, '').replaceAll('"', '').trim().toLowerCase();
    if (v && /^[0-9a-f]{64}$/.test(v)) return v;
  }
  return undefined;
}

/** A file as it came: its bytes, content type and what it was checked against. */
interface Fetched {
  file: ModelFile;
  bytes: Uint8Array<ArrayBuffer>;
  type: string;
  sha256: string;
  checked: InstallRecord['files'][number]['checked'];
}

async function fetchFile(url: string, file: ModelFile, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(url, { signal, cache: 'no-store' });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ModelError('model_download_failed', `${file.path} could not be fetched from ${url} (${(err as Error).message}).`);
  }
  const type = res.headers.get('Content-Type') ?? '';
  // A static host's fallback page (200, text/html) is not a model file.
  if (!res.ok || !res.body || (type.includes('text/html') && !file.path.endsWith('.html'))) {
    throw new ModelError('model_download_failed', `${file.path} is not on the model host (${url} answered ${res.ok ? 'a web page' : `HTTP ${res.status}`}).`);
  }
  const chunks: Uint8Array[] = [];
  let got = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    got += value.byteLength;
    onBytes(value.byteLength);
  }
  const bytes = new Uint8Array(got);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const sha256 = await sha256Hex(bytes);
  const expected = file.sha256 ?? hostHash(res.headers);
  if (expected && expected !== sha256) {
    throw new ModelError('model_integrity', `${file.path} does not match its ${file.sha256 ? 'published' : 'host’s'} SHA-256 (expected ${expected.slice(0, 12)}…, got ${sha256.slice(0, 12)}…); nothing was kept.`);
  }
  // Without a hash, an exact size is the check left (rounded sizes only within 5%).
  if (!expected && file.bytes !== null) {
    const off = Math.abs(got - file.bytes);
    if (file.approx ? off > 0.05 * file.bytes : off !== 0) {
      throw new ModelError('model_integrity', `${file.path} is ${got} bytes, the registry expects ${file.approx ? 'about ' : ''}${file.bytes}; nothing was kept.`);
    }
  }
  return { file, bytes, type, sha256, checked: file.sha256 ? 'sha256' : expected ? 'host-hash' : 'size' };
}

/**
 * Downloads every file of a model, then stores them all (or none). Progress is reported
 * as bytes received of the known total; the last report has received === total.
 */
export async function installModel(
  entry: ModelEntry,
  opts: { onProgress?: (p: DownloadProgress) => void; signal?: AbortSignal; host?: ModelHost } = {},
): Promise<InstallRecord> {
  const host = opts.host ?? modelHost();
  const known = downloadBytes(entry);
  let received = 0;
  const fetched: Fetched[] = [];
  for (const file of entry.files) {
    opts.signal?.throwIfAborted();
    const url = sourceUrl(entry, file, host);
    fetched.push(
      await fetchFile(url, file, opts.signal, (n) => {
        received += n;
        opts.onProgress?.({ file: file.path, received, total: known === null ? null : Math.max(known, received) });
      }),
    );
  }
  // The real total is known now: say so, so that a bar over rounded sizes ends at 100%.
  opts.onProgress?.({ file: '', received, total: received });
  const record: InstallRecord = {
    id: entry.id,
    installedAt: new Date().toISOString(),
    from: entry.source.kind === 'app' ? 'app' : host.url,
    files: fetched.map((f) => ({ path: f.file.path, bytes: f.bytes.byteLength, sha256: f.sha256, checked: f.checked })),
  };
  await storeModel(entry, fetched, record);
  return record;
}
