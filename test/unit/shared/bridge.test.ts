// The bridge between the window and a worker, over a real worker thread: named calls, errors
// that keep their class and code, an abort that ends the work, idle workers torn down, and a
// crashed worker that fails what it held and is replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { WorkerBridge, type BridgeOptions, type WorkerLike } from '../../../src/shared/bridge';
import { UserError } from '../../../src/shared/errors';
import { ModelError } from '../../../src/shared/models';
import type { TestProtocol } from './support/bridge-protocol';

let dir: string;
let script: string;
/** Every thread started, and which have exited. */
const threads: { worker: Worker; exited: boolean }[] = [];

beforeAll(async () => {
  // The worker is TypeScript importing the app's modules: bundled once, as the app's build would.
  dir = mkdtempSync(join(tmpdir(), 'bridge-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: dir,
      ssr: fileURLToPath(new URL('./support/bridge-worker.ts', import.meta.url)),
      rollupOptions: { output: { format: 'es', entryFileNames: 'worker.mjs' } },
    },
  });
  script = join(dir, 'worker.mjs');
}, 60_000);

afterAll(async () => {
  await Promise.all(threads.map((t) => t.worker.terminate()));
  rmSync(dir, { recursive: true, force: true });
});

/** A worker thread dressed as a Web Worker. */
function startThread(): WorkerLike {
  const worker = new Worker(script);
  const t = { worker, exited: false };
  threads.push(t);
  worker.on('exit', () => (t.exited = true));
  return {
    postMessage: (m, transfer) => worker.postMessage(m, transfer as never),
    addEventListener: (type: string, listener: (ev: never) => void) => {
      if (type === 'message') worker.on('message', (data) => listener({ data } as never));
      else worker.on(type, (err: Error) => listener({ type, message: err?.message } as never));
    },
    terminate: () => void worker.terminate(),
  };
}

function bridge(options: Partial<BridgeOptions<TestProtocol>> = {}): WorkerBridge<TestProtocol> {
  return new WorkerBridge<TestProtocol>({ label: 'The test worker', start: startThread, ...options });
}

const exited = (i: number) => new Promise<void>((resolve) => (threads[i]!.exited ? resolve() : threads[i]!.worker.once('exit', () => resolve())));

describe('WorkerBridge', () => {
  it('answers named calls with their results, in one warm worker', async () => {
    const b = bridge();
    const before = threads.length;
    expect(await b.call('add', { a: 2, b: 3 })).toBe(5);
    expect(await Promise.all([b.call('calls', undefined), b.call('calls', undefined)])).toEqual([1, 2]);
    expect(threads.length).toBe(before + 1);
    b.terminate();
  });

  it('hands what a handler reports before its answer to the caller\'s onProgress, in order', async () => {
    const b = bridge();
    const heard: unknown[] = [];
    expect(await b.call('count', { to: 4 }, { onProgress: (n) => heard.push(n) })).toBe('counted');
    expect(heard).toEqual([1, 2, 3, 4]);
    // A caller that does not listen is not bothered.
    expect(await b.call('count', { to: 2 })).toBe('counted');
    b.terminate();
  });

  it('runs the setup calls first on each fresh worker', async () => {
    const b = bridge({ setup: (call) => void call('calls', undefined) });
    expect(await b.call('calls', undefined)).toBe(2);
    b.terminate();
    expect(await b.call('calls', undefined)).toBe(2);
    b.terminate();
  });

  it('rebuilds a ModelError and a UserError with their class, code and sentence', async () => {
    const b = bridge();
    const model = await b.call('fail', { kind: 'model' }).catch((e: unknown) => e);
    expect(model).toBeInstanceOf(ModelError);
    expect(model).toBeInstanceOf(UserError);
    expect(model).toMatchObject({ name: 'ModelError', code: 'model_missing', detail: 'Download it again in Settings → Models.' });
    const user = await b.call('fail', { kind: 'user' }).catch((e: unknown) => e);
    expect(user).toBeInstanceOf(UserError);
    expect(user).not.toBeInstanceOf(ModelError);
    expect(user).toMatchObject({ code: 'bad_page', message: 'The page is empty.' });
    // Anything else is not a person's error: the caller may retry it.
    const bug = await b.call('fail', { kind: 'crash' }).catch((e: unknown) => e);
    expect(bug).not.toBeInstanceOf(UserError);
    expect(bug).toMatchObject({ name: 'TypeError', message: 'x is undefined' });
    // The worker is still there for the next call.
    expect(await b.call('add', { a: 1, b: 1 })).toBe(2);
    b.terminate();
  });

  it('an abort terminates the worker and rejects with an AbortError; the next call starts a fresh one', async () => {
    const b = bridge({ onAbort: 'terminate' });
    const ac = new AbortController();
    const i = threads.length;
    const hung = b.call('hang', undefined, { signal: ac.signal });
    await b.call('add', { a: 0, b: 0 });
    ac.abort();
    await expect(hung).rejects.toMatchObject({ name: 'AbortError' });
    await exited(i);
    expect(b.started).toBe(false);
    expect(await b.call('calls', undefined)).toBe(1);
    expect(threads.length).toBe(i + 2);
    b.terminate();
  });

  it('an abort in cancel mode reaches the handler and keeps the worker warm', async () => {
    const b = bridge({ onAbort: 'cancel' });
    const ac = new AbortController();
    const i = threads.length;
    const spun = b.call('spin', undefined, { signal: ac.signal });
    ac.abort();
    await expect(spun).rejects.toMatchObject({ name: 'AbortError' });
    expect(await b.call('calls', undefined)).toBe(1);
    expect(threads.length).toBe(i + 1);
    expect(threads[i]!.exited).toBe(false);
    // An already aborted signal sends nothing.
    await expect(b.call('add', { a: 1, b: 2 }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    b.terminate();
  });

  it('tears down an idle worker after idleMs, and starts another on the next call', async () => {
    const b = bridge({ idleMs: 100 });
    const i = threads.length;
    await b.call('calls', undefined);
    expect(await b.call('calls', undefined)).toBe(2);
    await exited(i);
    expect(b.started).toBe(false);
    expect(await b.call('calls', undefined)).toBe(1);
    expect(threads.length).toBe(i + 2);
    b.terminate();
  });

  it('keeps a busy worker past idleMs', async () => {
    const b = bridge({ idleMs: 50, onAbort: 'cancel' });
    const ac = new AbortController();
    const i = threads.length;
    const spun = b.call('spin', undefined, { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 200));
    expect(threads[i]!.exited).toBe(false);
    ac.abort();
    await expect(spun).rejects.toMatchObject({ name: 'AbortError' });
    await exited(i);
  });

  it('a crashed worker rejects every call it held, and the next call starts a fresh one', async () => {
    const b = bridge();
    const i = threads.length;
    const held = b.call('hang', undefined);
    const crash = b.call('crash', undefined);
    await expect(crash).rejects.toThrow(/The test worker failed: out of memory/);
    await expect(held).rejects.toThrow(/The test worker failed/);
    expect(b.started).toBe(false);
    expect(await b.call('add', { a: 4, b: 5 })).toBe(9);
    expect(threads.length).toBe(i + 2);
    b.terminate();
  });
});
