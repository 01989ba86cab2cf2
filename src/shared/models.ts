// The model registry's shapes: what a model is for, which files it needs, where they come
// from, and what is known for sure about their sizes and hashes.
import { UserError } from './errors';

/** What a model does, in the pipeline's words ('answer-questions': chat's small instruct model, src/chat/llm/wasm.ts). */
export type ModelTask = 'detect' | 'orient' | 'recognise-lines' | 'recognise-script' | 'handwriting' | 'math' | 'tables' | 'page-to-markdown' | 'run-models' | 'answer-questions';

export interface ModelFile {
  /** path under the model's folder (or the repository's root on a model host) */
  path: string;
  /** size in bytes; null when not known before it is downloaded */
  bytes: number | null;
  /** `bytes` as the host lists it, rounded (e.g. "23.1 MB"): checked loosely, learnt exactly at download */
  approx?: boolean;
  /** SHA-256 (hex) checked at download; null when no published hash is known here */
  sha256: string | null;
}

/** Files served by the app itself (npm packages copied at build time), or by the model host. */
export type ModelSource = { kind: 'app'; folder: string } | { kind: 'host'; repo: string; revision: string };

export interface ModelEntry {
  id: string;
  label: string;
  /** one sentence a person reads in Settings → Models */
  description: string;
  tasks: ModelTask[];
  source: ModelSource;
  files: ModelFile[];
  /** runs only where `navigator.gpu` gives an adapter */
  requiresWebGPU: boolean;
  /** the code that runs it: the PP-OCR pipeline, or a transformers.js pipeline; 'onnxruntime' for a build of the runtime itself */
  runtime: 'ppocr' | 'transformers' | 'onnxruntime';
  /** for transformers.js: the pipeline task, weight type and the longest output; a page
   * model (image-text-to-text) is asked `prompt` about each page */
  transformers?: { task: 'image-to-text' | 'image-text-to-text' | 'text-generation'; dtype: string; maxNewTokens: number; prompt?: string };
  /** what is not verified about this entry (file list, sizes, hashes), said plainly */
  caveat?: string;
  /** a PP-OCR line recogniser for a script the built-in one does not read */
  recogniser?: ScriptRecogniser;
}

/** A PP-OCR recogniser of one script: same input (lines 48 px high) and CTC output as PP-OCRv4's. */
export interface ScriptRecogniser {
  /** the script's name, for sentences: "Cyrillic" */
  script: string;
  /** Tesseract's codes of the languages it reads */
  languages: string[];
  /** the ONNX file and the file holding its dictionary, among the entry's files */
  model: string;
  dictionary: string;
  /** 'paddlex-yml': the PostProcess.character_dict list of PaddleX's inference.yml; 'lines': one symbol a line */
  dictionaryFormat: 'paddlex-yml' | 'lines';
}

/** A model's state on this device, for the models screen and the engine. */
export interface ModelStatus {
  entry: ModelEntry;
  installed: boolean;
  /** bytes kept for it in Cache Storage (0 when not installed) */
  storedBytes: number;
  /** bytes to download: known sizes added up; null when some are unknown */
  downloadBytes: number | null;
  /** how the files were checked when they were downloaded */
  checked?: 'sha256' | 'host-hash' | 'size';
}

/** What a download has done so far. */
export interface DownloadProgress {
  file: string;
  received: number;
  /** of all files; null while some sizes are unknown */
  total: number | null;
}

export type ModelErrorCode = 'model_missing' | 'model_needs_webgpu' | 'model_download_failed' | 'model_integrity' | 'model_failed';

/**
 * An error a person can act on: a code and one sentence (the API's error shape). A
 * UserError, so that a page that fails on it carries the sentence as its error.
 */
export class ModelError extends UserError {
  constructor(code: ModelErrorCode, detail: string) {
    super(code, detail);
    this.name = 'ModelError';
  }
}
