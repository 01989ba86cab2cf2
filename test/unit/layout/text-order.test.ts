// The reading order of a born-digital page's blocks, as pdftotext gives it. The first
// case is page 1 of the Wikipedia "Iris (plant)" PDF of the evaluation set: the blocks our
// text-layer reader builds for it, in the order pdftotext prints the same text.
import { describe, expect, it } from 'vitest';
import type { BBox } from '../../../src/shared/contract';
import { textLayerRanks } from '../../../src/layout/text-order';

const ordered = (named: [string, BBox][]) => {
  const ranks = textLayerRanks(named.map(([, b]) => b));
  return named.map(([n], i) => [n, ranks[i]!] as const).sort((a, b) => a[1] - b[1]).map(([n]) => n);
};

describe('text layer reading order (pdftotext)', () => {
  it('puts a sidebar title between the paragraphs it stands beside, and the sidebar after the column', () => {
    // Top to bottom, as src/documents/pdf.ts builds them from pdf.js's text items.
    const blocks: [string, BBox][] = [
      ['Iris (plant)', [17, 36, 86, 48]],
      ['Iris is a flowering plant', [17, 59, 175, 112]],
      ['Iris', [225, 66, 233, 72]],
      ['The often-segregated', [17, 120, 175, 148]],
      ['Three Iris varieties', [17, 156, 175, 185]],
      ['Iris sibirica', [217, 194, 241, 199]],
      ['Description', [17, 200, 70, 209]],
      ['Scientific classification / Kingdom: ...', [184, 204, 261, 304]],
      ['Plantae ...', [222, 214, 260, 304]],
      ['Rhizomes of ornamental irises', [19, 288, 84, 293]],
      ['Irises are perennial plants', [17, 304, 175, 364]],
      ['Tourn. ex L.', [222, 307, 248, 312]],
      ['Type species', [211, 317, 247, 333]],
      ['L.', [227, 337, 231, 342]],
      ['Subgenera', [214, 347, 244, 353]],
    ];
    // pdftotext's order for the same page.
    expect(ordered(blocks)).toEqual([
      'Iris (plant)',
      'Iris is a flowering plant',
      'Iris',
      'The often-segregated',
      'Three Iris varieties',
      'Iris sibirica',
      'Description',
      'Rhizomes of ornamental irises',
      'Irises are perennial plants',
      'Scientific classification / Kingdom: ...',
      'Plantae ...',
      'Tourn. ex L.',
      'Type species',
      'L.',
      'Subgenera',
    ]);
  });

  it('reads two plain columns one after the other, and a full-width heading first', () => {
    const blocks: [string, BBox][] = [
      ['heading', [50, 40, 550, 60]],
      ['left 1', [50, 80, 290, 200]],
      ['right 1', [310, 80, 550, 200]],
      ['left 2', [50, 220, 290, 400]],
      ['right 2', [310, 220, 550, 400]],
    ];
    expect(ordered(blocks)).toEqual(['heading', 'left 1', 'left 2', 'right 1', 'right 2']);
  });

  it('a full-width block between two column bands ends the first band', () => {
    const blocks: [string, BBox][] = [
      ['left a', [50, 80, 290, 200]],
      ['right a', [310, 80, 550, 200]],
      ['wide', [50, 220, 550, 260]],
      ['left b', [50, 280, 290, 400]],
      ['right b', [310, 280, 550, 400]],
    ];
    expect(ordered(blocks)).toEqual(['left a', 'right a', 'wide', 'left b', 'right b']);
  });

  it('keeps the built order when a page has too many blocks for the sort', () => {
    const many = Array.from({ length: 700 }, (_, i): BBox => [(i % 7) * 80, Math.floor(i / 7) * 10, (i % 7) * 80 + 60, Math.floor(i / 7) * 10 + 8]);
    expect(textLayerRanks(many)).toEqual(many.map((_, i) => i));
  });
});
