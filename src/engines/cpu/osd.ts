// Orientation and script detection (Tesseract OSD). OSD needs the legacy engine, so it
// runs in a worker of its own on the full core, kept warm once started.
import { OEM, type Worker as TessWorker } from 'tesseract.js';
import { QUIET } from './pool';
import { tesseractPaths } from './paths';
import { readyLanguages } from './ready';
import { startTesseract } from './start';

/** As the pool's: a worker that has not started by then never will. */
const START_DEADLINE_MS = 60_000;

export interface Orientation {
  /** degrees to turn the page clockwise to make it upright */
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
  script: string | null;
  scriptConfidence: number;
}

let worker: Promise<TessWorker> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function osdWorker(): Promise<TessWorker> {
  worker ??= readyLanguages('osd').then(() =>
    startTesseract(
      'osd',
      OEM.TESSERACT_ONLY,
      { ...tesseractPaths(), workerBlobURL: false, cacheMethod: 'none', gzip: true, legacyCore: true, legacyLang: true },
      QUIET,
      AbortSignal.timeout(START_DEADLINE_MS),
    ),
  );
  const mine = worker;
  mine.catch(() => {
    if (worker === mine) worker = undefined;
  });
  return worker;
}

/** OSD is needed on few pages: its worker (a second full WASM heap) goes when idle. */
const IDLE_MS = 20_000;
let idle: ReturnType<typeof setTimeout> | undefined;

function scheduleIdle(): void {
  clearTimeout(idle);
  idle = setTimeout(() => {
    const w = worker;
    worker = undefined;
    void w?.then((x) => x.terminate()).catch(() => {});
  }, IDLE_MS);
}

export async function detectOrientation(image: Blob): Promise<Orientation | null> {
  clearTimeout(idle);
  const run = queue.then(async () => {
    const w = await osdWorker();
    const { data } = await w.detect(image);
    // On a single line OSD may find no orientation but still name a script: keep what it says.
    if (data.orientation_degrees === null && !data.script) return null;
    return {
      degrees: (((data.orientation_degrees ?? 0) % 360) as Orientation['degrees']),
      confidence: data.orientation_degrees === null ? 0 : (data.orientation_confidence ?? 0),
      script: data.script ?? null,
      scriptConfidence: data.script_confidence ?? 0,
    };
  });
  queue = run.catch(() => null).finally(scheduleIdle);
  return run;
}
