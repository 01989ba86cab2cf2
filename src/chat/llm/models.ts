// The in-browser chat models (web-llm, WebGPU): a short list with download sizes, fetched
// from a model host the user chooses (web-llm's public hub by default, or a self-hosted folder
// with the same layout) into Cache Storage, and kept for offline use.
import { prefs } from '../../settings-store';
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';

export interface ChatModel {
  id: string;
  label: string;
  /** approximate download, in MB */
  downloadMB: number;
  vramMB: number;
}

export const CHAT_MODELS: ChatModel[] = [
  { id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', label: 'Qwen2.5 0.5B (fast, small)', downloadMB: 280, vramMB: 945 },
  { id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', label: 'Llama 3.2 1B', downloadMB: 700, vramMB: 879 },
  { id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', label: 'Qwen2.5 1.5B (better answers)', downloadMB: 870, vramMB: 1630 },
  { id: 'Phi-3.5-mini-instruct-q4f16_1-MLC', label: 'Phi-3.5 mini (best, large)', downloadMB: 2100, vramMB: 3670 },
];

const SETTINGS_KEY = 'ocrchat.modelHost';

/** The model host: '' for the public hub, or a base URL holding `<model_id>/` folders and `libs/`. */
export function modelHost(): string {
  return prefs.get(SETTINGS_KEY) || '';
}

export function setModelHost(url: string): void {
  prefs.set(SETTINGS_KEY, url.trim());
}

/** web-llm's app config with every model URL pointed at the chosen host. */
export async function appConfig(host = modelHost()): Promise<AppConfig> {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  const wanted = new Set(CHAT_MODELS.map((m) => m.id));
  const base = host.replace(/\/?$/, '/');
  const model_list: ModelRecord[] = prebuiltAppConfig.model_list
    .filter((m) => wanted.has(m.model_id))
    .map((m) =>
      host
        ? { ...m, model: `${base}${m.model_id}`, model_lib: `${base}libs/${m.model_lib.split('/').pop()}` }
        : m,
    );
  return { ...prebuiltAppConfig, model_list };
}

/** A WebGPU adapter, or null: the LLM answerer needs one (others use the extractive answerer). */
export async function webgpuAdapter(): Promise<unknown | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown | null> } }).gpu;
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter();
  } catch {
    return null;
  }
}
