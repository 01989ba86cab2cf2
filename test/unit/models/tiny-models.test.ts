// The test build's registry entries for the tiny models must describe exactly the files
// test/fixtures/tiny-models/ makes (the browser tests download and check them).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyReaderFiles } from '../../fixtures/tiny-models/reader.mjs';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyDoclingFiles } from '../../fixtures/tiny-models/docling.mjs';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyChatFiles } from '../../fixtures/tiny-models/chat.mjs';

describe('the tiny test models', () => {
  it.each([
    ['test-tiny-reader', tinyReaderFiles],
    ['test-tiny-reader-gpu', tinyReaderFiles],
    ['test-tiny-docling', tinyDoclingFiles],
    ['test-tiny-chat', tinyChatFiles],
  ])('%s is registered in the test build with the sizes and SHA-256 of the files it is made of', (id, make) => {
    const config = JSON.parse(readFileSync('test/fixtures/e2e-config.json', 'utf8')) as { extraModels: { id: string; files: unknown[] }[] };
    const entry = config.extraModels.find((m) => m.id === id);
    const made = Object.entries(make() as Record<string, Buffer>).map(([path, bytes]) => ({
      path,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    }));
    expect(entry?.files).toEqual(made);
  });
});
