// The API handler's dependencies as an app window provides them.
import type { ApiDeps } from '../api/deps';
import type { OcrDatabase } from '../store/db';
import { openDocument } from '../documents';
import { exportJob } from '../export/run';
import { pageImage } from './page-images';
import { answerQuestion } from '../chat/run';
import { queueChannel } from './channel';
import type { EngineHost } from './engine-host';

export function createWindowDeps(db: OcrDatabase, host: EngineHost): ApiDeps {
  const channel = queueChannel();
  return {
    db,
    async inspect(bytes) {
      const doc = await openDocument(bytes);
      let settled = false;
      return {
        type: doc.type,
        pageCount: doc.pageCount,
        settle(jobUuid) {
          if (settled) return;
          settled = true;
          // The engine host of this window reads the job from the document opened here.
          if (jobUuid && host.isHost) host.adoptDocument(jobUuid, doc);
          else doc.close();
        },
      };
    },
    notifyQueue() {
      host.wakeUp();
      channel.post({ type: 'work-added' });
    },
    waitForJob: (uuid, ms) => waitForJob(db, uuid, ms),
    exportJob,
    pageImage: (job, index) => pageImage(db, job, index),
    answer: answerQuestion,
    now: () => Date.now(),
  };
}

function waitForJob(db: OcrDatabase, uuid: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(timer);
      listener.close();
      resolve();
    };
    const check = async () => {
      // The job record says its status; its pages need not be read for that.
      const job = await db.jobs.get(uuid);
      if (!job || job.status === 'done' || job.status === 'failed') finish();
    };
    const listener = queueChannel((m) => {
      if (m.type === 'job-updated' && m.uuid === uuid) void check();
    });
    // Also poll: a message from the host in this same window does not echo back to it.
    const poll = setInterval(() => void check(), 1000);
    const timer = setTimeout(finish, ms);
    void check();
  });
}
