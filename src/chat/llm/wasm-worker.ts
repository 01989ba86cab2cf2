// The chat model's worker (workers/chat.ts): a small instruct model (Qwen2.5 0.5B, SmolLM2)
// through transformers.js on WASM, for devices without WebGPU. Its files come only from
// Cache Storage, where Settings → Models put them (as the optional OCR models do,
// engines/vlm/reader-pipeline.ts): transformers.js is pointed at the cache's keys and its
// fetch answers 404, so it never downloads anything itself. Each word is reported as it is
// written (the bridge's progress), so that the chat panel shows the answer as it comes.
import type { Handlers } from '../../shared/bridge';
import type { ChatWorkerProtocol, ChatWorkerSetup } from './wasm-protocol';
import type { PromptMessage } from '../prompt';

type Transformers = typeof import('@huggingface/transformers');

interface Loaded {
  tf: Transformers;
  loadMs: number;
  tokenizer: {
    apply_chat_template(messages: PromptMessage[], o: { add_generation_prompt: boolean; return_dict: true }): { input_ids: { dims: number[] } } & Record<string, unknown>;
    batch_decode(ids: unknown, o: { skip_special_tokens: boolean }): string[];
  };
  model: { generate(args: Record<string, unknown>): Promise<{ dims: number[]; slice(...r: unknown[]): unknown }> };
}

async function load(cfg: ChatWorkerSetup): Promise<Loaded> {
  const t0 = performance.now();
  // The app's own onnxruntime-web (set before transformers.js loads; see reader-pipeline.ts).
  const ort = await import('onnxruntime-web/webgpu');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = { wasm: cfg.wasmUrl };
  const tf = await import('@huggingface/transformers');
  const { env } = tf;
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = cfg.filesUrl;
  env.remotePathTemplate = '{model}/{revision}/';
  env.useBrowserCache = false;
  env.useWasmCache = false;
  env.useCustomCache = true;
  const cache = await caches.open(cfg.cacheName);
  env.customCache = { match: (key: string | Request) => cache.match(key), put: async () => {} };
  env.fetch = async () => new Response(null, { status: 404, statusText: 'Not downloaded' });
  const { source, transformers: spec } = cfg.entry;
  if (source.kind !== 'host' || spec?.task !== 'text-generation') throw new Error(`${cfg.entry.id} is not a transformers.js text-generation model`);
  const tokenizer = (await tf.AutoTokenizer.from_pretrained(source.repo, { revision: source.revision })) as unknown as Loaded['tokenizer'];
  const model = (await tf.AutoModelForCausalLM.from_pretrained(source.repo, {
    revision: source.revision,
    dtype: spec.dtype as 'q8',
    device: 'wasm',
  })) as unknown as Loaded['model'];
  return { tf, tokenizer, model, loadMs: performance.now() - t0 };
}

/** The worker's answers: one reply at a time; a cancelled one stops at its next word. */
export function chatWorkerHandlers(): Handlers<ChatWorkerProtocol> {
  let setup: ChatWorkerSetup | undefined;
  let loaded: Promise<Loaded> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    setup: (s) => {
      setup = s;
    },
    generate: ({ messages, maxNewTokens }, signal, progress) => {
      const job = queue.then(async () => {
        if (!setup) throw new Error('chat worker: generate before setup');
        loaded ??= load(setup);
        let l: Loaded;
        try {
          l = await loaded;
        } catch (err) {
          loaded = undefined;
          throw err;
        }
        signal.throwIfAborted();
        const inputs = l.tokenizer.apply_chat_template(messages, { add_generation_prompt: true, return_dict: true });
        let soFar = '';
        const streamer = new l.tf.TextStreamer(l.tokenizer as never, {
          skip_prompt: true,
          skip_special_tokens: true,
          callback_function: (piece: string) => {
            soFar += piece;
            progress(soFar);
          },
        });
        // Stops at the next word once the caller gives up.
        class Cancelled extends l.tf.StoppingCriteria {
          _call(ids: number[][]) {
            return ids.map(() => signal.aborted);
          }
        }
        const criteria = new l.tf.StoppingCriteriaList();
        criteria.push(new Cancelled());
        const out = await l.model.generate({ ...inputs, max_new_tokens: maxNewTokens, do_sample: false, streamer, stopping_criteria: criteria });
        signal.throwIfAborted();
        const written = out.slice(null, [inputs.input_ids.dims.at(-1)!, out.dims.at(-1)!]);
        const text = l.tokenizer.batch_decode(written, { skip_special_tokens: true })[0]?.trim() ?? '';
        const loadMs = l.loadMs;
        l.loadMs = 0;
        return { text, loadMs };
      });
      queue = job.catch(() => {});
      return job;
    },
  };
}
