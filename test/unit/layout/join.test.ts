import { describe, expect, it } from 'vitest';
import { joinPages, layoutPage, wordsOf } from '../../../src/layout';
import { block, enginePage, line, lines, prose } from './support/page';

function onePage(index: number, text: string, confidence: number) {
  return layoutPage(enginePage([block([line('Heading here', 60, 40, { h: 40, cw: 20, confidence })]), block(lines([text], 60, 120, { confidence }))]), index);
}

describe('joining pages', () => {
  it('joins the text with a blank line and the Markdown with a rule, weighting confidence by text length', () => {
    const a = onePage(0, 'first page text that is fairly long', 0.9);
    const b = onePage(1, 'second', 0.3);
    const job = joinPages([a, b]);
    expect(job.text).toBe(`${a.text}\n\n${b.text}`);
    expect(job.markdown).toBe(`${a.markdown}\n\n---\n\n${b.markdown}`);
    expect(a.markdown).toBe('# Heading here\n\nfirst page text that is fairly long');
    const chars = (p: typeof a) => p.blocks.reduce((n, bl) => n + bl.text.length, 0);
    expect(job.mean_confidence).toBeCloseTo((0.9 * chars(a) + 0.3 * chars(b)) / (chars(a) + chars(b)), 6);
    // Not the plain mean of the two pages.
    expect(job.mean_confidence).toBeGreaterThan(0.7);
  });

  it('has no rule for a single page and no confidence for none', () => {
    const a = onePage(0, 'only page', 0.8);
    expect(joinPages([a]).markdown).toBe(a.markdown);
    expect(joinPages([])).toEqual({ text: '', markdown: '', mean_confidence: 0 });
  });
});

describe('wordsOf', () => {
  it('gives every word once, in reading order, tables included', () => {
    const left = block(lines(prose('L', 8), 60, 100));
    const right = block(lines(prose('R', 8), 540, 100));
    // A table across the page, below both columns.
    const pad = (a: string, b: string) => `${a.padEnd(60)}${b}`;
    const rows = block(lines([pad('Item', 'Qty'), pad('Apples', '3'), pad('Pears', '5')], 60, 500));
    const page = layoutPage(enginePage([right, rows, left]), 0);
    const words = wordsOf(page);
    const input = [left, right, rows].flatMap((b) => b.lines.flatMap((l) => l.words));
    expect(words).toHaveLength(input.length);
    expect(new Set(words.map((w) => `${w.text}@${w.bbox.join(',')}`)).size).toBe(input.length);
    expect(words[0]!.text).toBe('L1');
    expect(words.findIndex((w) => w.text === 'R1')).toBeGreaterThan(words.findIndex((w) => w.text === 'L8'));
    expect(words.at(-1)!.text).toBe('5');
    expect(page.tables.map((t) => t.rows)).toEqual([[['Item', 'Qty'], ['Apples', '3'], ['Pears', '5']]]);
  });
});
