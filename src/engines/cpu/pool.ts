// A warm pool of tesseract.js workers, sized to the machine, reused across pages and
// jobs and recycled after a number of pages (Tesseract's memory grows with use).
import { OEM, type Worker as TessWorker } from 'tesseract.js';
import { tesseractPaths } from './paths';
import { EngineError, startTesseract } from './start';
import { WorkerPool, type PoolStats } from '../../shared/worker-pool';

// A WASM heap never shrinks: recycling bounds what one large page leaves behind.
const RECYCLE_AFTER_PAGES = 40;
/**
 * A worker that read a page this large (pixels) is ended after it: Tesseract's WASM memory
 * grows to its largest page and never shrinks (a 35-megapixel scan leaves hundreds of MB held
 * for every later page of a long session). The next page starts a fresh worker in about a second.
 */
export const HEAVY_PAGE_PIXELS = 20_000_000;
/**
 * A worker that read a page this large (pixels) holds its grown WASM memory (hundreds of MB for
 * a 14-megapixel book page) for good: it is ended once idle for GROWN_IDLE_MS, and the next
 * page starts a fresh one. Pages that follow one another keep it; a session that stops reading
 * gives the memory back.
 */
export const LARGE_PAGE_PIXELS = 6_000_000;
export const GROWN_IDLE_MS = 5_000;

/**
 * A worker reads its (already verified, cached) traineddata and starts in about a second;
 * one that has not started by then never will, and must not hold its slot for ever.
 */
const START_DEADLINE_MS = 60_000;

/** Where a call's time went before its reading began. */
export interface PoolClock {
  /** waiting for a free worker */
  waited?: (ms: number) => void;
  /** the worker it got starting (loading its traineddata) */
  started?: (ms: number) => void;
}

export class TesseractPool {
  private pool: WorkerPool<Promise<TessWorker>>;
  /** workers that have read a large page: their memory has grown */
  private grown = new WeakSet<Promise<TessWorker>>();

  constructor(
    readonly size: number = defaultPoolSize(),
    private readonly spawnWorker: (languages: string, signal: AbortSignal) => Promise<TessWorker> = spawn,
    private readonly startDeadlineMs = START_DEADLINE_MS,
    private readonly grownIdleMs = GROWN_IDLE_MS,
  ) {
    // Another language set gets a fresh worker, never a reinitialised one (the pool ends a
    // free worker of another set to make room): Tesseract keeps global parameters from the
    // last traineddata's config across Init (chi_tra's turned an English receipt read after
    // it into noise), so a page would read differently depending on what its worker read before.
    this.pool = new WorkerPool({
      size: () => this.size,
      whenFull: 'wait',
      start: (languages) => this.start(languages),
      stop: (worker) => worker.then((w) => w.terminate()).then(() => {}, () => {}),
    });
  }

  /**
   * Runs `fn` on a worker loaded with `languages`, waiting for a free one (`clock.waited`: how
   * long; `clock.started`: how long its worker then took to start, 0 for one already running;
   * `pixels`: the page's size, a heavy page's worker is ended after it). A worker that does
   * not start (rejects, or misses the deadline) is dropped and its EngineError thrown: the
   * next call starts a fresh one.
   */
  async use<T>(languages: string, fn: (w: TessWorker) => Promise<T>, clock?: PoolClock, pixels = 0): Promise<T> {
    const t0 = performance.now();
    const slot = await this.pool.acquire(languages);
    const t1 = performance.now();
    clock?.waited?.(t1 - t0);
    let failed = false;
    try {
      const worker = await slot.worker;
      clock?.started?.(performance.now() - t1);
      return await fn(worker);
    } catch (err) {
      // A worker that failed may be broken: drop it rather than reuse it.
      failed = true;
      throw err;
    } finally {
      if (pixels >= LARGE_PAGE_PIXELS) this.grown.add(slot.worker);
      this.pool.release(slot, failed || slot.uses + 1 >= RECYCLE_AFTER_PAGES || pixels >= HEAVY_PAGE_PIXELS, this.grown.has(slot.worker) ? this.grownIdleMs : undefined);
    }
  }

  /** The worker, or an EngineError once it failed or the deadline passed (it is then stopped). */
  private start(languages: string): Promise<TessWorker> {
    const deadline = new AbortController();
    const spawned = this.spawnWorker(languages, deadline.signal);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        deadline.abort();
        reject(new EngineError('engine_start_timeout', `Tesseract did not start with ${languages} within ${Math.round(this.startDeadlineMs / 1000)} s; try again.`));
      }, this.startDeadlineMs);
    });
    // A worker that starts after all is not leaked.
    late.catch(() => spawned.then((w) => w.terminate()).catch(() => {}));
    const started = spawned.catch((err: unknown) => {
      throw err instanceof EngineError ? err : new EngineError('engine_start_failed', `Tesseract could not start with ${languages}: ${String((err as Error)?.message ?? err)}`);
    });
    const worker = Promise.race([started, late]).finally(() => clearTimeout(timer));
    worker.catch(() => {});
    return worker;
  }

  /** Workers with `languages` free now, and room to start more; none while any call waits for a worker. */
  free(languages: string): { ready: number; room: number } {
    return this.pool.freeOf(languages);
  }

  terminate(): Promise<void> {
    return this.pool.clear();
  }

  /** Each worker lane's busy time so far (diagnosis, the benchmark's busy/idle shares). */
  stats(): PoolStats {
    return this.pool.stats();
  }
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(cores, 4));
}

/**
 * Tesseract's own diagnostics ("Estimating resolution as 304", "Parameter not found: …")
 * reached the console as errors on every page; they go nowhere instead. Failures still
 * come back as rejected promises.
 */
export const QUIET = 'debug_file /dev/null';

async function spawn(languages: string, signal: AbortSignal): Promise<TessWorker> {
  return startTesseract(
    languages,
    OEM.LSTM_ONLY,
    {
      ...(await tesseractPaths(true)),
      workerBlobURL: false,
      // The service worker keeps traineddata in Cache Storage; a second copy in IndexedDB would double the disk use.
      cacheMethod: 'none',
      gzip: true,
    },
    QUIET,
    signal,
  );
}
