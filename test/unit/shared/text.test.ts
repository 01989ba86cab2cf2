import { describe, expect, it } from 'vitest';
import { joinWords } from '../../../src/shared/text';

describe('joinWords', () => {
  it('puts no space between CJK characters, and spaces elsewhere', () => {
    expect(joinWords(['社區', '防疫', '表', '單'])).toBe('社區防疫表單');
    expect(joinWords(['Total', '9.00'])).toBe('Total 9.00');
    expect(joinWords(['表', 'Form', 'A'])).toBe('表 Form A');
    expect(joinWords(['한국어', '문서'])).toBe('한국어 문서');
  });
});
