// The Accurate (vlm) tier offline. Once it has read a page and then been idle a few seconds
// (not to take bandwidth and hashing from a job's next pages), every file it may load
// (PP-OCRv4's models and dictionary, onnxruntime's WASM build and, with a WebGPU adapter,
// its WebGPU build) is fetched once more, mostly from the service worker's cache where the
// engine just put it, checked and kept, so it reads offline and Settings → Models says so.
// Not at the app's first load: about 40 MB that a person who only uses the Fast tier never needs.
// Offline without them, a page fails at once with model_missing, naming what to download.
import { findModel, hasWebGPU, modelStatus, runtimesFor, sizeText, ModelError, type ModelEntry } from '../../models';
import { keepOnDevice } from '../../models/offline';
import { PPOCR_V4 } from '../../models/ppocr';
import { config } from '../../shared/config';

async function needed(): Promise<ModelEntry[]> {
  const pp = findModel(PPOCR_V4.id)!;
  return [pp, ...runtimesFor(pp, await hasWebGPU())];
}

let keeping: Promise<void> | undefined;

/** How long the engine must be idle after a page before its files are kept (config: 5 s; the test build's is shorter). */
const keepAfterIdleMs = (): number => config.vlmKeepAfterIdleMs;
let busy = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** Around each page: the files are kept once the engine has been idle a while after one. */
export function pageStarted(): void {
  busy++;
  clearTimeout(idleTimer);
}

let readOnce = false;

export function pageEnded(read: boolean): void {
  busy = Math.max(0, busy - 1);
  readOnce ||= read;
  if (busy || !readOnce) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void keepForOffline(), keepAfterIdleMs());
}

/** Once per window; a failed attempt (offline, say) is tried again after the next page. */
export function keepForOffline(): Promise<void> {
  keeping ??= (async () => {
    const failed = await keepOnDevice(await needed());
    if (failed.length) {
      keeping = undefined;
      console.warn('vlm: not kept for offline use', failed.map((f) => `${f.entry.id}: ${String((f.error as Error)?.message ?? f.error)}`));
    }
  })();
  return keeping;
}

/** What the vlm tier needs that is not on this device. */
export async function notOnDevice(): Promise<ModelEntry[]> {
  const all = await needed();
  const states = await Promise.all(all.map((e) => modelStatus(e)));
  return all.filter((_, i) => !states[i]!.installed);
}

/**
 * A failure to load the engine's files, when some are not on this device, as the error a
 * person can act on; undefined for any other failure.
 */
export async function notSavedError(err: unknown): Promise<ModelError | undefined> {
  const why = String((err as Error)?.message ?? err);
  const offline = globalThis.navigator?.onLine === false;
  if (!offline && !/fetch|network/i.test(why)) return undefined;
  const missing = await notOnDevice();
  if (!missing.length) return undefined;
  const list = missing.map((e) => `“${e.label}” (${sizeText(e)})`).join(' and ');
  const them = missing.length > 1 ? 'them' : 'it';
  return new ModelError(
    'model_missing',
    `The Accurate tier could not load its engine (${why}): ${list} ${missing.length > 1 ? 'are' : 'is'} not on this device${offline ? ', and the browser is offline' : ''}. Download ${them} in Settings → Models while online, or read with the Fast tier.`,
  );
}
