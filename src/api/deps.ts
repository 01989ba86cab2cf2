// What the API handler is given: storage and the work it delegates. It never knows which engine runs.
import type { ChatMessage, ExportFormat, Job, Page } from '../shared/contract';
import type { DocumentType } from '../documents/sniff';
import type { OcrDatabase } from '../store/db';

export interface InspectedDocument {
  type: DocumentType;
  pageCount: number;
  /**
   * Called once: with the job's uuid when the file was stored as that job (the opened
   * document may then be read for it without parsing the file again), or with null.
   */
  settle(jobUuid: string | null): void;
}

export interface ExportResult {
  blob: Blob;
  mime: string;
  fileName: string;
}

export interface ApiDeps {
  db: OcrDatabase;
  /** reads the file enough to know its type and page count; throws UserError */
  inspect(bytes: ArrayBuffer): Promise<InspectedDocument>;
  /** tells whoever runs the engine that there is work */
  notifyQueue(): void;
  /**
   * Resolves when the job is done or failed, or after `ms`: with the finished job when the
   * engine at hand has it (then it need not be read back), else without.
   */
  waitForJob(uuid: string, ms: number): Promise<Job | undefined>;
  exportJob(job: Job, format: ExportFormat): Promise<ExportResult>;
  /** the page's image (drawn from the upload for a born-digital PDF page), or null */
  pageImage(job: { uuid: string; pages: Pick<Page, 'index' | 'width' | 'source'>[] }, index: number): Promise<Blob | null>;
  /**
   * The answer to `question`; with `stream` (an id the asker chose), a model's words are
   * published under it as they are written (src/shared/channel.ts: the chat panel shows them).
   */
  answer(job: Job, question: string, history: ChatMessage[], stream?: string): Promise<ChatMessage>;
  /**
   * tool=translate: why no translator can run here from `language` (the job's: 'auto' or a
   * code) into `translateTo`, as a sentence naming what to enable or download and where; null
   * when one can. Absent: no translator can be reached from this handler, and the POST says so.
   */
  translatorProblem?(language: string, translateTo: string): Promise<string | null>;
  now(): number;
}
