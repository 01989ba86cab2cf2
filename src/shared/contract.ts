// The REST contract (shared/API.md): the one place its types live.
// The API, the UI, the exporters and the tests all import from here.

export type JobStatus = 'pending' | 'processing' | 'done' | 'failed';
export type Tier = 'cpu' | 'vlm';
export const TIERS: readonly Tier[] = ['cpu', 'vlm'];

/** [x0, y0, x1, y1] in pixels of the page image the engine saw. */
export type BBox = [number, number, number, number];

export interface Word {
  text: string;
  bbox: BBox;
  /** 0..1 */
  confidence: number;
}

export interface Line {
  text: string;
  bbox: BBox;
  confidence: number;
  words: Word[];
}

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'caption';

export interface Block {
  text: string;
  bbox: BBox;
  /** 0..1 */
  confidence: number;
  kind?: BlockKind;
  /** heading level 1..3 when kind is heading */
  level?: number;
  /** true when each of its lines is a line of its own (a receipt, an address, a form):
   * Markdown and DOCX keep the breaks instead of reflowing the lines into one paragraph */
  keep_lines?: boolean;
  lines?: Line[];
}

export interface Table {
  /** rows of cells, the first row is the header when the table has one; every row has a
   * cell for each column: a merged cell's text stands in its first (top-left) cell, the
   * cells it covers are "" */
  rows: string[][];
  bbox: BBox;
  /** false when the table has no header: its first row is data like the rest */
  header?: boolean;
  /** how many of the first rows are the header (a heading over two rows of sub-headings);
   * 1 when absent and `header` is not false */
  header_rows?: number;
  /** the merged cells (spanning more than one row or column), in row order; absent when none */
  spans?: TableSpan[];
}

/** A merged cell: its first row and column (0-based, in `rows`) and how many rows and columns it covers. */
export interface TableSpan {
  row: number;
  col: number;
  row_span: number;
  col_span: number;
}

export type PageSource = 'ocr' | 'pdf-text';

export interface Page {
  /** 0-based */
  index: number;
  width: number;
  height: number;
  text: string;
  markdown: string;
  blocks: Block[];
  tables: Table[];
  confidence: number;
  source: PageSource;
  /** degrees the page was turned to make it upright before recognition */
  rotation?: number;
  /** the language recognised with, when language=auto */
  language?: string;
  /** why the page failed (undecodable, a model missing); a failed page is not charged */
  error?: string;
  /** a page that was read but holds nothing to read: blank, or no text found */
  warning?: string;
  /** the error's stable code (e.g. model_missing), for a client to act on */
  error_code?: string;
  /** tool=translate: this page's text and Markdown in the job's translate_to language */
  translation?: PageTranslation;
  /** diagnostic, not a stable part of the API: milliseconds the page spent in each step (README: "Per-step times") */
  timings_ms?: PageTimings;
}

/**
 * Where a page's time went, in milliseconds (performance.now() spans). queue: from the upload
 * to this page's start (a later page of a file waits for the earlier ones too); decode: the
 * page rendered or decoded; preprocess: the pixels made ready for the engine; start: an
 * engine worker started for the page (its traineddata loaded); orientation:
 * OSD and the reading of the page turned; language: language=auto's detection and the readings
 * it made; wait: for a free engine worker (a page decoded ahead waits for one); recognize: the
 * engine's own reading(s) of the page; rules: the ruling lines of its tables found (and their
 * cells that lost letters by a rule read again; with extract-tables, their doubtful cells too); layout: blocks, lines, tables;
 * reread: tool=receipt's unsure field lines read again by the other tier's recogniser;
 * translate: tool=translate; store: the page image stored. The commit to the queue that
 * follows is not in it.
 */
export interface PageTimings {
  queue?: number;
  decode?: number;
  preprocess?: number;
  start?: number;
  orientation?: number;
  language?: number;
  wait?: number;
  recognize?: number;
  rules?: number;
  layout?: number;
  reread?: number;
  translate?: number;
  store?: number;
}

/** A page's recognised text translated (tool=translate); the Markdown translated block by block. */
export interface PageTranslation {
  text: string;
  markdown: string;
}

/** The job's translation (tool=translate): its pages' translations joined as the job's text is. */
export interface Translation extends PageTranslation {
  /** the language translated into, as a BCP 47 tag (e.g. fr, zh-Hant) */
  language: string;
}

export interface Job {
  uuid: string;
  status: JobStatus;
  tier: Tier;
  /** as asked: 'auto' or a code */
  language: string;
  detected_language?: string;
  tool?: string;
  translate_to?: string;
  file_name: string;
  file_type: string;
  page_count: number;
  pages_done: number;
  /** 0..1, mean over the pages' blocks weighted by text length */
  mean_confidence: number;
  text: string;
  markdown: string;
  pages: Page[];
  created_at: string;
  finished_at?: string;
  /** a failed job says why, in words a person can act on */
  error?: string;
  /** and as a stable code: model_missing (download it in Settings → Models), model_needs_webgpu, … */
  error_code?: string;
  /** e.g. why a job waits: no app window is open to run the engine */
  note?: string;
  /** tool=receipt: merchant, address, date, amounts, payment and line items, each with its place */
  fields?: ReceiptFields;
  /** tool=translate: the text and Markdown translated into translate_to */
  translation?: Translation;
}

/** A value read off a receipt or invoice (tool=receipt), with where it is printed. */
export interface FieldValue {
  /** as printed (an address's lines joined by ", ") */
  value: string;
  /** 0-based page index */
  page: number;
  /** the value's box, in pixels of that page's image */
  bbox: BBox;
  /** 0..1: the line's recognition confidence, lowered when the document's sums disagree */
  confidence: number;
}

export interface AmountField extends FieldValue {
  amount: number;
  /** ISO 4217 code, when the document shows one */
  currency?: string;
}

export interface DateField extends FieldValue {
  /** yyyy-mm-dd, when the printed date can be read as one */
  iso?: string;
}

export interface LineItem {
  description: string;
  quantity?: number;
  unit_price?: number;
  amount: number;
  page: number;
  bbox: BBox;
  confidence: number;
}

/** What tool=receipt reads off a receipt or invoice: each field absent when the document shows none. */
export interface ReceiptFields {
  merchant?: FieldValue;
  address?: FieldValue;
  date?: DateField;
  total?: AmountField;
  subtotal?: AmountField;
  tax?: AmountField;
  /** ISO 4217 code */
  currency?: FieldValue;
  /** cash, card, Visa, … */
  payment?: FieldValue;
  items: LineItem[];
}

export interface JobSummary {
  uuid: string;
  status: JobStatus;
  tier: Tier;
  file_name: string;
  page_count: number;
  pages_done: number;
  created_at: string;
}

/** GET /api/v1/ocr/<uuid>/?summary=1 */
export interface JobProgress extends JobSummary {
  error?: string;
  error_code?: string;
  detected_language?: string;
  /** what the job waits on meanwhile, e.g. a language downloading */
  note?: string;
}

export interface ApiErrorBody {
  error: string;
  detail: string;
  used?: number;
  cap?: number;
}

export interface Citation {
  /** 1-based page number */
  page: number;
  snippet: string;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  citations?: Citation[];
  created_at?: string;
  /** which answerer wrote an assistant message: 'extractive', or 'llm:<model id>' (an extension) */
  answerer?: string;
}

export interface ChatReply {
  conversation: string;
  message: ChatMessage;
}

export interface ChatHistory {
  conversation: string;
  messages: ChatMessage[];
}

export type Plan = 'anonymous' | 'free' | 'paid';

export interface AccountInfo {
  plan: Plan;
  period: string;
  used: number;
  cap: number;
  credits: number;
}

export const EXPORT_FORMATS = ['txt', 'md', 'docx', 'pdf', 'csv', 'json', 'hocr', 'alto'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats a job's translation downloads as (?translation=1): those made from text and Markdown. */
export const TRANSLATION_FORMATS: readonly ExportFormat[] = ['txt', 'md', 'docx', 'json'];

/** GET/PUT /api/v1/settings/ (a local extension): this device's settings. */
export interface DeviceSettings {
  /** days an uploaded file is kept after it is read (the text stays) */
  retention_days: number;
}
