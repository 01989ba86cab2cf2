// One interface for every engine: a page image and options in, words grouped into
// lines and blocks out, with boxes in page pixels and 0..1 confidence.
import type { BBox, BlockKind, PageSource, Tier } from './contract';
import type { PageImage } from './page-image';
import type { Rule } from './ruling';
import type { ToolRecipe } from './tools';

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

/** A line as a text detector found it: not yet grouped into paragraphs nor ordered (the layout does that). */
export interface DetectedLine {
  text: string;
  confidence: number;
  /** corners clockwise from the line's own top-left, page pixels */
  quad: [number, number][];
  bbox: BBox;
  /** the line runs up or down the (upright) page */
  vertical: boolean;
  words: EngineWord[];
}

export interface EnginePage {
  width: number;
  height: number;
  blocks: EngineBlock[];
  /** lines the engine found without grouping them (the vlm engine): the layout groups and orders them */
  lines?: DetectedLine[];
  source: PageSource;
  /** the page's ruling lines (table borders), when the tool asked for them: the layout
   * builds ruled tables from them */
  rules?: Rule[];
  rotation?: number;
  detectedLanguage?: string;
  /** what the page's reader should know about it (language=auto read it with a close language) */
  warning?: string;
  /**
   * milliseconds per step, for diagnosis and the benchmark: the steps of ENGINE_STEPS that it
   * took (the rest of the engine's time is its recognition), and any detail of its own (passes, OSD, …)
   */
  timings?: Record<string, number>;
}

/**
 * The steps an engine's timings name besides recognition (a page's timings_ms carries them);
 * wait: for a free worker; start: a worker starting for the page; rules: its ruling lines found.
 */
export const ENGINE_STEPS = ['preprocess', 'start', 'orientation', 'language', 'wait', 'rules'] as const;

export interface RecognizeOptions {
  /** Tesseract language set, e.g. 'eng' or 'eng+deu' */
  languages: string;
  /** what the job's tool asks of the engine (src/tools): no slug */
  recipe?: ToolRecipe;
  signal?: AbortSignal;
  /** what the job should say meanwhile (a language downloading); null: nothing more */
  onNote?: (note: string | null) => void;
  /**
   * The text another engine's recogniser reads on an image (PP-OCR for Tesseract), to settle
   * what one recogniser cannot tell: Tesseract's chi_sim and chi_tra each read any Chinese in
   * their own variant, PP-OCR reads the characters as they are printed. Null when it cannot.
   */
  secondReader?: (bitmap: ImageBitmap, languages: string, signal?: AbortSignal) => Promise<string | null>;
  /**
   * A few lines read beside another engine's work (a second opinion, a second reading): one
   * of the engine's workers is enough, and no second is started for it (each holds its models
   * in memory, hundreds of MB). The lines are cut from an upright page: read as they stand.
   */
  aside?: boolean;
  /**
   * The image's text lines, upright, as boxes (a sheet of lines another engine found): an
   * engine that finds lines itself reads these as they are instead (PP-OCR skips detection).
   * Each line's reading comes back however unsure: the caller weighs it against its own.
   */
  lines?: BBox[];
  /**
   * Read the image (a sheet of `lines`) as one uniform block of text, without the page's own
   * steps (segmentation, slope, orientation, restoring): Tesseract's PSM 6. Engines that find
   * lines themselves ignore it.
   */
  block?: boolean;
  /**
   * No other page is in the host's hands (a file read alone, the last page of a batch): the
   * engine may spread this one over its idle workers (the cpu engine reads it in two halves at
   * once). Not while other pages are at work: they would wait for the workers its halves hold.
   */
  alone?: boolean;
}

export type EngineId = 'cpu' | 'vlm' | 'pdf-text';

/** What an engine is, for the API, the UI and the tests, which iterate the registry (src/engines/registry.ts). */
export interface EngineMeta {
  id: EngineId;
  label: string;
  /** what it reads: page pixels, or a born-digital PDF page's text layer */
  input: 'raster' | 'text-layer';
  /** the tier a job names to have its pages read by it; none: chosen by the page itself (pdf-text) */
  tier?: Tier;
  /** credits a page, for a tier's engine (a text-layer page is charged as its job's tier) */
  cost?: number;
  /** what it reads, in words */
  reads: string;
  /** what it needs to run, in words */
  needs: string;
  /** why it cannot read a Tesseract language set ('auto', 'eng+deu'), or null when it can */
  refuses?(languages: string): string | null;
}

export interface Engine {
  meta: EngineMeta;
  recognize(page: PageImage, opts: RecognizeOptions): Promise<EnginePage>;
  /** Starts the engine's first worker now, so its models load while another engine works. */
  warm?(): void;
}
