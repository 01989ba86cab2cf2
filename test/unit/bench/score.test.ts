import { describe, expect, it } from 'vitest';
import {
  cerOf,
  codePoints,
  levenshtein,
  mean,
  median,
  normalise,
  orderFreeOf,
  scorePage,
  werOf,
  words,
} from '../../../bench/score.mjs';

const cp = (s: string) => codePoints(s);

describe('normalise', () => {
  it('folds every run of whitespace to one space and trims', () => {
    expect(normalise('  a\t\tb \n\n c\r\n')).toBe('a b c');
    expect(normalise('a\u00a0\u2003b')).toBe('a b');
    expect(normalise('')).toBe('');
    expect(normalise(' \n\t ')).toBe('');
  });
  it('upper-cases both sides only when asked', () => {
    expect(normalise('Total: 12.00 rm')).toBe('Total: 12.00 rm');
    expect(normalise('Total: 12.00 rm', true)).toBe('TOTAL: 12.00 RM');
  });
});

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein(cp('kitten'), cp('sitting'))).toBe(3);
    expect(levenshtein(cp('sitting'), cp('kitten'))).toBe(3);
    expect(levenshtein(cp('flaw'), cp('lawn'))).toBe(2);
    expect(levenshtein(cp(''), cp('abc'))).toBe(3);
    expect(levenshtein(cp('abc'), cp(''))).toBe(3);
    expect(levenshtein(cp('same'), cp('same'))).toBe(0);
  });
  it('works over code points, so astral characters count once', () => {
    expect(codePoints('a😀b').length).toBe(3);
    expect(levenshtein(cp('a😀b'), cp('a😁b'))).toBe(1);
    expect(levenshtein(cp('𠀀𠀁'), cp('𠀀'))).toBe(1);
  });
  it('is exact on pages of several thousand characters', () => {
    const a = 'lorem ipsum dolor sit amet '.repeat(200); // 5400 chars
    const b = a.replace(/o/g, '0');
    const d = levenshtein(cp(a), cp(b));
    expect(d).toBe((a.match(/o/g) ?? []).length);
  });
});

describe('cer', () => {
  it('is the character distance over the ground-truth length', () => {
    expect(cerOf('abcd', 'abcd')).toBe(0);
    expect(cerOf('abxd', 'abcd')).toBe(0.25);
    expect(cerOf('', 'abcd')).toBe(1);
    expect(cerOf('abcdabcd', 'abcd')).toBe(1); // can exceed 1 in general
    expect(cerOf('abcdabcdabcd', 'abcd')).toBe(2);
  });
  it('handles an empty ground truth', () => {
    expect(cerOf('', '')).toBe(0);
    expect(cerOf('x', '')).toBe(1);
  });
  it('counts Arabic and CJK code points', () => {
    expect(cerOf('قال أبو', 'قال ابو')).toBeCloseTo(1 / 7);
    expect(cerOf('申請表', '申請書')).toBeCloseTo(1 / 3);
  });
});

describe('wer', () => {
  it('is the word distance over ground-truth words', () => {
    expect(werOf('the cat sat', 'the cat sat')).toBe(0);
    expect(werOf('the bat sat', 'the cat sat')).toBeCloseTo(1 / 3);
    expect(werOf('the cat', 'the cat sat on')).toBe(0.5);
    expect(werOf('', 'a b')).toBe(1);
    expect(werOf('sat cat the', 'the cat sat')).toBeCloseTo(2 / 3);
  });
  it('splits normalised text on single spaces', () => {
    expect(words('')).toEqual([]);
    expect(words('a b')).toEqual(['a', 'b']);
  });
});

describe('order-free word error', () => {
  it('ignores order and counts each ground-truth word once (multiset)', () => {
    expect(orderFreeOf('sat cat the', 'the cat sat')).toBe(0);
    expect(orderFreeOf('the the the', 'the cat the')).toBeCloseTo(1 / 3);
    expect(orderFreeOf('the cat sat extra words', 'the cat sat')).toBe(0);
    expect(orderFreeOf('', 'a b c d')).toBe(1);
    expect(orderFreeOf('a', '')).toBe(1);
    expect(orderFreeOf('', '')).toBe(0);
  });
});

describe('scorePage', () => {
  it('normalises both sides before scoring', () => {
    const s = scorePage('Hello   world\n', ' Hello world ');
    expect(s).toEqual({ cer: 0, wer: 0, orderFree: 0, gtChars: 11, gtWords: 2 });
  });
  it('compares upper-cased when the page is case_insensitive', () => {
    expect(scorePage('Total 12.00', 'TOTAL 12.00').cer).toBeGreaterThan(0);
    expect(scorePage('Total 12.00', 'TOTAL 12.00', { caseInsensitive: true })).toMatchObject({ cer: 0, wer: 0, orderFree: 0 });
  });
  it('separates recognition from reading order on two columns', () => {
    const gt = 'left one left two right one right two';
    const hyp = 'left one right one left two right two';
    const s = scorePage(hyp, gt);
    expect(s.orderFree).toBe(0);
    expect(s.wer).toBeGreaterThan(0);
    expect(s.cer).toBeGreaterThan(0);
  });
});

describe('mean and median', () => {
  it('summarise lists', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(mean([]))).toBe(true);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});
