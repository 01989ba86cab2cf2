// Keeping models on this device for offline use, and telling every open Settings screen
// (in this tab or another) that what is on the device changed.
import { installModel } from './download';
import { modelStatus } from './store';
import type { ModelEntry } from '../shared/models';

const CHANNEL = 'ocrchat-models';

export function announceModelsChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const c = new BroadcastChannel(CHANNEL);
  c.postMessage('changed');
  c.close();
}

/** Calls back whenever a model is kept or deleted, here or in another tab; answers the unsubscribe. */
export function onModelsChanged(fn: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const c = new BroadcastChannel(CHANNEL);
  c.onmessage = () => fn();
  return () => c.close();
}

/**
 * Downloads, checks and keeps each entry that is not on this device yet, one after another
 * (an app file comes from the service worker's cache when it is there already). Answers
 * the entries that could not be kept, with why; never throws.
 */
export async function keepOnDevice(entries: ModelEntry[], signal?: AbortSignal): Promise<{ entry: ModelEntry; error: unknown }[]> {
  const failed: { entry: ModelEntry; error: unknown }[] = [];
  let changed = false;
  for (const entry of entries) {
    if (signal?.aborted) break;
    try {
      if ((await modelStatus(entry)).installed) continue;
      await installModel(entry, { signal });
      changed = true;
    } catch (error) {
      failed.push({ entry, error });
    }
  }
  if (changed) announceModelsChanged();
  return failed;
}

/**
 * Downloads a model the person asked for, with progress, then keeps the runtime build that
 * loads it (a model is no use offline without it). Answers a sentence when the model was
 * kept but a runtime could not be; throws when the model itself could not be.
 */
export async function installForUse(
  entry: ModelEntry,
  runtimes: ModelEntry[],
  opts: { signal?: AbortSignal; onProgress?: (p: { received: number; total: number | null }) => void } = {},
): Promise<string | null> {
  await installModel(entry, { signal: opts.signal, onProgress: opts.onProgress });
  const failed = await keepOnDevice(runtimes, opts.signal);
  announceModelsChanged();
  if (!failed.length) return null;
  return `Kept, but ${failed.map((f) => f.entry.label).join(' and ')} could not be: ${String((failed[0]!.error as Error)?.message ?? failed[0]!.error)}`;
}
