// Files the person has handed over in this tab: each is POSTed to /api/v1/ocr/ and then
// followed by polling GET until it is done, failed or cancelled (DELETE).
import type { Job, JobProgress, JobStatus } from '../shared/contract';
import { ApiFailure, deleteJob, describeError, getJob, getProgress, listJobs, submit, type SubmitOptions } from './api';

export type UploadStatus = 'uploading' | JobStatus | 'cancelled';

export interface Upload {
  id: string;
  name: string;
  bytes: number;
  status: UploadStatus;
  uuid?: string;
  pagesDone: number;
  pageCount: number;
  error?: string;
  /** the API's error code when it failed, e.g. payment_required, or the failed job's (model_missing) */
  code?: string;
  /** what the job waits on meanwhile, e.g. its language downloading */
  note?: string;
}

const POLL_MS = 1000;
/** How long GET may fail for a passing reason before the upload shows the failure. */
const LOST_AFTER_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A failure that says nothing about the job: the app was busy or reloading. */
const transient = (err: unknown): boolean => (err instanceof ApiFailure ? err.status === 503 : err instanceof TypeError);
const finished = (s: UploadStatus): boolean => s === 'done' || s === 'failed' || s === 'cancelled';

export class UploadQueue {
  items = $state<Upload[]>([]);
  /** goes up whenever an upload finishes, so lists of jobs know to reload */
  changes = $state(0);
  /** resolves once /api/v1/ answers in this page */
  ready: Promise<void> = Promise.resolve();
  #aborts = new Map<string, AbortController>();
  #started = new Map<string, number>();

  /** Starts reading the files; answers their uploads (live: they change as the jobs go on). */
  add(files: File[], opts: SubmitOptions, onDone?: (job: Job, batchSize: number) => void): Upload[] {
    const added: Upload[] = [];
    for (const file of files) {
      const id = crypto.randomUUID();
      this.items.unshift({ id, name: file.name || 'upload', bytes: file.size, status: 'uploading', pagesDone: 0, pageCount: 0 });
      added.push(this.items[0]!);
      void this.#run(id, file, opts, (job) => onDone?.(job, files.length));
    }
    return added;
  }

  get(id: string): Upload | undefined {
    return this.items.find((i) => i.id === id);
  }

  get working(): number {
    return this.items.filter((i) => !finished(i.status)).length;
  }

  dismissFinished(): void {
    this.items = this.items.filter((i) => !finished(i.status));
  }

  async cancel(id: string): Promise<void> {
    const item = this.get(id);
    if (!item || finished(item.status)) return;
    item.status = 'cancelled';
    this.#aborts.get(id)?.abort();
    this.changes++;
    // A short file's POST answers only when it is done: find its job in the list to delete it.
    for (let tries = 0; tries < 20 && !item.uuid; tries++) {
      await this.#discover(item);
      if (!item.uuid) await sleep(500);
    }
    if (item.uuid) await deleteJob(item.uuid).catch(() => undefined);
    this.changes++;
  }

  #patch(item: Upload, job: Pick<Job, 'uuid' | 'status' | 'pages_done' | 'page_count' | 'error' | 'error_code' | 'note'>): void {
    if (item.status === 'cancelled') return;
    if (item.uuid !== job.uuid) this.changes++;
    item.uuid = job.uuid;
    item.status = job.status;
    item.pagesDone = job.pages_done;
    item.pageCount = job.page_count;
    // Only a job being read says something worth showing (a language downloading).
    item.note = job.status === 'processing' ? job.note : undefined;
    if (job.error) item.error = job.error;
    if (job.error_code) item.code = job.error_code;
  }

  async #run(id: string, file: File, opts: SubmitOptions, onDone: (job: Job) => void): Promise<void> {
    const item = this.get(id)!;
    const abort = new AbortController();
    this.#aborts.set(id, abort);
    this.#started.set(id, Date.now());
    try {
      await this.ready;
      void this.#follow(item);
      const job = await submit(file, opts, abort.signal);
      this.#patch(item, job);
      const last = await this.#poll(item);
      if (last?.status === 'done') onDone(last);
    } catch (err) {
      if (item.status === 'cancelled') return;
      if (err instanceof ApiFailure && err.status === 404 && item.uuid) {
        item.status = 'cancelled'; // deleted from another screen or tab
      } else {
        item.status = 'failed';
        item.error = describeError(err);
        if (err instanceof ApiFailure) item.code = err.body.error;
      }
    } finally {
      this.#aborts.delete(id);
      this.changes++;
    }
  }

  /** Polls the job's progress until it is finished; answers the finished job. */
  async #poll(item: Upload): Promise<Job | undefined> {
    let lostSince = 0;
    while (item.uuid && !finished(item.status)) {
      await sleep(POLL_MS);
      if (item.status === 'cancelled') return undefined;
      let job: JobProgress;
      try {
        job = await getProgress(item.uuid);
        lostSince = 0;
      } catch (err) {
        // The job goes on whether or not this tab hears of it: a busy or reloading app
        // (503, a dropped fetch) is asked again for a while before the upload says so.
        if (!transient(err)) throw err;
        lostSince ||= Date.now();
        if (Date.now() - lostSince > LOST_AFTER_MS) throw err;
        continue;
      }
      this.#patch(item, job);
    }
    return item.uuid && item.status !== 'cancelled' ? await getJob(item.uuid) : undefined;
  }

  /** While a short file's POST is still open, shows its pages from GET as they finish. */
  async #follow(item: Upload): Promise<void> {
    while (item.status === 'uploading') {
      await sleep(POLL_MS);
      if (item.status !== 'uploading') return;
      try {
        if (!item.uuid) await this.#discover(item);
        if (item.uuid && item.status === 'uploading') {
          // Its progress only: the full job would carry every page finished so far.
          const job = await getProgress(item.uuid);
          if (!finished(job.status)) {
            item.pagesDone = job.pages_done;
            item.pageCount = job.page_count;
            item.note = job.status === 'processing' ? job.note : undefined;
          }
        }
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 404 && item.uuid && item.status === 'uploading') {
          // Deleted from its own screen or another tab while its POST was still open.
          item.status = 'cancelled';
          this.#aborts.get(item.id)?.abort();
          this.changes++;
          return;
        }
        if (!transient(err) && !(err instanceof ApiFailure)) return;
      }
    }
  }

  /** Finds this upload's job among the caller's jobs: same name, created after it started. */
  async #discover(item: Upload): Promise<void> {
    const since = (this.#started.get(item.id) ?? Date.now()) - 2000;
    const claimed = new Set(this.items.map((i) => i.uuid).filter(Boolean));
    const { jobs } = await listJobs().catch(() => ({ jobs: [] }));
    const mine = jobs
      .filter((j) => j.file_name === item.name && Date.parse(j.created_at) >= since && !claimed.has(j.uuid))
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))[0];
    if (mine) {
      this.changes++;
      item.uuid = mine.uuid;
      item.pageCount = mine.page_count;
    }
  }
}

export const uploads = new UploadQueue();
