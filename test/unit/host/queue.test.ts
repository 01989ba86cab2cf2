import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { OcrDatabase, SCHEMA_V1, SCHEMA_VERSION, type JobRecord } from '../../../src/store/db';
import { claimNextPage, commitOrFail, commitPage, releaseLease, releaseStaleLeases, type Lease } from '../../../src/host/queue';
import { loadJob, toJob } from '../../../src/api/jobs';
import type { Page } from '../../../src/shared/contract';

function job(uuid: string, priority: number, created_ms: number, pages = 2): [JobRecord, number] {
  return [{ uuid, status: 'pending', tier: 'cpu', language: 'auto', file_name: 'f', file_type: 'image/png', page_count: pages, pages_done: 0, created_at: '', owner: 'anonymous', priority, page_cost: 1, created_ms }, pages];
}

async function setup(...jobs: [JobRecord, number][]): Promise<OcrDatabase> {
  const db = new OcrDatabase(`q-${Math.random()}`);
  for (const [j, n] of jobs) {
    await db.jobs.add(j);
    await db.pages.bulkAdd(Array.from({ length: n }, (_, index) => ({ jobUuid: j.uuid, index, state: 'pending' as const, attempts: 0 })));
  }
  return db;
}

const page = (index: number): Page => ({ index, width: 1, height: 1, text: `p${index}`, markdown: '', blocks: [], tables: [], confidence: 1, source: 'ocr' });
const finish = (pages: Page[]) => ({ text: pages.map((p) => p.text).join('\n') });

describe('the job queue', () => {
  it('paid jobs go ahead of free and anonymous ones, then the oldest first', async () => {
    const db = await setup(job('anon', 0, 1), job('free', 1, 2), job('paid', 2, 3));
    const order: string[] = [];
    for (let i = 0; i < 6; i++) order.push((await claimNextPage(db, 'h', 0))!.job.uuid);
    expect(order).toEqual(['paid', 'paid', 'free', 'free', 'anon', 'anon']);
    expect(await claimNextPage(db, 'h', 0)).toBeNull();
  });

  it('a page is leased once: two hosts never get the same page', async () => {
    const db = await setup(job('a', 0, 1, 5));
    const leases = await Promise.all(Array.from({ length: 8 }, (_, i) => claimNextPage(db, `h${i % 2}`, 0)));
    const got = leases.filter(Boolean).map((l) => l!.page.index).sort();
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });

  it('charges a page once, refunds failures, finishes the job, and ignores a stale host', async () => {
    const db = await setup(job('a', 0, 1, 2));
    const l0 = (await claimNextPage(db, 'h1', 0))!;
    const l1 = (await claimNextPage(db, 'h1', 0))!;
    await commitPage(db, l0, { result: page(0) }, 0, finish);
    // The host died: a new host releases its lease and takes the page again.
    expect(await releaseStaleLeases(db, 'h2')).toBe(1);
    const again = (await claimNextPage(db, 'h2', 0))!;
    expect(again.page.index).toBe(1);
    // The old host's late result changes nothing.
    await commitPage(db, l1, { result: page(1) }, 0, finish);
    expect((await db.jobs.get('a'))!.status).toBe('processing');
    const { job: done, pages, texts } = await commitPage(db, again, { error: 'unreadable' }, 0, finish);
    expect(done).toMatchObject({ status: 'done', pages_done: 2 });
    // The text is kept apart from the job record (a list of jobs does not read it).
    expect(done).not.toHaveProperty('text');
    expect(await db.jobTexts.get('a')).toEqual({ uuid: 'a', text: 'p0\n', markdown: '' });
    // The finishing commit hands back every page, as stored.
    expect(pages!.map((p) => [p.index, p.state])).toEqual([[0, 'done'], [1, 'failed']]);
    expect(done).toEqual(await db.jobs.get('a'));
    // What the engine host hands to a waiting POST is what reading the job back gives.
    expect(toJob(done!, pages!, texts)).toEqual(await loadJob(db, 'a'));
    expect((await loadJob(db, 'a'))!.text).toBe('p0\n');
    const usage = await db.usage.toArray();
    expect(usage.map((u) => u.pageIndex)).toEqual([0]);
  });

  it('a job whose every page failed on a missing model carries the error\'s code, page and job alike', async () => {
    const db = await setup(job('m', 0, 1, 1));
    const lease = (await claimNextPage(db, 'h', 0))!;
    const detail = 'Handwriting to text needs the handwriting model, which is not on this device: download it in Settings → Models, then try again.';
    const { job: failed } = await commitPage(db, lease, { error: detail, code: 'model_missing' }, 0, finish);
    expect(failed).toMatchObject({ status: 'failed', error: detail, error_code: 'model_missing' });
    const read = (await loadJob(db, 'm'))!;
    expect(read).toMatchObject({ error: detail, error_code: 'model_missing' });
    expect(read.pages[0]).toMatchObject({ error: detail, error_code: 'model_missing' });
    // An error without a code stores none (no `error_code: undefined` in the record).
    const db2 = await setup(job('n', 0, 1, 1));
    const { job: plain } = await commitPage(db2, (await claimNextPage(db2, 'h', 0))!, { error: 'unreadable' }, 0, finish);
    expect(plain).not.toHaveProperty('error_code');
  });

  it('within a plan, a job no other loop of the host is on comes first; a better plan still goes first', async () => {
    const db = await setup(job('old', 1, 1, 3), job('new', 1, 2, 1), job('paid', 2, 3, 1));
    // The paid job goes first even though a loop is already on it.
    expect((await claimNextPage(db, 'h', 0, new Set(['paid'])))!.job.uuid).toBe('paid');
    // A loop is on 'old': the next loop takes 'new' rather than queueing behind it...
    expect((await claimNextPage(db, 'h', 0, new Set(['old'])))!.job.uuid).toBe('new');
    // ...and, with nothing else left, another page of 'old'.
    const next = (await claimNextPage(db, 'h', 0, new Set(['old'])))!;
    expect([next.job.uuid, next.page.index]).toEqual(['old', 0]);
    expect((await claimNextPage(db, 'h', 0, new Set(['old'])))!.page.index).toBe(1);
  });

  it('takes a job\'s pages in order and counts them done one by one, out of order too', async () => {
    const db = await setup(job('a', 0, 1, 4));
    const leases = [];
    for (let i = 0; i < 4; i++) leases.push((await claimNextPage(db, 'h', 0))!);
    expect(leases.map((l) => l.page.index)).toEqual([0, 1, 2, 3]);
    const done = [];
    for (const i of [2, 0, 3, 1]) done.push((await commitPage(db, leases[i]!, { result: page(i) }, 0, finish)).job);
    expect(done.map((j) => j!.pages_done)).toEqual([1, 2, 3, 4]);
    expect(done.map((j) => j!.status)).toEqual(['processing', 'processing', 'processing', 'done']);
    expect((await loadJob(db, 'a'))!.text).toBe('p0\np1\np2\np3');
  });

  it('a commit can claim the next page in its own transaction, by the same rules as a claim', async () => {
    const db = await setup(job('a', 0, 1, 2), job('b', 0, 2, 1));
    const a0 = (await claimNextPage(db, 'h', 0))!;
    // Another loop is on 'a' too: the commit's claim goes to 'b' first, as claimNextPage would.
    const first = await commitPage(db, a0, { result: page(0) }, 0, finish, { hostId: 'h', busy: new Set(['a']) });
    expect([first.next!.job.uuid, first.next!.page.index]).toEqual(['b', 0]);
    expect((await db.pages.get(['b', 0]))!).toMatchObject({ state: 'processing', leaseOwner: 'h', attempts: 1 });
    const second = await commitPage(db, first.next!, { result: page(0) }, 0, finish, { hostId: 'h', busy: new Set() });
    expect(second.job).toMatchObject({ uuid: 'b', status: 'done' });
    expect([second.next!.job.uuid, second.next!.page.index]).toEqual(['a', 1]);
    const last = await commitPage(db, second.next!, { result: page(1) }, 0, finish, { hostId: 'h', busy: new Set() });
    expect(last.job).toMatchObject({ uuid: 'a', status: 'done' });
    expect(last.next).toBeNull();
    // Without a claim asked for, there is no next.
    expect('next' in (await commitPage(db, a0, { result: page(0) }, 0, finish))).toBe(false);
  });

  it('charges a page to its owner\'s plan as it stands when the page is done', async () => {
    const db = await setup([{ ...job('acct', 1, 1, 2)[0], owner: 'acct-1' }, 2]);
    await db.accounts.add({ id: 'acct-1', tokenHash: 'x', plan: 'free', created_ms: 0, vouchers: [] });
    const now = Date.UTC(2026, 10, 22);
    const l0 = (await claimNextPage(db, 'h', now))!;
    const l1 = (await claimNextPage(db, 'h', now))!;
    await commitPage(db, l0, { result: page(0) }, now, finish);
    await db.accounts.update('acct-1', { plan: 'paid' });
    await commitPage(db, l1, { result: page(1) }, now, finish);
    expect((await db.usage.toArray()).map((u) => u.period)).toEqual(['2026-11', 'credits']);
  });

  it('a job whose count is off is not finished before all its pages are', async () => {
    const db = await setup(job('a', 0, 1, 2));
    const l0 = (await claimNextPage(db, 'h', 0))!;
    // As if an older version had counted a page that is not done.
    await db.jobs.update('a', { pages_done: 1 });
    const { job: j, pages } = await commitPage(db, l0, { result: page(0) }, 0, finish);
    expect(pages).toBeUndefined();
    expect(j).toMatchObject({ status: 'processing', pages_done: 1 });
    const l1 = (await claimNextPage(db, 'h', 0))!;
    expect((await commitPage(db, l1, { result: page(1) }, 0, finish)).job).toMatchObject({ status: 'done', pages_done: 2 });
  });

  describe('when the database refuses a commit', () => {
    const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => {});
    const committer = (db: OcrDatabase, lease: Lease) => (o: Parameters<typeof commitPage>[2]) => commitPage(db, lease, o, 0, finish);

    it('a page it will not store at all is kept leased, then put back and read again: the job finishes, each page charged once', async () => {
      const errors = quiet();
      const db = await setup(job('a', 0, 1, 2));
      const l0 = (await claimNextPage(db, 'h', 0))!;
      db.close({ disableAutoOpen: true });
      expect(await commitOrFail(committer(db, l0), l0, { result: page(0) }, 1)).toBeNull();
      expect(errors).toHaveBeenCalledTimes(3);
      await db.open();
      // Nothing was written: the page is still this host's, and uncharged.
      expect((await db.pages.get(['a', 0]))!).toMatchObject({ state: 'processing', leaseOwner: 'h' });
      expect(await db.usage.count()).toBe(0);
      await releaseLease(db, l0);
      const again = (await claimNextPage(db, 'h', 0))!;
      expect([again.page.index, again.page.attempts]).toEqual([0, 2]);
      await commitPage(db, again, { result: page(0) }, 0, finish);
      const l1 = (await claimNextPage(db, 'h', 0))!;
      expect((await commitOrFail(committer(db, l1), l1, { result: page(1) }))!.job).toMatchObject({ status: 'done', pages_done: 2 });
      expect((await db.usage.toArray()).map((u) => u.pageIndex).sort()).toEqual([0, 1]);
      // A lease released late (the page has moved on) changes nothing.
      await releaseLease(db, l0);
      expect((await db.pages.get(['a', 0]))!.state).toBe('done');
      errors.mockRestore();
    });

    it('a refusal that passes (the database back a moment later) is tried again and commits', async () => {
      const errors = quiet();
      const db = await setup(job('a', 0, 1, 1));
      const l0 = (await claimNextPage(db, 'h', 0))!;
      db.close({ disableAutoOpen: true });
      const committed = commitOrFail(committer(db, l0), l0, { result: page(0) }, 100);
      await db.open();
      expect((await committed)!.job).toMatchObject({ status: 'done', pages_done: 1 });
      expect(errors).toHaveBeenCalledTimes(1);
      expect(await db.usage.count()).toBe(1);
      errors.mockRestore();
    });

    it('a result it cannot store fails its page with the reason, and costs nothing', async () => {
      const errors = quiet();
      const db = await setup(job('a', 0, 1, 1));
      const l0 = (await claimNextPage(db, 'h', 0))!;
      // A value IndexedDB cannot clone: every attempt at the result is refused.
      const unstorable = { ...page(0), extra: () => 0 } as unknown as Page;
      const committed = (await commitOrFail(committer(db, l0), l0, { result: unstorable }, 1))!;
      expect(committed.job).toMatchObject({ status: 'failed' });
      expect(committed.job!.error).toMatch(/Page 1 was read, but the browser refused to store its result/);
      expect(await db.usage.count()).toBe(0);
      errors.mockRestore();
    });
  });

  it('a database made by the previous schema (no [jobUuid+state] index) upgrades with its jobs', async () => {
    const name = `q-old-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const [j] = job('kept', 0, 1, 2);
    await old.table('jobs').add(j);
    await old.table('pages').bulkAdd([0, 1].map((index) => ({ jobUuid: 'kept', index, state: 'pending', attempts: 0 })));
    old.close();
    const db = new OcrDatabase(name);
    const lease = (await claimNextPage(db, 'h', 0))!;
    expect([lease.job.uuid, lease.page.index]).toEqual(['kept', 0]);
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('a database from before texts were kept apart upgrades: each finished job keeps its text and Markdown', async () => {
    const name = `q-v2-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores({ pages: '[jobUuid+index], jobUuid, state, [jobUuid+state]' });
    const [done] = job('done', 0, 1, 1);
    const [queued] = job('queued', 0, 2, 1);
    await old.table('jobs').bulkAdd([{ ...done, status: 'done', pages_done: 1, text: 'the text', markdown: '# the text' }, queued]);
    await old.table('pages').bulkAdd([
      { jobUuid: 'done', index: 0, state: 'done', attempts: 1, result: page(0) },
      { jobUuid: 'queued', index: 0, state: 'pending', attempts: 0 },
    ]);
    old.close();
    const db = new OcrDatabase(name);
    expect(await loadJob(db, 'done')).toMatchObject({ status: 'done', text: 'the text', markdown: '# the text' });
    expect(await db.jobs.get('done')).not.toHaveProperty('text');
    expect(await db.jobTexts.count()).toBe(1);
    expect(await loadJob(db, 'queued')).toMatchObject({ status: 'pending', text: '', markdown: '' });
  });
});

