// Sizes before pixels: every format's size from its header, on real files, and an image
// whose header claims too much refused before anything decodes it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exifOrientation, imageSize } from '../../../src/documents/headers';
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
