import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OcrDatabase } from '../../../src/store/db';
import { submitJob } from '../../../src/api/routes/ocr';
import { usageRow } from '../../../src/api/metering';
import { config } from '../../../src/shared/config';
import type { ApiDeps } from '../../../src/api/deps';

const now = Date.UTC(2026, 10, 22, 12);
const anonymous = { subject: 'anonymous', plan: 'anonymous' as const };

/** The handler's dependencies with a real database; the file is taken as a one-page PNG (no engine runs here). */
function deps(db: OcrDatabase): ApiDeps {
  return {
    db,
    inspect: async () => ({ type: 'png', pageCount: 1, settle: () => {} }),
    notifyQueue: () => {},
    waitForJob: async () => undefined,
    exportJob: () => Promise.reject(new Error('unused')),
    pageImage: async () => null,
    answer: () => Promise.reject(new Error('unused')),
    now: () => now,
  };
}

function upload(): Request {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), 'a.png');
  return new Request('http://localhost/api/v1/ocr/', { method: 'POST', body: form });
}

describe('POST /api/v1/ocr/ and the allowance', () => {
  it('two uploads at once for the last page left: one is queued, the other gets 402, none overdraws', async () => {
    const db = new OcrDatabase(`s-${Math.random()}`);
    for (let i = 0; i < config.anonDailyPages - 1; i++) await db.usage.add(usageRow(anonymous, 1, 'page', now, { jobUuid: 'old', pageIndex: i }));
    const d = deps(db);
    const statuses = await Promise.all([upload(), upload()].map((req) => submitJob(req, anonymous, d).then((r) => r.status, (e: { status?: number }) => e.status ?? 0)));
    expect(statuses.sort()).toEqual([202, 402]);
    expect(await db.jobs.count()).toBe(1);
    expect(await db.files.count()).toBe(1);
  });
});
