// One protocol between the app window and its workers (after Squoosh's WorkerBridge and
// pdf.js's MessageHandler). A worker's protocol is a map of named actions to their payload
// and result types; the window calls them, the worker answers them (`expose`). Errors cross
// with their name, code and sentence: a UserError or ModelError thrown in the worker is
// thrown again as one in the window, so the caller can tell a person's error from a crash.
// An AbortSignal stops the work (the worker is terminated, or told to cancel); an idle worker
// is torn down after a while; a crashed one fails what it held and the next call starts a
// fresh one.
import { UserError } from './errors';
import { ModelError, type ModelErrorCode } from './models';

/** A worker's actions: what each takes and what it answers. */
export type Protocol = { [action: string]: { payload: unknown; result: unknown } };

export type Action<P extends Protocol> = keyof P & string;

/** An error as it crosses: structured clone keeps neither its class nor its fields. */
export interface CrossingError {
  name: string;
  message: string;
  /** a UserError's (or subclass's) code */
  code?: string;
  stack?: string;
}

export type Request = { kind: 'call'; id: number; action: string; payload: unknown } | { kind: 'cancel'; id: number };
export type Reply =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: CrossingError }
  /** something a call says before it answers (a chat model's words so far); the call goes on */
  | { kind: 'progress'; id: number; data: unknown };

export function toCrossing(err: unknown): CrossingError {
  if (err instanceof UserError) return { name: err.name, message: err.detail, code: err.code, stack: err.stack };
  if (err instanceof Error || err instanceof DOMException) return { name: err.name, message: err.message, stack: (err as Error).stack };
  return { name: 'Error', message: String(err) };
}

/** The error as its own class again: a UserError with its code stays one, an AbortError stays one. */
export function fromCrossing(e: CrossingError): Error {
  let err: Error;
  if (e.code !== undefined && e.name === 'ModelError') err = new ModelError(e.code as ModelErrorCode, e.message);
  else if (e.code !== undefined) {
    err = new UserError(e.code, e.message);
    err.name = e.name;
  } else if (e.name === 'AbortError') return new DOMException(e.message, 'AbortError');
  else {
    err = new Error(e.message);
    err.name = e.name;
  }
  if (e.stack) err.stack = e.stack;
  return err;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Aborted', 'AbortError');
}

/** What the bridge needs of a Worker (a Web Worker, or a test's stand-in). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (ev: Event & { message?: string }) => void): void;
  terminate(): void;
}

export interface BridgeOptions<P extends Protocol> {
  /** says whose worker failed, in errors: "The vlm engine's worker failed: …" */
  label: string;
  start: () => WorkerLike;
  /** calls made first on each fresh worker (its configuration) */
  setup?: (call: <A extends Action<P>>(action: A, payload: P[A]['payload']) => Promise<P[A]['result']>) => void;
  /** a worker with no call in hand this long is terminated; the next call starts another */
  idleMs?: number;
  /**
   * What an abort does: 'terminate' ends the worker (what it loaded is lost) unless it holds
   * other calls, when it is told to cancel instead; 'cancel' tells the worker, whose handler
   * sees its signal aborted, and keeps it warm.
   */
  onAbort?: 'terminate' | 'cancel';
}

export interface CallOptions {
  signal?: AbortSignal;
  transfer?: Transferable[];
  /** hears what the worker's handler reports before it answers (its `progress`) */
  onProgress?: (data: unknown) => void;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  progress?: (data: unknown) => void;
}

interface Running {
  worker: WorkerLike;
  pending: Map<number, Pending>;
}

/** The window's side: one worker, started when first called, and the calls it has in hand. */
export class WorkerBridge<P extends Protocol> {
  private running: Running | undefined;
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: BridgeOptions<P>) {}

  /** Calls in hand (a pool sends new work to the least busy). */
  get pending(): number {
    return this.running?.pending.size ?? 0;
  }

  get started(): boolean {
    return this.running !== undefined;
  }

  call<A extends Action<P>>(action: A, payload: P[A]['payload'], { signal, transfer = [], onProgress }: CallOptions = {}): Promise<P[A]['result']> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const run = (this.running ??= this.spawn());
    return this.send(run, action, payload, transfer, signal, onProgress) as Promise<P[A]['result']>;
  }

  /** Ends the worker now; calls in hand fail with `reason`. */
  terminate(reason: Error = new Error(`${this.options.label} was stopped.`)): void {
    const run = this.running;
    if (run) this.end(run, reason);
  }

  private spawn(): Running {
    const worker = this.options.start();
    const run: Running = { worker, pending: new Map() };
    worker.addEventListener('message', (ev: MessageEvent<Reply>) => {
      const msg = ev.data;
      const p = run.pending.get(msg.id);
      if (!p) return;
      if (msg.kind === 'progress') return void p.progress?.(msg.data);
      run.pending.delete(msg.id);
      this.settled(run);
      if (msg.kind === 'result') p.resolve(msg.result);
      else p.reject(fromCrossing(msg.error));
    });
    // A crashed worker (out of memory, a failed module load, a reply that cannot be read):
    // it goes, what it held fails, and the next call starts a fresh one.
    const crashed = (ev: Event & { message?: string }) => {
      ev.preventDefault?.();
      this.end(run, new Error(`${this.options.label} failed: ${ev.message || (ev.type === 'messageerror' ? 'a message could not be read' : 'unknown error')}`));
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    this.options.setup?.((action, payload) => this.send(run, action, payload, []) as never);
    return run;
  }

  private send(run: Running, action: string, payload: unknown, transfer: Transferable[], signal?: AbortSignal, progress?: (data: unknown) => void): Promise<unknown> {
    clearTimeout(this.idle);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!run.pending.delete(id)) return;
        reject(abortError(signal!));
        if (this.options.onAbort === 'terminate' && run.pending.size === 0) this.end(run);
        else {
          run.worker.postMessage({ kind: 'cancel', id } satisfies Request);
          this.settled(run);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      run.pending.set(id, { resolve: (v) => (done(), resolve(v)), reject: (e) => (done(), reject(e)), progress });
      try {
        run.worker.postMessage({ kind: 'call', id, action, payload } satisfies Request, transfer);
      } catch (err) {
        // Not cloneable: nothing was sent.
        run.pending.delete(id);
        done();
        reject(err);
      }
    });
  }

  /** After a call settles: an idle worker is torn down once it has been idle `idleMs`. */
  private settled(run: Running): void {
    const ms = this.options.idleMs;
    if (ms === undefined || run.pending.size || this.running !== run) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.running === run && run.pending.size === 0) this.end(run);
    }, ms);
  }

  private end(run: Running, reason?: Error): void {
    if (this.running === run) {
      this.running = undefined;
      clearTimeout(this.idle);
    }
    run.worker.terminate();
    const pending = [...run.pending.values()];
    run.pending.clear();
    for (const p of pending) p.reject(reason ?? new Error(`${this.options.label} was stopped.`));
  }
}

/**
 * The worker's answer to each action; `signal` is aborted when the caller gives up;
 * `progress` tells the caller something before the answer (its `onProgress` hears it).
 */
export type Handlers<P extends Protocol> = {
  [A in Action<P>]: (payload: P[A]['payload'], signal: AbortSignal, progress: (data: unknown) => void) => P[A]['result'] | Promise<P[A]['result']>;
};

/** What `expose` needs of the worker's global scope (a worker's `self`, or a test's port). */
export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
}

/** The worker's side: answers each call with its handler's result or error. */
export function expose<P extends Protocol>(handlers: Handlers<P>, scope: WorkerScope = self as unknown as WorkerScope): void {
  const calls = new Map<number, AbortController>();
  scope.addEventListener('message', (ev: MessageEvent<Request>) => {
    const msg = ev.data;
    if (msg.kind === 'cancel') {
      calls.get(msg.id)?.abort(new DOMException('Aborted', 'AbortError'));
      return;
    }
    if (msg.kind !== 'call') return;
    const controller = new AbortController();
    calls.set(msg.id, controller);
    const reply = (r: Reply) => {
      calls.delete(msg.id);
      try {
        scope.postMessage(r);
      } catch (err) {
        // A result that cannot be cloned: the caller still hears, as an error.
        scope.postMessage({ kind: 'error', id: msg.id, error: toCrossing(err) } satisfies Reply);
      }
    };
    const handler = handlers[msg.action as Action<P>];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`No action ${msg.action} in this worker.`);
        const progress = (data: unknown) => {
          if (calls.has(msg.id)) scope.postMessage({ kind: 'progress', id: msg.id, data } satisfies Reply);
        };
        return handler(msg.payload as never, controller.signal, progress);
      })
      .then(
        (result) => reply({ kind: 'result', id: msg.id, result }),
        (err: unknown) => reply({ kind: 'error', id: msg.id, error: toCrossing(err) }),
      );
  });
}
