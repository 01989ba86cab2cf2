import { describe, expect, it } from 'vitest';
import { sniffType } from '../../../src/documents/sniff';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffType decides by magic bytes', () => {
  it('knows every supported image and PDF', () => {
    expect(sniffType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffType(bytes('GIF89a'))).toBe('gif');
    expect(sniffType(bytes('BM', new Array(30).fill(0)))).toBe('bmp');
    expect(sniffType(bytes('II', [0x2a, 0]))).toBe('tiff');
    expect(sniffType(bytes('MM', [0, 0x2a]))).toBe('tiff');
    expect(sniffType(bytes('%PDF-1.7\n'))).toBe('pdf');
  });
  it('rejects text, empty input and a PDF name on other bytes', () => {
    expect(sniffType(bytes('hello world, not an image'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
  });
});
