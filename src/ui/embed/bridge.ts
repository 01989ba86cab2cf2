// The widget's ear: protocol messages from the page that frames it (or opened it). A message
// from an origin that is not allowed gets no answer at all, and starts nothing.
import { isProtocolMessage, parseRequest, PROTOCOL_VERSION } from './protocol';
import type { EmbedWidget, Reply } from './widget.svelte';

export function listenToParent(widget: EmbedWidget, allowed: (origin: string) => boolean): () => void {
  const onMessage = (e: MessageEvent) => {
    if (!isProtocolMessage(e.data) || !allowed(e.origin)) return;
    const source = e.source;
    const framer = window.parent !== window ? window.parent : null;
    if (!source || source === window || (source !== framer && source !== window.opener)) return;
    const target = source as Window;
    const reply: Reply = (m) => target.postMessage(m, e.origin);
    if (source === framer) widget.heardFromParent(e.origin);
    const req = parseRequest(e.data as { type: string } & Record<string, unknown>);
    if (!req.ok) return reply({ type: 'ocrchat:error', version: PROTOCOL_VERSION, id: req.id, ...req.error });
    void widget.read(req.id, req.files, req.options, reply);
  };
  addEventListener('message', onMessage);
  return () => removeEventListener('message', onMessage);
}
