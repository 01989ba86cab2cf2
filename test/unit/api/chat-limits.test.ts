import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OcrDatabase } from '../../../src/store/db';
import { createApiHandler } from '../../../src/api/handler';
import { config } from '../../../src/shared/config';
import type { ApiDeps } from '../../../src/api/deps';

function handler(db: OcrDatabase) {
  const deps: ApiDeps = {
    db,
    inspect: () => Promise.reject(new Error('unused')),
    notifyQueue: () => {},
    waitForJob: async () => undefined,
    exportJob: () => Promise.reject(new Error('unused')),
    pageImage: async () => null,
    answer: () => Promise.reject(new Error('no answer may be asked for')),
    now: () => Date.UTC(2026, 11, 5),
  };
  return createApiHandler(deps);
}

describe('chat messages have a size cap', () => {
  it('a 2 MB message is refused with 400 naming the limit, and nothing is stored', async () => {
    const db = new OcrDatabase(`c-${Math.random()}`);
    const api = handler(db);
    const { token } = await (await api(new Request('http://app/api/v1/account/', { method: 'POST' }))).json();
    const ask = (message: string) =>
      api(new Request('http://app/api/v1/chat/00000000-0000-4000-8000-000000000000/', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message }),
      }));
    for (const message of ['x'.repeat(2 * 1024 * 1024), 'y'.repeat(config.maxChatMessageChars + 1)]) {
      const res = await ask(message);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error).toBe('message_too_long');
      expect(body.detail).toContain(String(config.maxChatMessageChars));
    }
    expect(await db.conversations.count()).toBe(0);
    expect(await db.usage.count()).toBe(0);
    // A question of the largest size allowed passes the check (and finds no such document).
    expect((await ask('z'.repeat(config.maxChatMessageChars))).status).toBe(404);
  });
});

describe('the optional stream id of a chat message', () => {
  it('is refused with 400 unless it is a short id, before anything is looked up or stored', async () => {
    const db = new OcrDatabase(`c-${Math.random()}`);
    const api = handler(db);
    const { token } = await (await api(new Request('http://app/api/v1/account/', { method: 'POST' }))).json();
    const ask = (body: unknown) =>
      api(new Request('http://app/api/v1/chat/00000000-0000-4000-8000-000000000000/', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }));
    for (const stream of [42, '', 'a'.repeat(65), 'has space', '<script>']) {
      const res = await ask({ message: 'What is the total?', stream });
      expect(res.status).toBe(400);
      expect((await res.json()).detail).toContain('"stream"');
    }
    // A good id passes the check (and finds no such document).
    expect((await ask({ message: 'What is the total?', stream: crypto.randomUUID() })).status).toBe(404);
    expect(await db.conversations.count()).toBe(0);
  });
});
