// POST /api/v1/chat/<uuid>/ and GET /api/v1/chat/<uuid>/history/.
import { config } from '../../shared/config';
import type { ChatHistory, ChatMessage, ChatReply } from '../../shared/contract';
import { requireAccount, type Caller } from '../auth';
import type { ApiDeps } from '../deps';
import { badRequest, json } from '../errors';
import { loadJob } from '../jobs';
import { assertCanAfford, usageRow } from '../metering';
import { assertDone, ownedJob } from './ocr';

const conversationId = (uuid: string, subject: string) => `${uuid}:${subject}`;

export async function chat(req: Request, uuid: string, caller: Caller, deps: ApiDeps): Promise<Response> {
  requireAccount(caller);
  const { message, stream } = await readMessage(req);
  const rec = await ownedJob(uuid, caller, deps);
  assertDone(rec.status, 'chat with it');
  await assertCanAfford(deps.db, caller, config.creditsPerChatMessage, deps.now());
  const job = (await loadJob(deps.db, uuid))!;
  const id = conversationId(uuid, caller.subject);
  const conv = (await deps.db.conversations.get(id)) ?? { id, jobUuid: uuid, owner: caller.subject, messages: [], updated_ms: 0 };
  const now = deps.now();
  const question: ChatMessage = { role: 'user', content: message.trim(), created_at: new Date(now).toISOString() };
  const answer = { ...(await deps.answer(job, question.content, conv.messages, stream)), created_at: new Date(deps.now()).toISOString() };
  const { db } = deps;
  await db.transaction('rw', db.conversations, db.usage, async () => {
    await db.conversations.put({ ...conv, messages: [...conv.messages, question, answer], updated_ms: deps.now() });
    await db.usage.add(usageRow(caller, config.creditsPerChatMessage, 'chat', now, { jobUuid: uuid }));
  });
  const reply: ChatReply = { conversation: id, message: answer };
  return json(reply);
}

/**
 * The question, refused before it is parsed or stored when it is longer than a question is;
 * and the optional `stream` id under which a model's words are published as they come.
 */
async function readMessage(req: Request): Promise<{ message: string; stream?: string }> {
  const max = config.maxChatMessageChars;
  const tooLong = (n: number) =>
    badRequest('message_too_long', `A chat message may hold at most ${max} characters; this one has ${n}. Ask a shorter question.`);
  const raw = await req.text();
  // JSON may escape a character in up to 12 bytes (a surrogate pair as two \u escapes).
  if (raw.length > max * 12 + 1024) throw tooLong(raw.length);
  let message: unknown;
  let stream: unknown;
  try {
    ({ message, stream } = JSON.parse(raw) as { message?: unknown; stream?: unknown });
  } catch {
    throw badRequest('bad_request', 'Send JSON {"message": "your question"}.');
  }
  if (typeof message !== 'string' || !message.trim()) throw badRequest('bad_request', 'Send JSON {"message": "your question"} with a question.');
  if (message.length > max) throw tooLong(message.length);
  if (stream !== undefined && (typeof stream !== 'string' || !/^[\w-]{1,64}$/.test(stream))) {
    throw badRequest('bad_request', '"stream", when sent, is an id of 1 to 64 letters, digits, "-" or "_".');
  }
  return { message, stream: stream as string | undefined };
}

export async function history(uuid: string, caller: Caller, deps: ApiDeps): Promise<Response> {
  requireAccount(caller);
  await ownedJob(uuid, caller, deps);
  const id = conversationId(uuid, caller.subject);
  const conv = await deps.db.conversations.get(id);
  const body: ChatHistory = { conversation: id, messages: conv?.messages ?? [] };
  return json(body);
}
