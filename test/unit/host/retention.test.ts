import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OcrDatabase, type JobRecord } from '../../../src/store/db';
import { sweepExpiredFiles } from '../../../src/host/retention';

const DAY = 86_400_000;
const job = (uuid: string, status: JobRecord['status']): JobRecord => ({ uuid, status, tier: 'cpu', language: 'auto', file_name: 'f', file_type: 'image/png', page_count: 1, pages_done: 0, created_at: '', owner: 'anonymous', priority: 0, page_cost: 1, created_ms: 0 });

describe('retention', () => {
  it('deletes uploads of finished jobs older than the retention period, keeps the rest and the text', async () => {
    const db = new OcrDatabase(`r-${Math.random()}`);
    const now = 100 * DAY;
    await db.jobs.bulkAdd([job('old-done', 'done'), job('old-pending', 'pending'), job('new-done', 'done')]);
    await db.settings.put({ key: 'retentionDays', value: 7 });
    const blob = new Blob(['x']);
    await db.files.bulkAdd([
      { key: 'old-done', jobUuid: 'old-done', blob, created_ms: now - 8 * DAY },
      { key: 'old-done/page/0', jobUuid: 'old-done', blob, created_ms: now - 8 * DAY },
      { key: 'old-pending', jobUuid: 'old-pending', blob, created_ms: now - 8 * DAY },
      { key: 'new-done', jobUuid: 'new-done', blob, created_ms: now - 6 * DAY },
    ]);
    expect(await sweepExpiredFiles(db, now)).toBe(2);
    expect((await db.files.toCollection().primaryKeys()).sort()).toEqual(['new-done', 'old-pending']);
    expect(await db.jobs.count()).toBe(3);
  });
});
