// The API handler's dependencies as an app window provides them.
import type { ApiDeps } from '../api/deps';
import type { Job } from '../shared/contract';
import type { OcrDatabase } from '../store/db';
import { openDocument } from '../documents';
import { exportJob } from '../export/run';
import { pageImage, pageImages } from './page-images';
import { answerQuestion } from '../chat/run';
import { lineReaderFor } from './line-reader';
import { wordVectors } from './word-vectors';
import { publishChatPartial, queueChannel } from '../shared/channel';
import type { EngineHost } from './engine-host';
import { KeyedListeners } from './listeners';

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
    waitForJob: (uuid, ms) => waitForJob(db, host, uuid, ms),
    exportJob: (job, format) => exportJob(job, format, (j) => pageImages(db, j)),
    pageImage: (job, index) => pageImage(db, job, index),
    // A number read from an unsure line is read again by the other tier's engine before it is given.
    // A model's words go out as they are written to the chat panel that sent `stream`.
    // A question's words the document does not use are matched by meaning (word vectors).
    answer: async (job, question, history, stream) =>
      answerQuestion(
        job,
        question,
        history,
        lineReaderFor(job, (index) => pageImage(db, job, index)),
        stream ? (text, answerer) => publishChatPartial({ type: 'chat-partial', stream, text, answerer }) : undefined,
        await wordVectors(),
      ),
    // tool=translate: Chrome's Translator is a global of this window, where the handler runs.
    // The POST follows the person's click: a download Chrome needs is started now, with the
    // host's translators, so that the host reads the job with it.
    async translatorProblem(language, translateTo) {
      const problem = await host.translators.problem(language, translateTo);
      if (!problem) host.translators.prepare(language, translateTo);
      return problem;
    },
    now: () => Date.now(),
  };
}

/**
 * Resolves when the job is done or failed: with the job when this window's engine host
 * finished it (nothing to read back), without it when a host in another tab did (its
 * message on the queue channel says so) or when a poll of the record finds it finished;
 * without it after `ms` too.
 */
function waitForJob(db: OcrDatabase, host: EngineHost, uuid: string, ms: number): Promise<Job | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (job?: Job) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(timer);
      stopHost();
      stopChannel();
      resolve(job);
    };
    const check = async () => {
      // The job record says its status; its pages need not be read for that.
      const job = await db.jobs.get(uuid);
      if (!job || job.status === 'done' || job.status === 'failed') finish();
    };
    const stopHost = host.whenFinished(uuid, finish);
    const stopChannel = onJobUpdate(uuid, (status) => {
      if (status === 'done' || status === 'failed') finish();
    });
    // Also poll, in case a message is lost (a host tab closed while it finished the job).
    const poll = setInterval(() => void check(), 1000);
    const timer = setTimeout(finish, ms);
    void check();
  });
}

/** One queue channel for all the waits of this window (opening and closing one per POST cost ~10 ms). */
let updates: KeyedListeners<string> | null = null;

function onJobUpdate(uuid: string, listener: (status: string) => void): () => void {
  if (!updates) {
    const listeners = (updates = new KeyedListeners<string>());
    queueChannel((m) => {
      if (m.type === 'job-updated') listeners.emit(m.uuid, m.status);
    });
  }
  return updates.add(uuid, listener);
}
