/// <reference lib="webworker" />
// The vlm engine's worker: PP-OCRv4 detection, line orientation and recognition in
// onnxruntime-web, on WebGPU when the browser gives a (non-fallback) adapter, else WASM
// SIMD. The sessions stay loaded across pages; pages are run one at a time.
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { dbPostprocess, detInputSize, detTensorData, type DbOptions } from './det';
import { Cropper, cropWidth, flipFrame, frameOf, resizedPixels, rotateFrame, spanBox, uprightTurn, type LineFrame } from './crop';
import { CLS_WIDTH, REC_HEIGHT, ctcGreedy, dictionaryFromPaddlexYml, insertGapSpaces, insertLikelySpaces, normaliseLatin, parseDictionary, planBatches, rotate180, writeNormalised, type Decoded } from './rec';
import type { BBox } from '../../shared/contract';
import { rotateBitmap } from '../../shared/pixels';
import { allowedClasses, type Charset } from './charset';

export type Backend = 'webgpu' | 'wasm';
export type BackendChoice = Backend | 'auto';

export interface WorkerInit {
  type: 'init';
  /** rec: the float recogniser (WebGPU); recWasm: its 8-bit rewrite (WASM) */
  urls: { det: string; cls: string; rec: string; recWasm: string; dict: string };
  backend: BackendChoice;
}

/** An installed recogniser of another script, read from Cache Storage (models/store.ts). */
export interface WorkerRecogniser {
  id: string;
  /** the Cache Storage cache and the keys of its two files */
  cache: string;
  model: string;
  dictionary: string;
  dictionaryFormat: 'paddlex-yml' | 'lines';
}

export interface WorkerRun {
  type: 'run';
  id: number;
  bitmap: ImageBitmap;
  options?: Partial<RunOptions>;
}

export interface RunOptions {
  /** detector input: long side at most this many pixels */
  detMaxSide: number;
  /** detector input: at most this many pixels in all */
  detMaxPixels: number;
  /** below this mean character probability a line is dropped (PaddleOCR's drop_score) */
  dropScore: number;
  /** turn a line 180° when the classifier is at least this sure */
  clsThresh: number;
  useCls: boolean;
  /** lines a recognition batch holds at most */
  recBatch: number;
  /** recognition widths are padded to a multiple of this, and to at least recMinWidth */
  recBucket: number;
  recMinWidth: number;
  /** a line joins a batch only while the batch's padding stays under this share of its pixels */
  recMaxWaste: number;
  /** a gap this many times a line's usual character pitch reads as a space (0: off) */
  gapSpaces: number;
  /** a space goes in between two characters where the space class reached this probability (0: off) */
  spaceEvidence: number;
  /** the characters the job's languages are written in (charset.ts) */
  charset: Charset;
  /** lines are read by this recogniser instead of PP-OCRv4's (a script it does not read) */
  recogniser?: WorkerRecogniser;
  db: Partial<DbOptions>;
}

export const RUN_DEFAULTS: RunOptions = { detMaxSide: 960, detMaxPixels: 1_000_000, dropScore: 0.5, clsThresh: 0.9, useCls: true, recBatch: 4, recBucket: 16, recMinWidth: 64, recMaxWaste: 0.04, gapSpaces: 1.35, spaceEvidence: 0.1, charset: 'all', db: {} };

export interface RawWord {
  text: string;
  bbox: BBox;
  confidence: number;
}

export interface RawLine {
  text: string;
  confidence: number;
  /** corners clockwise from the line's own top-left, page pixels */
  quad: [number, number][];
  bbox: BBox;
  /** the line was read turned 180° from how its box was cut */
  flipped: boolean;
  /** the line runs up or down the (upright) page */
  vertical: boolean;
  words: RawWord[];
}

export interface RunResult {
  /** the page's size upright (after `rotation`) */
  width: number;
  height: number;
  /** degrees the page was turned clockwise to make it upright; boxes are on the turned page */
  rotation: 0 | 90 | 180 | 270;
  backend: Backend;
  lines: RawLine[];
  timings: Record<string, number>;
}

export type WorkerReply =
  | { type: 'result'; id: number; result: RunResult }
  | { type: 'error'; id: number; message: string };

type Ort = typeof import('onnxruntime-web/wasm');

interface Engine {
  ort: Ort;
  backend: Backend;
  det: InferenceSession;
  cls: InferenceSession;
  rec: InferenceSession;
  dict: string[];
  /** class indices by charset, made when first asked for */
  classes: Map<Charset, Int32Array | null>;
  /** the options the sessions were made with (for recognisers loaded later) */
  options: InferenceSession.SessionOptions;
  /** recognisers of other scripts, by id, loaded when first asked for */
  scripts: Map<string, Promise<{ session: InferenceSession; dict: string[] }>>;
  loadMs: number;
}

let init: WorkerInit | undefined;
let engine: Promise<Engine> | undefined;
let queue: Promise<unknown> = Promise.resolve();

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

async function load(cfg: WorkerInit): Promise<Engine> {
  const t0 = performance.now();
  const adapter = await gpuAdapter(cfg.backend);
  // The WASM backend reads the 8-bit recogniser, fetched only when it is the one used.
  const [detBytes, clsBytes, gpuRecBytes, dictText] = await Promise.all([
    fetchBytes(cfg.urls.det),
    fetchBytes(cfg.urls.cls),
    adapter ? fetchBytes(cfg.urls.rec) : null,
    fetchModel(cfg.urls.dict).then((r) => r.text()),
  ]);
  const dict = parseDictionary(dictText);
  if (adapter && gpuRecBytes) {
    try {
      // Only this build carries the WebGPU kernels (and its own, larger, wasm).
      const ort = (await import('onnxruntime-web/webgpu')) as unknown as Ort;
      ort.env.wasm.numThreads = 1;
      (ort.env.webgpu as { adapter?: GPUAdapter }).adapter = adapter;
      const options: InferenceSession.SessionOptions = { executionProviders: ['webgpu', 'wasm'], graphOptimizationLevel: 'all' };
      // One session at a time: the WebGPU provider refuses to create two at once.
      const det = await ort.InferenceSession.create(detBytes, options);
      const cls = await ort.InferenceSession.create(clsBytes, options);
      const rec = await ort.InferenceSession.create(gpuRecBytes, options);
      return { ort, backend: 'webgpu', det, cls, rec, dict, classes: new Map(), options, scripts: new Map(), loadMs: performance.now() - t0 };
    } catch (err) {
      if (cfg.backend === 'webgpu') throw err;
      console.warn('vlm: WebGPU failed, using WASM', err);
    }
  }
  const recBytes = await fetchBytes(cfg.urls.recWasm);
  const ort = await import('onnxruntime-web/wasm');
  // One thread: threads need cross-origin isolation, and two were slower than one on 2 cores.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.simd = true;
  const options: InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
  const det = await ort.InferenceSession.create(detBytes, options);
  const cls = await ort.InferenceSession.create(clsBytes, options);
  const rec = await ort.InferenceSession.create(recBytes, options);
  return { ort, backend: 'wasm', det, cls, rec, dict, classes: new Map(), options, scripts: new Map(), loadMs: performance.now() - t0 };
}

/** A recogniser of another script, from Cache Storage, made once per worker. */
function scriptRecogniser(e: Engine, r: WorkerRecogniser): Promise<{ session: InferenceSession; dict: string[] }> {
  let loaded = e.scripts.get(r.id);
  if (!loaded) {
    loaded = (async () => {
      const cache = await caches.open(r.cache);
      const [model, dictionary] = await Promise.all([cache.match(r.model), cache.match(r.dictionary)]);
      if (!model || !dictionary) throw new Error(`The recogniser ${r.id} is not in this browser's storage any more; download it again in Settings → Models.`);
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

async function runOne(e: Engine, session: InferenceSession, data: Float32Array, dims: number[]): Promise<Tensor> {
  const input = new e.ort.Tensor('float32', data, dims);
  const out = await session.run({ [session.inputNames[0]!]: input });
  const tensor = out[session.outputNames[0]!]!;
  // Read back from the GPU (a no-op on WASM) before the next run.
  await tensor.getData();
  return tensor;
}

/** Orientation classifier: the probability that each crop (at most 192 × 48) is upside down. */
async function classify(e: Engine, crops: ImageData[]): Promise<Float32Array> {
  const p180 = new Float32Array(crops.length);
  const CLS_BATCH = 16;
  for (let s = 0; s < crops.length; s += CLS_BATCH) {
    const n = Math.min(CLS_BATCH, crops.length - s);
    const data = new Float32Array(n * 3 * REC_HEIGHT * CLS_WIDTH);
    for (let i = 0; i < n; i++) {
      const img = crops[s + i]!;
      writeNormalised(img.data, img.width, REC_HEIGHT, data, i, CLS_WIDTH);
    }
    const out = await runOne(e, e.cls, data, [n, 3, REC_HEIGHT, CLS_WIDTH]);
    const p = (await out.getData()) as Float32Array;
    out.dispose();
    for (let i = 0; i < n; i++) p180[s + i] = p[i * 2 + 1]!;
  }
  return p180;
}

/**
 * 90 or 270 when most of the detected text (by length) runs up or down the page, else 0.
 * Vertical boxes are cut reading downwards; the classifier's vote says whether that
 * reads upright (the page needs a quarter turn anticlockwise: 270) or upside down (90).
 */
async function sidewaysTurn(e: Engine, bitmap: ImageBitmap, frames: LineFrame[], opts: RunOptions): Promise<0 | 90 | 270> {
  const vertical = frames.filter((f) => f.vertical);
  const along = (fs: LineFrame[]) => fs.reduce((n, f) => n + f.length, 0);
  if (vertical.length < 3 || along(vertical) < 2 * along(frames.filter((f) => !f.vertical))) return 0;
  if (!opts.useCls) return 270;
  // The longest lines say it best.
  const sample = vertical.sort((a, b) => b.length - a.length).slice(0, 16);
  const cropper = new Cropper(bitmap);
  const crops = sample.map((f) => {
    const width = cropWidth(f, REC_HEIGHT, REC_HEIGHT * 60);
    cropper.crop(f, width, REC_HEIGHT);
    return cropper.squeeze(width, REC_HEIGHT, CLS_WIDTH);
  });
  const p180 = await classify(e, crops);
  let up = 0;
  let down = 0;
  sample.forEach((f, i) => (p180[i]! > 0.5 ? (down += f.length) : (up += f.length)));
  return down > up ? 90 : 270;
}

/** One way of reading a line: upright as cut, or turned 180°. */
interface Reading {
  line: Line;
  pixels: Uint8ClampedArray;
  flipped: boolean;
  /** the reading against the page's orientation */
  alt: boolean;
  decoded?: Decoded;
  batchWidth?: number;
}

/** Turns a line's frame (not its pixels) by 180°. */
function flip(l: Line): void {
  l.frame = flipFrame(l.frame);
  l.flipped = !l.flipped;
}

interface Line {
  frame: LineFrame;
  width: number;
  pixels: ImageData;
  flipped: boolean;
  decoded?: Decoded;
  /** the padded width the line was recognised at */
  batchWidth?: number;
}

async function recognise(e: Engine, bitmap: ImageBitmap, opts: RunOptions, turned = false): Promise<RunResult> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const W = bitmap.width;
  const H = bitmap.height;
  // 1. Detection on the page scaled to multiples of 32.
  const size = detInputSize(W, H, opts.detMaxSide, opts.detMaxPixels);
  const small = resizedPixels(bitmap, size.width, size.height);
  const detOut = await runOne(e, e.det, detTensorData(small.data, size.width, size.height), [1, 3, size.height, size.width]);
  const mh = detOut.dims[2]!;
  const mw = detOut.dims[3]!;
  timings.det = performance.now() - t0;
  const boxes = dbPostprocess((await detOut.getData()) as Float32Array, mw, mh, W, H, opts.db);
  detOut.dispose();
  timings.db = performance.now() - t0 - timings.det;

  // A page lying on its side: the detector merges and misses lines that run down the page,
  // so the page is turned upright and read again from the start.
  if (!turned) {
    const turn = await sidewaysTurn(e, bitmap, boxes.map((b) => frameOf(b.quad)), opts);
    if (turn) {
      const upright = rotateBitmap(bitmap, turn);
      try {
        const again = await recognise(e, upright, opts, true);
        again.timings.sideways = timings.det + timings.db;
        return { ...again, rotation: ((turn + again.rotation) % 360) as RunResult['rotation'] };
      } finally {
        upright.close();
      }
    }
  }

  // 2. Every line cut out upright at 48 px high.
  const t1 = performance.now();
  const cropper = new Cropper(bitmap);
  const maxWidth = REC_HEIGHT * 60;
  const lines: Line[] = [];
  const squeezed: ImageData[] = [];
  for (const box of boxes) {
    const frame = frameOf(box.quad);
    const width = cropWidth(frame, REC_HEIGHT, maxWidth);
    const pixels = cropper.crop(frame, width, REC_HEIGHT);
    lines.push({ frame, width, pixels, flipped: false });
    if (opts.useCls) squeezed.push(cropper.squeeze(width, REC_HEIGHT, CLS_WIDTH));
  }
  timings.crop = performance.now() - t1;

  // 3. Orientation. The classifier's vote, weighted by line length, says whether the page
  // is upside down; a line it confidently puts the other way is read both ways, and the
  // reading with the higher confidence wins (a lone vote is often wrong on receipts).
  const t2 = performance.now();
  const p180 = opts.useCls && lines.length ? await classify(e, squeezed) : new Float32Array(lines.length);
  let up = 0;
  let down = 0;
  lines.forEach((l, i) => (p180[i]! > 0.5 ? (down += l.width) : (up += l.width)));
  const pageFlipped = down > up;
  const readings: Reading[] = [];
  lines.forEach((l, i) => {
    if (pageFlipped) {
      rotate180(l.pixels.data);
      flip(l);
    }
    readings.push({ line: l, pixels: l.pixels.data, flipped: l.flipped, alt: false });
    const against = pageFlipped ? 1 - p180[i]! : p180[i]!;
    if (opts.useCls && against >= opts.clsThresh) {
      const other = new Uint8ClampedArray(l.pixels.data);
      rotate180(other);
      readings.push({ line: l, pixels: other, flipped: !l.flipped, alt: true });
    }
  });
  timings.cls = performance.now() - t2;

  // 4. Recognition in batches of similar widths.
  const t3 = performance.now();
  const bucket = e.backend === 'webgpu' ? 160 : opts.recBucket;
  if (!e.classes.has(opts.charset)) e.classes.set(opts.charset, allowedClasses(e.dict, opts.charset));
  const other = opts.recogniser ? await scriptRecogniser(e, opts.recogniser) : null;
  const recSession = other?.session ?? e.rec;
  const dict = other?.dict ?? e.dict;
  const allowed = other ? null : e.classes.get(opts.charset);
  for (const batch of planBatches(readings.map((r) => r.line.width), opts.recBatch, REC_HEIGHT * opts.recBatch * 1600, bucket, opts.recMinWidth, e.backend === 'webgpu' ? 1 : opts.recMaxWaste)) {
    const n = batch.items.length;
    const data = new Float32Array(n * 3 * REC_HEIGHT * batch.width);
    batch.items.forEach((ri, i) => {
      const r = readings[ri]!;
      writeNormalised(r.pixels, r.line.width, REC_HEIGHT, data, i, batch.width);
    });
    const out = await runOne(e, recSession, data, [n, 3, REC_HEIGHT, batch.width]);
    const probs = (await out.getData()) as Float32Array;
    const [, steps, classes] = out.dims as [number, number, number];
    batch.items.forEach((ri, i) => {
      const r = readings[ri]!;
      r.decoded = ctcGreedy(probs, i, steps, classes, dict, allowed);
      r.batchWidth = batch.width;
    });
    out.dispose();
  }
  for (const r of readings) {
    const l = r.line;
    // Against the page's orientation only when clearly better: short lines (S = 6%) read fine both ways.
    if (!r.decoded || (l.decoded && r.decoded.confidence <= l.decoded.confidence + (r.alt ? 0.1 : 0))) continue;
    if (r.flipped !== l.flipped) flip(l);
    const spaced = opts.spaceEvidence > 0 ? insertLikelySpaces(r.decoded, opts.spaceEvidence) : r.decoded;
    l.decoded = normaliseLatin(opts.gapSpaces > 0 ? insertGapSpaces(spaced, opts.gapSpaces) : spaced);
    l.batchWidth = r.batchWidth;
  }
  timings.rec = performance.now() - t3;

  // 5. A page lying on its side or upside down: the boxes are given on the page turned upright.
  const kept = lines.filter((l) => l.decoded && l.decoded.text.trim() && l.decoded.confidence >= opts.dropScore);
  const rotation = uprightTurn(kept.map((l) => ({ frame: l.frame, chars: l.decoded!.text.length })));
  const quarter = rotation === 90 || rotation === 270;
  const out: RawLine[] = [];
  for (const l of kept) {
    const d = l.decoded!;
    if (rotation) l.frame = rotateFrame(l.frame, rotation, W, H);
    const q = l.frame;
    const corner = (s: number, t: number): [number, number] => [q.origin[0] + q.ex[0] * s + q.ey[0] * t, q.origin[1] + q.ex[1] * s + q.ey[1] * t];
    out.push({
      text: d.text.trim(),
      confidence: d.confidence,
      quad: [corner(0, 0), corner(1, 0), corner(1, 1), corner(0, 1)],
      bbox: spanBox(q, 0, 1),
      flipped: l.flipped,
      vertical: q.vertical,
      words: wordsOf(d, l),
    });
  }
  timings.total = performance.now() - t0;
  return { width: quarter ? H : W, height: quarter ? W : H, rotation, backend: e.backend, lines: out, timings };
}

/**
 * Splits a decoded line at its spaces. A character sits at its CTC peak; a word spans its
 * characters plus about a character on each side, never past the spaces around it, and the
 * first and last words reach the line's ends.
 */
function wordsOf(d: Decoded, l: Line): RawWord[] {
  const stride = (l.batchWidth ?? l.width) / d.steps;
  const at = (t: number) => Math.min(1, ((t + 0.5) * stride) / l.width);
  const reach = (1.5 * stride) / l.width;
  const groups: { chars: typeof d.chars; left: number; right: number }[] = [];
  let cur: typeof d.chars = [];
  let left = 0;
  for (const c of d.chars) {
    if (c.text === ' ') {
      if (cur.length) groups.push({ chars: cur, left, right: at(c.t) });
      cur = [];
      left = at(c.t);
      continue;
    }
    cur.push(c);
  }
  if (cur.length) groups.push({ chars: cur, left, right: 1 });
  return groups.map((g, i) => {
    const first = at(g.chars[0]!.t);
    const last = at(g.chars[g.chars.length - 1]!.t);
    const a = i === 0 ? 0 : Math.max(g.left, first - reach);
    const b = i === groups.length - 1 ? 1 : Math.min(g.right, last + reach);
    return {
      text: g.chars.map((c) => c.text).join(''),
      bbox: spanBox(l.frame, a, Math.max(a, b)),
      confidence: g.chars.reduce((s, c) => s + c.prob, 0) / g.chars.length,
    };
  });
}

self.onmessage = (ev: MessageEvent<WorkerInit | WorkerRun>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    init = msg;
    return;
  }
  if (msg.type !== 'run') return;
  const job = queue.then(async () => {
    try {
      if (!init) throw new Error('vlm worker: run before init');
      engine ??= load(init);
      let e: Engine;
      try {
        e = await engine;
      } catch (err) {
        engine = undefined; // let the next page try again
        throw err;
      }
      const result = await recognise(e, msg.bitmap, { ...RUN_DEFAULTS, ...msg.options, db: { ...RUN_DEFAULTS.db, ...msg.options?.db } });
      if (!result.timings.load) result.timings.load = e.loadMs;
      e.loadMs = 0;
      (self as unknown as Worker).postMessage({ type: 'result', id: msg.id, result } satisfies WorkerReply);
    } catch (err) {
      (self as unknown as Worker).postMessage({ type: 'error', id: msg.id, message: (err as Error)?.message ?? String(err) } satisfies WorkerReply);
    } finally {
      msg.bitmap.close();
    }
  });
  queue = job;
};
