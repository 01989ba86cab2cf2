// Models on this device, in Cache Storage. The app's own files are kept under their URLs
// in the engines cache (where the service worker serves them from offline); a host's files
// under `<base>model-files/<repo>/<revision>/<path>` in the models cache, whatever host they
// came from, so that changing hosts keeps what is installed and transformers.js can read
// them with the host set to `<base>model-files/` (it never fetches them itself).
import { ENGINE_CACHE, MODEL_CACHE } from '../shared/caches';
import { appBase, sourceUrl } from './host';
import type { ModelEntry, ModelFile, ModelStatus } from '../shared/models';
import { downloadBytes } from './registry';

/** What was checked when a model was installed, kept beside its files. */
export interface InstallRecord {
  id: string;
  installedAt: string;
  from: string;
  files: { path: string; bytes: number; sha256: string; checked: 'sha256' | 'host-hash' | 'size' }[];
}

export const MODEL_FILES_DIR = 'model-files/';

export function cacheNameFor(entry: ModelEntry): string {
  return entry.source.kind === 'app' ? ENGINE_CACHE : MODEL_CACHE;
}

/** The Cache Storage key of a file (a URL on the app's origin). */
export function storeKey(entry: ModelEntry, file: ModelFile, base = appBase()): string {
  if (entry.source.kind === 'app') return sourceUrl(entry, file, undefined, base);
  return new URL(`${MODEL_FILES_DIR}${entry.source.repo}/${encodeURIComponent(entry.source.revision)}/${file.path}`, base).href;
}

const recordKey = (entry: ModelEntry, base = appBase()) => new URL(`${MODEL_FILES_DIR}.installed/${encodeURIComponent(entry.id)}.json`, base).href;

const hasCaches = () => typeof caches !== 'undefined';

export async function readRecord(entry: ModelEntry): Promise<InstallRecord | undefined> {
  if (!hasCaches()) return undefined;
  const res = await (await caches.open(MODEL_CACHE)).match(recordKey(entry));
  return res ? ((await res.json()) as InstallRecord) : undefined;
}

/** Stores checked files and their record. All or nothing: a file that fails to store undoes the rest. */
export async function storeModel(entry: ModelEntry, files: { file: ModelFile; bytes: Uint8Array<ArrayBuffer>; type: string }[], record: InstallRecord): Promise<void> {
  const cache = await caches.open(cacheNameFor(entry));
  try {
    for (const { file, bytes, type } of files) {
      const headers = { 'Content-Type': type || 'application/octet-stream', 'Content-Length': String(bytes.byteLength) };
      await cache.put(storeKey(entry, file), new Response(bytes, { status: 200, headers }));
    }
    await (await caches.open(MODEL_CACHE)).put(recordKey(entry), new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json' } }));
  } catch (err) {
    await removeModel(entry);
    throw err;
  }
}

/** Deletes a model's files (from every cache: the service worker may hold a copy too) and its record. */
export async function removeModel(entry: ModelEntry): Promise<void> {
  if (!hasCaches()) return;
  const keys = entry.files.map((f) => storeKey(entry, f));
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const k of keys) await cache.delete(k);
  }
  await (await caches.open(MODEL_CACHE)).delete(recordKey(entry));
}

/** Installed: every file is in Cache Storage. */
export async function modelStatus(entry: ModelEntry): Promise<ModelStatus> {
  const status: ModelStatus = { entry, installed: false, storedBytes: 0, downloadBytes: downloadBytes(entry) };
  if (!hasCaches()) return status;
  const cache = await caches.open(cacheNameFor(entry));
  let stored = 0;
  for (const f of entry.files) {
    const res = await cache.match(storeKey(entry, f));
    if (!res) return status;
    stored += Number(res.headers.get('Content-Length')) || f.bytes || 0;
  }
  const record = await readRecord(entry);
  const weakest = record?.files.some((f) => f.checked === 'size') ? 'size' : record?.files.some((f) => f.checked === 'host-hash') ? 'host-hash' : record ? 'sha256' : undefined;
  return { ...status, installed: true, storedBytes: stored, checked: weakest, downloadBytes: record ? record.files.reduce((n, f) => n + f.bytes, 0) : status.downloadBytes };
}
