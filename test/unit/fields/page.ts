// A page made from lines of text, as an engine would give it: one block, each line with its
// box and its words' boxes (10 px a character, 30 px a line).
import type { Line, Page } from '../../../src/shared/contract';

export function pageOf(text: string, index = 0, confidence = 0.9): Page {
  const lines: Line[] = text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t, i) => {
      const y = 20 + i * 30;
      const words: Line['words'] = [];
      let x = 0;
      for (const m of t.matchAll(/\S+/g)) {
        x = 20 + (m.index ?? 0) * 10;
        words.push({ text: m[0], bbox: [x, y, x + m[0].length * 10, y + 24], confidence });
      }
      return { text: t, bbox: [20, y, 20 + t.length * 10, y + 24], confidence, words };
    });
  const height = 40 + lines.length * 30;
  return {
    index,
    width: 800,
    height,
    text: lines.map((l) => l.text).join('\n'),
    markdown: '',
    blocks: [{ text: lines.map((l) => l.text).join('\n'), bbox: [20, 20, 780, height - 20], confidence, lines, keep_lines: true }],
    tables: [],
    confidence,
    source: 'ocr',
  };
}
