// The vlm engine's worker protocol (workers/vlm.ts): what the window sends, what comes back.
import type { BBox } from '../../shared/contract';
import type { DbOptions } from './det';
import type { Charset } from './charset';
import type { ModelEntry } from '../../shared/models';

export type Backend = 'webgpu' | 'wasm';
export type BackendChoice = Backend | 'auto';

/** What a fresh worker is told first: where the models are, and which backend to use. */
export interface VlmSetup {
  /** rec: the float recogniser (WebGPU); recWasm: its 8-bit rewrite (WASM) */
  urls: { det: string; cls: string; rec: string; recWasm: string; dict: string };
  backend: BackendChoice;
}

/** An installed recogniser of another script, read from Cache Storage (models/store.ts). */
export interface WorkerRecogniser {
  id: string;
  /** the Cache Storage cache and the keys of its two files */
  cache: string;
  model: string;
  dictionary: string;
  dictionaryFormat: 'paddlex-yml' | 'lines';
}

export interface VlmRun {
  /** transferred: the worker closes it */
  bitmap: ImageBitmap;
  options?: Partial<RunOptions>;
}

export interface RunOptions {
  /** detector input: long side at most this many pixels */
  detMaxSide: number;
  /** detector input: at most this many pixels in all */
  detMaxPixels: number;
  /** below this mean character probability a line is dropped (PaddleOCR's drop_score) */
  dropScore: number;
  /** turn a line 180° when the classifier is at least this sure */
  clsThresh: number;
  useCls: boolean;
  /** lines a recognition batch holds at most */
  recBatch: number;
  /** recognition widths are padded to a multiple of this, and to at least recMinWidth */
  recBucket: number;
  recMinWidth: number;
  /** a line joins a batch only while the batch's padding stays under this share of its pixels */
  recMaxWaste: number;
  /** a gap this many times a line's usual character pitch reads as a space (0: off) */
  gapSpaces: number;
  /** a space goes in between two characters where the space class reached this probability (0: off) */
  spaceEvidence: number;
  /** the characters the job's languages are written in (charset.ts) */
  charset: Charset;
  /** lines are read by this recogniser instead of PP-OCRv4's (a script it does not read) */
  recogniser?: WorkerRecogniser;
  /** the image's text lines, upright, as boxes: they are read as they are, with no detection */
  lines?: BBox[];
  db: Partial<DbOptions>;
}

export const RUN_DEFAULTS: RunOptions = { detMaxSide: 960, detMaxPixels: 1_000_000, dropScore: 0.5, clsThresh: 0.9, useCls: true, recBatch: 4, recBucket: 16, recMinWidth: 64, recMaxWaste: 0.04, gapSpaces: 1.35, spaceEvidence: 0.1, charset: 'all', db: {} };

export interface RawWord {
  text: string;
  bbox: BBox;
  confidence: number;
}

export interface RawLine {
  text: string;
  confidence: number;
  /** corners clockwise from the line's own top-left, page pixels */
  quad: [number, number][];
  bbox: BBox;
  /** the line was read turned 180° from how its box was cut */
  flipped: boolean;
  /** the line runs up or down the (upright) page */
  vertical: boolean;
  words: RawWord[];
}

export interface RunResult {
  /** the page's size upright (after `rotation`) */
  width: number;
  height: number;
  /** degrees the page was turned clockwise to make it upright; boxes are on the turned page */
  rotation: 0 | 90 | 180 | 270;
  backend: Backend;
  lines: RawLine[];
  timings: Record<string, number>;
  /** the sessions the worker has made so far ('det', 'cls', 'rec'): the diagnosis of what a reading loaded */
  sessions?: string[];
}

/** The actions of the vlm worker (src/shared/bridge.ts). */
export type VlmProtocol = {
  setup: { payload: VlmSetup; result: void };
  /** load the sessions now (a page will follow) */
  warm: { payload: void; result: void };
  run: { payload: VlmRun; result: RunResult };
};

/** What a fresh reader worker is told first: which model, where its files are. */
export interface ReaderSetup {
  entry: ModelEntry;
  /** `<base>model-files/`: the prefix of the model cache's keys */
  filesUrl: string;
  cacheName: string;
  /** onnxruntime-web's WASM (the build with the WebGPU kernels), on the app's origin */
  wasmUrl: string;
  device: 'webgpu' | 'wasm';
}

export interface ReadText {
  text: string;
  /** mean probability of the chosen tokens, 0..1 */
  confidence: number;
}

/** The actions of an optional model's worker (workers/reader.ts). */
export type ReaderProtocol = {
  setup: { payload: ReaderSetup; result: void };
  /** the images are transferred (the worker closes them) */
  read: { payload: { images: ImageBitmap[] }; result: { texts: ReadText[]; loadMs: number } };
  /** a translation model's worker: each text translated (a paragraph or a Markdown block's words) */
  translateTexts: { payload: { texts: string[] }; result: { texts: string[]; loadMs: number } };
};
