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

/**
 * A chat answer as it is written: the window that runs the answerer publishes the text so
 * far under the stream id the asker sent with its POST; the chat panel (this window or
 * another of the app's) shows it until the POST returns the final, checked message.
 */
export interface ChatPartial {
  type: 'chat-partial';
  stream: string;
  /** the whole text so far (not a delta: a lost message loses nothing) */
  text: string;
  /** the answerer writing it (ChatMessage.answerer) */
  answerer: string;
}

const CHAT_CHANNEL = 'ocrchat-chat';
const chatListeners = new Set<(m: ChatPartial) => void>();
let chatBc: BroadcastChannel | null | undefined;

/** One BroadcastChannel per context for both ways: it hears the other contexts, never itself. */
function chatBroadcast(): BroadcastChannel | null {
  if (chatBc !== undefined) return chatBc;
  if (isolated || typeof BroadcastChannel === 'undefined') return (chatBc = null);
  try {
    chatBc = new BroadcastChannel(CHAT_CHANNEL);
    chatBc.onmessage = (e: MessageEvent<ChatPartial>) => {
      if (e.data?.type === 'chat-partial') for (const l of chatListeners) l(e.data);
    };
  } catch {
    chatBc = null;
  }
  return chatBc;
}

/** Tells every chat panel of the app (this context's listeners at once) an answer's text so far. */
export function publishChatPartial(m: ChatPartial): void {
  for (const l of chatListeners) l(m);
  chatBroadcast()?.postMessage(m);
}

/** Hears the partial answers of `stream`; returns the unsubscribe. */
export function onChatPartial(stream: string, listener: (m: ChatPartial) => void): () => void {
  chatBroadcast();
  const l = (m: ChatPartial) => {
    if (m.stream === stream) listener(m);
  };
  chatListeners.add(l);
  return () => chatListeners.delete(l);
}
