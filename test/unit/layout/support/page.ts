// Hand-built engine pages: words laid out from strings at given positions, with a fixed
// character width, so a test can say exactly where every column and gap is.
import type { BBox } from '../../../../src/shared/contract';
import type { EngineBlock, EngineLine, EnginePage, EngineWord } from '../../../../src/shared/engine';

export interface TextStyle {
  /** line height in px (font size) */
  h?: number;
  /** width of one character, also the width of a space */
  cw?: number;
  confidence?: number;
}

const BODY: Required<TextStyle> = { h: 20, cw: 10, confidence: 0.9 };

/** Words of `text` starting at x, on the line whose top is y; runs of spaces widen gaps. */
export function words(text: string, x: number, y: number, style: TextStyle = {}): EngineWord[] {
  const { h, cw, confidence } = { ...BODY, ...style };
  const out: EngineWord[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const x0 = x + m.index * cw;
    out.push({ text: m[0], bbox: [x0, y, x0 + m[0].length * cw, y + h], confidence });
  }
  return out;
}

export function union(boxes: BBox[]): BBox {
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

export function lineOf(ws: EngineWord[]): EngineLine {
  const chars = ws.reduce((n, w) => n + w.text.length, 0);
  return {
    text: ws.map((w) => w.text).join(' '),
    bbox: union(ws.map((w) => w.bbox)),
    confidence: ws.reduce((n, w) => n + w.confidence * w.text.length, 0) / chars,
    words: ws,
  };
}

export function line(text: string, x: number, y: number, style?: TextStyle): EngineLine {
  return lineOf(words(text, x, y, style));
}

/** Lines of text one under the other, `pitch` apart. */
export function lines(texts: string[], x: number, y: number, style?: TextStyle, pitch = 30): EngineLine[] {
  return texts.map((t, i) => line(t, x, y + i * pitch, style));
}

export function block(ls: EngineLine[], confidence?: number): EngineBlock {
  return { bbox: union(ls.map((l) => l.bbox)), confidence: confidence ?? ls[0]?.confidence ?? 0, lines: ls };
}

export function enginePage(blocks: EngineBlock[], width = 1000, height = 1400): EnginePage {
  return { width, height, blocks, source: 'ocr' };
}

/** Running text to fill columns: distinct, sentence-like lines of about `chars` characters. */
export function prose(prefix: string, n: number, chars = 38): string[] {
  const filler = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore';
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1} ${filler}`.slice(0, chars).trimEnd());
}
