import { describe, expect, it } from 'vitest';
import { KeyedListeners } from '../../../src/host/listeners';

describe('KeyedListeners', () => {
  it('calls the listeners of a key, stops calling one removed, and forgets them all on a last call', () => {
    const l = new KeyedListeners<number>();
    const got: string[] = [];
    const stopA = l.add('job', (v) => got.push(`a${v}`));
    l.add('job', (v) => got.push(`b${v}`));
    l.add('other', (v) => got.push(`o${v}`));
    expect(l.has('job')).toBe(true);
    l.emit('job', 1);
    stopA();
    l.emit('job', 2, true);
    expect(l.has('job')).toBe(false);
    l.emit('job', 3);
    l.emit('nobody', 4);
    expect(got).toEqual(['a1', 'b1', 'b2']);
    l.emit('other', 5);
    expect(got).toEqual(['a1', 'b1', 'b2', 'o5']);
  });

  it('a listener that removes itself while called does not stop the others', () => {
    const l = new KeyedListeners<string>();
    const got: string[] = [];
    const stop = l.add('k', () => {
      got.push('first');
      stop();
    });
    l.add('k', () => got.push('second'));
    l.emit('k', 'x');
    l.emit('k', 'y');
    expect(got).toEqual(['first', 'second', 'second']);
  });
});
