// Prints the job the app makes of one file (tables, blocks), for looking at what the chat reads:
// node bench/dump-job.mjs --dist D --file PATH [--tier cpu|vlm] [--tool NAME] [--port N] > job.json
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAccount, freePort, openApp, serve, submit } from './browser.mjs';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({ options: { dist: { type: 'string', default: join(ROOT, 'dist') }, file: { type: 'string' }, tier: { type: 'string', default: 'cpu' }, tool: { type: 'string' }, port: { type: 'string', default: '4399' } } });
const path = /** @type {string} */ (args.file);
const mime = /\.pdf$/i.test(path) ? 'application/pdf' : /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
const server = await serve(ROOT, /** @type {string} */ (args.dist), await freePort(Number(args.port)));
const app = await openApp(server.url);
try {
  const { token } = await createAccount(app.page);
  const ocr = await submit(app.page, { path, name: basename(path), mime }, { tier: String(args.tier), language: 'eng', token, timeoutMs: 600_000, ...(args.tool ? { tool: String(args.tool) } : {}) });
  const job = await app.page.evaluate(async (a) => (await fetch(`/api/v1/ocr/${a.uuid}/`, { headers: { Authorization: `Bearer ${a.token}` } })).json(), { uuid: ocr.uuid, token });
  // the engine's own detail of each page (its passes, the lines it read again) on stderr
  for (const [key, detail] of app.details) if (key.startsWith(`${ocr.uuid}/`)) console.error(`page ${Number(key.split('/')[1]) + 1}: ${JSON.stringify(detail)}`);
  console.log(JSON.stringify(job));
} finally {
  await app.close();
  await server.close();
}
