// The app window's side of the optional models' worker (reader-worker.ts): one warm worker
// per model, images in (transferred), text and confidence out, in order.
import type { ModelEntry } from '../../shared/models';
import { MODEL_CACHE } from '../../shared/caches';
import { MODEL_FILES_DIR } from '../../models/store';
import { appBase } from '../../models/host';
import { RUNTIME_FILES } from '../../models/ppocr';
import type { ReaderInit, ReaderReply, ReaderRun, ReadText } from './reader-worker';

interface Reader {
  worker: Worker;
  pending: Map<number, { resolve: (r: { texts: ReadText[]; loadMs: number }) => void; reject: (e: Error) => void }>;
}

const readers = new Map<string, Reader>();
let nextId = 1;

function spawn(entry: ModelEntry, device: 'webgpu' | 'wasm'): Reader {
  const worker = new Worker(new URL('./reader-worker.ts', import.meta.url), { type: 'module', name: `ocrchat-${entry.id}` });
  const reader: Reader = { worker, pending: new Map() };
  const failAll = (err: Error) => {
    for (const p of reader.pending.values()) p.reject(err);
    reader.pending.clear();
  };
  worker.onmessage = (ev: MessageEvent<ReaderReply>) => {
    const msg = ev.data;
    const p = reader.pending.get(msg.id);
    if (!p) return;
    reader.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve({ texts: msg.texts, loadMs: msg.loadMs });
    else p.reject(new Error(msg.message));
  };
  worker.onerror = (ev) => {
    ev.preventDefault?.();
    readers.delete(entry.id);
    worker.terminate();
    failAll(new Error(`The ${entry.label} worker failed: ${ev.message || 'unknown error'}`));
  };
  const base = appBase();
  worker.postMessage({
    type: 'init',
    entry: JSON.parse(JSON.stringify(entry)) as ModelEntry,
    filesUrl: new URL(MODEL_FILES_DIR, base).href,
    cacheName: MODEL_CACHE,
    wasmUrl: new URL(RUNTIME_FILES.webgpu.url, base).href,
    device,
  } satisfies ReaderInit);
  return reader;
}

/**
 * Reads each image with the model, on `device` (WebGPU whatever is asked for a model that
 * needs it); the images are transferred (pass copies you can spare).
 */
export function readImages(entry: ModelEntry, device: 'webgpu' | 'wasm', images: ImageBitmap[], signal?: AbortSignal): Promise<{ texts: ReadText[]; loadMs: number }> {
  let r = readers.get(entry.id);
  if (!r) readers.set(entry.id, (r = spawn(entry, entry.requiresWebGPU ? 'webgpu' : device)));
  const reader = r;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reader.pending.delete(id);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    reader.pending.set(id, { resolve: (v) => (done(), resolve(v)), reject: (e) => (done(), reject(e)) });
    reader.worker.postMessage({ type: 'run', id, images } satisfies ReaderRun, images);
  });
}

/** Ends every optional model's worker (frees their memory). */
export function terminateReaders(): void {
  for (const r of readers.values()) {
    r.worker.terminate();
    for (const p of r.pending.values()) p.reject(new Error('The model was stopped.'));
  }
  readers.clear();
}
