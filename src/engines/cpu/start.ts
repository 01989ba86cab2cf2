// Starting a tesseract.js worker so that it always settles. tesseract.js 7's createWorker
// never settles when loading or initialising a language fails: it rejects only a failed
// 'load', throws the error from its message handler, and leaves its Web Worker running.
// Here its errorHandler turns such an error into a rejection, an AbortSignal (the pool's
// deadline) does too, and either way the Web Worker it started is terminated.
import { createWorker, type Worker as TessWorker } from 'tesseract.js';

export type EngineErrorCode = 'engine_start_failed' | 'engine_start_timeout';

/** The cpu engine could not start: a value with a code and a sentence, not a bare string. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'EngineError';
  }
}

type CreateArgs = Parameters<typeof createWorker>;

/** Its languages were checked before it started: what is left to blame is a damaged copy, or the engine. */
const startFailed = (langs: string, why: unknown) =>
  new EngineError(
    'engine_start_failed',
    `Tesseract could not start with ${langs} (${String(why)}). If a language came from a language source, its file may be damaged: remove it in Settings → Languages, then try again.`,
  );

/**
 * Calls `start` and returns what it returned with the Web Worker it constructed, if any.
 * tesseract.js constructs its Worker synchronously inside createWorker and never hands it
 * out; this is the only way to end one whose createWorker never settles.
 */
function capturingWorker<T>(start: () => T): { value: T; worker: Worker | undefined } {
  const Original = globalThis.Worker;
  if (typeof Original !== 'function') return { value: start(), worker: undefined };
  let made: Worker | undefined;
  globalThis.Worker = class extends Original {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      made ??= this;
    }
  };
  try {
    return { value: start(), worker: made };
  } finally {
    globalThis.Worker = Original;
  }
}

export function startTesseract(langs: string, oem: CreateArgs[1], options: NonNullable<CreateArgs[2]>, config: CreateArgs[3], signal?: AbortSignal): Promise<TessWorker> {
  return new Promise<TessWorker>((resolve, reject) => {
    let settled = false;
    let webWorker: Worker | undefined;
    const fail = (err: EngineError) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      webWorker?.terminate();
      reject(err);
    };
    const onAbort = () => fail(new EngineError('engine_start_timeout', `Tesseract did not start with ${langs} in time; its worker was stopped.`));
    const started = capturingWorker(() =>
      createWorker(langs, oem, {
        ...options,
        // Called for every failed request of the worker; only one before it started matters here.
        errorHandler: (data: unknown) => fail(startFailed(langs, data)),
      }, config),
    );
    webWorker = started.worker;
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    started.value.then(
      (w) => {
        if (settled) return void w.terminate().catch(() => {});
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve(w);
      },
      (err: unknown) => fail(startFailed(langs, (err as Error)?.message ?? err)),
    );
  });
}
