// The Tesseract core the app loads: the streaming build (script + .wasm), named as
// tesseract.js-core ships it, for every kind of browser and both engines.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { coreFile, type CoreBuild } from '../../../src/engines/cpu/paths';

const core = dirname(createRequire(import.meta.url).resolve('tesseract.js-core/package.json'));
const BUILDS: CoreBuild[] = ['relaxedsimd', 'simd', 'plain'];

describe('coreFile', () => {
  it('names the streaming build, never the one that carries its WASM as base64', () => {
    expect(coreFile('relaxedsimd', true)).toBe('tesseract-core-relaxedsimd-lstm.js');
    expect(coreFile('simd', false)).toBe('tesseract-core-simd.js');
    expect(coreFile('plain', true)).toBe('tesseract-core-lstm.js');
    expect(coreFile('plain', false)).toBe('tesseract-core.js');
    for (const b of BUILDS) for (const lstm of [true, false]) expect(coreFile(b, lstm)).not.toMatch(/\.wasm\.js$/);
  });

  it('names a script tesseract.js-core ships, with its .wasm beside it, for every build and both engines', () => {
    for (const b of BUILDS)
      for (const lstm of [true, false]) {
        const js = coreFile(b, lstm);
        expect(existsSync(join(core, js)), js).toBe(true);
        expect(existsSync(join(core, js.replace(/\.js$/, '.wasm'))), js).toBe(true);
      }
  });
});
