// Serves dist/ once for all browser tests, on a port of its own, under /__test-models/
// a model host holding the tiny test models made here (test/fixtures/tiny-models/), and
// under /__test-langs/ a language source (see testLanguages()).
import { preview, type PreviewServer } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TestProject } from 'vitest/node';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyReaderFiles } from '../fixtures/tiny-models/reader.mjs';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyDoclingFiles } from '../fixtures/tiny-models/docling.mjs';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyChatFiles } from '../fixtures/tiny-models/chat.mjs';

/** `<repo>/<path>` → bytes, as a self-hosted model folder serves them. */
function testModels(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [path, bytes] of Object.entries(tinyReaderFiles() as Record<string, Buffer>)) files.set(`/tiny-reader/${path}`, bytes);
  for (const [path, bytes] of Object.entries(tinyDoclingFiles() as Record<string, Buffer>)) files.set(`/tiny-docling/${path}`, bytes);
  for (const [path, bytes] of Object.entries(tinyChatFiles() as Record<string, Buffer>)) files.set(`/tiny-chat/${path}`, bytes);
  return files;
}

/**
 * A language source: grc and lat are real traineddata (npm's English, under other codes),
 * sent slowly so that a download's progress can be seen; ell is answered with a web page
 * (200, text/html), as a static host's fallback does for a file it lacks; hat passes the
 * check (a real header) but is cut short, so Tesseract cannot start with it.
 */
function testLanguages(): Map<string, Buffer | string> {
  const eng = readFileSync('node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz');
  const page = '<!doctype html><html><head><title>OCR.chat</title></head><body><div id="app"></div></body></html>';
  return new Map<string, Buffer | string>([
    ['/grc.traineddata.gz', eng],
    ['/lat.traineddata.gz', eng],
    ['/ell.traineddata.gz', page],
    ['/ell.traineddata', page],
    ['/hat.traineddata.gz', gzipSync(gunzipSync(eng).subarray(0, 300_000))],
  ]);
}

const CHUNK = 64 * 1024;
const CHUNK_PAUSE_MS = 40;

function serveSlowly(res: ServerResponse, bytes: Buffer): void {
  res.setHeader('Content-Length', String(bytes.length));
  res.setHeader('Content-Type', 'application/octet-stream');
  let at = 0;
  const next = () => {
    if (res.destroyed) return;
    if (at >= bytes.length) return void res.end();
    res.write(bytes.subarray(at, at + CHUNK));
    at += CHUNK;
    setTimeout(next, CHUNK_PAUSE_MS);
  };
  next();
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const dist = process.env.OCR_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ is missing: run \`npm run build\` first (npm test does).`);
  const port = Number(process.env.E2E_PORT ?? 4391);
  const models = testModels();
  const languages = testLanguages();
  server = await preview({
    preview: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
    plugins: [
      {
        name: 'test-model-host',
        configurePreviewServer(s) {
          s.middlewares.use('/__test-models', (req, res, next) => {
            const bytes = models.get(decodeURIComponent((req.url ?? '').split('?')[0]!));
            if (!bytes) return next();
            res.setHeader('Content-Length', String(bytes.length));
            res.setHeader('Content-Type', 'application/octet-stream');
            res.end(bytes);
          });
          s.middlewares.use('/__test-langs', (req, res) => {
            const body = languages.get(decodeURIComponent((req.url ?? '').split('?')[0]!));
            if (body === undefined) {
              res.statusCode = 404;
              return void res.end('not found');
            }
            if (typeof body === 'string') {
              res.setHeader('Content-Type', 'text/html; charset=utf-8');
              return void res.end(body);
            }
            serveSlowly(res, body);
          });
        },
      },
    ],
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
