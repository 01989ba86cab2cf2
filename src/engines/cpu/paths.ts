// Every tesseract.js path is absolute and on the app's own origin: its defaults point at a CDN.
//
// The core is the Emscripten build that loads its .wasm beside it (tesseract-core-*.js, not
// the *.wasm.js that carries it as base64). That one is compiled by streaming and kept in the
// browser's code cache: a worker started after the first one in this browser profile starts
// faster and reads its first page at full speed, where the base64 core compiles afresh every
// time and reads that page at half speed while its hot code is optimised (npm run bench,
// issue #21). Emscripten looks for the .wasm beside the worker script, so both lie in
// vendor/tesseract/.
import { relaxedSimd, simd } from 'wasm-feature-detect';

/** relaxed SIMD, SIMD or neither: the fastest build of Tesseract this browser runs. */
export type CoreBuild = 'relaxedsimd' | 'simd' | 'plain';

let build: Promise<CoreBuild> | undefined;
export function coreBuild(): Promise<CoreBuild> {
  build ??= Promise.all([relaxedSimd(), simd()]).then(([relaxed, plainSimd]): CoreBuild => (relaxed ? 'relaxedsimd' : plainSimd ? 'simd' : 'plain'));
  return build;
}

/**
 * The core's file name: `lstm` for the LSTM-only build that recognises, the full one (with
 * the legacy engine) for orientation and script detection.
 */
export function coreFile(kind: CoreBuild, lstm: boolean): string {
  return `tesseract-core${kind === 'plain' ? '' : `-${kind}`}${lstm ? '-lstm' : ''}.js`;
}

export async function tesseractPaths(lstm: boolean): Promise<{ workerPath: string; corePath: string; langPath: string }> {
  const base = new URL(import.meta.env.BASE_URL, location.href);
  return {
    workerPath: new URL('vendor/tesseract/worker.min.js', base).href,
    corePath: new URL(`vendor/tesseract/${coreFile(await coreBuild(), lstm)}`, base).href,
    langPath: new URL('vendor/lang/', base).href.replace(/\/$/, ''),
  };
}

/** What a worker of this browser loads: the worker script, and each core's script and WASM. */
export async function engineFiles(): Promise<string[]> {
  const kind = await coreBuild();
  const cores = [true, false].map((lstm) => `vendor/tesseract/${coreFile(kind, lstm)}`);
  return ['vendor/tesseract/worker.min.js', ...cores.flatMap((js) => [js, js.replace(/\.js$/, '.wasm')])];
}
