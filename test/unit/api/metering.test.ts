import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OcrDatabase, type JobRecord } from '../../../src/store/db';
import { assertCanAfford, balance, periodOf, usageRow } from '../../../src/api/metering';
import { ApiError } from '../../../src/api/errors';
import { config } from '../../../src/shared/config';

const now = Date.UTC(2026, 10, 21, 12);
const caller = { subject: 'acct-1', plan: 'free' as const };

function job(uuid: string, status: JobRecord['status']): JobRecord {
  return { uuid, status, tier: 'cpu', language: 'auto', file_name: 'f', file_type: 'application/pdf', page_count: 10, pages_done: 0, created_at: '', owner: caller.subject, priority: 1, page_cost: 1, created_ms: now };
}

describe('metering', () => {
  it('periods: a day for anonymous, a month for free, one bucket of credits for paid', () => {
    expect(periodOf('anonymous', now)).toBe('2026-11-21');
    expect(periodOf('free', now)).toBe('2026-11');
    expect(periodOf('paid', now)).toBe('credits');
  });

  it('counts pages still queued against the allowance, so a burst of uploads cannot overdraw it', async () => {
    const db = new OcrDatabase(`m-${Math.random()}`);
    for (let i = 0; i < 4; i++) {
      await db.jobs.add(job(`j${i}`, i === 0 ? 'processing' : 'pending'));
      await db.pages.bulkAdd(Array.from({ length: 10 }, (_, index) => ({ jobUuid: `j${i}`, index, state: i === 0 && index < 3 ? ('done' as const) : ('pending' as const), attempts: 0 })));
    }
    for (let p = 0; p < 3; p++) await db.usage.add(usageRow(caller, 1, 'page', now, { jobUuid: 'j0', pageIndex: p }));
    expect((await balance(db, caller, now)).used).toBe(3);
    const cap = config.freeMonthlyPages;
    // 3 charged + 37 queued: with the default cap of 500 one more page fits, with a cap of 40 it doesn't.
    await expect(assertCanAfford(db, caller, cap - 40 + 1, now)).rejects.toBeInstanceOf(ApiError);
    await expect(assertCanAfford(db, caller, cap - 40, now)).resolves.toBeUndefined();
    const err = await assertCanAfford(db, caller, cap, now).catch((e: ApiError) => e);
    expect(err).toMatchObject({ status: 402, extra: { used: 40, cap } });
  });

  it('reads only the queued jobs, not the finished ones in history with their text', async () => {
    const db = new OcrDatabase(`m-${Math.random()}`);
    await db.jobs.add(job('queued', 'pending'));
    await db.pages.bulkAdd(Array.from({ length: 10 }, (_, index) => ({ jobUuid: 'queued', index, state: 'pending' as const, attempts: 0 })));
    for (let i = 0; i < 60; i++) {
      await db.jobs.add({ ...job(`old${i}`, 'done'), pages_done: 10 });
      await db.jobTexts.add({ uuid: `old${i}`, text: 'a long text '.repeat(500), markdown: '' });
      await db.pages.bulkAdd(Array.from({ length: 10 }, (_, index) => ({ jobUuid: `old${i}`, index, state: 'done' as const, attempts: 1 })));
    }
    // Dexie's reading hook sees the records a query returns (after its filter), so it shows
    // the pages that were read to be counted; that every job was read to be filtered, it cannot.
    let jobsRead = 0;
    let pagesRead = 0;
    db.jobs.hook('reading', (j) => (jobsRead++, j));
    db.pages.hook('reading', (p) => (pagesRead++, p));
    await expect(assertCanAfford(db, caller, config.freeMonthlyPages - 10, now)).resolves.toBeUndefined();
    await expect(assertCanAfford(db, caller, config.freeMonthlyPages - 9, now)).rejects.toBeInstanceOf(ApiError);
    expect(jobsRead).toBeLessThanOrEqual(2);
    expect(pagesRead).toBe(0);
  });
});
