// The bench's CPU table: Chromium's threads by what they do, and the time between two marks.
import { describe, expect, it } from 'vitest';
import { between, classOf, formatCpu } from '../../../bench/cpu.mjs';

describe('where the CPU goes', () => {
  it("classes a thread by its process's type, whether it is the main thread, and its name", () => {
    expect(classOf('', true, 'chromium')).toBe('browser');
    expect(classOf('', false, 'Chrome_IOThread')).toBe('browser');
    expect(classOf('renderer', true, 'chromium')).toBe('main');
    expect(classOf('renderer', false, 'DedicatedWorker')).toBe('workers');
    expect(classOf('renderer', false, 'ThreadPoolForeg')).toBe('pool');
    expect(classOf('renderer', false, 'ServiceWorker t')).toBe('service worker');
    expect(classOf('renderer', false, 'Chrome_ChildIOT')).toBe('other');
    expect(classOf('gpu-process', true, 'chromium')).toBe('other');
    expect(classOf('utility', false, 'ThreadPoolForeg')).toBe('other');
  });

  it('takes the time between two marks, never below zero', () => {
    expect(between({ workers: 100, main: 50 }, { workers: 400, main: 50, pool: 30 })).toEqual({ workers: 300, main: 0, pool: 30, 'service worker': 0, browser: 0, other: 0 });
  });

  it('prints a page\'s CPU by class, its share, and the cores busy', () => {
    const table = formatCpu([{ label: 'receipt', pages: 2, wallMs: 1000, cpu: { workers: 1200, main: 400, pool: 300, 'service worker': 0, browser: 100, other: 0 } }]);
    expect(table).toContain('| receipt | 2     | 600 (60%)');
    expect(table).toMatch(/\| 1000 +\| 2\.00 +\|$/m);
  });
});
