// The window side of the service-worker relay: the service worker stays a thin router
// and hands each /api/v1/ request to an app window, which runs the API handler here.
import type { ApiHandler } from '../api/handler';
import type { RelayMessage, WireRequest, WireResponse } from '../shared/channel';

export function serveApiInThisWindow(handler: ApiHandler): void {
  const sw = navigator.serviceWorker;
  sw.addEventListener('message', (event: MessageEvent<RelayMessage>) => {
    if (event.data?.type !== 'api-request') return;
    const port = event.ports[0];
    if (!port) return;
    const request = event.data.request;
    const run = () =>
      void answer(handler, request).then((response) => {
        port.postMessage({ type: 'api-response', response } satisfies RelayMessage, [response.body]);
        port.close();
      });
    if (event.data.confirm) {
      // Run only when the service worker still wants this window to answer.
      port.onmessage = (m: MessageEvent<RelayMessage>) => {
        if (m.data?.type === 'api-go') run();
        else if (m.data?.type === 'api-abandon') port.close();
      };
    } else {
      run();
    }
    port.postMessage({ type: 'api-ack' } satisfies RelayMessage);
  });
  sw.startMessages();
}

async function answer(handler: ApiHandler, wire: WireRequest): Promise<WireResponse> {
  let res: Response;
  try {
    const req = new Request(wire.url, { method: wire.method, headers: wire.headers, body: wire.body });
    res = await handler(req, wire.site ?? 'same-origin');
  } catch (err) {
    console.error(err);
    res = new Response(JSON.stringify({ error: 'internal_error', detail: 'The app could not answer this request; reload it and try again.' }), {
      status: 500,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  return { status: res.status, headers: [...res.headers], body: await res.arrayBuffer() };
}
