// The vlm engine's page pipeline, in its worker: detection, orientation, recognition in
// batches, words. The sessions stay loaded across pages; pages are run one at a time.
import { dbPostprocess, detInputSize, detTensorData, type DetBox } from './det';
import { Cropper, cropWidth, flipFrame, frameOf, resizedPixels, rotateFrame, spanBox, uprightTurn, type LineFrame } from './crop';
import { CLS_WIDTH, REC_HEIGHT, ctcGreedy, insertGapSpaces, insertLikelySpaces, normaliseLatin, planBatches, rotate180, writeNormalised, type Decoded } from './rec';
import { rotateBitmap } from '../../shared/pixels';
import { allowedClasses } from './charset';
import type { Handlers } from '../../shared/bridge';
import { load, runOne, scriptRecogniser, type Engine } from './sessions';
import { RUN_DEFAULTS, type RawLine, type RawWord, type RunOptions, type RunResult, type VlmProtocol, type VlmSetup } from './protocol';

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
    const out = await runOne(e, await e.cls(), data, [n, 3, REC_HEIGHT, CLS_WIDTH]);
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

async function recognise(e: Engine, bitmap: ImageBitmap, opts: RunOptions, turned = false, signal?: AbortSignal): Promise<RunResult> {
  const timings: Record<string, number> = {};
  // The sessions this page needs that the worker has not made yet: making them is loading.
  const making = performance.now();
  if (!opts.lines) await e.det();
  if (opts.useCls) await e.cls();
  const madeMs = performance.now() - making;
  if (madeMs >= 1) timings.load = madeMs;
  const t0 = performance.now();
  const W = bitmap.width;
  const H = bitmap.height;
  // 1. Detection on the page scaled to multiples of 32 (or the lines as given: no detection).
  let boxes: DetBox[];
  if (opts.lines) {
    boxes = opts.lines.map(([x0, y0, x1, y1]) => ({ quad: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], score: 1 }));
    timings.det = 0;
  } else {
    const size = detInputSize(W, H, opts.detMaxSide, opts.detMaxPixels);
    const small = resizedPixels(bitmap, size.width, size.height);
    const detOut = await runOne(e, await e.det(), detTensorData(small.data, size.width, size.height), [1, 3, size.height, size.width]);
    const mh = detOut.dims[2]!;
    const mw = detOut.dims[3]!;
    timings.det = performance.now() - t0;
    boxes = dbPostprocess((await detOut.getData()) as Float32Array, mw, mh, W, H, opts.db);
    detOut.dispose();
    timings.db = performance.now() - t0 - timings.det;
  }

  // A page lying on its side: the detector merges and misses lines that run down the page,
  // so the page is turned upright and read again from the start.
  if (!turned && !opts.lines) {
    const turn = await sidewaysTurn(e, bitmap, boxes.map((b) => frameOf(b.quad)), opts);
    if (turn) {
      const upright = rotateBitmap(bitmap, turn);
      try {
        const again = await recognise(e, upright, opts, true, signal);
        again.timings.sideways = timings.det + (timings.db ?? 0);
        return { ...again, rotation: ((turn + again.rotation) % 360) as RunResult['rotation'] };
      } finally {
        upright.close();
      }
    }
  }

  signal?.throwIfAborted();
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

  signal?.throwIfAborted();
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

  signal?.throwIfAborted();
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

/**
 * The worker's answers (workers/vlm.ts). Pages queue: one at a time. A cancelled page
 * stops between its stages.
 */
export function vlmHandlers(): Handlers<VlmProtocol> {
  let setup: VlmSetup | undefined;
  let engine: Promise<Engine> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    setup: (s) => {
      setup = s;
    },
    warm: () => {
      // loaded in the queue's turn; a failure here is the next page's to report
      if (!setup) return;
      const s = setup;
      queue = queue.then(async () => {
        engine ??= load(s);
        await engine.catch(() => (engine = undefined));
      });
    },
    run: ({ bitmap, options }, signal) => {
      const job = queue.then(async () => {
        try {
          signal.throwIfAborted();
          if (!setup) throw new Error('vlm worker: run before setup');
          engine ??= load(setup);
          let e: Engine;
          try {
            e = await engine;
          } catch (err) {
            engine = undefined; // let the next page try again
            throw err;
          }
          const result = await recognise(e, bitmap, { ...RUN_DEFAULTS, ...options, db: { ...RUN_DEFAULTS.db, ...options?.db } }, false, signal);
          if (e.loadMs) result.timings.load = (result.timings.load ?? 0) + e.loadMs;
          e.loadMs = 0;
          return { ...result, sessions: e.made() };
        } finally {
          bitmap.close();
        }
      });
      queue = job.catch(() => {});
      return job;
    },
  };
}
