// The tesseract.js worker pool's policy, with stand-in workers (the OCR itself is tested in
// the browser): reuse per language set, a fresh worker for another set (never
// reinitialize: Tesseract keeps global parameters of the last traineddata across Init),
// recycling, and a broken worker dropped.
import { describe, expect, it } from 'vitest';
import type { Worker as TessWorker } from 'tesseract.js';
import { LARGE_PAGE_PIXELS, TesseractPool } from '../../../src/engines/cpu/pool';

interface Fake {
  id: number;
  languages: string;
  reinitialized: number;
  terminated: boolean;
}

function fakes() {
  const made: Fake[] = [];
  const spawn = async (languages: string): Promise<TessWorker> => {
    const f: Fake = { id: made.length, languages, reinitialized: 0, terminated: false };
    made.push(f);
    return {
      id: f.id,
      languages,
      reinitialize: async () => void f.reinitialized++,
      terminate: async () => void (f.terminated = true),
    } as unknown as TessWorker;
  };
  return { made, spawn };
}

const idOf = (w: TessWorker) => (w as unknown as { id: number }).id;

describe('TesseractPool', () => {
  it('reuses a worker for the same languages', async () => {
    const { made, spawn } = fakes();
    const pool = new TesseractPool(2, spawn);
    const a = await pool.use('eng', async (w) => idOf(w));
    const b = await pool.use('eng', async (w) => idOf(w));
    expect(a).toBe(b);
    expect(made).toHaveLength(1);
  });

  it('tells its caller how long the worker it got took to start, and that one already running took none', async () => {
    const { spawn } = fakes();
    const slow = (languages: string) => new Promise<TessWorker>((resolve) => setTimeout(() => resolve(spawn(languages)), 40));
    const pool = new TesseractPool(1, slow);
    const times = (): { waited: number[]; started: number[] } => ({ waited: [], started: [] });
    const first = times();
    await pool.use('eng', async () => undefined, { waited: (ms) => first.waited.push(ms), started: (ms) => first.started.push(ms) });
    expect(first.started).toHaveLength(1);
    expect(first.started[0]).toBeGreaterThanOrEqual(30);
    expect(first.waited[0]).toBeLessThan(30);
    const again = times();
    await pool.use('eng', async () => undefined, { waited: (ms) => again.waited.push(ms), started: (ms) => again.started.push(ms) });
    expect(again.started[0]).toBeLessThan(5);
  });

  it('gives another language set a fresh worker and ends the old one, never reinitialising it', async () => {
    const { made, spawn } = fakes();
    const pool = new TesseractPool(1, spawn);
    await pool.use('chi_tra+eng', async () => undefined);
    const second = await pool.use('eng', async (w) => idOf(w));
    await Promise.resolve();
    expect(made.map((f) => f.languages)).toEqual(['chi_tra+eng', 'eng']);
    expect(second).toBe(1);
    expect(made[0]!.terminated).toBe(true);
    expect(made.every((f) => f.reinitialized === 0)).toBe(true);
  });

  it('runs two pages at once on two workers, and a third waits for one', async () => {
    const { made, spawn } = fakes();
    const pool = new TesseractPool(2, spawn);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const busy = [pool.use('eng', () => gate), pool.use('eng', () => gate)];
    let third = false;
    const later = pool.use('eng', async () => void (third = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(made).toHaveLength(2);
    expect(third).toBe(false);
    release();
    await Promise.all([...busy, later]);
    expect(third).toBe(true);
    expect(made).toHaveLength(2);
  });

  it('says what a page could start on now: free workers of its languages, and room to start more', async () => {
    const { spawn } = fakes();
    const pool = new TesseractPool(2, spawn);
    expect(pool.free('eng')).toEqual({ ready: 0, room: 2 });
    await pool.use('eng', async () => {});
    expect(pool.free('eng')).toEqual({ ready: 1, room: 1 });
    // a free worker of another set counts as room: it is ended to make some
    expect(pool.free('deu')).toEqual({ ready: 0, room: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const busy = [pool.use('eng', () => gate), pool.use('eng', () => gate)];
    await new Promise((r) => setTimeout(r, 10));
    expect(pool.free('eng')).toEqual({ ready: 0, room: 0 });
    // while a page waits for a worker, nothing is free to anyone else
    const waiting = pool.use('eng', async () => {});
    await new Promise((r) => setTimeout(r, 10));
    expect(pool.free('eng')).toEqual({ ready: 0, room: 0 });
    release();
    await Promise.all([...busy, waiting]);
    expect(pool.free('eng')).toEqual({ ready: 2, room: 0 });
  });

  it('drops a worker whose page failed, and recycles one after 40 pages', async () => {
    const { made, spawn } = fakes();
    const pool = new TesseractPool(1, spawn);
    await expect(pool.use('eng', async () => Promise.reject(new Error('crashed')))).rejects.toThrow('crashed');
    await pool.use('eng', async () => undefined);
    expect(made).toHaveLength(2);
    for (let i = 0; i < 40; i++) await pool.use('eng', async () => undefined);
    expect(made.length).toBe(3);
  });

  it('ends the worker that read a heavy page (its memory never shrinks); the next page gets a fresh one', async () => {
    const { made, spawn } = fakes();
    const pool = new TesseractPool(1, spawn);
    const a = await pool.use('eng', async (w) => idOf(w), undefined, 8_000_000);
    expect(await pool.use('eng', async (w) => idOf(w), undefined, 35_000_000)).toBe(a);
    await new Promise((r) => setTimeout(r, 0));
    expect(made[0]!.terminated).toBe(true);
    expect(await pool.use('eng', async (w) => idOf(w))).not.toBe(a);
  });

  it('ends a worker that read a large page once it has been idle a while, and keeps one that read only small pages', async () => {
    const { made, spawn } = fakes();
    const pool = new TesseractPool(2, spawn, 60_000, 30);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // two workers: one reads a large page, the other a small one, at once
    const large = pool.use('eng', () => gate, undefined, LARGE_PAGE_PIXELS);
    const small = pool.use('eng', () => gate, undefined, 1_000_000);
    release();
    await Promise.all([large, small]);
    // pages that follow soon keep the grown worker
    await new Promise((r) => setTimeout(r, 10));
    await pool.use('eng', async () => undefined, undefined, 1_000_000);
    await pool.use('eng', async () => undefined, undefined, 1_000_000);
    expect(made.filter((f) => f.terminated)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(made.map((f) => f.terminated)).toEqual([true, false]);
  });

  it('a worker that never starts is dropped at the deadline with a coded error, and the next page gets a fresh one', async () => {
    const { made, spawn } = fakes();
    let aborted = false;
    let first = true;
    const pool = new TesseractPool(
      1,
      (languages, signal) => {
        if (!first) return spawn(languages);
        first = false;
        signal.addEventListener('abort', () => void (aborted = true));
        return new Promise<TessWorker>(() => {});
      },
      50,
    );
    await expect(pool.use('grc', async () => 'read')).rejects.toMatchObject({ name: 'EngineError', code: 'engine_start_timeout' });
    expect(aborted).toBe(true);
    expect(await pool.use('eng', async (w) => idOf(w))).toBe(0);
    expect(made).toHaveLength(1);
  });

  it('a worker whose start fails is dropped, its error a value with a code, and waiting pages go on', async () => {
    const { made, spawn } = fakes();
    let calls = 0;
    const pool = new TesseractPool(1, (languages) => (calls++ === 0 ? Promise.reject("Error: Failed loading language 'grc'") : spawn(languages)));
    const failing = pool.use('grc', async () => 'read');
    const waiting = pool.use('deu', async () => 'read in German');
    await expect(failing).rejects.toMatchObject({ code: 'engine_start_failed', detail: expect.stringContaining("Failed loading language 'grc'") });
    expect(await waiting).toBe('read in German');
    expect(made.map((f) => f.languages)).toEqual(['deu']);
  });
});
