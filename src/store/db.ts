// The Dexie schema: the one source of truth for jobs, pages, files, accounts,
// usage and conversations. The same database opens in the app window, its
// workers and the service worker. Every schema change is a new version() with
// an upgrade, so data people already have migrates.
import Dexie, { type Table } from 'dexie';
import type { ChatMessage, Job, Page, Plan } from '../shared/contract';

/** A job without its text and Markdown (in JobTextRecord): what listing jobs reads. */
export type JobRecord = Omit<Job, 'pages' | 'text' | 'markdown' | 'mean_confidence'> & {
  mean_confidence?: number;
  /** who pays: an account id, or 'anonymous' */
  owner: string;
  /** higher runs first: paid before free before anonymous */
  priority: number;
  /** credits each processed page costs */
  page_cost: number;
  /** ms since epoch, for ordering */
  created_ms: number;
};

/** A finished job's text and Markdown, kept apart so that a list of jobs does not read them. */
export interface JobTextRecord {
  uuid: string;
  text: string;
  markdown: string;
}

export type PageState = 'pending' | 'processing' | 'done' | 'failed';

export interface PageRecord {
  jobUuid: string;
  index: number;
  state: PageState;
  /** the host that holds the page while it works on it, and until when */
  leaseOwner?: string;
  leaseUntil?: number;
  attempts: number;
  /** the engine host that finished the page */
  doneBy?: string;
  result?: Page;
}

export interface FileRecord {
  /** `${uuid}` for the upload, `${uuid}/page/${index}` for a page image */
  key: string;
  jobUuid: string;
  blob: Blob;
  created_ms: number;
}

export interface AccountRecord {
  id: string;
  tokenHash: string;
  plan: Exclude<Plan, 'anonymous'>;
  created_ms: number;
  /** ids of redeemed vouchers, so one is never counted twice */
  vouchers: string[];
}

export interface UsageRecord {
  id?: number;
  subject: string;
  /** 'YYYY-MM-DD' for anonymous, 'YYYY-MM' for free accounts, 'credits' for purchases */
  period: string;
  /** positive: spent; negative: bought */
  credits: number;
  kind: 'page' | 'chat' | 'purchase';
  jobUuid?: string;
  pageIndex?: number;
  at: number;
}

export interface ConversationRecord {
  id: string;
  jobUuid: string;
  owner: string;
  messages: ChatMessage[];
  updated_ms: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The first schema, as databases made by it still are (frozen: changes go in a new version). */
export const SCHEMA_V1: Record<string, string> = {
  jobs: 'uuid, owner, status, created_ms',
  pages: '[jobUuid+index], jobUuid, state',
  files: 'key, jobUuid, created_ms',
  accounts: 'id, &tokenHash',
  usage: '++id, [subject+period], jobUuid',
  conversations: 'id, jobUuid',
  settings: 'key',
};

export class OcrDatabase extends Dexie {
  jobs!: Table<JobRecord, string>;
  jobTexts!: Table<JobTextRecord, string>;
  pages!: Table<PageRecord, [string, number]>;
  files!: Table<FileRecord, string>;
  accounts!: Table<AccountRecord, string>;
  usage!: Table<UsageRecord, number>;
  conversations!: Table<ConversationRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name = 'ocrchat', backend?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    // No liveQuery reads this database: Dexie's optimistic cache and its mutation tracking
    // (ranges of changed keys per write, broadcast to every other context on commit) were
    // pure overhead, about a third of Dexie's main-thread time on a born-digital page.
    super(name, { ...backend, cache: 'disabled' });
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.unuse({ stack: 'dbcore', name: 'Cache' });
    this.version(1).stores(SCHEMA_V1);
    // A job's next pending page by index, not by reading every page before it.
    this.version(2).stores({ pages: '[jobUuid+index], jobUuid, state, [jobUuid+state]' });
    // A job's text and Markdown move out of its record: listing jobs read them all.
    this.version(3)
      .stores({ jobTexts: 'uuid' })
      .upgrade(async (tx) => {
        const texts: JobTextRecord[] = [];
        await tx
          .table('jobs')
          .toCollection()
          .modify((job: JobRecord & { text?: string; markdown?: string }) => {
            if (job.text === undefined && job.markdown === undefined) return;
            texts.push({ uuid: job.uuid, text: job.text ?? '', markdown: job.markdown ?? '' });
            delete job.text;
            delete job.markdown;
          });
        await tx.table('jobTexts').bulkPut(texts);
      });
  }
}

export const SCHEMA_VERSION = 3;

let shared: OcrDatabase | undefined;
/** The app's database, opened once per context. */
export function database(): OcrDatabase {
  shared ??= new OcrDatabase();
  return shared;
}

/**
 * Switches this page to a database held only in memory: for a page that may not use
 * IndexedDB (a third-party iframe with storage blocked) or a private session. Nothing
 * is written to disk; closing the page forgets everything.
 */
export async function useMemoryDatabase(): Promise<OcrDatabase> {
  const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
  shared = new OcrDatabase('ocrchat', { indexedDB, IDBKeyRange });
  return shared;
}

/** Whether this page may open IndexedDB at all. */
export async function indexedDbUsable(): Promise<boolean> {
  try {
    return await new Promise<boolean>((resolve) => {
      const req = indexedDB.open('ocrchat-probe');
      req.onsuccess = () => {
        req.result.close();
        resolve(true);
      };
      req.onerror = () => resolve(false);
    });
  } catch {
    return false;
  }
}
