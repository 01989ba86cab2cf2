// The job screen's polling: the whole job is read again only after its progress changed.
import { describe, expect, it } from 'vitest';
import type { Job, JobProgress } from '../../../src/shared/contract';
import { watchJob } from '../../../src/ui/watch-job';

/** A job's successive states, as the API would answer them at each poll. */
function api(states: { status: Job['status']; pages_done: number; note?: string }[]) {
  let t = 0;
  const calls: string[] = [];
  const at = () => states[Math.min(t, states.length - 1)]!;
  return {
    calls,
    api: {
      async getJob(uuid: string) {
        calls.push(`job ${at().pages_done}`);
        return { uuid, ...at(), page_count: 3, pages: [] } as unknown as Job;
      },
      async getProgress(uuid: string) {
        calls.push(`progress ${at().pages_done}`);
        return { uuid, ...at(), page_count: 3 } as unknown as JobProgress;
      },
      async sleep() {
        t++;
      },
    },
  };
}

describe('watchJob', () => {
  it('polls progress each second and reads the whole job only when a page or the status changed', async () => {
    const { api: a, calls } = api([
      { status: 'processing', pages_done: 0 },
      { status: 'processing', pages_done: 0 },
      { status: 'processing', pages_done: 0 },
      { status: 'processing', pages_done: 1 },
      { status: 'processing', pages_done: 1 },
      { status: 'done', pages_done: 3 },
    ]);
    const shown: string[] = [];
    await watchJob('u', a, (j) => shown.push(`${j.status} ${j.pages_done}`), () => true);
    expect(shown).toEqual(['processing 0', 'processing 1', 'done 3']);
    expect(calls).toEqual(['job 0', 'progress 0', 'progress 0', 'progress 1', 'job 1', 'progress 1', 'progress 3', 'job 3']);
  });

  it('reads the job again when its note changed (a language downloading), so the screen shows it', async () => {
    const { api: a } = api([
      { status: 'processing', pages_done: 0 },
      { status: 'processing', pages_done: 0, note: 'Downloading Latin (lat): 40% of 2.8 MB' },
      { status: 'processing', pages_done: 0 },
      { status: 'done', pages_done: 3 },
    ]);
    const shown: string[] = [];
    await watchJob('u', a, (j) => shown.push(j.note ?? '-'), () => true);
    expect(shown).toEqual(['-', 'Downloading Latin (lat): 40% of 2.8 MB', '-', '-']);
  });

  it('stops when the screen is left', async () => {
    const { api: a, calls } = api([{ status: 'processing', pages_done: 0 }]);
    let polls = 0;
    await watchJob('u', a, () => undefined, () => ++polls < 4);
    expect(calls.length).toBeLessThanOrEqual(3);
  });
});
