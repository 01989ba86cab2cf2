// The one worker pool (cpu, osd, vlm, pdf.js): a free worker of the same kind first, a new
// one while there is room, then share the least busy or wait; idle workers stopped.
import { describe, expect, it, vi } from 'vitest';
import { WorkerPool } from '../../../src/shared/worker-pool';

interface Fake {
  id: number;
  key: string;
  stopped: boolean;
}

function pool(size: number, whenFull: 'share' | 'wait', idleMs?: number) {
  const made: Fake[] = [];
  const p = new WorkerPool<Fake>({
    size: () => size,
    whenFull,
    idleMs,
    start: (key) => {
      const f = { id: made.length, key, stopped: false };
      made.push(f);
      return f;
    },
    stop: (f) => void (f.stopped = true),
  });
  return { p, made };
}

describe('WorkerPool', () => {
  it('starts a second worker only when the first is busy, then shares the least busy', async () => {
    const { p, made } = pool(2, 'share');
    const a = await p.acquire();
    p.release(a);
    expect((await p.acquire()).worker).toBe(a.worker);
    const b = await p.acquire();
    expect(made).toHaveLength(2);
    const c = await p.acquire();
    expect([a.worker, b.worker]).toContain(c.worker);
    expect(made).toHaveLength(2);
  });

  it('work that asks for one worker at most shares the busy first one, and uses a second that is there', async () => {
    const { p, made } = pool(2, 'share');
    const a = await p.acquire();
    const aside = await p.acquire('', 1);
    expect(aside.worker).toBe(a.worker);
    expect(made).toHaveLength(1);
    const b = await p.acquire();
    expect(made).toHaveLength(2);
    p.release(b);
    expect((await p.acquire('', 1)).worker).toBe(b.worker);
    expect(made).toHaveLength(2);
  });

  it('in wait mode a call waits for a release, and a free worker of another kind makes room', async () => {
    const { p, made } = pool(1, 'wait');
    const eng = await p.acquire('eng');
    let got = false;
    const deu = p.acquire('deu').then((s) => ((got = true), s));
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toBe(false);
    p.release(eng);
    const slot = await deu;
    expect(slot.key).toBe('deu');
    expect(made[0]!.stopped).toBe(true);
  });

  it('retires a worker on release when asked, and stops an idle one after idleMs', async () => {
    const { p, made } = pool(1, 'wait', 30);
    const a = await p.acquire();
    p.release(a, true);
    expect(made[0]!.stopped).toBe(true);
    const b = await p.acquire();
    expect(b.worker.id).toBe(1);
    p.release(b);
    expect(made[1]!.stopped).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(made[1]!.stopped).toBe(true);
    expect(p.workers).toHaveLength(0);
  });

  it('counts each lane\'s busy time (a call in hand up to now), and a worker that replaces a stopped one takes its lane', async () => {
    let now = 1000;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const { p } = pool(2, 'wait');
      const a = await p.acquire('eng');
      const b = await p.acquire('eng');
      now += 100;
      p.release(a);
      now += 50;
      expect(p.stats()).toEqual({ at: 1150, lanes: [{ lane: 0, busyMs: 100, uses: 1, started: 1, key: 'eng' }, { lane: 1, busyMs: 150, uses: 0, started: 1, key: 'eng' }] });
      p.release(b, true);
      // lane 1's worker is gone: the next one started takes lane 1; the one after replaces lane 0's free worker
      const c = await p.acquire('deu');
      expect(c.lane).toBe(1);
      const d = await p.acquire('deu');
      expect(d.lane).toBe(0);
      now += 200;
      p.release(c);
      p.release(d);
      const s = p.stats();
      expect(s.lanes.map((l) => [l.busyMs, l.uses, l.started])).toEqual([[300, 2, 2], [350, 2, 2]]);
    } finally {
      spy.mockRestore();
    }
  });
});
