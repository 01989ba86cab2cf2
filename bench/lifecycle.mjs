// Where a short file's time goes outside its page's steps: one upload at a time, each job's
// timestamps against the page's clock. node bench/lifecycle.mjs --dist D [--eval DIR] [--kind receipt] [--count N]
import { basename, dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAccount, freePort, openApp, serve, stage } from './browser.mjs';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({ options: { dist: { type: 'string' }, eval: { type: 'string', default: join(ROOT, '..', 'shared', 'eval', 'public') }, kind: { type: 'string', default: 'receipt' }, count: { type: 'string', default: '8' }, port: { type: 'string', default: '4397' } } });
const evalDir = String(args.eval);
const manifest = JSON.parse(readFileSync(join(evalDir, 'manifest.json'), 'utf8')).filter((m) => m.kind === args.kind && /\.(jpe?g|png)$/i.test(m.file)).slice(0, Number(args.count));
const server = await serve(ROOT, String(args.dist), await freePort(Number(args.port)));
const app = await openApp(server.url);
try {
  const { token } = await createAccount(app.page);
  const files = manifest.map((m) => ({ path: join(evalDir, m.file), name: m.file, mime: /png$/i.test(m.file) ? 'image/png' : 'image/jpeg' }));
  await stage(app.page, files);
  const rows = await app.page.evaluate(async ({ keys, token }) => {
    const staged = /** @type {Map<string, Blob>} */ (/** @type {any} */ (window).__benchFiles);
    const out = [];
    for (const [round, key] of [...keys, ...keys].entries()) {
      const fd = new FormData();
      fd.append('file', /** @type {Blob} */ (staged.get(key)), key.split('/').pop());
      fd.append('tier', 'cpu');
      fd.append('language', 'eng');
      const t0 = Date.now();
      const res = await fetch('/api/v1/ocr/', { method: 'POST', body: fd, headers: { Authorization: `Bearer ${token}` } });
      const t1 = Date.now();
      const job = await res.json();
      const t2 = Date.now();
      const t = job.pages?.[0]?.timings_ms ?? {};
      const steps = Object.entries(t).filter(([k]) => k !== 'queue').reduce((n, [, v]) => n + Number(v), 0);
      const created = Date.parse(job.created_at);
      const finished = Date.parse(job.finished_at);
      out.push({ file: key.split('/').pop(), decode: t.decode, round: round < keys.length ? 1 : 2, status: job.status, total: t2 - t0, accept: created - t0, queue: t.queue, steps: Math.round(steps), finish: finished - (created + (t.queue ?? 0) + steps), respond: t1 - finished, parse: t2 - t1 });
    }
    return out;
  }, { keys: files.map((f) => f.path), token });
  for (const r of rows) console.log(JSON.stringify(r));
  const second = rows.filter((r) => r.round === 2);
  const mean = (k) => Math.round(second.reduce((n, r) => n + Number(r[k] ?? 0), 0) / second.length);
  console.log(`second round means (ms): total ${mean('total')}, accept ${mean('accept')}, queue ${mean('queue')}, steps ${mean('steps')}, finish ${mean('finish')}, respond ${mean('respond')}, parse ${mean('parse')}`);
} finally {
  await app.close();
  await server.close();
}
