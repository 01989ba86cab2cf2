// One request's files through the widget's upload queue: a report each time a file's job
// moves, and its result once it is finished, in whatever order the files finish.
import { untrack } from 'svelte';
import type { Job } from '../../shared/contract';
import type { SubmitOptions } from '../api';
import type { Upload, UploadQueue } from '../uploads.svelte';

export interface BatchEvents {
  progress(index: number, item: Upload): void;
  /** `job`: the finished job when the file was read; absent when it failed */
  result(index: number, item: Upload, job?: Job): void;
}

/** Resolves once every file has had its result. */
export function readBatch(queue: UploadQueue, files: File[], opts: SubmitOptions, on: BatchEvents): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let left = files.length;
    let stop = () => {};
    const reported = new Set<number>();
    const finish = (index: number, job?: Job) => {
      if (reported.has(index)) return;
      reported.add(index);
      on.result(index, items[index]!, job);
      if (--left === 0) {
        stop();
        resolve();
      }
    };
    // The queue hands over the finished job; a failure shows in the upload's status.
    const items = queue.add(files, opts, (job) => {
      const index = items.findIndex((item) => item.uuid === job.uuid);
      if (index >= 0) finish(index, job);
    });
    stop = $effect.root(() => {
      items.forEach((item, index) => {
        $effect(() => {
          const { status, pagesDone, pageCount, uuid } = item;
          untrack(() => {
            if (status === 'failed' || status === 'cancelled') finish(index);
            // Before its job exists a file has nothing to report (and bad options make none).
            else if (uuid && !reported.has(index)) on.progress(index, { ...item, status, pagesDone, pageCount });
          });
        });
      });
    });
  });
}
