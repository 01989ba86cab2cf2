// The app window's side of the optional models' worker (workers/reader.ts): one warm worker
// per model, images in (transferred), text and confidence out, in order.
import type { ModelEntry } from '../../shared/models';
import { MODEL_CACHE } from '../../shared/caches';
import { WorkerBridge } from '../../shared/bridge';
import { MODEL_FILES_DIR } from '../../models/store';
import { appBase } from '../../models/host';
import { RUNTIME_FILES } from '../../models/ppocr';
import type { ReaderProtocol, ReadText } from './protocol';

/** A model's worker holds it in memory (up to a few hundred MB): one idle this long is ended. */
const IDLE_MS = 5 * 60_000;

const readers = new Map<string, WorkerBridge<ReaderProtocol>>();

function reader(entry: ModelEntry, device: 'webgpu' | 'wasm'): WorkerBridge<ReaderProtocol> {
  return new WorkerBridge<ReaderProtocol>({
    label: `The ${entry.label} worker`,
    start: () => new Worker(new URL('../../../workers/reader.ts', import.meta.url), { type: 'module', name: `ocrchat-${entry.id}` }),
    setup: (call) => {
      const base = appBase();
      void call('setup', {
        entry: JSON.parse(JSON.stringify(entry)) as ModelEntry,
        filesUrl: new URL(MODEL_FILES_DIR, base).href,
        cacheName: MODEL_CACHE,
        wasmUrl: new URL(RUNTIME_FILES.webgpu.url, base).href,
        device,
      }).catch(() => {});
    },
    idleMs: IDLE_MS,
    onAbort: 'cancel',
  });
}

/**
 * Reads each image with the model, on `device` (WebGPU whatever is asked for a model that
 * needs it); the images are transferred (pass copies you can spare).
 */
export function readImages(entry: ModelEntry, device: 'webgpu' | 'wasm', images: ImageBitmap[], signal?: AbortSignal): Promise<{ texts: ReadText[]; loadMs: number }> {
  let r = readers.get(entry.id);
  if (!r) readers.set(entry.id, (r = reader(entry, entry.requiresWebGPU ? 'webgpu' : device)));
  return r.call('read', { images }, { signal, transfer: images });
}

/**
 * Translates each text with a translation model (models with `translation`), in its worker,
 * on `device`; the texts come back in order.
 */
export function translateTexts(entry: ModelEntry, device: 'webgpu' | 'wasm', texts: string[], signal?: AbortSignal): Promise<{ texts: string[]; loadMs: number }> {
  let r = readers.get(entry.id);
  if (!r) readers.set(entry.id, (r = reader(entry, entry.requiresWebGPU ? 'webgpu' : device)));
  return r.call('translateTexts', { texts }, { signal });
}

/** Ends every optional model's worker (frees their memory). */
export function terminateReaders(): void {
  for (const r of readers.values()) r.terminate(new Error('The model was stopped.'));
  readers.clear();
}
