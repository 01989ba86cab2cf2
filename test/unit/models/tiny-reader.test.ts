// The test build's registry entry for the tiny image-to-text model must describe exactly
// the files test/fixtures/tiny-reader.mjs makes (the browser test downloads and checks them).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain .mjs module of the fixtures, without types
import { tinyReaderFiles } from '../../fixtures/tiny-reader.mjs';

describe('the tiny reader test model', () => {
  it('is registered in the test build with the sizes and SHA-256 of the files it is made of', () => {
    const config = JSON.parse(readFileSync('test/fixtures/e2e-config.json', 'utf8')) as { extraModels: { id: string; files: unknown[] }[] };
    const entry = config.extraModels.find((m) => m.id === 'test-tiny-reader');
    const made = Object.entries(tinyReaderFiles() as Record<string, Buffer>).map(([path, bytes]) => ({
      path,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    }));
    expect(entry?.files).toEqual(made);
  });
});
