// Downloading, loading and deleting a chat model. web-llm runs in its own worker; this side
// checks the host first (so a missing model fails at once, naming the host), drives the
// progress bar, and gives up when the download stalls rather than hang.
import type { ModelRecord, WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import { appConfig, chatModel, chosenModel, hostLabel, modelFolder, webgpuAdapter } from '../../models/chat';

export interface ModelProgress {
  /** 0..1 */
  fraction: number;
  text: string;
}

export type ModelErrorCode = 'unknown_model' | 'no_webgpu' | 'not_on_host' | 'host_unreachable' | 'stalled' | 'cancelled' | 'load_failed';

/** A model that cannot be had, with a sentence a person can act on. */
export class ChatModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChatModelError';
  }
}

/** No progress for this long during a load means the host stopped sending. */
const STALL_MS = 120_000;

let loaded: { id: string; worker: Worker; engine: Promise<WebWorkerMLCEngine> } | undefined;

async function recordOf(id: string): Promise<ModelRecord> {
  const record = chatModel(id) && (await appConfig()).model_list.find((m) => m.model_id === id);
  if (!record) throw new ChatModelError('unknown_model', `There is no chat model called ${id}.`);
  return record;
}

export async function isModelCached(id: string): Promise<boolean> {
  if (!chatModel(id) || !('caches' in globalThis)) return false;
  const { hasModelInCache } = await import('@mlc-ai/web-llm');
  return hasModelInCache(id, await appConfig()).catch(() => false);
}

export async function deleteModel(id: string): Promise<void> {
  if (loaded?.id === id) unloadModel();
  const { deleteModelAllInfoInCache } = await import('@mlc-ai/web-llm');
  await deleteModelAllInfoInCache(id, await appConfig());
}

export function unloadModel(): void {
  const was = loaded;
  loaded = undefined;
  if (!was) return;
  void was.engine.then((e) => e.unload()).catch(() => undefined).finally(() => was.worker.terminate());
}

/** One file the model needs: present on the host, and not a web page that a static host answers for anything. */
async function probe(url: string, id: string, kind: 'config' | 'library', signal?: AbortSignal): Promise<void> {
  const where = hostLabel();
  let res: Response;
  try {
    res = await fetch(url, { signal, cache: 'no-store' });
  } catch (err) {
    if (signal?.aborted) throw new ChatModelError('cancelled', 'The download was cancelled.');
    throw new ChatModelError('host_unreachable', `The model host ${where} could not be reached (${String((err as Error)?.message ?? err)}). Check the model host, or that you are online.`);
  }
  const notThere = (why: string) =>
    new ChatModelError('not_on_host', `The model host ${where} has no ${id}: ${url} ${why}. Check the model host in Settings, or put the model's files there.`);
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw notThere(`answered HTTP ${res.status}`);
  }
  const type = res.headers.get('Content-Type') ?? '';
  if (kind === 'library') {
    await res.body?.cancel().catch(() => undefined);
    if (/text\/html/i.test(type)) throw notThere('answered with a web page, not the model library');
    return;
  }
  try {
    const body = (await res.json()) as unknown;
    if (!body || typeof body !== 'object') throw new Error('not an object');
  } catch {
    throw notThere(`answered with ${/text\/html/i.test(type) ? 'a web page' : 'something else'}, not the model's configuration`);
  }
}

/** Checks that the host serves the model's configuration and its WebGPU library. */
export async function checkHost(id: string, signal?: AbortSignal): Promise<void> {
  const record = await recordOf(id);
  await probe(new URL('mlc-chat-config.json', modelFolder(record)).href, id, 'config', signal);
  await probe(new URL(record.model_lib, location.href).href, id, 'library', signal);
}

/**
 * Loads a model in its worker, downloading it into Cache Storage the first time.
 * Rejects with a ChatModelError; never waits forever.
 */
export async function loadModel(id: string, onProgress?: (p: ModelProgress) => void, signal?: AbortSignal): Promise<WebWorkerMLCEngine> {
  await recordOf(id);
  if (!(await webgpuAdapter())) throw new ChatModelError('no_webgpu', 'Chat models need WebGPU, and this browser gives no WebGPU adapter; answers come from the built-in extractive answerer instead.');
  if (loaded?.id === id) return loaded.engine;
  unloadModel();
  const { CreateWebWorkerMLCEngine } = await import('@mlc-ai/web-llm');
  const worker = new Worker(new URL('../../../workers/llm.ts', import.meta.url), { type: 'module' });
  const config = await appConfig();
  const engine = new Promise<WebWorkerMLCEngine>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (err: ChatModelError) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      worker.terminate();
      if (loaded?.worker === worker) loaded = undefined;
      reject(err);
    };
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new ChatModelError('stalled', `The model host ${hostLabel()} stopped sending ${id} (nothing for ${STALL_MS / 1000} s). Try again, or check the model host.`)), STALL_MS);
    };
    const cancel = () => fail(new ChatModelError('cancelled', 'The download was cancelled.'));
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    watch();
    CreateWebWorkerMLCEngine(worker, id, {
      appConfig: config,
      initProgressCallback: (r) => {
        watch();
        onProgress?.({ fraction: r.progress, text: r.text });
      },
    }).then(
      (e) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        resolve(e);
      },
      (err: unknown) =>
        fail(new ChatModelError('load_failed', `The chat model ${id} could not be loaded from ${hostLabel()} (${String((err as Error)?.message ?? err)}).`)),
    );
  });
  loaded = { id, worker, engine };
  return engine;
}

/** Fetches a model into Cache Storage (checking the host first) and loads it, with progress. */
export async function downloadModel(id: string, onProgress: (p: ModelProgress) => void, signal?: AbortSignal): Promise<void> {
  if (!(await webgpuAdapter())) throw new ChatModelError('no_webgpu', 'Chat models need WebGPU, and this browser gives no WebGPU adapter; chat uses the built-in extractive answerer.');
  onProgress({ fraction: 0, text: `Asking ${hostLabel()} for ${id}…` });
  if (!(await isModelCached(id))) await checkHost(id, signal);
  await loadModel(id, onProgress, signal);
}

/** The model the user chose and has downloaded, if WebGPU is there to run it. */
export async function readyModel(): Promise<string | null> {
  const id = chosenModel();
  if (!id || !chatModel(id) || !(await webgpuAdapter())) return null;
  return (await isModelCached(id)) ? id : null;
}
