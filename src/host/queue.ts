// Leasing pages from the job queue in IndexedDB. Only committed transactions move a
// page or a job forward, so a closed tab loses at most the page it was working on.
import type { Page, Plan } from '../shared/contract';
import type { JobRecord, JobTextRecord, OcrDatabase, PageRecord } from '../store/db';
import { usageRow } from '../api/metering';

export interface Lease {
  job: JobRecord;
  page: PageRecord;
}

/** Pages left 'processing' by a host that is gone go back to the queue. */
export async function releaseStaleLeases(db: OcrDatabase, hostId: string): Promise<number> {
  return db.pages.where('state').equals('processing').filter((p) => p.leaseOwner !== hostId).modify({ state: 'pending', leaseOwner: undefined });
}

/** Whether the page as stored now is still the one `lease` holds (not finished, not taken over). */
function stillHeld(current: PageRecord | undefined, lease: Lease): current is PageRecord {
  return current?.state === 'processing' && current.leaseOwner === lease.page.leaseOwner;
}

/** The page as it goes back to the queue. */
function backInQueue(page: PageRecord): PageRecord {
  return { ...page, state: 'pending', leaseOwner: undefined };
}

/** Puts a page this host holds back in the queue, unless it has moved on since. */
export async function releaseLease(db: OcrDatabase, lease: Lease): Promise<void> {
  await db.transaction('rw', db.pages, async () => {
    const current = await db.pages.get([lease.job.uuid, lease.page.index]);
    if (stillHeld(current, lease)) await db.pages.put(backInQueue(current));
  });
}

/**
 * Claims the next pending page: paid before free before anonymous; within a plan, a job
 * none of this host's other workers is on (`busy`) before one they are on, then the oldest
 * job first. Two jobs of one plan thus share the workers instead of queueing one behind
 * the other: a one-page upload is not held up by a long PDF, and two PDFs are parsed by
 * two pdf.js workers at once (the pages of one PDF go through its single pdf.js worker).
 */
export async function claimNextPage(db: OcrDatabase, hostId: string, now: number, busy: ReadonlySet<string> = new Set()): Promise<Lease | null> {
  return db.transaction('rw', db.jobs, db.pages, async () => {
    const jobs = await db.jobs.where('status').anyOf('pending', 'processing').toArray();
    const isBusy = (j: JobRecord) => (busy.has(j.uuid) ? 1 : 0);
    jobs.sort((a, b) => b.priority - a.priority || isBusy(a) - isBusy(b) || a.created_ms - b.created_ms);
    for (const job of jobs) {
      const page = await db.pages.where('[jobUuid+state]').equals([job.uuid, 'pending']).first();
      if (!page) continue;
      page.state = 'processing';
      page.leaseOwner = hostId;
      page.leaseUntil = now + 10 * 60_000;
      page.attempts += 1;
      // Requests in one transaction run in the order made: made together, they wait for
      // one round trip to the database, not one each.
      const writes: Promise<unknown>[] = [db.pages.put(page)];
      if (job.status === 'pending') {
        job.status = 'processing';
        job.note = undefined;
        writes.push(db.jobs.put(job));
      }
      await Promise.all(writes);
      return { job, page };
    }
    return null;
  });
}

export interface PageOutcome {
  result?: Page;
  error?: string;
  /** the error's stable code, when it has one (a UserError's, e.g. model_missing) */
  code?: string;
  /** put the page back for another try */
  retry?: boolean;
}

export interface Committed {
  /** the job as it now stands (undefined: deleted meanwhile) */
  job: JobRecord | undefined;
  /** all its pages and its text, when this commit finished it */
  pages?: PageRecord[];
  texts?: JobTextRecord;
  /** the next page claimed in the same transaction, when asked for (null: none pending) */
  next?: Lease | null;
}

/** What finishing a job sets: fields of its record, and its text and Markdown (stored apart). */
export type Finish = (pages: Page[]) => Partial<JobRecord> & { text?: string; markdown?: string };

/** Who claims the next page as a commit's last step: claimNextPage()'s arguments. */
export interface ClaimNext {
  hostId: string;
  busy: ReadonlySet<string>;
}

/**
 * Commits a page's outcome, charges it when it succeeded (a failed page costs nothing) to
 * the owner's plan as it stands now, and finishes the job when it was the last page. With
 * `claim`, the next page is claimed in the same transaction (one transaction a page, not two).
 */
export async function commitPage(db: OcrDatabase, lease: Lease, outcome: PageOutcome, now: number, finish: Finish, claim?: ClaimNext): Promise<Committed> {
  let finished: Pick<Committed, 'pages' | 'texts'> = {};
  let next: Lease | null | undefined;
  const rec = await db.transaction('rw', [db.jobs, db.jobTexts, db.pages, db.usage, db.accounts], async () => {
    const job = await commitIn(db, lease, outcome, now, finish, (pages, texts) => (finished = { pages, texts }));
    if (claim) next = await claimNextPage(db, claim.hostId, now, claim.busy);
    return job;
  });
  return { job: rec, ...(rec ? finished : {}), ...(next !== undefined ? { next } : {}) };
}

async function commitIn(db: OcrDatabase, lease: Lease, outcome: PageOutcome, now: number, finish: Finish, onFinished: (pages: PageRecord[], texts: JobTextRecord) => void): Promise<JobRecord | undefined> {
  const { job, page } = lease;
  // The reads together (one round trip): the page, its job and, for a page to charge, the
  // owner's plan as it stands now.
  const [current, rec, leased] = await Promise.all([
    db.pages.get([job.uuid, page.index]),
    db.jobs.get(job.uuid),
    outcome.result && job.owner !== 'anonymous' ? db.accounts.get(job.owner) : undefined,
  ]);
  // A job moved into an account while it ran (account/adopt) is charged to that account.
  const account = rec && outcome.result && rec.owner !== job.owner && rec.owner !== 'anonymous' ? await db.accounts.get(rec.owner) : leased;
  // The job was deleted, or another host already finished this page: change nothing.
  if (!rec || !stillHeld(current, lease)) return rec;
  if (outcome.retry) {
    await db.pages.put(backInQueue(current));
    return rec;
  }
  const state = outcome.result ? 'done' : 'failed';
  const writes: Promise<unknown>[] = [db.pages.put({ ...current, state, leaseOwner: undefined, doneBy: current.leaseOwner, result: outcome.result ?? failedPage(page.index, outcome.error ?? 'failed', outcome.code) })];
  if (outcome.result) {
    const plan: Plan = rec.owner === 'anonymous' ? 'anonymous' : (account?.plan ?? 'free');
    writes.push(db.usage.add(usageRow({ subject: rec.owner, plan }, rec.page_cost, 'page', now, { jobUuid: rec.uuid, pageIndex: page.index })));
  }
  // A page leaves 'processing' once, so the job's count moves by one; only the last page
  // reads them all (a long job's commits stay as cheap as a short one's).
  const update: Partial<JobRecord> = { pages_done: rec.pages_done + 1 };
  if (rec.pages_done + 1 >= rec.page_count) {
    // Made after the put above, this read sees this page as committed.
    const pages = await db.pages.where('jobUuid').equals(rec.uuid).sortBy('index');
    const finished = pages.filter((p) => p.state === 'done' || p.state === 'failed').length;
    if (finished < pages.length) {
      // The count was off (a record from an older version): trust the pages.
      writes.push(db.jobs.update(rec.uuid, { pages_done: finished }));
      await Promise.all(writes);
      return { ...rec, pages_done: finished };
    }
    const results = pages.map((p) => p.result!);
    const anyDone = pages.some((p) => p.state === 'done');
    const { text, markdown, ...fields } = finish(results);
    Object.assign(update, fields, {
      status: anyDone ? 'done' : 'failed',
      note: undefined,
      finished_at: new Date(now).toISOString(),
      ...(anyDone ? {} : { error: results[0]?.error ?? 'No page could be recognised.', error_code: results[0]?.error_code }),
    });
    const texts: JobTextRecord = { uuid: rec.uuid, text: text ?? '', markdown: markdown ?? '' };
    writes.push(db.jobTexts.put(texts));
    onFinished(pages, texts);
  }
  // The record was read in this transaction: a put, not update()'s cursor.
  const updated = withoutUndefined({ ...rec, ...update });
  writes.push(db.jobs.put(updated));
  await Promise.all(writes);
  return updated;
}

/** A commit the database refused is tried this many times, further apart each time. */
const COMMIT_ATTEMPTS = 3;
const COMMIT_RETRY_MS = 250;

/**
 * Commits a page's outcome with `commit`; when the database refuses (full, closed), tries
 * again a few times, then stores the page as failed with the reason (a small write where
 * a large result may not fit). Null when even that is refused: the caller still holds the
 * lease and puts it back with releaseLease() once the database takes writes again, so the
 * page is read again then and its job still finishes.
 */
export async function commitOrFail(commit: (outcome: PageOutcome) => Promise<Committed>, lease: Lease, outcome: PageOutcome, retryMs = COMMIT_RETRY_MS): Promise<Committed | null> {
  let error: unknown;
  for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, retryMs * attempt));
    try {
      return await commit(outcome);
    } catch (err) {
      error = err;
      console.error('page result could not be stored', lease.job.uuid, lease.page.index, err);
    }
  }
  if (!outcome.result) return null;
  const reason = error instanceof Error ? error.message : String(error);
  try {
    return await commit({ error: `Page ${lease.page.index + 1} was read, but the browser refused to store its result (${reason}). If the disk is full, free some space; then upload the file again.` });
  } catch {
    return null;
  }
}

function withoutUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function failedPage(index: number, error: string, code?: string): Page {
  return { index, width: 0, height: 0, text: '', markdown: '', blocks: [], tables: [], confidence: 0, source: 'ocr', error, ...(code ? { error_code: code } : {}) };
}
