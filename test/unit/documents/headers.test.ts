// Sizes before pixels: every format's size from its header, on real files, and an image
// whose header claims too much refused before anything decodes it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exifOrientation, imageSize, jpegDpi, pngDpi } from '../../../src/documents/headers';
import { openDocument } from '../../../src/documents';
import { sniffType } from '../../../src/documents/sniff';
import { readTiffPages } from '../../../src/documents/tiff-ifd';
import { hugeHeaders } from '../../fixtures/huge-headers';

const file = (p: string) => new Uint8Array(readFileSync(`test/fixtures/${p}`));
const sizeOf = (b: Uint8Array) => imageSize(b, sniffType(b)!);

describe('image sizes come from the header', () => {
  it.each(['small.png', 'small.jpg', 'small-progressive.jpg', 'small.gif', 'small.bmp', 'small-v3.bmp', 'small-os2.bmp', 'small-lossy.webp', 'small-lossless.webp', 'small-alpha.webp'])('%s is 37×23', (name) => {
    expect(sizeOf(file(`headers/${name}`))).toEqual({ width: 37, height: 23 });
  });

  it('testocr.png and the sideways photo give their stored sizes', () => {
    expect(sizeOf(file('testocr.png'))).toEqual({ width: 640, height: 480 });
    expect(sizeOf(file('photo-exif-orientation-6.jpg'))).toEqual({ width: 480, height: 640 });
  });

  it('every page of a TIFF has its size from its directory', () => {
    expect(readTiffPages(file('tiff/three-pages-second-damaged.tif')).map((p) => [p.width, p.height])).toEqual([[640, 480], [640, 480], [640, 480]]);
    expect(readTiffPages(file('tiff/tiled.tif'))[0]).toMatchObject({ width: 640, height: 480 });
  });

  it.each(Object.entries(hugeHeaders()))('%s: the header is read for its claimed size', (_name, h) => {
    const b = new Uint8Array(h.bytes);
    const size = sniffType(b) === 'tiff' ? readTiffPages(b)[0] : sizeOf(b);
    expect(size).toMatchObject({ width: h.width, height: h.height });
  });

  it('a header cut short has no size rather than a wrong one', () => {
    expect(sizeOf(file('testocr.png').subarray(0, 20))).toBeNull();
    expect(sizeOf(file('headers/small.jpg').subarray(0, 12))).toBeNull();
  });
});

describe('an oversized image is refused before it is decoded', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(Object.entries(hugeHeaders()))('%s: image_too_large, with a sentence, and no decoder called', async (_name, h) => {
    const decoder = vi.fn(() => {
      throw new Error('decoded');
    });
    vi.stubGlobal('createImageBitmap', decoder);
    const bytes = new Uint8Array(h.bytes).slice().buffer;
    await expect(openDocument(bytes)).rejects.toMatchObject({ code: 'image_too_large', detail: expect.stringMatching(/megapixels\); the limit is \d+\. Scale it down/) });
    expect(decoder).not.toHaveBeenCalled();
  });
});

describe('EXIF orientation', () => {
  it('reads Orientation 6 from a sideways photo, and 1 where there is none', () => {
    expect(exifOrientation(file('photo-exif-orientation-6.jpg'), 'jpeg')).toBe(6);
    expect(exifOrientation(file('headers/small.jpg'), 'jpeg')).toBe(1);
    expect(exifOrientation(file('testocr.png'), 'png')).toBe(1);
  });
});

describe('a JPEG states its resolution in its JFIF header', () => {
  /** SOI, then a JFIF APP0 segment with these units and densities, then SOS. */
  const jfif = (units: number, x: number, y: number) =>
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, units, x >> 8, x & 255, y >> 8, y & 255, 0, 0, 0xff, 0xda, 0, 2]);

  it('in dots per inch, or per centimetre converted, as libjpeg gives Tesseract', () => {
    expect(jpegDpi(jfif(1, 300, 300))).toBe(300);
    expect(jpegDpi(jfif(1, 200, 150))).toBe(150);
    expect(jpegDpi(jfif(2, 118, 118))).toBe(300);
  });

  it('an aspect ratio, a zero density, no JFIF header or a header cut short state none', () => {
    expect(jpegDpi(jfif(0, 1, 1))).toBeNull();
    expect(jpegDpi(jfif(1, 0, 0))).toBeNull();
    expect(jpegDpi(file('headers/small.jpg'))).toBeNull();
    expect(jpegDpi(file('photo-exif-orientation-6.jpg'))).toBeNull();
    expect(jpegDpi(jfif(1, 300, 300).subarray(0, 12))).toBeNull();
  });
});

describe('a PNG states its resolution in its pHYs chunk', () => {
  /** A PNG's signature, IHDR, then a pHYs of these pixels per unit, then IDAT. */
  function png(ppu: number, unit: number): Uint8Array {
    const chunk = (type: string, data: number[]) => [0, 0, 0, data.length, ...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0];
    const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    return new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...chunk('IHDR', [...u32(37), ...u32(23), 8, 0, 0, 0, 0]), ...chunk('pHYs', [...u32(ppu), ...u32(ppu), unit]), ...chunk('IDAT', [0])]);
  }

  it('in dots per inch, from pixels per metre (as Leptonica reads it)', () => {
    expect(pngDpi(png(11811, 1))).toBe(300);
    expect(pngDpi(png(23622, 1))).toBe(600);
  });

  it('an aspect ratio only, no pHYs before the pixels, or a header cut short state none', () => {
    expect(pngDpi(png(11811, 0))).toBeNull();
    expect(pngDpi(file('headers/small.png'))).toBeNull();
    expect(pngDpi(png(11811, 1).subarray(0, 40))).toBeNull();
  });
});
