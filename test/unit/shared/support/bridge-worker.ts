// A worker thread that speaks the bridge's protocol: the test's stand-in for an app worker.
import { parentPort } from 'node:worker_threads';
import { expose, type WorkerScope } from '../../../../src/shared/bridge';
import { UserError } from '../../../../src/shared/errors';
import { ModelError } from '../../../../src/shared/models';
import type { TestProtocol } from './bridge-protocol';

const port = parentPort!;
const scope: WorkerScope = {
  postMessage: (m) => port.postMessage(m),
  addEventListener: (_type, listener) => port.on('message', (data) => listener({ data } as MessageEvent)),
};

let calls = 0;
expose<TestProtocol>(
  {
    add: ({ a, b }) => a + b,
    calls: () => ++calls,
    fail: ({ kind }) => {
      if (kind === 'model') throw new ModelError('model_missing', 'Download it again in Settings → Models.');
      if (kind === 'user') throw new UserError('bad_page', 'The page is empty.');
      throw new TypeError('x is undefined');
    },
    // Works until cancelled; never answers otherwise.
    spin: (_p, signal) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve('cancelled'));
      }),
    hang: () => new Promise(() => {}),
    // Says each number on the way, then answers.
    count: async ({ to }, _signal, progress) => {
      for (let i = 1; i <= to; i++) progress(i);
      return 'counted';
    },
    crash: () => {
      setTimeout(() => {
        throw new Error('out of memory');
      });
      return new Promise(() => {});
    },
  },
  scope,
);
