// The in-browser chat models (web-llm, WebGPU): a short list with download sizes, fetched
// from a model host the user chooses (web-llm's public hub by default, or a self-hosted folder
// with the same layout) into Cache Storage, and kept for offline use.
import { prefs } from '../shared/settings-store';
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';

export interface ChatModel {
  id: string;
  label: string;
  /** approximate download, in MB */
  downloadMB: number;
  /** GPU memory it needs while loaded, in MB (web-llm's own figure) */
  vramMB: number;
  /** q4f16 builds need the adapter's `shader-f16` feature; q4f32 builds run everywhere */
  needsF16: boolean;
}

export const CHAT_MODELS: ChatModel[] = [
  { id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', label: 'Qwen2.5 0.5B (fast, small)', downloadMB: 280, vramMB: 945, needsF16: true },
  { id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', label: 'Qwen2.5 0.5B, 32-bit (for GPUs without 16-bit shaders)', downloadMB: 290, vramMB: 1060, needsF16: false },
  { id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', label: 'Llama 3.2 1B', downloadMB: 700, vramMB: 879, needsF16: true },
  { id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', label: 'Qwen2.5 1.5B (better answers)', downloadMB: 870, vramMB: 1630, needsF16: true },
  { id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', label: 'Qwen2.5 1.5B, 32-bit', downloadMB: 900, vramMB: 1889, needsF16: false },
  { id: 'Phi-3.5-mini-instruct-q4f16_1-MLC', label: 'Phi-3.5 mini (best, large)', downloadMB: 2100, vramMB: 3672, needsF16: true },
];

export const chatModel = (id: string): ChatModel | undefined => CHAT_MODELS.find((m) => m.id === id);

/** The prefix of web-llm's Cache Storage names (webllm/model, webllm/config, webllm/wasm). */
export const WEBLLM_CACHE_PREFIX = 'webllm/';

/**
 * Whether web-llm has kept anything on this device. Without, no chat model is downloaded, and
 * its 6 MB code (cached only once used, so perhaps not there offline) need not load to say so.
 */
export async function webllmHasCaches(): Promise<boolean> {
  if (!('caches' in globalThis)) return false;
  return (await caches.keys()).some((k) => k.startsWith(WEBLLM_CACHE_PREFIX));
}

const HOST_KEY = 'ocrchat.modelHost';
const CHOSEN_KEY = 'ocrchat.chatModel';
export const PUBLIC_HUB = 'https://huggingface.co/mlc-ai/';

/** The model host: '' for the public hub, or a base URL holding `<model_id>/resolve/main/` folders and `libs/`. */
export function modelHost(): string {
  return prefs.get(HOST_KEY) || '';
}

export function setModelHost(url: string): void {
  prefs.set(HOST_KEY, url.trim() || null);
}

/** The model chat should use ('' or null: the extractive answerer). */
export const chosenModel = (): string | null => prefs.get(CHOSEN_KEY) || null;
export const chooseModel = (id: string | null): void => prefs.set(CHOSEN_KEY, id || null);

/** A host as a person reads it: the origin and folder, without the scheme's noise. */
export function hostLabel(host = modelHost()): string {
  if (!host) return 'the public model hub (huggingface.co)';
  try {
    const u = new URL(host, globalThis.location?.href);
    return `${u.host}${u.pathname}`.replace(/\/$/, '');
  } catch {
    return host;
  }
}

/** The folder web-llm reads a model's files from (it adds `resolve/main/` as the hub lays them out). */
export function modelFolder(record: Pick<ModelRecord, 'model'>): string {
  let url = record.model.endsWith('/') ? record.model : `${record.model}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url, globalThis.location?.href).href;
}

/** web-llm's app config with every model URL pointed at the chosen host. */
export async function appConfig(host = modelHost()): Promise<AppConfig> {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  const wanted = new Set(CHAT_MODELS.map((m) => m.id));
  const base = host ? new URL(host.replace(/\/?$/, '/'), globalThis.location?.href).href : '';
  const model_list: ModelRecord[] = prebuiltAppConfig.model_list
    .filter((m) => wanted.has(m.model_id))
    .map((m) => (base ? { ...m, model: `${base}${m.model_id}`, model_lib: `${base}libs/${m.model_lib.split('/').pop()}` } : m));
  return { ...prebuiltAppConfig, model_list };
}

export interface GpuSupport {
  /** an adapter was given */
  available: boolean;
  /** the adapter is a software fallback (e.g. SwiftShader): it works, slowly */
  fallback: boolean;
  /** the adapter has `shader-f16`, which q4f16 models need */
  f16: boolean;
  description: string;
}

interface AdapterLike {
  features?: { has(f: string): boolean };
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; description?: string; vendor?: string; architecture?: string };
}

/** A WebGPU adapter, or null: the LLM answerer needs one (others use the extractive answerer). */
export async function webgpuAdapter(): Promise<AdapterLike | null> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: { requestAdapter(): Promise<AdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter();
  } catch {
    return null;
  }
}

export async function gpuSupport(): Promise<GpuSupport> {
  const a = await webgpuAdapter();
  if (!a) return { available: false, fallback: false, f16: false, description: '' };
  const info = a.info ?? {};
  return {
    available: true,
    fallback: !!(info.isFallbackAdapter ?? a.isFallbackAdapter),
    f16: !!a.features?.has('shader-f16'),
    description: [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'WebGPU',
  };
}
