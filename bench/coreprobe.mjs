// Tesseract's two core builds in one browser profile: the one that carries its WASM as base64
// (`*.wasm.js`) and the one that loads its `.wasm` beside it (compiled by streaming, kept in
// the browser's code cache; what the app loads). Workers are started one after another; for
// each, the time to start and to read the same page three times.
//
//   node bench/coreprobe.mjs --dist DIR --image PAGE [--lang eng] [--rounds 4] [--port N] [--build relaxedsimd|simd|plain]
//
// What it showed (2 cores, Chromium 156, a book page): after the profile's first worker, the
// streaming build starts in ~0.5 s and reads the page's first time at full speed (~1.0 s);
// the base64 one starts in ~0.7 s and reads its first page in ~2.0 s, every time.
import { parseArgs } from 'node:util';
import { mkdtempSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve, stage } from './browser.mjs';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    image: { type: 'string' },
    lang: { type: 'string', default: 'eng' },
    rounds: { type: 'string', default: '4' },
    port: { type: 'string', default: '4470' },
    build: { type: 'string', default: 'relaxedsimd' },
  },
});
if (!args.dist || !args.image) throw new Error('usage: node bench/coreprobe.mjs --dist DIR --image PAGE [--lang eng] [--rounds 4]');

const require = createRequire(import.meta.url);
const coreDir = dirname(require.resolve('tesseract.js-core/package.json'));
const name = `tesseract-core${args.build === 'plain' ? '' : `-${args.build}`}-lstm`;
// Both builds beside tesseract.js's worker: Emscripten looks for the .wasm there.
const folder = mkdtempSync(join(tmpdir(), 'ocrchat-coreprobe-'));
mkdirSync(join(folder, 'w'));
copyFileSync(require.resolve('tesseract.js/dist/worker.min.js'), join(folder, 'w', 'worker.min.js'));
for (const f of [`${name}.js`, `${name}.wasm`, `${name}.wasm.js`]) copyFileSync(join(coreDir, f), join(folder, 'w', f));

const server = await serve(process.cwd(), args.dist, Number(args.port), { 'bench-bare': dirname(require.resolve('tesseract.js/dist/tesseract.min.js')), 'coreprobe': folder });
const profile = mkdtempSync(join(tmpdir(), 'ocrchat-coreprobe-profile-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  const mime = args.image.endsWith('.png') ? 'image/png' : 'image/jpeg';
  await stage(page, [{ path: args.image, mime }]);
  const rows = await page.evaluate(
    async ({ key, lang, rounds, name }) => {
      const w = /** @type {any} */ (window);
      await new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = '/bench-bare/tesseract.min.js';
        s.onload = resolve;
        s.onerror = reject;
        document.head.append(s);
      });
      const T = w.Tesseract;
      const at = `${location.origin}/coreprobe/w/`;
      const image = w.__benchFiles.get(key);
      const out = [];
      for (let round = 1; round <= rounds; round++)
        for (const build of ['base64', 'streaming']) {
          const options = { workerPath: `${at}worker.min.js`, corePath: `${at}${name}${build === 'base64' ? '.wasm.js' : '.js'}`, langPath: `${location.origin}/vendor/lang`, workerBlobURL: false, cacheMethod: 'none', gzip: true };
          const t0 = performance.now();
          const worker = await T.createWorker(lang, T.OEM.LSTM_ONLY, options, 'debug_file /dev/null');
          const start = Math.round(performance.now() - t0);
          const reads = [];
          for (let i = 0; i < 3; i++) {
            const t1 = performance.now();
            await worker.recognize(image, { tessedit_pageseg_mode: '3' }, { text: true, blocks: true });
            reads.push(Math.round(performance.now() - t1));
          }
          await worker.terminate();
          out.push({ round, build, start, reads });
        }
      return out;
    },
    { key: args.image, lang: args.lang, rounds: Number(args.rounds), name },
  );
  console.log(`${name}, ${args.image}: ms to start a worker, then to read the page three times`);
  for (const r of rows) console.log(`  round ${r.round} ${r.build.padEnd(9)} start ${String(r.start).padStart(5)}  reads ${r.reads.map((x) => String(x).padStart(5)).join(' ')}`);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
}
