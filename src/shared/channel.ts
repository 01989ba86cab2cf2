// The typed messages that cross contexts: the app windows among themselves (BroadcastChannel)
// and the service worker with the window that serves its /api/v1/ requests (MessageChannel).

export type QueueMessage =
  | { type: 'work-added' }
  | { type: 'job-updated'; uuid: string; status: string; pagesDone: number; pageCount: number };

const QUEUE_CHANNEL = 'ocrchat-queue';
let isolated = false;

/** A private session's queue is in this page's memory: other tabs need not hear of its jobs. */
export function isolateQueueChannel(): void {
  isolated = true;
}

export function queueChannel(onMessage?: (m: QueueMessage) => void): { post(m: QueueMessage): void; close(): void } {
  if (isolated) return { post: () => {}, close: () => {} };
  let bc: BroadcastChannel | null = null;
  try {
    bc = new BroadcastChannel(QUEUE_CHANNEL);
  } catch {
    // A storage-blocked iframe may not open one: it runs alone, with polling.
    return { post: () => {}, close: () => {} };
  }
  if (onMessage) bc.onmessage = (e: MessageEvent<QueueMessage>) => onMessage(e.data);
  return { post: (m) => bc.postMessage(m), close: () => bc.close() };
}

/** A Request, flattened so it can cross postMessage. */
export interface WireRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
  /** the service worker's judgement of who sent it; absent from an older worker: same-origin */
  site?: 'same-origin' | 'cross-site';
}

export interface WireResponse {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/**
 * The relay runs in two steps so that a request is handled exactly once: the window acks,
 * and only the window the service worker answers with 'api-go' runs the handler. A window
 * too busy to ack in time may get the request late; it is then told 'api-abandon'.
 * `confirm` is absent in a request from a service worker older than this protocol.
 */
export type RelayMessage =
  | { type: 'api-request'; request: WireRequest; confirm?: boolean }
  | { type: 'api-ack' }
  | { type: 'api-go' }
  | { type: 'api-abandon' }
  | { type: 'api-response'; response: WireResponse };

export type ClientToWorkerMessage = { type: 'claim' } | { type: 'api-host-ready' };
