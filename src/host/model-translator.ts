// The translate tool's second translator: a translation model from the registry (OPUS-MT,
// Marian) that a person downloaded in Settings → Models, run by transformers.js in its worker
// (engines/vlm/reader.ts), on WebGPU where the browser gives an adapter, else on WASM.
import { translateTexts } from '../engines/vlm/reader';
import { hasWebGPU, modelsFor, modelStatus, sizeText, translationModelsFor, type ModelEntry } from '../models';

/** What the translation step asks of the downloaded models. */
export interface ModelTranslators {
  /** the first model of the pair that is on this device */
  installed(from: string, to: string): Promise<ModelEntry | undefined>;
  /** whether some model into `to` is on this device (the job's language is auto: the source is known later) */
  anyInto(to: string): Promise<boolean>;
  /** the registry's models of the pair, installed or not (to name the download) */
  offered(from: string, to: string): ModelEntry[];
  /** the registry's models into `to` */
  offeredInto(to: string): ModelEntry[];
  /** a translator that runs the model */
  translator(entry: ModelEntry): { label: string; translate(text: string): Promise<string> };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const downloadedModels: ModelTranslators = {
  async installed(from, to) {
    for (const entry of translationModelsFor(from, to)) if ((await modelStatus(entry)).installed) return entry;
    return undefined;
  },
  async anyInto(to) {
    for (const entry of this.offeredInto(to)) if ((await modelStatus(entry)).installed) return true;
    return false;
  },
  offered: (from, to) => translationModelsFor(from, to),
  offeredInto: (to) => modelsFor('translation').filter((m) => m.translation && same(m.translation.to, to)),
  translator(entry) {
    let device: Promise<'webgpu' | 'wasm'> | undefined;
    return {
      label: entry.label,
      async translate(text) {
        device ??= hasWebGPU().then((g) => (g ? 'webgpu' : 'wasm'));
        const { texts } = await translateTexts(entry, await device, [text]);
        return texts[0] ?? '';
      },
    };
  },
};

/** “OPUS-MT English → French (…)” (about 108 MB): the words a sentence names a model with. */
export function modelWords(entry: ModelEntry): string {
  const size = sizeText(entry);
  return `“${entry.label}”${size ? ` (${size})` : ''}`;
}
