// One interface for every engine: a page image and options in, words grouped into
// lines and blocks out, with boxes in page pixels and 0..1 confidence.
import type { BBox, BlockKind, PageSource } from './contract';

export interface EngineWord {
  text: string;
  bbox: BBox;
  confidence: number;
}

export interface EngineLine {
  text: string;
  bbox: BBox;
  confidence: number;
  words: EngineWord[];
}

/** A paragraph-level block as the engine grouped it. */
export interface EngineBlock {
  bbox: BBox;
  confidence: number;
  lines: EngineLine[];
  /** what the block is, when the engine knows it (a page model's output): the layout
   * then keeps the engine's blocks, order and tables instead of finding them */
  structure?: { kind: BlockKind; level?: number; rows?: string[][] };
}

export interface EnginePage {
  width: number;
  height: number;
  blocks: EngineBlock[];
  source: PageSource;
  rotation?: number;
  detectedLanguage?: string;
  /** what the page's reader should know about it (language=auto read it with a close language) */
  warning?: string;
  /** milliseconds per step (passes, OSD, …), for diagnosis and the benchmark */
  timings?: Record<string, number>;
}

export interface RecognizeOptions {
  /** Tesseract language set, e.g. 'eng' or 'eng+deu' */
  languages: string;
  tool?: string;
  signal?: AbortSignal;
  /** what the job should say meanwhile (a language downloading); null: nothing more */
  onNote?: (note: string | null) => void;
}

export interface EngineMeta {
  id: 'cpu' | 'vlm' | 'pdf-text';
  label: string;
  /** credits per page */
  cost: number;
}
