// The optional models, in their worker (workers/reader.ts): a transformers.js image-to-text
// model (TrOCR for handwriting, Texify for formulas) reads cut-out images one by one; a page
// model (granite-docling) converts whole pages to DocTags; a translation model (OPUS-MT,
// Marian) translates texts for the translate tool. Its files come only from Cache
// Storage, where Settings → Models put them: transformers.js is pointed at the cache's keys
// and its fetch answers 404, so it never downloads anything itself; its onnxruntime is the
// app's own, with the WASM served from the app's origin.
import type { Handlers } from '../../shared/bridge';
import type { ReaderProtocol, ReaderSetup, ReadText } from './protocol';

type Transformers = typeof import('@huggingface/transformers');
type Tensor = InstanceType<Transformers['Tensor']>;
type RawImage = InstanceType<Transformers['RawImage']>;

interface Loaded {
  tf: Transformers;
  loadMs: number;
  /** one image in, its text out; `probe` collects the probability of each token chosen */
  read?(image: RawImage, probe: Probe): Promise<string>;
  /** a translation model: one text in, its translation out */
  translateText?(text: string): Promise<string>;
}

/** Greedy decoding keeps, step by step, the probability of the token it chose. */
interface Probe {
  processor: unknown;
  mean(): number;
}

function confidenceProbe(tf: Transformers): Probe {
  const probs: number[] = [];
  class ChosenTokenProbability extends tf.LogitsProcessor {
    _call(_ids: bigint[][], logits: Tensor) {
      // One image a call: the first row is its next token's scores, after the other processors.
      const v = logits.dims.at(-1)!;
      const row = Array.from((logits.data as ArrayLike<number>) ?? []).slice(0, v);
      let max = -Infinity;
      for (const x of row) if (x > max) max = x;
      let sum = 0;
      for (const x of row) sum += Math.exp(x - max);
      probs.push(1 / sum);
      return logits;
    }
  }
  return { processor: new ChosenTokenProbability(), mean: () => (probs.length ? probs.reduce((a, b) => a + b, 0) / probs.length : 0) };
}

interface CropPipeline {
  processor: (img: RawImage) => Promise<{ pixel_values: Tensor }>;
  model: { generate(args: Record<string, unknown>): Promise<Tensor> };
  tokenizer: { batch_decode(ids: Tensor, o: { skip_special_tokens: boolean }): string[] };
}

interface PageProcessor {
  (text: string, images: RawImage[]): Promise<Record<string, Tensor> & { input_ids: Tensor }>;
  apply_chat_template(messages: unknown[], o: { add_generation_prompt: boolean }): string;
  tokenizer: { batch_decode(ids: Tensor, o: { skip_special_tokens: boolean }): string[] };
}

/** TrOCR, Texify: an image-to-text pipeline over a cut-out line or block. */
async function loadCropModel(tf: Transformers, cfg: ReaderSetup, repo: string, revision: string): Promise<Loaded['read']> {
  const spec = cfg.entry.transformers!;
  const pipe = (await tf.pipeline('image-to-text', repo, { revision, dtype: spec.dtype as 'q8', device: cfg.device })) as unknown as CropPipeline;
  return async (image, probe) => {
    const { pixel_values } = await pipe.processor(image);
    const out = await pipe.model.generate({ inputs: pixel_values, max_new_tokens: spec.maxNewTokens, logits_processor: [probe.processor] });
    return pipe.tokenizer.batch_decode(out, { skip_special_tokens: true })[0]?.trim() ?? '';
  };
}

/** granite-docling: a vision-language model asked, through its chat template, to convert the whole page. */
async function loadPageModel(tf: Transformers, cfg: ReaderSetup, repo: string, revision: string): Promise<Loaded['read']> {
  const spec = cfg.entry.transformers!;
  const processor = (await tf.AutoProcessor.from_pretrained(repo, { revision })) as unknown as PageProcessor;
  const model = (await tf.AutoModelForVision2Seq.from_pretrained(repo, { revision, dtype: spec.dtype as 'fp16', device: cfg.device })) as unknown as CropPipeline['model'];
  return async (image, probe) => {
    const messages = [{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: spec.prompt ?? 'Convert this page to docling.' }] }];
    const inputs = await processor(processor.apply_chat_template(messages, { add_generation_prompt: true }), [image]);
    const out = await model.generate({ ...inputs, max_new_tokens: spec.maxNewTokens, logits_processor: [probe.processor] });
    // The output starts with the prompt: cut it off. DocTags' location and table tags are
    // special tokens, so special tokens are kept (the parser drops the end markers).
    const written = out.slice(null, [inputs.input_ids.dims.at(-1)!, out.dims.at(-1)!]);
    return processor.tokenizer.batch_decode(written, { skip_special_tokens: false })[0]?.trim() ?? '';
  };
}

interface TextTokenizer {
  (text: string | string[], o?: { truncation?: boolean; max_length?: number; padding?: boolean }): { input_ids: Tensor; attention_mask: Tensor };
  encode(text: string): number[];
  batch_decode(ids: Tensor, o: { skip_special_tokens: boolean }): string[];
}

/**
 * The sentences of a text grouped into pieces of at most `limit` tokens: a Marian model reads
 * 512 tokens at most, and a longer paragraph is translated piece by piece, in order. A single
 * sentence longer than the limit is one piece (the tokenizer truncates it).
 */
export function pieces(text: string, count: (s: string) => number, limit: number): string[] {
  if (count(text) <= limit) return [text];
  const sentences = text.split(/(?<=[.!?;:。！？])\s+|\n+/).filter((x) => x.trim());
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    const next = cur ? `${cur} ${s}` : s;
    if (cur && count(next) > limit) {
      out.push(cur);
      cur = s;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

/** Marian (OPUS-MT): a sentencepiece tokenizer and an encoder-decoder, greedy decoding. */
async function loadTranslator(tf: Transformers, cfg: ReaderSetup, repo: string, revision: string): Promise<Loaded['translateText']> {
  const spec = cfg.entry.transformers!;
  const tokenizer = (await tf.AutoTokenizer.from_pretrained(repo, { revision })) as unknown as TextTokenizer;
  const model = (await tf.AutoModelForSeq2SeqLM.from_pretrained(repo, { revision, dtype: spec.dtype as 'q8', device: cfg.device })) as unknown as CropPipeline['model'];
  const limit = spec.maxInputTokens ?? 400;
  const one = async (text: string): Promise<string> => {
    const inputs = tokenizer(text, { truncation: true, max_length: 512 });
    // Greedy: the hub's generation config asks for beams, which cost several times as much here.
    const out = await model.generate({ ...inputs, max_new_tokens: spec.maxNewTokens, num_beams: 1, do_sample: false });
    return tokenizer.batch_decode(out, { skip_special_tokens: true })[0]?.trim() ?? '';
  };
  return async (text) => {
    const parts = pieces(text, (s) => tokenizer.encode(s).length, limit);
    const done: string[] = [];
    for (const p of parts) done.push(await one(p));
    return done.join(' ');
  };
}

async function load(cfg: ReaderSetup): Promise<Loaded> {
  const t0 = performance.now();
  // The same onnxruntime-web module transformers.js imports (one copy in this worker's
  // bundle). Set before transformers.js loads: it only points at a CDN when no path is set.
  // (Handing it a runtime through Symbol.for('onnxruntime') instead leaves its list of
  // devices empty, and every model then fails to load with "Unsupported device".)
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
  // What the cache lacks was not downloaded: optional files are skipped, required ones fail.
  env.fetch = async () => new Response(null, { status: 404, statusText: 'Not downloaded' });
  const source = cfg.entry.source;
  if (source.kind !== 'host' || !cfg.entry.transformers) throw new Error(`${cfg.entry.id} is not a transformers.js model`);
  const task = cfg.entry.transformers.task;
  if (task === 'translation') return { tf, translateText: await loadTranslator(tf, cfg, source.repo, source.revision), loadMs: performance.now() - t0 };
  const read = await (task === 'image-text-to-text' ? loadPageModel : loadCropModel)(tf, cfg, source.repo, source.revision);
  return { tf, read, loadMs: performance.now() - t0 };
}

function rawImage(tf: Transformers, bitmap: ImageBitmap): RawImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D context on an OffscreenCanvas');
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  return new tf.RawImage(new Uint8ClampedArray(data.buffer), bitmap.width, bitmap.height, 4).rgb();
}

async function read(l: Loaded, bitmap: ImageBitmap): Promise<ReadText> {
  if (!l.read) throw new Error('This model translates text; it does not read images.');
  const probe = confidenceProbe(l.tf);
  const text = await l.read(rawImage(l.tf, bitmap), probe);
  return { text, confidence: Math.max(0, Math.min(1, probe.mean())) };
}

/** The worker's answers: reads queue, one at a time; a cancelled read stops between images. */
export function readerHandlers(): Handlers<ReaderProtocol> {
  let setup: ReaderSetup | undefined;
  let loaded: Promise<Loaded> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const ready = async (): Promise<Loaded> => {
    if (!setup) throw new Error('reader worker: used before setup');
    loaded ??= load(setup);
    try {
      return await loaded;
    } catch (err) {
      loaded = undefined;
      throw err;
    }
  };
  return {
    setup: (s) => {
      setup = s;
    },
    read: ({ images }, signal) => {
      const job = queue.then(async () => {
        try {
          const l = await ready();
          const texts: ReadText[] = [];
          for (const img of images) {
            signal.throwIfAborted();
            texts.push(await read(l, img));
          }
          const loadMs = l.loadMs;
          l.loadMs = 0;
          return { texts, loadMs };
        } finally {
          for (const img of images) img.close();
        }
      });
      queue = job.catch(() => {});
      return job;
    },
    translateTexts: ({ texts }, signal) => {
      const job = queue.then(async () => {
        const l = await ready();
        if (!l.translateText) throw new Error('This model reads images; it does not translate.');
        const out: string[] = [];
        for (const t of texts) {
          signal.throwIfAborted();
          out.push(await l.translateText(t));
        }
        const loadMs = l.loadMs;
        l.loadMs = 0;
        return { texts: out, loadMs };
      });
      queue = job.catch(() => {});
      return job;
    },
  };
}
