// The part of omggif (a GIF encoder; no types on npm here) the tests use.
declare module 'omggif' {
  export class GifWriter {
    constructor(buf: Uint8Array, width: number, height: number, opts?: { palette?: number[]; loop?: number });
    addFrame(x: number, y: number, w: number, h: number, indexed: Uint8Array, opts?: { delay?: number; palette?: number[] }): number;
    end(): number;
  }
}
