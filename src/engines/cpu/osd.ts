// Orientation and script detection (Tesseract OSD). OSD needs the legacy engine, so it
// runs in a worker of its own on the full core, kept warm once started.
import { OEM, type Worker as TessWorker } from 'tesseract.js';
import { QUIET } from './pool';
import { tesseractPaths } from './paths';
import { readyLanguages } from './ready';
import { startTesseract } from './start';
import { WorkerPool, type PoolStats } from '../../shared/worker-pool';

/** As the pool's: a worker that has not started by then never will. */
const START_DEADLINE_MS = 60_000;

export interface Orientation {
  /** degrees to turn the page clockwise to make it upright */
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
  script: string | null;
  scriptConfidence: number;
}

/** OSD is needed on few pages: its worker (a second full WASM heap) goes when idle. */
const IDLE_MS = 20_000;

/** One worker, pages one at a time; one that did not start is dropped, the next page starts another. */
const osd = new WorkerPool<Promise<TessWorker>>({
  size: () => 1,
  whenFull: 'wait',
  idleMs: IDLE_MS,
  start: () => {
    const started = Promise.all([tesseractPaths(false), readyLanguages('osd')]).then(([paths]) =>
      startTesseract(
        'osd',
        OEM.TESSERACT_ONLY,
        { ...paths, workerBlobURL: false, cacheMethod: 'none', gzip: true, legacyCore: true, legacyLang: true },
        QUIET,
        AbortSignal.timeout(START_DEADLINE_MS),
      ),
    );
    started.catch(() => {});
    return started;
  },
  stop: (worker) => worker.then((w) => w.terminate()).then(() => {}, () => {}),
});

export async function detectOrientation(image: Blob): Promise<Orientation | null> {
  const slot = await osd.acquire();
  let started = false;
  try {
    const w = await slot.worker;
    started = true;
    const { data } = await w.detect(image);
    // On a single line OSD may find no orientation but still name a script: keep what it says.
    if (data.orientation_degrees === null && !data.script) return null;
    return {
      degrees: (((data.orientation_degrees ?? 0) % 360) as Orientation['degrees']),
      confidence: data.orientation_degrees === null ? 0 : (data.orientation_confidence ?? 0),
      script: data.script ?? null,
      scriptConfidence: data.script_confidence ?? 0,
    };
  } finally {
    osd.release(slot, !started);
  }
}

/** The OSD worker's busy time so far. */
export function osdStats(): PoolStats {
  return osd.stats();
}
