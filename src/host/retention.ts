// Uploaded files are deleted automatically after the retention period; the text stays.
import { retentionDays } from '../api/routes/settings';
import type { OcrDatabase } from '../store/db';

export async function sweepExpiredFiles(db: OcrDatabase, now: number): Promise<number> {
  const days = await retentionDays(db);
  const cutoff = now - days * 86_400_000;
  const old = await db.files.where('created_ms').below(cutoff).toArray();
  const finished = new Set((await db.jobs.where('status').anyOf('done', 'failed').primaryKeys()) as string[]);
  const keys = old.filter((f) => finished.has(f.jobUuid)).map((f) => f.key);
  await db.files.bulkDelete(keys);
  return keys.length;
}
