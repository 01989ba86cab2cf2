// How the job screen follows a job: its progress polled each second (a cheap answer, the
// job record only), and the whole job, with every page finished so far, read again only
// when a page, the status or the note (a language downloading) has changed. A long job's full answer is megabytes.
import type { Job, JobProgress } from '../shared/contract';

export interface WatchApi {
  getJob(uuid: string): Promise<Job>;
  getProgress(uuid: string): Promise<JobProgress>;
  sleep(ms: number): Promise<void>;
}

/**
 * Calls `show` with the job at once and after each change until it is done or failed, or
 * until `live()` turns false. API errors are thrown.
 */
export async function watchJob(uuid: string, api: WatchApi, show: (job: Job) => void, live: () => boolean, everyMs = 1000): Promise<void> {
  let shown: Job | null = null;
  for (;;) {
    if (shown) {
      const p = await api.getProgress(uuid);
      if (!live()) return;
      if (p.status === shown.status && p.pages_done === shown.pages_done && (p.note ?? '') === (shown.note ?? '')) {
        await api.sleep(everyMs);
        if (!live()) return;
        continue;
      }
    }
    const job = await api.getJob(uuid);
    if (!live()) return;
    show(job);
    shown = job;
    if (job.status === 'done' || job.status === 'failed') return;
    await api.sleep(everyMs);
    if (!live()) return;
  }
}
