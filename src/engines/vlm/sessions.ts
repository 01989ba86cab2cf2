// The vlm engine's ONNX sessions, in its worker: PP-OCRv4 detection, line orientation and
// recognition in onnxruntime-web, on WebGPU when the browser gives a (non-fallback) adapter,
// else WASM SIMD; recognisers of other scripts from Cache Storage when first asked for.
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { dictionaryFromPaddlexYml, parseDictionary } from './rec';
import { ModelError } from '../../shared/models';
import type { Charset } from './charset';
import type { Backend, BackendChoice, VlmSetup, WorkerRecogniser } from './protocol';

type Ort = typeof import('onnxruntime-web/wasm');

export interface Engine {
  ort: Ort;
  backend: Backend;
  /**
   * Detection and the line-orientation classifier, made when a page first needs them: lines
   * read again for the other tier (a receipt's fields, a chat answer's number) come with their
   * boxes, upright, and need the recogniser only.
   */
  det: () => Promise<InferenceSession>;
  cls: () => Promise<InferenceSession>;
  rec: InferenceSession;
  /** the sessions made so far, of 'det', 'cls', 'rec' */
  made: () => string[];
  dict: string[];
  /** class indices by charset, made when first asked for */
  classes: Map<Charset, Int32Array | null>;
  /** the options the sessions were made with (for recognisers loaded later) */
  options: InferenceSession.SessionOptions;
  /** recognisers of other scripts, by id, loaded when first asked for */
  scripts: Map<string, Promise<{ session: InferenceSession; dict: string[] }>>;
  loadMs: number;
}

async function fetchModel(url: string): Promise<Response> {
  const res = await fetch(url);
  // A static host's fallback page is not a model: the files were not installed (scripts/vendor-models.mjs).
  if (!res.ok || res.headers.get('content-type')?.includes('text/html')) {
    throw new Error(`The vlm engine's model ${url} is missing (HTTP ${res.status}, ${res.headers.get('content-type') ?? 'no type'}).`);
  }
  return res;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchModel(url)).arrayBuffer());
}

async function gpuAdapter(choice: BackendChoice): Promise<GPUAdapter | null> {
  if (choice === 'wasm') return null;
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    // A software (fallback) adapter is far slower than WASM: use it only when asked for.
    const info = (adapter as GPUAdapter & { info?: { isFallbackAdapter?: boolean } }).info;
    const fallback = info?.isFallbackAdapter ?? (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false;
    if (fallback && choice !== 'webgpu') return null;
    return adapter;
  } catch {
    return null;
  }
}

/** A session made once, when first asked for; a failure is not kept (the next page tries again). */
function lazySession(make: () => Promise<InferenceSession>): { get: () => Promise<InferenceSession>; made: () => boolean } {
  let made: Promise<InferenceSession> | undefined;
  let done = false;
  return {
    get: () => {
      if (!made) {
        made = make();
        made.then(() => (done = true), () => (made = undefined));
      }
      return made;
    },
    made: () => done,
  };
}

export async function load(cfg: VlmSetup): Promise<Engine> {
  const t0 = performance.now();
  const adapter = await gpuAdapter(cfg.backend);
  const dict = parseDictionary(await fetchModel(cfg.urls.dict).then((r) => r.text()));
  if (adapter) {
    try {
      const [detBytes, clsBytes, gpuRecBytes] = await Promise.all([fetchBytes(cfg.urls.det), fetchBytes(cfg.urls.cls), fetchBytes(cfg.urls.rec)]);
      // Only this build carries the WebGPU kernels (and its own, larger, wasm).
      const ort = (await import('onnxruntime-web/webgpu')) as unknown as Ort;
      ort.env.wasm.numThreads = 1;
      (ort.env.webgpu as { adapter?: GPUAdapter }).adapter = adapter;
      const options: InferenceSession.SessionOptions = { executionProviders: ['webgpu', 'wasm'], graphOptimizationLevel: 'all' };
      // One session at a time, all now: the WebGPU provider refuses to create two at once.
      const det = await ort.InferenceSession.create(detBytes, options);
      const cls = await ort.InferenceSession.create(clsBytes, options);
      const rec = await ort.InferenceSession.create(gpuRecBytes, options);
      return { ort, backend: 'webgpu', det: () => Promise.resolve(det), cls: () => Promise.resolve(cls), rec, made: () => ['det', 'cls', 'rec'], dict, classes: new Map(), options, scripts: new Map(), loadMs: performance.now() - t0 };
    } catch (err) {
      if (cfg.backend === 'webgpu') throw err;
      console.warn('vlm: WebGPU failed, using WASM', err);
    }
  }
  // The WASM backend reads the 8-bit recogniser.
  const recBytes = await fetchBytes(cfg.urls.recWasm);
  const ort = await import('onnxruntime-web/wasm');
  // One thread: threads need cross-origin isolation, and two were slower than one on 2 cores.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.simd = true;
  const options: InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
  const rec = await ort.InferenceSession.create(recBytes, options);
  const det = lazySession(async () => ort.InferenceSession.create(await fetchBytes(cfg.urls.det), options));
  const cls = lazySession(async () => ort.InferenceSession.create(await fetchBytes(cfg.urls.cls), options));
  const made = () => [...(det.made() ? ['det'] : []), ...(cls.made() ? ['cls'] : []), 'rec'];
  return { ort, backend: 'wasm', det: det.get, cls: cls.get, rec, made, dict, classes: new Map(), options, scripts: new Map(), loadMs: performance.now() - t0 };
}

/** A recogniser of another script, from Cache Storage, made once per worker. */
export function scriptRecogniser(e: Engine, r: WorkerRecogniser): Promise<{ session: InferenceSession; dict: string[] }> {
  let loaded = e.scripts.get(r.id);
  if (!loaded) {
    loaded = (async () => {
      const cache = await caches.open(r.cache);
      const [model, dictionary] = await Promise.all([cache.match(r.model), cache.match(r.dictionary)]);
      if (!model || !dictionary) throw new ModelError('model_missing', `The recogniser ${r.id} is not in this browser's storage any more; download it again in Settings → Models.`);
      const text = await dictionary.text();
      const symbols = r.dictionaryFormat === 'paddlex-yml' ? await dictionaryFromPaddlexYml(text) : parseDictionary(text).slice(1, -1);
      const session = await e.ort.InferenceSession.create(new Uint8Array(await model.arrayBuffer()), e.options);
      // As PP-OCRv4's: the CTC blank, the symbols, then a space.
      return { session, dict: ['', ...symbols, ' '] };
    })();
    loaded.catch(() => e.scripts.delete(r.id));
    e.scripts.set(r.id, loaded);
  }
  return loaded;
}

export async function runOne(e: Engine, session: InferenceSession, data: Float32Array, dims: number[]): Promise<Tensor> {
  const input = new e.ort.Tensor('float32', data, dims);
  const out = await session.run({ [session.inputNames[0]!]: input });
  const tensor = out[session.outputNames[0]!]!;
  // Read back from the GPU (a no-op on WASM) before the next run.
  await tensor.getData();
  return tensor;
}
