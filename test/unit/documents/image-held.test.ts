// An uploaded image is decoded once to check it; that bitmap is the one its reading gets, not
// a second decode, within a budget of bytes held. The browser's decoder is stood in for here
// (Node has no createImageBitmap); the image is a PNG header of the given size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HELD_BYTES, openImage } from '../../../src/documents/image';

interface FakeBitmap {
  width: number;
  height: number;
  closed: boolean;
  close(): void;
}

let decoded: FakeBitmap[] = [];
const original = (globalThis as { createImageBitmap?: unknown }).createImageBitmap;

function pngOf(width: number, height: number): ArrayBuffer {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  b.set([...'IHDR'].map((c) => c.charCodeAt(0)), 12);
  const dv = new DataView(b.buffer);
  dv.setUint32(16, width);
  dv.setUint32(20, height);
  return b.buffer;
}

beforeEach(() => {
  decoded = [];
  (globalThis as { createImageBitmap?: unknown }).createImageBitmap = async (blob: Blob) => {
    const dv = new DataView(await blob.arrayBuffer());
    const bitmap: FakeBitmap = { width: dv.getUint32(16), height: dv.getUint32(20), closed: false, close: () => void (bitmap.closed = true) };
    decoded.push(bitmap);
    return bitmap;
  };
});

afterEach(() => {
  (globalThis as { createImageBitmap?: unknown }).createImageBitmap = original;
});

describe('an uploaded image, decoded once', () => {
  it('gives its reading the bitmap its check decoded, then decodes afresh for any later reading', async () => {
    const doc = await openImage(pngOf(800, 1200), 'png');
    expect(decoded).toHaveLength(1);
    const first = await doc.page(0);
    expect(first.bitmap).toBe(decoded[0]);
    expect(decoded[0]!.closed).toBe(false);
    const again = await doc.page(0);
    expect(decoded).toHaveLength(2);
    expect(again.bitmap).toBe(decoded[1]);
    doc.close();
    expect(decoded[1]!.closed).toBe(false); // its owner (the reader) closes it
  });

  it('closes the kept bitmap when the document is closed unread, and frees its place in the budget', async () => {
    const side = Math.floor(Math.sqrt(HELD_BYTES / 4 / 2));
    const a = await openImage(pngOf(side, side), 'png');
    a.close();
    expect(decoded[0]!.closed).toBe(true);
    // the budget is whole again: two such images are kept at once
    const b = await openImage(pngOf(side, side), 'png');
    const c = await openImage(pngOf(side, side), 'png');
    expect(decoded[1]!.closed).toBe(false);
    expect(decoded[2]!.closed).toBe(false);
    // a third does not fit: closed now, decoded again when read
    const d = await openImage(pngOf(side, side), 'png');
    expect(decoded[3]!.closed).toBe(true);
    const page = await d.page(0);
    expect(page.bitmap).toBe(decoded[4]);
    for (const x of [b, c, d]) x.close();
    expect(decoded[1]!.closed && decoded[2]!.closed).toBe(true);
  });
});
