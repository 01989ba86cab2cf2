import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OcrDatabase } from '../../../src/store/db';
import { createApiHandler } from '../../../src/api/handler';
import { config } from '../../../src/shared/config';
import type { ApiDeps } from '../../../src/api/deps';
import { sweepExpiredFiles } from '../../../src/host/retention';

function handler(db: OcrDatabase) {
  const unused = () => Promise.reject(new Error('unused'));
  const deps: ApiDeps = { db, inspect: unused, notifyQueue: () => {}, waitForJob: async () => undefined, exportJob: unused, pageImage: async () => null, answer: unused, now: () => Date.UTC(2026, 11, 5) };
  return createApiHandler(deps);
}

describe('GET/PUT /api/v1/settings/', () => {
  it('gives the retention period, takes a new one that the sweeper then acts on, and refuses nonsense with a sentence', async () => {
    const db = new OcrDatabase(`s-${Math.random()}`);
    const api = handler(db);
    const get = async () => (await api(new Request('http://app/api/v1/settings/'))).json();
    expect(await get()).toEqual({ retention_days: config.retentionDays });
    const put = (body: string) => api(new Request('http://app/api/v1/settings/', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body }));
    expect((await put(JSON.stringify({ retention_days: 2 }))).status).toBe(200);
    expect(await get()).toEqual({ retention_days: 2 });
    for (const bad of ['{"retention_days": 0}', '{"retention_days": 1.5}', '{"retention_days": "7"}', 'not json']) {
      const res = await put(bad);
      expect(res.status).toBe(400);
      expect((await res.json()).detail).toMatch(/retention_days/);
    }
    expect(await get()).toEqual({ retention_days: 2 });
    const now = 100 * 86_400_000;
    await db.jobs.add({ uuid: 'j', status: 'done', tier: 'cpu', language: 'auto', file_name: 'f', file_type: 'image/png', page_count: 1, pages_done: 1, created_at: '', owner: 'anonymous', priority: 0, page_cost: 1, created_ms: 0 });
    await db.files.add({ key: 'j', jobUuid: 'j', blob: new Blob(['x']), created_ms: now - 3 * 86_400_000 });
    expect(await sweepExpiredFiles(db, now)).toBe(1);
  });
});
