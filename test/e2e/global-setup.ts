// Serves dist/ once for all browser tests, on a port of its own, and under /__test-models/
// a model host holding the tiny test models made here (test/fixtures/tiny-models/).
import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyReaderFiles } from '../fixtures/tiny-models/reader.mjs';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyDoclingFiles } from '../fixtures/tiny-models/docling.mjs';

/** `<repo>/<path>` → bytes, as a self-hosted model folder serves them. */
function testModels(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [path, bytes] of Object.entries(tinyReaderFiles() as Record<string, Buffer>)) files.set(`/tiny-reader/${path}`, bytes);
  for (const [path, bytes] of Object.entries(tinyDoclingFiles() as Record<string, Buffer>)) files.set(`/tiny-docling/${path}`, bytes);
  return files;
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const dist = process.env.OCR_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ is missing: run \`npm run build\` first (npm test does).`);
  const port = Number(process.env.E2E_PORT ?? 4391);
  const models = testModels();
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
