// Every model the vlm tier knows: the PP-OCRv4 set that comes with the app, and heavier
// optional ones (transformers.js ONNX conversions) downloaded from the model host when a
// person asks for them. A deployment adds its own through the build config (extraModels).
// Sizes marked `approx` are as the host lists them; hashes are given only where they are
// known here; the others are checked against the host's own hash header when it sends one.
import { config } from '../shared/config';
import { modelFiles, PPOCR_V4, RUNTIME_FILES } from './ppocr';
import { vlmReads } from './ppocr';
import type { ModelEntry, ModelTask } from '../shared/models';

const ppocr: ModelEntry = {
  id: PPOCR_V4.id,
  label: 'PP-OCRv4 text detection, line orientation and recognition',
  description: 'The vlm tier’s printed-text engine (Chinese and Latin scripts). Comes with the app, and is kept for offline use after the first page read with the Accurate tier (or download it here).',
  tasks: ['detect', 'orient', 'recognise-lines'],
  source: { kind: 'app', folder: PPOCR_V4.folder },
  files: modelFiles(PPOCR_V4).map((f) => ({ path: f.file, bytes: f.bytes, sha256: f.sha256 })),
  requiresWebGPU: false,
  runtime: 'ppocr',
};

const MB = 1_000_000;

/**
 * onnxruntime-web's WASM binaries as the app's own files (Vite emits them hashed under
 * assets/): listed so that Settings says whether they are on this device, and so that
 * "download for offline" fetches them; without one, the models it runs cannot load offline.
 */
function runtimeBuild(id: string, label: string, description: string, file: { url: string; bytes: number; sha256: string }): ModelEntry {
  const base = import.meta.env?.BASE_URL ?? '/';
  const rel = file.url.startsWith(base) ? file.url.slice(base.length) : file.url.replace(/^\//, '');
  const cut = rel.lastIndexOf('/') + 1;
  return {
    id,
    label,
    description,
    tasks: ['run-models'],
    source: { kind: 'app', folder: rel.slice(0, cut) },
    files: [{ path: rel.slice(cut), bytes: file.bytes, sha256: file.sha256 }],
    requiresWebGPU: false,
    runtime: 'onnxruntime',
  };
}

export const ORT_WASM = runtimeBuild(
  'onnxruntime-wasm',
  'ONNX Runtime Web, WASM build',
  'Runs PP-OCRv4 on the processor (browsers without WebGPU). Comes with the app.',
  RUNTIME_FILES.wasm,
);

export const ORT_WEBGPU = runtimeBuild(
  'onnxruntime-webgpu',
  'ONNX Runtime Web, WebGPU build',
  'Runs PP-OCRv4 on the graphics card, and every model downloaded here (on WebGPU or WASM). Comes with the app.',
  RUNTIME_FILES.webgpu,
);

const trocr: ModelEntry = {
  id: 'trocr-small-handwritten',
  label: 'TrOCR small, handwritten (Microsoft; ONNX by Xenova)',
  description: 'Reads handwritten lines: the handwriting-to-text tool uses it on the lines PP-OCRv4 finds. English.',
  tasks: ['handwriting'],
  source: { kind: 'host', repo: 'Xenova/trocr-small-handwritten', revision: 'main' },
  files: [
    { path: 'config.json', bytes: 4_520, approx: true, sha256: null },
    { path: 'generation_config.json', bytes: 185, sha256: null },
    { path: 'preprocessor_config.json', bytes: 465, sha256: null },
    { path: 'special_tokens_map.json', bytes: 279, sha256: null },
    { path: 'tokenizer.json', bytes: 4.49 * MB, approx: true, sha256: null },
    { path: 'tokenizer_config.json', bytes: 471, sha256: null },
    { path: 'onnx/encoder_model_quantized.onnx', bytes: 23.1 * MB, approx: true, sha256: null },
    { path: 'onnx/decoder_model_merged_quantized.onnx', bytes: 40.5 * MB, approx: true, sha256: null },
  ],
  requiresWebGPU: false,
  runtime: 'transformers',
  transformers: { task: 'image-to-text', dtype: 'q8', maxNewTokens: 64 },
  caveat: 'Sizes are as the hub lists them; no published SHA-256 is recorded here, so files are checked against the hash the host sends, when it sends one.',
};

const texify: ModelEntry = {
  id: 'texify',
  label: 'Texify (formulas and text to LaTeX; ONNX by Xenova)',
  description: 'Turns formulas into LaTeX: the math tool uses it on each block of the page.',
  tasks: ['math'],
  source: { kind: 'host', repo: 'Xenova/texify', revision: 'main' },
  files: [
    { path: 'config.json', bytes: null, sha256: null },
    { path: 'generation_config.json', bytes: null, sha256: null },
    { path: 'preprocessor_config.json', bytes: null, sha256: null },
    { path: 'tokenizer.json', bytes: null, sha256: null },
    { path: 'tokenizer_config.json', bytes: null, sha256: null },
    // The two weights are nearly all of it: their sizes as the hub lists this model's 8-bit
    // encoder and merged decoder (the hub sends their SHA-256, which is what is checked).
    { path: 'onnx/encoder_model_quantized.onnx', bytes: 79.3 * MB, approx: true, sha256: null },
    { path: 'onnx/decoder_model_merged_quantized.onnx', bytes: 240 * MB, approx: true, sha256: null },
  ],
  requiresWebGPU: false,
  runtime: 'transformers',
  transformers: { task: 'image-to-text', dtype: 'q8', maxNewTokens: 384 },
  caveat: 'The file list follows the layout of Xenova’s encoder-decoder conversions; the size is the hub’s listing of its two weight files (the small configuration files are not counted), learnt exactly when it is downloaded.',
};

const docling: ModelEntry = {
  id: 'granite-docling-258m',
  label: 'Granite Docling 258M (IBM; whole page to structured text)',
  description: 'A small vision-language model that converts a whole page (layout, tables, formulas, code). Needs WebGPU.',
  tasks: ['page-to-markdown', 'tables', 'math'],
  source: { kind: 'host', repo: 'onnx-community/granite-docling-258M-ONNX', revision: 'main' },
  files: [
    { path: 'config.json', bytes: null, sha256: null },
    { path: 'generation_config.json', bytes: null, sha256: null },
    { path: 'preprocessor_config.json', bytes: null, sha256: null },
    { path: 'processor_config.json', bytes: null, sha256: null },
    { path: 'tokenizer.json', bytes: null, sha256: null },
    { path: 'tokenizer_config.json', bytes: null, sha256: null },
    { path: 'onnx/vision_encoder_fp16.onnx', bytes: null, sha256: null },
    { path: 'onnx/embed_tokens_fp16.onnx', bytes: null, sha256: null },
    { path: 'onnx/decoder_model_merged_fp16.onnx', bytes: null, sha256: null },
  ],
  requiresWebGPU: true,
  runtime: 'transformers',
  transformers: { task: 'image-text-to-text', dtype: 'fp16', maxNewTokens: 4096, prompt: 'Convert this page to docling.' },
  caveat: 'Image to Markdown and Extract tables on the vlm tier use it when it is downloaded. File list and sizes follow onnx-community’s conversion and are not verified here.',
};

/**
 * Chat on devices without WebGPU: Qwen2.5 0.5B Instruct, 8-bit, run by transformers.js on
 * WASM (src/chat/llm/wasm.ts). Its download is the user's choice: chat answers extractively
 * without it. The weight's size is the hub's listing of onnx-community's
 * onnx/model_quantized.onnx (512 MB); its 4-bit model_q4.onnx is larger (786 MB: the
 * embeddings stay in 32-bit floats), so the 8-bit one is the smaller download.
 */
const qwenChat: ModelEntry = {
  id: 'qwen2.5-0.5b-instruct-wasm',
  label: 'Qwen2.5 0.5B Instruct, for chat without WebGPU (ONNX by onnx-community)',
  description:
    'Answers chat questions from the document’s passages, citing pages, on the processor (WASM) where web-llm cannot run. Slow: a few words a second. Without it chat quotes the document (the built-in extractive answerer).',
  tasks: ['answer-questions'],
  source: { kind: 'host', repo: 'onnx-community/Qwen2.5-0.5B-Instruct', revision: 'main' },
  files: [
    { path: 'config.json', bytes: null, sha256: null },
    { path: 'generation_config.json', bytes: null, sha256: null },
    { path: 'tokenizer.json', bytes: 7.03 * MB, approx: true, sha256: null },
    { path: 'tokenizer_config.json', bytes: null, sha256: null },
    { path: 'onnx/model_quantized.onnx', bytes: 512 * MB, approx: true, sha256: null },
  ],
  requiresWebGPU: false,
  runtime: 'transformers',
  transformers: { task: 'text-generation', dtype: 'q8', maxNewTokens: 256 },
  caveat: 'The weight’s size is as the hub lists it (512 MB); the small configuration files are not counted, and no SHA-256 is recorded here: files are checked against the hash the host sends, when it sends one.',
};

/**
 * PaddleOCR's PP-OCRv5 mobile recognisers of other scripts, as PaddlePaddle publishes them
 * in ONNX (`<name>_PP-OCRv5_mobile_rec_onnx`: inference.onnx, and inference.yml whose
 * PostProcess.character_dict is the dictionary). Left-to-right scripts only: the line
 * layout here reads rows left to right (Arabic goes to tier=cpu).
 */
function scriptRecogniser(name: string, script: string, languages: string[]): ModelEntry {
  return {
    id: `ppocr-v5-rec-${name}`,
    label: `PP-OCRv5 ${script} recogniser (PaddleOCR)`,
    description: `Reads ${script} lines on the vlm tier, after PP-OCRv4 has found them (${languages.join(', ')}).`,
    tasks: ['recognise-script'],
    source: { kind: 'host', repo: `PaddlePaddle/${name}_PP-OCRv5_mobile_rec_onnx`, revision: 'main' },
    files: [
      { path: 'inference.onnx', bytes: null, sha256: null },
      { path: 'inference.yml', bytes: null, sha256: null },
    ],
    requiresWebGPU: false,
    runtime: 'ppocr',
    recogniser: { script, languages, model: 'inference.onnx', dictionary: 'inference.yml', dictionaryFormat: 'paddlex-yml' },
    caveat: 'Repository and file names follow PaddlePaddle’s ONNX exports on the hub; they are not verified from here, nor are sizes and hashes.',
  };
}

const scripts: ModelEntry[] = [
  scriptRecogniser('cyrillic', 'Cyrillic', ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd', 'kaz', 'kir', 'mon', 'tgk', 'tat', 'bak', 'uzb_cyrl', 'aze_cyrl']),
  scriptRecogniser('devanagari', 'Devanagari', ['hin', 'mar', 'nep', 'san']),
  scriptRecogniser('korean', 'Korean', ['kor', 'kor_vert']),
  scriptRecogniser('th', 'Thai', ['tha']),
  scriptRecogniser('el', 'Greek', ['ell', 'grc']),
];

/** The registry, built-in first; a deployment's own entries (config.extraModels) after. */
export const MODELS: ModelEntry[] = [ppocr, ORT_WASM, ORT_WEBGPU, trocr, texify, docling, ...scripts, qwenChat, ...config.extraModels];

/**
 * The runtime builds a model needs on this device besides its own files: PP-OCRv4 loads the
 * WebGPU build where there is an adapter and falls back to the WASM one; the optional
 * models' worker (engines/vlm/reader.ts) always loads the WebGPU build.
 */
export function runtimesFor(entry: ModelEntry, webgpu: boolean): ModelEntry[] {
  if (entry.runtime === 'onnxruntime') return [];
  if (entry.runtime === 'transformers' || entry.requiresWebGPU) return [ORT_WEBGPU];
  return webgpu ? [ORT_WEBGPU, ORT_WASM] : [ORT_WASM];
}

/** The recogniser of a script one of the languages of a Tesseract set ('rus+eng') is written in. */
export function recogniserFor(languages: string): ModelEntry | undefined {
  const codes = languages.split('+').map((c) => c.trim());
  return MODELS.find((m) => m.recogniser?.languages.some((l) => codes.includes(l)));
}

/**
 * What the vlm tier reads a Tesseract set with: PP-OCRv4's own recogniser ('built-in'),
 * the registry's recogniser of another script (installed or not), or nothing (null).
 */
export function vlmRecogniserFor(languages: string): 'built-in' | ModelEntry | null {
  if (vlmReads(languages)) return 'built-in';
  return recogniserFor(languages) ?? null;
}

export function findModel(id: string): ModelEntry | undefined {
  return MODELS.find((m) => m.id === id);
}

/** Entries that do `task`, in registry order (the first installed one is used). */
export function modelsFor(task: ModelTask): ModelEntry[] {
  return MODELS.filter((m) => m.tasks.includes(task));
}

/**
 * What a download comes to as far as it is known, for people to read: exact when every
 * size is, "about" when some are the host's rounded listing or a small file's is unknown;
 * null when no size at all is known.
 */
export function estimatedBytes(entry: ModelEntry): { bytes: number; approx: boolean } | null {
  const known = entry.files.filter((f) => f.bytes !== null);
  if (!known.length) return null;
  const bytes = known.reduce((n, f) => n + f.bytes!, 0);
  return { bytes, approx: known.length < entry.files.length || known.some((f) => f.approx) };
}

/** Known sizes added up; null when any is unknown. */
export function downloadBytes(entry: ModelEntry): number | null {
  let n = 0;
  for (const f of entry.files) {
    if (f.bytes === null) return null;
    n += f.bytes;
  }
  return n;
}
