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
