// The chat channel: an answer's words so far, published by the window that answers, heard
// by the chat panel that asked (same context at once, other contexts over BroadcastChannel).
import { describe, expect, it } from 'vitest';
import { onChatPartial, publishChatPartial, type ChatPartial } from '../../../src/shared/channel';

const next = (bc: BroadcastChannel) => new Promise<ChatPartial>((resolve) => (bc.onmessage = (e: MessageEvent<ChatPartial>) => resolve(e.data)));

describe('the chat channel', () => {
  it('hands a partial answer to the listeners of its stream only, here and in other contexts', async () => {
    const heard: string[] = [];
    const stop = onChatPartial('s1', (m) => heard.push(`${m.answerer}: ${m.text}`));
    const other = new BroadcastChannel('ocrchat-chat');
    const out = next(other);
    publishChatPartial({ type: 'chat-partial', stream: 's1', text: 'The total', answerer: 'llm-wasm:x' });
    publishChatPartial({ type: 'chat-partial', stream: 's2', text: 'not mine', answerer: 'llm-wasm:x' });
    expect(heard).toEqual(['llm-wasm:x: The total']);
    expect((await out).text).toBe('The total');
    // From another context.
    other.postMessage({ type: 'chat-partial', stream: 's1', text: 'The total is', answerer: 'prompt-api' } satisfies ChatPartial);
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.at(-1)).toBe('prompt-api: The total is');
    stop();
    publishChatPartial({ type: 'chat-partial', stream: 's1', text: 'after', answerer: 'x' });
    expect(heard).toHaveLength(2);
    other.close();
  });
});
