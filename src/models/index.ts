// The model registry and manager: what models exist, which are on this device, getting
// and removing them, and the engine's question "is the model for this task here?".
import { modelsFor } from './registry';
import { modelStatus } from './store';
import { ModelError, type ModelEntry, type ModelStatus, type ModelTask } from '../shared/models';
import { estimatedBytes } from './registry';
import { formatBytes } from '../shared/bytes';

export { MODELS, ORT_WASM, ORT_WEBGPU, findModel, modelsFor, downloadBytes, estimatedBytes, recogniserFor, runtimesFor, vlmRecogniserFor } from './registry';
export { modelHost, setModelHost, sourceUrl, appBase, type ModelHost } from './host';
export { modelStatus, removeModel, storeKey, readRecord, cacheNameFor, type InstallRecord } from './store';
export { installModel, sha256Hex, hostHash } from './download';
export * from '../shared/models';

const TASK_WORDS: Record<ModelTask, string> = {
  detect: 'text detection',
  orient: 'line orientation',
  'recognise-lines': 'text recognition',
  'recognise-script': 'script recognition',
  handwriting: 'handwriting',
  math: 'formulas',
  tables: 'tables',
  'page-to-markdown': 'whole-page conversion',
  'run-models': 'model runtime',
  'answer-questions': 'chat',
};

/**
 * A model's size as Settings → Models shows it, and as every message that names the model
 * repeats it: what is stored once installed, else what the download comes to; null when unknown.
 */
export function sizeText(entry: ModelEntry, status?: Pick<ModelStatus, 'installed' | 'storedBytes'>): string | null {
  if (status?.installed && status.storedBytes) return formatBytes(status.storedBytes);
  const est = estimatedBytes(entry);
  return est ? `${est.approx ? 'about ' : ''}${formatBytes(est.bytes)}` : null;
}

const sizeWords = (e: ModelEntry) => {
  const size = sizeText(e);
  return size ? ` (${size})` : '';
};

/** Whether the browser gives a WebGPU adapter (a software fallback counts: the model runs, slowly). */
export async function hasWebGPU(): Promise<boolean> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return !!(await gpu.requestAdapter());
  } catch {
    return false;
  }
}

/** The models that do `task`: for a crop task, not a whole-page model that also does it (granite-docling). */
function candidates(task: ModelTask): ModelEntry[] {
  return modelsFor(task).filter((m) => task === 'page-to-markdown' || !m.tasks.includes('page-to-markdown'));
}

/**
 * The first installed model for `task` that can run here; else the first installed one that
 * needs the WebGPU this browser lacks (`needsGpu`), if any. From Cache Storage in milliseconds.
 */
export async function usableModel(task: ModelTask): Promise<{ entry?: ModelEntry; needsGpu?: ModelEntry }> {
  let needsGpu: ModelEntry | undefined;
  for (const entry of candidates(task)) {
    if (!(await modelStatus(entry)).installed) continue;
    if (entry.requiresWebGPU && !(await hasWebGPU())) {
      needsGpu ??= entry;
      continue;
    }
    return { entry };
  }
  return needsGpu ? { needsGpu } : {};
}

/**
 * The installed model for `task`, or a ModelError that says what to download (or that
 * WebGPU is missing): a job never waits for a model that is not there.
 */
export async function requireModel(task: ModelTask, purpose: string): Promise<ModelEntry> {
  const { entry, needsGpu } = await usableModel(task);
  if (entry) return entry;
  if (needsGpu) {
    throw new ModelError('model_needs_webgpu', `${purpose} needs ${needsGpu.label}, which runs only on WebGPU, and this browser offers no WebGPU adapter.`);
  }
  const first = candidates(task)[0];
  if (!first) throw new ModelError('model_missing', `${purpose} needs a ${TASK_WORDS[task]} model, and this app knows none.`);
  throw new ModelError(
    'model_missing',
    `${purpose} needs the ${TASK_WORDS[task]} model, which is not on this device: download “${first.label}”${sizeWords(first)} in Settings → Models, then try again.`,
  );
}

/** `entry` when it is on this device, else a ModelError that says to download it. */
export async function requireInstalled(entry: ModelEntry, purpose: string): Promise<ModelEntry> {
  if ((await modelStatus(entry)).installed) return entry;
  throw new ModelError('model_missing', `${purpose} needs “${entry.label}”, which is not on this device: download it${sizeWords(entry)} in Settings → Models, then try again.`);
}
