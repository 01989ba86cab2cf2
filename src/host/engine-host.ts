// The engine host: one app window, elected with a Web Lock, leases pages from the
// queue in IndexedDB and runs the engines in its workers. When the tab closes the
// lock passes to another open tab, which picks up what was left.
import type { Job, Page, PageTimings } from '../shared/contract';
import { ENGINE_STEPS } from '../shared/engine';
import { toJob } from '../api/jobs';
import type { OcrDatabase } from '../store/db';
import { openDocument, UserError, type OpenedDocument } from '../documents';
import { encodeJpeg, rotateBitmap } from '../shared/pixels';
import { isBlankLuma, isBlankPage } from '../documents/blank';
import { blankPage, withTextWarning } from './page-warnings';
import { layoutPage, joinPages } from '../layout';
import { findTool } from '../tools';
import { config } from '../shared/config';
import { claimNextPage, commitOrFail, commitPage, releaseLease, releaseStaleLeases, type Committed, type Finish, type Lease, type PageOutcome } from './queue';
import { queueChannel, type QueueMessage } from '../shared/channel';
import { sweepExpiredFiles } from './retention';
import { KeyedListeners } from './listeners';
import { TRANSLATOR_CODE, translateLaidOutPage, Translators } from './translation';
import { rereadUnsureFields } from './unsure-fields';
import { mendPage, readsEnglish } from './mend-words';
import { wordVectors } from './word-vectors';
import { cropReaderFor, warmOtherTier } from './line-reader';
import { readForFields } from './fields-reader';
import { fieldsTier } from './fields-tier';
import { parseLanguage } from '../shared/languages';

const LOCK = 'ocrchat-engine-host';
const IDLE_POLL_MS = 3000;
/** How long a loop waits before reading the queue again after the database refused. */
const STORAGE_RETRY_MS = 2000;
/** A job's note (a download's progress) is written at most this often. */
const NOTE_EVERY_MS = 400;

export class EngineHost {
  readonly id = crypto.randomUUID();
  private docs = new Map<string, Promise<OpenedDocument>>();
  private wake: (() => void)[] = [];
  /** Jobs this host's loops are working on, with how many pages each. */
  private working = new Map<string, number>();
  private claims: Promise<unknown> = Promise.resolve();
  /** Leases whose page could not be committed nor failed: put back once the database writes again. */
  private stranded: Lease[] = [];
  private channel = queueChannel((m) => this.onMessage(m));
  /** Who in this window waits for a job to finish (the POST of a short file), by job. */
  private finishWaiters = new KeyedListeners<Job>();
  isHost = false;

  constructor(
    private db: OcrDatabase,
    private concurrency: number,
    /** the translators of tool=translate (Chrome's built-in Translator), one per language pair; the API handler of this window starts downloads with them */
    readonly translators: Translators = new Translators(),
  ) {}

  /** `shared`: the database is shared with other tabs, so only the elected one runs. */
  start(shared = true): void {
    if (!shared || !('locks' in navigator)) {
      void this.run();
      return;
    }
    navigator.locks.request(LOCK, () => this.run()).catch(() => void this.run());
  }

  private onMessage(m: QueueMessage): void {
    if (m.type === 'work-added') this.wakeUp();
  }

  wakeUp(): void {
    for (const w of this.wake.splice(0)) w();
  }

  private async run(): Promise<never> {
    this.isHost = true;
    // A failure here must not end run(): it holds the lock, and the loops below keep trying.
    await releaseStaleLeases(this.db, this.id).catch((err) => console.error('stale leases could not be released', err));
    await sweepExpiredFiles(this.db, Date.now()).catch(() => {});
    await Promise.all(Array.from({ length: this.concurrency }, () => this.loop()));
    throw new Error('unreachable');
  }

  private async loop(): Promise<void> {
    let lease: Lease | null = null;
    for (;;) {
      // Checked on every turn: a busy queue must not keep a stranded page from going back.
      if (this.stranded.length) await this.releaseStranded().catch((err) => console.error('a stranded page could not be put back yet', err));
      if (!lease) {
        try {
          lease = await this.claim();
        } catch (err) {
          // The database refused (full, or gone for a moment): try again later, never give up.
          console.error('the queue could not be read', err);
          await this.rest(STORAGE_RETRY_MS);
          continue;
        }
      }
      if (!lease) {
        if (this.working.size === 0) this.closeIdleDocuments();
        await this.rest(IDLE_POLL_MS);
        continue;
      }
      const current = lease;
      lease = null;
      let committed: Committed | null;
      try {
        const outcome = await this.process(current);
        committed = await this.commitOrStrand(current, outcome);
        lease = committed?.next ?? null;
      } finally {
        this.letGo(current);
      }
      if (!committed) continue;
      const { job, pages, texts } = committed;
      if (job) {
        // The finished job as the API gives it, to whoever here waits for it: not read back.
        if (pages && this.finishWaiters.has(job.uuid)) this.finishWaiters.emit(job.uuid, toJob(job, pages, texts), true);
        this.channel.post({ type: 'job-updated', uuid: job.uuid, status: job.status, pagesDone: job.pages_done, pageCount: job.page_count });
        if (job.status === 'done' || job.status === 'failed') this.closeDocument(job.uuid);
      }
    }
  }

  /** Waits until woken (work added) or `ms` have passed. */
  private rest(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        // Not woken: leave the wake list as it was (an idle tab polls for hours).
        const i = this.wake.indexOf(done);
        if (i >= 0) this.wake.splice(i, 1);
        resolve();
      }, ms);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.wake.push(done);
    });
  }

  /** The page committed (and the next claimed), or null when the database refused it: stranded. */
  private async commitOrStrand(lease: Lease, outcome: PageOutcome): Promise<Committed | null> {
    const committed = await commitOrFail((o) => this.commitAndClaim(lease, o), lease, outcome);
    if (!committed) this.stranded.push(lease);
    return committed;
  }

  /** Puts stranded leases back in the queue (in turn with claims: none is half-way). */
  private releaseStranded(): Promise<void> {
    return this.inTurn(async () => {
      while (this.stranded.length) {
        await releaseLease(this.db, this.stranded[0]!);
        this.stranded.shift();
      }
    });
  }

  /**
   * Calls `onFinished` with the job when this host finishes it (a host in another tab says
   * so on the queue channel instead). Returns the way to stop waiting.
   */
  whenFinished(uuid: string, onFinished: (job: Job) => void): () => void {
    return this.finishWaiters.add(uuid, onFinished);
  }

  /** Claims are made one at a time (the commits that claim too among them), so that each sees what the others took. */
  private claim(): Promise<Lease | null> {
    return this.inTurn(async () => {
      const lease = await claimNextPage(this.db, this.id, Date.now(), new Set(this.working.keys()));
      if (lease) this.took(lease);
      return lease;
    });
  }

  /**
   * Commits the page and claims the next in one transaction. The page's own job counts as
   * busy only when another loop is on it too (this one is about to let it go).
   */
  private commitAndClaim(lease: Lease, outcome: PageOutcome): Promise<Committed> {
    return this.inTurn(async () => {
      const busy = new Set([...this.working].filter(([uuid, n]) => n > (uuid === lease.job.uuid ? 1 : 0)).map(([uuid]) => uuid));
      const committed = await commitPage(this.db, lease, outcome, Date.now(), finishJob, { hostId: this.id, busy });
      if (committed.next) this.took(committed.next);
      // Deleted while this page was at work: the page image stored before the commit must go too.
      if (!committed.job) await this.db.files.where('jobUuid').equals(lease.job.uuid).delete();
      return committed;
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.claims.then(work);
    this.claims = done.catch(() => {});
    return done;
  }

  /** Counts a lease this host's loops now hold in `working`; letGo() uncounts it. */
  private took(lease: Lease): void {
    this.working.set(lease.job.uuid, (this.working.get(lease.job.uuid) ?? 0) + 1);
  }

  private letGo(lease: Lease): void {
    const n = (this.working.get(lease.job.uuid) ?? 1) - 1;
    if (n > 0) this.working.set(lease.job.uuid, n);
    else this.working.delete(lease.job.uuid);
  }

  private async process({ job, page }: Lease): Promise<PageOutcome> {
    try {
      // The page's time in each step (its timings_ms): performance.now() spans, light enough for every page.
      const timings: PageTimings = { queue: Math.max(0, Date.now() - job.created_ms) };
      let t = performance.now();
      const lap = () => -t + (t = performance.now());
      const doc = await this.openJobDocument(job.uuid);
      const image = await doc.page(page.index);
      timings.decode = lap();
      try {
        // A blank page has nothing to read: no engine is run on it, and no confidence claimed.
        // (from the page's grey where the engine reads that too: a colour JPEG on the cpu tier)
        const luma = image.luma && job.tier === 'cpu' ? await image.luma() : null;
        const blank = image.bitmap && (luma ? isBlankLuma(luma) : isBlankPage(image.bitmap)) ? blankPage(page.index, image.bitmap.width, image.bitmap.height) : null;
        const tool = findTool(job.tool);
        const recipe = tool?.recipe;
        const translates = !!(tool?.meta.needsTarget && job.translate_to);
        // No translator at all for the job: the page fails before it is read, not after.
        const problem = translates ? await this.translators.problem(job.language, job.translate_to!) : null;
        if (problem) throw new UserError(TRANSLATOR_CODE, problem);
        // the blank test (and the translator check): the page's preprocessing here
        timings.preprocess = lap();
        const asked = parseLanguage(job.language).tesseract;
        const readsFields = !!recipe?.checkFields && !!image.bitmap;
        // tool=receipt: PP-OCR reads the page where it reads the language (fields-reader.ts)
        const likely = fieldsTier(job.tier, readsFields, asked);
        // tool=receipt reads unsure field lines again with the other tier: its models load meanwhile
        if (!blank && readsFields) warmOtherTier(likely);
        // the English lexicon (for PP-OCR's misreadings, below) loads while the page is read
        const mends = !blank && likely === 'vlm' && readsEnglish(asked);
        if (mends) void wordVectors();
        // (the only page in hand, and its file's last one to read: the engine may read it on more
        // than one worker; a file's other pages are claimed a moment apart and would wait)
        const alone = [...this.working.values()].reduce((n, k) => n + k, 0) === 1 && job.page_count - job.pages_done <= 1;
        const read = blank ? null : await readForFields(image, job.tier, job.language, readsFields, { recipe, onNote: this.noteFor(job.uuid), alone });
        const engine = read?.engine ?? null;
        const reads = read?.tier ?? job.tier;
        engineSteps(timings, lap(), engine?.timings);
        // tool=receipt: fields read from unsure lines are read again by the other tier's recogniser.
        // (An upright page only: the stored bitmap is the page as uploaded.)
        let rereads: { reread: number; replaced: number; asBlock?: number } | undefined;
        if (engine && recipe?.checkFields && image.bitmap && !engine.rotation) {
          const reader = cropReaderFor(reads, engine.detectedLanguage ?? asked);
          if (reader) {
            const { reread, replaced, asBlock } = await rereadUnsureFields(engine, image.bitmap, page.index, reader, { minTableRows: recipe.minTableRows });
            rereads = { reread, replaced, asBlock };
            timings.reread = lap();
          }
        }
        // PP-OCR's known misreadings of English words ("Offce", "lnvestor") put right by the lexicon
        if (engine && reads === 'vlm' && readsEnglish(engine.detectedLanguage ?? asked)) {
          const lexicon = await wordVectors();
          if (lexicon) mendPage(engine, (w) => lexicon.knows(w));
        }
        const result = blank ?? withTextWarning(layoutPage(engine!, page.index, { minTableRows: recipe?.minTableRows }));
        timings.layout = lap();
        if (engine?.rotation) result.rotation = engine.rotation;
        if (engine?.detectedLanguage) result.language = engine.detectedLanguage;
        if (engine?.warning && !result.warning) result.warning = engine.warning;
        // tool=translate: the laid-out page translated (its detected language known now). No
        // translator for the pair fails the page with what to enable: never done untranslated.
        if (translates) {
          result.translation = await translateLaidOutPage(result, job, this.translators, this.noteFor(job.uuid));
          timings.translate = lap();
        }
        // The boxes are in the pixels of the page as the engine saw it: upright. JPEG at 0.92:
        // a tenth of a PNG's encoding time and size, with no visible loss on a page.
        // A born-digital page has no bitmap: its image is drawn when asked for (page-images.ts).
        if (image.bitmap) {
          const stored = engine?.rotation ? await encodeRotated(image.bitmap, engine.rotation) : image.original ?? (await encodeJpeg(image.bitmap, 0.92));
          await this.db.files.put({ key: `${job.uuid}/page/${page.index}`, jobUuid: job.uuid, blob: stored, created_ms: Date.now() });
          timings.store = lap();
        }
        result.timings_ms = rounded(timings);
        console.debug('ocrchat page', job.uuid, page.index + 1, JSON.stringify({ ...timings, ...engine?.timings, ...(rereads ? { rereadLines: rereads.reread, rereadReplaced: rereads.replaced, ...(rereads.asBlock ? { rereadAsBlock: rereads.asBlock } : {}) } : {}), ...(reads !== job.tier ? { readBy: reads } : {}), pixels: result.width * result.height }));
        return { result };
      } finally {
        image.bitmap?.close();
      }
    } catch (err) {
      if (err instanceof UserError) return { error: err.detail, code: err.code };
      console.error('page failed', job.uuid, page.index, err);
      // One more try for what may be a crashed worker; then the page fails and is not charged.
      if (page.attempts < 2) return { retry: true };
      return { error: `Page ${page.index + 1} could not be recognised: ${(err as Error).message ?? err}` };
    }
  }

  /**
   * Writes what the engine says meanwhile (a language downloading) as the job's note, at
   * most a few times a second; null clears it. The job screen polls the note.
   */
  private noteFor(uuid: string): (note: string | null) => void {
    let last = 0;
    return (note) => {
      const now = Date.now();
      if (note !== null && now - last < NOTE_EVERY_MS) return;
      last = now;
      this.db.jobs.update(uuid, { note: note ?? undefined }).catch(() => {});
    };
  }

  private openJobDocument(uuid: string): Promise<OpenedDocument> {
    let doc = this.docs.get(uuid);
    if (!doc) {
      doc = (async () => {
        const file = await this.db.files.get(uuid);
        if (!file) throw new UserError('file_gone', 'The uploaded file is no longer stored (deleted or past the retention period).');
        return openDocument(await file.blob.arrayBuffer());
      })();
      doc.catch(() => this.docs.delete(uuid));
      this.docs.set(uuid, doc);
    }
    return doc;
  }

  /** The document the API handler opened to inspect an upload, kept for reading its job. */
  adoptDocument(uuid: string, doc: OpenedDocument): void {
    if (this.docs.has(uuid)) doc.close();
    else this.docs.set(uuid, Promise.resolve(doc));
  }

  /** Documents of jobs no loop is on (a job deleted, or adopted and never claimed). */
  private closeIdleDocuments(): void {
    for (const uuid of [...this.docs.keys()]) if (!this.working.has(uuid)) this.closeDocument(uuid);
  }

  private closeDocument(uuid: string): void {
    const doc = this.docs.get(uuid);
    this.docs.delete(uuid);
    void doc?.then((d) => d.close()).catch(() => {});
  }
}

/** The job's text and Markdown, and the language most of its pages were read in. */
const finishJob: Finish = (pages: Page[]) => {
  const counts = new Map<string, number>();
  for (const p of pages) if (p.language) counts.set(p.language, (counts.get(p.language) ?? 0) + 1);
  const detected = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { ...joinPages(pages), ...(detected ? { detected_language: detected } : {}) };
};

/**
 * The engine's time split into its steps: those its timings name (ENGINE_STEPS), and the
 * rest, its recognition.
 */
function engineSteps(timings: PageTimings, engineMs: number, steps: Record<string, number> | undefined): void {
  let named = 0;
  for (const step of ENGINE_STEPS) {
    const ms = steps?.[step];
    if (typeof ms === 'number' && ms > 0) {
      timings[step] = (timings[step] ?? 0) + ms;
      named += ms;
    }
  }
  timings.recognize = Math.max(0, engineMs - named);
}

/** Whole tenths of a millisecond: enough to tell where time goes, short in the stored page. */
function rounded(t: PageTimings): PageTimings {
  const out: PageTimings = {};
  for (const [k, v] of Object.entries(t) as [keyof PageTimings, number][]) out[k] = Math.round(v * 10) / 10;
  return out;
}

async function encodeRotated(bitmap: ImageBitmap, degrees: number): Promise<Blob> {
  const turned = rotateBitmap(bitmap, degrees);
  try {
    return await encodeJpeg(turned, 0.92);
  } finally {
    turned.close();
  }
}

/** The engines' workers: one a core, four at most (the cpu engine's pool, src/engines/cpu/pool.ts). */
export const engineWorkers = (): number => Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 4));
/**
 * Pages in hand at once: one more than the engine has workers, so that while the workers
 * read, the next page is claimed and decoded (pdf.js renders it, the browser decodes it)
 * and the last one stored and committed; it then waits for the first free worker (the cpu
 * pool waits) instead of leaving a worker idle through those steps.
 */
export const defaultConcurrency = (): number => engineWorkers() + 1;
export { config };
