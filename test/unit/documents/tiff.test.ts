// Every TIFF a scanner or converter writes (fixtures made by ImageMagick and tiffcp from
// testocr.png, see test/fixtures/tiff/make.mjs) decodes to testocr.png's pixels; a damaged
// page fails by itself, with its reason.
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { readTiffPages } from '../../../src/documents/tiff-ifd';
import { tiffPixels } from '../../../src/documents/tiff';
import { faxDecoder } from '../../../src/documents/tiff-codecs';

const DIR = 'test/fixtures/tiff';
const tiffs = readdirSync(DIR).filter((f) => f.endsWith('.tif') && !f.startsWith('three-'));
const file = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));

/** testocr.png's grey, its alpha laid over white. */
function reference(): Uint8Array {
  const png = decode(readFileSync('test/fixtures/testocr.png'));
  const grey = new Uint8Array(png.width * png.height);
  const ch = png.channels;
  for (let p = 0; p < grey.length; p++) {
    const v = png.data[p * ch]! / (png.depth === 16 ? 257 : 1);
    const a = ch === 2 || ch === 4 ? png.data[p * ch + ch - 1]! / (png.depth === 16 ? 257 : 1) : 255;
    grey[p] = (v * a + 255 * (255 - a)) / 255;
  }
  return grey;
}

/** Share of pixels whose grey differs from the reference by more than a quarter of the range. */
function mismatch(rgba: Uint8ClampedArray, ref: Uint8Array, width: number): number {
  let bad = 0;
  let n = 0;
  for (let p = 0; p < ref.length; p++) {
    // The colour swatch palette8/palette4 carry in a corner (make.mjs) is not testocr's.
    if (p % width >= 596 && Math.floor(p / width) >= 436) continue;
    const g = 0.299 * rgba[p * 4]! + 0.587 * rgba[p * 4 + 1]! + 0.114 * rgba[p * 4 + 2]!;
    if (Math.abs(g - ref[p]!) > 64) bad++;
    n++;
  }
  return bad / n;
}

beforeAll(() => {
  // pdf.js's fax decoder in Node 20: what it expects of a browser, and its files from node_modules.
  (globalThis as { Iterator?: unknown }).Iterator ??= class {};
  (Promise as unknown as { withResolvers?: unknown }).withResolvers ??= () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
    return { promise, resolve, reject };
  };
  faxDecoder.wasmUrl = () => pathToFileURL('node_modules/pdfjs-dist/wasm/').href;
});

describe('TIFF pages decode to their pixels', () => {
  const ref = reference();
  it('the fixtures cover what scanners and converters write', () => {
    expect(tiffs.length).toBeGreaterThanOrEqual(25);
  });

  it.each(tiffs)('%s', async (name) => {
    const bytes = file(name);
    const [page] = readTiffPages(bytes);
    const pixels = await tiffPixels(bytes, page!);
    if ('jpeg' in pixels) {
      // JPEG-in-TIFF is decoded by the browser (the browser test reads it): whole JPEG files here.
      for (const s of pixels.jpeg) {
        const head = new Uint8Array(await s.blob.arrayBuffer());
        expect([head[0], head[1]]).toEqual([0xff, 0xd8]);
      }
      return;
    }
    // Turned upright as a bitmap (the browser test reads it); stored sideways here.
    if (name.startsWith('orientation-')) return expect([page!.width, page!.height]).toEqual([480, 640]);
    expect(mismatch(pixels.rgba, ref, page!.width)).toBeLessThan(0.002);
  });
});

describe('a damaged page', () => {
  it('fails alone, saying which page and why; the pages around it decode', async () => {
    const bytes = file('three-pages-second-damaged.tif');
    const pages = readTiffPages(bytes);
    expect(pages).toHaveLength(3);
    const ref = reference();
    for (const i of [0, 2]) {
      const pixels = await tiffPixels(bytes, pages[i]!);
      expect('rgba' in pixels && mismatch(pixels.rgba, ref, 640)).toBeLessThan(0.002);
    }
    await expect(tiffPixels(bytes, pages[1]!)).rejects.toMatchObject({ code: 'undecodable_page', detail: expect.stringMatching(/^Page 2 of the TIFF is damaged: .+\.$/) });
  });

  it('a strip that lies past the end of a cut-off file fails its page', async () => {
    const bytes = file('gray8.tif');
    const [page] = readTiffPages(bytes);
    page!.tags.set(273, [bytes.length - 10]);
    await expect(tiffPixels(bytes, page!)).rejects.toMatchObject({ code: 'undecodable_page', detail: expect.stringMatching(/cut short/) });
  });
});
