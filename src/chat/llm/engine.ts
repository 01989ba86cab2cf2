// Loading (and first downloading) a chat model in its worker, with progress.
import { prefs } from '../../settings-store';
import type { WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import { appConfig, CHAT_MODELS, webgpuAdapter } from './models';

export interface ModelProgress {
  fraction: number;
  text: string;
}

let loaded: { id: string; engine: Promise<WebWorkerMLCEngine> } | undefined;

export class ModelUnavailable extends Error {}

export async function isModelCached(id: string): Promise<boolean> {
  const { hasModelInCache } = await import('@mlc-ai/web-llm');
  return hasModelInCache(id, await appConfig()).catch(() => false);
}

export async function deleteModel(id: string): Promise<void> {
  const { deleteModelAllInfoInCache } = await import('@mlc-ai/web-llm');
  await deleteModelAllInfoInCache(id, await appConfig());
}

/** Loads a model, downloading it into Cache Storage the first time. */
export async function loadModel(id: string, onProgress?: (p: ModelProgress) => void): Promise<WebWorkerMLCEngine> {
  if (!CHAT_MODELS.some((m) => m.id === id)) throw new ModelUnavailable(`Unknown chat model ${id}.`);
  if (!(await webgpuAdapter())) throw new ModelUnavailable('Chat models need WebGPU, and this browser gives no WebGPU adapter; answers come from the extractive answerer instead.');
  if (loaded?.id === id) return loaded.engine;
  const { CreateWebWorkerMLCEngine } = await import('@mlc-ai/web-llm');
  const worker = new Worker(new URL('./llm-worker.ts', import.meta.url), { type: 'module' });
  const engine = CreateWebWorkerMLCEngine(worker, id, {
    appConfig: await appConfig(),
    initProgressCallback: (r) => onProgress?.({ fraction: r.progress, text: r.text }),
  }).catch((err: unknown) => {
    worker.terminate();
    loaded = undefined;
    throw new ModelUnavailable(`The chat model ${id} could not be loaded from the model host (${String((err as Error)?.message ?? err)}). Check the model host in Settings, or download the model while online.`);
  });
  loaded = { id, engine };
  return engine;
}

/** The model the user chose and has downloaded, if WebGPU is there to run it. */
export async function readyModel(): Promise<string | null> {
  const id = prefs.get('ocrchat.chatModel');
  if (!id || !(await webgpuAdapter())) return null;
  return (await isModelCached(id)) ? id : null;
}
